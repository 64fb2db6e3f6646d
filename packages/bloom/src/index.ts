// Node entry: column-chunk calls (hashing a batch, inserting or checking hashes) go to the backend
// in force (see @parquetry/core `useNative`); under `auto`, batches too small to repay a boundary
// crossing stay in TypeScript, and so does everything about one value.
import { nativeBinding, useNative, type PhysicalType } from '@parquetry/core';
import { nativeKernels } from './native-kernels.js';
import * as ts from './ts/index.js';

export {
  BLOCK_BYTES,
  MAX_BLOOM_FILTER_BYTES,
  SALT,
  TS_BLOOM_KERNELS,
  bloomFilterBytes,
  decodeBloomFilterBitset,
  encodeBloomFilter,
  hashValue,
  plainValueBytes,
  xxhash64,
  type BloomKernels,
  type DecodeBloomFilterOptions,
  type HashableValue,
  type HashableValues,
} from './ts/index.js';

function kernelsFor(count: number): ts.BloomKernels {
  const binding = useNative(count) ? nativeBinding() : null;
  return binding ? nativeKernels(binding) : ts.TS_BLOOM_KERNELS;
}

/** Kernels that pick the backend per call, by the number of values or hashes in it. */
const AUTO_KERNELS: ts.BloomKernels = {
  xxhash64FixedWidth: (bytes, width, seed, out) => kernelsFor(out?.length ?? 0).xxhash64FixedWidth(bytes, width, seed, out),
  xxhash64ByteArrays: (offsets, bytes, seed, out) => kernelsFor(out?.length ?? 0).xxhash64ByteArrays(offsets, bytes, seed, out),
  bloomInsertHashes: (bitset, hashes) => kernelsFor(hashes?.length ?? 0).bloomInsertHashes(bitset, hashes),
  bloomCheckHashes: (bitset, hashes, out) => kernelsFor(hashes?.length ?? 0).bloomCheckHashes(bitset, hashes, out),
};

export const { xxhash64FixedWidth, xxhash64ByteArrays, bloomInsertHashes, bloomCheckHashes } = AUTO_KERNELS;

export function hashValues(type: PhysicalType, values: ts.HashableValues, typeLength?: number, kernels: ts.BloomKernels = AUTO_KERNELS): BigUint64Array {
  return ts.hashValues(type, values, typeLength, kernels);
}

/** The filter over the kernels of the backend in force. */
export class SplitBlockBloomFilter extends ts.SplitBlockBloomFilter {
  constructor(bitset: Uint8Array, kernels: ts.BloomKernels = AUTO_KERNELS) {
    super(bitset, kernels);
  }
}

export function decodeBloomFilter(bytes: Uint8Array, offset = 0, options: ts.DecodeBloomFilterOptions = {}): { filter: SplitBlockBloomFilter; bytesRead: number } {
  const { bitset, bytesRead } = ts.decodeBloomFilterBitset(bytes, offset, options);
  return { filter: new SplitBlockBloomFilter(bitset), bytesRead };
}
