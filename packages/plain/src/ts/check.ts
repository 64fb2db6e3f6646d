import { ParquetryError, PHYSICAL_TYPES, type PhysicalType } from '@parquetry/core';

/** Largest value count one call takes: byte-array offsets and booleans must fit Int32 indices. */
export const MAX_COUNT = 2 ** 31 - 1;

// PLAIN stores multi-byte values little endian and typed arrays use the platform's order, so the
// fixed-width paths view or copy bytes as they are. Every platform JS runs on today is little
// endian; a big-endian one is refused rather than decoded wrong. Checked once, at load.
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export function requireLittleEndian(): void {
  if (!LITTLE_ENDIAN) {
    throw new ParquetryError('UNSUPPORTED', 'PLAIN multi-byte values need a little-endian platform');
  }
}

export function checkPhysicalType(type: PhysicalType): void {
  if (!PHYSICAL_TYPES.includes(type)) {
    throw new ParquetryError('INVALID_ARGUMENT', `${String(type)} is not a Parquet physical type`);
  }
}

export function checkCount(count: number, what = 'count'): void {
  if (!Number.isInteger(count) || count < 0 || count > MAX_COUNT) {
    throw new ParquetryError('INVALID_ARGUMENT', `${what} ${count} is not an integer in 0..${MAX_COUNT}`);
  }
}

/** FIXED_LEN_BYTE_ARRAY needs the schema's type_length: a positive 32-bit integer. */
export function checkTypeLength(typeLength: number | undefined): number {
  if (typeLength === undefined || !Number.isInteger(typeLength) || typeLength < 1 || typeLength > MAX_COUNT) {
    throw new ParquetryError('INVALID_ARGUMENT', `FIXED_LEN_BYTE_ARRAY needs a typeLength of at least 1 (got ${typeLength})`);
  }
  return typeLength;
}

/**
 * Bytes per value of a fixed-width type (INT96 12, FIXED_LEN_BYTE_ARRAY typeLength); 0 for
 * BYTE_ARRAY, whose values carry their own length, and for BOOLEAN, one bit each.
 */
export function valueWidth(type: PhysicalType, typeLength: number | undefined): number {
  switch (type) {
    case 'INT32':
    case 'FLOAT':
      return 4;
    case 'INT64':
    case 'DOUBLE':
      return 8;
    case 'INT96':
      return 12;
    case 'FIXED_LEN_BYTE_ARRAY':
      return checkTypeLength(typeLength);
    case 'BOOLEAN':
    case 'BYTE_ARRAY':
      return 0;
    default:
      checkPhysicalType(type);
      return 0;
  }
}

