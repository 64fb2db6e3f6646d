// Node entry: whole-buffer encodes and decodes go to the backend in force (see @parquetry/core
// `useNative`); under `auto`, inputs too small to repay a boundary crossing stay in TypeScript.
// The streaming decoders (read/skip, bytes consumed) are the TypeScript ones.
import { useNative, type ByteArrays } from '@parquetry/core';
import * as native from './native.js';
import * as ts from './ts/index.js';

export { DeltaBinaryPackedDecoder, DeltaLengthByteArrayDecoder, DeltaByteArrayDecoder, type DeltaType } from './ts/index.js';

// A DELTA_BINARY_PACKED stream of fewer than 64 values is a few dozen bytes: size decides.
const small = (bytes: Uint8Array) => !useNative(bytes.length);

export function encodeDeltaBinaryPacked(values: Int32Array | BigInt64Array): Uint8Array {
  return (useNative(values.length) ? native : ts).encodeDeltaBinaryPacked(values);
}

export function decodeDeltaBinaryPacked(bytes: Uint8Array, type: 'INT32', out?: Int32Array): Int32Array;
export function decodeDeltaBinaryPacked(bytes: Uint8Array, type: 'INT64', out?: BigInt64Array): BigInt64Array;
export function decodeDeltaBinaryPacked(bytes: Uint8Array, type: 'INT32' | 'INT64', out?: Int32Array | BigInt64Array): Int32Array | BigInt64Array;
export function decodeDeltaBinaryPacked(bytes: Uint8Array, type: 'INT32' | 'INT64', out?: Int32Array | BigInt64Array): Int32Array | BigInt64Array {
  return (small(bytes) ? ts : native).decodeDeltaBinaryPacked(bytes, type, out);
}

export function encodeDeltaLengthByteArray(values: ByteArrays): Uint8Array {
  return (useNative(values.offsets.length - 1) ? native : ts).encodeDeltaLengthByteArray(values);
}

export function decodeDeltaLengthByteArray(bytes: Uint8Array, count: number): ByteArrays {
  return (useNative(count) ? native : ts).decodeDeltaLengthByteArray(bytes, count);
}

export function encodeDeltaByteArray(values: ByteArrays): Uint8Array {
  return (useNative(values.offsets.length - 1) ? native : ts).encodeDeltaByteArray(values);
}

export function decodeDeltaByteArray(bytes: Uint8Array, count: number): ByteArrays {
  return (useNative(count) ? native : ts).decodeDeltaByteArray(bytes, count);
}
