// PLAIN BYTE_ARRAY decoding (Encodings.md "Plain"): each value is a 4-byte little-endian length and
// then its bytes. Decoding is two passes so nothing is allocated before the input justifies it:
// scan the length prefixes into offsets (checking each against what remains), then gather the value
// bytes into one contiguous buffer. scan and gather are the loops a native kernel replaces (binding:
// scanPlainByteArrays / gatherPlainByteArrays, same signatures).
import { ParquetryError, rebaseErrorOffset, uninitializedArray, uninitializedBytes, type ByteArrays } from '@parquetry/core';
import { viewOf, copyRange } from './byte-copy.js';
import { checkCount } from './check.js';
import type { PlainKernels } from './types.js';

const MAX_INT32 = 0x7fffffff;

/** A length above 2^31 - 1 is a negative int32 to every other reader: malformed, not merely cut short. */
function badLength(len: number, at: number, i: number, remaining: number): ParquetryError {
  const code = len > MAX_INT32 ? 'CORRUPT' : 'TRUNCATED';
  return new ParquetryError(code, `BYTE_ARRAY value ${i} of ${len} bytes but ${remaining} remain`, { offset: at });
}

/**
 * Scans `offsets.length - 1` length-prefixed values at the start of `bytes`: fills `offsets` with
 * where each value's bytes start once gathered (offsets[0] = 0). Returns the input bytes spanned.
 * TRUNCATED when a prefix or value is cut off, CORRUPT for a length that is negative as an int32,
 * LIMIT when the values exceed 2 GiB.
 */
export function scanPlainByteArrays(bytes: Uint8Array, offsets: Int32Array): number {
  const count = offsets.length - 1;
  if (count < 0) throw new ParquetryError('INVALID_ARGUMENT', 'offsets must hold count + 1 entries');
  const end = bytes.length;
  let pos = 0;
  let total = 0;
  offsets[0] = 0;
  for (let i = 0; i < count; i++) {
    if (pos + 4 > end) {
      throw new ParquetryError('TRUNCATED', `BYTE_ARRAY value ${i} of ${count}: length prefix cut off`, { offset: pos });
    }
    const len = (bytes[pos] | (bytes[pos + 1] << 8) | (bytes[pos + 2] << 16) | (bytes[pos + 3] << 24)) >>> 0;
    pos += 4;
    if (len > end - pos) throw badLength(len, pos - 4, i, end - pos);
    pos += len;
    total += len;
    if (total > MAX_INT32) {
      throw new ParquetryError('LIMIT', 'BYTE_ARRAY values exceed 2 GiB in one batch', { offset: pos });
    }
    offsets[i + 1] = total;
  }
  return pos;
}

/**
 * Copies the bytes of the values that `scanPlainByteArrays` scanned over the same `bytes` into `out`
 * (offsets[count] bytes). INVALID_ARGUMENT when `out` or `offsets` do not fit.
 */
export function gatherPlainByteArrays(bytes: Uint8Array, offsets: Int32Array, out: Uint8Array): void {
  const count = offsets.length - 1;
  // offsets[0] = 0: the values cover the output from its first byte (it may not be zeroed).
  if (count < 0 || offsets[0] !== 0 || out.length !== offsets[count] || offsets[count] + 4 * count > bytes.length) {
    throw new ParquetryError('INVALID_ARGUMENT', 'offsets and output do not match the scanned values');
  }
  const from = viewOf(bytes);
  const to = viewOf(out);
  let pos = 0;
  for (let i = 0; i < count; i++) {
    const dst = offsets[i];
    const len = offsets[i + 1] - dst;
    if (len < 0) throw new ParquetryError('INVALID_ARGUMENT', `offsets decrease at index ${i}`);
    pos += 4;
    copyRange(bytes, from, pos, out, to, dst, len);
    pos += len;
  }
}

/**
 * The one value with bytes when there is at most one: its bytes can be a view of the input, since
 * the (empty) values around it need none. -1 when two or more values have bytes (a copy is needed).
 * Only called with offsets[count] > 0; stops at the first value with bytes.
 */
