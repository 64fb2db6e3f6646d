// Lookup benchmark (issue 6): point and range lookups on a table sorted by id (50M rows: id int64
// 0..N-1, ts timestamp[us], value double, tag a 7-value string), written by Parquetry and by
// pyarrow (row groups of 1M rows, page indexes), read by Parquetry (native and TS backends),
// hyparquet (usePageIndex + useOffsetIndex), DuckDB and parquet-wasm. Each lookup opens the file
// afresh; latency (median), bytes read from the file and rows are per lookup; every result is
// checked (ids and values). Each (reader, file, query) runs in a child process of its own, after
// the file is read through once (every reader starts with all of it in the page cache).
// Run: npx tsx lookup.bench.ts (BENCH_QUICK=1: 5M rows). Needs the venv: bash scripts/setup-venv.sh
import { arch, cpus, platform } from 'node:os';
import { fileURLToPath } from 'node:url';
import { rng } from './lib/measure.js';
import { printLookups, targetLines, type Contender, type Kind, type LookupCell } from './lib/lookup-report.js';
import { runCell } from './lib/lookup-spawn.js';
import { lookupTables } from './lib/lookup-tables.js';
import { warmPageCache } from './lib/page-cache.js';
import type { LookupReader } from './lib/lookup-worker.js';

const QUICK = process.env.BENCH_QUICK === '1';
const ROWS = QUICK ? 5_000_000 : 50_000_000;
const KEYS = 20;
/** Timing of one cell stops after this many seconds (parquet-wasm reads the whole file each time). */
const CELL_BUDGET_S = QUICK ? 3 : 8;
const MIN_LOOKUPS = 3;
const CHILD_TIMEOUT_S = 240;
const RESULTS = fileURLToPath(new URL('./results/lookup', import.meta.url));

const kinds: Kind[] = [
  { key: 'point', title: 'id = k', span: 0 },
  { key: 'range-1k', title: 'k..k+1000', span: 1000 },
  { key: 'range-100k', title: 'k..k+100000', span: 100_000 },
];
const contenders: Array<Contender & { reader: LookupReader; env: Record<string, string> }> = [
  { key: 'native', title: 'parquetry native', reader: 'parquetry', env: { PARQUETRY_BACKEND: 'native' } },
  { key: 'ts', title: 'parquetry ts', reader: 'parquetry', env: { PARQUETRY_BACKEND: 'ts' } },
  // The same reads through fileSource(path, { syncReads: true }): no thread-pool round trip per file call.
  { key: 'native-sync', title: 'parquetry native syncReads', reader: 'parquetry', env: { PARQUETRY_BACKEND: 'native', LOOKUP_SYNC_READS: '1' } },
  { key: 'ts-sync', title: 'parquetry ts syncReads', reader: 'parquetry', env: { PARQUETRY_BACKEND: 'ts', LOOKUP_SYNC_READS: '1' } },
  { key: 'hyparquet', title: 'hyparquet', reader: 'hyparquet', env: {} },
  { key: 'duckdb', title: 'duckdb', reader: 'duckdb', env: {} },
  { key: 'parquet-wasm', title: 'parquet-wasm', reader: 'parquet-wasm', env: {} },
];

