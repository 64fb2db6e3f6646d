// Where a column chunk's data pages start and end. A chunk arrives in parts (one per Arrow batch);
// pages are cut as if the parts were one, but only the rows of a page that runs from one part into
// the next are copied to join them.
// Within a part, pages hold at most `pageRows` rows and about `pageBytes` bytes of values, and
// start where a row starts (repetition level 0), as the page index and data page v2 require.
import { valueWidth, type PlainValues } from '@parquetry/plain';
import { concatValues } from '../read/concat-values.js';
import { concatArrays } from '../util/concat.js';
import type { WriteLeaf } from './write-schema.js';

/** One part of a leaf's levels and present values. */
export interface LeafPart {
  /** Definition levels; undefined when every level is the leaf's maximum (no nulls, no lists). */
  def: Int32Array | undefined;
  /** Repetition levels; undefined when the leaf's max repetition level is 0. */
  rep: Int32Array | undefined;
  values: PlainValues;
  levelCount: number;
  valueCount: number;
  rows: number;
}

export interface PageSpan {
  part: LeafPart;
  levelStart: number;
  levelEnd: number;
  valueStart: number;
  valueEnd: number;
  /** The page's first row in the chunk. */
  firstRow: number;
  rows: number;
  /** Cut by a limit (rows or bytes), not by the end of the part. */
  complete: boolean;
}

/** Bytes per value where values have one width (booleans count an eighth); 0 for byte arrays. */
function fixedWidth(leaf: WriteLeaf): number {
  return leaf.type.physical === 'BOOLEAN' ? 1 / 8 : valueWidth(leaf.type.physical, leaf.type.typeLength);
}

/** Elements of the values array per value: `typeLength` bytes for fixed-length byte arrays. */
function stride(leaf: WriteLeaf): number {
  return leaf.type.physical === 'FIXED_LEN_BYTE_ARRAY' ? leaf.type.typeLength! : leaf.type.physical === 'INT96' ? 12 : 1;
}

/** Values `from..to` as a view; byte arrays keep their offsets into the same bytes (they need not start at 0). */
export function sliceValues(leaf: WriteLeaf, values: PlainValues, from: number, to: number): PlainValues {
  if ('offsets' in values) return { offsets: values.offsets.subarray(from, to + 1), bytes: values.bytes };
  const width = stride(leaf);
  return values.subarray(from * width, to * width) as PlainValues;
}

/** PLAIN bytes of values `from..to` of a part. */
export function plainBytes(leaf: WriteLeaf, values: PlainValues, from: number, to: number): number {
  if ('offsets' in values) return values.offsets[to] - values.offsets[from] + 4 * (to - from);
  return Math.ceil((to - from) * fixedWidth(leaf));
}

function countPresent(def: Int32Array | undefined, maxDef: number, from: number, to: number): number {
  if (!def) return to - from;
  let n = 0;
  for (let j = from; j < to; j++) if (def[j] === maxDef) n++;
  return n;
}

export function partSpans(leaf: WriteLeaf, part: LeafPart, firstRow: number, pageRows: number, pageBytes: number, out: PageSpan[]): void {
  const { def, rep, levelCount: n } = part;
  const width = fixedWidth(leaf);
  let l = 0;
  let v = 0;
  let row = 0;
  // Without repetition a row is one level: cut fixed-width columns by arithmetic.
  const rowsPerPage = !rep && width > 0 ? Math.max(1, Math.min(pageRows, Math.floor(pageBytes / width))) : 0;
  while (l < n) {
    const start = { l, v, row };
    let complete: boolean;
    if (rowsPerPage) {
      const end = Math.min(n, l + rowsPerPage);
      v += countPresent(def, leaf.maxDef, l, end);
      row += end - l;
      l = end;
      complete = row - start.row === rowsPerPage;
    } else if (!rep && 'offsets' in part.values) {
      // Byte arrays without repetition: a row is one level and at most one value.
      const offsets = part.values.offsets;
      const limit = Math.min(n, l + pageRows);
      let bytes = 0;
      do {
        if (!def || def[l] === leaf.maxDef) {
          bytes += 4 + offsets[v + 1] - offsets[v];
          v++;
        }
        l++;
      } while (l < limit && bytes < pageBytes);
      row += l - start.l;
      complete = row - start.row >= pageRows || bytes >= pageBytes;
    } else {
      let bytes = 0;
      do {
        let end = l + 1;
        if (rep) while (end < n && rep[end] !== 0) end++;
        const present = countPresent(def, leaf.maxDef, l, end);
        bytes += plainBytes(leaf, part.values, v, v + present);
        l = end;
        v += present;
        row++;
      } while (l < n && row - start.row < pageRows && bytes < pageBytes);
      complete = row - start.row >= pageRows || bytes >= pageBytes;
    }
    out.push({ part, levelStart: start.l, levelEnd: l, valueStart: start.v, valueEnd: v, firstRow: firstRow + start.row, rows: row - start.row, complete });
  }
}

