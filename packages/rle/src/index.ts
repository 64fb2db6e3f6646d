// Node entry: each call goes to the backend in force (see @parquetry/core `backend()`, `useNative`).
// Under `auto`, inputs too small to repay a boundary crossing stay in TypeScript.
import { useNative } from '@parquetry/core';
import type { LengthPrefixedResult } from './ts/length-prefixed.js';
import * as native from './native.js';
import * as ts from './ts/index.js';

export { RleHybridDecoder, MIN_RLE_RUN, MAX_BIT_PACKED_GROUPS, rleHybridMaxSize } from './ts/index.js';
export type { LengthPrefixedResult } from './ts/length-prefixed.js';

export function decodeRleHybrid(bytes: Uint8Array, bitWidth: number, count: number, out?: Int32Array): Int32Array {
  return (useNative(count) ? native : ts).decodeRleHybrid(bytes, bitWidth, count, out);
}

export function encodeRleHybrid(values: Int32Array, bitWidth: number): Uint8Array {
  return (useNative(values.length) ? native : ts).encodeRleHybrid(values, bitWidth);
}

export function encodeRleHybridInto(values: Int32Array, bitWidth: number, out: Uint8Array, offset = 0): number {
  return (useNative(values.length) ? native : ts).encodeRleHybridInto(values, bitWidth, out, offset);
}

export function decodeRleHybridLengthPrefixed(bytes: Uint8Array, bitWidth: number, count: number, out?: Int32Array): LengthPrefixedResult {
  return (useNative(count) ? native : ts).decodeRleHybridLengthPrefixed(bytes, bitWidth, count, out);
}

export function encodeRleHybridLengthPrefixed(values: Int32Array, bitWidth: number): Uint8Array {
  return (useNative(values.length) ? native : ts).encodeRleHybridLengthPrefixed(values, bitWidth);
}

export function decodeBitPacked(bytes: Uint8Array, bitWidth: number, count: number, out?: Int32Array): Int32Array {
  return (useNative(count) ? native : ts).decodeBitPacked(bytes, bitWidth, count, out);
}

export function encodeBitPacked(values: Int32Array, bitWidth: number): Uint8Array {
  return (useNative(values.length) ? native : ts).encodeBitPacked(values, bitWidth);
}
