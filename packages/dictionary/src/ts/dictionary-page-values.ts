import type { PhysicalType } from '@parquetry/core';
import type { PlainValuesOf } from '@parquetry/plain/ts';
import { gatherDictionary } from './gather.js';
import { decodeDictionaryIndices } from './indices-decode.js';

/**
 * A dictionary-encoded data page's values (RLE_DICTIONARY / PLAIN_DICTIONARY): its indices
 * (bit-width byte, then the RLE/bit-packed hybrid) decoded, then gathered from `dictionary` as
 * `gatherDictionary` does, with its checks.
 */
export function decodeDictionaryValues<T extends PhysicalType>(bytes: Uint8Array, count: number, dictionary: PlainValuesOf<T>, type: T, typeLength?: number): PlainValuesOf<T> {
  return gatherDictionary(dictionary, decodeDictionaryIndices(bytes, count), type, typeLength);
}
