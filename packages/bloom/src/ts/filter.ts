// A split block Bloom filter over its bitset. Single hashes (a predicate's value) stay in
// TypeScript; whole batches (a column chunk's hashes) go to the kernels it was given.
import { ParquetryError } from '@parquetry/core';
import { TS_BLOOM_KERNELS } from './kernels.js';
import { bloomFilterBytes, isFilterSize, MAX_BLOOM_FILTER_BYTES } from './sizing.js';
import { bitsetWords, blockIndexer, checkPair, insertPair } from './split-block.js';
import type { BloomKernels } from './types.js';

const U64_END = 1n << 64n;

function halves(hash: bigint): [number, number] {
  if (typeof hash !== 'bigint' || hash < 0n || hash >= U64_END) {
    throw new ParquetryError('INVALID_ARGUMENT', `hash ${String(hash)} is not a bigint in [0, 2^64)`);
  }
  return [Number(hash >> 32n), Number(hash & 0xffffffffn)];
}

function checkHashArray(hashes: BigUint64Array): void {
  if (!(hashes instanceof BigUint64Array)) throw new ParquetryError('INVALID_ARGUMENT', 'hashes must be a BigUint64Array (see hashValues)');
}

export class SplitBlockBloomFilter {
  /** The filter's bits as stored in a file: 32-byte blocks of eight little-endian words. */
  readonly bitset: Uint8Array;
  private readonly words: Uint32Array;
  private readonly blockOf: (hi: number) => number;
  private readonly kernels: BloomKernels;

  /**
   * A filter over `bitset` itself (not a copy), whose length must be a power of two from 32 bytes
   * to 128 MiB. A bitset not aligned to 4 bytes is copied, so that its words can be viewed.
   */
  constructor(bitset: Uint8Array, kernels: BloomKernels = TS_BLOOM_KERNELS) {
    if (!(bitset instanceof Uint8Array) || !isFilterSize(bitset.length)) {
      throw new ParquetryError('INVALID_ARGUMENT', `a bitset of ${bitset?.length} bytes is not a power of two from 32 to ${MAX_BLOOM_FILTER_BYTES}`);
    }
    // new Uint8Array(x) copies even when x is a Buffer (Buffer.slice would not).
    this.bitset = bitset.byteOffset % 4 === 0 ? bitset : new Uint8Array(bitset);
    this.words = bitsetWords(this.bitset);
    this.blockOf = blockIndexer(this.bitset.length / 32);
    this.kernels = kernels;
  }

  /** An empty filter sized for `ndv` distinct values at false-positive rate `fpp` (see bloomFilterBytes). */
  static forNdv<F extends SplitBlockBloomFilter>(this: new (bitset: Uint8Array) => F, ndv: number, fpp = 0.01, maxBytes = MAX_BLOOM_FILTER_BYTES): F {
    return new this(new Uint8Array(bloomFilterBytes(ndv, fpp, maxBytes)));
  }

  /** A filter over a copy of `bitset` (as read from a file, after its header). */
  static fromBitset<F extends SplitBlockBloomFilter>(this: new (bitset: Uint8Array) => F, bitset: Uint8Array): F {
    if (!(bitset instanceof Uint8Array)) throw new ParquetryError('INVALID_ARGUMENT', 'a bitset must be a Uint8Array');
    return new this(new Uint8Array(bitset));
  }

  insertHash(hash: bigint): void {
    const [hi, lo] = halves(hash);
    insertPair(this.words, this.blockOf(hi), lo);
  }

  /** False when the value of `hash` is certainly not in the filter; true when it may be. */
  checkHash(hash: bigint): boolean {
    const [hi, lo] = halves(hash);
    return checkPair(this.words, this.blockOf(hi), lo);
  }

  insertHashes(hashes: BigUint64Array): void {
    checkHashArray(hashes);
    this.kernels.bloomInsertHashes(this.bitset, hashes);
  }

  /** One byte per hash into `out` (or a new array): 1 where it may be in the filter, 0 where it is not. */
  checkHashes(hashes: BigUint64Array, out?: Uint8Array): Uint8Array {
    checkHashArray(hashes);
    if (out !== undefined && (!(out instanceof Uint8Array) || out.length < hashes.length)) {
      throw new ParquetryError('INVALID_ARGUMENT', `output holds ${out?.length} results for ${hashes.length} hashes`);
    }
    const target = out === undefined ? new Uint8Array(hashes.length) : out.subarray(0, hashes.length);
    this.kernels.bloomCheckHashes(this.bitset, hashes, target);
    return target;
  }
}
