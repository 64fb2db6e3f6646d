// The native implementation, whatever PARQUETRY_BACKEND says; `UNSUPPORTED` where the addon cannot
// load. TypeScript does the framing (shapes, sizes, the Thrift header); the addon hashes values
// and inserts or checks hashes, a column chunk per call.
import { requireNativeBinding, type PhysicalType } from '@parquetry/core';
import { nativeKernels } from './native-kernels.js';
import * as ts from './ts/index.js';
import { seedHalves } from './ts/xxhash64.js';

export {
  BLOCK_BYTES,
  MAX_BLOOM_FILTER_BYTES,
  SALT,
  TS_BLOOM_KERNELS,
  bloomFilterBytes,
  decodeBloomFilterBitset,
  encodeBloomFilter,
  plainValueBytes,
  type BloomKernels,
  type DecodeBloomFilterOptions,
  type HashableValue,
  type HashableValues,
} from './ts/index.js';

/** The addon's kernels, behind the checks that belong before the boundary. */
export function kernels(): ts.BloomKernels {
  return nativeKernels(requireNativeBinding());
}

export function xxhash64(bytes: Uint8Array, seed = 0n): bigint {
  seedHalves(seed);
  return requireNativeBinding().xxhash64(bytes, seed);
}

export function xxhash64FixedWidth(bytes: Uint8Array, width: number, seed: bigint, out: BigUint64Array): void {
  kernels().xxhash64FixedWidth(bytes, width, seed, out);
}

export function xxhash64ByteArrays(offsets: Int32Array, bytes: Uint8Array, seed: bigint, out: BigUint64Array): void {
  kernels().xxhash64ByteArrays(offsets, bytes, seed, out);
}

export function bloomInsertHashes(bitset: Uint8Array, hashes: BigUint64Array): void {
  kernels().bloomInsertHashes(bitset, hashes);
}

export function bloomCheckHashes(bitset: Uint8Array, hashes: BigUint64Array, out: Uint8Array): void {
  kernels().bloomCheckHashes(bitset, hashes, out);
}

export function hashValues(type: PhysicalType, values: ts.HashableValues, typeLength?: number): BigUint64Array {
  return ts.hashValues(type, values, typeLength, kernels());
}

export function hashValue(type: PhysicalType, value: ts.HashableValue, typeLength?: number): bigint {
  return xxhash64(ts.plainValueBytes(type, value, typeLength));
}

/** The filter over the native kernels. */
export class SplitBlockBloomFilter extends ts.SplitBlockBloomFilter {
  constructor(bitset: Uint8Array, bloomKernels: ts.BloomKernels = kernels()) {
    super(bitset, bloomKernels);
  }
}

export function decodeBloomFilter(bytes: Uint8Array, offset = 0, options: ts.DecodeBloomFilterOptions = {}): { filter: SplitBlockBloomFilter; bytesRead: number } {
  const { bitset, bytesRead } = ts.decodeBloomFilterBitset(bytes, offset, options);
  return { filter: new SplitBlockBloomFilter(bitset), bytesRead };
}
