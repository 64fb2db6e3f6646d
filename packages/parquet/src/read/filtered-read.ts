// Reading a row group through a predicate: the page indexes of the columns involved narrow the
// rows to candidate ranges, only the pages holding those rows are fetched and decoded (every
// projected column, aligned by row however its pages break), the predicate is evaluated on the
// candidates, and the batch holds exactly the matching rows.
import { ParquetryError } from '@parquetry/core';
import { checkOffsetIndex, decodeColumnIndex, decodeOffsetIndex, RowRanges, type OffsetIndex, type PageLocation } from '@parquetry/page-index';
import { PAGE_TYPE, type ColumnMetaData } from '@parquetry/thrift';
import { makeData, RecordBatch, Schema, Struct } from 'apache-arrow';
import { planField, type Plan } from '../arrow/arrow-plan.js';
import { assembleLeaf } from '../arrow/assemble.js';
import { buildData, type RowGroupColumns } from '../arrow/build.js';
import { compilePredicate, predicateColumns, rowValues } from '../filter/evaluate.js';
import { predicateMask } from '../filter/evaluate-mask.js';
import { candidateRows, type ColumnPageIndex } from '../filter/page-prune.js';
import type { Predicate } from '../filter/predicate.js';
import { fileOrder, findLeaf } from '../filter/prune.js';
import { leavesOf, pathString, type LeafNode } from '../schema/parquet-schema.js';
import { readRanges, type CoalesceOptions } from '../source/coalesce.js';
import { locateChunk } from './column-chunk.js';
import { ColumnCursor, type ColumnChunkData } from './column-cursor.js';
import { isDictionaryEncoding, PageDecoder, type ReadOptions } from './page-decoder.js';
import type { ParquetFile } from './parquet-file.js';
import { maskRuns, testedRuns } from './match-runs.js';
import { selectRows, type PositionedPage } from './row-selection.js';

/** What a filtered read skipped and fetched; fill one in through ReadArrowOptions.stats. */
export interface ReadStats {
  rowGroupsSkipped: number;
  rowGroupsRead: number;
  pagesSkipped: number;
  pagesRead: number;
  rowsMatched: number;
}

export function emptyReadStats(): ReadStats {
  return { rowGroupsSkipped: 0, rowGroupsRead: 0, pagesSkipped: 0, pagesRead: 0, rowsMatched: 0 };
}

/** Most bytes of other columns' pages fetched with the predicate's before its rows are known to match. */
const PREFETCH_BYTES = 1 << 20;

interface LeafChunk {
  leaf: LeafNode;
  meta: ColumnMetaData;
  start: number;
  length: number;
  pageIndex: ColumnPageIndex;
}

/** The offset indexes of `leaves`' chunks in row group `index`, and column indexes of those in `filtered` (the only ones pruning reads). */
async function loadPageIndexes(file: ParquetFile, index: number, leaves: LeafNode[], filtered: Set<LeafNode>, coalesce: CoalesceOptions | undefined): Promise<LeafChunk[]> {
  const rowGroup = file.metadata.row_groups[index];
  const chunks = leaves.map((leaf) => ({ leaf, ...locateChunk(file, index, leaf) }));
  const inFile = (offset: number | undefined, length: number | undefined) =>
    offset !== undefined && length !== undefined && length > 0 && offset >= 4 && offset + length <= file.source.size;
  const wanted: Array<{ offset: number; length: number }> = [];
  for (const { leaf, chunk: column } of chunks) {
    wanted.push(inFile(column.offset_index_offset, column.offset_index_length) ? { offset: column.offset_index_offset!, length: column.offset_index_length! } : { offset: 0, length: 0 });
    const columnIndex = filtered.has(leaf) && inFile(column.column_index_offset, column.column_index_length);
    wanted.push(columnIndex ? { offset: column.column_index_offset!, length: column.column_index_length! } : { offset: 0, length: 0 });
  }
  const bytes = await readRanges(file.source, wanted, coalesce);
  return chunks.map(({ leaf, meta, start, length }, i) => {
    let offsetIndex: OffsetIndex | undefined;
    const oi = bytes[2 * i];
    const ci = bytes[2 * i + 1];
    if (oi.length) {
      offsetIndex = decodeOffsetIndex(oi);
      checkOffsetIndex(offsetIndex, rowGroup.num_rows, start, start + length);
    }
    // A column index is only useful (and only trusted) with its offset index.
    const columnIndex = offsetIndex && ci.length ? decodeColumnIndex(ci) : undefined;
    return { leaf, meta, start, length, pageIndex: { leaf, order: fileOrder(file, leaf), columnIndex, offsetIndex } };
  });
}

/**
 * The pages of the offset index holding rows of `ranges` (page i holds rows first_row_index(i) up
 * to the next page's): one walk over pages and ranges together, both sorted by row.
 */
