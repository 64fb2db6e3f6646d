// Reader benchmark: DuckDB-written recommendation-sample tables (2M rows of ids, timestamps, a
// label, a boolean, nine float features and two strings; 500k rows of a 32-float embedding list),
// in snappy, zstd and none, read fully and with a 2-column projection by Parquetry native and TS,
// hyparquet, parquet-wasm and DuckDB; and a 10,000-column footer opened with 10 columns read.
// Every measurement runs in a child process of its own (peak RSS and page faults are per
// measurement; PARQUETRY_BACKEND is fixed at load), is checked once (rows, sum(label), list
// values) and is then timed once. Run: pnpm bench:reader (BENCH_QUICK=1: tables 10x smaller;
// BENCH_ONLY=footer: only the 10,000-column footer test).
import { DuckDBInstance } from '@duckdb/node-api';
import { arch, cpus, platform } from 'node:os';
import { fileURLToPath } from 'node:url';
import { cellName, check, type Cell, type ReaderColumn } from './lib/reader-outcome.js';
import { footerTargetLines, printFooter, printMain, printRatios, printResources, targetLines, type FooterRow } from './lib/reader-report.js';
import { runWorker } from './lib/reader-spawn.js';
import { rssFloor } from './lib/rss-floor.js';
import { readerTables, uncompressedBytes } from './lib/reader-tables.js';
import type { FooterName, Job, ReaderName } from './lib/reader-worker.js';

const QUICK = process.env.BENCH_QUICK === '1';
const FOOTER_ONLY = process.env.BENCH_ONLY === 'footer';
const SCALE = QUICK ? 0.1 : 1;
/** A verifying run this slow is also the timed run (hyparquet takes seconds on the full tables). */
const READ_ONCE_AFTER_S = 5;
const CHILD_TIMEOUT_S = QUICK ? 60 : 240;
const FOOTER_MIN_S = QUICK ? 0.5 : 2;
const RESULTS = fileURLToPath(new URL('./results/reader', import.meta.url));

interface Contender extends ReaderColumn {
  reader: ReaderName;
  env: Record<string, string>;
}
const contenders: Contender[] = [
  { key: 'native', title: 'native', reader: 'parquetry', env: { PARQUETRY_BACKEND: 'native' } },
  { key: 'ts', title: 'ts', reader: 'parquetry', env: { PARQUETRY_BACKEND: 'ts' } },
  { key: 'hyparquet', title: 'hyparquet', reader: 'hyparquet', env: {} },
  { key: 'parquet-wasm', title: 'parquet-wasm', reader: 'parquet-wasm', env: {} },
  { key: 'duckdb-1t', title: 'duckdb 1t', reader: 'duckdb-1', env: {} },
  { key: 'duckdb-1t-js', title: 'duckdb 1t+js', reader: 'duckdb-1-js', env: {} },
  { key: 'duckdb', title: 'duckdb', reader: 'duckdb', env: {} },
];
const footerContenders: Array<{ key: string; title: string; reader: FooterName; env: Record<string, string> }> = [
  { key: 'native', title: 'Parquetry native: openParquet + readTable of 10 columns', reader: 'parquetry', env: { PARQUETRY_BACKEND: 'native' } },
  { key: 'ts', title: 'Parquetry TS: openParquet + readTable of 10 columns', reader: 'parquetry', env: { PARQUETRY_BACKEND: 'ts' } },
  { key: 'hyparquet-metadata', title: 'hyparquet parquetMetadata', reader: 'hyparquet-metadata', env: {} },
  { key: 'hyparquet-read', title: 'hyparquet parquetMetadata + parquetReadObjects of 10 columns', reader: 'hyparquet-read', env: {} },
];

const startedAt = performance.now();
const tables = await readerTables(RESULTS, SCALE);
const duckVersion = await (async () => {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const version = String((await c.runAndReadAll('SELECT version()')).getRows()[0][0]);
  c.closeSync();
  return version;
})();

const cells: Cell[] = [];
for (const spec of FOOTER_ONLY ? [] : tables.specs) {
  for (const file of tables.files.filter((f) => f.table === spec.name)) {
    for (const columns of [undefined, spec.projection]) cells.push({ spec, file, columns, bytes: uncompressedBytes(file, columns), outcomes: new Map() });
  }
}

