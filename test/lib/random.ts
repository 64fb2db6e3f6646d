/** Deterministic PRNG (mulberry32): every failure reproduces from its seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random value of `width` bits, as the Int32 bit pattern the codecs take. */
export function randomValue(next: () => number, width: number): number {
  if (width === 0) return 0;
  if (width === 32) return (next() * 2 ** 32) | 0;
  return Math.floor(next() * 2 ** width);
}

export type Distribution = 'random' | 'runs' | 'constant' | 'extremes';

/** `n` values of `width` bits: uniform, with runs of 1..200 repeats, one constant, or only 0 and the maximum. */
export function randomValues(seed: number, n: number, width: number, dist: Distribution): Int32Array {
  const next = rng(seed);
  const out = new Int32Array(n);
  const max = width === 32 ? -1 : 2 ** width - 1;
  if (dist === 'constant') return out.fill(randomValue(next, width));
  for (let i = 0; i < n; ) {
    const v = dist === 'extremes' ? (next() < 0.5 ? 0 : max) : randomValue(next, width);
    const len = dist === 'runs' && next() < 0.4 ? 1 + Math.floor(next() * 200) : 1;
    for (let k = 0; k < len && i < n; k++) out[i++] = v;
  }
  return out;
}

export function equalArrays(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Index of the first difference, or -1: a failing assertion then says where. */
export function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}
