// ColumnIndex and OffsetIndex (PageIndex.md): decoded with the parquet.thrift descriptions and
// checked against each other and the row group before a reader trusts them.
import { ParquetryError } from '@parquetry/core';
import { ColumnIndex, decodeStruct, encodeStruct, OffsetIndex } from '@parquetry/thrift';
import { RowRanges } from './row-ranges.js';

export type { ColumnIndex, OffsetIndex, PageLocation } from '@parquetry/thrift';

export function decodeOffsetIndex(bytes: Uint8Array): OffsetIndex {
  return decodeStruct(OffsetIndex, bytes).value;
}

export function decodeColumnIndex(bytes: Uint8Array): ColumnIndex {
  return decodeStruct(ColumnIndex, bytes).value;
}

export function encodeOffsetIndex(index: OffsetIndex): Uint8Array {
  return encodeStruct(OffsetIndex, index);
}

export function encodeColumnIndex(index: ColumnIndex): Uint8Array {
  return encodeStruct(ColumnIndex, index);
}

/**
 * Checks an OffsetIndex against its chunk: pages in file order inside [chunkStart, chunkEnd), first
 * rows increasing from 0 and below the row group's row count.
 */
export function checkOffsetIndex(index: OffsetIndex, rows: number, chunkStart: number, chunkEnd: number): void {
  let previousRow = -1;
  let previousEnd = chunkStart;
  for (const [i, page] of index.page_locations.entries()) {
    const fail = (detail: string): never => {
      throw new ParquetryError('CORRUPT', `offset index page ${i}: ${detail}`, { page: i });
    };
    if (page.compressed_page_size <= 0) fail(`size ${page.compressed_page_size}`);
    if (page.offset < previousEnd || page.offset + page.compressed_page_size > chunkEnd) fail(`bytes ${page.offset}+${page.compressed_page_size} outside the chunk or overlapping the page before`);
    if (i === 0 ? page.first_row_index !== 0 : page.first_row_index <= previousRow) fail(`first row ${page.first_row_index} after ${previousRow}`);
    if (page.first_row_index >= Math.max(rows, 1)) fail(`first row ${page.first_row_index} past the row group's ${rows} rows`);
    previousRow = page.first_row_index;
    previousEnd = page.offset + page.compressed_page_size;
  }
}

/** The rows of each page: page i covers [first_row_index(i), first_row_index(i + 1)). */
export function pageRows(index: OffsetIndex, rows: number): Array<[number, number]> {
  const pages = index.page_locations;
  return pages.map((p, i) => [p.first_row_index, i + 1 < pages.length ? pages[i + 1].first_row_index : rows]);
}

/** The rows of the pages `keep` accepts. */
export function rowsOfPages(index: OffsetIndex, rows: number, keep: (page: number) => boolean): RowRanges {
  return RowRanges.of(pageRows(index, rows).filter((_, i) => keep(i)));
}

/** Checks a ColumnIndex has one entry per page in every list it carries. */
export function checkColumnIndex(index: ColumnIndex, pages: number): void {
  const lists: Array<[string, readonly unknown[] | undefined]> = [
    ['null_pages', index.null_pages],
    ['min_values', index.min_values],
    ['max_values', index.max_values],
    ['null_counts', index.null_counts],
  ];
  for (const [name, list] of lists) {
    if (list && list.length !== pages) throw new ParquetryError('CORRUPT', `column index ${name} has ${list.length} entries for ${pages} pages`);
  }
}