function pagesOverlapping(oi: OffsetIndex, rows: number, ranges: RowRanges): Array<{ p: PageLocation; i: number }> {
  const pages = oi.page_locations;
  const wanted = ranges.ranges;
  const selected: Array<{ p: PageLocation; i: number }> = [];
  let r = 0;
  for (let i = 0; i < pages.length && r < wanted.length; i++) {
    const start = pages[i].first_row_index;
    const end = i + 1 < pages.length ? pages[i + 1].first_row_index : rows;
    while (r < wanted.length && wanted[r][1] <= start) r++;
    if (r < wanted.length && wanted[r][0] < end) selected.push({ p: pages[i], i });
  }
  return selected;
}

/**
 * Whether to fetch the pages of `chunks` holding the candidate rows with the predicate's own
 * pages, saving a round trip to the source: when each chunk holds them all in one page (found by
 * its offset index), of at most PREFETCH_BYTES together. Any match then needs exactly those pages;
 * only when no candidate matches are they fetched for nothing.
 */
function prefetchable(chunks: LeafChunk[], rows: number, candidates: RowRanges): boolean {
  let bytes = 0;
  for (const { meta, start, pageIndex } of chunks) {
    const oi = pageIndex.offsetIndex;
    if (!oi || oi.page_locations.length === 0) return false;
    const selected = pagesOverlapping(oi, rows, candidates);
    if (selected.length !== 1) return false;
    const pageBytes = selected[0].p.compressed_page_size;
    const prefix = Math.max(0, oi.page_locations[0].offset - start);
    bytes += pageBytes + (prefixWithPages(meta, prefix, pageBytes) ? prefix : 0);
  }
  return bytes <= PREFETCH_BYTES;
}

/**
 * Whether a chunk's prefix (its dictionary page) is fetched with its selected pages: when every
 * data page needs it (encoding statistics say so, or say nothing), or when it is small beside them
 * (a quarter of their bytes at most: cheaper than a second round trip should a page need it).
 * Otherwise the pages' headers decide, after they arrive: writers fall back from dictionary to
 * plain pages when the dictionary grows large, and pages after that never need it.
 */
function prefixWithPages(meta: ColumnMetaData, prefix: number, pageBytes: number): boolean {
  return prefix === 0 || dictionaryUse(meta) === 'all' || prefix <= pageBytes / 4;
}

/**
 * A chunk's pages holding some rows, fetched (its dictionary decoded) but not yet decoded
 * themselves. `decode` yields them in row order; transient pages (PageDecoder.transientPageAt)
 * view a scratch buffer that the next one overwrites, so the consumer copies what it keeps first.
 */
interface FetchedPages {
  decode(transient: boolean): Iterable<PositionedPage>;
}

/** The pages of a chunk holding `ranges`, fetched. */
async function pagesFor(file: ParquetFile, chunk: LeafChunk, rows: number, ranges: RowRanges, options: ReadOptions & { coalesce?: CoalesceOptions }, stats: ReadStats): Promise<FetchedPages> {
  const { leaf, meta, start, length, pageIndex } = chunk;
  const oi = pageIndex.offsetIndex;
  if (!oi || oi.page_locations.length === 0) {
    // No offset index: the whole chunk, as one page.
    const [bytes] = await readRanges(file.source, [{ offset: start, length }], options.coalesce);
    const data = new ColumnCursor(bytes, start, meta, leaf, options).takeRows(rows);
    stats.pagesRead++;
    const whole = { page: { slots: data.numSlots, definitionLevels: data.definitionLevels, repetitionLevels: data.repetitionLevels, values: data.values, valueCount: -1 }, firstRow: 0 };
    return { decode: () => [whole] };
  }
  const selected = pagesOverlapping(oi, rows, ranges);
  stats.pagesSkipped += oi.page_locations.length - selected.length;
  stats.pagesRead += selected.length;
  if (selected.length === 0) return { decode: () => [] };
  const firstPage = oi.page_locations[0].offset;
  // The dictionary page (and anything else) before the first data page.
  const prefix = { offset: start, length: Math.max(0, firstPage - start) };
  const pageRanges = selected.map(({ p }) => ({ offset: p.offset, length: p.compressed_page_size }));
  const decoder = new PageDecoder(new Uint8Array(0), start, meta, leaf, options);
  const readPrefix = (bytes: Uint8Array) => {
    for (let at = 0; at < bytes.length; ) at = decoder.pageAt(bytes, start, at).end;
  };
  let pageBytes: Uint8Array[];
  if (prefixWithPages(meta, prefix.length, pageRanges.reduce((n, r) => n + r.length, 0))) {
    const [head, ...rest] = await readRanges(file.source, [prefix, ...pageRanges], options.coalesce);
    readPrefix(head);
    pageBytes = rest;
  } else {
    pageBytes = await readRanges(file.source, pageRanges, options.coalesce);
    if (pageBytes.some((bytes, k) => decoder.needsDictionary(bytes, selected[k].p.offset))) {
      readPrefix((await readRanges(file.source, [prefix], options.coalesce))[0]);
    }
  }
  return {
    *decode(transient) {
      for (let k = 0; k < selected.length; k++) {
        const { p, i } = selected[k];
        const page = transient ? decoder.transientPageAt(pageBytes[k], p.offset) : decoder.pageAt(pageBytes[k], p.offset).page;
        if (!page) throw new ParquetryError('CORRUPT', `offset index page ${i} is not a data page`, { offset: p.offset, columnPath: pathString(leaf) });
        yield { page, firstRow: p.first_row_index };
      }
    },
  };
}