function soleNonEmpty(offsets: Int32Array, count: number): number {
  const total = offsets[count];
  let i = 0;
  while (offsets[i + 1] === 0) i++;
  return offsets[i + 1] === total ? i : -1;
}

const TS_BYTE_ARRAY_KERNELS = { scanPlainByteArrays, gatherPlainByteArrays };

/** Decoded byte arrays and the byte position after them. */
export interface PlainByteArraysDecoded {
  values: ByteArrays;
  end: number;
}

/**
 * Decodes `count` PLAIN BYTE_ARRAY values from `bytes[byteOffset..byteEnd)`. The values' bytes are
 * a new contiguous buffer, or a view of the input when at most one value is non-empty (no copy is
 * needed then). TRUNCATED when the input cannot hold `count` values; checked before allocating.
 */
export function decodePlainByteArrays(
  bytes: Uint8Array,
  byteOffset: number,
  byteEnd: number,
  count: number,
  kernels: Pick<PlainKernels, 'scanPlainByteArrays' | 'gatherPlainByteArrays'> = TS_BYTE_ARRAY_KERNELS,
): PlainByteArraysDecoded {
  checkCount(count);
  checkRange(bytes, byteOffset, byteEnd);
  if (4 * count > byteEnd - byteOffset) {
    throw new ParquetryError('TRUNCATED', `${count} BYTE_ARRAY values need at least ${4 * count} bytes but ${byteEnd - byteOffset} remain`, {
      offset: byteOffset,
    });
  }
  const src = bytes.subarray(byteOffset, byteEnd);
  // Both outputs are written whole by the scan and the gather (or they throw): not zeroed first.
  const offsets = uninitializedArray(Int32Array, count + 1);
  let spanned: number;
  try {
    spanned = kernels.scanPlainByteArrays(src, offsets);
  } catch (error) {
    throw rebaseErrorOffset(error, byteOffset);
  }
  const total = offsets[count];
  let valueBytes: Uint8Array;
  const sole = total === 0 ? -1 : soleNonEmpty(offsets, count);
  if (total === 0) {
    valueBytes = new Uint8Array(0);
  } else if (sole >= 0) {
    const start = byteOffset + 4 * (sole + 1);
    valueBytes = bytes.subarray(start, start + total);
  } else {
    valueBytes = uninitializedBytes(total);
    kernels.gatherPlainByteArrays(src, offsets, valueBytes);
  }
  return { values: { offsets, bytes: valueBytes }, end: byteOffset + spanned };
}

/**
 * Moves past `count` values from `byteOffset`, checking each length as decoding would, without
 * allocating; returns the position after them.
 */
export function skipPlainByteArrays(bytes: Uint8Array, byteOffset: number, byteEnd: number, count: number): number {
  checkCount(count);
  checkRange(bytes, byteOffset, byteEnd);
  let pos = byteOffset;
  for (let i = 0; i < count; i++) {
    if (pos + 4 > byteEnd) {
      throw new ParquetryError('TRUNCATED', `BYTE_ARRAY value ${i} of ${count}: length prefix cut off`, { offset: pos });
    }
    const len = (bytes[pos] | (bytes[pos + 1] << 8) | (bytes[pos + 2] << 16) | (bytes[pos + 3] << 24)) >>> 0;
    pos += 4;
    if (len > byteEnd - pos) throw badLength(len, pos - 4, i, byteEnd - pos);
    pos += len;
  }
  return pos;
}

export function checkRange(bytes: Uint8Array, byteOffset: number, byteEnd: number): void {
  if (!(Number.isInteger(byteOffset) && Number.isInteger(byteEnd) && byteOffset >= 0 && byteOffset <= byteEnd && byteEnd <= bytes.length)) {
    throw new ParquetryError('INVALID_ARGUMENT', `byte range ${byteOffset}..${byteEnd} is outside a buffer of ${bytes.length} bytes`);
  }
}
