// Node entry: each call goes to the backend in force (see @parquetry/core `useNative`).
import { dispatchCodec } from '@parquetry/core';
import * as native from './native.js';
import * as ts from './ts/index.js';

export const BROTLI = dispatchCodec(ts.BROTLI, native.BROTLI);
export const { compress, compressInto, decompress, maxCompressedLength } = BROTLI;
