// DuckDB in the writer benchmark: the source file loaded into a DuckDB table first (outside the
// timer), then `COPY t TO path (FORMAT parquet, COMPRESSION c)` timed, at a fixed thread count.
// Everything else is DuckDB's default (122,880-row row groups, zstd level 3).
import { DuckDBInstance } from '@duckdb/node-api';
import type { BenchWriter, WriteCodec } from './writer-contract.js';

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

export async function duckdbWriter(source: string, codec: WriteCodec, threads: number): Promise<BenchWriter & { loadSeconds: number }> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const t0 = performance.now();
  await c.run(`CREATE TABLE t AS SELECT * FROM read_parquet(${sqlString(source)})`);
  const loadSeconds = (performance.now() - t0) / 1e3;
  await c.run(`SET threads = ${threads}`);
  const setting = Number((await c.runAndReadAll("SELECT current_setting('threads')")).getRows()[0][0]);
  const version = String((await c.runAndReadAll('SELECT version()')).getRows()[0][0]);
  return {
    loadSeconds,
    prepareSeconds: 0,
    threads: setting,
    version,
    async write(path) {
      await c.run(`COPY t TO ${sqlString(path)} (FORMAT parquet, COMPRESSION ${codec})`);
    },
  };
}
