// `parquetry convert IN OUT [options]`: Parquet -> Parquet (re-encoded, recompressed), CSV / JSON
// lines / Arrow IPC -> Parquet (or Arrow IPC), Parquet -> CSV / JSON lines / Arrow IPC. Everything
// streams in batches; the output appears under its name only when complete.
import { readFile, stat } from 'node:fs/promises';
import type { CompressionCodecName } from '@parquetry/core';
import { fileSource, openParquet, readArrow, type ParquetFile, type WriteOptions } from '@parquetry/parquet';
import type { RecordBatch, Schema } from 'apache-arrow';
import { cat } from './cat.js';
import { compressionCodecName } from './codec-name.js';
import { parseConvertArgs, type ConvertArgs } from './convert-args.js';
import { ipcInput, IpcOutput } from './convert-ipc.js';
import { AtomicFile } from './convert-output.js';
import { parquetOutput, type BatchSink } from './convert-parquet-out.js';
import { progressBar, type Progress } from './convert-progress.js';
import { csvSource, jsonlSource } from './convert-rows.js';
import { parseSchemaJson } from './convert-schema.js';

export const CONVERT_USAGE = `  parquetry convert IN OUT [--from F] [--to F] [--compression C] [--level N] [--page-version 1|2]
                    [--row-group-size N] [--encoding COLUMN=ENCODING ...] [--schema SCHEMA.json]
    formats (F): parquet, csv, jsonl, arrow; guessed from .parquet .csv .jsonl .ndjson .arrow .arrows (stream) .ipc
    Parquet -> Parquet keeps the codec unless --compression says; CSV/JSON lines -> Parquet infers the
    schema from the first 1000 rows unless --schema gives it: {"fields": [{"name": "id", "type": "int64",
    "nullable": false}, {"name": "tags", "type": {"list": "utf8"}}, {"name": "at", "type": "timestamp[us, UTC]"},
    {"name": "p", "type": {"struct": [{"name": "x", "type": "float64"}]}}]}; types: bool, int8..int64,
    uint8..uint64, float32, float64, utf8, json, date32, timestamp[s|ms|us|ns(, UTC)], list, struct`;

const BATCH_ROWS = 65_536;

/** The codec every column chunk of `file` uses, if they agree. */
function sourceCodec(file: ParquetFile): CompressionCodecName | undefined {
  const codecs = new Set(file.metadata.row_groups.flatMap((g) => Array.from(g.columns, (c) => c.meta_data?.codec)));
  if (codecs.size !== 1) return undefined;
  const [codec] = codecs;
  return codec === undefined ? undefined : (compressionCodecName(codec) as CompressionCodecName);
}

/** Write options for re-encoding `file`: its codec, its key/value metadata, INT96 kept as INT96. */
function rewriteOptions(file: ParquetFile, given: WriteOptions): WriteOptions {
  const keyValueMetadata: Record<string, string> = {};
  for (const [key, value] of file.keyValueMetadata) if (value !== undefined && key !== 'ARROW:schema') keyValueMetadata[key] = value;
  const leaves = file.schema.leaves;
  const int96 = leaves.some((l) => l.physicalType === 'INT96') && !leaves.some((l) => l.logicalType?.TIMESTAMP?.unit?.NANOS);
  return {
    ...(sourceCodec(file) ? { compression: sourceCodec(file) } : {}),
    ...(Object.keys(keyValueMetadata).length ? { keyValueMetadata } : {}),
    ...(int96 ? { int96Timestamps: true } : {}),
    ...given,
  };
}

async function ipcSink(path: string, schema: Schema, stream: boolean): Promise<BatchSink> {
  const file = await AtomicFile.create(path);
  const ipc = new IpcOutput(file, schema, stream);
  return {
    write: (batch) => ipc.write(batch),
    async close() {
      await ipc.close();
      await file.commit();
    },
    abort: () => file.abort(),
  };
}

