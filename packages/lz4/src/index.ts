// Node entry: each call goes to the backend in force (see @parquetry/core `useNative`).
import { dispatchCodec } from '@parquetry/core';
import * as native from './native.js';
import * as ts from './ts/index.js';

export const LZ4_RAW = dispatchCodec(ts.LZ4_RAW, native.LZ4_RAW);
export const LZ4 = dispatchCodec(ts.LZ4, native.LZ4);
export const { compress, compressInto, decompress, maxCompressedLength } = LZ4_RAW;
export const compressHadoop = LZ4.compress;
export const decompressLegacy = LZ4.decompress;
