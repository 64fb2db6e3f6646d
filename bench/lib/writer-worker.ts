// One measurement of the writer benchmark in a process of its own, so that peak RSS belongs to that
// writer alone (and PARQUETRY_BACKEND holds for the whole process). Loads the input, runs one
// warm-up write, then `runs` timed writes (or, when the warm-up took `onceAfter` seconds or more,
// reports the warm-up as the one timed run). Reads a Job as JSON from argv[2]; prints
// `RESULT <Measurement JSON>` as its last line.
import { stat } from 'node:fs/promises';
import type { Table } from 'apache-arrow';
import { arrowBytes } from './reader-result.js';
import type { BenchWriter, Job, Measurement } from './writer-contract.js';

async function loadArrow(source: string): Promise<Table> {
  const { fileSource, openParquet, readTable } = await import('@parquetry/parquet');
  const file = await fileSource(source);
  try {
    return await readTable(await openParquet(file));
  } finally {
    await file.close();
  }
}

async function setUp(job: Job): Promise<{ writer: BenchWriter; loadSeconds: number; arrowBytes?: number; backend?: string }> {
  const t0 = performance.now();
  if (job.writer === 'duckdb') {
    const writer = await (await import('./writer-duckdb.js')).duckdbWriter(job.source, job.codec, job.threads ?? 1);
    return { writer, loadSeconds: writer.loadSeconds };
  }
  const table = await loadArrow(job.source);
  const loadSeconds = (performance.now() - t0) / 1e3;
  const bytes = table.data.reduce((sum, data) => sum + arrowBytes(data), 0);
  switch (job.writer) {
    case 'parquetry-encode':
    case 'parquetry-write': {
      const { parquetryWriter } = await import('./writer-parquetry.js');
      const { backend } = await import('@parquetry/core');
      return { writer: parquetryWriter(table, job.codec, job.writer === 'parquetry-encode' ? 'encode' : 'write'), loadSeconds, arrowBytes: bytes, backend: backend() };
    }
    case 'hyparquet-writer':
      return { writer: (await import('./writer-hyparquet.js')).hyparquetWriter(table, job.codec), loadSeconds, arrowBytes: bytes };
    case 'parquet-wasm':
      return { writer: (await import('./writer-parquet-wasm.js')).parquetWasmWriter(table, job.codec), loadSeconds, arrowBytes: bytes };
  }
}

function cpuSeconds(): number {
  const u = process.resourceUsage();
  return (u.userCPUTime + u.systemCPUTime) / 1e6;
}

/** One write: per-run preparation (untimed), then the timed write; wall and CPU seconds of the write. */
async function run(writer: BenchWriter, out: string): Promise<{ seconds: number; cpu: number; prepare: number }> {
  const prepare = writer.beforeRun?.() ?? 0;
  const cpu0 = cpuSeconds();
  const t0 = performance.now();
  await writer.write(out);
  return { seconds: (performance.now() - t0) / 1e3, cpu: cpuSeconds() - cpu0, prepare };
}

async function measure(job: Job): Promise<Measurement> {
  const { writer, loadSeconds, arrowBytes, backend } = await setUp(job);
  const baseRss = process.memoryUsage().rss;
  const warm = await run(writer, job.out);
  const timed = [warm];
  if (warm.seconds < job.onceAfter) {
    timed.length = 0;
    for (let i = 0; i < Math.max(1, job.runs); i++) timed.push(await run(writer, job.out));
  }
  const best = timed.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  return {
    ok: true,
    seconds: best.seconds,
    runs: timed.map((t) => t.seconds),
    once: timed[0] === warm,
    loadSeconds,
    prepareSeconds: writer.prepareSeconds,
    perRunPrepareSeconds: timed.reduce((s, t) => s + t.prepare, 0) / timed.length,
    cores: best.cpu / best.seconds,
    baseRss,
    maxRss: process.resourceUsage().maxRSS * 1024, // Node reports kilobytes
    outBytes: (await stat(job.out)).size,
    arrowBytes,
    backend,
    threads: writer.threads,
    version: writer.version,
  };
}

const job = JSON.parse(process.argv[2] ?? '{}') as Job;
let measurement: Measurement;
try {
  measurement = await measure(job);
} catch (error) {
  const code = (error as { code?: unknown } | undefined)?.code;
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  measurement = { ok: false, error: message, ...(code === 'UNSUPPORTED' && { unsupported: true }) };
}
console.log(`RESULT ${JSON.stringify(measurement)}`);
