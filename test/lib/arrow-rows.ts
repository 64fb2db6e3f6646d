// Arrow tables as plain JSON-comparable rows, for "what was written is what is read" checks:
// nested lists, structs and maps become arrays, objects and [key, value] pairs; bigints, -0, NaN
// and bytes get a text form that keeps them apart from look-alikes.
import { Vector, type Table } from 'apache-arrow';

export function plainValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : Object.is(v, -0) ? '-0' : v;
  if (v instanceof Uint8Array) return `0x${Array.from(v, (b) => b.toString(16).padStart(2, '0')).join('')}`;
  if (v instanceof Uint32Array) return `words:${Array.from(v).join(',')}`;
  if (v instanceof Vector) return [...v].map(plainValue);
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<unknown>).map(plainValue);
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'object') {
    const o = v as { constructor?: { name?: string }; toArray?: () => unknown[]; toJSON?: () => unknown };
    if (o.constructor?.name === 'MapRow') return [...(v as Iterable<[unknown, unknown]>)].map(([k, x]) => [plainValue(k), plainValue(x)]);
    if (o.constructor?.name === 'StructRow') return Object.fromEntries(Object.keys(v).map((k) => [k, plainValue((v as Record<string, unknown>)[k])]));
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plainValue(x)]));
  }
  return v;
}

/** Every row of `table` as { column: plain value }. */
export function plainRows(table: Table): Array<Record<string, unknown>> {
  const names = table.schema.fields.map((f) => f.name);
  const columns = names.map((n) => table.getChild(n)!);
  const rows: Array<Record<string, unknown>> = [];
  for (let r = 0; r < table.numRows; r++) rows.push(Object.fromEntries(names.map((n, i) => [n, plainValue(columns[i].get(r))])));
  return rows;
}

/** The first row where two tables differ, as text; undefined when they are equal. */
export function firstRowDifference(expected: Table, actual: Table, what: string): string | undefined {
  if (expected.numRows !== actual.numRows) return `${what}: ${actual.numRows} rows, expected ${expected.numRows}`;
  const a = plainRows(expected);
  const b = plainRows(actual);
  for (let r = 0; r < a.length; r++) {
    const x = JSON.stringify(a[r]);
    const y = JSON.stringify(b[r]);
    if (x !== y) return `${what}: row ${r}:\n  expected ${x}\n  actual   ${y}`;
  }
  return undefined;
}
