import { defineCodec } from '@parquetry/core';
import { compressSnappy, decompressSnappy, snappyMaxCompressedLength } from './snappy.js';

/** SNAPPY in pure TypeScript: the raw block format, hand-written (see snappy.ts). */
export const SNAPPY = defineCodec({
  name: 'SNAPPY',
  maxCompressedLength: snappyMaxCompressedLength,
  compressInto: (input, out) => compressSnappy(input, out),
  decompressInto: decompressSnappy,
});

export const { compress, compressInto, decompress, maxCompressedLength } = SNAPPY;
