// Values hashed as Parquet hashes them for its Bloom filters (BloomFilter.md "File Format": the
// hash of a value's PLAIN encoding): INT32 and FLOAT as 4 little-endian bytes, INT64 and DOUBLE as
// 8, INT96 as 12, FIXED_LEN_BYTE_ARRAY as its typeLength bytes, and BYTE_ARRAY as its bytes
// without the 4-byte length PLAIN puts before them. XXH64 with seed 0 throughout. BOOLEAN has no
// Bloom filter in the spec or in the writers that make them.
import { ParquetryError, type ByteArrays, type PhysicalType } from '@parquetry/core';
import { TS_BLOOM_KERNELS } from './kernels.js';
import type { BloomKernels } from './types.js';
import { xxhash64 } from './xxhash64.js';

/**
 * A column chunk's values, as PLAIN decoding gives them: INT32 an Int32Array (or Uint32Array),
 * INT64 a BigInt64Array (or BigUint64Array), FLOAT a Float32Array, DOUBLE a Float64Array, INT96
 * and FIXED_LEN_BYTE_ARRAY their bytes back to back, BYTE_ARRAY an (offsets, bytes) pair.
 */
export type HashableValues = Int32Array | Uint32Array | BigInt64Array | BigUint64Array | Float32Array | Float64Array | Uint8Array | ByteArrays;

/** One value, as a predicate gives it; strings are hashed as their UTF-8 bytes. */
export type HashableValue = number | bigint | string | Uint8Array | boolean;

function unsupportedBoolean(): never {
  throw new ParquetryError('UNSUPPORTED', 'Parquet defines no Bloom filter for BOOLEAN columns');
}

function wrongShape(type: PhysicalType, what: string): never {
  throw new ParquetryError('INVALID_ARGUMENT', `${type} values must be ${what}`);
}

function bytesOf(values: ArrayBufferView): Uint8Array {
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
}

function fixedWidth(type: PhysicalType, typeLength: number | undefined): number {
  if (type === 'INT96') return 12;
  if (!Number.isInteger(typeLength) || (typeLength as number) < 1) {
    throw new ParquetryError('INVALID_ARGUMENT', `FIXED_LEN_BYTE_ARRAY needs a typeLength of at least 1, not ${typeLength}`);
  }
  return typeLength as number;
}

function hashFixed(bytes: Uint8Array, width: number, kernels: BloomKernels): BigUint64Array {
  if (bytes.length % width !== 0) throw new ParquetryError('INVALID_ARGUMENT', `${bytes.length} bytes are not whole ${width}-byte values`);
  const out = new BigUint64Array(bytes.length / width);
  kernels.xxhash64FixedWidth(bytes, width, 0n, out);
  return out;
}

/** The Bloom filter hash of every value, in order. */
export function hashValues(type: PhysicalType, values: HashableValues, typeLength?: number, kernels: BloomKernels = TS_BLOOM_KERNELS): BigUint64Array {
  switch (type) {
    case 'BOOLEAN':
      return unsupportedBoolean();
    case 'INT32':
      if (!(values instanceof Int32Array || values instanceof Uint32Array)) wrongShape(type, 'an Int32Array or Uint32Array');
      return hashFixed(bytesOf(values), 4, kernels);
    case 'INT64':
      if (!(values instanceof BigInt64Array || values instanceof BigUint64Array)) wrongShape(type, 'a BigInt64Array or BigUint64Array');
      return hashFixed(bytesOf(values), 8, kernels);
    case 'FLOAT':
      if (!(values instanceof Float32Array)) wrongShape(type, 'a Float32Array');
      return hashFixed(bytesOf(values), 4, kernels);
    case 'DOUBLE':
      if (!(values instanceof Float64Array)) wrongShape(type, 'a Float64Array');
      return hashFixed(bytesOf(values), 8, kernels);
    case 'INT96':
    case 'FIXED_LEN_BYTE_ARRAY':
      if (!(values instanceof Uint8Array)) wrongShape(type, 'a Uint8Array of the values back to back');
      return hashFixed(values, fixedWidth(type, typeLength), kernels);
    case 'BYTE_ARRAY': {
      const arrays = values as ByteArrays;
      if (ArrayBuffer.isView(values) || !(arrays.offsets instanceof Int32Array) || !(arrays.bytes instanceof Uint8Array)) {
        wrongShape(type, 'an { offsets: Int32Array, bytes: Uint8Array } pair');
      }
      if (arrays.offsets.length < 1) throw new ParquetryError('INVALID_ARGUMENT', 'offsets must hold count + 1 entries');
      const out = new BigUint64Array(arrays.offsets.length - 1);
      kernels.xxhash64ByteArrays(arrays.offsets, arrays.bytes, 0n, out);
      return out;
    }
    default:
      throw new ParquetryError('INVALID_ARGUMENT', `${String(type)} is not a Parquet physical type`);
  }
}

