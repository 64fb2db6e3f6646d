// A whole column chunk at once, and where a chunk's bytes are.
import type { ColumnMetaData } from '@parquetry/thrift';
import type { LeafNode } from '../schema/parquet-schema.js';
import { ColumnCursor, type ColumnChunkData } from './column-cursor.js';
import type { ReadOptions } from './page-decoder.js';

export type { ColumnChunkData } from './column-cursor.js';
export type { ReadOptions } from './page-decoder.js';

/** The byte range of a chunk: from its dictionary page if it has one, else its first data page. */
export function chunkRange(meta: ColumnMetaData): { start: number; length: number } {
  const dict = meta.dictionary_page_offset;
  // Some writers store 0 for "no dictionary page"; a real one comes before the data pages.
  const start = dict !== undefined && dict > 0 && dict < meta.data_page_offset ? dict : meta.data_page_offset;
  return { start, length: meta.total_compressed_size };
}

/** Every page of a chunk holding `rows` rows, decoded. */
export function decodeColumnChunk(bytes: Uint8Array, fileOffset: number, meta: ColumnMetaData, leaf: LeafNode, rows: number, options: ReadOptions = {}): ColumnChunkData {
  return new ColumnCursor(bytes, fileOffset, meta, leaf, options).takeRows(rows);
}
