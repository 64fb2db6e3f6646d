// The native implementation (our DEFLATE compressor, libdeflate's decoder), whatever PARQUETRY_BACKEND says.
import { nativeCodec } from '@parquetry/core';
import { GZIP_LEVELS } from './ts/levels.js';

export const GZIP = nativeCodec('GZIP', GZIP_LEVELS);
export const { compress, compressInto, decompress, maxCompressedLength } = GZIP;
