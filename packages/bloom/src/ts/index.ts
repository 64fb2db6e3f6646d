// The pure-TypeScript implementation: what the browser build exports, and the fallback in Node.
export type { BloomKernels } from './types.js';
export { TS_BLOOM_KERNELS } from './kernels.js';
export { xxhash64 } from './xxhash64.js';
export { xxhash64ByteArrays, xxhash64FixedWidth } from './xxhash64-batch.js';
export { bloomCheckHashes, bloomInsertHashes, BLOCK_BYTES, SALT } from './split-block.js';
export { bloomFilterBytes, MAX_BLOOM_FILTER_BYTES } from './sizing.js';
export { SplitBlockBloomFilter } from './filter.js';
export { hashValue, hashValues, plainValueBytes, type HashableValue, type HashableValues } from './hash-values.js';
export { decodeBloomFilter, decodeBloomFilterBitset, encodeBloomFilter, type DecodeBloomFilterOptions } from './serialize.js';
