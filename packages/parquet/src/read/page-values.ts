// The values of one data page, by the page's encoding, as PLAIN-shaped values (see
// @parquetry/plain): typed arrays for fixed-width types, bytes back to back for INT96 and
// FIXED_LEN_BYTE_ARRAY, 0/1 bytes for BOOLEAN, (offsets, bytes) for BYTE_ARRAY.
import { ParquetryError, type ByteArrays, type PhysicalType } from '@parquetry/core';
import { decodeByteStreamSplit } from '@parquetry/byte-stream-split';
import { decodeDeltaBinaryPacked, decodeDeltaByteArray, decodeDeltaLengthByteArray } from '@parquetry/delta';
import { decodeDictionaryIndices, decodeDictionaryValues, gatherDictionary } from '@parquetry/dictionary';
import { decodePlain, type PlainValues } from '@parquetry/plain';
import { decodeRleHybridLengthPrefixed } from '@parquetry/rle';
import { ENCODING } from '@parquetry/thrift';

const WIDTH: Partial<Record<PhysicalType, number>> = { INT32: 4, INT64: 8, INT96: 12, FLOAT: 4, DOUBLE: 8 };

function fixedWidth(type: PhysicalType, typeLength: number | undefined): number {
  return type === 'FIXED_LEN_BYTE_ARRAY' ? (typeLength ?? 0) : (WIDTH[type] ?? 0);
}

/** Fixed-width bytes as the typed array PLAIN gives for the type (copied to an aligned buffer). */
function typedFromBytes(type: PhysicalType, bytes: Uint8Array): PlainValues {
  const copy = new Uint8Array(bytes); // a real copy, aligned at 0, even for a Buffer
  switch (type) {
    case 'INT32':
      return new Int32Array(copy.buffer, 0, copy.length / 4);
    case 'INT64':
      return new BigInt64Array(copy.buffer, 0, copy.length / 8);
    case 'FLOAT':
      return new Float32Array(copy.buffer, 0, copy.length / 4);
    case 'DOUBLE':
      return new Float64Array(copy.buffer, 0, copy.length / 8);
    default:
      return copy;
  }
}

/** DELTA_BYTE_ARRAY values of a FIXED_LEN_BYTE_ARRAY column: every one must be typeLength long. */
function fixedFromByteArrays(values: ByteArrays, typeLength: number): Uint8Array {
  const { offsets, bytes } = values;
  for (let i = 1; i < offsets.length; i++) {
    if (offsets[i] - offsets[i - 1] !== typeLength) {
      throw new ParquetryError('CORRUPT', `value ${i - 1} is ${offsets[i] - offsets[i - 1]} bytes in a FIXED_LEN_BYTE_ARRAY(${typeLength}) column`);
    }
  }
  return bytes.subarray(offsets[0], offsets[offsets.length - 1]);
}


/** Values as PLAIN gives them: dictionary indices gathered. */
export function materialize(values: PageValues, type: PhysicalType, typeLength: number | undefined): PlainValues {
  return isDictionaryIndices(values) ? gatherDictionary(values.dictionary, values.indices, type, typeLength) : values;
}

function checkCount(found: number, expected: number, encoding: string): void {
  if (found !== expected) throw new ParquetryError('CORRUPT', `${encoding} stream holds ${found} values where the page has ${expected}`);
}

/** Dictionary-encoded values left as indices: gathered only for the rows a batch takes. */
export interface DictionaryIndices {
  dictionary: PlainValues;
  indices: Int32Array;
}

export type PageValues = PlainValues | DictionaryIndices;

export function isDictionaryIndices(values: PageValues): values is DictionaryIndices {
  return 'indices' in values;
}

export interface PageValueContext {
  type: PhysicalType;
  typeLength: number | undefined;
  /** The dictionary page's values, when the chunk has one. */
  dictionary: PlainValues | undefined;
}

export function decodePageValues(bytes: Uint8Array, encoding: number, count: number, ctx: PageValueContext): PageValues {
  const { type, typeLength } = ctx;
  const name = ENCODING[encoding] ?? `encoding ${encoding}`;
  switch (name) {
    case 'PLAIN':
      return decodePlain(type, bytes, count, typeLength);
    case 'PLAIN_DICTIONARY':
    case 'RLE_DICTIONARY': {
      if (!ctx.dictionary) throw new ParquetryError('CORRUPT', `${name} page without a dictionary page`);
      if (count === 0) return decodePlain(type, new Uint8Array(0), 0, typeLength);
      // 4- and 8-byte values are decoded and gathered at once (natively in one call, no index
      // array); others are gathered when a batch takes them, runs of pages joined before one
      // gather. The gather checks every index against the dictionary.
      const d = ctx.dictionary;
      if (d instanceof Int32Array || d instanceof Float32Array || d instanceof BigInt64Array || d instanceof Float64Array) {
        return decodeDictionaryValues(bytes, count, d, type, typeLength);
      }
      return { dictionary: d, indices: decodeDictionaryIndices(bytes, count) };
    }
    case 'RLE': {
      if (type !== 'BOOLEAN') throw new ParquetryError('CORRUPT', `RLE values in a ${type} column; only BOOLEAN values use it`);
      const { values } = decodeRleHybridLengthPrefixed(bytes, 1, count);
      return Uint8Array.from(values);
    }
    case 'DELTA_BINARY_PACKED': {
      if (type !== 'INT32' && type !== 'INT64') throw new ParquetryError('CORRUPT', `DELTA_BINARY_PACKED in a ${type} column`);
      const values = decodeDeltaBinaryPacked(bytes, type);
      checkCount(values.length, count, name);
      return values;
    }
    case 'DELTA_LENGTH_BYTE_ARRAY':
      if (type !== 'BYTE_ARRAY') throw new ParquetryError('CORRUPT', `DELTA_LENGTH_BYTE_ARRAY in a ${type} column`);
      return decodeDeltaLengthByteArray(bytes, count);
    case 'DELTA_BYTE_ARRAY': {
      if (type === 'BYTE_ARRAY') return decodeDeltaByteArray(bytes, count);
      if (type === 'FIXED_LEN_BYTE_ARRAY') return fixedFromByteArrays(decodeDeltaByteArray(bytes, count), typeLength ?? 0);
      throw new ParquetryError('CORRUPT', `DELTA_BYTE_ARRAY in a ${type} column`);
    }
    case 'BYTE_STREAM_SPLIT': {
      const width = fixedWidth(type, typeLength);
      if (width === 0 || type === 'INT96') throw new ParquetryError('CORRUPT', `BYTE_STREAM_SPLIT in a ${type} column`);
      if (bytes.length < count * width) throw new ParquetryError('TRUNCATED', `BYTE_STREAM_SPLIT needs ${count * width} bytes, the page has ${bytes.length}`);
      return typedFromBytes(type, decodeByteStreamSplit(bytes.subarray(0, count * width), width));
    }
    default:
      throw new ParquetryError('UNSUPPORTED', `page encoding ${name}`);
  }
}
