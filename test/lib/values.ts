import type { ByteArrays } from '@parquetry/core';
import { rng } from './random.js';

/** INT64 values: random 64-bit, sorted, constant, or only the extremes (deltas that overflow). */
export function randomInt64(seed: number, n: number, dist: 'random' | 'sorted' | 'constant' | 'extremes'): BigInt64Array {
  const next = rng(seed);
  const out = new BigInt64Array(n);
  const word = () => BigInt.asIntN(64, (BigInt(Math.floor(next() * 2 ** 32)) << 32n) | BigInt(Math.floor(next() * 2 ** 32)));
  let acc = -(2n ** 40n);
  for (let i = 0; i < n; i++) {
    if (dist === 'random') out[i] = word();
    else if (dist === 'sorted') out[i] = acc += BigInt(Math.floor(next() * 1000));
    else if (dist === 'constant') out[i] = 1234567890123n;
    else out[i] = next() < 0.5 ? -(2n ** 63n) : 2n ** 63n - 1n;
  }
  return out;
}

/** Byte strings: random lengths up to `maxLength`, with shared prefixes when `prefixes`. */
export function randomByteArrays(seed: number, n: number, maxLength: number, prefixes = false): ByteArrays {
  const next = rng(seed);
  const lengths = Array.from({ length: n }, () => Math.floor(next() * (maxLength + 1)));
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + lengths[i];
  const bytes = new Uint8Array(offsets[n]);
  for (let i = 0; i < n; i++) {
    for (let j = offsets[i]; j < offsets[i + 1]; j++) {
      const k = j - offsets[i];
      // with prefixes: the first bytes repeat the previous value's, as sorted keys do
      bytes[j] = prefixes && i > 0 && k < lengths[i - 1] && k < lengths[i] / 2 ? bytes[offsets[i - 1] + k] : Math.floor(next() * 256);
    }
  }
  return { offsets, bytes };
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Byte arrays equal as values (offsets may start anywhere). */
export function sameByteArrays(a: ByteArrays, b: ByteArrays): boolean {
  if (a.offsets.length !== b.offsets.length) return false;
  for (let i = 0; i + 1 < a.offsets.length; i++) {
    const la = a.offsets[i + 1] - a.offsets[i];
    if (la !== b.offsets[i + 1] - b.offsets[i]) return false;
    for (let k = 0; k < la; k++) if (a.bytes[a.offsets[i] + k] !== b.bytes[b.offsets[i] + k]) return false;
  }
  return true;
}