/** Failure text -> the measurements that failed with it (the same error recurs across cells). */
const failures = new Map<string, string[]>();
const fail = (detail: string, where: string) => failures.set(detail, [...(failures.get(detail) ?? []), where]);
for (const cell of cells) {
  for (const c of contenders) {
    process.stderr.write(`${cellName(cell)} ${c.key}... `);
    const job: Job = { mode: 'read', reader: c.reader, path: cell.file.path, columns: cell.columns, listColumn: cell.spec.listColumn, readOnceAfter: READ_ONCE_AFTER_S };
    const outcome = check(cell, await runWorker(job, c.env, CHILD_TIMEOUT_S));
    cell.outcomes.set(c.key, outcome);
    process.stderr.write(outcome.ok ? `${outcome.m.seconds.toFixed(3)} s\n` : `${outcome.why}\n`);
    if (!outcome.ok) fail(`${outcome.why}: ${outcome.detail}`, `${cellName(cell)} ${c.title}`);
  }
}

// The wide file: column c<k> holds row*(k+1); ten columns spread across the schema.
const wideColumns = Array.from({ length: 10 }, (_, i) => `c${Math.round((i * (tables.wide.columns - 1)) / 9)}`);
const wideRowsSum = (tables.wide.rows * (tables.wide.rows - 1)) / 2;
const footer: FooterRow[] = [];
for (const f of footerContenders) {
  process.stderr.write(`footer ${f.key}... `);
  const m = await runWorker({ mode: 'footer', reader: f.reader, path: tables.wide.path, columns: wideColumns, minSeconds: FOOTER_MIN_S }, f.env, CHILD_TIMEOUT_S);
  let outcome: FooterRow['outcome'];
  if (!m.ok) outcome = { ok: false, why: 'ERROR', detail: m.error };
  else if (m.result.rows !== tables.wide.rows || (f.reader !== 'hyparquet-metadata' && m.result.labelSum !== wideColumns.length * wideRowsSum)) {
    outcome = { ok: false, why: 'WRONG', detail: `${m.result.rows} rows (expected ${tables.wide.rows}), column checksum ${m.result.labelSum} (expected ${wideColumns.length * wideRowsSum})` };
  } else outcome = { ok: true, m };
  footer.push({ key: f.key, title: f.title, outcome });
  process.stderr.write(outcome.ok ? `${(outcome.m.seconds * 1e3).toFixed(2)} ms\n` : `${outcome.why}\n`);
  if (!outcome.ok) fail(`${outcome.why}: ${outcome.detail}`, `footer ${f.key}`);
}
const footerHeading = `\n${tables.wide.columns}-column file: ${tables.wide.rowGroups} row groups x ${tables.wide.rows / tables.wide.rowGroups} rows, INT32, footer ${(tables.wide.footerBytes / 1e6).toFixed(2)} MB; 10 columns ${wideColumns.join(', ')}; from memory; mean of >= 5 runs over >= ${FOOTER_MIN_S} s`;
if (FOOTER_ONLY) {
  console.log(`Reader footer test, ${platform()}-${arch()}, ${cpus().length} x ${cpus()[0]?.model ?? '?'}, Node ${process.version}${footerHeading}`);
  printFooter(footer);
  console.log('\ntargets:');
  for (const line of footerTargetLines(footer)) console.log(`  ${line}`);
  process.exit(failures.size ? 1 : 0);
}

const anyDuck = cells.map((c) => c.outcomes.get('duckdb')).find((o) => o?.ok);
const threads = anyDuck?.ok ? anyDuck.m.threads : undefined;
for (const c of contenders) if (c.key === 'duckdb') c.title = `duckdb ${threads ?? '?'}t`;

const describeFile = (name: string) =>
  tables.files
    .filter((f) => f.table === name)
    .map((f) => `${f.codec} ${(f.fileBytes / 1e6).toFixed(1)} MB`)
    .join(', ');
