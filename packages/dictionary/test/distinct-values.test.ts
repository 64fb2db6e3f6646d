import type { ByteArrays } from '@parquetry/core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DistinctValues } from '../src/ts/distinct-values.js';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0);
}

/** A model of first-seen numbering, with the same batch roll-back rule. */
class Model {
  keys: string[] = [];
  index = new Map<string, number>();
  add(keys: string[], out: number[]): void {
    for (const k of keys) {
      let e = this.index.get(k);
      if (e === undefined) {
        e = this.keys.length;
        this.keys.push(k);
        this.index.set(k, e);
      }
      out.push(e);
    }
  }
  truncate(mark: number): void {
    for (const k of this.keys.splice(mark)) this.index.delete(k);
  }
}

test('4-byte words: numbering, growth past the initial table, and truncation after growth', () => {
  const next = lcg(1);
  const d = new DistinctValues(4, true);
  const model = new Model();
  for (let round = 0; round < 40; round++) {
    const n = 1 + (next() % 3000);
    const range = round % 3 === 0 ? 50 : 1 << 20; // low then high cardinality
    const values = Int32Array.from({ length: n }, () => (next() % range) - (range >> 1));
    const mark = d.count;
    const out = new Int32Array(n);
    assert.ok(d.add32(values, out, 0, Infinity));
    const expected: number[] = [];
    model.add(Array.from(values, String), expected);
    assert.equal(Array.from(out), expected, `round ${round}`);
    assert.is(d.count, model.keys.length);
    assert.is(d.plainBytes, 4 * d.count);
    if (round % 4 === 3) {
      // forget this batch: the table must still find every older value at its old number
      d.truncate(mark);
      model.truncate(mark);
      const again = new Int32Array(model.keys.length);
      assert.ok(d.add32(Int32Array.from(model.keys, Number), again, 0, Infinity));
      assert.equal(Array.from(again), model.keys.map((_, i) => i), `round ${round}: older values kept their numbers`);
      assert.is(d.count, model.keys.length, 'nothing re-added');
    }
  }
  assert.ok(d.count > 10_000, 'the table grew several times');
});

test('the limit stops an add at the value that passes it', () => {
  const d = new DistinctValues(8, true);
  const out = new Int32Array(10);
  // 3 distinct 8-byte values fit in 24 bytes; the 4th passes a limit of 24
  const pairs = Int32Array.from([1, 0, 2, 0, 1, 0, 3, 0, 4, 0]);
  assert.is(d.add64(pairs, out, 0, 24), false);
  assert.is(d.count, 4, 'the value that passed the limit was added before the check');
  d.truncate(0);
  assert.is(d.count, 0);
  assert.is(d.plainBytes, 0);
  assert.ok(d.add64(pairs.subarray(0, 8), out, 0, 24));
  assert.equal(Array.from(out.subarray(0, 4)), [0, 1, 0, 2]);
});

test('8-byte words compare both halves', () => {
  const d = new DistinctValues(8, true);
  const out = new Int32Array(4);
  // (lo, hi): (1, 0), (0, 1), (1, 1), (1, 0)
  d.add64(Int32Array.from([1, 0, 0, 1, 1, 1, 1, 0]), out, 0, Infinity);
  assert.equal(Array.from(out), [0, 1, 2, 0]);
});

test('fixed-width bytes at an odd width, unaligned input', () => {
  const next = lcg(3);
  const width = 5;
  const d = new DistinctValues(width, false);
  const model = new Model();
  const n = 5000;
  const raw = new Uint8Array(n * width + 1);
  for (let i = 0; i < raw.length; i++) raw[i] = next() % 3; // few distinct 5-byte values (3^5)
  const values = raw.subarray(1);
  const out = new Int32Array(n);
  assert.ok(d.addFixed(values, out, 0, Infinity));
  const keys = Array.from({ length: n }, (_, i) => values.subarray(i * width, i * width + width).join(','));
  const expected: number[] = [];
  model.add(keys, expected);
  assert.equal(Array.from(out), expected);
  assert.is(d.count, model.keys.length);
  for (let e = 0; e < d.count; e++) assert.is(d.store.subarray(e * width, e * width + width).join(','), model.keys[e]);
});

test('byte arrays: equal hashes never merge different strings; truncation restores the byte store', () => {
  const strings = ['', 'a', 'b', 'ab', 'ba', '', 'a', 'x'.repeat(300), 'x'.repeat(299), 'x'.repeat(300)];
  const enc = new TextEncoder();
  const parts = strings.map((s) => enc.encode(s));
  const offsets = new Int32Array(parts.length + 1);
  parts.forEach((p, i) => (offsets[i + 1] = offsets[i] + p.length));
  const bytes = new Uint8Array(offsets[parts.length]);
  parts.forEach((p, i) => bytes.set(p, offsets[i]));
  const values: ByteArrays = { offsets, bytes };
  const d = new DistinctValues(0, false);
  const out = new Int32Array(strings.length);
  assert.ok(d.addByteArrays(values, out, 0, Infinity));
  assert.equal(Array.from(out), [0, 1, 2, 3, 4, 0, 1, 5, 6, 5]);
  assert.is(d.plainBytes, 7 * 4 + 0 + 1 + 1 + 2 + 2 + 300 + 299);
  d.truncate(3);
  assert.is(d.plainBytes, 3 * 4 + 2);
  const again = new Int32Array(strings.length);
  assert.ok(d.addByteArrays(values, again, 0, Infinity));
  assert.equal(Array.from(again), [0, 1, 2, 3, 4, 0, 1, 5, 6, 5]);
});

test.run();
