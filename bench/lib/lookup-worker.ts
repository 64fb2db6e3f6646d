// One cell of the lookup benchmark (a reader, a file, a query kind) in a process of its own: a
// warm-up lookup, then each key's lookup timed, every result checked (ids lo..hi exactly once,
// value = valueOf(id)) after its timing. Job JSON in argv[2]; prints `RESULT <CellResult JSON>`.
import { valueOf } from './lookup-data.js';
import type { Lookup, LookupResult } from './lookup-readers.js';

export type LookupReader = 'parquetry' | 'hyparquet' | 'duckdb' | 'parquet-wasm';

export interface CellJob {
  reader: LookupReader;
  path: string;
  /** Rows in the file (ids 0..rows-1). */
  rows: number;
  /** Inclusive ranges; lo = hi for a point lookup. The first is the warm-up. */
  ranges: Array<[number, number]>;
  /** Stop timing after this many seconds (at least `minLookups` are timed). */
  budgetSeconds: number;
  minLookups: number;
}

export interface Timed {
  ms: number;
  bytes: number;
  rows: number;
}

export type CellResult = { ok: true; lookups: Timed[]; wrong: string[]; backend?: string } | { ok: false; error: string };

async function makeLookup(name: LookupReader): Promise<Lookup> {
  const readers = await import('./lookup-readers.js');
  if (name === 'parquetry') return readers.parquetryLookup();
  if (name === 'hyparquet') return readers.hyparquetLookup();
  if (name === 'duckdb') return readers.duckdbLookup();
  return readers.parquetWasmLookup();
}

/** Why `got` is not the rows lo..hi of the table, or undefined when it is. */
function mismatch(got: LookupResult, lo: number, hi: number, rows: number): string | undefined {
  const last = Math.min(hi, rows - 1);
  const want = Math.max(0, last - lo + 1);
  if (got.ids.length !== want) return `id ${lo}..${hi}: ${got.ids.length} rows, expected ${want}`;
  const order = got.ids.map((_, i) => i).sort((a, b) => got.ids[a] - got.ids[b]);
  for (let i = 0; i < order.length; i++) {
    const id = got.ids[order[i]];
    if (id !== lo + i) return `id ${lo}..${hi}: row ${i} has id ${id}, expected ${lo + i}`;
    if (got.values[order[i]] !== valueOf(id)) return `id ${id}: value ${got.values[order[i]]}, expected ${valueOf(id)}`;
  }
  return undefined;
}

async function runCell(job: CellJob): Promise<CellResult> {
  const lookup = await makeLookup(job.reader);
  const wrong: string[] = [];
  const [warm, ...timed] = job.ranges;
  const check = (got: LookupResult, lo: number, hi: number) => {
    const why = mismatch(got, lo, hi, job.rows);
    if (why) wrong.push(why);
  };
  check(await lookup.run(job.path, warm[0], warm[1]), warm[0], warm[1]);
  const lookups: Timed[] = [];
  const started = performance.now();
  for (const [lo, hi] of timed) {
    if (lookups.length >= job.minLookups && performance.now() - started > job.budgetSeconds * 1e3) break;
    const t0 = performance.now();
    const got = await lookup.run(job.path, lo, hi);
    lookups.push({ ms: performance.now() - t0, bytes: got.bytes, rows: got.ids.length });
    check(got, lo, hi);
  }
  const backend = job.reader === 'parquetry' ? (await import('@parquetry/core')).backend() : undefined;
  return { ok: true, lookups, wrong, backend };
}

const job = JSON.parse(process.argv[2] ?? '{}') as CellJob;
let result: CellResult;
try {
  result = await runCell(job);
} catch (error) {
  const e = error as Error;
  const cause = e?.cause instanceof Error ? `; cause: ${e.cause.message}` : '';
  result = { ok: false, error: `${e?.name ?? 'Error'}: ${e?.message ?? String(error)}${cause}` };
}
console.log(`RESULT ${JSON.stringify(result)}`);
