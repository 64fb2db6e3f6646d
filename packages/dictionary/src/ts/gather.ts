import { ParquetryError, type ByteArrays, type PhysicalType } from '@parquetry/core';
import type { PlainValues, PlainValuesOf } from '@parquetry/plain/ts';
import { MAX_COUNT, valueWidth } from './check.js';
import { gatherByteArrays, gatherFixedWidth, gatherWords32, gatherWords64 } from './gather-kernels.js';

/** The four gather loops; the native entry point passes the addon's, everything else these. */
export interface GatherKernels {
  gatherWords32(dictionary: Int32Array, indices: Int32Array, out: Int32Array): void;
  gatherWords64(dictionary: Float64Array, indices: Int32Array, out: Float64Array): void;
  gatherFixedWidth(dictBytes: Uint8Array, width: number, indices: Int32Array, out: Uint8Array): void;
  gatherByteArrays(dictionary: ByteArrays, indices: Int32Array): ByteArrays;
}

export const TS_GATHER_KERNELS: GatherKernels = { gatherWords32, gatherWords64, gatherFixedWidth, gatherByteArrays };

/** The representations of fixed-width values, which a caller may supply to be written into. */
export type FixedWidthValues = Int32Array | Float32Array | BigInt64Array | Float64Array | Uint8Array;

type TypedArrayClass<T> = { new (length: number): T; readonly name: string };

function wrongShape(type: PhysicalType, expected: string): ParquetryError {
  return new ParquetryError('INVALID_ARGUMENT', `a ${type} dictionary must be a ${expected}`);
}

function isByteArrays(values: unknown): values is ByteArrays {
  const v = values as ByteArrays;
  return typeof v === 'object' && v !== null && v.offsets instanceof Int32Array && v.bytes instanceof Uint8Array;
}

/** The first `length` elements of the caller's array (which must be a `Class`), or a new one. */
function target<T extends FixedWidthValues>(Class: TypedArrayClass<T>, out: FixedWidthValues | undefined, length: number): T {
  if (out === undefined) return new Class(length);
  if (!(out instanceof Class) || out.length < length) {
    throw new ParquetryError('INVALID_ARGUMENT', `output must be a ${Class.name} of at least ${length} elements`);
  }
  return (out.length === length ? out : out.subarray(0, length)) as T;
}

/**
 * The values of a dictionary-encoded page: `dictionary[indices[k]]` for every k, in the
 * dictionary's own representation (as `decodePlain` and `decodeDictionaryPage` return it). Every
 * index must lie in `[0, dictionary size)`, else CORRUPT naming the index and its position (values
 * before it may already be written to `out`).
 * Fixed-width values are written into `out` when given (reused across pages: fresh memory costs a
 * page fault per 4 KiB), a typed array of the same kind with room for them; the result is then a
 * view of it. Byte arrays always come back in new buffers sized exactly.
 */
export function gatherDictionary<T extends PhysicalType>(
  dictionary: PlainValuesOf<T>,
  indices: Int32Array,
  type: T,
  typeLength?: number,
  out?: FixedWidthValues,
): PlainValuesOf<T> {
  return gatherDictionaryWith(TS_GATHER_KERNELS, dictionary, indices, type, typeLength, out) as PlainValuesOf<T>;
}

/** `gatherDictionary` with the given gather loops. */
export function gatherDictionaryWith(
  kernels: GatherKernels,
  dictionary: PlainValues,
  indices: Int32Array,
  type: PhysicalType,
  typeLength: number | undefined,
  out: FixedWidthValues | undefined,
): PlainValues {
  const { gatherWords32, gatherWords64, gatherFixedWidth, gatherByteArrays } = kernels;
  const width = valueWidth(type, typeLength);
  const n = indices.length;
  switch (type) {
    case 'INT32': {
      if (!(dictionary instanceof Int32Array)) throw wrongShape(type, 'Int32Array');
      const values = target(Int32Array, out, n);
      gatherWords32(dictionary, indices, values);
      return values;
    }
    case 'FLOAT': {
      // Moved as Int32 bit patterns: a Float32Array read may quiet a signalling NaN.
      if (!(dictionary instanceof Float32Array)) throw wrongShape(type, 'Float32Array');
      const values = target(Float32Array, out, n);
      gatherWords32(
        new Int32Array(dictionary.buffer, dictionary.byteOffset, dictionary.length),
        indices,
        new Int32Array(values.buffer, values.byteOffset, n),
      );
      return values;
    }
    case 'INT64': {
      if (!(dictionary instanceof BigInt64Array)) throw wrongShape(type, 'BigInt64Array');
      const values = target(BigInt64Array, out, n);
      gatherWords64(
        new Float64Array(dictionary.buffer, dictionary.byteOffset, dictionary.length),
        indices,
        new Float64Array(values.buffer, values.byteOffset, n),
      );
      return values;
    }
    case 'DOUBLE': {
      if (!(dictionary instanceof Float64Array)) throw wrongShape(type, 'Float64Array');
      const values = target(Float64Array, out, n);
      gatherWords64(dictionary, indices, values);
      return values;
    }
    case 'BOOLEAN':
    case 'INT96':
    case 'FIXED_LEN_BYTE_ARRAY': {
      if (!(dictionary instanceof Uint8Array)) throw wrongShape(type, `Uint8Array of ${width}-byte values`);
      if (n * width > MAX_COUNT) throw new ParquetryError('LIMIT', `${n} values of ${width} bytes exceed 2 GiB in one batch`);
      const values = target(Uint8Array, out, n * width);
      gatherFixedWidth(dictionary, width, indices, values);
      return values;
    }
    case 'BYTE_ARRAY': {
      if (!isByteArrays(dictionary)) throw wrongShape(type, '{ offsets: Int32Array, bytes: Uint8Array }');
      if (out !== undefined) throw new ParquetryError('INVALID_ARGUMENT', 'byte arrays are gathered into new buffers: pass no output');
      return gatherByteArrays(dictionary, indices);
    }
    default:
      // valueWidth has refused anything that is not a physical type.
      throw new ParquetryError('INVALID_ARGUMENT', `${String(type)} has no dictionary`);
  }
}
