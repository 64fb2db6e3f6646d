import { cannotCompress, defineCodec, ParquetryError } from '@parquetry/core';
import { decompress as brotliDecompress } from 'brotli/decompress';
import { BROTLI_LEVELS } from './levels.js';

/** BrotliEncoderMaxCompressedSize, with the same slack the native side allows. */
function maxCompressedLength(n: number): number {
  const blocks = n === 0 ? 1 : Math.ceil(n / (1 << 24));
  return Math.max(n + 4 * blocks + 6, n + 1024) + 16;
}

/**
 * Decodes with the `brotli` package's pure-JS decoder into an output of exactly the declared size:
 * it throws as soon as the stream would write past it, and reports a shorter result.
 */
function brotliDecompressInto(input: Uint8Array, out: Uint8Array): void {
  let result: Uint8Array;
  try {
    result = brotliDecompress(input, out.length);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const overflow = /not large enough/.test(message);
    throw new ParquetryError(
      'CORRUPT',
      overflow ? `BROTLI stream decompresses to more than the declared ${out.length} bytes` : `BROTLI stream is corrupt: ${message}`,
      {},
      { cause: error },
    );
  }
  if (result.length !== out.length) {
    throw new ParquetryError('CORRUPT', `BROTLI stream holds ${result.length} bytes but the page declares ${out.length}`);
  }
  out.set(result);
}

/** BROTLI in pure TypeScript: decoding only (the `brotli` package's encoder is an asm.js build). */
export const BROTLI = defineCodec({
  name: 'BROTLI',
  levels: BROTLI_LEVELS,
  maxCompressedLength,
  compressInto: cannotCompress('BROTLI', 'only decoding is bundled for browsers; use the native backend'),
  decompressInto: brotliDecompressInto,
});

export const { compress, compressInto, decompress } = BROTLI;
export { maxCompressedLength };
