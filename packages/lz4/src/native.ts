// The native implementation (lz4_flex), whatever PARQUETRY_BACKEND says.
import { nativeCodec } from '@parquetry/core';

export const LZ4_RAW = nativeCodec('LZ4_RAW');
export const LZ4 = nativeCodec('LZ4');
export const { compress, compressInto, decompress, maxCompressedLength } = LZ4_RAW;
export const compressHadoop = LZ4.compress;
export const decompressLegacy = LZ4.decompress;
