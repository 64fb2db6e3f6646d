// Dremel assembly of repeated leaves: the general walk, and the short cut taken below the innermost
// repeated node when no list is empty or null (each level entry is then one element).
import type { SchemaElement } from '@parquetry/thrift';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assembleLeaf, type LeafShape } from '../src/arrow/assemble.js';
import { buildSchema, type LeafNode } from '../src/schema/parquet-schema.js';

const OPTIONAL = 1;
const REPEATED = 2;
const FLOAT = 4;
const INT32 = 1;

/** optional group embedding (LIST) { repeated group list { optional float element } } */
const listOfFloat = buildSchema([
  { name: 'schema', num_children: 1 },
  { name: 'embedding', repetition_type: OPTIONAL, num_children: 1, converted_type: 3 },
  { name: 'list', repetition_type: REPEATED, num_children: 1 },
  { name: 'element', repetition_type: OPTIONAL, type: FLOAT },
] as SchemaElement[]).leaves[0];

/** optional group a (LIST) { repeated group list { optional group element (LIST) { repeated group list { optional int32 element } } } } */
const listOfLists = buildSchema([
  { name: 'schema', num_children: 1 },
  { name: 'a', repetition_type: OPTIONAL, num_children: 1, converted_type: 3 },
  { name: 'list', repetition_type: REPEATED, num_children: 1 },
  { name: 'element', repetition_type: OPTIONAL, num_children: 1, converted_type: 3 },
  { name: 'list', repetition_type: REPEATED, num_children: 1 },
  { name: 'element', repetition_type: OPTIONAL, type: INT32 },
] as SchemaElement[]).leaves[0];

function assemble(leaf: LeafNode, def: number[], rep: number[], rows: number): LeafShape {
  return assembleLeaf({ leaf, numSlots: def.length, definitionLevels: Int32Array.from(def), repetitionLevels: Int32Array.from(rep), values: new Float32Array(0) }, rows);
}

/** Per ancestor, in path order: [valid or undefined, offsets or undefined, elementLength]. */
function shapes(shape: LeafShape, leaf: LeafNode) {
  return leaf.ancestors.map((node) => {
    const s = shape.nodes.get(node)!;
    return [s.length, s.valid && Array.from(s.valid), s.offsets && Array.from(s.offsets), s.elementLength];
  });
}

test('list<float> with every list holding elements: offsets from the rows, no validity, values in place', () => {
  const shape = assemble(listOfFloat, [3, 3, 3, 3, 3, 3], [0, 1, 0, 1, 0, 1], 3);
  assert.equal(shapes(shape, listOfFloat), [
    [3, undefined, undefined, undefined],
    [3, undefined, [0, 2, 4, 6], 6],
    [6, undefined, undefined, undefined],
  ]);
  assert.is(shape.length, 6);
  assert.is(shape.present, undefined);
});

test('list<float> with a null element: the short cut still applies, the element slot is invalid', () => {
  const shape = assemble(listOfFloat, [3, 2, 3, 3, 3], [0, 1, 0, 0, 1], 3);
  assert.equal(shapes(shape, listOfFloat), [
    [3, undefined, undefined, undefined],
    [3, undefined, [0, 2, 3, 5], 5],
    [5, [1, 0, 1, 1, 1], undefined, undefined],
  ]);
  assert.equal(Array.from(shape.present!), [1, 0, 1, 1, 1]);
});

test('list<float> with a null list and an empty list: the general walk', () => {
  // rows: null, [], [a, b]
  const shape = assemble(listOfFloat, [0, 1, 3, 3], [0, 0, 0, 1], 3);
  assert.equal(shapes(shape, listOfFloat), [
    [3, [0, 1, 1], undefined, undefined],
    [3, undefined, [0, 0, 0, 2], 2],
    [2, undefined, undefined, undefined],
  ]);
  assert.is(shape.length, 2);
  assert.is(shape.present, undefined);
});

test('list<list<int>>: the outer list walks, the innermost one takes the short cut', () => {
  // rows: [[1, 2], [3]], [[4]], [[], [5, 6]]
  const def = [5, 5, 5, 5, 3, 5, 5];
  const rep = [0, 2, 1, 0, 0, 1, 2];
  const shape = assemble(listOfLists, def, rep, 3);
  assert.equal(shapes(shape, listOfLists), [
    [3, undefined, undefined, undefined],
    [3, undefined, [0, 2, 3, 5], 5],
    [5, undefined, undefined, undefined],
    [5, undefined, [0, 2, 3, 4, 4, 6], 6],
    [6, undefined, undefined, undefined],
  ]);
  assert.is(shape.length, 6);
  assert.is(shape.present, undefined);
  // without the empty inner list, every entry is an inner element
  const full = assemble(listOfLists, [5, 5, 5, 5], [0, 2, 1, 0], 2);
  assert.equal(shapes(full, listOfLists)[3], [3, undefined, [0, 2, 3, 4], 4]);
});

test('rows that disagree with the row group are CORRUPT', () => {
  assert.throws(() => assemble(listOfFloat, [3, 3, 3], [0, 0, 0], 2), /more rows than/);
  assert.throws(() => assemble(listOfFloat, [3, 3, 3], [0, 1, 1], 2), /holds 1 rows where the row group has 2/);
  assert.throws(() => assemble(listOfFloat, [3, 3], [1, 0], 1), /first repetition level/);
});

test('row starts found by the native kernel (many levels) agree with the loop, and too many or too few are CORRUPT', () => {
  // 1000 lists of 0..7 elements (an empty list is one entry at a lower level)
  const def: number[] = [];
  const rep: number[] = [];
  const lengths = Array.from({ length: 1000 }, (_, i) => (i * 5) % 8);
  for (const n of lengths) {
    if (n === 0) {
      def.push(1);
      rep.push(0);
    }
    for (let k = 0; k < n; k++) {
      def.push(3);
      rep.push(k === 0 ? 0 : 1);
    }
  }
  const shape = assemble(listOfFloat, def, rep, 1000);
  const offsets = shape.nodes.get(listOfFloat.ancestors[1])!.offsets!;
  assert.equal(Array.from(offsets.subarray(1)).map((o, i) => o - offsets[i]), lengths.map((n) => Math.max(n, 0)));
  assert.throws(() => assemble(listOfFloat, def, rep, 999), /more rows than the row group's 999/);
  assert.throws(() => assemble(listOfFloat, def, rep, 1001), /holds 1000 rows where the row group has 1001/);
});

test.run();
