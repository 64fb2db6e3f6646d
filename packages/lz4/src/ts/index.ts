import { defineCodec, ParquetryError } from '@parquetry/core';
import { compressLz4Block, decompressLz4Block, lz4BlockMaxCompressedLength } from './block.js';
import { compressLz4HadoopInto, decompressLz4LegacyInto, lz4HadoopMaxCompressedLength } from './hadoop.js';

function decompressRawInto(input: Uint8Array, out: Uint8Array): void {
  const written = decompressLz4Block(input, out);
  if (written !== out.length) {
    throw new ParquetryError('CORRUPT', `LZ4_RAW stream holds ${written} bytes but the page declares ${out.length}`);
  }
}

/** LZ4_RAW in pure TypeScript: one LZ4 block, hand-written (see block.ts). */
export const LZ4_RAW = defineCodec({
  name: 'LZ4_RAW',
  maxCompressedLength: lz4BlockMaxCompressedLength,
  compressInto: (input, out) => compressLz4Block(input, out),
  decompressInto: decompressRawInto,
});

/** The deprecated LZ4 codec: writes Hadoop framing, reads it or a bare block. */
export const LZ4 = defineCodec({
  name: 'LZ4',
  maxCompressedLength: lz4HadoopMaxCompressedLength,
  compressInto: (input, out) => compressLz4HadoopInto(input, out),
  decompressInto: decompressLz4LegacyInto,
});

export const { compress, compressInto, decompress, maxCompressedLength } = LZ4_RAW;
export const compressHadoop = LZ4.compress;
export const decompressLegacy = LZ4.decompress;
