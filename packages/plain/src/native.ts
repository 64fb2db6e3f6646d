// The native implementation, whatever PARQUETRY_BACKEND says; `UNSUPPORTED` where the addon cannot
// load. The TypeScript code does the framing; the addon runs the loops that pay: bit-packed
// BOOLEANs and length-prefixed BYTE_ARRAYs. Fixed-width values are views or copies either way.
import { requireNativeBinding, type PhysicalType } from '@parquetry/core';
import { decodePlain as decodeWith, encodePlain as encodeWith, PlainDecoder as TsPlainDecoder, type PlainKernels, type PlainValuesOf } from './ts/index.js';

export { plainEncodedSize, type PlainValues, type PlainValuesOf, type PlainKernels } from './ts/index.js';

/** The addon's functions have exactly the PlainKernels shapes. */
function kernels(): PlainKernels {
  return requireNativeBinding();
}

export function encodePlain<T extends PhysicalType>(type: T, values: PlainValuesOf<T>, typeLength?: number): Uint8Array {
  return encodeWith(type, values, typeLength, kernels());
}

export function decodePlain<T extends PhysicalType>(type: T, bytes: Uint8Array, count: number, typeLength?: number): PlainValuesOf<T> {
  return decodeWith(type, bytes, count, typeLength, kernels());
}

/** The streaming decoder over the native kernels. */
export class PlainDecoder<T extends PhysicalType = PhysicalType> extends TsPlainDecoder<T> {
  constructor(type: T, bytes: Uint8Array, typeLength?: number, byteOffset = 0, byteEnd = bytes.length) {
    super(type, bytes, typeLength, byteOffset, byteEnd, kernels());
  }
}
