// Parquet output: batches streamed into @parquetry/parquet's writer, which writes each row group as
// it fills and, for a path, writes under a temporary name and renames on close.
import { createParquetWriter, type WriteOptions } from '@parquetry/parquet';
import type { RecordBatch, Schema } from 'apache-arrow';

export interface BatchSink {
  write(batch: RecordBatch): Promise<void>;
  close(): Promise<void>;
  abort(reason?: unknown): Promise<void>;
}

export async function parquetOutput(path: string, schema: Schema, options: WriteOptions): Promise<BatchSink> {
  return createParquetWriter(path, schema, options);
}
