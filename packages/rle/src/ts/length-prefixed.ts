import { ParquetryError } from '@parquetry/core';

type Decode = (bytes: Uint8Array, bitWidth: number, count: number, out?: Int32Array) => Int32Array;

export interface LengthPrefixedResult {
  values: Int32Array;
  /** 4 plus the length the prefix declares: where whatever follows the levels begins. */
  bytesRead: number;
}

/** The 4-byte little-endian length form of data page v1 levels, over either backend's decoder. */
export function decodeLengthPrefixedWith(
  decode: Decode,
  bytes: Uint8Array,
  bitWidth: number,
  count: number,
  out?: Int32Array,
): LengthPrefixedResult {
  if (bytes.length < 4) {
    throw new ParquetryError('TRUNCATED', `length prefix needs 4 bytes but ${bytes.length} remain`, { offset: 0 });
  }
  const length = (bytes[0] | (bytes[1] << 8) | (bytes[2] << 16) | (bytes[3] << 24)) >>> 0;
  if (length > bytes.length - 4) {
    throw new ParquetryError('TRUNCATED', `length prefix declares ${length} bytes but ${bytes.length - 4} follow`, { offset: 0 });
  }
  try {
    return { values: decode(bytes.subarray(4, 4 + length), bitWidth, count, out), bytesRead: 4 + length };
  } catch (error) {
    // Offsets inside the levels are relative to the data after the prefix.
    if (ParquetryError.is(error) && error.offset !== undefined) {
      throw new ParquetryError(error.code, error.detail, { offset: error.offset + 4 }, { cause: error.cause });
    }
    throw error;
  }
}
