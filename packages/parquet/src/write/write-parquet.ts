// Writing a Parquet file from an Arrow table, whole, into memory: flat columns of the common types,
// dictionary-encoded byte arrays, data page v1, statistics, any codec. The first cut of the writer;
// nested types, page indexes and streaming sinks come with the writer issue.
import { ParquetryError, type CompressionCodecName } from '@parquetry/core';
import { concatValues } from '../read/concat-values.js';
import { concatBytes } from '../util/concat.js';
import { ColumnIndex, PARQUET_TYPE, encodeStruct, FileMetaData, OffsetIndex, type ColumnChunk, type ColumnIndex as ColumnIndexValue, type OffsetIndex as OffsetIndexValue, type RowGroup } from '@parquetry/thrift';
import type { Table } from 'apache-arrow';
import { leafColumn, leafElement, type LeafColumn } from './arrow-leaf.js';
import { writeColumnChunk } from './column-writer.js';
import { checkEncoding, type ValueEncoding } from './value-encoding.js';

export interface WriteOptions {
  compression?: CompressionCodecName;
  level?: number;
  /** Rows per row group (default 1,000,000). */
  rowGroupSize?: number;
  /** Rows per data page (default 20,000). */
  pageRows?: number;
  /** Dictionary-encode byte arrays when the dictionary fits (default true). */
  dictionary?: boolean;
  keyValueMetadata?: Record<string, string>;
  /** Write ColumnIndex and OffsetIndex for every column chunk (default true). */
  pageIndex?: boolean;
  /** Data page version: 1 (default: what Iceberg, Paimon and DuckDB readers take) or 2. */
  pageVersion?: 1 | 2;
  /** Value encodings by top-level column name (default: dictionary for byte arrays, else PLAIN). */
  encodings?: Record<string, ValueEncoding>;
}

const MAGIC = new TextEncoder().encode('PAR1');
export const CREATED_BY = 'parquetry version 0.1.0';

function mergeLeaves(parts: LeafColumn[]): LeafColumn {
  if (parts.length === 1) return parts[0];
  const levels = parts[0].definitionLevels ? Int32Array.from(parts.flatMap((p) => Array.from(p.definitionLevels!))) : undefined;
  return {
    ...parts[0],
    definitionLevels: levels,
    values: concatValues(parts[0].physicalType, parts.map((p) => p.values)),
    nullCount: parts.reduce((s, p) => s + p.nullCount, 0),
  };
}

export function writeParquet(table: Table, options: WriteOptions = {}): Uint8Array {
  const rowGroupSize = options.rowGroupSize ?? 1_000_000;
  if (!Number.isSafeInteger(rowGroupSize) || rowGroupSize < 1) throw new ParquetryError('INVALID_ARGUMENT', `rowGroupSize ${rowGroupSize} is not a positive integer`);
  const pageVersion = options.pageVersion ?? 1;
  if (pageVersion !== 1 && pageVersion !== 2) throw new ParquetryError('INVALID_ARGUMENT', `page version ${String(pageVersion)} is neither 1 nor 2`);
  const chunkOptions = {
    compression: options.compression ?? 'SNAPPY',
    level: options.level,
    pageRows: options.pageRows ?? 20_000,
    dictionary: options.dictionary ?? true,
    pageVersion,
  };
  const parts: Uint8Array[] = [MAGIC];
  let offset = MAGIC.length;
  const rowGroups: RowGroup[] = [];
  const indexes: Array<{ chunk: ColumnChunk; columnIndex?: ColumnIndexValue; offsetIndex: OffsetIndexValue }> = [];
  const fields = table.schema.fields;
  const elements = fields.map(leafElement);
  for (const [name, encoding] of Object.entries(options.encodings ?? {})) {
    const i = fields.findIndex((f) => f.name === name);
    if (i < 0) throw new ParquetryError('INVALID_ARGUMENT', `encodings names column ${name}, which the table does not have`);
    checkEncoding(name, PARQUET_TYPE[elements[i].type!], encoding);
  }
  for (let start = 0; start < table.numRows || (table.numRows === 0 && start === 0); start += rowGroupSize) {
    const end = Math.min(table.numRows, start + rowGroupSize);
    const slice = table.slice(start, end);
    const rowGroupStart = offset;
    const columns = fields.map((field, i) => {
      const leaf = mergeLeaves(slice.getChildAt(i)!.data.map((d) => leafColumn(field, d)));
      const { parts: chunkParts, meta, columnIndex, offsetIndex } = writeColumnChunk(leaf, offset, { ...chunkOptions, encoding: options.encodings?.[field.name] });
      parts.push(...chunkParts);
      offset += meta.total_compressed_size;
      const chunk: ColumnChunk = { file_offset: meta.dictionary_page_offset ?? meta.data_page_offset, meta_data: meta };
      indexes.push({ chunk, columnIndex, offsetIndex });
      return chunk;
    });
    rowGroups.push({
      columns,
      total_byte_size: columns.reduce((s, c) => s + c.meta_data!.total_uncompressed_size, 0),
      num_rows: end - start,
      file_offset: rowGroupStart,
      total_compressed_size: offset - rowGroupStart,
      ordinal: rowGroups.length,
    });
    if (table.numRows === 0) break;
  }
  // The page index after every row group, column indexes first, as Arrow C++ and parquet-mr lay it out.
  for (const entry of indexes) {
    if (!options.pageIndex && options.pageIndex !== undefined) break;
    if (!entry.columnIndex) continue;
    const bytes = encodeStruct(ColumnIndex, entry.columnIndex);
    Object.assign(entry.chunk, { column_index_offset: offset, column_index_length: bytes.length });
    parts.push(bytes);
    offset += bytes.length;
  }
  for (const entry of indexes) {
    if (!options.pageIndex && options.pageIndex !== undefined) break;
    const bytes = encodeStruct(OffsetIndex, entry.offsetIndex);
    Object.assign(entry.chunk, { offset_index_offset: offset, offset_index_length: bytes.length });
    parts.push(bytes);
    offset += bytes.length;
  }
  const metadata: FileMetaData = {
    version: 1,
    schema: [{ name: 'schema', num_children: fields.length }, ...elements],
    num_rows: table.numRows,
    row_groups: rowGroups,
    key_value_metadata: options.keyValueMetadata ? Object.entries(options.keyValueMetadata).map(([key, value]) => ({ key, value })) : undefined,
    created_by: CREATED_BY,
    column_orders: fields.map(() => ({ TYPE_ORDER: {} })),
  };
  const footer = encodeStruct(FileMetaData, metadata);
  const length = new Uint8Array(4);
  new DataView(length.buffer).setUint32(0, footer.length, true);
  parts.push(footer, length, MAGIC);
  return concatBytes(parts);
}
