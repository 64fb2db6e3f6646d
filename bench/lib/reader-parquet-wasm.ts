// parquet-wasm in the reader benchmark: readFile, readParquet (a Table in WASM memory), then
// intoIPCStream and tableFromIPC into a JS Arrow Table. The two phases are also timed apart.
// Batches of DuckDB's row group size (one per row group, as Parquetry yields): its default of
// 1,024 rows makes ~2,000 batches of the 2M-row table and is slower.
import { tableFromIPC } from 'apache-arrow';
import { readFile } from 'node:fs/promises';
import { readParquet } from 'parquet-wasm';
import { listValueCount, sumInt32Vector, type ReadResult, type Reader } from './reader-result.js';

const BATCH_ROWS = 122_880;

export function parquetWasmReader(listColumn?: string): Reader {
  return {
    async read(path, columns, verify) {
      const t0 = performance.now();
      const bytes = await readFile(path);
      const wasmTable = readParquet(bytes, { batchSize: BATCH_ROWS, ...(columns && { columns: [...columns] }) });
      const t1 = performance.now();
      const table = tableFromIPC(wasmTable.intoIPCStream());
      const t2 = performance.now();
      const result: ReadResult = { rows: table.numRows, phases: { 'readFile+readParquet': (t1 - t0) / 1e3, 'to JS Arrow': (t2 - t1) / 1e3 } };
      if (verify) {
        result.labelSum = sumInt32Vector(table.getChild('label'));
        if (listColumn && table.schema.fields.some((f) => f.name === listColumn)) result.listValues = listValueCount(table.getChild(listColumn));
      }
      return result;
    },
  };
}
