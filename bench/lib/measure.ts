// Shared measuring for the benchmark suites: benchmark.js for throughput, resource usage for
// page faults, and a deterministic PRNG so every run sees the same data.
import Benchmark from 'benchmark';

export const MAX_TIME = Number(process.env.BENCH_MAX_TIME ?? 0.5);

/** Operations per second of `fn` by benchmark.js. */
export function hz(name: string, fn: () => void): number {
  let result = 0;
  new Benchmark.Suite()
    .add(name, fn, { maxTime: MAX_TIME, minSamples: 5 })
    .on('cycle', (event: Benchmark.Event) => {
      result = (event.target as unknown as Benchmark).hz ?? 0;
    })
    .run({ async: false });
  return result;
}

/** Minor page faults per call, over 10 calls after a warm-up. */
export function faultsPerCall(fn: () => void): number {
  fn();
  const before = process.resourceUsage().minorPageFault;
  for (let i = 0; i < 10; i++) fn();
  return (process.resourceUsage().minorPageFault - before) / 10;
}

/** mulberry32: the data is the same on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function same(a: ArrayLike<unknown>, b: ArrayLike<unknown>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Prints rows as an aligned table; the first `left` columns are left-aligned. */
export function printTable(header: string[], rows: string[][], left = 2): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < left ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

export function geomean(xs: number[]): number {
  return Math.exp(xs.reduce((s, v) => s + Math.log(v), 0) / xs.length);
}
