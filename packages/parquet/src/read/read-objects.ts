// Small reads as plain JS objects: one per row, keyed by top-level field. Values are what Apache
// Arrow's vectors give (bigint for 64-bit integers, numbers for floats, strings, Uint8Array for
// binary), with structs as objects, lists as arrays and maps as arrays of { key, value }.
import type { Vector } from 'apache-arrow';
import { readArrow, type ReadArrowOptions } from './read-arrow.js';
import type { ParquetFile } from './parquet-file.js';

function plain(value: unknown): unknown {
  if (value === null || value === undefined || typeof value !== 'object' || value instanceof Uint8Array) return value ?? null;
  const v = value as { toArray?: () => unknown[]; toJSON?: () => unknown; [Symbol.iterator]?: unknown };
  // Arrow's map rows iterate [key, value] pairs.
  if (v.constructor?.name === 'MapRow') return [...(value as Iterable<[unknown, unknown]>)].map(([key, val]) => ({ key: plain(key), value: plain(val) }));
  if (v.constructor?.name === 'StructRow' || v.constructor?.name === 'Object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v.toJSON ? (v.toJSON() as object) : v)) out[k] = plain(x);
    return out;
  }
  if (typeof (value as Vector).get === 'function' && 'length' in v) return [...(value as Iterable<unknown>)].map(plain);
  return value;
}

export async function readObjects(file: ParquetFile, options: ReadArrowOptions = {}): Promise<Array<Record<string, unknown>>> {
  const rows: Array<Record<string, unknown>> = [];
  for await (const batch of readArrow(file, options)) {
    for (let r = 0; r < batch.numRows; r++) {
      const row: Record<string, unknown> = {};
      batch.schema.fields.forEach((field, c) => {
        row[field.name] = plain(batch.getChildAt(c)!.get(r));
      });
      rows.push(row);
    }
  }
  return rows;
}
