// Node entry: whole-buffer transposes go to the backend in force (see @parquetry/core `useNative`);
// under `auto`, inputs too small to repay a boundary crossing stay in TypeScript. The streaming
// decoder (read/skip) is the TypeScript one.
import { useNative } from '@parquetry/core';
import * as native from './native.js';
import * as ts from './ts/index.js';

export { ByteStreamSplitDecoder } from './ts/index.js';

export function decodeByteStreamSplit(bytes: Uint8Array, width: number, out?: Uint8Array): Uint8Array {
  return (useNative(bytes.length / Math.max(1, width)) ? native : ts).decodeByteStreamSplit(bytes, width, out);
}

export function encodeByteStreamSplit(bytes: Uint8Array, width: number): Uint8Array {
  return (useNative(bytes.length / Math.max(1, width)) ? native : ts).encodeByteStreamSplit(bytes, width);
}
