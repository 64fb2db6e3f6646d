import { decompressTarget, ParquetryError, type CompressionCodec } from '@parquetry/core';

/** UNCOMPRESSED: the page is its own payload; decompressing hands the input back unless `out` is given. */
export const UNCOMPRESSED: CompressionCodec = {
  name: 'UNCOMPRESSED',
  maxCompressedLength: (n) => n,
  compressInto(input, out) {
    if (out.length < input.length) throw new ParquetryError('INVALID_ARGUMENT', `output holds ${out.length} bytes but ${input.length} are needed`);
    out.set(input);
    return input.length;
  },
  compress: (input) => new Uint8Array(input), // a copy even of a Buffer
  decompress(input, uncompressedSize, options) {
    const out = decompressTarget('UNCOMPRESSED', uncompressedSize, options);
    if (input.length !== out.length) {
      throw new ParquetryError('CORRUPT', `UNCOMPRESSED page holds ${input.length} bytes but declares ${out.length}`);
    }
    if (!options?.out) return input;
    out.set(input);
    return out;
  },
};
