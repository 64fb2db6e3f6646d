// The streaming writer: batches (or rows) come in, row groups go out to the sink as soon as
// `rowGroupSize` rows or `rowGroupBytes` bytes of Arrow data are buffered, so memory stays near one
// row group of input plus its encoded bytes. A failure aborts the sink (a file sink removes its
// temporary file) and leaves the writer closed.
import { ParquetryError } from '@parquetry/core';
import { RecordBatch, Table, type Data, type Schema } from 'apache-arrow';
import { concatBytes } from '../util/concat.js';
import { ParquetFileEncoder } from './file-encoder.js';
import { rowsToBatch, type Row } from './rows.js';
import type { ParquetSink } from './sink.js';
import { DEFAULT_ROW_GROUP_BYTES, DEFAULT_ROW_GROUP_SIZE, type WriteOptions } from './write-options.js';

export type WriterInput = Table | RecordBatch | readonly Row[];

function dataBytes(data: Data): number {
  let n = 0;
  for (const buffer of [data.values, data.valueOffsets, data.nullBitmap, data.typeIds] as Array<ArrayBufferView | undefined>) n += buffer?.byteLength ?? 0;
  for (const child of data.children) n += dataBytes(child);
  return n;
}

function sameFields(a: Schema, b: Schema): boolean {
  return a.fields.length === b.fields.length && a.fields.every((f, i) => f.name === b.fields[i].name && f.nullable === b.fields[i].nullable && String(f.type) === String(b.fields[i].type));
}

export class ParquetWriter {
  readonly schema: Schema;
  private readonly encoder: ParquetFileEncoder;
  private readonly sink: ParquetSink;
  private readonly rowGroupSize: number;
  private readonly rowGroupBytes: number;
  private pending: RecordBatch[] = [];
  private pendingRows = 0;
  private pendingBytes = 0;
  private state: 'open' | 'closed' | 'failed' = 'open';
  private started = false;
  /** Calls run one after another, in order, whether or not the caller awaits each. */
  private queue: Promise<void> = Promise.resolve();

  constructor(sink: ParquetSink, schema: Schema, options: WriteOptions = {}) {
    this.sink = sink;
    this.schema = schema;
    this.encoder = new ParquetFileEncoder(schema, options);
    this.rowGroupSize = options.rowGroupSize ?? DEFAULT_ROW_GROUP_SIZE;
    this.rowGroupBytes = options.rowGroupBytes ?? DEFAULT_ROW_GROUP_BYTES;
  }

  get rowsWritten(): number {
    return this.encoder.rowsWritten;
  }

  get bytesWritten(): number {
    return this.encoder.bytesWritten;
  }

  write(input: WriterInput): Promise<void> {
    return this.enqueue(async () => {
      for (const batch of this.batchesOf(input)) {
        if (batch.numRows === 0) continue;
        this.pending.push(batch);
        this.pendingRows += batch.numRows;
        this.pendingBytes += dataBytes(batch.data);
        while (this.pendingRows >= this.rowGroupSize || (this.pendingBytes >= this.rowGroupBytes && this.pendingRows > 0)) {
          await this.flush(Math.min(this.rowGroupSize, this.pendingRows));
        }
      }
    });
  }

  close(): Promise<void> {
    return this.enqueue(async () => {
      if (this.pendingRows > 0) await this.flush(this.pendingRows);
      await this.begin();
      await this.emit(this.encoder.finish());
      this.state = 'closed';
      await this.sink.close();
    });
  }

  /** Stops writing and discards what the sink holds. */
  async abort(reason?: unknown): Promise<void> {
    if (this.state !== 'open') return;
    this.state = 'failed';
    this.pending = [];
    await this.sink.abort(reason);
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    const run = this.queue.then(async () => {
      if (this.state !== 'open') throw new ParquetryError('INVALID_ARGUMENT', `the writer is ${this.state === 'closed' ? 'closed' : 'aborted after an error'}`);
      try {
        await step();
      } catch (error) {
        await this.abort(error).catch(() => undefined);
        throw error;
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private batchesOf(input: WriterInput): RecordBatch[] {
    if (Array.isArray(input)) return input.length ? [rowsToBatch(this.schema, input as readonly Row[])] : [];
    const batches = input instanceof Table ? input.batches : input instanceof RecordBatch ? [input] : undefined;
    if (!batches) throw new ParquetryError('INVALID_ARGUMENT', 'write() takes an Arrow Table, a RecordBatch or an array of row objects');
    for (const batch of batches) {
      if (!sameFields(batch.schema, this.schema)) throw new ParquetryError('INVALID_ARGUMENT', `a batch's schema (${batch.schema.fields.join(', ')}) differs from the writer's (${this.schema.fields.join(', ')})`);
    }
    return batches;
  }

  /** Writes the first `rows` pending rows as one row group. */
  private async flush(rows: number): Promise<void> {
    const take: RecordBatch[] = [];
    let need = rows;
    while (need > 0) {
      const batch = this.pending[0];
      if (batch.numRows <= need) {
        take.push(batch);
        this.pending.shift();
        need -= batch.numRows;
      } else {
        take.push(batch.slice(0, need));
        this.pending[0] = batch.slice(need);
        need = 0;
      }
    }
    this.pendingRows -= rows;
    this.pendingBytes = this.pending.reduce((s, b) => s + dataBytes(b.data), 0);
    await this.begin();
    await this.emit(this.encoder.rowGroup(take));
  }

  private async begin(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.sink.write(this.encoder.start());
  }

  private async emit(parts: Uint8Array[]): Promise<void> {
    // One write per ~8 MiB, not per page.
    let group: Uint8Array[] = [];
    let size = 0;
    for (const part of parts) {
      group.push(part);
      size += part.length;
      if (size >= 8 << 20) {
        await this.sink.write(concatBytes(group));
        group = [];
        size = 0;
      }
    }
    if (group.length) await this.sink.write(concatBytes(group));
  }
}
