import { ParquetryError } from '@parquetry/core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { decodePlainBooleans, encodePlainBooleans } from '../src/ts/plain-booleans.js';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0);
}

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    assert.ok(ParquetryError.is(error), String(error));
    return error.code;
  }
  return 'no error';
}

/** Bit i of the LSB-first bit string, the definition PLAIN BOOLEAN uses. */
const bitAt = (bytes: Uint8Array, i: number) => (bytes[i >> 3] >> (i & 7)) & 1;

test('decode agrees with the bit-by-bit definition from every bit offset and count', () => {
  const next = lcg(7);
  const src = new Uint8Array(140);
  for (let i = 0; i < src.length; i++) src[i] = next() & 0xff;
  for (let bitOffset = 0; bitOffset < 20; bitOffset++) {
    for (const count of [0, 1, 2, 7, 8, 9, 15, 16, 17, 63, 64, 65, 1000]) {
      const out = new Uint8Array(count + 1).fill(9);
      const spanned = decodePlainBooleans(src, bitOffset, out.subarray(0, count));
      assert.is(spanned, Math.ceil((bitOffset + count) / 8), `bytes spanned, offset ${bitOffset} count ${count}`);
      for (let i = 0; i < count; i++) {
        if (out[i] !== bitAt(src, bitOffset + i)) assert.unreachable(`offset ${bitOffset} count ${count}: value ${i}`);
      }
      assert.is(out[count], 9, 'nothing written past the output');
    }
  }
});

test('decode needs exactly the bytes that hold the bits', () => {
  // 9 bits from bit 7 end in byte 1 (bits 7..15): 2 bytes suffice, 1 does not
  assert.is(decodePlainBooleans(new Uint8Array([0x80, 0xff]), 7, new Uint8Array(9)), 2);
  assert.is(code(() => decodePlainBooleans(new Uint8Array([0x80]), 7, new Uint8Array(9))), 'TRUNCATED');
  assert.is(code(() => decodePlainBooleans(new Uint8Array(0), 0, new Uint8Array(1))), 'TRUNCATED');
  assert.is(decodePlainBooleans(new Uint8Array(0), 0, new Uint8Array(0)), 0);
  assert.is(code(() => decodePlainBooleans(new Uint8Array(1), -1, new Uint8Array(1))), 'INVALID_ARGUMENT');
});

test('encode is the inverse of decode, last byte padded with zero bits', () => {
  const next = lcg(3);
  for (const n of [0, 1, 5, 8, 9, 31, 1001]) {
    const values = Uint8Array.from({ length: n }, () => next() >>> 31);
    const packed = encodePlainBooleans(values);
    assert.is(packed.length, Math.ceil(n / 8));
    for (let i = 0; i < packed.length * 8; i++) assert.is(bitAt(packed, i), i < n ? values[i] : 0, `n ${n} bit ${i}`);
    const back = new Uint8Array(n);
    decodePlainBooleans(packed, 0, back);
    assert.equal(Array.from(back), Array.from(values));
  }
});

test('encode refuses values other than 0 and 1, naming the first', () => {
  for (const at of [0, 7, 8, 12]) {
    const values = new Uint8Array(13);
    values[at] = 2;
    values[12] = 255;
    try {
      encodePlainBooleans(values);
      assert.unreachable('did not throw');
    } catch (error) {
      assert.ok(ParquetryError.is(error));
      assert.is(error.code, 'INVALID_ARGUMENT');
      assert.ok(error.message.includes(`index ${at}`), error.message);
    }
  }
});

test.run();
