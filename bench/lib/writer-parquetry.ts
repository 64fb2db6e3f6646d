// Parquetry in the writer benchmark: encodeParquet (the whole file built in memory, then written
// with one writeFile), or, once the streaming writer exists, writeParquet(path, table, options).
// The backend (native or TS) is whatever PARQUETRY_BACKEND said when this process loaded.
import * as parquet from '@parquetry/parquet';
import type { Table } from 'apache-arrow';
import { writeFile } from 'node:fs/promises';
import type { BenchWriter, WriteCodec } from './writer-contract.js';

/** The streaming writer's file entry point (docs/writer-api): typed here, so this file compiles before it lands. */
type WriteParquet = (sink: string, table: Table, options?: parquet.WriteOptions) => Promise<void>;

/** writeParquet(sink, table, options) when the streaming writer has landed (createParquetWriter marks it). */
export function streamingWriteParquet(): WriteParquet | undefined {
  const api = parquet as unknown as { createParquetWriter?: unknown; writeParquet?: WriteParquet };
  return typeof api.createParquetWriter === 'function' && typeof api.writeParquet === 'function' ? api.writeParquet : undefined;
}

export function parquetryWriter(table: Table, codec: WriteCodec, api: 'encode' | 'write'): BenchWriter {
  const options: parquet.WriteOptions = { compression: codec === 'zstd' ? 'ZSTD' : 'SNAPPY' };
  if (api === 'encode') {
    return {
      prepareSeconds: 0,
      async write(path) {
        await writeFile(path, parquet.encodeParquet(table, options));
      },
    };
  }
  const writeParquet = streamingWriteParquet();
  if (!writeParquet) throw new Error('writeParquet(path, table, options) is not exported yet (the streaming writer has not landed)');
  return {
    prepareSeconds: 0,
    write: (path) => writeParquet(path, table, options),
  };
}
