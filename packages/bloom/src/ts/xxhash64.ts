// XXH64 (xxHash specification 0.1.1), the hash of Parquet's Bloom filters, written from that
// specification in 32-bit halves: JavaScript has no 64-bit integer arithmetic short of BigInt,
// which allocates per operation. A 64-bit value is (hi, lo); a product keeps its low 64 bits.
// Results go to a Uint32Array as (lo, hi) pairs: the layout of a BigUint64Array on a
// little-endian host, so batches fill one without creating a BigInt per value.
import { ParquetryError } from '@parquetry/core';

const P1H = 0x9e3779b1, P1L = 0x85ebca87;
const P2H = 0xc2b2ae3d, P2L = 0x27d4eb4f;
const P3H = 0x165667b1, P3L = 0x9e3779f9;
const P4H = 0x85ebca77, P4L = 0xc2b2ae63;
const P5H = 0x27d4eb2f, P5L = 0x165667c5;
const TWO_32 = 4294967296;
const MERGE_ROTATIONS = [1, 7, 12, 18];

/** The high 32 bits of the 64-bit product of two uint32, from 16-bit pieces (each product exact in a double). */
export function mulHi32(a: number, b: number): number {
  const a0 = a & 0xffff, a1 = a >>> 16, b0 = b & 0xffff, b1 = b >>> 16;
  const p01 = a0 * b1, p10 = a1 * b0;
  const mid = ((a0 * b0) >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  return (a1 * b1 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16)) >>> 0;
}

// The accumulator registers, [hi, lo] at 0; the four stripe accumulators at 2..9. A typed array
// rather than returned objects: no allocation per operation.
const R = new Uint32Array(10);

/** R[i] = R[i] * (bh, bl), modulo 2^64. */
function mul(i: number, bh: number, bl: number): void {
  const h = R[i], l = R[i + 1];
  R[i] = mulHi32(l, bl) + Math.imul(h, bl) + Math.imul(l, bh);
  R[i + 1] = Math.imul(l, bl);
}

/** R[i] = R[i] + (bh, bl), modulo 2^64. */
function add(i: number, bh: number, bl: number): void {
  const lo = R[i + 1] + bl;
  R[i] = R[i] + bh + (lo >= TWO_32 ? 1 : 0);
  R[i + 1] = lo;
}

/** R[i] = rotate left R[i] by r, 0 < r < 32. */
function rotl(i: number, r: number): void {
  const h = R[i], l = R[i + 1];
  R[i] = (h << r) | (l >>> (32 - r));
  R[i + 1] = (l << r) | (h >>> (32 - r));
}

/** The spec's round: acc = rotl(acc + lane * PRIME64_2, 31) * PRIME64_1, on R[i]. */
function round(i: number, lh: number, ll: number): void {
  const ml = Math.imul(ll, P2L) >>> 0;
  const mh = mulHi32(ll, P2L) + Math.imul(lh, P2L) + Math.imul(ll, P2H);
  add(i, mh >>> 0, ml);
  // rotl by 31 = rotr by 1
  const h = R[i], l = R[i + 1];
  R[i] = (h << 31) | (l >>> 1);
  R[i + 1] = (l << 31) | (h >>> 1);
  mul(i, P1H, P1L);
}

/** acc ^= round(0, lane), on R[0]; `scratch` names a register pair free at that point. */
function xorRound(lh: number, ll: number, scratch: number): void {
  R[scratch] = 0;
  R[scratch + 1] = 0;
  round(scratch, lh, ll);
  R[0] ^= R[scratch];
  R[1] ^= R[scratch + 1];
}

/** Consumes one 8-byte lane of the tail. */
function consume64(lh: number, ll: number): void {
  xorRound(lh, ll, 2);
  rotl(0, 27);
  mul(0, P1H, P1L);
  add(0, P4H, P4L);
}

/** Consumes one 4-byte lane of the tail: acc ^= lane * PRIME64_1. */
function consume32(v: number): void {
  R[0] ^= mulHi32(v, P1L) + Math.imul(v, P1H);
  R[1] ^= Math.imul(v, P1L);
  rotl(0, 23);
  mul(0, P2H, P2L);
  add(0, P3H, P3L);
}

function consume8(byte: number): void {
  R[0] ^= mulHi32(byte, P5L) + Math.imul(byte, P5H);
  R[1] ^= Math.imul(byte, P5L);
  rotl(0, 11);
  mul(0, P1H, P1L);
}

function avalanche(): void {
  R[1] ^= R[0] >>> 1; // acc ^= acc >> 33
  mul(0, P2H, P2L);
  R[1] ^= (R[1] >>> 29) | (R[0] << 3); // acc ^= acc >> 29
  R[0] ^= R[0] >>> 29;
  mul(0, P3H, P3L);
  R[1] ^= R[0]; // acc ^= acc >> 32
}

