// Reading into Arrow: one row group at a time (at most one row group of decoded data in memory),
// fetching only the column chunks of the projected columns; a whole-file read fetches the next row
// group's compressed chunks while it decodes the current one.
import { ParquetryError } from '@parquetry/core';
import { makeData, RecordBatch, Schema, Struct, Table } from 'apache-arrow';
import { planField, type Plan } from '../arrow/arrow-plan.js';
import { assembleLeaf } from '../arrow/assemble.js';
import { buildData, type RowGroupColumns } from '../arrow/build.js';
import { leavesOf, type LeafNode } from '../schema/parquet-schema.js';
import { listAt, type ColumnMetaData } from '@parquetry/thrift';
import { readRanges, type CoalesceOptions } from '../source/coalesce.js';
import type { Predicate } from '../filter/predicate.js';
import { rowGroupPruner } from '../filter/prune.js';
import { bloomMayMatch } from '../filter/bloom-prune.js';
import { RowRanges } from '@parquetry/page-index';
import { emptyReadStats, readFilteredRowGroup, type ReadStats } from './filtered-read.js';
import { locateChunk, type ColumnChunkData } from './column-chunk.js';
import { borrowChunkBuffer, returnChunkBuffer, type ChunkBuffer } from './chunk-buffer.js';
import { ColumnCursor } from './column-cursor.js';
import type { ReadOptions } from './page-decoder.js';
import type { ParquetFile } from './parquet-file.js';

/** Default cap on the uncompressed column bytes behind one batch: 512 MiB. */
export const DEFAULT_MAX_BATCH_BYTES = 512 * 1024 * 1024;

export interface RowGroupReadOptions extends ReadOptions {
  /** Split each row group into batches of at most this many rows. */
  batchSize?: number;
  /** Split row groups whose projected columns hold more uncompressed bytes than this (default 512 MiB). */
  maxBatchBytes?: number;
  /** How column chunk reads are merged (gap and size limits); see readRanges. */
  coalesce?: CoalesceOptions;
}

export interface ReadArrowOptions extends RowGroupReadOptions {
  /** Top-level field names to read (default: all). */
  columns?: readonly string[];
  /** Row group indices to read (default: all). */
  rowGroups?: readonly number[];
  /** Rows [start, end) of the file (after row-group selection by `rowGroups`, before `filter`). */
  rowRange?: { start: number; end?: number };
  /**
   * Only the rows that satisfy this predicate: row groups are skipped by their statistics, pages by
   * the page index, and the remaining rows are tested one by one.
   */
  filter?: Predicate;
  /** Filled in with what a filtered read skipped (row groups, pages) and matched. */
  stats?: ReadStats;
}


function project(file: ParquetFile, columns: readonly string[] | undefined): Plan[] {
  if (!columns) return file.plans;
  return columns.map((name) => {
    const plan = file.planOf(name);
    if (!plan) throw new ParquetryError('INVALID_ARGUMENT', `no top-level column ${name}; the file has ${file.plans.map((p) => p.node.name).join(', ')}`);
    return plan;
  });
}

/** Rows per batch: all of a row group unless its projected columns would pass `maxBatchBytes`. */
function rowsPerBatch(file: ParquetFile, index: number, leaves: LeafNode[], options: RowGroupReadOptions): number {
  const rowGroup = file.metadata.row_groups[index];
  const rows = Math.max(1, rowGroup.num_rows);
  let bytes = 0;
  for (const leaf of leaves) bytes += listAt(rowGroup.columns, leaf.columnIndex).meta_data?.total_uncompressed_size ?? 0;
  const budget = options.maxBatchBytes ?? DEFAULT_MAX_BATCH_BYTES;
  const byBytes = bytes > budget ? Math.max(1, Math.floor(budget / (bytes / rows))) : rows;
  return Math.min(rows, byBytes, options.batchSize ?? rows);
}

/**
 * One row group as RecordBatches of at most `batchSize` rows (and, for very large columns, of about
 * `maxBatchBytes`), decoding pages only as each batch needs them.
 */
export function readRowGroupBatches(file: ParquetFile, index: number, plans: Plan[], options: RowGroupReadOptions = {}): AsyncGenerator<RecordBatch> {
  return rowGroupBatches(file, index, plans, options, undefined);
}

/** A row group's projected column chunks, as read from the source. */
interface FetchedChunks {
  ranges: Array<{ offset: number; length: number; meta: ColumnMetaData }>;
  buffers: Uint8Array[];
  /** The buffers are `chunkBuffer`'s, reused for a later row group. */
  reused: boolean;
}

/** Reads row group `index`'s projected chunks, into `chunkBuffer` when given and every chunk is compressed. */
async function fetchChunks(file: ParquetFile, index: number, leaves: LeafNode[], options: RowGroupReadOptions, chunkBuffer: ChunkBuffer | undefined): Promise<FetchedChunks> {
  // Every projected chunk's byte range, fetched together: nearby ranges coalesce into one read.
  const ranges = leaves.map((leaf) => {
    const { meta, start, length } = locateChunk(file, index, leaf);
    return { offset: start, length, meta };
  });
  // A whole-file read reuses buffers for its row groups' compressed chunks (none of an
  // uncompressed chunk: its values view its bytes).
  const reused = chunkBuffer !== undefined && ranges.every((r) => r.meta.codec !== 0);
  const buffers = await readRanges(file.source, ranges, options.coalesce, reused ? (n) => chunkBuffer.take(n) : undefined);
  return { ranges, buffers, reused };
}

