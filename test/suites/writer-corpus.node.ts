// Node only: every file of the parquet-testing corpus that Parquetry reads is streamed through the
// writer (readArrow batches into createParquetWriter, int96 kept raw) and read back: the rows are
// the same JSON text as the original's (the mapping of test/reference/json_mapping.md), and the
// annotations Arrow types do not carry (UUID, JSON, BSON, ENUM, INTERVAL, INT96) are kept.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createParquetWriter, memorySink, memorySource, openParquet, readArrow, type ParquetFile } from '@parquetry/parquet';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { DIFFERENT, ourRowsOf } from '../lib/pyarrow-compare.js';
import { corpusRoot } from '../lib/python.js';

/** Files left out, each with why. */
const SKIP: Record<string, string> = {
  'data/large_string_map.brotli.parquet': '2 GiB of strings: read in batches by the corpus suite; too big to write back here',
};
const MAX_BYTES = 64 << 20;

function annotations(file: ParquetFile): string[] {
  return file.schema.leaves.map((leaf) => {
    const l = leaf.logicalType;
    const tag = l?.UUID ? 'UUID' : l?.JSON || leaf.convertedType === 'JSON' ? 'JSON' : l?.BSON || leaf.convertedType === 'BSON' ? 'BSON' : l?.ENUM || leaf.convertedType === 'ENUM' ? 'ENUM' : leaf.convertedType === 'INTERVAL' ? 'INTERVAL' : '';
    return `${leaf.path.join('.')}:${leaf.physicalType === 'INT96' ? 'INT96' : ''}${tag}`;
  });
}

const corpus = suite('writer: every corpus file written back');

corpus('every corpus file Parquetry reads, written back, reads to the same rows and keeps its annotations', async () => {
  const dir = join(corpusRoot(), 'data');
  const failures: string[] = [];
  let written = 0;
  let rows = 0;
  const names = (readdirSync(dir, { recursive: true }) as string[]).filter((n) => n.endsWith('.parquet')).sort();
  for (const name of names) {
    const key = `data/${name}`;
    if (SKIP[key] || DIFFERENT[key]?.fails || statSync(join(dir, name)).size > MAX_BYTES) continue;
    const bytes = new Uint8Array(readFileSync(join(dir, name)));
    let original: string[];
    let file: ParquetFile;
    try {
      original = await ourRowsOf(bytes, Infinity);
      file = await openParquet(memorySource(bytes), { int96Unit: 'raw' });
    } catch {
      continue; // files the reader refuses are the corpus suite's business
    }
    try {
      const sink = memorySink();
      const writer = createParquetWriter(sink, file.arrowSchema, { rowGroupSize: 5000, pageRows: 700 });
      for await (const batch of readArrow(file)) await writer.write(batch);
      await writer.close();
      const back = await ourRowsOf(sink.bytes(), Infinity);
      const rewritten = await openParquet(memorySource(sink.bytes()));
      if (back.length !== original.length) failures.push(`${key}: ${back.length} rows, expected ${original.length}`);
      else {
        const row = back.findIndex((line, i) => line !== original[i]);
        if (row >= 0) failures.push(`${key}: row ${row}:\n    expected ${original[row].slice(0, 300)}\n    actual   ${back[row].slice(0, 300)}`);
      }
      const want = annotations(file).filter((a) => !a.endsWith(':'));
      const got = new Set(annotations(rewritten));
      for (const a of want) if (!got.has(a)) failures.push(`${key}: annotation ${a} lost`);
      written++;
      rows += back.length;
    } catch (error) {
      failures.push(`${key}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  assert.ok(written >= 65 && rows >= 90_000, `${written} files, ${rows} rows written back`);
  process.stdout.write(` (${written} files, ${rows} rows) `);
  assert.is(failures.length, 0, `${failures.length} files differ (${written} written back):\n  ${failures.join('\n  ')}`);
});

corpus.run();
