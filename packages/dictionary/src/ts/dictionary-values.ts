import type { PhysicalType } from '@parquetry/core';
import type { PlainValues } from '@parquetry/plain/ts';
import type { DistinctValues } from './distinct-values.js';

// The encoder's distinct values out of its buffers: as typed values, and as the dictionary page
// (Encodings.md: "Dictionary page format: the entries in the dictionary using the plain encoding").
// Fixed-width values are copied as bytes from their typed-array storage, which is little-endian on
// every engine that runs this (as PLAIN requires); bits are copied, never numbers, so NaN payloads
// survive.

/** A copy of the distinct values in first-seen order, in `type`'s PLAIN representation. */
export function dictionaryValues(type: PhysicalType, distinct: DistinctValues): PlainValues {
  const n = distinct.count;
  switch (type) {
    case 'INT32':
      return distinct.words.slice(0, n);
    case 'FLOAT':
      return new Float32Array(distinct.words.slice(0, n).buffer);
    case 'INT64':
      return new BigInt64Array(distinct.words.slice(0, 2 * n).buffer);
    case 'DOUBLE':
      return new Float64Array(distinct.words.slice(0, 2 * n).buffer);
    case 'BYTE_ARRAY':
      return { offsets: distinct.offsets.slice(0, n + 1), bytes: distinct.store.slice(0, distinct.offsets[n]) };
    default:
      return distinct.store.slice(0, n * distinct.width);
  }
}

/** The distinct values PLAIN-encoded: fixed widths back to back, byte arrays as 4-byte LE length + bytes. */
export function plainDictionaryPage(distinct: DistinctValues): Uint8Array {
  const n = distinct.count;
  if (distinct.asWords) return new Uint8Array(distinct.words.buffer, 0, n * distinct.width).slice();
  if (distinct.width > 0) return distinct.store.slice(0, n * distinct.width);
  const { offsets, store } = distinct;
  const out = new Uint8Array(distinct.plainBytes);
  let p = 0;
  for (let e = 0; e < n; e++) {
    const a = offsets[e];
    const length = offsets[e + 1] - a;
    out[p] = length;
    out[p + 1] = length >>> 8;
    out[p + 2] = length >>> 16;
    out[p + 3] = length >>> 24;
    p += 4;
    if (length >= 256) out.set(store.subarray(a, a + length), p);
    else for (let k = 0; k < length; k++) out[p + k] = store[a + k];
    p += length;
  }
  return out;
}
