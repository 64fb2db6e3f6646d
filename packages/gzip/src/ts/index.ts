import { defineCodec } from '@parquetry/core';
import { gunzipInto } from './gunzip.js';
import { gzipBound, gzipInto } from './gzip-compress.js';
import { GZIP_LEVELS } from './levels.js';

/**
 * GZIP in pure TypeScript: our own DEFLATE compressor (the native build runs the same algorithm,
 * so both write the same bytes) and fflate's streaming inflate with our CRC check.
 */
export const GZIP = defineCodec({
  name: 'GZIP',
  levels: GZIP_LEVELS,
  maxCompressedLength: gzipBound,
  compressInto: (input, out, level) => gzipInto(input, out, level),
  decompressInto: gunzipInto,
});

export const { compress, compressInto, decompress } = GZIP;
export const maxCompressedLength = gzipBound;
