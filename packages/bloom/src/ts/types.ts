/**
 * The loops a native kernel can take over: hashing a column chunk's values and inserting or
 * checking its hashes. The signatures are the native binding's own (`@parquetry/native`), so
 * `requireNativeBinding()` can be passed wherever these are taken; TS_BLOOM_KERNELS is the
 * pure-TypeScript set. Both check every length and throw INVALID_ARGUMENT on a mismatch.
 */
export interface BloomKernels {
  /** One XXH64 per `width`-byte value of `bytes` into `out` (exactly bytes.length / width). */
  xxhash64FixedWidth(bytes: Uint8Array, width: number, seed: bigint, out: BigUint64Array): void;
  /** One XXH64 per value of an (offsets, bytes) pair into `out` (offsets.length - 1). */
  xxhash64ByteArrays(offsets: Int32Array, bytes: Uint8Array, seed: bigint, out: BigUint64Array): void;
  /** Sets the bits of every hash in `bitset` (whole 32-byte blocks). */
  bloomInsertHashes(bitset: Uint8Array, hashes: BigUint64Array): void;
  /** `out[i]` = 1 where hash i may be in the filter, 0 where it is certainly not (out.length = hashes.length). */
  bloomCheckHashes(bitset: Uint8Array, hashes: BigUint64Array, out: Uint8Array): void;
}
