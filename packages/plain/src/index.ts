// Node entry: the BOOLEAN and BYTE_ARRAY loops run in the backend in force (see @parquetry/core
// `useNative`); under `auto`, inputs too small to repay a boundary crossing stay in TypeScript.
import { nativeBinding, useNative, type PhysicalType } from '@parquetry/core';
import * as ts from './ts/index.js';

export * from './ts/index.js';

function kernelsFor(values: number): ts.PlainKernels {
  const binding = useNative(values) ? nativeBinding() : null;
  return binding ?? ts.TS_PLAIN_KERNELS;
}

export function encodePlain<T extends PhysicalType>(type: T, values: ts.PlainValuesOf<T>, typeLength?: number, kernels?: ts.PlainKernels): Uint8Array {
  const n = 'offsets' in values ? values.offsets.length - 1 : values.length;
  return ts.encodePlain(type, values, typeLength, kernels ?? kernelsFor(n));
}

export function encodePlainInto<T extends PhysicalType>(type: T, values: ts.PlainValuesOf<T>, out: Uint8Array, offset: number, typeLength?: number, kernels?: ts.PlainKernels): number {
  const n = 'offsets' in values ? values.offsets.length - 1 : values.length;
  return ts.encodePlainInto(type, values, out, offset, typeLength, kernels ?? kernelsFor(n));
}

export function decodePlain<T extends PhysicalType>(type: T, bytes: Uint8Array, count: number, typeLength?: number, kernels?: ts.PlainKernels): ts.PlainValuesOf<T> {
  return ts.decodePlain(type, bytes, count, typeLength, kernels ?? kernelsFor(count));
}

/** The streaming decoder over the kernels of the backend in force. */
export class PlainDecoder<T extends PhysicalType = PhysicalType> extends ts.PlainDecoder<T> {
  constructor(type: T, bytes: Uint8Array, typeLength?: number, byteOffset = 0, byteEnd = bytes.length, kernels?: ts.PlainKernels) {
    super(type, bytes, typeLength, byteOffset, byteEnd, kernels ?? kernelsFor(bytes.length));
  }
}
