import { ParquetryError, writeUleb32 } from '@parquetry/core';
import { packValues } from './bitpack.js';
import { checkBitWidth, checkValuesFit } from './validate.js';

// Run choices shared with the Rust encoder (native/crates/kernels/src/rle_hybrid_encode.rs) so both
// backends write identical bytes. Short RLE runs compress a little better but make readers switch
// run kinds often, which costs more than it saves.

/** The shortest stretch of equal values written as an RLE run (after aligning the bit-packed run before it). */
export const MIN_RLE_RUN = 16;
/** The longest bit-packed run, in groups of 8 values. */
export const MAX_BIT_PACKED_GROUPS = 8192;

function ulebSize(value: number): number {
  let size = 1;
  while (value >= 0x80) {
    value = Math.floor(value / 128);
    size++;
  }
  return size;
}

/**
 * The next maximal stretch `[s, e)` of at least MIN_RLE_RUN equal values with `s >= from` (`from`
 * is 0 or the end of a maximal stretch), or null. Such a stretch covers a whole aligned block of 8,
 * so only blocks whose 8 values are all equal are looked at closely: random data costs about one
 * comparison per 8 values. Finds exactly the stretches a value-by-value scan would.
 */
function nextLongStretch(values: Int32Array, from: number, found: Int32Array): boolean {
  const n = values.length;
  let block = Math.ceil(from / 8) * 8;
  while (block + 8 <= n) {
    const v = values[block];
    if (
      values[block + 1] === v && values[block + 2] === v && values[block + 3] === v &&
      values[block + 4] === v && values[block + 5] === v && values[block + 6] === v && values[block + 7] === v
    ) {
      let s = block;
      while (s > from && values[s - 1] === v) s--;
      let e = block + 8;
      while (e + 8 <= n && values[e] === v && values[e + 1] === v && values[e + 2] === v && values[e + 3] === v &&
        values[e + 4] === v && values[e + 5] === v && values[e + 6] === v && values[e + 7] === v) e += 8;
      while (e < n && values[e] === v) e++;
      if (e - s >= MIN_RLE_RUN) {
        found[0] = s;
        found[1] = e;
        return true;
      }
      block = Math.ceil(e / 8) * 8;
    } else {
      block += 8;
    }
  }
  return false;
}

/**
 * The RLE runs the encoder writes, as [start, length] pairs in order; every value outside them is
 * bit-packed. A stretch becomes an RLE run when, after lending the bit-packed run before it enough
 * values to fill its last group of 8, MIN_RLE_RUN values remain.
 */
function planRleRuns(values: Int32Array): number[] {
  const runs: number[] = [];
  const found = new Int32Array(2);
  let bpStart = 0;
  let from = 0;
  while (nextLongStretch(values, from, found)) {
    const s = found[0];
    const e = found[1];
    const lend = (8 - ((s - bpStart) & 7)) & 7;
    if (e - s - lend >= MIN_RLE_RUN) {
      runs.push(s + lend, e - s - lend);
      bpStart = e;
    }
    from = e;
  }
  return runs;
}

const CHUNK = MAX_BIT_PACKED_GROUPS * 8;

function bitPackedSize(n: number, bitWidth: number): number {
  let size = 0;
  for (let s = 0; s < n; s += CHUNK) {
    const groups = Math.ceil(Math.min(CHUNK, n - s) / 8);
    size += ulebSize(groups * 2 + 1) + groups * bitWidth;
  }
  return size;
}

function writeBitPacked(values: Int32Array, start: number, end: number, bitWidth: number, out: Uint8Array, pos: number): number {
  for (let s = start; s < end; s += CHUNK) {
    const e = Math.min(end, s + CHUNK);
    pos = writeUleb32(out, pos, Math.ceil((e - s) / 8) * 2 + 1);
    pos = packValues(values, s, e - s, bitWidth, out, pos);
  }
  return pos;
}

/** Throws unless `values[start..end)` fit in `bitWidth` bits. */
function checkRangeFits(values: Int32Array, start: number, end: number, bitWidth: number): void {
  if (start < end) checkValuesFit(values.subarray(start, end), bitWidth, start);
}

