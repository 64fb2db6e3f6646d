// The writer's entry points for Node: sinks may also be a file path or a Node Writable stream.
import type { Schema, Table } from 'apache-arrow';
import { toNodeSink } from './node-sinks.js';
import { ParquetWriter } from './parquet-writer.js';
import type { WriteOptions } from './write-options.js';
import { writeWhole } from './write-parquet.js';

/** A streaming writer into a file path (temporary name, renamed on close), a Node or WHATWG stream, or a ParquetSink. */
export function createParquetWriter(sink: unknown, schema: Schema, options: WriteOptions = {}): ParquetWriter {
  return new ParquetWriter(toNodeSink(sink), schema, options);
}

export function writeParquet(sink: unknown, table: Table, options: WriteOptions = {}): Promise<void> {
  return writeWhole(createParquetWriter(sink, table.schema, options), table);
}
