// The native implementation (the snap crate), whatever PARQUETRY_BACKEND says.
import { nativeCodec } from '@parquetry/core';

export const SNAPPY = nativeCodec('SNAPPY');
export const { compress, compressInto, decompress, maxCompressedLength } = SNAPPY;
