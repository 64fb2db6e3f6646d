import { ParquetryError, type ByteArrays } from '@parquetry/core';

/** Largest count a byte-array decoder takes: its offsets (count + 1) must fit an Int32Array index. */
export const MAX_BYTE_ARRAY_COUNT = 2 ** 31 - 2;
/** Largest total of value bytes: offsets are int32. */
export const MAX_TOTAL_BYTES = 2 ** 31 - 1;

export function checkCount(count: number): void {
  if (!Number.isInteger(count) || count < 0 || count > MAX_BYTE_ARRAY_COUNT) {
    throw new ParquetryError('INVALID_ARGUMENT', `count ${count} is not an integer in 0..${MAX_BYTE_ARRAY_COUNT}`);
  }
}

/** Throws unless `values` is `{ offsets: Int32Array (count + 1), bytes: Uint8Array }` with ordered offsets inside `bytes`. */
export function checkByteArrays(values: ByteArrays): void {
  const offsets = values?.offsets;
  const bytes = values?.bytes;
  if (!(offsets instanceof Int32Array) || !(bytes instanceof Uint8Array) || offsets.length < 1) {
    throw new ParquetryError('INVALID_ARGUMENT', 'byte arrays must be { offsets: Int32Array (count + 1), bytes: Uint8Array }');
  }
  let previous = offsets[0];
  if (previous < 0 || previous > bytes.length) {
    throw new ParquetryError('INVALID_ARGUMENT', `offsets[0] = ${previous} does not lie within ${bytes.length} bytes`);
  }
  for (let i = 1; i < offsets.length; i++) {
    const o = offsets[i];
    if (o < previous || o > bytes.length) {
      throw new ParquetryError('INVALID_ARGUMENT', `offsets[${i - 1}..${i}] = ${previous}..${o} do not lie within ${bytes.length} bytes`);
    }
    previous = o;
  }
}

/** Copies `n` bytes; a loop for short runs, where `set` costs more than it saves. */
export function copyBytes(src: Uint8Array, from: number, dst: Uint8Array, to: number, n: number): void {
  if (n < 24) {
    for (let k = 0; k < n; k++) dst[to + k] = src[from + k];
  } else {
    dst.set(src.subarray(from, from + n), to);
  }
}