/**
 * Whether the chunk's data pages are dictionary-encoded, from its encoding statistics: 'all' when
 * every one is (or nothing says otherwise: the dictionary is fetched with the pages), else 'some'
 * (each page's header says whether it needs the dictionary).
 */
function dictionaryUse(meta: ColumnMetaData): 'all' | 'some' {
  const stats = meta.encoding_stats;
  if (!stats) return 'all';
  for (const s of stats) {
    const dataPage = PAGE_TYPE[s.page_type] === 'DATA_PAGE' || PAGE_TYPE[s.page_type] === 'DATA_PAGE_V2';
    if (dataPage && s.count > 0 && !isDictionaryEncoding(s.encoding)) return 'some';
  }
  return 'all';
}

export interface FilteredReadOptions extends ReadOptions {
  coalesce?: CoalesceOptions;
  /** Rows of this row group to consider at all (from rowRange). */
  within?: RowRanges;
}

/** The rows of row group `index` that satisfy `predicate`, as one batch (undefined when none do). */
export async function readFilteredRowGroup(file: ParquetFile, index: number, plans: Plan[], predicate: Predicate, options: FilteredReadOptions, stats: ReadStats): Promise<RecordBatch | undefined> {
  const rows = file.metadata.row_groups[index].num_rows;
  const names = [...predicateColumns(predicate)];
  const predicateLeaves = names.map((n) => findLeaf(file, n));
  const projected = plans.flatMap((p) => leavesOf(p.node));
  const leaves = [...new Set([...predicateLeaves, ...projected])];
  const chunks = await loadPageIndexes(file, index, leaves, new Set(predicateLeaves), options.coalesce);
  const byLeaf = new Map(chunks.map((c) => [c.leaf, c]));
  const pageIndexes = new Map(names.map((n, i) => [n, byLeaf.get(predicateLeaves[i])!.pageIndex]));
  let candidates = candidateRows(predicate, rows, pageIndexes);
  if (options.within) candidates = candidates.intersect(options.within);
  if (candidates.isEmpty) return undefined;
  // The predicate's columns over the candidates, then the exact matches.
  const fetched = new Map<LeafNode, FetchedPages>();

  // Pages of several columns are fetched at once (the reads overlap), not one column after another.
  const fetch = async (wanted: LeafNode[], ranges: RowRanges) => {
    const missing = [...new Set(wanted)].filter((leaf) => !fetched.has(leaf));
    const pages = await Promise.all(missing.map((leaf) => pagesFor(file, byLeaf.get(leaf)!, rows, ranges, options, stats)));
    missing.forEach((leaf, i) => fetched.set(leaf, pages[i]));
  };
  // When every other column holds the candidates in one page, those pages come in the same round trip.
  const others = projected.filter((leaf) => !predicateLeaves.includes(leaf));
  await fetch(prefetchable(others.map((leaf) => byLeaf.get(leaf)!), rows, candidates) ? leaves : predicateLeaves, candidates);
  // The predicate's pages are decoded once and kept (the mask, then the selection, read them).
  const predicatePages = new Map(predicateLeaves.map((leaf) => [leaf, [...fetched.get(leaf)!.decode(false)]] as const));
  const chunksByName = new Map(names.map((name, i) => [name, selectRows(predicateLeaves[i], predicatePages.get(predicateLeaves[i])!, candidates)] as const));
  // The whole candidate set at once where the predicate's shape allows, else row by row.
  const mask = predicateMask(predicate, chunksByName, candidates.rowCount);
  const matched = mask
    ? maskRuns(mask, candidates)
    : testedRuns(compilePredicate(predicate, new Map(names.map((name, i) => [name, { leaf: predicateLeaves[i], value: rowValues(chunksByName.get(name)!) }] as const))), candidates);
  const exact = RowRanges.of(matched);
  if (exact.isEmpty) return undefined;
  stats.rowsMatched += exact.rowCount;
  const data = new Map<LeafNode, ColumnChunkData>();
  const shapes: RowGroupColumns['shapes'] = new Map();
  await fetch(projected, exact);
  for (const leaf of projected) {
    try {
      // Copied out page by page: the batch views no page, and the other columns' pages decode into one scratch buffer.
      const chunk = selectRows(leaf, predicatePages.get(leaf) ?? fetched.get(leaf)!.decode(true), exact, true);
      data.set(leaf, chunk);
      shapes.set(leaf, assembleLeaf(chunk, exact.rowCount));
    } catch (error) {
      throw ParquetryError.is(error) ? error.withLocation({ rowGroup: index, columnPath: pathString(leaf) }) : error;
    }
  }
  const schema = new Schema(plans.map(planField));
  const children = plans.map((p) => buildData(p, { chunks: data, shapes }, { int96Unit: file.int96Unit }));
  return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: exact.rowCount, nullCount: 0, children }));
}
