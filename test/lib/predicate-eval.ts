// A reference evaluation of filter predicates on rows as readObjects gives them (JS values), with
// the reader's semantics: comparisons with null or NaN are false (ne: true for NaN), `not` negates.
import type { Predicate, Scalar } from '@parquetry/parquet';

function valueOf(row: Record<string, unknown>, column: string): unknown {
  let v: unknown = row;
  for (const part of column.split('.')) v = v === null || v === undefined ? null : (v as Record<string, unknown>)[part];
  return v ?? null;
}

const encoder = new TextEncoder();

function cmp(a: unknown, b: Scalar): number | undefined {
  if (a === null || (typeof a === 'number' && Number.isNaN(a)) || (typeof b === 'number' && Number.isNaN(b))) return undefined;
  if (typeof a === 'string' || a instanceof Uint8Array) {
    const x = typeof a === 'string' ? encoder.encode(a) : a;
    const y = typeof b === 'string' ? encoder.encode(b) : (b as Uint8Array);
    const n = Math.min(x.length, y.length);
    for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i] - y[i];
    return x.length - y.length;
  }
  if (typeof a === 'bigint') {
    const y = BigInt(b as number | bigint);
    return a < y ? -1 : a > y ? 1 : 0;
  }
  if (typeof a === 'boolean') return Number(a) - Number(b);
  const y = Number(b);
  return (a as number) < y ? -1 : (a as number) > y ? 1 : 0;
}

export function matches(row: Record<string, unknown>, p: Predicate): boolean {
  switch (p.op) {
    case 'and':
      return p.predicates.every((q) => matches(row, q));
    case 'or':
      return p.predicates.some((q) => matches(row, q));
    case 'not':
      return !matches(row, p.predicate);
    case 'isNull':
      return valueOf(row, p.column) === null;
    case 'isNotNull':
      return valueOf(row, p.column) !== null;
    case 'in':
      return p.values.some((v) => cmp(valueOf(row, p.column), v) === 0);
    case 'between': {
      const a = cmp(valueOf(row, p.column), p.low);
      const b = cmp(valueOf(row, p.column), p.high);
      return a !== undefined && b !== undefined && a >= 0 && b <= 0;
    }
    default: {
      const v = valueOf(row, p.column);
      const c = cmp(v, p.value);
      if (c === undefined) return p.op === 'ne' && v !== null;
      return { eq: c === 0, ne: c !== 0, lt: c < 0, le: c <= 0, gt: c > 0, ge: c >= 0 }[p.op];
    }
  }
}
