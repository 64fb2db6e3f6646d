// Split block Bloom filters (BloomFilter.md "Technical Approach" and "Algorithm"): the bitset is
// 32-byte blocks of eight little-endian 32-bit words. A hash picks a block from its upper 32 bits,
// (upper * blocks) >> 32, and sets or checks bit (lower * SALT[i]) >>> 27 of word i.
import { ParquetryError } from '@parquetry/core';
import { requireDisjoint } from './disjoint.js';
import { requireLittleEndian } from './little-endian.js';
import { hashPairs } from './xxhash64-batch.js';
import { mulHi32 } from './xxhash64.js';

export const BLOCK_BYTES = 32;

/** The spec's eight salts. */
export const SALT: readonly number[] = [0x47b6137b, 0x44974d91, 0x8824ad5b, 0xa2b7289d, 0x705495c7, 0x2df1424b, 0x9efc4947, 0x5c6bfb31];
const [S0, S1, S2, S3, S4, S5, S6, S7] = SALT;
const TWO_32 = 4294967296;

function checkBitset(bitset: Uint8Array): void {
  if (!(bitset instanceof Uint8Array) || bitset.length === 0 || bitset.length % BLOCK_BYTES !== 0) {
    throw new ParquetryError('INVALID_ARGUMENT', `a bitset of ${bitset?.length} bytes is not a whole number of ${BLOCK_BYTES}-byte blocks`);
  }
}

/** The words of a bitset of whole blocks, 4-byte aligned; INVALID_ARGUMENT when not whole blocks. */
export function bitsetWords(bitset: Uint8Array): Uint32Array {
  checkBitset(bitset);
  requireLittleEndian();
  return new Uint32Array(bitset.buffer, bitset.byteOffset, bitset.length / 4);
}

/**
 * Block index of an upper half: floor(hi * blocks / 2^32). In doubles it is exact where the
 * product has at most 53 significant bits (blocks a power of two, as filters are, or under 2^21);
 * otherwise it takes the integer route.
 */
export function blockIndexer(blocks: number): (hi: number) => number {
  if (blocks <= 2 ** 21 || (blocks & (blocks - 1)) === 0) {
    const scale = blocks / TWO_32;
    return (hi) => Math.floor(hi * scale);
  }
  return (hi) => mulHi32(hi, blocks);
}

export function insertPair(words: Uint32Array, block: number, lo: number): void {
  const b = block << 3;
  words[b] |= 1 << (Math.imul(lo, S0) >>> 27);
  words[b + 1] |= 1 << (Math.imul(lo, S1) >>> 27);
  words[b + 2] |= 1 << (Math.imul(lo, S2) >>> 27);
  words[b + 3] |= 1 << (Math.imul(lo, S3) >>> 27);
  words[b + 4] |= 1 << (Math.imul(lo, S4) >>> 27);
  words[b + 5] |= 1 << (Math.imul(lo, S5) >>> 27);
  words[b + 6] |= 1 << (Math.imul(lo, S6) >>> 27);
  words[b + 7] |= 1 << (Math.imul(lo, S7) >>> 27);
}

export function checkPair(words: Uint32Array, block: number, lo: number): boolean {
  const b = block << 3;
  const missing =
    (~words[b] & (1 << (Math.imul(lo, S0) >>> 27))) |
    (~words[b + 1] & (1 << (Math.imul(lo, S1) >>> 27))) |
    (~words[b + 2] & (1 << (Math.imul(lo, S2) >>> 27))) |
    (~words[b + 3] & (1 << (Math.imul(lo, S3) >>> 27))) |
    (~words[b + 4] & (1 << (Math.imul(lo, S4) >>> 27))) |
    (~words[b + 5] & (1 << (Math.imul(lo, S5) >>> 27))) |
    (~words[b + 6] & (1 << (Math.imul(lo, S6) >>> 27))) |
    (~words[b + 7] & (1 << (Math.imul(lo, S7) >>> 27)));
  return missing === 0;
}

/** Runs `body` on the words of `bitset`, through an aligned copy when its offset is not a multiple of 4. */
function withWords(bitset: Uint8Array, write: boolean, body: (words: Uint32Array) => void): void {
  checkBitset(bitset);
  if (bitset.byteOffset % 4 === 0) {
    body(bitsetWords(bitset));
    return;
  }
  const copy = new Uint8Array(bitset); // a copy even of a Buffer
  body(bitsetWords(copy));
  if (write) bitset.set(copy);
}

function checkHashes(hashes: BigUint64Array): void {
  if (!(hashes instanceof BigUint64Array)) throw new ParquetryError('INVALID_ARGUMENT', 'hashes must be a BigUint64Array');
}

export function bloomInsertHashes(bitset: Uint8Array, hashes: BigUint64Array): void {
  checkHashes(hashes);
  requireDisjoint(bitset, hashes, 'the bitset and the hashes');
  withWords(bitset, true, (words) => {
    const block = blockIndexer(words.length >>> 3);
    const pairs = hashPairs(hashes);
    for (let i = 0; i < pairs.length; i += 2) insertPair(words, block(pairs[i + 1]), pairs[i]);
  });
}

export function bloomCheckHashes(bitset: Uint8Array, hashes: BigUint64Array, out: Uint8Array): void {
  checkHashes(hashes);
  if (!(out instanceof Uint8Array) || out.length !== hashes.length) {
    throw new ParquetryError('INVALID_ARGUMENT', `output holds ${out?.length} results for ${hashes.length} hashes`);
  }
  requireDisjoint(out, bitset, 'the output and the bitset');
  requireDisjoint(out, hashes, 'the output and the hashes');
  withWords(bitset, false, (words) => {
    const block = blockIndexer(words.length >>> 3);
    const pairs = hashPairs(hashes);
    for (let i = 0; i < hashes.length; i++) out[i] = checkPair(words, block(pairs[2 * i + 1]), pairs[2 * i]) ? 1 : 0;
  });
}