/** Values `from..to` in memory of their own (byte arrays rebased to offset 0). */
function copyValues(leaf: WriteLeaf, values: PlainValues, from: number, to: number): PlainValues {
  if ('offsets' in values) {
    const base = values.offsets[from];
    return { offsets: values.offsets.slice(from, to + 1).map((o) => o - base), bytes: values.bytes.slice(base, values.offsets[to]) };
  }
  const width = stride(leaf);
  return values.slice(from * width, to * width) as PlainValues;
}

/**
 * The part from `span` on (a short last page, kept to join the next part), copied: it is less than
 * a page, and holding views would keep the whole batch it came from alive until the next one.
 */
export function tailOf(leaf: WriteLeaf, part: LeafPart, span: PageSpan): LeafPart {
  return {
    def: part.def?.slice(span.levelStart),
    rep: part.rep?.slice(span.levelStart),
    values: copyValues(leaf, part.values, span.valueStart, part.valueCount),
    levelCount: part.levelCount - span.levelStart,
    valueCount: part.valueCount - span.valueStart,
    rows: span.rows,
  };
}

/** The part's first `rows` rows and the rest, as views. */
function splitAtRow(leaf: WriteLeaf, part: LeafPart, rows: number): [LeafPart, LeafPart] {
  let level = rows;
  if (part.rep) {
    // Row k starts at the k-th repetition level 0 (row 0 at level 0).
    level = part.levelCount;
    for (let j = 0, seen = 0; j < part.levelCount; j++) {
      if (part.rep[j] === 0 && seen++ === rows) {
        level = j;
        break;
      }
    }
  }
  const value = countPresent(part.def, leaf.maxDef, 0, level);
  const head: LeafPart = {
    def: part.def?.subarray(0, level),
    rep: part.rep?.subarray(0, level),
    values: sliceValues(leaf, part.values, 0, value),
    levelCount: level,
    valueCount: value,
    rows,
  };
  const rest: LeafPart = {
    def: part.def?.subarray(level),
    rep: part.rep?.subarray(level),
    values: sliceValues(leaf, part.values, value, part.valueCount),
    levelCount: part.levelCount - level,
    valueCount: part.valueCount - value,
    rows: part.rows - rows,
  };
  return [head, rest];
}

/** The parts' first `rows` rows (all of them when they hold fewer), or what follows them. */
export function takeRows(leaf: WriteLeaf, parts: readonly LeafPart[], rows: number, side: 'head' | 'rest'): LeafPart[] {
  let left = rows;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part.rows <= left) {
      left -= part.rows;
      continue;
    }
    if (left === 0) return side === 'head' ? parts.slice(0, i) : parts.slice(i);
    const [head, rest] = splitAtRow(leaf, part, left);
    return side === 'head' ? [...parts.slice(0, i), head] : [rest, ...parts.slice(i + 1)];
  }
  return side === 'head' ? parts.slice() : [];
}

/** Parts joined into one (short tails and small batches, so pages are not cut at every batch). */
export function joinParts(leaf: WriteLeaf, parts: readonly LeafPart[]): LeafPart {
  const join = (arrays: Int32Array[]) => concatArrays(arrays, (n) => new Int32Array(n));
  return {
    def: parts.every((p) => !p.def) ? undefined : join(parts.map((p) => p.def ?? new Int32Array(p.levelCount).fill(leaf.maxDef))),
    rep: leaf.maxRep > 0 ? join(parts.map((p) => p.rep!)) : undefined,
    values: concatValues(leaf.type.physical, parts.map((p) => p.values)),
    levelCount: parts.reduce((s, p) => s + p.levelCount, 0),
    valueCount: parts.reduce((s, p) => s + p.valueCount, 0),
    rows: parts.reduce((s, p) => s + p.rows, 0),
  };
}
