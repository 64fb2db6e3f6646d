// One measurement of the reader benchmark in a process of its own, so that peak RSS and page
// faults belong to that measurement alone (and PARQUETRY_BACKEND holds for the whole process).
// Reads a Job as JSON from argv[2]; prints `RESULT <Measurement JSON>` as its last line.
import type { FooterReader, ReadResult, Reader } from './reader-result.js';

export type ReaderName = 'parquetry' | 'hyparquet' | 'parquet-wasm' | 'duckdb-1' | 'duckdb-1-js' | 'duckdb';
export type FooterName = 'parquetry' | 'hyparquet-metadata' | 'hyparquet-read';

export type Job =
  | { mode: 'read'; reader: ReaderName; path: string; columns?: string[]; listColumn?: string; readOnceAfter: number }
  | { mode: 'footer'; reader: FooterName; path: string; columns: string[]; minSeconds: number };

export type Measurement =
  | {
      ok: true;
      /**
       * Seconds per read: the median of the timed runs, or the verifying run when that took longer
       * than readOnceAfter.
       */
      seconds: number;
      /** Each timed run's seconds, and their mean (reads only). */
      runSeconds?: number[];
      meanSeconds?: number;
      timedRuns: number;
      /** The verifying run was the timed one (it took readOnceAfter seconds or more). */
      once?: boolean;
      /** The verifying run's result (checked by the parent) and the last timed run's phases. */
      result: ReadResult;
      phases?: Record<string, number>;
      /** RSS after set-up, before the first read; peak RSS of the process (bytes). */
      baseRss: number;
      maxRss: number;
      /** Over the timed run(s). */
      minorFaults: number;
      majorFaults: number;
      cpuSeconds: number;
      backend?: string;
      threads?: number;
    }
  | { ok: false; error: string };

async function makeReader(name: ReaderName, listColumn?: string): Promise<Reader & { threads?: number }> {
  switch (name) {
    case 'parquetry':
      return (await import('./reader-parquetry.js')).parquetryReader(listColumn);
    case 'hyparquet':
      return (await import('./reader-hyparquet.js')).hyparquetReader(listColumn);
    case 'parquet-wasm':
      return (await import('./reader-parquet-wasm.js')).parquetWasmReader(listColumn);
    case 'duckdb-1':
      return (await import('./reader-duckdb.js')).duckdbReader({ threads: 1, jsValues: false, materialize: false }, listColumn);
    case 'duckdb-1-js':
      return (await import('./reader-duckdb.js')).duckdbReader({ threads: 1, jsValues: true, materialize: false }, listColumn);
    case 'duckdb':
      return (await import('./reader-duckdb.js')).duckdbReader({ jsValues: false, materialize: true }, listColumn);
  }
}

async function makeFooterReader(name: FooterName): Promise<FooterReader> {
  switch (name) {
    case 'parquetry':
      return (await import('./reader-parquetry.js')).parquetryFooterReader();
    case 'hyparquet-metadata':
      return (await import('./reader-hyparquet.js')).hyparquetFooterReader(false);
    case 'hyparquet-read':
      return (await import('./reader-hyparquet.js')).hyparquetFooterReader(true);
  }
}

function usage() {
  const u = process.resourceUsage();
  return { minor: u.minorPageFault, major: u.majorPageFault, cpu: (u.userCPUTime + u.systemCPUTime) / 1e6, at: performance.now() };
}
type Usage = ReturnType<typeof usage>;

async function backendName(): Promise<string> {
  const { backend } = await import('@parquetry/core');
  return backend();
}

function finish(base: { baseRss: number; result: ReadResult }, start: Usage, timedRuns: number, extra: Partial<Measurement & { ok: true }>): Measurement {
  const end = usage();
  return {
    ok: true,
    seconds: (end.at - start.at) / 1e3 / timedRuns,
    timedRuns,
    ...base,
    maxRss: process.resourceUsage().maxRSS * 1024, // Node reports kilobytes
    minorFaults: (end.minor - start.minor) / timedRuns,
    majorFaults: (end.major - start.major) / timedRuns,
    cpuSeconds: (end.cpu - start.cpu) / timedRuns,
    ...extra,
  };
}

async function measureRead(job: Extract<Job, { mode: 'read' }>): Promise<Measurement> {
  const reader = await makeReader(job.reader, job.listColumn);
  const extra: Partial<Measurement & { ok: true }> = { threads: reader.threads };
  if (job.reader === 'parquetry') extra.backend = await backendName();
  const baseRss = process.memoryUsage().rss;
  // The verifying run is the warm-up; when it is slow (seconds), it is also the measurement.
  let start = usage();
  const result = await reader.read(job.path, job.columns, true);
  if ((performance.now() - start.at) / 1e3 >= job.readOnceAfter) return finish({ baseRss, result }, start, 1, { ...extra, once: true, phases: result.phases });
  // Up to TIMED_RUNS timed runs (fewer once TIMED_BUDGET_S has passed), the median reported: one
  // run of a fraction of a second moved by a fifth between runs (collections, the other core).
  start = usage();
  const runs: number[] = [];
  let timed: ReadResult;
  do {
    const t0 = performance.now();
    timed = await reader.read(job.path, job.columns, false);
    runs.push((performance.now() - t0) / 1e3);
  } while (runs.length < TIMED_RUNS && performance.now() - start.at < TIMED_BUDGET_S * 1e3);
  const measured = finish({ baseRss, result }, start, runs.length, { ...extra, phases: timed.phases, runSeconds: runs });
  // cores (CPU seconds / wall seconds) stays a ratio of means; the reported time is the median.
  if (measured.ok) Object.assign(measured, { meanSeconds: measured.seconds, seconds: median(runs) });
  return measured;
}

const TIMED_RUNS = 5;
const TIMED_BUDGET_S = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function measureFooter(job: Extract<Job, { mode: 'footer' }>): Promise<Measurement> {
  const reader = await makeFooterReader(job.reader);
  const { readFile } = await import('node:fs/promises');
  const bytes = new Uint8Array(await readFile(job.path));
  const extra: Partial<Measurement & { ok: true }> = job.reader === 'parquetry' ? { backend: await backendName() } : {};
  const baseRss = process.memoryUsage().rss;
  const result = await reader.run(bytes, job.columns, true);
  for (let i = 0; i < 2; i++) await reader.run(bytes, job.columns, false);
  const start = usage();
  let runs = 0;
  while (runs < 5 || performance.now() - start.at < job.minSeconds * 1e3) {
    await reader.run(bytes, job.columns, false);
    runs++;
  }
  return finish({ baseRss, result }, start, runs, extra);
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // A ParquetryError's message starts with its code and ends with its location; the frame that
  // threw (of the cause, where a layer re-threw with more location) says which decoder it was.
  const origin = error.cause instanceof Error ? error.cause : error;
  const where = origin.stack
    ?.split('\n')
    .filter((line) => line.trim().startsWith('at ') && !line.includes('error.ts') && !line.includes('native-errors'))[0]
    ?.trim();
  const cause = error.cause instanceof Error ? `; cause: ${error.cause.message}` : '';
  return `${error.name}: ${error.message}${cause}${where ? ` (${where})` : ''}`;
}

const job = JSON.parse(process.argv[2] ?? '{}') as Job;
let measurement: Measurement;
try {
  measurement = job.mode === 'footer' ? await measureFooter(job) : await measureRead(job);
} catch (error) {
  measurement = { ok: false, error: describe(error) };
}
console.log(`RESULT ${JSON.stringify(measurement)}`);
