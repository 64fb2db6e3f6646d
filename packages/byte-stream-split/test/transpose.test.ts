import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { split, unsplit } from '../src/ts/transpose.js';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0);
}

const WIDTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 16, 17];
const COUNTS = [0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 100];

test('split puts byte k of value i at k * count + i, for every width and count', () => {
  const next = lcg(1);
  for (const width of WIDTHS) {
    for (const count of COUNTS) {
      const values = Uint8Array.from({ length: count * width }, () => next() & 0xff);
      const streams = new Uint8Array(count * width);
      split(values, count, width, streams);
      for (let i = 0; i < count; i++) {
        for (let k = 0; k < width; k++) {
          if (streams[k * count + i] !== values[i * width + k]) assert.unreachable(`width ${width} count ${count}: value ${i} byte ${k}`);
        }
      }
    }
  }
});

test('unsplit decodes any run of values, from streams anywhere, to any output offset', () => {
  const next = lcg(2);
  for (const width of WIDTHS) {
    for (const count of COUNTS) {
      const base = next() % 7;
      const src = Uint8Array.from({ length: base + count * width + 3 }, () => next() & 0xff);
      for (const [first, n] of [[0, count], [1, count - 1], [Math.floor(count / 3), Math.ceil(count / 2)], [count, 0]]) {
        if (n < 0 || first + n > count) continue;
        for (const outOffset of [0, 1, 2, 3, 5]) {
          const out = new Uint8Array(outOffset + n * width + 2).fill(0xaa);
          unsplit(src, base, count, width, first, n, out, outOffset);
          for (let j = 0; j < out.length; j++) {
            const rel = j - outOffset;
            const expected = rel >= 0 && rel < n * width ? src[base + (rel % width) * count + first + Math.floor(rel / width)] : 0xaa;
            if (out[j] !== expected) assert.unreachable(`width ${width} count ${count} first ${first} n ${n} out+${outOffset}: byte ${j}`);
          }
        }
      }
    }
  }
});

test('unsplit inverts split on subarrays at odd byte offsets (DataView words need no alignment)', () => {
  const next = lcg(3);
  for (const width of [4, 8, 12]) {
    const count = 1001;
    const backing = new Uint8Array(count * width + 3);
    const values = backing.subarray(3);
    for (let i = 0; i < values.length; i++) values[i] = next() & 0xff;
    const streams = new Uint8Array(count * width + 1).subarray(1);
    split(values, count, width, streams);
    const back = new Uint8Array(count * width + 5).subarray(5);
    unsplit(streams, 0, count, width, 0, count, back, 0);
    assert.equal(Array.from(back), Array.from(values), `width ${width}`);
  }
});

test.run();
