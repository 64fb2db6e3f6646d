// The batch forms of XXH64: one hash per value of a column chunk, written straight into the
// output's memory as (lo, hi) word pairs.
import { ParquetryError } from '@parquetry/core';
import { requireDisjoint } from './disjoint.js';
import { requireLittleEndian } from './little-endian.js';
import { hashRangeInto, hashU32Into, hashU64Into, seedHalves } from './xxhash64.js';

/** The hashes' memory as (lo, hi) 32-bit pairs: the words of each u64 on a little-endian host. */
export function hashPairs(hashes: BigUint64Array): Uint32Array {
  requireLittleEndian();
  return new Uint32Array(hashes.buffer, hashes.byteOffset, hashes.length * 2);
}

function checkOutput(out: BigUint64Array, count: number): void {
  if (!(out instanceof BigUint64Array) || out.length !== count) {
    throw new ParquetryError('INVALID_ARGUMENT', `output holds ${out?.length} hashes but there are ${count} values`);
  }
}

export function xxhash64FixedWidth(bytes: Uint8Array, width: number, seed: bigint, out: BigUint64Array): void {
  if (!Number.isInteger(width) || width < 1 || bytes.length % width !== 0) {
    throw new ParquetryError('INVALID_ARGUMENT', `${bytes.length} bytes are not whole ${width}-byte values`);
  }
  const count = bytes.length / width;
  checkOutput(out, count);
  requireDisjoint(out, bytes, 'the output and the values');
  const [seedH, seedL] = seedHalves(seed);
  const pairs = hashPairs(out);
  // Words read straight from a typed-array view where the input allows one.
  if ((width === 4 || width === 8) && bytes.byteOffset % 4 === 0) {
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
    if (width === 4) {
      for (let i = 0; i < count; i++) hashU32Into(words[i], seedH, seedL, pairs, i);
    } else {
      for (let i = 0; i < count; i++) hashU64Into(words[2 * i + 1], words[2 * i], seedH, seedL, pairs, i);
    }
    return;
  }
  for (let i = 0; i < count; i++) hashRangeInto(bytes, i * width, width, seedH, seedL, pairs, i);
}

export function xxhash64ByteArrays(offsets: Int32Array, bytes: Uint8Array, seed: bigint, out: BigUint64Array): void {
  if (!(offsets instanceof Int32Array) || offsets.length < 1) {
    throw new ParquetryError('INVALID_ARGUMENT', 'offsets must be an Int32Array of count + 1 entries');
  }
  const count = offsets.length - 1;
  checkOutput(out, count);
  requireDisjoint(out, bytes, 'the output and the values');
  requireDisjoint(out, offsets, 'the output and the offsets');
  const [seedH, seedL] = seedHalves(seed);
  const pairs = hashPairs(out);
  for (let i = 0; i < count; i++) {
    const a = offsets[i], b = offsets[i + 1];
    if (a < 0 || b < a || b > bytes.length) {
      throw new ParquetryError('INVALID_ARGUMENT', `offsets[${i}..${i + 1}] = ${a}..${b} do not lie within ${bytes.length} bytes`);
    }
    hashRangeInto(bytes, a, b - a, seedH, seedL, pairs, i);
  }
}
