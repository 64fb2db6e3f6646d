// The native implementation (the zstd crate over libzstd), whatever PARQUETRY_BACKEND says.
import { nativeCodec } from '@parquetry/core';
import { ZSTD_LEVELS } from './ts/levels.js';

export const ZSTD = nativeCodec('ZSTD', ZSTD_LEVELS);
export const { compress, compressInto, decompress, maxCompressedLength } = ZSTD;