const startedAt = performance.now();
const tables = await lookupTables(RESULTS, ROWS);
const cells: LookupCell[] = [];
const failures: string[] = [];
for (const file of tables.files) {
  // The same keys for every reader and query kind of a file; k + 100000 stays inside the table.
  const random = rng(6);
  const keys = Array.from({ length: KEYS + 1 }, () => Math.floor(random() * (file.rows - kinds[2].span)));
  for (const kind of kinds) {
    const cell: LookupCell = { file, kind, results: new Map() };
    cells.push(cell);
    for (const c of contenders) {
      process.stderr.write(`${file.writer} ${kind.key} ${c.key}... `);
      const ranges = keys.map((k) => [k, k + kind.span] as [number, number]);
      const job = { reader: c.reader, path: file.path, rows: file.rows, ranges, budgetSeconds: CELL_BUDGET_S, minLookups: MIN_LOOKUPS };
      warmPageCache(file.path);
      const result = await runCell(job, c.env, CHILD_TIMEOUT_S);
      cell.results.set(c.key, result);
      const where = `${file.writer} ${kind.title} ${c.title}`;
      if (!result.ok) failures.push(`${where}: ERROR ${result.error}`);
      else if (result.wrong.length) failures.push(`${where}: WRONG ${result.wrong.slice(0, 3).join('; ')}${result.wrong.length > 3 ? ` (+${result.wrong.length - 3} more)` : ''}`);
      else if (c.reader === 'parquetry' && result.backend !== c.env.PARQUETRY_BACKEND) failures.push(`${where}: backend ${result.backend}, asked for ${c.env.PARQUETRY_BACKEND}`);
      process.stderr.write(result.ok ? `${result.lookups.length} lookups${result.wrong.length ? ' WRONG' : ''}\n` : 'ERROR\n');
    }
  }
}

console.log(`Lookups, ${platform()}-${arch()}, ${cpus().length} x ${cpus()[0]?.model ?? '?'}, Node ${process.version}${QUICK ? ' (BENCH_QUICK: 5M rows)' : ''}`);
for (const f of tables.files) {
  console.log(`  ${f.writer}: ${f.rows} rows, ${f.rowGroups} row groups, ${(f.fileBytes / 1e6).toFixed(1)} MB, page index ${f.pageIndex ? 'on every chunk' : 'MISSING'}, written in ${f.writeSeconds.toFixed(1)} s`);
}
if (tables.parquetryFailures.length) console.log(`  Parquetry's encodeParquet failed first at: ${tables.parquetryFailures.join('; ')}`);
console.log(`ms = median latency of one lookup (open + footer + query); bytes = median bytes read from the file per lookup; rows = median rows returned;`);
console.log(`n = lookups timed (of ${KEYS} keys, timing stops after ${CELL_BUDGET_S} s once ${MIN_LOOKUPS} are done), after one verifying warm-up; every result checked (ids lo..hi once each, value);\n  before each cell the file is read through once, so every reader starts with all of it in the page cache.\n`);
printLookups(cells, contenders);

console.log(`
Readers: parquetry = openParquet(fileSource(path)) + readArrow(file, { filter: eq('id', k) | between('id', lo, hi) }), bytes = source.bytesRead;
  syncReads: fileSource(path, { syncReads: true }) (open, read and close with synchronous calls; blocks the event loop while each runs);
hyparquet 1.33.0 = parquetReadObjects({ file, filter: { id: { $eq } | { $gte, $lte } }, usePageIndex: true, useOffsetIndex: true, compressors }),
  bytes counted by wrapping asyncBufferFromFile's slice;
duckdb (node-api) = SELECT * FROM read_parquet(path) WHERE id = k | id BETWEEN lo AND hi, one instance per process, default threads;
  bytes = the process's /proc/self/io rchar before/after the query (every read/pread, page-cached or not);
parquet-wasm 0.8.0 = readFile (the whole file: bytes = file size) + readParquet(bytes, { rowGroups }) + filter in JS; it has no predicate and no
  statistics, so the row groups are chosen from their row counts knowing that id = row position (a favour the others do not get).`);

console.log(`\ntargets (the issue's, on point lookups):`);
const peers = contenders.filter((c) => c.reader !== 'parquetry');
for (const p of contenders.filter((c) => c.reader === 'parquetry')) for (const line of targetLines(cells, p, peers)) console.log(`  ${line}`);

if (failures.length) {
  console.log('\nFAILED (ERROR/WRONG above, not counted):');
  for (const f of failures) console.log(`  ${f}`);
  process.exitCode = 1;
}
console.log(`\ntotal ${((performance.now() - startedAt) / 1e3).toFixed(0)} s`);
