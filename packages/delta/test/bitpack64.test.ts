import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { MASK, packGroup, unpackGroup } from '../src/ts/bitpack64.js';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0);
}

/** Value i of width w (0..64) from an LSB-first bit string, as a BigInt. */
function bitValue(src: Uint8Array, i: number, w: number): bigint {
  let v = 0n;
  for (let b = 0; b < w; b++) {
    const bit = i * w + b;
    if ((src[bit >> 3] >> (bit & 7)) & 1) v |= 1n << BigInt(b);
  }
  return v;
}

const halves = (lo: number, hi: number) => (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);

test('MASK', () => {
  assert.is(MASK[0], 0);
  assert.is(MASK[1], 1);
  assert.is(MASK[31], 0x7fffffff);
  assert.is(MASK[32], -1);
});

test('unpackGroup agrees with the bit-by-bit definition for widths 0..64', () => {
  const next = lcg(3);
  const lo = new Int32Array(32);
  const hi = new Int32Array(32);
  for (let w = 0; w <= 64; w++) {
    const src = new Uint8Array(4 * w + 5);
    for (let i = 0; i < src.length; i++) src[i] = next() & 0xff;
    hi.fill(0);
    unpackGroup(src, 5 - 5, src.length, w, lo, hi);
    for (let i = 0; i < 32; i++) {
      const got = w <= 32 ? BigInt(lo[i] >>> 0) : halves(lo[i], hi[i]);
      assert.is(got, bitValue(src, i, w), `width ${w} value ${i}`);
    }
  }
});

test('unpackGroup reads bytes at or past `end` as zeros (a final group whose padding is cut off)', () => {
  const next = lcg(4);
  const lo = new Int32Array(32);
  const hi = new Int32Array(32);
  for (const w of [3, 17, 32, 45, 64]) {
    const src = new Uint8Array(4 * w);
    for (let i = 0; i < src.length; i++) src[i] = next() & 0xff;
    const end = Math.floor(src.length / 3);
    const cut = src.slice();
    cut.fill(0, end);
    unpackGroup(src, 0, end, w, lo, hi);
    for (let i = 0; i < 32; i++) {
      const got = w <= 32 ? BigInt(lo[i] >>> 0) : halves(lo[i], hi[i]);
      assert.is(got, bitValue(cut, i, w), `width ${w} value ${i}`);
    }
  }
});

test('packGroup then unpackGroup round-trips every width, from any offset in the source', () => {
  const next = lcg(5);
  const lo = new Int32Array(40);
  const hi = new Int32Array(40);
  const outLo = new Int32Array(32);
  const outHi = new Int32Array(32);
  for (let w = 0; w <= 64; w++) {
    for (let i = 0; i < 40; i++) {
      lo[i] = w >= 32 ? next() | 0 : next() & MASK[w];
      hi[i] = w > 32 ? next() & MASK[w - 32] : 0;
    }
    const out = new Uint8Array(4 * w + 6).fill(0xee);
    const end = packGroup(lo, hi, 7, w, out, 3);
    assert.is(end, 3 + 4 * w, `width ${w}: 4 * width bytes`);
    assert.is(out[2], 0xee, 'nothing written before pos');
    assert.is(out[end], 0xee, 'nothing written after the group');
    unpackGroup(out, 3, out.length, w, outLo, outHi);
    for (let i = 0; i < 32; i++) {
      assert.is(outLo[i], lo[7 + i], `width ${w} value ${i} low half`);
      if (w > 32) assert.is(outHi[i], hi[7 + i], `width ${w} value ${i} high half`);
    }
  }
});

test('spec example: 0, 0, 0, 3, 3, 3, 3 at width 2 packs to 11000000 00111111', () => {
  const lo = new Int32Array(32);
  lo.set([0, 0, 0, 3, 3, 3, 3]);
  const out = new Uint8Array(8);
  packGroup(lo, lo, 0, 2, out, 0);
  assert.equal(Array.from(out), [0b11000000, 0b00111111, 0, 0, 0, 0, 0, 0]);
});

test.run();
