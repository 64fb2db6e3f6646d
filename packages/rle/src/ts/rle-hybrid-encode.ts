import { writeUleb32 } from '@parquetry/core';
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

function encode(values: Int32Array, bitWidth: number, prefix: boolean): Uint8Array {
  checkBitWidth(bitWidth);
  checkValuesFit(values, bitWidth);
  const valueBytes = (bitWidth + 7) >>> 3;
  const runs = planRleRuns(values);
  // Size the output exactly from the plan, then write it: no oversized buffer, no final copy.
  let size = prefix ? 4 : 0;
  let bpStart = 0;
  for (let r = 0; r < runs.length; r += 2) {
    size += bitPackedSize(runs[r] - bpStart, bitWidth) + ulebSize(runs[r + 1] * 2) + valueBytes;
    bpStart = runs[r] + runs[r + 1];
  }
  size += bitPackedSize(values.length - bpStart, bitWidth);
  const out = new Uint8Array(size);
  let pos = prefix ? 4 : 0;
  bpStart = 0;
  for (let r = 0; r < runs.length; r += 2) {
    pos = writeBitPacked(values, bpStart, runs[r], bitWidth, out, pos);
    pos = writeUleb32(out, pos, runs[r + 1] * 2);
    const value = values[runs[r]];
    for (let b = 0; b < valueBytes; b++) out[pos++] = value >>> (8 * b);
    bpStart = runs[r] + runs[r + 1];
  }
  // The last bit-packed run is padded with zero values to a whole group.
  writeBitPacked(values, bpStart, values.length, bitWidth, out, pos);
  if (prefix) new DataView(out.buffer, out.byteOffset, 4).setUint32(0, size - 4, true);
  return out;
}

/** The RLE/bit-packing hybrid of `values`, each of which must fit in `bitWidth` bits. */
export function encodeRleHybrid(values: Int32Array, bitWidth: number): Uint8Array {
  return encode(values, bitWidth, false);
}

/** As `encodeRleHybrid`, preceded by the 4-byte little-endian length (data page v1 levels). */
export function encodeRleHybridLengthPrefixed(values: Int32Array, bitWidth: number): Uint8Array {
  return encode(values, bitWidth, true);
}
