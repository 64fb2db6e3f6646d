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

interface RunSink {
  bitPacked(start: number, end: number): void;
  rle(value: number, count: number): void;
}

/** Walks `values` and reports the runs the encoder writes, in order. */
function planRuns(values: Int32Array, sink: RunSink): void {
  const n = values.length;
  let bpStart = 0;
  let i = 0;
  while (i < n) {
    const v = values[i];
    let j = i + 1;
    while (j < n && values[j] === v) j++;
    const run = j - i;
    if (run >= MIN_RLE_RUN) {
      // The bit-packed run before must hold a multiple of 8 values: lend it the first values of this stretch.
      const lend = (8 - ((i - bpStart) & 7)) & 7;
      if (run - lend >= MIN_RLE_RUN) {
        if (i + lend > bpStart) sink.bitPacked(bpStart, i + lend);
        sink.rle(v, run - lend);
        bpStart = j;
      }
    }
    i = j;
  }
  if (n > bpStart) sink.bitPacked(bpStart, n);
}

const CHUNK = MAX_BIT_PACKED_GROUPS * 8;

function encode(values: Int32Array, bitWidth: number, prefix: boolean): Uint8Array {
  checkBitWidth(bitWidth);
  checkValuesFit(values, bitWidth);
  const valueBytes = (bitWidth + 7) >>> 3;
  // Pass 1 sizes the output exactly, pass 2 writes it: no oversized buffer, no final copy.
  let size = prefix ? 4 : 0;
  planRuns(values, {
    bitPacked(start, end) {
      for (let s = start; s < end; s += CHUNK) {
        const groups = Math.ceil((Math.min(end, s + CHUNK) - s) / 8);
        size += ulebSize(groups * 2 + 1) + groups * bitWidth;
      }
    },
    rle(_value, count) {
      size += ulebSize(count * 2) + valueBytes;
    },
  });
  const out = new Uint8Array(size);
  let pos = prefix ? 4 : 0;
  planRuns(values, {
    bitPacked(start, end) {
      for (let s = start; s < end; s += CHUNK) {
        const e = Math.min(end, s + CHUNK);
        pos = writeUleb32(out, pos, Math.ceil((e - s) / 8) * 2 + 1);
        pos = packValues(values, s, e - s, bitWidth, out, pos);
      }
    },
    rle(value, count) {
      pos = writeUleb32(out, pos, count * 2);
      for (let b = 0; b < valueBytes; b++) out[pos++] = value >>> (8 * b);
    },
  });
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
