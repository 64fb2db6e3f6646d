// DuckDB in the reader benchmark. The node API has no Arrow output, so a SELECT's data chunks are
// fetched and either left in DuckDB's own columnar vectors (the scan alone) or, with `jsValues`,
// every value is read out into JS arrays (getColumns), the closest to "into Arrow" the API offers.
// A streamed result runs on one core here whatever `threads` says, so the multi-threaded variant
// materializes its result (all of it in DuckDB's memory) to let the scan run in parallel.
import { DuckDBInstance, type DuckDBListValue } from '@duckdb/node-api';
import type { ReadResult, Reader } from './reader-result.js';

/** Every table has `label`, and every projection reads it. */
const COUNT_COLUMN = 'label';

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;
const sqlIdent = (s: string) => `"${s.replaceAll('"', '""')}"`;

export interface DuckdbOptions {
  /** Worker threads (undefined: DuckDB's default, one per core). */
  threads?: number;
  jsValues: boolean;
  materialize: boolean;
}

export async function duckdbReader({ threads, jsValues, materialize }: DuckdbOptions, listColumn?: string): Promise<Reader & { threads: number }> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  if (threads !== undefined) await c.run(`SET threads = ${threads}`);
  const setting = Number((await c.runAndReadAll("SELECT current_setting('threads')")).getRows()[0][0]);
  return {
    threads: setting,
    async read(path, columns, verify) {
      const select = columns ? columns.map(sqlIdent).join(', ') : '*';
      const sql = `SELECT ${select} FROM read_parquet(${sqlString(path)})`;
      const answer = materialize ? await c.run(sql) : await c.stream(sql);
      const names = answer.columnNames();
      const label = names.indexOf(COUNT_COLUMN);
      const list = listColumn ? names.indexOf(listColumn) : -1;
      const result: ReadResult = { rows: 0, ...(verify && { labelSum: 0, listValues: 0 }) };
      for (;;) {
        const chunk = await answer.fetchChunk();
        if (!chunk || chunk.rowCount === 0) break;
        result.rows += chunk.rowCount;
        const js = jsValues ? chunk.getColumns() : undefined;
        if (!verify) continue;
        const values = (i: number) => js?.[i] ?? chunk.getColumnValues(i);
        for (const v of values(label)) result.labelSum! += Number(v);
        if (list >= 0) for (const v of values(list)) result.listValues! += (v as DuckDBListValue).items.length;
      }
      return result;
    },
  };
}
