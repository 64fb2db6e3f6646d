// The whole-set evaluation of predicates agrees with the row-by-row one on every row, for random
// predicates over INT64 (values around the 32-bit word boundaries), INT32 and DOUBLE (NaN, -0)
// columns with nulls; shapes it does not cover answer undefined.
import type { SchemaElement } from '@parquetry/thrift';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compilePredicate, rowValues } from '../src/filter/evaluate.js';
import { predicateMask } from '../src/filter/evaluate-mask.js';
import { between, eq, isIn, isNull, not, type Predicate, type Scalar } from '../src/filter/predicate.js';
import type { ColumnChunkData } from '../src/read/column-cursor.js';
import { buildSchema } from '../src/schema/parquet-schema.js';

const OPTIONAL = 1;
const REQUIRED = 0;
const schema = buildSchema([
  { name: 'schema', num_children: 6 },
  { name: 'i64', repetition_type: OPTIONAL, type: 2 },
  { name: 'i32', repetition_type: REQUIRED, type: 1 },
  { name: 'f64', repetition_type: OPTIONAL, type: 5 },
  { name: 'u64', repetition_type: OPTIONAL, type: 2, converted_type: 14 },
  { name: 's', repetition_type: OPTIONAL, type: 6 },
  { name: 't96', repetition_type: OPTIONAL, type: 3 },
] as SchemaElement[]);

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const ROWS = 500;
const next = lcg(9);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
const I64 = [0n, 1n, -1n, 2n ** 32n - 1n, 2n ** 32n, -(2n ** 32n), 2n ** 31n, -(2n ** 31n) - 1n, 2n ** 63n - 1n, -(2n ** 63n), 123456789012n];
const I32 = [0, 1, -1, 2 ** 31 - 1, -(2 ** 31), 7, -7];
const F64 = [0, -0, 1.5, -1.5, NaN, Infinity, -Infinity, 1e-300];

function column(leafIndex: number, all: readonly unknown[], nullable: boolean): ColumnChunkData {
  const leaf = schema.leaves[leafIndex];
  const def = new Int32Array(ROWS);
  const present: unknown[] = [];
  for (let r = 0; r < ROWS; r++) {
    const isNullRow = nullable && next() < 0.15;
    def[r] = isNullRow ? 0 : leaf.definitionLevel;
    if (!isNullRow) present.push(pick(all));
  }
  const values =
    leaf.physicalType === 'INT64' ? BigInt64Array.from(present as bigint[]) : leaf.physicalType === 'INT32' ? Int32Array.from(present as number[]) : Float64Array.from(present as number[]);
  return { leaf, numSlots: ROWS, definitionLevels: nullable ? def : undefined, repetitionLevels: undefined, values };
}

const chunks = new Map<string, ColumnChunkData>([
  ['i64', column(0, I64, true)],
  ['i32', column(1, I32, false)],
  ['f64', column(2, F64, true)],
]);

function randomLeaf(): Predicate {
  const name = pick(['i64', 'i32', 'f64'] as const);
  const value = (): Scalar => (name === 'i64' ? pick(I64) : name === 'i32' ? pick(I32) : pick(F64));
  const op = pick(['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'in', 'between', 'isNull', 'isNotNull'] as const);
  if (op === 'in') return isIn(name, [value(), value()]);
  if (op === 'between') return between(name, value(), value());
  if (op === 'isNull' || op === 'isNotNull') return { op, column: name } as Predicate;
  return { op, column: name, value: value() } as Predicate;
}

function randomPredicate(depth: number): Predicate {
  if (depth === 0 || next() < 0.4) return randomLeaf();
  const k = pick(['and', 'or', 'not'] as const);
  return k === 'not' ? not(randomPredicate(depth - 1)) : { op: k, predicates: [randomPredicate(depth - 1), randomPredicate(depth - 1)] };
}

test('masks equal row-by-row evaluation for 2,000 random predicates', () => {
  const columns = new Map([...chunks].map(([name, chunk]) => [name, { leaf: chunk.leaf, value: rowValues(chunk) }] as const));
  for (let i = 0; i < 2000; i++) {
    const predicate = randomPredicate(2);
    const mask = predicateMask(predicate, chunks, ROWS);
    assert.ok(mask, `predicate ${i} is covered`);
    const row = compilePredicate(predicate, columns);
    for (let r = 0; r < ROWS; r++) {
      if (mask[r] !== (row(r) ? 1 : 0)) {
        assert.unreachable(`predicate ${i} row ${r}: ${JSON.stringify(predicate, (_, v) => (typeof v === 'bigint' ? `${v}n` : v))}`);
      }
    }
  }
});

test('shapes not covered answer undefined: unsigned and byte-string columns', () => {
  const extra = new Map(chunks);
  extra.set('u64', { leaf: schema.leaves[3], numSlots: ROWS, definitionLevels: undefined, repetitionLevels: undefined, values: new BigInt64Array(ROWS) });
  extra.set('s', { leaf: schema.leaves[4], numSlots: ROWS, definitionLevels: undefined, repetitionLevels: undefined, values: { offsets: new Int32Array(ROWS + 1), bytes: new Uint8Array(0) } });
  assert.is(predicateMask(eq('u64', 5n), extra, ROWS), undefined);
  assert.is(predicateMask(eq('s', 'a'), extra, ROWS), undefined);
  assert.is(predicateMask({ op: 'and', predicates: [eq('i64', 1n), eq('s', 'a')] }, extra, ROWS), undefined);
  assert.ok(predicateMask(isNull('s'), extra, ROWS), 'null tests cover ordered non-repeated columns');
  // INT96 has no defined order: every test of it goes row by row, which refuses it.
  extra.set('t96', { leaf: schema.leaves[5], numSlots: ROWS, definitionLevels: undefined, repetitionLevels: undefined, values: new Uint8Array(12 * ROWS) });
  assert.is(predicateMask(isNull('t96'), extra, ROWS), undefined);
  assert.is(predicateMask(isIn('t96', []), extra, ROWS), undefined);
  assert.equal(Array.from(predicateMask(isIn('i64', []), extra, ROWS)!), new Array(ROWS).fill(0), 'in () matches nothing');
});

test.run();
