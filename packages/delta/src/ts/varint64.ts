import { ParquetryError } from '@parquetry/core';

// ULEB128 and zigzag on 64-bit integers held as two int32 halves (Encodings.md, DELTA_BINARY_PACKED:
// the header's counts are ULEB128, the first value and each block's min delta zigzag ULEB128).
// No BigInt: these run once per block, but the INT32 path must never touch BigInt at all.

/** Shift of each 7-bit group: groups 0..4 land in the low word, 4..9 in the high word. */
const GROUP_SHIFT = [0, 7, 14, 21, 28, 35, 42, 49, 56, 63];

/**
 * The halves of the last varint read: `lo` (bits 0..31) and `hi` (bits 32..63), as int32 bit
 * patterns. Results go through this one object instead of a fresh one per call.
 */
export const varint = { lo: 0, hi: 0 };

/**
 * Reads a ULEB128 of up to 64 bits (at most 10 bytes) at `pos` into `varint`; returns the position
 * after it. `TRUNCATED` when it runs into `end`, `CORRUPT` when it does not fit in 64 bits (so a
 * varint that never ends is refused after 10 bytes, not followed).
 */
export function readUleb64(bytes: Uint8Array, pos: number, end: number, what: string): number {
  const start = pos;
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < 10; i++) {
    if (pos >= end) throw new ParquetryError('TRUNCATED', `${what} ends before its last byte`, { offset: start });
    const byte = bytes[pos++];
    const group = byte & 0x7f;
    const shift = GROUP_SHIFT[i];
    if (i === 9 && byte > 1) throw new ParquetryError('CORRUPT', `${what} does not fit in 64 bits`, { offset: start });
    if (shift < 32) {
      lo |= group << shift;
      if (shift > 25) hi |= group >>> (32 - shift); // the group straddles bit 32
    } else {
      hi |= group << (shift - 32);
    }
    if ((byte & 0x80) === 0) {
      varint.lo = lo;
      varint.hi = hi;
      return pos;
    }
  }
  // unreachable: the tenth byte either ends the varint or is refused above
  throw new ParquetryError('CORRUPT', `${what} is longer than 10 bytes`, { offset: start });
}

/** Reads a zigzag ULEB128 into `varint` as a signed 64-bit value; returns the position after it. */
export function readZigzag64(bytes: Uint8Array, pos: number, end: number, what: string): number {
  pos = readUleb64(bytes, pos, end, what);
  const lo = varint.lo;
  const hi = varint.hi;
  const sign = -(lo & 1); // 0 or all ones
  varint.lo = ((lo >>> 1) | (hi << 31)) ^ sign;
  varint.hi = (hi >>> 1) ^ sign;
  return pos;
}

/** Writes the unsigned 64-bit value `hi:lo` as ULEB128 at `pos`; returns the position after it. */
export function writeUleb64(out: Uint8Array, pos: number, lo: number, hi: number): number {
  let l = lo >>> 0;
  let h = hi >>> 0;
  while (h !== 0 || l >= 0x80) {
    out[pos++] = (l & 0x7f) | 0x80;
    l = ((l >>> 7) | (h << 25)) >>> 0;
    h >>>= 7;
  }
  out[pos++] = l;
  return pos;
}

/** Writes the signed 64-bit value `hi:lo` zigzag-encoded as ULEB128; returns the position after it. */
export function writeZigzag64(out: Uint8Array, pos: number, lo: number, hi: number): number {
  const sign = hi >> 31;
  return writeUleb64(out, pos, (lo << 1) ^ sign, ((hi << 1) | (lo >>> 31)) ^ sign);
}

/** Writes a signed 32-bit value zigzag-encoded: the same bytes as its 64-bit sign extension. */
export function writeZigzag32(out: Uint8Array, pos: number, value: number): number {
  let v = ((value << 1) ^ (value >> 31)) >>> 0;
  while (v >= 0x80) {
    out[pos++] = (v & 0x7f) | 0x80;
    v >>>= 7;
  }
  out[pos++] = v;
  return pos;
}
