// PLAIN BOOLEAN (Encodings.md "Plain"): bit-packed, LSB first, as the RLE/bit-packing hybrid packs
// bit width 1. The last byte is padded with zero bits. These two loops are what a native kernel
// replaces (binding: decodePlainBooleans / encodePlainBooleans, same signatures).
import { ParquetryError } from '@parquetry/core';

/**
 * Unpacks `out.length` booleans, one 0/1 byte each, starting at bit `bitOffset` of `bytes` (bit 0
 * is the LSB of bytes[0]). Returns the bytes that hold them, counted from the start of `bytes`.
 * TRUNCATED when `bytes` ends first.
 */
export function decodePlainBooleans(bytes: Uint8Array, bitOffset: number, out: Uint8Array): number {
  const count = out.length;
  if (!Number.isInteger(bitOffset) || bitOffset < 0) {
    throw new ParquetryError('INVALID_ARGUMENT', `bit offset ${bitOffset} is not a non-negative integer`);
  }
  const needed = Math.ceil((bitOffset + count) / 8);
  if (needed > bytes.length) {
    throw new ParquetryError('TRUNCATED', `${count} BOOLEAN values need ${needed} bytes but ${bytes.length} remain`, {
      offset: Math.floor(bitOffset / 8),
    });
  }
  let i = 0;
  let p = Math.floor(bitOffset / 8);
  let shift = bitOffset % 8;
  // Head: the bits left in a byte already started.
  if (shift !== 0) {
    const b = bytes[p];
    while (i < count && shift < 8) out[i++] = (b >> shift++) & 1;
    p++;
  }
  // Whole bytes: 8 values each, unrolled.
  const whole = i + ((count - i) & ~7);
  for (; i < whole; i += 8) {
    const b = bytes[p++];
    out[i] = b & 1;
    out[i + 1] = (b >> 1) & 1;
    out[i + 2] = (b >> 2) & 1;
    out[i + 3] = (b >> 3) & 1;
    out[i + 4] = (b >> 4) & 1;
    out[i + 5] = (b >> 5) & 1;
    out[i + 6] = (b >> 6) & 1;
    out[i + 7] = b >> 7;
  }
  // Tail: fewer than 8 values from the next byte.
  if (i < count) {
    const b = bytes[p];
    for (let k = 0; i < count; k++) out[i++] = (b >> k) & 1;
  }
  return needed;
}

/** Packs 0/1 bytes LSB first; INVALID_ARGUMENT for any other value (a boolean is one bit). */
export function encodePlainBooleans(values: Uint8Array): Uint8Array {
  const n = values.length;
  const out = new Uint8Array(Math.ceil(n / 8));
  // OR of every value: one check at the end instead of a branch per value.
  let any = 0;
  let i = 0;
  let p = 0;
  const whole = n & ~7;
  for (; i < whole; i += 8) {
    const v0 = values[i], v1 = values[i + 1], v2 = values[i + 2], v3 = values[i + 3];
    const v4 = values[i + 4], v5 = values[i + 5], v6 = values[i + 6], v7 = values[i + 7];
    any |= v0 | v1 | v2 | v3 | v4 | v5 | v6 | v7;
    out[p++] = v0 | (v1 << 1) | (v2 << 2) | (v3 << 3) | (v4 << 4) | (v5 << 5) | (v6 << 6) | (v7 << 7);
  }
  if (i < n) {
    let b = 0;
    for (let k = 0; i < n; k++, i++) {
      const v = values[i];
      any |= v;
      b |= v << k;
    }
    out[p] = b;
  }
  if (any > 1) {
    const at = values.findIndex((v) => v > 1);
    throw new ParquetryError('INVALID_ARGUMENT', `BOOLEAN value ${values[at]} at index ${at} is not 0 or 1`);
  }
  return out;
}
