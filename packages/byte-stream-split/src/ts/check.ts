import { ParquetryError } from '@parquetry/core';

/** Largest value count one call takes. */
export const MAX_COUNT = 2 ** 31 - 1;

export function checkWidth(width: number): void {
  if (!Number.isInteger(width) || width < 1) {
    throw new ParquetryError('INVALID_ARGUMENT', `width ${width} is not an integer of at least 1`);
  }
}

export function checkCount(count: number, what = 'count'): void {
  if (!Number.isInteger(count) || count < 0 || count > MAX_COUNT) {
    throw new ParquetryError('INVALID_ARGUMENT', `${what} ${count} is not an integer in 0..${MAX_COUNT}`);
  }
}

/** `out` (which must hold `length` bytes from `offset`) or a new array of `length` bytes. */
export function checkOutput(out: Uint8Array, offset: number, length: number): void {
  if (!Number.isInteger(offset) || offset < 0 || offset + length > out.length) {
    throw new ParquetryError('INVALID_ARGUMENT', `${length} bytes from index ${offset} do not fit an output of ${out.length}`);
  }
}