/** Bytes the encoding of `values` takes; checks every value fits (each RLE run's value once). */
function encodedSize(values: Int32Array, bitWidth: number, runs: number[]): number {
  const valueBytes = (bitWidth + 7) >>> 3;
  let size = 0;
  let bpStart = 0;
  for (let r = 0; r < runs.length; r += 2) {
    checkRangeFits(values, bpStart, runs[r] + 1, bitWidth);
    size += bitPackedSize(runs[r] - bpStart, bitWidth) + ulebSize(runs[r + 1] * 2) + valueBytes;
    bpStart = runs[r] + runs[r + 1];
  }
  checkRangeFits(values, bpStart, values.length, bitWidth);
  return size + bitPackedSize(values.length - bpStart, bitWidth);
}

function writeRuns(values: Int32Array, bitWidth: number, runs: number[], out: Uint8Array, pos: number): number {
  const valueBytes = (bitWidth + 7) >>> 3;
  let bpStart = 0;
  for (let r = 0; r < runs.length; r += 2) {
    pos = writeBitPacked(values, bpStart, runs[r], bitWidth, out, pos);
    pos = writeUleb32(out, pos, runs[r + 1] * 2);
    const value = values[runs[r]];
    for (let b = 0; b < valueBytes; b++) out[pos++] = value >>> (8 * b);
    bpStart = runs[r] + runs[r + 1];
  }
  // The last bit-packed run is padded with zero values to a whole group.
  return writeBitPacked(values, bpStart, values.length, bitWidth, out, pos);
}

/** The RLE/bit-packing hybrid of `values`, each of which must fit in `bitWidth` bits. */
export function encodeRleHybrid(values: Int32Array, bitWidth: number): Uint8Array {
  checkBitWidth(bitWidth);
  const runs = planRleRuns(values);
  const out = new Uint8Array(encodedSize(values, bitWidth, runs));
  writeRuns(values, bitWidth, runs, out, 0);
  return out;
}

/** As `encodeRleHybrid`, preceded by the 4-byte little-endian length (data page v1 levels). */
export function encodeRleHybridLengthPrefixed(values: Int32Array, bitWidth: number): Uint8Array {
  checkBitWidth(bitWidth);
  const runs = planRleRuns(values);
  const size = encodedSize(values, bitWidth, runs);
  const out = new Uint8Array(4 + size);
  new DataView(out.buffer).setUint32(0, size, true);
  writeRuns(values, bitWidth, runs, out, 4);
  return out;
}

/**
 * Encodes into `out` from `offset` and returns the bytes written: a writer reuses one buffer across
 * pages instead of paying for fresh memory (a page fault per 4 KiB) on every call. `LIMIT` when
 * `out` is too small; `rleHybridMaxSize` gives a size that always suffices.
 */
export function encodeRleHybridInto(values: Int32Array, bitWidth: number, out: Uint8Array, offset = 0): number {
  checkBitWidth(bitWidth);
  checkOffset(out, offset);
  const runs = planRleRuns(values);
  const size = encodedSize(values, bitWidth, runs);
  if (size > out.length - offset) {
    throw new ParquetryError('LIMIT', `output buffer of ${out.length} bytes is too small for the encoded values`);
  }
  writeRuns(values, bitWidth, runs, out, offset);
  return size;
}

export function checkOffset(out: Uint8Array, offset: number): void {
  if (!Number.isInteger(offset) || offset < 0 || offset > out.length) {
    throw new ParquetryError('INVALID_ARGUMENT', `offset ${offset} is outside an output of ${out.length} bytes`);
  }
}

/**
 * A size the hybrid encoding of `count` values of `bitWidth` bits never exceeds: everything
 * bit-packed plus, at worst, an RLE run (5-byte header, 4-byte value) per MIN_RLE_RUN values.
 */
export function rleHybridMaxSize(count: number, bitWidth: number): number {
  return Math.ceil(count / 8) * bitWidth + (Math.floor(count / MIN_RLE_RUN) + 2) * 9 + (Math.floor(count / CHUNK) + 2) * 5;
}
