// DELTA_BINARY_PACKED encoder (Encodings.md, "Delta Encoding").
//
// Encoder choices: the native encoder (native/crates/kernels/src/delta.rs) makes the same ones, so
// both write identical bytes.
// - Header: block size 128, 4 miniblocks per block (32 values each), as Arrow C++ and parquet-mr
//   write; the value count; the first value (0 when there are no values). All varints in their
//   shortest form; signed ones zigzag.
// - Blocks cover values 1.. of the input, 128 at a time; the last block holds what is left.
// - Per block: deltas value[i] - value[i-1], wrapping (mod 2^32 for INT32, compared as int32;
//   mod 2^64 for INT64, compared as int64); min delta = the smallest delta the block holds
//   (the missing deltas of a short last block do not count).
// - Per miniblock: bit width = bits of the largest (delta - min delta) as an unsigned integer,
//   0 when all are equal. All 4 bit-width bytes are written; a miniblock of the last block that
//   holds no values gets width 0 and no data bytes.
// - A partly filled miniblock is padded with zero values to 32, so every miniblock written takes
//   4 * width bytes and padding bits are zero.
import { ParquetryError, writeUleb32 } from '@parquetry/core';
import { packGroup } from './bitpack64.js';
import { MAX_COUNT } from './header.js';
import { HI, int64Words, LO } from './int64-words.js';
import { writeZigzag32, writeZigzag64 } from './varint64.js';

const BLOCK_SIZE = 128;
const MINIBLOCKS = 4;
const PER_MINIBLOCK = 32;

/** One block's deltas, then (delta - min): low halves, and high halves for INT64. */
const deltaLo = new Int32Array(BLOCK_SIZE);
const deltaHi = new Int32Array(BLOCK_SIZE);

const blocksFor = (n: number) => (n > 1 ? Math.ceil((n - 1) / BLOCK_SIZE) : 0);

/** Most bytes `n` INT32 values take: header 2 + 1 + 5 + 5; per block min delta 5, widths 4, data 4 * 128. */
function deltaBinaryPackedMaxSize32(n: number): number {
  return 13 + blocksFor(n) * (5 + MINIBLOCKS + 4 * BLOCK_SIZE);
}

/** Most bytes `n` INT64 values take: header 2 + 1 + 5 + 10; per block min delta 10, widths 4, data 8 * 128. */
function deltaBinaryPackedMaxSize64(n: number): number {
  return 18 + blocksFor(n) * (10 + MINIBLOCKS + 8 * BLOCK_SIZE);
}

function writeHeader(out: Uint8Array, pos: number, count: number): number {
  out[pos++] = 0x80; // 128 as ULEB128: 80 01
  out[pos++] = 0x01;
  out[pos++] = MINIBLOCKS;
  return writeUleb32(out, pos, count);
}

/** Encodes INT32 `values` at `out[pos..]` (room for deltaBinaryPackedMaxSize32); returns the end. */
function encodeDeltaBinaryPacked32Into(values: Int32Array, out: Uint8Array, pos: number): number {
  const n = values.length;
  pos = writeHeader(out, pos, n);
  pos = writeZigzag32(out, pos, n > 0 ? values[0] : 0);
  for (let start = 1; start < n; start += BLOCK_SIZE) {
    const k = n - start < BLOCK_SIZE ? n - start : BLOCK_SIZE;
    let prev = values[start - 1];
    let min = 0x7fffffff;
    for (let j = 0; j < k; j++) {
      const cur = values[start + j];
      const d = (cur - prev) | 0;
      deltaLo[j] = d;
      if (d < min) min = d;
      prev = cur;
    }
    pos = writeZigzag32(out, pos, min);
    const widthsAt = pos;
    pos += MINIBLOCKS;
    for (let m = 0; m < MINIBLOCKS; m++) {
      const from = m * PER_MINIBLOCK;
      if (from >= k) {
        out[widthsAt + m] = 0;
        continue;
      }
      const to = from + PER_MINIBLOCK < k ? from + PER_MINIBLOCK : k;
      let or = 0;
      for (let j = from; j < to; j++) or |= deltaLo[j] = (deltaLo[j] - min) | 0;
      deltaLo.fill(0, to, from + PER_MINIBLOCK);
      const width = 32 - Math.clz32(or);
      out[widthsAt + m] = width;
      pos = packGroup(deltaLo, deltaHi, from, width, out, pos);
    }
  }
  return pos;
}

