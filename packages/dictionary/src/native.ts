// The native implementation, whatever PARQUETRY_BACKEND says; `UNSUPPORTED` where the addon cannot
// load. Gathers, index decoding and the encoder's hash-table loops run in the addon; the streaming
// indices decoder is the TypeScript one on either backend.
import { ParquetryError, rebaseErrorOffset, requireNativeBinding, uninitializedArray, uninitializedBytes, type ByteArrays, type NativeBinding, type PhysicalType } from '@parquetry/core';
import type { PlainValuesOf } from '@parquetry/plain/ts';
import { checkCountJustified } from '@parquetry/rle/ts';
import * as rleNative from '@parquetry/rle/native';
import { gatherDictionaryWith, type FixedWidthValues, type GatherKernels } from './ts/gather.js';
import { checkCount } from './ts/check.js';
import { decodeDictionaryIndices as decodeDictionaryIndicesTs } from './ts/indices-decode.js';
import * as ts from './ts/index.js';

export { decodeDictionaryPage, DictionaryIndicesDecoder, encodeDictionaryIndices, dictionaryIndexBitWidth } from './ts/index.js';

const NATIVE_GATHER: GatherKernels = {
  gatherWords32: (dictionary, indices, out) => requireNativeBinding().gatherDictionary32(dictionary, indices, out),
  gatherWords64: (dictionary, indices, out) => requireNativeBinding().gatherDictionary64(dictionary, indices, out),
  gatherFixedWidth: (dictBytes, width, indices, out) => requireNativeBinding().gatherDictionaryFixed(dictBytes, width, indices, out),
  gatherByteArrays: (dictionary: ByteArrays, indices: Int32Array): ByteArrays => {
    // Two passes: offsets and total size, then the bytes into memory V8 allocates. The kernels
    // write every offset and byte (or throw): the outputs are not zeroed first.
    const binding = requireNativeBinding();
    const offsets = uninitializedArray(Int32Array, indices.length + 1);
    const bytes = uninitializedBytes(binding.gatherDictionaryByteArrayOffsets(dictionary.offsets, dictionary.bytes.length, indices, offsets));
    binding.gatherDictionaryByteArrayBytes(dictionary.offsets, dictionary.bytes, indices, bytes);
    return { offsets, bytes };
  },
};

export const { gatherWords32, gatherWords64, gatherFixedWidth, gatherByteArrays } = NATIVE_GATHER;

export function gatherDictionary<T extends PhysicalType>(
  dictionary: PlainValuesOf<T>,
  indices: Int32Array,
  type: T,
  typeLength?: number,
  out?: FixedWidthValues,
): PlainValuesOf<T> {
  return gatherDictionaryWith(NATIVE_GATHER, dictionary, indices, type, typeLength, out) as PlainValuesOf<T>;
}

/**
 * The bit width of a page's dictionary indices (its first byte), checked, with `count` checked
 * against what the runs after it can hold before anything is allocated for it (as the RLE decoder
 * checks). Offsets in errors are the page's.
 */
function indexBitWidth(bytes: Uint8Array, count: number): number {
  const bitWidth = bytes[0];
  if (bitWidth > 32) throw new ParquetryError('CORRUPT', `dictionary index bit width ${bitWidth} is over 32`, { offset: 0 });
  try {
    checkCountJustified(bytes.subarray(1), bitWidth, count);
  } catch (error) {
    throw rebaseErrorOffset(error, 1); // offsets within the runs, after the bit-width byte
  }
  return bitWidth;
}

/** The bit-width byte, then the RLE/bit-packing hybrid decoded by the native kernel. */
export function decodeDictionaryIndices(bytes: Uint8Array, count: number, out?: Int32Array): Int32Array {
  // A page of no values may omit even the bit-width byte: the TypeScript path knows the edge cases.
  if (bytes.length === 0) return decodeDictionaryIndicesTs(bytes, count, out);
  checkCount(count);
  const bitWidth = indexBitWidth(bytes, count);
  try {
    return rleNative.decodeRleHybrid(bytes.subarray(1), bitWidth, count, out);
  } catch (error) {
    throw rebaseErrorOffset(error, 1);
  }
}

/**
 * A dictionary-encoded data page's values. Pages of 4- and 8-byte values decode and gather in one
 * call to the addon (the indices never become a JS array); others decode, then gather, natively.
 */
export function decodeDictionaryValues<T extends PhysicalType>(bytes: Uint8Array, count: number, dictionary: PlainValuesOf<T>, type: T, typeLength?: number): PlainValuesOf<T> {
  const words = fusedWords(type, dictionary);
  if (words === 0 || count === 0 || bytes.length === 0) return gatherDictionary(dictionary, decodeDictionaryIndices(bytes, count), type, typeLength);
  checkCount(count);
  indexBitWidth(bytes, count);
  const binding = requireNativeBinding();
  const dict = dictionary as Int32Array | Float32Array | BigInt64Array | Float64Array;
  // The kernel writes every value or throws: the output is not zeroed first.
  if (words === 1) {
    const out = uninitializedArray(Int32Array, count);
    binding.decodeDictionaryPage32(bytes, new Int32Array(dict.buffer, dict.byteOffset, dict.length), out);
    return (type === 'FLOAT' ? new Float32Array(out.buffer) : out) as PlainValuesOf<T>;
  }
  const out = uninitializedArray(Float64Array, count);
  binding.decodeDictionaryPage64(bytes, new Float64Array(dict.buffer, dict.byteOffset, dict.length), out);
  return (type === 'INT64' ? new BigInt64Array(out.buffer) : out) as PlainValuesOf<T>;
}

/** 1 or 2 for a dictionary of 4- or 8-byte values in its own typed array; 0 for the rest. */
function fusedWords(type: PhysicalType, dictionary: unknown): number {
  if ((type === 'INT32' && dictionary instanceof Int32Array) || (type === 'FLOAT' && dictionary instanceof Float32Array)) return 1;
  if ((type === 'INT64' && dictionary instanceof BigInt64Array) || (type === 'DOUBLE' && dictionary instanceof Float64Array)) return 2;
  return 0;
}

/** Encoder options with the addon's hash-table loops and index encoder, unless the caller chose its own. */
export function nativeEncoderOptions(binding: NativeBinding | null, options: ts.DictionaryEncoderOptions): ts.DictionaryEncoderOptions {
  if (!binding) return options;
  return { rleEncodeInto: binding.encodeRleHybridInto, ...options, kernels: options.kernels === undefined ? binding : options.kernels };
}

/** The encoder with the addon's hash-table loops. */
export class DictionaryEncoder<T extends PhysicalType = PhysicalType> extends ts.DictionaryEncoder<T> {
  constructor(type: T, options: ts.DictionaryEncoderOptions = {}) {
    super(type, nativeEncoderOptions(requireNativeBinding(), options));
  }
}
