// The native implementation (the brotli crate), whatever PARQUETRY_BACKEND says.
import { nativeCodec } from '@parquetry/core';
import { BROTLI_LEVELS } from './ts/levels.js';

export const BROTLI = nativeCodec('BROTLI', BROTLI_LEVELS);
export const { compress, compressInto, decompress, maxCompressedLength } = BROTLI;
