// Writer benchmark: the reader benchmark's recommendation-sample table (2M rows by default;
// BENCH_ROWS=n for another size) written in snappy and zstd by Parquetry native and TS
// (encodeParquet, and writeParquet(path) once the streaming writer lands), hyparquet-writer
// (snappy only), parquet-wasm and DuckDB COPY on 1 and 2 threads. Every writer runs in a child
// process of its own with the same data in memory before its timer starts; one warm-up write, then
// the best of BENCH_RUNS (3) timed writes. Every output is read back with Parquetry and checked
// column by column against the source before any figure from it is shown.
// BENCH_BIG=1 (or --big): the streaming-memory run instead (writer-big.ts).
// Run: pnpm bench:writer (BENCH_KEEP=1 keeps the written files under bench/results/writer/).
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync, rmSync, mkdirSync } from 'node:fs';
import { arch, cpus, loadavg, platform } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readerTables } from './lib/reader-tables.js';
import { runBigMode } from './lib/writer-big.js';
import type { WriteCodec } from './lib/writer-contract.js';
import { streamingWriteParquet } from './lib/writer-parquetry.js';
import { printMain, Results, targetLines, type Contender, type Outcome } from './lib/writer-report.js';
import { runWriter } from './lib/writer-spawn.js';
import { compareDigests, digestFile, footerFacts } from './lib/writer-verify.js';

const BIG = process.env.BENCH_BIG === '1' || process.argv.includes('--big');
const KEEP = process.env.BENCH_KEEP === '1';
const RESULTS = fileURLToPath(new URL('./results/writer', import.meta.url));
const READER_RESULTS = fileURLToPath(new URL('./results/reader', import.meta.url));

