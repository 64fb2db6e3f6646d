import * as assert from 'uvu/assert';
import { ParquetryError } from '@parquetry/core';

/** `length` bytes from a seeded xorshift32 generator: the same every run. */
export function seededBytes(length: number, seed: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    out[i] = state & 0xff;
  }
  return out;
}

/** A seeded generator of integers in [0, bound). */
export function seededInts(seed: number): (bound: number) => number {
  let state = seed >>> 0 || 1;
  return (bound) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state % bound;
  };
}

/** Asserts equal bytes, naming the first difference rather than printing both arrays. */
export function assertBytes(actual: Uint8Array, expected: Uint8Array, what = 'bytes'): void {
  assert.is(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    if (actual[i] !== expected[i]) assert.unreachable(`${what}: differ at ${i} (${actual[i]} != ${expected[i]})`);
  }
}

/** The ParquetryError that `promise` rejects with; fails the test if it resolves or rejects otherwise. */
export async function rejection(promise: Promise<unknown>): Promise<ParquetryError> {
  try {
    await promise;
  } catch (error) {
    if (ParquetryError.is(error)) return error;
    assert.unreachable(`not a ParquetryError: ${String(error)}`);
  }
  assert.unreachable('expected a rejection');
  throw new Error('unreachable');
}
