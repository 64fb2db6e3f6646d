// PLAIN encoding for every physical type (Encodings.md "Plain").
//
// PLAIN leaves a writer no choices, so both backends write identical bytes by construction:
// - BOOLEAN: bit i of byte i / 8 (LSB first); the bits after the last value in its byte are zero.
// - INT32, INT64, FLOAT, DOUBLE: the values' little-endian bytes, unchanged (NaN payloads and the
//   sign of zero kept: bits are copied, never numbers).
// - INT96, FIXED_LEN_BYTE_ARRAY: the given bytes, unchanged.
// - BYTE_ARRAY: 4-byte little-endian length, then the bytes, per value.
import { ParquetryError, type ByteArrays, type PhysicalType } from '@parquetry/core';
import { checkPhysicalType, checkTypeLength, requireLittleEndian } from './check.js';
import { TS_PLAIN_KERNELS } from './kernels.js';
import { copyBytes } from './plain-fixed.js';
import type { PlainKernels, PlainValues, PlainValuesOf } from './types.js';

const VALUE_CLASS = {
  BOOLEAN: Uint8Array,
  INT32: Int32Array,
  INT64: BigInt64Array,
  INT96: Uint8Array,
  FLOAT: Float32Array,
  DOUBLE: Float64Array,
  FIXED_LEN_BYTE_ARRAY: Uint8Array,
} as const;

function isByteArrays(values: unknown): values is ByteArrays {
  const v = values as ByteArrays | null;
  return typeof v === 'object' && v !== null && v.offsets instanceof Int32Array && v.bytes instanceof Uint8Array && v.offsets.length >= 1;
}

/**
 * Throws INVALID_ARGUMENT unless `values` has the shape of `type` (see PlainValues) and, for INT96
 * and FIXED_LEN_BYTE_ARRAY, a whole number of values; returns the bytes per value (0 if variable).
 */
function checkValues(type: PhysicalType, values: PlainValues, typeLength: number | undefined): number {
  checkPhysicalType(type);
  if (type === 'BYTE_ARRAY') {
    if (!isByteArrays(values)) {
      throw new ParquetryError('INVALID_ARGUMENT', 'BYTE_ARRAY values must be { offsets: Int32Array (count + 1), bytes: Uint8Array }');
    }
    return 0;
  }
  const Class = VALUE_CLASS[type];
  if (!(values instanceof Class)) {
    throw new ParquetryError('INVALID_ARGUMENT', `${type} values must be a ${Class.name}`);
  }
  const width = type === 'INT96' ? 12 : type === 'FIXED_LEN_BYTE_ARRAY' ? checkTypeLength(typeLength) : 0;
  if (width > 0 && values.length % width !== 0) {
    throw new ParquetryError('INVALID_ARGUMENT', `${values.length} bytes are not a whole number of ${width}-byte ${type} values`);
  }
  return width;
}

/**
 * The PLAIN encoding of `values`, a new buffer. `typeLength` is required for FIXED_LEN_BYTE_ARRAY.
 * INVALID_ARGUMENT when the values do not match the type, or a BOOLEAN is not 0 or 1.
 */
export function encodePlain<T extends PhysicalType>(
  type: T,
  values: PlainValuesOf<T>,
  typeLength?: number,
  kernels: PlainKernels = TS_PLAIN_KERNELS,
): Uint8Array {
  checkValues(type, values, typeLength);
  switch (type as PhysicalType) {
    case 'BOOLEAN':
      return kernels.encodePlainBooleans(values as Uint8Array);
    case 'BYTE_ARRAY': {
      const { offsets, bytes } = values as ByteArrays;
      return kernels.encodePlainByteArrays(offsets, bytes);
    }
    case 'INT96':
    case 'FIXED_LEN_BYTE_ARRAY':
      return (values as Uint8Array).slice();
    default:
      requireLittleEndian();
      return copyBytes(values as Int32Array | BigInt64Array | Float32Array | Float64Array);
  }
}

/**
 * `encodePlain`'s bytes written into `out` from `offset` (a page buffer a writer reuses; size it
 * with `plainEncodedSize`); returns how many. INVALID_ARGUMENT when they do not fit.
 */
export function encodePlainInto<T extends PhysicalType>(
  type: T,
  values: PlainValuesOf<T>,
  out: Uint8Array,
  offset: number,
  typeLength?: number,
  kernels: PlainKernels = TS_PLAIN_KERNELS,
): number {
  if (type === 'BYTE_ARRAY') {
    checkValues(type, values, typeLength);
    const { offsets, bytes } = values as ByteArrays;
    return kernels.encodePlainByteArraysInto(offsets, bytes, out, offset);
  }
  const size = plainEncodedSize(type, values, typeLength);
  if (!(offset >= 0 && offset <= out.length) || out.length - offset < size) {
    throw new ParquetryError('INVALID_ARGUMENT', `the output holds ${out.length - offset} bytes from offset ${offset}; the values take ${size}`);
  }
  if (type === 'BOOLEAN') {
    out.set(kernels.encodePlainBooleans(values as Uint8Array), offset); // an eighth of the input: not worth a second path
    return size;
  }
  requireLittleEndian();
  const v = values as Exclude<PlainValues, ByteArrays>;
  out.set(new Uint8Array(v.buffer, v.byteOffset, v.byteLength), offset);
  return size;
}

/**
 * The size in bytes of `encodePlain(type, values, typeLength)`, without encoding (a writer sizes a
 * page buffer with it). Checks the values' shape as encodePlain does; for BYTE_ARRAY it trusts the
 * offsets between the first and the last (encodePlain checks each).
 */
export function plainEncodedSize<T extends PhysicalType>(type: T, values: PlainValuesOf<T>, typeLength?: number): number {
  checkValues(type, values, typeLength);
  if (type === 'BOOLEAN') return Math.ceil((values as Uint8Array).length / 8);
  if (type === 'BYTE_ARRAY') {
    const { offsets, bytes } = values as ByteArrays;
    const count = offsets.length - 1;
    const first = offsets[0];
    const last = offsets[count];
    if (first < 0 || last < first || last > bytes.length) {
      throw new ParquetryError('INVALID_ARGUMENT', `offsets ${first}..${last} do not lie within ${bytes.length} bytes`);
    }
    return 4 * count + (last - first);
  }
  return (values as Exclude<PlainValues, ByteArrays>).byteLength;
}
