import { ByteCursor, rebaseErrorOffset } from '@parquetry/core';

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
  const cursor = new ByteCursor(bytes);
  const length = cursor.readU32LE('length prefix');
  cursor.need(length, 'levels the length prefix declares');
  try {
    return { values: decode(bytes.subarray(4, 4 + length), bitWidth, count, out), bytesRead: 4 + length };
  } catch (error) {
    // Offsets inside the levels are relative to the data after the prefix.
    throw rebaseErrorOffset(error, 4);
  }
}
