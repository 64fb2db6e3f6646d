// Comparing Parquetry's reading of Parquet files with pyarrow's in Node (files on disk); the
// comparison itself is in rows-compare.ts, shared with the browser run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { memorySource } from '@parquetry/parquet';
import { ourRows, rowsDifference, theirRows, type DumpIndexEntry } from './rows-compare.js';

export { DIFFERENT, type DumpIndexEntry } from './rows-compare.js';

export function ourRowsOf(bytes: Uint8Array, limit: number, verifyCrc = true): Promise<string[]> {
  return ourRows(memorySource(bytes), limit, verifyCrc);
}

export function readDumpIndex(dumpDir: string): DumpIndexEntry[] {
  return (JSON.parse(readFileSync(join(dumpDir, 'index.json'), 'utf8')) as { files: DumpIndexEntry[] }).files;
}

/** The first difference between Parquetry's rows of `file` and pyarrow's, or undefined. */
export async function firstDifference(root: string, dumpDir: string, file: string, expected: Record<number, string> = {}, verifyCrc = true): Promise<string | undefined> {
  const theirs = theirRows(readFileSync(join(dumpDir, `${file}.json`), 'utf8'));
  const ours = await ourRowsOf(readFileSync(join(root, file)), theirs.length, verifyCrc);
  return rowsDifference(file, ours, theirs, expected);
}
