// PLAIN BYTE_ARRAY encoding (Encodings.md "Plain"): a 4-byte little-endian length, then the bytes,
// for each value in order. The writer has no choice here; the native kernel (binding:
// encodePlainByteArrays, same signature) writes the same bytes.
import { ParquetryError } from '@parquetry/core';
import { copyRange, viewOf } from './byte-copy.js';

const MAX_INT32 = 0x7fffffff;

/**
 * Length-prefixed values from an (offsets, bytes) pair: value i is bytes[offsets[i]..offsets[i + 1]).
 * Offsets need not start at 0. INVALID_ARGUMENT when an offset lies outside `bytes` or offsets
 * decrease; LIMIT when the encoding would exceed 2 GiB (a page cannot hold it).
 */
export function encodePlainByteArrays(offsets: Int32Array, bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(plainByteArraysSize(offsets, bytes));
  encodePlainByteArraysInto(offsets, bytes, out, 0);
  return out;
}

/**
 * As `encodePlainByteArrays`, written into `out` from `offset` (a buffer reused across pages);
 * returns the bytes written. INVALID_ARGUMENT when they do not fit.
 */
export function encodePlainByteArraysInto(offsets: Int32Array, bytes: Uint8Array, out: Uint8Array, offset: number): number {
  const size = plainByteArraysSize(offsets, bytes);
  if (!(offset >= 0 && offset <= out.length) || out.length - offset < size) {
    throw new ParquetryError('INVALID_ARGUMENT', `the output holds ${out.length - offset} bytes from offset ${offset}; the values take ${size}`);
  }
  const count = offsets.length - 1;
  const from = viewOf(bytes);
  const to = viewOf(out);
  let pos = offset;
  for (let i = 0; i < count; i++) {
    const src = offsets[i];
    const len = offsets[i + 1] - src;
    to.setUint32(pos, len, true);
    copyRange(bytes, from, src, out, to, pos + 4, len);
    pos += 4 + len;
  }
  return size;
}

/** The encoded size, with every offset checked against `bytes`. */
function plainByteArraysSize(offsets: Int32Array, bytes: Uint8Array): number {
  const count = offsets.length - 1;
  if (count < 0) throw new ParquetryError('INVALID_ARGUMENT', 'offsets must hold count + 1 entries');
  for (let i = 0; i < count; i++) {
    const a = offsets[i];
    const b = offsets[i + 1];
    if (a < 0 || b < a || b > bytes.length) {
      throw new ParquetryError('INVALID_ARGUMENT', `offsets[${i}..${i + 1}] = ${a}..${b} do not lie within ${bytes.length} bytes`);
    }
  }
  const size = 4 * count + (offsets[count] - offsets[0]);
  if (size > MAX_INT32) throw new ParquetryError('LIMIT', `PLAIN BYTE_ARRAY encoding of ${size} bytes exceeds 2 GiB`);
  return size;
}
