import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DELTA32 } from '../src/ts/delta32.generated.js';
import { GENERATED_PATH, generateDelta32Source } from './generate-delta32.js';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0);
}

/** Value i of width w from an LSB-first bit string, bit by bit (the spec's definition). */
function bitValue(src: Uint8Array, i: number, w: number): number {
  let v = 0;
  for (let b = 0; b < w; b++) {
    const bit = i * w + b;
    v += ((src[bit >> 3] >> (bit & 7)) & 1) * 2 ** b;
  }
  return v;
}

test('the committed delta32.generated.ts is what the generator writes', () => {
  assert.ok(readFileSync(GENERATED_PATH, 'utf8') === generateDelta32Source(), 'regenerate: node dist/test/generate-delta32.js');
});

test('DELTA32[w] unpacks, adds the min delta and sums, wrapping mod 2^32, for every width', () => {
  const next = lcg(1);
  for (let w = 0; w <= 32; w++) {
    for (const [v0, m] of [[0, 0], [5, 3], [-7, -1], [2 ** 31 - 1, 1], [-(2 ** 31), -(2 ** 31)], [123456789, 2 ** 31 - 1]]) {
      const src = new Uint8Array(4 * w + 10);
      for (let i = 0; i < src.length; i++) src[i] = next() & 0xff;
      const out = new Int32Array(36).fill(77);
      const last = DELTA32[w](src, 3, out, 2, v0, m);
      let v = v0;
      for (let i = 0; i < 32; i++) {
        v = (v + bitValue(src.subarray(3), i, w) + m) | 0;
        assert.is(out[2 + i], v, `width ${w}, value ${i}, start ${v0}, min ${m}`);
      }
      assert.is(last, v, `width ${w}: returns the last value`);
      assert.is(out[0], 77);
      assert.is(out[1], 77, 'nothing written before q');
      assert.is(out[34], 77, 'nothing written after 32 values');
    }
  }
});

test.run();
