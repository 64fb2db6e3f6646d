// BYTE_STREAM_SPLIT on whole buffers (Encodings.md "Byte Stream Split"). It works on the values'
// little-endian bytes for any width: FLOAT 4, DOUBLE 8, INT32 4, INT64 8, FIXED_LEN_BYTE_ARRAY its
// type length (FLOAT16 2, decimals). Viewing the bytes as a typed array is the caller's choice.
//
// The encoding leaves a writer no choice: stream k holds byte k of every value, streams in order,
// no padding. Both backends write identical bytes by construction.
import { ParquetryError } from '@parquetry/core';
import { checkOutput, checkWidth } from './check.js';
import { split, unsplit } from './transpose.js';

/**
 * The values' bytes back from `width` streams: into `out` when given (it must hold bytes.length
 * bytes; the result is its first bytes.length), else a new array. CORRUPT when bytes.length is not
 * a whole number of values: the page has no count of its own to say otherwise.
 */
export function decodeByteStreamSplit(bytes: Uint8Array, width: number, out?: Uint8Array): Uint8Array {
  checkWidth(width);
  const length = bytes.length;
  if (length % width !== 0) {
    throw new ParquetryError('CORRUPT', `${length} bytes are not a whole number of ${width}-byte values`, { offset: length });
  }
  let target: Uint8Array;
  if (out) {
    checkOutput(out, 0, length);
    target = out.length === length ? out : out.subarray(0, length);
  } else {
    target = new Uint8Array(length);
  }
  const count = length / width;
  unsplit(bytes, 0, count, width, 0, count, target, 0);
  return target;
}

/** `width` streams from the values' bytes, a new array; INVALID_ARGUMENT unless a whole number of values. */
export function encodeByteStreamSplit(bytes: Uint8Array, width: number): Uint8Array {
  checkWidth(width);
  if (bytes.length % width !== 0) {
    throw new ParquetryError('INVALID_ARGUMENT', `${bytes.length} bytes are not a whole number of ${width}-byte values`);
  }
  const out = new Uint8Array(bytes.length);
  split(bytes, bytes.length / width, width, out);
  return out;
}
