import { ParquetryError, uninitializedArray } from '@parquetry/core';

/** Largest value count one call decodes: a page's values fit an Int32Array. */
export const MAX_COUNT = 2 ** 31 - 1;

export function checkBitWidth(bitWidth: number): void {
  if (!Number.isInteger(bitWidth) || bitWidth < 0 || bitWidth > 32) {
    throw new ParquetryError('INVALID_ARGUMENT', `bit width ${bitWidth} is not an integer in 0..32`);
  }
}

export function checkCount(count: number): void {
  if (!Number.isInteger(count) || count < 0 || count > MAX_COUNT) {
    throw new ParquetryError('INVALID_ARGUMENT', `count ${count} is not an integer in 0..${MAX_COUNT}`);
  }
}

/**
 * The first `count` slots of a caller's output array, or a new one, not zeroed: every decoder that
 * asks for it writes all `count` values or throws.
 */
export function outputFor(out: Int32Array | undefined, count: number): Int32Array {
  if (!out) return uninitializedArray(Int32Array, count);
  if (out.length < count) {
    throw new ParquetryError('INVALID_ARGUMENT', `output holds ${out.length} values but ${count} are to be decoded`);
  }
  return out.length === count ? out : out.subarray(0, count);
}

/** Throws unless every value fits in `bitWidth` bits (as an unsigned integer). */
export function checkValuesFit(values: Int32Array, bitWidth: number, firstIndex = 0): void {
  if (bitWidth === 32) return;
  const limit = 2 ** bitWidth;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < 0 || v >= limit) {
      throw new ParquetryError('INVALID_ARGUMENT', `value ${v} at index ${firstIndex + i} does not fit in ${bitWidth} bits`);
    }
  }
}
