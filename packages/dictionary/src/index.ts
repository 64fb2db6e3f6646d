// Node entry: gathers and index decoding go to the backend in force (see @parquetry/core
// `useNative`); under `auto`, inputs too small to repay a boundary crossing stay in TypeScript.
import { nativeBinding, useNative, type ByteArrays, type PhysicalType } from '@parquetry/core';
import type { PlainValuesOf } from '@parquetry/plain/ts';
import * as native from './native.js';
import type { FixedWidthValues } from './ts/gather.js';
import * as ts from './ts/index.js';

export {
  decodeDictionaryPage,
  DictionaryIndicesDecoder,
  DEFAULT_MAX_DICTIONARY_BYTES,
  encodeDictionaryIndices,
  dictionaryIndexBitWidth,
  type DictionaryEncoderOptions,
  type FixedWidthValues,
  type GatherKernels,
  gatherDictionaryWith,
  TS_GATHER_KERNELS,
} from './ts/index.js';

export function gatherWords32(dictionary: Int32Array, indices: Int32Array, out: Int32Array): void {
  (useNative(indices.length) ? native : ts).gatherWords32(dictionary, indices, out);
}

export function gatherWords64(dictionary: Float64Array, indices: Int32Array, out: Float64Array): void {
  (useNative(indices.length) ? native : ts).gatherWords64(dictionary, indices, out);
}

export function gatherFixedWidth(dictBytes: Uint8Array, width: number, indices: Int32Array, out: Uint8Array): void {
  (useNative(indices.length) ? native : ts).gatherFixedWidth(dictBytes, width, indices, out);
}

export function gatherByteArrays(dictionary: ByteArrays, indices: Int32Array): ByteArrays {
  return (useNative(indices.length) ? native : ts).gatherByteArrays(dictionary, indices);
}

export function gatherDictionary<T extends PhysicalType>(
  dictionary: PlainValuesOf<T>,
  indices: Int32Array,
  type: T,
  typeLength?: number,
  out?: FixedWidthValues,
): PlainValuesOf<T> {
  return (useNative(indices.length) ? native : ts).gatherDictionary(dictionary, indices, type, typeLength, out);
}

export function decodeDictionaryIndices(bytes: Uint8Array, count: number, out?: Int32Array): Int32Array {
  return (useNative(count) ? native : ts).decodeDictionaryIndices(bytes, count, out);
}

export function decodeDictionaryValues<T extends PhysicalType>(bytes: Uint8Array, count: number, dictionary: PlainValuesOf<T>, type: T, typeLength?: number): PlainValuesOf<T> {
  return (useNative(count) ? native : ts).decodeDictionaryValues(bytes, count, dictionary, type, typeLength);
}

/** The encoder with the addon's hash-table loops when the native backend is in force. */
export class DictionaryEncoder<T extends PhysicalType = PhysicalType> extends ts.DictionaryEncoder<T> {
  constructor(type: T, options: ts.DictionaryEncoderOptions = {}) {
    super(type, native.nativeEncoderOptions(nativeBinding(), options));
  }
}