/** readRowGroupBatches over chunks already fetched (or fetched here when not given). */
async function* rowGroupBatches(file: ParquetFile, index: number, plans: Plan[], options: RowGroupReadOptions, fetched: Promise<FetchedChunks> | undefined): AsyncGenerator<RecordBatch> {
  const rowGroup = file.metadata.row_groups[index];
  if (!rowGroup) throw new ParquetryError('INVALID_ARGUMENT', `row group ${index} does not exist (the file has ${file.metadata.row_groups.length})`);
  const leaves = plans.flatMap((p) => leavesOf(p.node));
  const located = (leaf: LeafNode | undefined, error: unknown) =>
    ParquetryError.is(error) ? error.withLocation({ rowGroup: index, columnPath: leaf?.path.join('.') }) : error;
  const { ranges, buffers, reused: reuse } = await (fetched ?? fetchChunks(file, index, leaves, options, undefined));
  const cursors = leaves.map((leaf, i) => {
    try {
      return new ColumnCursor(buffers[i], ranges[i].offset, ranges[i].meta, leaf, options, reuse);
    } catch (error) {
      throw located(leaf, error);
    }
  });
  const schema = new Schema(plans.map(planField));
  const perBatch = rowsPerBatch(file, index, leaves, options);
  const totalRows = rowGroup.num_rows;
  for (let done = 0; done < totalRows || (totalRows === 0 && done === 0); ) {
    const rows = Math.min(perBatch, totalRows - done);
    const chunks = new Map<LeafNode, ColumnChunkData>();
    const shapes: RowGroupColumns['shapes'] = new Map();
    for (const [i, leaf] of leaves.entries()) {
      try {
        const chunk = cursors[i].takeRows(rows);
        chunks.set(leaf, chunk);
        shapes.set(leaf, assembleLeaf(chunk, rows));
      } catch (error) {
        throw located(leaf, error);
      }
    }
    const children = plans.map((p) => buildData(p, { chunks, shapes }, { int96Unit: file.int96Unit }));
    yield new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: rows, nullCount: 0, children }));
    done += rows;
    if (totalRows === 0) break;
  }
}

/** One whole row group as a single RecordBatch. */
export async function readRowGroup(file: ParquetFile, index: number, plans: Plan[], options: RowGroupReadOptions = {}): Promise<RecordBatch> {
  const batches: RecordBatch[] = [];
  for await (const batch of readRowGroupBatches(file, index, plans, { ...options, batchSize: undefined, maxBatchBytes: Infinity })) batches.push(batch);
  return batches[0];
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
  const stats = options.stats ?? emptyReadStats();
  if (options.filter) {
    const before = indices.length;
    indices = indices.filter(rowGroupPruner(file, options.filter));
    stats.rowGroupsSkipped += before - indices.length;
    for (const index of indices) {
      if (!(await bloomMayMatch(file, index, options.filter))) {
        stats.rowGroupsSkipped++;
        continue;
      }
      const first = starts.get(index)!;
      const rows = file.metadata.row_groups[index].num_rows;
      const within = RowRanges.of([[Math.max(0, range.start - first), Math.min(rows, range.end - first)]]);
      const batch = await readFilteredRowGroup(file, index, plans, options.filter, { ...options, within }, stats);
      if (!batch) {
        stats.rowGroupsSkipped++;
        continue;
      }
      stats.rowGroupsRead++;
      const size = options.batchSize ?? batch.numRows;
      for (let at = 0; at < batch.numRows; at += size) yield at === 0 && size >= batch.numRows ? batch : batch.slice(at, Math.min(batch.numRows, at + size));
    }
    return;
  }
  // Row groups are decoded one after another while the next one's chunks are read (so the read
  // overlaps the decoding): two buffers, alternating, serve all their compressed chunks.
  const leaves = plans.flatMap((p) => leavesOf(p.node));
  const chunkBuffers = [borrowChunkBuffer(), borrowChunkBuffer()];
  /** Whether nothing reads into each buffer any more (its last fetch has settled, every read of it). */
  const idle = [true, true];
  const fetchAt = (k: number): Promise<FetchedChunks> => {
    const slot = k % 2;
    idle[slot] = false;
    const fetched = fetchChunks(file, indices[k], leaves, options, chunkBuffers[slot]);
    // Awaited when its row group is decoded; a reader that stops before then never sees its error.
    fetched.then(
      () => (idle[slot] = true),
      () => (idle[slot] = true),
    );
    return fetched;
  };
  let next = indices.length > 0 ? fetchAt(0) : undefined;
  try {
    for (let k = 0; k < indices.length; k++) {
      const index = indices[k];
      const fetched = next!;
      await fetched;
      next = k + 1 < indices.length ? fetchAt(k + 1) : undefined;
      let first = starts.get(index)!;
      for await (let batch of rowGroupBatches(file, index, plans, options, fetched)) {
        const from = Math.max(0, range.start - first);
        const to = Math.min(batch.numRows, range.end - first);
        first += batch.numRows;
        if (to <= from && batch.numRows > 0) continue;
        if (from > 0 || to < batch.numRows) batch = batch.slice(from, Math.max(from, to));
        yield batch;
      }
    }
  } finally {
    // A reader that stopped early may leave a fetch in flight into one buffer: that one is left to
    // the collector (stopping does not wait for it, nor can a later read be handed it).
    chunkBuffers.forEach((buffer, slot) => idle[slot] && returnChunkBuffer(buffer));
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