console.log(`Reader, ${platform()}-${arch()}, ${cpus().length} x ${cpus()[0]?.model ?? '?'}, Node ${process.version}, DuckDB ${duckVersion}${QUICK ? ' (BENCH_QUICK: tables 10x smaller)' : ''}`);
for (const spec of tables.specs) {
  const f = tables.files.find((x) => x.table === spec.name)!;
  console.log(`  ${spec.name}: ${f.rows} rows in ${f.rowGroups} row groups; files ${describeFile(spec.name)}; 2-column projection ${spec.projection.join(' + ')}`);
}
console.log(`MB = uncompressed MB read (sum of total_uncompressed_size of the chunks read); MB/s and rows/s per wall second of one read;`);
console.log(`RSS MB = peak RSS of the measuring process; * = the verifying run was the timed run (it took >= ${READ_ONCE_AFTER_S} s); otherwise the median of up to 5 timed runs (fewer past 3 s) after one verifying run.\n`);
printMain(cells, contenders);

console.log(`\nResources of the timed read: kfaults = minor page faults (thousands; +N maj = major), cores = CPU seconds / wall seconds,`);
console.log(`+RSS = peak RSS minus RSS before the first read (MB); batch MB = Parquetry's largest Arrow batch (one row group)`);
printResources(cells, contenders);

const wasmPhases = cells.flatMap((cell) => {
  const o = cell.outcomes.get('parquet-wasm');
  return o?.ok && o.m.phases ? [`${cellName(cell)} ${Object.entries(o.m.phases).map(([k, v]) => `${k} ${(v * 1e3).toFixed(0)} ms`).join(', ')}`] : [];
});
if (wasmPhases.length) console.log(`\nparquet-wasm phases of the timed read:\n  ${wasmPhases.join('\n  ')}`);

console.log('\nSpeed ratios (MB/s over MB/s)');
printRatios(cells, contenders);

console.log(footerHeading);
printFooter(footer);

console.log(`
Readers: Parquetry = openParquet(fileSource(path)) + for await readArrow(file, { columns }) (one Arrow RecordBatch per row group, dropped after counting);
hyparquet 1.33.0 = parquetRead({ file: asyncBufferFromFile(path), columns, compressors (hyparquet-compressors 1.1.2), onChunk }): decoded column arrays, no row objects;
parquet-wasm 0.8.0 = readFile + readParquet(bytes, { columns }) + tableFromIPC(table.intoIPCStream()) into a JS Arrow Table (whole file in memory);
DuckDB (node-api, no Arrow output) = SELECT with every data chunk fetched: 'duckdb 1t' streams and leaves values in DuckDB's vectors,
'duckdb 1t+js' streams and reads every value into JS (chunk.getColumns()), 'duckdb ${threads ?? '?'}t' (its default) materializes the whole result,
as a streamed one runs on one core.`);

const reference = cells.find((c) => c.spec.name === 'rec' && c.file.codec === 'snappy' && !c.columns)!;
console.log(`\ntargets (the issue's; speed targets on the ${reference.file.rows}-row snappy table read fully, the median of the timed runs):`);
for (const line of targetLines(cells, reference, footer)) console.log(`  ${line}`);
{
  // What the RSS targets are measured against: the same growth for a process that reads nothing.
  const native = reference.outcomes.get('native');
  const batch = native?.ok ? native.m.result.maxBatchBytes : undefined;
  if (batch) {
    const batches = reference.file.rowGroups * 6; // a verifying read and up to 5 timed ones
    const grow = rssFloor(batch, batches);
    console.log(
      `  (floor, not a reader) a process that only allocates, writes and drops one ${(batch / 1e6).toFixed(1)} MB batch of typed arrays ` +
        `${batches} times: +${(grow / 1e6).toFixed(0)} MB = ${(grow / batch).toFixed(1)}x (bench/lib/rss-floor.ts)`,
    );
  }
}

if (failures.size) {
  console.log('\nFAILED (these cells are ERROR/WRONG above and were not timed); each failure, then where it happened:');
  for (const [detail, where] of failures) console.log(`  ${detail}\n    in ${where.join(', ')}`);
  process.exitCode = 1;
}
console.log(`\ntotal ${((performance.now() - startedAt) / 1e3).toFixed(0)} s`);
