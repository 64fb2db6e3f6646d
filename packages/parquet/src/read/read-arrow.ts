// Reading into Arrow: one row group at a time (at most one row group of decoded data in memory),
// fetching only the column chunks of the projected columns.
import { ParquetryError } from '@parquetry/core';
import { makeData, RecordBatch, Schema, Struct, Table } from 'apache-arrow';
import { planField, type Plan } from '../arrow/arrow-plan.js';
import { assembleLeaf } from '../arrow/assemble.js';
import { buildData, type RowGroupColumns } from '../arrow/build.js';
import type { LeafNode, SchemaNode } from '../schema/parquet-schema.js';
import { listAt } from '@parquetry/thrift';
import { readRanges, type CoalesceOptions } from '../source/coalesce.js';
import type { Predicate } from '../filter/predicate.js';
import { rowGroupMayMatch } from '../filter/prune.js';
import { chunkRange, decodeColumnChunk, type ColumnChunkData, type ReadOptions } from './column-chunk.js';
import type { ParquetFile } from './parquet-file.js';

export interface RowGroupReadOptions extends ReadOptions {
  /** How column chunk reads are merged (gap and size limits); see readRanges. */
  coalesce?: CoalesceOptions;
}

export interface ReadArrowOptions extends RowGroupReadOptions {
  /** Top-level field names to read (default: all). */
  columns?: readonly string[];
  /** Row group indices to read (default: all). */
  rowGroups?: readonly number[];
  /** Split each row group into batches of at most this many rows. */
  batchSize?: number;
  /** Rows [start, end) of the file (after row-group selection by `rowGroups`, before `filter`). */
  rowRange?: { start: number; end?: number };
  /** Skip row groups whose statistics rule the predicate out (rows are not filtered one by one). */
  filter?: Predicate;
}

function leavesUnder(node: SchemaNode, out: LeafNode[] = []): LeafNode[] {
  if (node.kind === 'leaf') out.push(node);
  else for (const child of node.children) leavesUnder(child, out);
  return out;
}

function project(file: ParquetFile, columns: readonly string[] | undefined): Plan[] {
  if (!columns) return file.plans;
  return columns.map((name) => {
    const plan = file.plans.find((p) => p.node.name === name);
    if (!plan) throw new ParquetryError('INVALID_ARGUMENT', `no top-level column ${name}; the file has ${file.plans.map((p) => p.node.name).join(', ')}`);
    return plan;
  });
}

export async function readRowGroup(file: ParquetFile, index: number, plans: Plan[], options: RowGroupReadOptions = {}): Promise<RecordBatch> {
  const rowGroup = file.metadata.row_groups[index];
  if (!rowGroup) throw new ParquetryError('INVALID_ARGUMENT', `row group ${index} does not exist (the file has ${file.metadata.row_groups.length})`);
  const leaves = plans.flatMap((p) => leavesUnder(p.node));
  const chunks = new Map<LeafNode, ColumnChunkData>();
  const shapes: RowGroupColumns['shapes'] = new Map();
  const numRows = rowGroup.num_rows;
  const located = (leaf: LeafNode, error: unknown) => (ParquetryError.is(error) ? error.withLocation({ rowGroup: index, columnPath: leaf.path.join('.') }) : error);
  // Every projected chunk's byte range, fetched together: nearby ranges coalesce into one read.
  const ranges = leaves.map((leaf) => {
    const column = listAt(rowGroup.columns, leaf.columnIndex);
    const meta = column.meta_data;
    try {
      if (!meta) throw new ParquetryError('UNSUPPORTED', 'column chunk without metadata (encrypted or external)');
      if (column.file_path) throw new ParquetryError('UNSUPPORTED', `column chunk stored in another file (${column.file_path})`);
      // An empty chunk needs no bytes (writers have left its offsets at 0).
      const { start, length } = meta.num_values === 0 ? { start: 4, length: 0 } : chunkRange(meta);
      if (!Number.isSafeInteger(start) || !Number.isSafeInteger(length) || start < 4 || length < 0 || start + length > file.source.size) {
        throw new ParquetryError('CORRUPT', `column chunk range ${start}+${length} lies outside the file`);
      }
      return { offset: start, length, meta };
    } catch (error) {
      throw located(leaf, error);
    }
  });
  const buffers = await readRanges(file.source, ranges, options.coalesce);
  for (const [i, leaf] of leaves.entries()) {
    try {
      const chunk = decodeColumnChunk(buffers[i], ranges[i].offset, ranges[i].meta, leaf, options);
      chunks.set(leaf, chunk);
      shapes.set(leaf, assembleLeaf(chunk, numRows));
    } catch (error) {
      throw located(leaf, error);
    }
  }
  const schema = new Schema(plans.map(planField), file.arrowSchema.metadata);
  const children = plans.map((p) => buildData(p, { chunks, shapes }, { int96Unit: file.int96Unit }));
  const data = makeData({ type: new Struct(schema.fields), length: numRows, nullCount: 0, children });
  return new RecordBatch(schema, data);
}

export async function* readArrow(file: ParquetFile, options: ReadArrowOptions = {}): AsyncGenerator<RecordBatch> {
  const plans = project(file, options.columns);
  let indices = options.rowGroups ?? file.metadata.row_groups.map((_, i) => i);
  for (const i of indices) {
    if (!Number.isInteger(i) || !file.metadata.row_groups[i]) throw new ParquetryError('INVALID_ARGUMENT', `row group ${i} does not exist (the file has ${file.metadata.row_groups.length})`);
  }
  const range = rowRangeOf(options.rowRange);
  let firstRow = 0;
  const starts = new Map<number, number>();
  for (const i of indices) {
    starts.set(i, firstRow);
    firstRow += file.metadata.row_groups[i].num_rows;
  }
  indices = indices.filter((i) => {
    const start = starts.get(i)!;
    return start < range.end && start + file.metadata.row_groups[i].num_rows > range.start;
  });
  if (options.filter) indices = indices.filter((i) => rowGroupMayMatch(file, i, options.filter!));
  for (const index of indices) {
    let batch = await readRowGroup(file, index, plans, options);
    const start = starts.get(index)!;
    const from = Math.max(0, range.start - start);
    const to = Math.min(batch.numRows, range.end - start);
    if (from > 0 || to < batch.numRows) batch = batch.slice(from, to);
    const size = options.batchSize;
    if (!size || batch.numRows <= size) {
      yield batch;
      continue;
    }
    for (let at = 0; at < batch.numRows; at += size) yield batch.slice(at, Math.min(batch.numRows, at + size));
  }
}

function rowRangeOf(range: ReadArrowOptions['rowRange']): { start: number; end: number } {
  if (!range) return { start: 0, end: Infinity };
  const { start, end = Infinity } = range;
  if (!Number.isSafeInteger(start) || start < 0 || (end !== Infinity && (!Number.isSafeInteger(end) || end < start))) {
    throw new ParquetryError('INVALID_ARGUMENT', `row range ${start}..${end} is not a range of rows`);
  }
  return { start, end };
}

export async function readTable(file: ParquetFile, options: ReadArrowOptions = {}): Promise<Table> {
  const batches: RecordBatch[] = [];
  for await (const batch of readArrow(file, options)) batches.push(batch);
  if (batches.length === 0) return new Table(new Schema(project(file, options.columns).map(planField)));
  return new Table(batches);
}
