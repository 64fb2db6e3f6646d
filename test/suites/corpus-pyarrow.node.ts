// Node only: every Parquet file of the parquet-testing corpus read by Parquetry (the backend in
// force) and compared, row by row as JSON text, with what pyarrow reads from it (the dump of
// test/reference/pyarrow_dump.py, in the mapping of test/reference/json_mapping.md). Every file of
// bad_data/ must fail with a ParquetryError.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsonRows, jsonText } from '@parquetry/cli';
import { ParquetryError } from '@parquetry/core';
import { memorySource, openParquet, readArrow, readTable } from '@parquetry/parquet';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { corpusRoot, runReference } from '../lib/python.js';

interface IndexEntry {
  file: string;
  status: 'ok' | 'error' | 'skipped';
  num_rows?: number;
  rows?: number;
  error?: string;
}

/** Where Parquetry deliberately differs from pyarrow, with the reason. */
const DIFFERENT: Record<string, { rows?: Record<number, string>; fails?: RegExp; why: string }> = {
  'data/int96_from_spark.parquet': {
    rows: { 5: '{"a":"+290000-12-30T23:00:00.000000000"}' },
    why: 'Spark wrapped 64-bit microseconds writing row 6; Parquetry undoes it (int96_from_spark.md: 290000-12-31T01:00:00+02:00), pyarrow reads a year-11465252 value',
  },
  'data/nation.dict-malformed.parquet': { fails: /./, why: 'a malformed dictionary page: pyarrow reads it, Parquetry refuses it' },
  'data/datapage_v1-corrupt-checksum.parquet': { fails: /CRC/, why: 'page CRCs are verified by default; pyarrow does not check them' },
  'data/rle-dict-uncompressed-corrupt-checksum.parquet': { fails: /CRC/, why: 'page CRCs are verified by default; pyarrow does not check them' },
};

async function ourRows(bytes: Uint8Array, limit: number, verifyCrc = true): Promise<string[]> {
  const file = await openParquet(memorySource(bytes), { int96Unit: 'raw' });
  const lines: string[] = [];
  for await (const batch of readArrow(file, { verifyCrc })) {
    for (const row of jsonRows(batch, file.plans)) {
      if (lines.length >= limit) return lines;
      lines.push(jsonText(row));
    }
  }
  return lines;
}

/** pyarrow's rows of a dump file: the header line ends with `"rows":[`, then one row per line (a
 * comma after all but the last), then `]}`. */
function theirRows(dump: string): string[] {
  const lines = dump.trimEnd().split('\n');
  if (lines.length < 3) return [];
  return lines.slice(1, -1).map((line) => (line.endsWith(',') ? line.slice(0, -1) : line));
}

const corpus = suite('corpus: every file against pyarrow');
let dumpDir = '';
corpus.before(() => {
  dumpDir = mkdtempSync(join(tmpdir(), 'parquetry-pyarrow-'));
  runReference('pyarrow_dump.py', ['dump', corpusRoot(), dumpDir]);
});
corpus.after(() => {
  if (dumpDir) rmSync(dumpDir, { recursive: true, force: true });
});

corpus('every file pyarrow reads, Parquetry reads to the same rows', async () => {
  const index = JSON.parse(readFileSync(join(dumpDir, 'index.json'), 'utf8')) as { files: IndexEntry[] };
  const failures: string[] = [];
  let files = 0;
  let rows = 0;
  for (const entry of index.files) {
    if (entry.status !== 'ok') continue;
    const bytes = readFileSync(join(corpusRoot(), entry.file));
    const special = DIFFERENT[entry.file];
    try {
      if (special?.fails) {
        try {
          await ourRows(bytes, Infinity);
          failures.push(`${entry.file}: read, but should fail (${special.why})`);
        } catch (error) {
          if (!ParquetryError.is(error) || !special.fails.test(error.message)) failures.push(`${entry.file}: ${String(error)}`);
        }
        if (!/CRC/.test(special.why)) continue;
      }
      const theirs = theirRows(readFileSync(join(dumpDir, `${entry.file}.json`), 'utf8'));
      const ours = await ourRows(bytes, theirs.length, !special?.fails);
      if (ours.length !== theirs.length) failures.push(`${entry.file}: ${ours.length} rows, pyarrow ${theirs.length}`);
      for (let r = 0; r < Math.min(ours.length, theirs.length); r++) {
        const want = special?.rows?.[r] ?? theirs[r];
        if (ours[r] !== want) {
          failures.push(`${entry.file} row ${r}:\n    ours    ${ours[r].slice(0, 400)}\n    pyarrow ${want.slice(0, 400)}`);
          break;
        }
      }
      files++;
      rows += ours.length;
    } catch (error) {
      failures.push(`${entry.file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  assert.ok(files >= 200, `${files} files compared`);
  assert.is(failures.length, 0, `${failures.length} files differ (${files} compared, ${rows} rows):\n  ${failures.join('\n  ')}`);
});

corpus('the file pyarrow refuses (an optional map key) reads; every bad_data file fails with a ParquetryError', async () => {
  const table = await readTable(await openParquet(memorySource(readFileSync(join(corpusRoot(), 'data/incorrect_map_schema.parquet')))));
  assert.ok(table.numRows >= 1);
  const bad = join(corpusRoot(), 'bad_data');
  const names = readdirSync(bad).filter((f) => f.endsWith('.parquet'));
  assert.ok(names.length >= 8, `${names.length} bad_data files`);
  const wrong: string[] = [];
  for (const name of names) {
    // RLE dictionary indices with bit width 0 (a one-entry dictionary): Arrow C++ reads it since
    // the fix for GH-43605, and so does Parquetry (same 21186 values as pyarrow).
    if (name === 'ARROW-GH-43605.parquet') {
      const table = await readTable(await openParquet(memorySource(readFileSync(join(bad, name)))));
      assert.is(table.numRows, 21186);
      continue;
    }
    try {
      await readTable(await openParquet(memorySource(readFileSync(join(bad, name)))));
      wrong.push(`${name}: read without error`);
    } catch (error) {
      if (!ParquetryError.is(error)) wrong.push(`${name}: ${String(error)}`);
    }
  }
  assert.equal(wrong, []);
});

corpus.run();
