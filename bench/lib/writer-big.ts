// The writer benchmark's streaming-memory run (BENCH_BIG=1 or --big): a 20M-row table (BENCH_ROWS)
// generated in 65,536-row batches and written by createParquetWriter with 1,000,000-row row
// groups, on each backend in a process of its own; peak RSS set against the largest encoded row
// group in the written footer, after subtracting what the generator alone needs (a dry run that
// loads the same modules and writes nothing).
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { printTable } from './measure.js';
import type { BigMeasurement } from './writer-big-worker.js';
import { runBigWriter } from './writer-spawn.js';
import { columnTotal, footerFacts, type FooterFacts } from './writer-verify.js';

const BATCH_ROWS = 65_536;
const ROW_GROUP_SIZE = 1_000_000;
const TIMEOUT_S = 600;
const MB = 1e6;

export async function runBigMode({ rows, dir, keep }: { rows: number; dir: string; keep: boolean }): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const job = { rows, batchRows: BATCH_ROWS, rowGroupSize: ROW_GROUP_SIZE, codec: 'snappy' as const, dryRun: false };
  process.stderr.write(`generator alone (${rows} rows)... `);
  const dry = await runBigWriter({ ...job, out: join(dir, 'dry-run.parquet'), dryRun: true }, {}, TIMEOUT_S);
  process.stderr.write(dry.ok ? `${dry.seconds.toFixed(1)} s, peak RSS ${(dry.maxRss / MB).toFixed(0)} MB\n` : `${dry.error}\n`);

  const failures: string[] = [];
  const rowsOut: string[][] = [];
  let unavailable: string | undefined;
  for (const backend of ['native', 'ts']) {
    const out = join(dir, `big-${backend}.parquet`);
    rmSync(out, { force: true });
    process.stderr.write(`${backend}: writing ${rows} rows... `);
    const m: BigMeasurement = await runBigWriter({ ...job, out }, { PARQUETRY_BACKEND: backend }, TIMEOUT_S);
    if (!m.ok) {
      process.stderr.write(`${m.error}\n`);
      if (m.unavailable) {
        unavailable = m.error;
        break;
      }
      failures.push(`${backend}: ${m.error}`);
      rowsOut.push([backend, 'ERROR', ...Array(9).fill('-')]);
      continue;
    }
    process.stderr.write(`${m.seconds.toFixed(1)} s; verifying... `);
    let footer: FooterFacts | undefined;
    try {
      footer = await footerFacts(out);
      const total = await columnTotal(out, 'label');
      if (total.rows !== m.rows || total.sum !== m.labelSum) failures.push(`${backend}: reads back ${total.rows} rows, sum(label) ${total.sum}; wrote ${m.rows}, ${m.labelSum} (file kept: ${out})`);
      else if (!keep) rmSync(out, { force: true });
      process.stderr.write('done\n');
    } catch (error) {
      failures.push(`${backend}: reading the output back failed: ${String(error)} (file kept: ${out})`);
    }
    if (!footer) continue;
    const generator = dry.ok ? dry.maxRss : m.baseRss;
    const k = (m.maxRss - generator) / footer.maxRowGroupCompressed;
    rowsOut.push([
      `${backend}${m.backend && m.backend !== backend ? ` (ran ${m.backend})` : ''}`,
      `${m.seconds.toFixed(1)}s`,
      (rows / m.seconds / 1e6).toFixed(2) + 'M',
      ((m.bytesWritten ?? 0) / MB).toFixed(0),
      String(footer.rowGroups),
      (footer.maxRowGroupCompressed / MB).toFixed(1),
      (footer.maxRowGroupUncompressed / MB).toFixed(1),
      (m.maxRss / MB).toFixed(0),
      (generator / MB).toFixed(0),
      ((m.maxRss - generator) / MB).toFixed(0),
      `${k.toFixed(1)}x`,
    ]);
  }

  console.log(`Streaming writer memory: ${rows} rows of the 'rec' columns generated in ${BATCH_ROWS}-row batches (one batch = ${dry.ok ? (dry.batchArrowBytes / MB).toFixed(1) : '?'} MB of Arrow),`);
  console.log(`createParquetWriter(path, schema, { compression: 'SNAPPY', rowGroupSize: ${ROW_GROUP_SIZE} }).write(batch) per batch, then close(); one child process per backend.`);
  if (unavailable) {
    console.log(`\nNOT RUN: ${unavailable}. This mode is coded against docs/writer-api (createParquetWriter) and runs once it is exported.`);
    return;
  }
  console.log(`seconds = generating and writing every batch, then close() (the generator alone took ${dry.ok ? dry.seconds.toFixed(1) : '?'} s);`);
  console.log(`RG MB = the largest row group: sum of its chunks' total_compressed_size (encoded) and its total_byte_size (uncompressed); peak RSS of the writing process;`);
  console.log(`generator = peak RSS of a process that loads the same modules, makes the same batches and drops them; k = (peak - generator) / largest encoded row group.\n`);
  printTable(['backend', 'seconds', 'rows/s', 'out MB', 'RGs', 'RG MB encoded', 'RG MB uncompr.', 'peak RSS MB', 'generator MB', 'writer MB', 'k'], rowsOut, 1);
  console.log('');
  for (const r of rowsOut) if (r[10]) console.log(`${r[0]}: peak memory of the writer ≈ ${r[10].replace('x', '')} x one encoded row group (${r[5]} MB), over what the batches alone take.`);
  if (failures.length) {
    console.log('\nFAILED:');
    for (const f of failures) console.log(`  ${f}`);
    process.exitCode = 1;
  }
}
