// The pure-TypeScript implementation of dictionary encoding (Encodings.md, "Dictionary Encoding
// (PLAIN_DICTIONARY = 2 and RLE_DICTIONARY = 8)"): what the browser build exports, and the
// fallback in Node.
export { decodeDictionaryPage } from './dictionary-page.js';
export { decodeDictionaryIndices, DictionaryIndicesDecoder } from './indices-decode.js';
export { decodeDictionaryValues } from './dictionary-page-values.js';
export { encodeDictionaryIndices, dictionaryIndexBitWidth } from './indices-encode.js';
export { gatherDictionary, gatherDictionaryWith, TS_GATHER_KERNELS, type FixedWidthValues, type GatherKernels } from './gather.js';
export { gatherByteArrays, gatherFixedWidth, gatherWords32, gatherWords64 } from './gather-kernels.js';
export { DictionaryEncoder, DEFAULT_MAX_DICTIONARY_BYTES, type DictionaryEncoderOptions } from './dictionary-encoder.js';
export type { DistinctKernels } from './distinct-values.js';
