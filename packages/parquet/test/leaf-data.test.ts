// Values of nullable columns spread over their slots straight from the definition levels (native
// kernel or TS loop) equal the same values spread through a presence array, for every kind that
// takes that path; null slots hold zero.
import { backend } from '@parquetry/core';
import type { SchemaElement } from '@parquetry/thrift';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { leafData } from '../src/arrow/leaf-data.js';
import { leafType } from '../src/arrow/leaf-type.js';
import { buildSchema } from '../src/schema/parquet-schema.js';

const OPTIONAL = 1;
const schema = buildSchema([
  { name: 'schema', num_children: 5 },
  { name: 'i32', repetition_type: OPTIONAL, type: 1 },
  { name: 'i64', repetition_type: OPTIONAL, type: 2 },
  { name: 'f32', repetition_type: OPTIONAL, type: 4 },
  { name: 'f64', repetition_type: OPTIONAL, type: 5 },
  { name: 'u64', repetition_type: OPTIONAL, type: 2, converted_type: 14 },
] as SchemaElement[]);

function valuesFor(type: string, n: number) {
  switch (type) {
    case 'INT32':
      return Int32Array.from({ length: n }, (_, i) => i * 7 - 300);
    case 'INT64':
      return BigInt64Array.from({ length: n }, (_, i) => BigInt(i) * -(2n ** 40n) + 3n);
    case 'FLOAT':
      return Float32Array.from({ length: n }, (_, i) => i / 3);
    default:
      return Float64Array.from({ length: n }, (_, i) => Math.sqrt(i) - 5);
  }
}

test(`spreading by definition levels equals spreading by presence (${backend()} backend), zeros in null slots`, () => {
  for (const leaf of schema.leaves) {
    for (const length of [1, 7, 8, 9, 1000, 5000]) {
      const levels = Int32Array.from({ length }, (_, i) => (i % 3 === 1 || (i * 7919) % 11 === 0 ? 0 : 1));
      const present = Uint8Array.from(levels);
      const count = present.reduce((a, b) => a + b, 0);
      const values = valuesFor(leaf.physicalType, count);
      const type = leafType(leaf);
      const byLevels = leafData(type, undefined, values, { length, present: undefined, definition: { levels, max: 1 } }, { int96Unit: 'ns' });
      const byPresence = leafData(type, undefined, values, { length, present }, { int96Unit: 'ns' });
      const what = `${leaf.name} x ${length}`;
      assert.is(byLevels.nullCount, byPresence.nullCount, what);
      assert.is(byLevels.nullCount, length - count, what);
      assert.equal(Array.from(byLevels.nullBitmap!), Array.from(byPresence.nullBitmap!), what);
      const a = byLevels.values as unknown as ArrayLike<number | bigint>;
      const b = byPresence.values as unknown as ArrayLike<number | bigint>;
      for (let i = 0; i < length; i++) {
        if (present[i]) assert.is(a[i], b[i], `${what} slot ${i}`);
        else assert.ok(a[i] === 0 || a[i] === 0n, `${what} null slot ${i} holds zero`);
      }
    }
  }
});

test('booleans pack into the validity-style bitmap, with and without missing slots, at every tail length', () => {
  const flags = buildSchema([{ name: 'schema', num_children: 1 }, { name: 'b', repetition_type: OPTIONAL, type: 0 }] as SchemaElement[]).leaves[0];
  for (const length of [0, 1, 7, 8, 9, 15, 16, 17, 1001]) {
    const bits = Array.from({ length }, (_, i) => ((i * 2654435761) >>> 0) % 3 === 0);
    const all = leafData(leafType(flags), undefined, Uint8Array.from(bits, Number), { length, present: undefined }, { int96Unit: 'ns' });
    for (let i = 0; i < length; i++) assert.is(((all.values[i >> 3] >> (i & 7)) & 1) === 1, bits[i], `all present, ${length} slot ${i}`);
    const present = Uint8Array.from({ length }, (_, i) => (i % 4 === 2 ? 0 : 1));
    const stored = bits.filter((_, i) => present[i]);
    const some = leafData(leafType(flags), undefined, Uint8Array.from(stored, Number), { length, present }, { int96Unit: 'ns' });
    for (let i = 0; i < length; i++) assert.is(((some.values[i >> 3] >> (i & 7)) & 1) === 1, present[i] === 1 && bits[i], `some missing, ${length} slot ${i}`);
  }
});

test('more present slots than values is an error, not garbage', () => {
  const leaf = schema.leaves[0];
  assert.throws(() => leafData(leafType(leaf), undefined, Int32Array.of(1), { length: 3, present: undefined, definition: { levels: Int32Array.of(1, 1, 0), max: 1 } }, { int96Unit: 'ns' }));
});

test.run();