/** Sets R[0] to seed + PRIME64_5 + len, the start of an input under 32 bytes. */
function startShort(seedH: number, seedL: number, len: number): void {
  R[0] = seedH;
  R[1] = seedL;
  add(0, P5H, P5L);
  add(0, 0, len);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}

/** Hashes bytes[start, start + len) into R[0]. */
function hashRange(b: Uint8Array, start: number, len: number, seedH: number, seedL: number): void {
  const end = start + len;
  let at = start;
  if (len >= 32) {
    // v1 = seed + P1 + P2, v2 = seed + P2, v3 = seed, v4 = seed - P1 (as seed + (2^64 - P1))
    for (let k = 2; k < 10; k += 2) {
      R[k] = seedH;
      R[k + 1] = seedL;
    }
    add(2, P1H, P1L);
    add(2, P2H, P2L);
    add(4, P2H, P2L);
    add(8, ~P1H >>> 0, (~P1L + 1) >>> 0);
    for (; at + 32 <= end; at += 32) {
      round(2, u32(b, at + 4), u32(b, at));
      round(4, u32(b, at + 12), u32(b, at + 8));
      round(6, u32(b, at + 20), u32(b, at + 16));
      round(8, u32(b, at + 28), u32(b, at + 24));
    }
    // acc = rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18), then each merged in
    R[0] = 0;
    R[1] = 0;
    for (let k = 0; k < 4; k++) {
      const h = R[2 + 2 * k], l = R[3 + 2 * k], r = MERGE_ROTATIONS[k];
      add(0, ((h << r) | (l >>> (32 - r))) >>> 0, ((l << r) | (h >>> (32 - r))) >>> 0);
    }
    for (let k = 2; k < 10; k += 2) {
      const h = R[k], l = R[k + 1];
      xorRound(h, l, k); // the stripe accumulator is spent, so it can be its own scratch
      mul(0, P1H, P1L);
      add(0, P4H, P4L);
    }
    add(0, 0, len >>> 0);
    add(0, Math.floor(len / TWO_32), 0);
  } else {
    startShort(seedH, seedL, len);
  }
  for (; at + 8 <= end; at += 8) consume64(u32(b, at + 4), u32(b, at));
  if (at + 4 <= end) {
    consume32(u32(b, at));
    at += 4;
  }
  for (; at < end; at++) consume8(b[at]);
  avalanche();
}

/** A seed as (hi, lo); INVALID_ARGUMENT outside [0, 2^64). */
export function seedHalves(seed: bigint): [number, number] {
  if (typeof seed !== 'bigint' || seed < 0n || seed >= 1n << 64n) {
    throw new ParquetryError('INVALID_ARGUMENT', `seed ${String(seed)} is not a bigint in [0, 2^64)`);
  }
  return [Number(seed >> 32n), Number(seed & 0xffffffffn)];
}

/** XXH64 of `bytes` with `seed` (0 in Parquet). */
export function xxhash64(bytes: Uint8Array, seed = 0n): bigint {
  if (!(bytes instanceof Uint8Array)) throw new ParquetryError('INVALID_ARGUMENT', 'xxhash64 input must be a Uint8Array');
  const [seedH, seedL] = seedHalves(seed);
  hashRange(bytes, 0, bytes.length, seedH, seedL);
  return (BigInt(R[0]) << 32n) | BigInt(R[1]);
}

/** Hashes bytes[start, start + len) into out[2i] (lo) and out[2i + 1] (hi). */
export function hashRangeInto(bytes: Uint8Array, start: number, len: number, seedH: number, seedL: number, out: Uint32Array, i: number): void {
  hashRange(bytes, start, len, seedH, seedL);
  out[2 * i] = R[1];
  out[2 * i + 1] = R[0];
}

/** XXH64 of a 4-byte little-endian value into pair i of `out`: the INT32 and FLOAT path. */
export function hashU32Into(v: number, seedH: number, seedL: number, out: Uint32Array, i: number): void {
  startShort(seedH, seedL, 4);
  consume32(v >>> 0);
  avalanche();
  out[2 * i] = R[1];
  out[2 * i + 1] = R[0];
}

/** XXH64 of an 8-byte little-endian value (hi, lo) into pair i of `out`: the INT64 and DOUBLE path. */
export function hashU64Into(vh: number, vl: number, seedH: number, seedL: number, out: Uint32Array, i: number): void {
  startShort(seedH, seedL, 8);
  consume64(vh >>> 0, vl >>> 0);
  avalanche();
  out[2 * i] = R[1];
  out[2 * i + 1] = R[0];
}
