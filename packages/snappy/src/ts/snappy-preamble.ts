import { ParquetryError } from '@parquetry/core';

/** The uncompressed length at the start of a raw snappy stream and how many bytes it took. */
export interface SnappyPreamble {
  length: number;
  size: number;
}

/**
 * Reads the preamble: the uncompressed length as a little-endian base-128 varint.
 * The format caps it below 2^32, so it fits in at most 5 bytes.
 */
export function readSnappyPreamble(input: Uint8Array): SnappyPreamble {
  let length = 0;
  for (let i = 0; i < 5; i++) {
    if (i >= input.length) {
      throw new ParquetryError('TRUNCATED', 'snappy stream ends inside its length preamble', { offset: i });
    }
    const b = input[i];
    // Multiply rather than shift: bit 31 would turn a shifted int negative.
    length += (b & 0x7f) * 2 ** (7 * i);
    if (b < 0x80) {
      if (length > 0xffffffff) {
        throw new ParquetryError('CORRUPT', 'snappy length preamble is 2^32 or more', { offset: 0 });
      }
      return { length, size: i + 1 };
    }
  }
  throw new ParquetryError('CORRUPT', 'snappy length preamble is longer than 5 bytes', { offset: 0 });
}

/** Writes `length` as the preamble varint at `op`; returns the position after it. */
export function writeSnappyPreamble(out: Uint8Array, op: number, length: number): number {
  let rest = length;
  while (rest >= 0x80) {
    out[op++] = (rest & 0x7f) | 0x80;
    rest = Math.floor(rest / 128);
  }
  out[op++] = rest;
  return op;
}
