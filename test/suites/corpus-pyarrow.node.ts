// Node only: every Parquet file of the parquet-testing corpus read by Parquetry (the backend in
// force) and compared, row by row as JSON text, with what pyarrow reads from it (the dump of
// test/reference/pyarrow_dump.py, in the mapping of test/reference/json_mapping.md). Every file of
// bad_data/ must fail with a ParquetryError.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ParquetryError } from '@parquetry/core';
import { memorySource, openParquet, readTable } from '@parquetry/parquet';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { DIFFERENT, firstDifference, ourRowsOf, readDumpIndex } from '../lib/pyarrow-compare.js';
import { corpusRoot, runReference } from '../lib/python.js';

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
  const failures: string[] = [];
  let files = 0;
  for (const entry of readDumpIndex(dumpDir)) {
    if (entry.status !== 'ok') continue;
    const special = DIFFERENT[entry.file];
    try {
      if (special?.fails) {
        try {
          await ourRowsOf(readFileSync(join(corpusRoot(), entry.file)), Infinity);
          failures.push(`${entry.file}: read, but should fail (${special.why})`);
        } catch (error) {
          if (!ParquetryError.is(error) || !special.fails.test(error.message)) failures.push(`${entry.file}: ${String(error)}`);
        }
        // With CRC checks off, the CRC files must still read as pyarrow reads them.
        if (!/CRC/.test(special.why)) continue;
      }
      const difference = await firstDifference(corpusRoot(), dumpDir, entry.file, special?.rows, !special?.fails);
      if (difference) failures.push(difference);
      files++;
    } catch (error) {
      failures.push(`${entry.file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  assert.ok(files >= 200, `${files} files compared`);
  assert.is(failures.length, 0, `${failures.length} files differ (${files} compared):\n  ${failures.join('\n  ')}`);
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

corpus('encrypted files fail with UNSUPPORTED, naming encryption', async () => {
  const encrypted: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name.endsWith('.parquet.encrypted')) encrypted.push(join(dir, entry.name));
    }
  };
  walk(join(corpusRoot(), 'data'));
  assert.ok(encrypted.length >= 10, `${encrypted.length} encrypted files`);
  for (const path of encrypted) {
    try {
      await readTable(await openParquet(memorySource(readFileSync(path))));
      assert.unreachable(`${path} read`);
    } catch (error) {
      if (!ParquetryError.is(error) || error.code !== 'UNSUPPORTED' || !/encrypt/i.test(error.message)) assert.unreachable(`${path}: ${String(error)}`);
    }
  }
});

corpus.run();
