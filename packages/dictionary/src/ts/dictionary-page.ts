import type { PhysicalType } from '@parquetry/core';
import { decodePlain, type PlainValuesOf } from '@parquetry/plain/ts';
import { checkCount, valueWidth } from './check.js';

/**
 * The `count` values of a dictionary page (Encodings.md: "the entries in the dictionary using the
 * plain encoding"), the same for RLE_DICTIONARY and the deprecated PLAIN_DICTIONARY: a column
 * chunk's dictionary page is PLAIN either way. BOOLEAN values come back as 0/1 bytes;
 * FIXED_LEN_BYTE_ARRAY needs `typeLength`. Fixed-width values are
 * views of `bytes` where alignment allows (see @parquetry/plain's PlainDecoder): copy them before
 * reusing the page buffer.
 */
export function decodeDictionaryPage<T extends PhysicalType>(type: T, bytes: Uint8Array, count: number, typeLength?: number): PlainValuesOf<T> {
  valueWidth(type, typeLength);
  checkCount(count);
  return decodePlain(type, bytes, count, typeLength);
}
