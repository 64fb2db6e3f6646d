/** The Parquet physical types, named as in parquet.thrift `Type`. */
export type PhysicalType = 'BOOLEAN' | 'INT32' | 'INT64' | 'INT96' | 'FLOAT' | 'DOUBLE' | 'BYTE_ARRAY' | 'FIXED_LEN_BYTE_ARRAY';

export const PHYSICAL_TYPES: readonly PhysicalType[] = ['BOOLEAN', 'INT32', 'INT64', 'INT96', 'FLOAT', 'DOUBLE', 'BYTE_ARRAY', 'FIXED_LEN_BYTE_ARRAY'];

/**
 * Variable-length byte strings as Arrow holds them: value i is `bytes[offsets[i] .. offsets[i + 1])`,
 * `offsets.length` is the count + 1. Never an array of JS strings: decoding text is the caller's choice.
 */
export interface ByteArrays {
  offsets: Int32Array;
  bytes: Uint8Array;
}
