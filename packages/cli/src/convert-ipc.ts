// Arrow IPC in and out with apache-arrow. Input: the file format (random access through a file
// handle) or the stream format, one RecordBatch at a time. Output: the file format (.arrow, .ipc) or
// the stream format (.arrows), each batch's bytes written as soon as it is encoded.
import { open, type FileHandle } from 'node:fs/promises';
import { ParquetryError } from '@parquetry/core';
import { AsyncByteQueue, RecordBatch, RecordBatchFileWriter, RecordBatchReader, RecordBatchStreamWriter, type Schema } from 'apache-arrow';
import type { AtomicFile } from './convert-output.js';

export interface IpcInput {
  schema: Schema;
  batches: AsyncGenerator<RecordBatch>;
}

/** A file handle that counts the bytes read through it (apache-arrow takes any object with `fd` and `stat`). */
function counting(handle: FileHandle, onBytes: (n: number) => void): FileHandle {
  return new Proxy(handle, {
    get(target, key) {
      if (key === 'read') {
        return async (...args: unknown[]) => {
          const result = await (target.read as (...a: unknown[]) => Promise<{ bytesRead: number }>)(...args);
          onBytes(result.bytesRead);
          return result;
        };
      }
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export async function ipcInput(path: string, onBytes?: (n: number) => void): Promise<IpcInput> {
  const handle = await open(path, 'r');
  try {
    const reader = await RecordBatchReader.from(onBytes ? counting(handle, onBytes) : handle);
    await reader.open();
    const schema = reader.schema;
    if (!schema) throw new ParquetryError('CORRUPT', `${path} holds no Arrow IPC schema`);
    async function* batches(): AsyncGenerator<RecordBatch> {
      try {
        for await (const batch of reader) yield batch;
      } finally {
        await handle.close().catch(() => undefined);
      }
    }
    return { schema, batches: batches() };
  } catch (error) {
    await handle.close().catch(() => undefined);
    if (ParquetryError.is(error)) throw error;
    throw new ParquetryError('CORRUPT', `${path} is not Arrow IPC: ${(error as Error).message}`, {}, { cause: error });
  }
}

/** apache-arrow's writers queue their bytes; this queue hands them over synchronously instead. */
class Collect extends AsyncByteQueue {
  chunks: Uint8Array[] = [];
  override write(value: Uint8Array): void {
    this.chunks.push(value);
  }
}

export class IpcOutput {
  private readonly queue = new Collect();
  private readonly writer: RecordBatchFileWriter | RecordBatchStreamWriter;

  constructor(private readonly out: AtomicFile, private readonly schema: Schema, stream: boolean) {
    this.writer = stream ? new RecordBatchStreamWriter() : new RecordBatchFileWriter();
    this.writer.reset(this.queue as never, schema);
  }

  private async drain(): Promise<void> {
    const chunks = this.queue.chunks;
    this.queue.chunks = [];
    for (const chunk of chunks) await this.out.write(chunk);
  }

  async write(batch: RecordBatch): Promise<void> {
    // The writer starts a new stream when a batch's schema differs from the last (even in metadata).
    this.writer.write(batch.schema === this.schema ? batch : new RecordBatch(this.schema, batch.data));
    await this.drain();
  }

  /** Writes the end of stream (and the footer for the file format). */
  async close(): Promise<void> {
    this.writer.finish();
    await this.drain();
  }
}