const utf8 = new TextEncoder();

function integerBytes(type: PhysicalType, value: HashableValue, width: 4 | 8): Uint8Array {
  const bits = BigInt(width * 8);
  let v: bigint;
  if (typeof value === 'bigint') v = value;
  else if (typeof value === 'number' && Number.isSafeInteger(value)) v = BigInt(value);
  else return wrongShape(type, 'integers (number or bigint)');
  // Signed or unsigned: UINT_32 and UINT_64 columns store their values' bits in the same words.
  if (v < -(1n << (bits - 1n)) || v >= 1n << bits) throw new ParquetryError('INVALID_ARGUMENT', `${v} does not fit ${width * 8} bits`);
  const out = new Uint8Array(width);
  const view = new DataView(out.buffer);
  if (width === 4) view.setUint32(0, Number(BigInt.asUintN(32, v)), true);
  else view.setBigUint64(0, BigInt.asUintN(64, v), true);
  return out;
}

function floatBytes(type: PhysicalType, value: HashableValue, width: 4 | 8): Uint8Array {
  if (typeof value !== 'number') return wrongShape(type, 'numbers');
  const out = new Uint8Array(width);
  const view = new DataView(out.buffer);
  if (width === 4) view.setFloat32(0, value, true);
  else view.setFloat64(0, value, true);
  return out;
}

function byteString(type: PhysicalType, value: HashableValue): Uint8Array {
  if (typeof value === 'string') return utf8.encode(value);
  if (value instanceof Uint8Array) return value;
  return wrongShape(type, 'strings or Uint8Arrays');
}

/** The PLAIN bytes Parquet hashes for one value (BYTE_ARRAY without its length prefix). */
export function plainValueBytes(type: PhysicalType, value: HashableValue, typeLength?: number): Uint8Array {
  switch (type) {
    case 'BOOLEAN':
      return unsupportedBoolean();
    case 'INT32':
      return integerBytes(type, value, 4);
    case 'INT64':
      return integerBytes(type, value, 8);
    case 'FLOAT':
      return floatBytes(type, value, 4);
    case 'DOUBLE':
      return floatBytes(type, value, 8);
    case 'BYTE_ARRAY':
      return byteString(type, value);
    case 'INT96':
    case 'FIXED_LEN_BYTE_ARRAY': {
      const bytes = byteString(type, value);
      const width = fixedWidth(type, type === 'INT96' ? 12 : (typeLength ?? bytes.length));
      if (bytes.length !== width) throw new ParquetryError('INVALID_ARGUMENT', `a ${type} value of ${bytes.length} bytes where ${width} belong`);
      return bytes;
    }
    default:
      throw new ParquetryError('INVALID_ARGUMENT', `${String(type)} is not a Parquet physical type`);
  }
}

/** The Bloom filter hash of one value: what a predicate `column = value` checks. */
export function hashValue(type: PhysicalType, value: HashableValue, typeLength?: number): bigint {
  return xxhash64(plainValueBytes(type, value, typeLength));
}
