// parquet-wasm in the writer benchmark: the JS Arrow table goes to WASM memory once as an IPC
// stream (outside the timer); each run makes a fresh WASM table from it (writeParquet consumes its
// table; also outside the timer, reported as per-run preparation), and the timed part is
// writeParquet with WriterPropertiesBuilder().setCompression(...) and one writeFile. Every other
// property is arrow-rs's default (dictionary on, 1,048,576-row row groups, zstd level 1).
import { tableToIPC, type Table } from 'apache-arrow';
import { writeFile } from 'node:fs/promises';
import { Compression, Table as WasmTable, WriterPropertiesBuilder, writeParquet } from 'parquet-wasm';
import type { BenchWriter, WriteCodec } from './writer-contract.js';

export function parquetWasmWriter(table: Table, codec: WriteCodec): BenchWriter {
  const t0 = performance.now();
  const ipc = tableToIPC(table, 'stream');
  const prepareSeconds = (performance.now() - t0) / 1e3;
  let wasmTable: WasmTable | undefined;
  return {
    prepareSeconds,
    beforeRun() {
      const start = performance.now();
      wasmTable = WasmTable.fromIPCStream(ipc);
      return (performance.now() - start) / 1e3;
    },
    async write(path) {
      if (!wasmTable) throw new Error('parquet-wasm: no WASM table (beforeRun was not called)');
      const properties = new WriterPropertiesBuilder().setCompression(codec === 'zstd' ? Compression.ZSTD : Compression.SNAPPY).build();
      const bytes = writeParquet(wasmTable, properties);
      wasmTable = undefined;
      await writeFile(path, bytes);
    },
  };
}
