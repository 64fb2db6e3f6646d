// How big a filter to make (BloomFilter.md "Build a Bloom filter").
import { ParquetryError } from '@parquetry/core';
import { BLOCK_BYTES } from './split-block.js';

/** The largest bitset written or read: 128 MiB, the cap Parquet's writers use. */
export const MAX_BLOOM_FILTER_BYTES = 128 * 1024 * 1024;

/** Whether `n` is a power of two from 32 to MAX_BLOOM_FILTER_BYTES: the sizes a filter can have. */
export function isFilterSize(n: number): boolean {
  return Number.isInteger(n) && n >= BLOCK_BYTES && n <= MAX_BLOOM_FILTER_BYTES && (n & (n - 1)) === 0;
}

/**
 * Bytes of a filter for `ndv` distinct values at false-positive rate `fpp`: the spec's
 * `-8 / ln(1 - fpp^(1/8))` bits per value, rounded up to a power of two, at least 32 and at most
 * `maxBytes` (itself rounded down to a power of two).
 */
export function bloomFilterBytes(ndv: number, fpp = 0.01, maxBytes = MAX_BLOOM_FILTER_BYTES): number {
  if (typeof ndv !== 'number' || !Number.isFinite(ndv) || ndv < 0) {
    throw new ParquetryError('INVALID_ARGUMENT', `ndv ${ndv} is not a finite number of at least 0`);
  }
  if (typeof fpp !== 'number' || !(fpp > 0 && fpp < 1)) {
    throw new ParquetryError('INVALID_ARGUMENT', `fpp ${fpp} is not between 0 and 1 (exclusive)`);
  }
  if (!Number.isInteger(maxBytes) || maxBytes < BLOCK_BYTES || maxBytes > MAX_BLOOM_FILTER_BYTES) {
    throw new ParquetryError('INVALID_ARGUMENT', `maxBytes ${maxBytes} is not an integer from ${BLOCK_BYTES} to ${MAX_BLOOM_FILTER_BYTES}`);
  }
  const bitsPerValue = -8 / Math.log(1 - Math.pow(fpp, 1 / 8));
  const bytes = Math.ceil((ndv * bitsPerValue) / 8);
  let size = BLOCK_BYTES;
  while (size < bytes && size * 2 <= maxBytes) size *= 2;
  return size;
}
