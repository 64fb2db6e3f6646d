// Evaluating a predicate row by row on decoded column data (non-repeated leaves). Comparisons with
// null are false and NaN compares unequal to everything; `not` negates (so not(eq) keeps nulls).
import { ParquetryError } from '@parquetry/core';
import type { ColumnChunkData } from '../read/column-cursor.js';
import { pathString, type LeafNode } from '../schema/parquet-schema.js';
import { compare, leafOrder, predicateValue, type Comparable } from './column-order.js';
import type { Predicate } from './predicate.js';

type RowValue = (row: number) => Comparable | null;

/** Row r's value of a non-repeated leaf, or null. */
export function rowValues(chunk: ColumnChunkData): RowValue {
  const { leaf, values, definitionLevels: def } = chunk;
  const order = leafOrder(leaf);
  if (order === 'none') throw new ParquetryError('INVALID_ARGUMENT', `filtering column ${pathString(leaf)} by value is not supported (its type has no defined order)`);
  const index = new Int32Array(chunk.numSlots);
  let v = 0;
  for (let r = 0; r < chunk.numSlots; r++) index[r] = !def || def[r] === leaf.definitionLevel ? v++ : -1;
  const width = leaf.physicalType === 'FIXED_LEN_BYTE_ARRAY' ? (leaf.typeLength ?? 1) : 0;
  return (row) => {
    const i = index[row];
    if (i < 0) return null;
    if ('offsets' in values) return values.bytes.subarray(values.offsets[i], values.offsets[i + 1]);
    if (width) return (values as Uint8Array).subarray(i * width, (i + 1) * width);
    const x = (values as Int32Array | BigInt64Array | Float32Array | Float64Array | Uint8Array)[i];
    if (leaf.physicalType === 'BOOLEAN') return x !== 0;
    if (order === 'unsigned') return typeof x === 'bigint' ? BigInt.asUintN(64, x) : (x as number) >>> 0;
    return x;
  };
}

/** The columns a predicate reads, by dotted path. */
export function predicateColumns(predicate: Predicate, out = new Set<string>()): Set<string> {
  switch (predicate.op) {
    case 'and':
    case 'or':
      for (const p of predicate.predicates) predicateColumns(p, out);
      break;
    case 'not':
      predicateColumns(predicate.predicate, out);
      break;
    default:
      out.add(predicate.column);
  }
  return out;
}

const isNaNValue = (v: Comparable | null) => typeof v === 'number' && Number.isNaN(v);

/** A row test for `predicate` over the given leaves' data (keyed by dotted path). */
export function compilePredicate(predicate: Predicate, columns: Map<string, { leaf: LeafNode; value: RowValue }>): (row: number) => boolean {
  switch (predicate.op) {
    case 'and': {
      const parts = predicate.predicates.map((p) => compilePredicate(p, columns));
      return (row) => parts.every((f) => f(row));
    }
    case 'or': {
      const parts = predicate.predicates.map((p) => compilePredicate(p, columns));
      return (row) => parts.some((f) => f(row));
    }
    case 'not': {
      const inner = compilePredicate(predicate.predicate, columns);
      return (row) => !inner(row);
    }
    default: {
      const column = columns.get(predicate.column)!;
      const order = leafOrder(column.leaf);
      const get = column.value;
      const v = (x: Parameters<typeof predicateValue>[2]) => predicateValue(column.leaf, order, x);
      const cmp = (x: Comparable | null, y: Comparable) => (x === null || isNaNValue(x) || (typeof y === 'number' && Number.isNaN(y)) ? undefined : compare(x, y));
      switch (predicate.op) {
        case 'isNull':
          return (row) => get(row) === null;
        case 'isNotNull':
          return (row) => get(row) !== null;
        case 'in': {
          const values = predicate.values.map(v);
          return (row) => values.some((y) => cmp(get(row), y) === 0);
        }
        case 'between': {
          const low = v(predicate.low);
          const high = v(predicate.high);
          return (row) => {
            const x = get(row);
            const a = cmp(x, low);
            const b = cmp(x, high);
            return a !== undefined && b !== undefined && a >= 0 && b <= 0;
          };
        }
        default: {
          const y = v(predicate.value);
          const op = predicate.op;
          return (row) => {
            const c = cmp(get(row), y);
            if (c === undefined) return op === 'ne' && get(row) !== null;
            return op === 'eq' ? c === 0 : op === 'ne' ? c !== 0 : op === 'lt' ? c < 0 : op === 'le' ? c <= 0 : op === 'gt' ? c > 0 : c >= 0;
          };
        }
      }
    }
  }
}
