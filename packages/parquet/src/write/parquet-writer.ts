// The streaming writer: batches (or rows) come in and are encoded into pages at once; a row group
// goes out to the sink as soon as it holds `rowGroupSize` rows or `rowGroupBytes` bytes of encoded
// pages, so memory stays near one row group of encoded data plus the batch in hand. A failure
// aborts the sink (a file sink removes its temporary file) and leaves the writer closed.
import { ParquetryError } from '@parquetry/core';
import { RecordBatch, Table, type Schema } from 'apache-arrow';
import { concatBytes } from '../util/concat.js';
import { ParquetFileEncoder } from './file-encoder.js';
import { rowsToBatch, type Row } from './rows.js';
import type { ParquetSink } from './sink.js';
import { DEFAULT_ROW_GROUP_BYTES, DEFAULT_ROW_GROUP_SIZE, type WriteOptions } from './write-options.js';

export type WriterInput = Table | RecordBatch | readonly Row[];

function sameFields(a: Schema, b: Schema): boolean {
  return a.fields.length === b.fields.length && a.fields.every((f, i) => f.name === b.fields[i].name && f.nullable === b.fields[i].nullable && String(f.type) === String(b.fields[i].type));
}

export class ParquetWriter {
  readonly schema: Schema;
  private readonly encoder: ParquetFileEncoder;
  private readonly sink: ParquetSink;
  private readonly rowGroupSize: number;
  private readonly rowGroupBytes: number;
  private state: 'open' | 'closed' | 'failed' = 'open';
  private started = false;
  private open = false;
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
        for (let at = 0; at < batch.numRows; ) {
          if (!this.open) {
            await this.begin();
            this.encoder.beginRowGroup();
            this.open = true;
          }
          const take = Math.min(batch.numRows - at, this.rowGroupSize - this.encoder.openRows);
          this.encoder.addBatch(take === batch.numRows ? batch : batch.slice(at, at + take));
          at += take;
          if (this.encoder.openRows >= this.rowGroupSize || this.encoder.openBytes >= this.rowGroupBytes) await this.flush();
        }
      }
    });
  }

  close(): Promise<void> {
    return this.enqueue(async () => {
      if (this.open) await this.flush();
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

  /** Lays out the open row group and writes it. */
  private async flush(): Promise<void> {
    this.open = false;
    await this.emit(this.encoder.endRowGroup());
    if (this.sink.consumesOnWrite) this.encoder.recycleOutput();
  }

  private async begin(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.sink.write(this.encoder.start());
  }

  private async emit(parts: Uint8Array[]): Promise<void> {
    if (this.sink.writev) {
      await this.sink.writev(parts);
      return;
    }
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