/** Set by SIGINT or SIGTERM: the conversion stops at the next batch and removes its partial output. */
let interrupted: string | undefined;

function checkInterrupt(): void {
  if (interrupted) throw new Error(`interrupted by ${interrupted}; no output written`);
}

async function pump(batches: AsyncIterable<RecordBatch>, sink: BatchSink, after?: (rows: number) => void): Promise<number> {
  let rows = 0;
  try {
    for await (const batch of batches) {
      checkInterrupt();
      await sink.write(batch);
      rows += batch.numRows;
      after?.(batch.numRows);
    }
    checkInterrupt();
    await sink.close();
  } catch (error) {
    await sink.abort(error).catch(() => undefined);
    throw error;
  }
  return rows;
}

async function fromParquet(args: ConvertArgs, progress: Progress): Promise<number> {
  const source = await fileSource(args.input);
  try {
    const text = args.to === 'csv' || args.to === 'jsonl';
    // For text, INT96 stays raw so cat formats it exactly, whatever its range.
    const file = await openParquet(source, text ? { int96Unit: 'raw' } : {});
    if (text) {
      const out = await AtomicFile.create(args.output);
      try {
        const rows = await cat(file, { format: args.to as 'csv' | 'jsonl', batchSize: BATCH_ROWS }, async (chunk) => {
          checkInterrupt();
          await out.writeText(chunk);
          progress.set(source.bytesRead);
        });
        await out.commit();
        return rows;
      } catch (error) {
        await out.abort();
        throw error;
      }
    }
    const batches = readArrow(file, { batchSize: BATCH_ROWS });
    const sink = args.to === 'parquet' ? await parquetOutput(args.output, file.arrowSchema, rewriteOptions(file, args.write)) : await ipcSink(args.output, file.arrowSchema, args.ipcStream);
    // Progress by rows done: the reader fetches a whole row group's bytes before decoding it.
    const total = Number(file.metadata.num_rows) || 1;
    let done = 0;
    return await pump(batches, sink, (rows) => progress.set(source.size * ((done += rows) / total)));
  } finally {
    await source.close();
  }
}

async function fromBatches(args: ConvertArgs, progress: Progress): Promise<number> {
  const onBytes = (n: number) => progress.add(n);
  let input: { schema: Schema; batches: AsyncGenerator<RecordBatch> };
  if (args.from === 'arrow') input = await ipcInput(args.input, onBytes);
  else {
    const explicit = args.schemaFile === undefined ? undefined : parseSchemaJson(await readFile(args.schemaFile, 'utf8'));
    input = await (args.from === 'csv' ? csvSource : jsonlSource)(args.input, explicit, { onBytes, batchRows: BATCH_ROWS });
  }
  const sink = args.to === 'parquet' ? await parquetOutput(args.output, input.schema, args.write) : await ipcSink(args.output, input.schema, args.ipcStream);
  return pump(input.batches, sink);
}

/** Runs `parquetry convert` with the arguments after `convert`; reports on `log` (stderr). */
export async function convert(argv: readonly string[], log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Promise<void> {
  if (argv.length === 0 || argv.includes('--help')) {
    process.stdout.write(`usage:\n${CONVERT_USAGE}\n`);
    return;
  }
  const args = parseConvertArgs(argv);
  const { size } = await stat(args.input);
  const started = performance.now();
  const progress = progressBar(size);
  // A first signal stops at the next batch and cleans up; a second one exits at once.
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) process.exit(130);
    interrupted = signal;
  };
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  let rows: number;
  try {
    rows = args.from === 'parquet' ? await fromParquet(args, progress) : await fromBatches(args, progress);
  } finally {
    progress.end();
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  }
  const { size: written } = await stat(args.output);
  log(`parquetry: converted ${rows} rows, ${args.from} ${size} bytes -> ${args.to} ${written} bytes (${args.output}) in ${((performance.now() - started) / 1000).toFixed(2)} s`);
}