function positiveInteger(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${name}=${text} is not a positive integer`);
  return n;
}

if (BIG) {
  await runBigMode({ rows: positiveInteger('BENCH_ROWS', 20_000_000), dir: join(RESULTS, 'big'), keep: KEEP });
} else {
  await runMain();
}

async function runMain(): Promise<void> {
  const ROWS = positiveInteger('BENCH_ROWS', 2_000_000);
  const RUNS = positiveInteger('BENCH_RUNS', 3);
  /** A warm-up this slow is also the only timed run (hyparquet-writer takes tens of seconds). */
  const ONCE_AFTER_S = 5;
  const CHILD_TIMEOUT_S = Math.max(60, Math.ceil((400 * ROWS) / 2_000_000));
  const codecs: WriteCodec[] = ['snappy', 'zstd'];
  const startedAt = performance.now();
  const loadAtStart = loadavg()[0];

  const tables = await readerTables(READER_RESULTS, ROWS / 2_000_000);
  const source = tables.files.find((f) => f.table === 'rec' && f.codec === 'none')!;
  const uncompressed = Object.values(source.uncompressed).reduce((a, b) => a + b, 0);
  const outDir = join(RESULTS, `rows-${ROWS}`);
  mkdirSync(outDir, { recursive: true });

  const streaming = streamingWriteParquet() !== undefined;
  const contenders: Contender[] = [
    { key: 'native', title: 'Parquetry native encodeParquet', writer: 'parquetry-encode', env: { PARQUETRY_BACKEND: 'native' } },
    { key: 'ts', title: 'Parquetry TS encodeParquet', writer: 'parquetry-encode', env: { PARQUETRY_BACKEND: 'ts' }, refuses: ['zstd'] },
    ...(streaming
      ? [
          { key: 'native-write', title: 'Parquetry native writeParquet(path)', writer: 'parquetry-write', env: { PARQUETRY_BACKEND: 'native' } } as Contender,
          { key: 'ts-write', title: 'Parquetry TS writeParquet(path)', writer: 'parquetry-write', env: { PARQUETRY_BACKEND: 'ts' }, refuses: ['zstd'] } as Contender,
        ]
      : []),
    { key: 'hyparquet-writer', title: 'hyparquet-writer', writer: 'hyparquet-writer', env: {}, cannot: { zstd: 'hyparquet-writer ships no zstd compressor' } },
    { key: 'parquet-wasm', title: 'parquet-wasm', writer: 'parquet-wasm', env: {} },
    { key: 'duckdb-1t', title: 'DuckDB COPY 1 thread', writer: 'duckdb', env: {}, threads: 1 },
    { key: 'duckdb-2t', title: 'DuckDB COPY 2 threads', writer: 'duckdb', env: {}, threads: 2 },
  ];

  // What every output must read back as: the source file read by Parquetry, whose label sum is
  // also checked against DuckDB's (the manifest's) so the reference itself is not taken on trust.
  process.stderr.write(`reference digest of ${source.path}...\n`);
  const reference = await digestFile(source.path);
  if (reference.rows !== source.rows || reference.columns.label?.checksum !== String(source.labelSum)) {
    throw new Error(`Parquetry reads the source as ${reference.rows} rows, sum(label) ${reference.columns.label?.checksum}; DuckDB says ${source.rows}, ${source.labelSum}`);
  }

  const results = new Results(uncompressed, source.rows);
  const failures: string[] = [];
  const notes = new Set<string>();
  let arrowBytes: number | undefined;
  let duckVersion: string | undefined;
  for (const codec of codecs) {
    for (const c of contenders) {
      const cannot = c.cannot?.[codec];
      if (cannot) {
        results.set(c.key, codec, { ok: false, why: 'N/A', detail: cannot });
        continue;
      }
      process.stderr.write(`${codec} ${c.key}... `);
      const out = join(outDir, `${c.key}-${codec}.parquet`);
      rmSync(out, { force: true });
      const m = await runWriter({ writer: c.writer, codec, source: source.path, out, threads: c.threads, runs: RUNS, onceAfter: ONCE_AFTER_S }, c.env, CHILD_TIMEOUT_S);
      let outcome: Outcome;
      if (!m.ok) {
        outcome = { ok: false, why: m.unsupported ? 'UNSUPPORTED' : 'ERROR', detail: m.error };
        if (!(m.unsupported && c.refuses?.includes(codec))) failures.push(`${codec} ${c.title}: ${outcome.why}: ${m.error}`);
        else notes.add(`${c.title}, ${codec}: ${m.error}`);
      } else {
        const { errors, notes: typeNotes } = compareDigests(reference, await digestFile(out));
        for (const n of typeNotes) notes.add(`${c.title} output: ${n}`);
        if (errors.length) {
          outcome = { ok: false, why: 'WRONG', detail: errors.join('; ') };
          failures.push(`${codec} ${c.title}: WRONG: ${outcome.detail} (file kept: ${out})`);
        } else outcome = { ok: true, m, footer: await footerFacts(out), notes: [] };
        if (m.backend && !c.env.PARQUETRY_BACKEND?.startsWith(m.backend)) failures.push(`${codec} ${c.title}: ran on backend ${m.backend}, not ${c.env.PARQUETRY_BACKEND}`);
        arrowBytes ??= m.arrowBytes;
        duckVersion ??= m.version;
      }
      results.set(c.key, codec, outcome);
      process.stderr.write(outcome.ok ? `${outcome.m.seconds.toFixed(3)} s, ${(outcome.m.outBytes / 1e6).toFixed(1)} MB, verified\n` : `${outcome.why}\n`);
      if (!KEEP && (outcome.ok || outcome.why !== 'WRONG')) rmSync(out, { force: true });
    }
  }

  duckVersion ??= await (async () => {
    const c = await (await DuckDBInstance.create(':memory:')).connect();
    const v = String((await c.runAndReadAll('SELECT version()')).getRows()[0][0]);
    c.closeSync();
    return v;
  })();
  const versions = JSON.parse(readFileSync(fileURLToPath(new URL('./package.json', import.meta.url)), 'utf8')).devDependencies as Record<string, string>;
  console.log(`Writer, ${platform()}-${arch()}, ${cpus().length} x ${cpus()[0]?.model ?? '?'}, Node ${process.version}; hyparquet-writer ${versions['hyparquet-writer']}, parquet-wasm ${versions['parquet-wasm']}, DuckDB ${duckVersion}`);
  console.log(
    `Table: the reader benchmark's 'rec' table, ${source.rows} rows x ${Object.keys(source.uncompressed).length} columns (2 BIGINT, TIMESTAMP, INT, BOOLEAN, 9 FLOAT of which 3 ~10% null, 2 VARCHAR), ` +
      `read from DuckDB's uncompressed file (${source.rowGroups} row groups).`,
  );
  console.log(
    `MB = ${(uncompressed / 1e6).toFixed(1)} MB for every writer: the sum of total_uncompressed_size over that file's column chunks` +
      `${arrowBytes ? ` (its Arrow buffers in memory: ${(arrowBytes / 1e6).toFixed(1)} MB)` : ''}; MB/s and rows/s per wall second of one write, input in memory to file on disk.`,
  );
  console.log(
    `seconds = best of ${RUNS} timed writes after one warm-up (* = the warm-up took >= ${ONCE_AFTER_S} s and was the one timed run); out/in = output bytes / MB; RGs = row groups written;`,
  );
  console.log(`peak RSS = the writer's child process (input in memory included); +RSS = peak minus RSS once the input was in memory; cores = CPU s / wall s of the best write;`);
  console.log(`prep s = turning the shared Arrow table into the writer's own input, outside the timer (parquet-wasm: Arrow IPC + a WASM table per write; hyparquet-writer: JS arrays).\n`);
  const busy = Math.max(loadAtStart, loadavg()[0]);
  if (busy > cpus().length) console.log(`NOTE: the machine was busy (1-minute load average up to ${busy.toFixed(1)} on ${cpus().length} cores): figures are noisier than usual.\n`);
  printMain(results, contenders, codecs);

  console.log(`
Writers (each with its defaults except the codec):
  Parquetry = encodeParquet(table, { compression }) + one writeFile${streaming ? '; writeParquet(path, table, { compression }) streams to the file' : ''} (1,000,000-row row groups, 20,000-row pages, dictionary, page index, zstd level 3);
  hyparquet-writer = parquetWriteFile({ filename, columnData, schema, codec: 'SNAPPY' }) (row groups of 1,000 then 100,000 rows; its own JS snappy);
  parquet-wasm = writeParquet(wasmTable, WriterPropertiesBuilder().setCompression(..).build()) + one writeFile (arrow-rs: 1,048,576-row row groups, zstd level 1: it has no level setter);
  DuckDB = COPY t TO path (FORMAT parquet, COMPRESSION c) from a DuckDB table loaded before timing, SET threads = 1 or 2 (122,880-row row groups, zstd level 3).`);
  if (!streaming) console.log(`  (writeParquet(path) / createParquetWriter have not landed: only encodeParquet is timed.)`);
  if (notes.size) console.log(`\nNotes:\n  ${[...notes].join('\n  ')}`);
  console.log(`\nEvery output above was read back by Parquetry and matched the source: row count, and per column its null count and a checksum (integer sum, float sum, true count, FNV of string bytes).`);

  console.log(`\nTargets (the issue's; on this machine, ${source.rows} rows):`);
  for (const line of targetLines(results, codecs, streaming ? ['native-write'] : [])) console.log(`  ${line}`);
  if (failures.length) {
    console.log('\nFAILED:');
    for (const f of failures) console.log(`  ${f}`);
    process.exitCode = 1;
  }
  console.log(`\ntotal ${((performance.now() - startedAt) / 1e3).toFixed(0)} s`);
}
