// The part of the pyarrow comparison that runs anywhere (Node and the browser): Parquetry's rows of
// a source as JSON text, pyarrow's rows of a dump, and the files where the two deliberately differ.
import { jsonRows, jsonText } from '@parquetry/cli';
import { openParquet, readArrow, type ByteSource } from '@parquetry/parquet';

export interface DumpIndexEntry {
  file: string;
  status: 'ok' | 'error' | 'skipped';
  num_rows?: number;
  rows?: number;
  error?: string;
}

/** Where Parquetry deliberately differs from pyarrow on the corpus, with the reason. */
export const DIFFERENT: Record<string, { rows?: Record<number, string>; fails?: RegExp; why: string }> = {
  'data/int96_from_spark.parquet': {
    rows: { 5: '{"a":"+290000-12-30T23:00:00.000000000"}' },
    why: 'Spark wrapped 64-bit microseconds writing row 6; Parquetry undoes it (int96_from_spark.md: 290000-12-31T01:00:00+02:00), pyarrow reads a year-11465252 value',
  },
  'data/nation.dict-malformed.parquet': { fails: /./, why: 'a malformed dictionary page: pyarrow reads it, Parquetry refuses it' },
  'data/datapage_v1-corrupt-checksum.parquet': { fails: /CRC/, why: 'page CRCs are verified by default; pyarrow does not check them' },
  'data/rle-dict-uncompressed-corrupt-checksum.parquet': { fails: /CRC/, why: 'page CRCs are verified by default; pyarrow does not check them' },
};

/** Parquetry's first `limit` rows, as JSON text. */
export async function ourRows(source: ByteSource, limit: number, verifyCrc = true): Promise<string[]> {
  const file = await openParquet(source, { int96Unit: 'raw' });
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

/** The first difference between two row lists, or undefined. */
export function rowsDifference(file: string, ours: string[], theirs: string[], expected: Record<number, string> = {}): string | undefined {
  if (ours.length !== theirs.length) return `${file}: ${ours.length} rows, pyarrow ${theirs.length}`;
  for (let r = 0; r < ours.length; r++) {
    const want = expected[r] ?? theirs[r];
    if (ours[r] !== want) return `${file} row ${r}:\n    ours    ${ours[r].slice(0, 400)}\n    pyarrow ${want.slice(0, 400)}`;
  }
  return undefined;
}
