import { ParquetryError, type PhysicalType } from '@parquetry/core';

/** Largest value count one call handles: a page's values fit an Int32Array. */
export const MAX_COUNT = 2 ** 31 - 1;

export function checkCount(count: number, what = 'count'): void {
  if (!Number.isInteger(count) || count < 0 || count > MAX_COUNT) {
    throw new ParquetryError('INVALID_ARGUMENT', `${what} ${count} is not an integer in 0..${MAX_COUNT}`);
  }
}

/**
 * Throws unless `type` is a physical type. Encodings.md lists dictionary encoding for "All
 * Physical Types", BOOLEAN included: few writers produce a BOOLEAN dictionary (a dictionary of at
 * most two values saves nothing over bit-packed booleans), but it is valid, so it is read; its
 * values are 0/1 bytes, gathered as 1-byte values.
 */
export function checkDictionaryType(type: PhysicalType): void {
  if (
    type !== 'BOOLEAN' && type !== 'INT32' && type !== 'INT64' && type !== 'INT96' && type !== 'FLOAT' &&
    type !== 'DOUBLE' && type !== 'BYTE_ARRAY' && type !== 'FIXED_LEN_BYTE_ARRAY'
  ) {
    throw new ParquetryError('INVALID_ARGUMENT', `${String(type)} is not a Parquet physical type`);
  }
}

/**
 * Bytes per value of a fixed-width type (0 for BYTE_ARRAY). FIXED_LEN_BYTE_ARRAY needs the
 * schema's `typeLength`; for the other types a given `typeLength` must agree with the type.
 */
export function valueWidth(type: PhysicalType, typeLength: number | undefined): number {
  checkDictionaryType(type);
  const natural = type === 'BOOLEAN' ? 1 : type === 'INT32' || type === 'FLOAT' ? 4 : type === 'INT64' || type === 'DOUBLE' ? 8 : type === 'INT96' ? 12 : 0;
  if (type === 'FIXED_LEN_BYTE_ARRAY') {
    if (typeLength === undefined || !Number.isInteger(typeLength) || typeLength < 1 || typeLength > MAX_COUNT) {
      throw new ParquetryError('INVALID_ARGUMENT', `FIXED_LEN_BYTE_ARRAY needs a positive integer typeLength (got ${typeLength})`);
    }
    return typeLength;
  }
  if (typeLength !== undefined && type !== 'BYTE_ARRAY' && typeLength !== natural) {
    throw new ParquetryError('INVALID_ARGUMENT', `typeLength ${typeLength} does not match ${type} (${natural} bytes)`);
  }
  return natural;
}

/** The first `count` slots of a caller's output array, or a new one. */
export function outputFor(out: Int32Array | undefined, count: number): Int32Array {
  if (!out) return new Int32Array(count);
  if (out.length < count) {
    throw new ParquetryError('INVALID_ARGUMENT', `output holds ${out.length} values but ${count} are to be decoded`);
  }
  return out.length === count ? out : out.subarray(0, count);
}

/** The error for a dictionary index outside `[0, size)`; the same words as the native kernels. */
export function badIndex(index: number, position: number, size: number): ParquetryError {
  return new ParquetryError(
    'CORRUPT',
    `dictionary index ${index >>> 0} at position ${position} is outside a dictionary of ${size} values`,
  );
}
