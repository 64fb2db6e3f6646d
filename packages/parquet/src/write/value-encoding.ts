// The value encodings a writer can choose per column, and which physical types take them.
import { ParquetryError, type ByteArrays, type PhysicalType } from '@parquetry/core';
import { encodeByteStreamSplit } from '@parquetry/byte-stream-split';
import { encodeDeltaBinaryPacked, encodeDeltaByteArray, encodeDeltaLengthByteArray } from '@parquetry/delta';
import { encodePlain, type PlainValues } from '@parquetry/plain';
import { encodeRleHybridLengthPrefixed } from '@parquetry/rle';

export type ValueEncoding = 'PLAIN' | 'RLE_DICTIONARY' | 'RLE' | 'DELTA_BINARY_PACKED' | 'DELTA_LENGTH_BYTE_ARRAY' | 'DELTA_BYTE_ARRAY' | 'BYTE_STREAM_SPLIT';

export const ENCODING_ID: Record<ValueEncoding, number> = {
  PLAIN: 0,
  RLE: 3,
  RLE_DICTIONARY: 8,
  DELTA_BINARY_PACKED: 5,
  DELTA_LENGTH_BYTE_ARRAY: 6,
  DELTA_BYTE_ARRAY: 7,
  BYTE_STREAM_SPLIT: 9,
};

const ALLOWED: Record<Exclude<ValueEncoding, 'PLAIN' | 'RLE_DICTIONARY'>, readonly PhysicalType[]> = {
  RLE: ['BOOLEAN'],
  DELTA_BINARY_PACKED: ['INT32', 'INT64'],
  DELTA_LENGTH_BYTE_ARRAY: ['BYTE_ARRAY'],
  DELTA_BYTE_ARRAY: ['BYTE_ARRAY'],
  BYTE_STREAM_SPLIT: ['FLOAT', 'DOUBLE', 'INT32', 'INT64', 'FIXED_LEN_BYTE_ARRAY'],
};

export function checkEncoding(column: string, type: PhysicalType, encoding: ValueEncoding): void {
  if (!(encoding in ENCODING_ID)) throw new ParquetryError('INVALID_ARGUMENT', `column ${column}: unknown encoding ${encoding}`);
  if (encoding === 'PLAIN' || encoding === 'RLE_DICTIONARY') return;
  if (!ALLOWED[encoding].includes(type)) throw new ParquetryError('INVALID_ARGUMENT', `column ${column}: ${encoding} does not apply to ${type}`);
}

function bytesOf(values: PlainValues): Uint8Array {
  const v = values as ArrayBufferView;
  return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
}

/** One page's values (PLAIN-shaped) in `encoding` (not RLE_DICTIONARY: that is the dictionary encoder's). */
export function encodeValues(type: PhysicalType, values: PlainValues, typeLength: number | undefined, encoding: ValueEncoding): Uint8Array {
  switch (encoding) {
    case 'RLE':
      return encodeRleHybridLengthPrefixed(Int32Array.from(values as Uint8Array), 1);
    case 'DELTA_BINARY_PACKED':
      return encodeDeltaBinaryPacked(values as Int32Array | BigInt64Array);
    case 'DELTA_LENGTH_BYTE_ARRAY':
      return encodeDeltaLengthByteArray(values as ByteArrays);
    case 'DELTA_BYTE_ARRAY':
      return encodeDeltaByteArray(values as ByteArrays);
    case 'BYTE_STREAM_SPLIT':
      return encodeByteStreamSplit(bytesOf(values), type === 'FIXED_LEN_BYTE_ARRAY' ? (typeLength ?? 1) : type === 'FLOAT' || type === 'INT32' ? 4 : 8);
    default:
      return encodePlain(type, values as never, typeLength);
  }
}
