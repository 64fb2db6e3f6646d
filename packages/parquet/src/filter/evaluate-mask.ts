// A predicate evaluated over a whole set of rows at once, for its common shapes: comparisons of
// INT32 and INT64 (signed order) and FLOAT and DOUBLE columns, null tests, and and/or/not of
// those. One pass per comparison into a mask, instead of a closure call per row and a BigInt per
// INT64 value; the semantics are evaluate.ts's (comparisons with null are false, NaN compares
// unequal to everything, `not` negates). Any other shape answers undefined: the caller then
// evaluates row by row.
import type { ColumnChunkData } from '../read/column-cursor.js';
import { leafOrder, predicateValue, type Comparable } from './column-order.js';
import type { Predicate } from './predicate.js';

type Op = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';

/** 1 for each of the chunks' `rows` rows that satisfies `predicate`; undefined for shapes not covered. */
export function predicateMask(predicate: Predicate, chunks: ReadonlyMap<string, ColumnChunkData>, rows: number): Uint8Array | undefined {
  switch (predicate.op) {
    case 'and':
    case 'or': {
      const masks: Uint8Array[] = [];
      for (const p of predicate.predicates) {
        const m = predicateMask(p, chunks, rows);
        if (!m) return undefined;
        masks.push(m);
      }
      const out = new Uint8Array(rows).fill(predicate.op === 'and' ? 1 : 0);
      for (const m of masks) {
        if (predicate.op === 'and') for (let i = 0; i < rows; i++) out[i] &= m[i];
        else for (let i = 0; i < rows; i++) out[i] |= m[i];
      }
      return out;
    }
    case 'not': {
      const inner = predicateMask(predicate.predicate, chunks, rows);
      if (!inner) return undefined;
      for (let i = 0; i < rows; i++) inner[i] ^= 1;
      return inner;
    }
    case 'isNull':
    case 'isNotNull': {
      const chunk = chunks.get(predicate.column);
      // Columns without a defined order go row by row, which refuses them (as it does any test of them).
      if (!chunk || chunk.numSlots !== rows || chunk.leaf.repetitionLevel > 0 || leafOrder(chunk.leaf) === 'none') return undefined;
      const out = new Uint8Array(rows);
      const def = chunk.definitionLevels;
      const max = chunk.leaf.definitionLevel;
      const wantNull = predicate.op === 'isNull' ? 1 : 0;
      for (let i = 0; i < rows; i++) out[i] = (def && def[i] !== max ? 1 : 0) === wantNull ? 1 : 0;
      return out;
    }
    case 'in': {
      // No value: no row matches, on a column comparisons can mask (others go row by row).
      if (predicate.values.length === 0) return comparable(chunks.get(predicate.column), rows) ? new Uint8Array(rows) : undefined;
      const out = new Uint8Array(rows);
      for (const value of predicate.values) {
        const m = comparisonMask(chunks.get(predicate.column), rows, 'eq', value);
        if (!m) return undefined;
        for (let i = 0; i < rows; i++) out[i] |= m[i];
      }
      return out;
    }
    case 'between': {
      const low = comparisonMask(chunks.get(predicate.column), rows, 'ge', predicate.low);
      const high = low && comparisonMask(chunks.get(predicate.column), rows, 'le', predicate.high);
      if (!low || !high) return undefined;
      for (let i = 0; i < rows; i++) low[i] &= high[i];
      return low;
    }
    default:
      return comparisonMask(chunks.get(predicate.column), rows, predicate.op, predicate.value);
  }
}

interface Outcome {
  below: number;
  equal: number;
  above: number;
  unordered: number;
}

/** INT64 values compared as (signed high word, unsigned low word): no BigInt per value. */
function int64Mask(values: BigInt64Array, operand: bigint, def: Int32Array | undefined, max: number, rows: number, o: Outcome): Uint8Array {
  const out = new Uint8Array(rows);
  const words = new Int32Array(values.buffer, values.byteOffset, values.length * 2);
  const hi = Number(BigInt.asIntN(32, operand >> 32n));
  const lo = Number(BigInt.asUintN(32, operand));
  for (let r = 0, v = 0; r < rows; r++) {
    if (def && def[r] !== max) continue;
    const h = words[2 * v + 1];
    const l = words[2 * v] >>> 0;
    v++;
    out[r] = h < hi ? o.below : h > hi ? o.above : l < lo ? o.below : l > lo ? o.above : o.equal;
  }
  return out;
}

/** Numbers: NaN on either side is unordered (only `ne` holds), -0 equals +0. */
function numberMask(values: Int32Array | Float32Array | Float64Array, y: number, def: Int32Array | undefined, max: number, rows: number, o: Outcome): Uint8Array {
  const out = new Uint8Array(rows);
  for (let r = 0, v = 0; r < rows; r++) {
    if (def && def[r] !== max) continue;
    const x = values[v++];
    out[r] = x < y ? o.below : x > y ? o.above : x === y ? o.equal : o.unordered;
  }
  return out;
}

/** Whether `c` (the sign of value - operand, or NaN when unordered) satisfies `op`. */
function holds(op: Op, c: number): number {
  if (c !== c) return op === 'ne' ? 1 : 0;
  switch (op) {
    case 'eq':
      return c === 0 ? 1 : 0;
    case 'ne':
      return c !== 0 ? 1 : 0;
    case 'lt':
      return c < 0 ? 1 : 0;
    case 'le':
      return c <= 0 ? 1 : 0;
    case 'gt':
      return c > 0 ? 1 : 0;
    default:
      return c >= 0 ? 1 : 0;
  }
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Whether comparisons of `chunk` (covering `rows` rows) can be masked: signed integers and floats, not repeated. */
function comparable(chunk: ColumnChunkData | undefined, rows: number): chunk is ColumnChunkData {
  if (!chunk || chunk.numSlots !== rows || chunk.leaf.repetitionLevel > 0) return false;
  const order = leafOrder(chunk.leaf);
  return order === 'signed' || order === 'float';
}

function comparisonMask(chunk: ColumnChunkData | undefined, rows: number, op: Op, raw: Parameters<typeof predicateValue>[2]): Uint8Array | undefined {
  if (!comparable(chunk, rows)) return undefined;
  const { leaf, values } = chunk;
  const order = leafOrder(leaf);
  const operand: Comparable = predicateValue(leaf, order, raw);
  const def = chunk.definitionLevels;
  const max = leaf.definitionLevel;
  // The outcome for each ordering, looked up per row instead of a switch on the operator.
  const outcome = { below: holds(op, -1), equal: holds(op, 0), above: holds(op, 1), unordered: holds(op, NaN) };
  if (values instanceof BigInt64Array && typeof operand === 'bigint') {
    if (operand < INT64_MIN || operand > INT64_MAX) return undefined;
    return int64Mask(values, BigInt.asIntN(64, operand), def, max, rows, outcome);
  }
  if (values instanceof Int32Array && order === 'signed' && typeof operand === 'number') return numberMask(values, operand, def, max, rows, outcome);
  if (values instanceof Float64Array && order === 'float' && typeof operand === 'number') return numberMask(values, operand, def, max, rows, outcome);
  if (values instanceof Float32Array && order === 'float' && typeof operand === 'number') return numberMask(values, operand, def, max, rows, outcome);
  return undefined;
}
