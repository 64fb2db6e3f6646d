// `parquetry cat FILE [--columns a,b] [--limit N] [--format jsonl|csv]`: rows, streamed one row group
// (or batch) at a time.
import { ParquetryError } from '@parquetry/core';
import { readArrow, type ParquetFile, type Predicate, type ReadStats } from '@parquetry/parquet';
import { jsonRows, jsonText, type Json } from './json-values.js';

export interface CatOptions {
  columns?: string[];
  limit?: number;
  format: 'jsonl' | 'csv';
  batchSize?: number;
  where?: Predicate;
  stats?: ReadStats;
}

/** A CSV cell: null is an empty cell, an empty string a quoted "" (so the two stay apart). */
function csvCell(v: Json): string {
  if (v === null) return '';
  const s = typeof v === 'string' ? v : jsonText(v);
  return s === '' || /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Writes the rows through `write` (which may return a promise to apply backpressure). */
export async function cat(file: ParquetFile, options: CatOptions, write: (text: string) => void | Promise<void>): Promise<number> {
  if (options.format !== 'jsonl' && options.format !== 'csv') throw new ParquetryError('INVALID_ARGUMENT', `--format must be jsonl or csv, not ${String(options.format)}`);
  const plans = options.columns
    ? options.columns.map((name) => {
        const plan = file.planOf(name);
        if (!plan) throw new ParquetryError('INVALID_ARGUMENT', `no top-level column ${name}; the file has ${file.plans.map((p) => p.node.name).join(', ')}`);
        return plan;
      })
    : file.plans;
  const limit = options.limit ?? Infinity;
  let written = 0;
  if (options.format === 'csv') await write(`${plans.map((p) => csvCell(p.node.name)).join(',')}\n`);
  if (limit === 0) return 0;
  // Without a filter the limit is a row range: row groups past it are neither read nor read ahead.
  const rowRange = options.where || limit === Infinity ? undefined : { start: 0, end: limit };
  for await (const batch of readArrow(file, { columns: plans.map((p) => p.node.name), batchSize: options.batchSize ?? 65536, filter: options.where, stats: options.stats, rowRange })) {
    const lines: string[] = [];
    for (const row of jsonRows(batch, plans)) {
      lines.push(options.format === 'jsonl' ? jsonText(row) : plans.map((p) => csvCell(row[p.node.name])).join(','));
      if (++written >= limit) break;
    }
    if (lines.length) await write(`${lines.join('\n')}\n`);
    if (written >= limit) break;
  }
  return written;
}
