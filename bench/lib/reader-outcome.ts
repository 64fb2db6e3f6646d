// The reader benchmark's results: one Outcome per (cell, reader), checked against what the
// generated table holds before any figure from it is shown.
import type { TableFile, TableSpec } from './reader-tables.js';
import type { Measurement } from './reader-worker.js';

export type Measured = Extract<Measurement, { ok: true }>;
/** A checked measurement, or why there is none: the reader threw (ERROR) or returned other data (WRONG). */
export type Outcome = { ok: true; m: Measured } | { ok: false; why: 'ERROR' | 'WRONG'; detail: string };

export interface ReaderColumn {
  key: string;
  title: string;
}

/** One row of the table: a file read fully or with the 2-column projection. */
export interface Cell {
  spec: TableSpec;
  file: TableFile;
  columns?: [string, string];
  /** Uncompressed bytes of the column chunks read (from the footer). */
  bytes: number;
  outcomes: Map<string, Outcome>;
}

export const cellName = (cell: Cell) => `${cell.spec.name}/${cell.file.codec}/${cell.columns ? cell.columns.join('+') : 'all'}`;

/** The measurement as an Outcome: WRONG when rows, sum(label) or the list's value count differ. */
export function check(cell: Cell, m: Measurement): Outcome {
  if (!m.ok) return { ok: false, why: 'ERROR', detail: m.error };
  const { rows, labelSum, listValues } = m.result;
  const wrong: string[] = [];
  if (rows !== cell.file.rows) wrong.push(`${rows} rows, expected ${cell.file.rows}`);
  if (labelSum !== cell.file.labelSum) wrong.push(`sum(label) ${labelSum}, expected ${cell.file.labelSum}`);
  const list = cell.spec.listColumn;
  if (list && (!cell.columns || cell.columns.includes(list)) && listValues !== cell.file.listValues) {
    wrong.push(`${list} has ${listValues} values, expected ${cell.file.listValues}`);
  }
  return wrong.length ? { ok: false, why: 'WRONG', detail: wrong.join('; ') } : { ok: true, m };
}

export const measured = (o: Outcome | undefined): Measured | undefined => (o?.ok ? o.m : undefined);
export const mbps = (cell: Cell, o: Outcome | undefined) => {
  const m = measured(o);
  return m ? cell.bytes / 1e6 / m.seconds : undefined;
};
