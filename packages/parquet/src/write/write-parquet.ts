// The writer's entry points: a whole table into memory (`encodeParquet`, synchronous), a table to a
// sink, and the streaming writer. This file takes the sinks that run everywhere; node-writer.ts
// adds file paths and Node streams.
import type { Schema, Table } from 'apache-arrow';
import { concatBytes } from '../util/concat.js';
import { ParquetFileEncoder } from './file-encoder.js';
import { ParquetWriter } from './parquet-writer.js';
import { toSink } from './sink.js';
import { DEFAULT_ROW_GROUP_SIZE, type WriteOptions } from './write-options.js';

export { CREATED_BY } from './file-encoder.js';

export type { WriteOptions } from './write-options.js';

/** The whole file in memory. */
export function encodeParquet(table: Table, options: WriteOptions = {}): Uint8Array {
  const encoder = new ParquetFileEncoder(table.schema, options);
  const rowGroupSize = options.rowGroupSize ?? DEFAULT_ROW_GROUP_SIZE;
  const parts: Uint8Array[] = [encoder.start()];
  for (let start = 0; start < table.numRows; start += rowGroupSize) {
    parts.push(...encoder.rowGroup(table.slice(start, Math.min(table.numRows, start + rowGroupSize)).batches));
  }
  parts.push(...encoder.finish());
  return concatBytes(parts);
}

/** A streaming writer into a ParquetSink or a WHATWG WritableStream. */
export function createParquetWriter(sink: unknown, schema: Schema, options: WriteOptions = {}): ParquetWriter {
  return new ParquetWriter(toSink(sink), schema, options);
}

export function writeParquet(sink: unknown, table: Table, options: WriteOptions = {}): Promise<void> {
  return writeWhole(createParquetWriter(sink, table.schema, options), table);
}

export async function writeWhole(writer: ParquetWriter, table: Table): Promise<void> {
  await writer.write(table);
  await writer.close();
}
