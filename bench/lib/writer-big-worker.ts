// The writer benchmark's streaming-memory run, in a process of its own: a large table generated
// batch by batch (writer-rows.ts; never whole in memory) and handed to createParquetWriter(path,
// schema, { rowGroupSize }) one batch at a time, then closed. With `dryRun`, the batches are
// generated and dropped: the RSS the generator alone needs. Reads a BigJob from argv[2]; prints
// `RESULT <BigMeasurement JSON>` as its last line.
import type { RecordBatch, Schema } from 'apache-arrow';
import type { WriteCodec } from './writer-contract.js';
import { recBatch, recSchema } from './writer-rows.js';

export interface BigJob {
  rows: number;
  batchRows: number;
  rowGroupSize: number;
  codec: WriteCodec;
  out: string;
  dryRun: boolean;
}

export type BigMeasurement =
  | {
      ok: true;
      seconds: number;
      rows: number;
      labelSum: number;
      /** RSS before the first batch, the process's peak RSS, and the peak of RSS sampled after each write (bytes). */
      baseRss: number;
      maxRss: number;
      sampledMaxRss: number;
      /** Arrow bytes of one generated batch. */
      batchArrowBytes: number;
      rowsWritten?: number;
      bytesWritten?: number;
      backend?: string;
    }
  | { ok: false; error: string; unavailable?: boolean };

/** The streaming writer as docs/writer-api describes it; typed here so this file compiles before it lands. */
interface StreamingWriter {
  write(data: RecordBatch): Promise<void>;
  close(): Promise<void>;
  abort(reason?: unknown): Promise<void>;
  readonly rowsWritten: number;
  readonly bytesWritten: number;
}
type CreateParquetWriter = (sink: string, schema: Schema, options?: { compression?: string; rowGroupSize?: number }) => StreamingWriter;

async function measure(job: BigJob): Promise<BigMeasurement> {
  let writer: StreamingWriter | undefined;
  let backend: string | undefined;
  // The dry run loads the same modules (code and their heap are not row-group memory), then writes nothing.
  const api = (await import('@parquetry/parquet')) as unknown as { createParquetWriter?: CreateParquetWriter };
  backend = (await import('@parquetry/core')).backend(); // loads the native addon when it is in force
  if (!job.dryRun) {
    if (typeof api.createParquetWriter !== 'function') return { ok: false, unavailable: true, error: 'createParquetWriter is not exported yet (the streaming writer has not landed)' };
    writer = api.createParquetWriter(job.out, recSchema, { compression: job.codec === 'zstd' ? 'ZSTD' : 'SNAPPY', rowGroupSize: job.rowGroupSize });
  }
  const { arrowBytes } = await import('./reader-result.js');
  const baseRss = process.memoryUsage().rss;
  let sampledMaxRss = baseRss;
  let labelSum = 0;
  let batchArrowBytes = 0;
  const t0 = performance.now();
  try {
    for (let start = 0; start < job.rows; start += job.batchRows) {
      const made = recBatch(start, Math.min(job.batchRows, job.rows - start));
      labelSum += made.labelSum;
      batchArrowBytes = Math.max(batchArrowBytes, arrowBytes(made.batch.data));
      if (writer) await writer.write(made.batch);
      sampledMaxRss = Math.max(sampledMaxRss, process.memoryUsage().rss);
    }
    await writer?.close();
  } catch (error) {
    await writer?.abort(error).catch(() => undefined);
    throw error;
  }
  return {
    ok: true,
    seconds: (performance.now() - t0) / 1e3,
    rows: job.rows,
    labelSum,
    baseRss,
    maxRss: process.resourceUsage().maxRSS * 1024,
    sampledMaxRss,
    batchArrowBytes,
    rowsWritten: writer?.rowsWritten,
    bytesWritten: writer?.bytesWritten,
    backend,
  };
}

const job = JSON.parse(process.argv[2] ?? '{}') as BigJob;
let measurement: BigMeasurement;
try {
  measurement = await measure(job);
} catch (error) {
  measurement = { ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}
console.log(`RESULT ${JSON.stringify(measurement)}`);