/** Encodes INT64 `values` at `out[pos..]` (room for deltaBinaryPackedMaxSize64); returns the end. */
function encodeDeltaBinaryPacked64Into(values: BigInt64Array, out: Uint8Array, pos: number): number {
  const n = values.length;
  const words = int64Words(values);
  pos = writeHeader(out, pos, n);
  pos = n > 0 ? writeZigzag64(out, pos, words[LO], words[HI]) : writeZigzag32(out, pos, 0);
  for (let start = 1; start < n; start += BLOCK_SIZE) {
    const k = n - start < BLOCK_SIZE ? n - start : BLOCK_SIZE;
    let pLo = words[2 * (start - 1) + LO];
    let pHi = words[2 * (start - 1) + HI];
    let minLo = -1; // int64 max: 0x7fffffff_ffffffff
    let minHi = 0x7fffffff;
    for (let j = 0, w = 2 * start; j < k; j++, w += 2) {
      const cLo = words[w + LO];
      const cHi = words[w + HI];
      // (cHi:cLo) - (pHi:pLo): a borrow when the low halves wrap, compared unsigned
      const dLo = (cLo - pLo) | 0;
      const dHi = (cHi - pHi - (cLo >>> 0 < pLo >>> 0 ? 1 : 0)) | 0;
      deltaLo[j] = dLo;
      deltaHi[j] = dHi;
      if (dHi < minHi || (dHi === minHi && dLo >>> 0 < minLo >>> 0)) {
        minLo = dLo;
        minHi = dHi;
      }
      pLo = cLo;
      pHi = cHi;
    }
    pos = writeZigzag64(out, pos, minLo, minHi);
    const widthsAt = pos;
    pos += MINIBLOCKS;
    for (let m = 0; m < MINIBLOCKS; m++) {
      const from = m * PER_MINIBLOCK;
      if (from >= k) {
        out[widthsAt + m] = 0;
        continue;
      }
      const to = from + PER_MINIBLOCK < k ? from + PER_MINIBLOCK : k;
      let orLo = 0;
      let orHi = 0;
      for (let j = from; j < to; j++) {
        const dLo = deltaLo[j];
        const rLo = (dLo - minLo) | 0;
        const rHi = (deltaHi[j] - minHi - (dLo >>> 0 < minLo >>> 0 ? 1 : 0)) | 0;
        deltaLo[j] = rLo;
        deltaHi[j] = rHi;
        orLo |= rLo;
        orHi |= rHi;
      }
      deltaLo.fill(0, to, from + PER_MINIBLOCK);
      deltaHi.fill(0, to, from + PER_MINIBLOCK);
      const width = orHi !== 0 ? 64 - Math.clz32(orHi) : 32 - Math.clz32(orLo);
      out[widthsAt + m] = width;
      pos = packGroup(deltaLo, deltaHi, from, width, out, pos);
    }
  }
  return pos;
}

/** The first `length` bytes of `out`, copied unless that is all of it, so the worst-case buffer can be freed. */
function trimmed(out: Uint8Array, length: number): Uint8Array {
  return length === out.length ? out : out.slice(0, length);
}

/** One INT32 stream in a buffer of exactly its size. */
export function encodeDeltaBinaryPacked32(values: Int32Array): Uint8Array {
  checkLength(values.length);
  const out = new Uint8Array(deltaBinaryPackedMaxSize32(values.length));
  return trimmed(out, encodeDeltaBinaryPacked32Into(values, out, 0));
}

/** One INT64 stream in a buffer of exactly its size. */
export function encodeDeltaBinaryPacked64(values: BigInt64Array): Uint8Array {
  checkLength(values.length);
  const out = new Uint8Array(deltaBinaryPackedMaxSize64(values.length));
  return trimmed(out, encodeDeltaBinaryPacked64Into(values, out, 0));
}

/** Encodes INT32 or INT64 values as one DELTA_BINARY_PACKED stream (the choices above). */
export function encodeDeltaBinaryPacked(values: Int32Array | BigInt64Array): Uint8Array {
  if (values instanceof Int32Array) return encodeDeltaBinaryPacked32(values);
  if (values instanceof BigInt64Array) return encodeDeltaBinaryPacked64(values);
  throw new ParquetryError('INVALID_ARGUMENT', 'DELTA_BINARY_PACKED encodes an Int32Array or a BigInt64Array');
}

function checkLength(n: number): void {
  if (n > MAX_COUNT) throw new ParquetryError('INVALID_ARGUMENT', `${n} values are more than one stream holds (${MAX_COUNT})`);
}
