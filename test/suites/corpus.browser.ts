// Browser only: the corpus comparison with pyarrow inside Chromium, every file read through a Blob
// source (the TypeScript build). run-browser.ts serves the corpus and pyarrow's dump at CORPUS_URL.
import { ParquetryError } from '@parquetry/core';
import { blobSource } from '@parquetry/parquet';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { DIFFERENT, ourRows, rowsDifference, theirRows, type DumpIndexEntry } from '../lib/rows-compare.js';

export const CORPUS_URL = 'https://corpus.parquetry.test/';

async function blobOf(path: string): Promise<Blob> {
  const response = await fetch(`${CORPUS_URL}${path}`);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.blob();
}

const corpus = suite('corpus in the browser: Blob sources against pyarrow');

corpus('every file pyarrow reads gives the same rows; every bad_data file fails with a ParquetryError', async () => {
  const index = (await (await fetch(`${CORPUS_URL}dump/index.json`)).json()) as { files: DumpIndexEntry[] };
  const failures: string[] = [];
  let files = 0;
  for (const entry of index.files) {
    if (entry.status !== 'ok') continue;
    const special = DIFFERENT[entry.file];
    try {
      const blob = await blobOf(`corpus/${entry.file}`);
      if (special?.fails) {
        try {
          await ourRows(blobSource(blob), Infinity);
          failures.push(`${entry.file}: read, but should fail`);
        } catch (error) {
          if (!ParquetryError.is(error) || !special.fails.test(error.message)) failures.push(`${entry.file}: ${String(error)}`);
        }
        if (!/CRC/.test(special.why)) continue;
      }
      const theirs = theirRows(await (await blobOf(`dump/${entry.file}.json`)).text());
      const difference = rowsDifference(entry.file, await ourRows(blobSource(blob), theirs.length, !special?.fails), theirs, special?.rows);
      if (difference) failures.push(difference);
      files++;
    } catch (error) {
      failures.push(`${entry.file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const bad = (await (await fetch(`${CORPUS_URL}dump/bad_data.json`)).json()) as string[];
  for (const name of bad) {
    if (name === 'ARROW-GH-43605.parquet') continue; // read by Arrow C++ and Parquetry alike (see the Node suite)
    try {
      await ourRows(blobSource(await blobOf(`corpus/bad_data/${name}`)), Infinity);
      failures.push(`bad_data/${name}: read without error`);
    } catch (error) {
      if (!ParquetryError.is(error)) failures.push(`bad_data/${name}: ${String(error)}`);
    }
  }
  assert.is(failures.length, 0, `${failures.length} failures:\n  ${failures.slice(0, 20).join('\n  ')}`);
  assert.ok(files >= 200, `${files} files compared`);
  assert.ok(bad.length >= 8, `${bad.length} bad_data files`);
});

corpus.run();
