// `parquetry scan FILE [--columns a,b] [--where EXPR]`: reads every selected row into Arrow
// batches and prints how fast: the throughput half of the main job (no formatting in the way).
import { emptyReadStats, readArrow, type ParquetFile, type Predicate } from '@parquetry/parquet';
import { arrowDataBytes } from './sample.js';

export interface ScanResult {
  rows: number;
  batches: number;
  arrowBytes: number;
  seconds: number;
}

export async function scan(file: ParquetFile, options: { columns?: string[]; where?: Predicate }): Promise<ScanResult> {
  const started = performance.now();
  const result: ScanResult = { rows: 0, batches: 0, arrowBytes: 0, seconds: 0 };
  for await (const batch of readArrow(file, { columns: options.columns, filter: options.where, stats: emptyReadStats() })) {
    result.rows += batch.numRows;
    result.batches++;
    result.arrowBytes += arrowDataBytes(batch.data);
  }
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

export function formatRate(bytes: number, seconds: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s: ${(bytes / 1e6 / Math.max(seconds, 1e-9)).toFixed(0)} MB/s`;
}
