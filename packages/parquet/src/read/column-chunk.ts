// A whole column chunk at once, and where a chunk's bytes are.
import { ParquetryError } from '@parquetry/core';
import { listAt, type ColumnChunk, type ColumnMetaData } from '@parquetry/thrift';
import { pathString, type LeafNode } from '../schema/parquet-schema.js';
import type { ParquetFile } from './parquet-file.js';
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

export interface LocatedChunk {
  chunk: ColumnChunk;
  meta: ColumnMetaData;
  /** Where the chunk's bytes are in the file (an empty chunk: none). */
  start: number;
  length: number;
}

/** A leaf's column chunk in a row group, its metadata and byte range checked against the file. */
export function locateChunk(file: ParquetFile, rowGroup: number, leaf: LeafNode): LocatedChunk {
  const chunk = listAt(file.metadata.row_groups[rowGroup].columns, leaf.columnIndex);
  const meta = chunk.meta_data;
  const where = { rowGroup, columnPath: pathString(leaf) };
  if (!meta) throw new ParquetryError('UNSUPPORTED', 'column chunk without metadata (encrypted or external)', where);
  if (chunk.file_path) throw new ParquetryError('UNSUPPORTED', `column chunk stored in another file (${chunk.file_path})`, where);
  // An empty chunk needs no bytes (writers have left its offsets at 0).
  const { start, length } = meta.num_values === 0 ? { start: 4, length: 0 } : chunkRange(meta);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(length) || start < 4 || length < 0 || start + length > file.source.size) {
    throw new ParquetryError('CORRUPT', `column chunk range ${start}+${length} lies outside the file`, where);
  }
  return { chunk, meta, start, length };
}
