// Comparing Parquetry's reading of Parquet files with pyarrow's, as JSON text per row (the mapping
// of test/reference/json_mapping.md; pyarrow's side is test/reference/pyarrow_dump.py).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonRows, jsonText } from '@parquetry/cli';
import { memorySource, openParquet, readArrow } from '@parquetry/parquet';

export interface DumpIndexEntry {
  file: string;
  status: 'ok' | 'error' | 'skipped';
  num_rows?: number;
  rows?: number;
  error?: string;
}

/** Parquetry's first `limit` rows of a file, as JSON text. */
export async function ourRows(bytes: Uint8Array, limit: number, verifyCrc = true): Promise<string[]> {
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
export function theirRows(dump: string): string[] {
  const lines = dump.trimEnd().split('\n');
  if (lines.length < 3) return [];
  return lines.slice(1, -1).map((line) => (line.endsWith(',') ? line.slice(0, -1) : line));
}

export function readDumpIndex(dumpDir: string): DumpIndexEntry[] {
  return (JSON.parse(readFileSync(join(dumpDir, 'index.json'), 'utf8')) as { files: DumpIndexEntry[] }).files;
}

/** The first difference between Parquetry's rows of `file` and pyarrow's, or undefined. */
export async function firstDifference(root: string, dumpDir: string, file: string, expected: Record<number, string> = {}, verifyCrc = true): Promise<string | undefined> {
  const theirs = theirRows(readFileSync(join(dumpDir, `${file}.json`), 'utf8'));
  const ours = await ourRows(readFileSync(join(root, file)), theirs.length, verifyCrc);
  if (ours.length !== theirs.length) return `${file}: ${ours.length} rows, pyarrow ${theirs.length}`;
  for (let r = 0; r < ours.length; r++) {
    const want = expected[r] ?? theirs[r];
    if (ours[r] !== want) return `${file} row ${r}:\n    ours    ${ours[r].slice(0, 400)}\n    pyarrow ${want.slice(0, 400)}`;
  }
  return undefined;
}
