// The rows of chosen row ranges out of a column chunk's pages, whatever the pages' boundaries:
// the same rows come out of every column, however differently their pages break. Pages must start
// at row boundaries (as the OffsetIndex guarantees); a chunk read without one is a single page.
import { ParquetryError } from '@parquetry/core';
import type { RowRanges } from '@parquetry/page-index';
import { pathString, type LeafNode } from '../schema/parquet-schema.js';
import { chunkLevels, joinValues, sliceValues, type ColumnChunkData, type LevelPart } from './column-cursor.js';
import type { DecodedPage } from './page-decoder.js';
import { isDictionaryIndices, type PageValues } from './page-values.js';

export interface PositionedPage {
  page: DecodedPage;
  /** Row-group row where the page starts. */
  firstRow: number;
}

/**
 * Slot where each row of the page starts (plus the page's slot count at the end); undefined when
 * the column has no repetition, where row i is slot i.
 */
function rowStarts(page: DecodedPage, leaf: LeafNode): Int32Array | undefined {
  const rep = page.repetitionLevels;
  if (!rep) return undefined;
  const starts: number[] = [];
  for (let i = 0; i < page.slots; i++) if (rep[i] === 0) starts.push(i);
  if (page.slots > 0 && rep[0] !== 0) throw new ParquetryError('CORRUPT', `a page of ${pathString(leaf)} starts inside a row`);
  starts.push(page.slots);
  return Int32Array.from(starts);
}

/** Values before each slot (values exist at the maximum definition level). */
function valuesBefore(page: DecodedPage, leaf: LeafNode): (slot: number) => number {
  const def = page.definitionLevels;
  if (!def) return (slot) => slot;
  const prefix = new Int32Array(page.slots + 1);
  for (let i = 0; i < page.slots; i++) prefix[i + 1] = prefix[i] + (def[i] === leaf.definitionLevel ? 1 : 0);
  return (slot) => prefix[slot];
}

/** `values` in memory of their own: byte arrays keep only the bytes their offsets span. */
function copyValues(values: PageValues): PageValues {
  if (isDictionaryIndices(values)) return { dictionary: values.dictionary, indices: values.indices.slice() };
  if ('offsets' in values) {
    const { offsets, bytes } = values;
    const base = offsets[0];
    const rebased = new Int32Array(offsets.length);
    for (let i = 0; i < offsets.length; i++) rebased[i] = offsets[i] - base;
    return { offsets: rebased, bytes: bytes.slice(base, offsets[offsets.length - 1]) };
  }
  return values.slice();
}

/**
 * The rows of `ranges` from `pages` (in row order, covering every row of the ranges). With `copy`,
 * what is taken from a page is copied before the next page is asked for: the result views no page
 * (a one-row lookup does not keep its pages alive), and the pages may be transient ones.
 */
export function selectRows(leaf: LeafNode, pages: Iterable<PositionedPage>, ranges: RowRanges, copy = false): ColumnChunkData {
  const defParts: LevelPart[] = [];
  const repParts: Int32Array[] = [];
  const valueParts: PageValues[] = [];
  let slots = 0;
  let rows = 0;
  let valueCount = 0;
  const wanted = ranges.ranges;
  let r = 0;
  for (const { page, firstRow } of pages) {
    if (r >= wanted.length) break;
    const starts = rowStarts(page, leaf);
    const pageRows = starts ? starts.length - 1 : page.slots;
    const lastRow = firstRow + pageRows;
    const before = valuesBefore(page, leaf);
    while (r < wanted.length && wanted[r][0] < lastRow) {
      const from = Math.max(wanted[r][0], firstRow);
      const to = Math.min(wanted[r][1], lastRow);
      if (to > from) {
        const s0 = starts ? starts[from - firstRow] : from - firstRow;
        const s1 = starts ? starts[to - firstRow] : to - firstRow;
        const def = page.definitionLevels?.subarray(s0, s1);
        const rep = page.repetitionLevels?.subarray(s0, s1);
        defParts.push(def ? (copy ? def.slice() : def) : s1 - s0);
        if (rep) repParts.push(copy ? rep.slice() : rep);
        const v0 = before(s0);
        const v1 = before(s1);
        const values = sliceValues(leaf, page.values, v0, v1 - v0);
        valueParts.push(copy ? copyValues(values) : values);
        slots += s1 - s0;
        valueCount += v1 - v0;
        rows += to - from;
      }
      if (wanted[r][1] <= lastRow) r++;
      else break;
    }
  }
  if (rows !== ranges.rowCount) throw new ParquetryError('CORRUPT', `column ${pathString(leaf)} holds ${rows} of the ${ranges.rowCount} rows asked for`);
  return {
    leaf,
    numSlots: slots,
    ...chunkLevels(leaf, defParts, repParts, slots, valueCount),
    values: joinValues(leaf, valueParts),
  };
}
