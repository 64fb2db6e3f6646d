// Shared by the tests: both backends, seeded randomness, error capture, corpus and fixture paths.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ParquetryError, requireNativeBinding } from '@parquetry/core';
import * as nativeApi from '../src/native.js';
import * as tsApi from '../src/ts/index.js';

/** The API of one backend: what the `./ts` and `./native` entries both export. */
export type BloomApi = Pick<
  typeof tsApi,
  'xxhash64' | 'xxhash64FixedWidth' | 'xxhash64ByteArrays' | 'bloomInsertHashes' | 'bloomCheckHashes' | 'hashValues' | 'hashValue' | 'SplitBlockBloomFilter' | 'decodeBloomFilter' | 'encodeBloomFilter'
>;

function nativeLoads(): boolean {
  try {
    requireNativeBinding();
    return true;
  } catch (error) {
    console.warn(`native backend not tested: ${(error as Error).message}`);
    return false;
  }
}

/** Every backend this machine runs: TypeScript always, native where the addon loads. */
export const BACKENDS: Array<[string, BloomApi]> = [['ts', tsApi], ...(nativeLoads() ? [['native', nativeApi] as [string, BloomApi]] : [])];

/** 32-bit LCG (Numerical Recipes constants): deterministic data. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0);
}

export function randomBytes(next: () => number, n: number): Uint8Array {
  return Uint8Array.from({ length: n }, () => next() >>> 24);
}

/** A random u64 from two draws. */
export function randomU64(next: () => number): bigint {
  return (BigInt(next()) << 32n) | BigInt(next());
}

export function error(fn: () => unknown): ParquetryError {
  try {
    fn();
  } catch (e) {
    if (ParquetryError.is(e)) return e;
    throw e;
  }
  throw new Error('did not throw');
}

export const CORPUS = process.env.PARQUET_TEST_DATA ?? fileURLToPath(new URL('../../../../../shared/conformance/parquet-testing', import.meta.url));

export function readFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../test/fixtures/${name}`, import.meta.url), 'utf8')) as T;
}

export function fromHex(hex: string): Uint8Array {
  return Uint8Array.from({ length: hex.length / 2 }, (_, i) => parseInt(hex.slice(2 * i, 2 * i + 2), 16));
}

/** The xxHash reference suite's sanity buffer: byte i is the top byte of PRIME32 * PRIME64^i. */
export function sanityBuffer(n: number): Uint8Array {
  const out = new Uint8Array(n);
  let gen = 2654435761n;
  for (let i = 0; i < n; i++) {
    out[i] = Number(gen >> 56n);
    gen = (gen * 11400714785074694797n) & 0xffffffffffffffffn;
  }
  return out;
}

/** Values as an (offsets, bytes) pair. */
export function byteArrays(values: Uint8Array[]): { offsets: Int32Array; bytes: Uint8Array } {
  const offsets = new Int32Array(values.length + 1);
  values.forEach((v, i) => (offsets[i + 1] = offsets[i] + v.length));
  const bytes = new Uint8Array(offsets[values.length]);
  values.forEach((v, i) => bytes.set(v, offsets[i]));
  return { offsets, bytes };
}
