import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { PACK32, UNPACK32, UNPACK8 } from '../src/ts/bitpack.generated.js';
import { extractValue, packValues, unpackValues } from '../src/ts/bitpack.js';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0);
}

test('generated unpackers agree with the bit-by-bit definition for every width', () => {
  const next = lcg(1);
  for (let w = 0; w <= 32; w++) {
    const src = new Uint8Array(4 * w + 3);
    for (let i = 0; i < src.length; i++) src[i] = next() & 0xff;
    const out32 = new Int32Array(34);
    UNPACK32[w](src, 3 - 3, out32, 1);
    const out8 = new Int32Array(8);
    UNPACK8[w](src, 0, out8, 0);
    for (let i = 0; i < 32; i++) {
      // value i = bits [i*w, i*w + w) of the little-endian bit string
      let expected = 0;
      for (let b = 0; b < w; b++) {
        const bit = i * w + b;
        expected += ((src[bit >> 3] >> (bit & 7)) & 1) * 2 ** b;
      }
      assert.is(out32[i + 1], expected | 0, `unpack32 width ${w} value ${i}`);
      if (i < 8) assert.is(out8[i], expected | 0, `unpack8 width ${w} value ${i}`);
      assert.is(extractValue(src, 0, i, w) | 0, expected | 0, `extract width ${w} value ${i}`);
    }
    assert.is(out32[0], 0, 'nothing written before q');
    assert.is(out32[33], 0, 'nothing written after 32 values');
  }
});

test('pack then unpack from any starting index and length', () => {
  const next = lcg(2);
  for (let w = 0; w <= 32; w++) {
    const n = 200;
    const values = new Int32Array(n);
    for (let i = 0; i < n; i++) values[i] = w === 32 ? next() | 0 : next() % 2 ** w;
    const packed = new Uint8Array(Math.ceil(n / 8) * w + 2);
    assert.is(packValues(values, 0, n, w, packed, 2), 2 + Math.ceil(n / 8) * w);
    for (const [start, len] of [[0, 200], [3, 50], [8, 33], [31, 100], [199, 1], [64, 0]]) {
      const out = new Int32Array(len);
      unpackValues(packed, 2, start, len, w, out, 0);
      assert.equal(Array.from(out), Array.from(values.subarray(start, start + len)), `width ${w} from ${start} x ${len}`);
    }
  }
  assert.is(PACK32.length, 33);
});

test.run();
