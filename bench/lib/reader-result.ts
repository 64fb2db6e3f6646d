// What every reader in the reader benchmark returns, and the checks made on Arrow output, so that
// no reader is timed doing nothing: the row count, sum(label) and a list column's value count.
import type { Data, Vector } from 'apache-arrow';

export interface ReadResult {
  rows: number;
  /** Sum of the `label` column (filled on a verifying run). */
  labelSum?: number;
  /** Values under the list column, when read (filled on a verifying run). */
  listValues?: number;
  /** Largest Arrow batch in bytes (Parquetry only: the RSS target is relative to it). */
  maxBatchBytes?: number;
  /** Seconds spent in named phases of one read, where a reader has distinct ones. */
  phases?: Record<string, number>;
}

/** One reader, set up once per process (DuckDB instance, WASM module) and then called repeatedly. */
export interface Reader {
  /** Reads `columns` (all when undefined) of the file at `path`; `verify` also fills the checksums. */
  read(path: string, columns: readonly string[] | undefined, verify: boolean): Promise<ReadResult>;
}

/** One reader of the 10,000-column file: its footer and (for most) 10 columns from memory. */
export interface FooterReader {
  /** Returns the rows it read and, for `verify`, sum over the read columns of (their sum / (k+1)). */
  run(bytes: Uint8Array, columns: readonly string[], verify: boolean): Promise<ReadResult>;
}

export function sumInt32Vector(vector: Vector | null | undefined): number {
  if (!vector) return NaN;
  let sum = 0;
  const values = vector.toArray() as ArrayLike<number | bigint>;
  for (let i = 0; i < values.length; i++) sum += Number(values[i]);
  return sum;
}

/** Values under a list vector: the span of its offsets in each chunk. */
export function listValueCount(vector: Vector | null | undefined): number {
  if (!vector) return NaN;
  let count = 0;
  for (const data of vector.data) {
    const offsets = data.valueOffsets;
    count += offsets[data.length] - offsets[0];
  }
  return count;
}

/** Bytes of the buffers in an Arrow Data tree (every child and dictionary; a buffer shared by two counts once). */
export function arrowBytes(data: Data, seen = new Set<ArrayBufferView>()): number {
  let bytes = 0;
  for (const buffer of [data.values, data.valueOffsets, data.nullBitmap, data.typeIds] as Array<ArrayBufferView | undefined>) {
    if (!buffer || seen.has(buffer)) continue;
    seen.add(buffer);
    bytes += buffer.byteLength;
  }
  for (const child of data.children) bytes += arrowBytes(child, seen);
  if (data.dictionary) for (const d of data.dictionary.data) bytes += arrowBytes(d, seen);
  return bytes;
}

/** The wide file's column `c<k>` holds row*(k+1), so each column's sum / (k+1) is 0+1+...+(rows-1). */
export function wideColumnIndex(name: string): number {
  return Number(name.slice(1));
}
