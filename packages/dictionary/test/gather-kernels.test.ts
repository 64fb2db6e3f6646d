import { ParquetryError, type ErrorCode } from '@parquetry/core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { gatherByteArrays, gatherFixedWidth, gatherWords32, gatherWords64 } from '../src/ts/gather-kernels.js';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0);
}

function throwsCode(fn: () => unknown, code: ErrorCode, detail?: RegExp): void {
  try {
    fn();
  } catch (error) {
    assert.ok(ParquetryError.is(error), String(error));
    assert.is((error as ParquetryError).code, code, (error as Error).message);
    if (detail) assert.match((error as ParquetryError).detail, detail);
    return;
  }
  assert.unreachable('did not throw');
}

test('gatherWords32 moves bit patterns, signalling NaNs included', () => {
  // 0x7f800001: a signalling NaN payload that a Float32Array round trip may quiet
  const dict = Int32Array.from([0x7f800001, -1, 0, 0x80000000 | 0]);
  const out = new Int32Array(6);
  gatherWords32(dict, Int32Array.from([3, 0, 0, 2, 1, 3]), out);
  assert.equal(Array.from(out), [0x80000000 | 0, 0x7f800001, 0x7f800001, 0, -1, 0x80000000 | 0]);
});

test('gatherWords64 copies both words of each value from an offset view', () => {
  const buffer = new Float64Array(5);
  const words = new Int32Array(buffer.buffer);
  // value e: (lo, hi) = (e * 2 + 1, 0x7ff00000 | e): NaNs with payloads for e > 0
  for (let e = 0; e < 5; e++) {
    words[2 * e] = e * 2 + 1;
    words[2 * e + 1] = 0x7ff00000 | e;
  }
  const dict = buffer.subarray(1); // 4 values from byte offset 8
  const out = new Float64Array(3);
  gatherWords64(dict, Int32Array.from([3, 0, 3]), out);
  const o = new Int32Array(out.buffer);
  // dict[3] is buffer value 4, dict[0] is buffer value 1
  assert.equal(Array.from(o), [9, 0x7ff00004, 3, 0x7ff00001, 9, 0x7ff00004]);
});

test('gatherWords64 of a dictionary without NaNs (moved as doubles) keeps every bit: -0, subnormals, infinities', () => {
  const dict = Float64Array.from([-0, 0, 5e-324, -5e-324, Infinity, -Infinity, 1.5, -(2 ** 1023)]);
  const next = lcg(3);
  const indices = Int32Array.from({ length: 103 }, () => next() % dict.length);
  const out = new Float64Array(indices.length);
  gatherWords64(dict, indices, out);
  const d = new Int32Array(dict.buffer);
  const o = new Int32Array(out.buffer);
  for (let k = 0; k < indices.length; k++) {
    assert.is(o[2 * k], d[2 * indices[k]], `value ${k} low word`);
    assert.is(o[2 * k + 1], d[2 * indices[k] + 1], `value ${k} high word`);
  }
});

test('gatherWords64 of a dictionary holding a NaN payload (or INT64 -1) keeps its bits on long pages too', () => {
  const buffer = new Float64Array(3);
  const words = new Int32Array(buffer.buffer);
  words.set([1, 0x7ff00001, -1, -1, 7, 0]); // a NaN with payload, INT64 -1 (a NaN pattern), INT64 7
  const indices = Int32Array.from({ length: 50 }, (_, k) => k % 3);
  const out = new Float64Array(50);
  gatherWords64(buffer, indices, out);
  const o = new Int32Array(out.buffer);
  for (let k = 0; k < 50; k++) {
    const v = k % 3;
    assert.equal([o[2 * k], o[2 * k + 1]], [words[2 * v], words[2 * v + 1]], `value ${k}`);
  }
});

test('gatherFixedWidth: word path (aligned, widths 4k) and byte path agree with a byte-by-byte gather', () => {
  const next = lcg(7);
  for (const width of [1, 3, 4, 7, 8, 12, 16, 300]) {
    for (const shift of [0, 1]) {
      const size = 37;
      const raw = new Uint8Array(size * width + shift);
      for (let i = 0; i < raw.length; i++) raw[i] = next() & 0xff;
      const dict = raw.subarray(shift);
      const indices = Int32Array.from({ length: 500 }, () => next() % size);
      const out = new Uint8Array(500 * width);
      gatherFixedWidth(dict, width, indices, out);
      for (let k = 0; k < 500; k++) {
        for (let b = 0; b < width; b++) {
          if (out[k * width + b] !== dict[indices[k] * width + b]) assert.unreachable(`width ${width} shift ${shift}: value ${k} byte ${b}`);
        }
      }
    }
  }
});

test('gatherByteArrays: offsets from the selected lengths, dictionary offsets starting anywhere', () => {
  // dictionary values "", "ab", "c", a 300-byte value, in bytes starting at offset 2
  const long = new Uint8Array(300).map((_, i) => i & 0xff);
  const bytes = new Uint8Array(2 + 3 + 300);
  bytes.set([0x61, 0x62, 0x63], 2);
  bytes.set(long, 5);
  const dict = { offsets: Int32Array.from([2, 2, 4, 5, 305]), bytes };
  const out = gatherByteArrays(dict, Int32Array.from([1, 0, 3, 2, 1]));
  assert.equal(Array.from(out.offsets), [0, 2, 2, 302, 303, 305]);
  assert.is(out.bytes.length, 305, 'sized exactly');
  assert.equal(Array.from(out.bytes.subarray(0, 2)), [0x61, 0x62]);
  assert.equal(Array.from(out.bytes.subarray(2, 302)), Array.from(long));
  assert.equal(Array.from(out.bytes.subarray(302)), [0x63, 0x61, 0x62]);
  assert.equal(Array.from(gatherByteArrays(dict, new Int32Array(0)).offsets), [0]);
});

test('indices outside the dictionary: CORRUPT naming the index and its position', () => {
  const dict32 = new Int32Array(4);
  throwsCode(() => gatherWords32(dict32, Int32Array.from([0, 1, 4]), new Int32Array(3)), 'CORRUPT', /index 4 at position 2 .* 4 values/);
  // -1 as read at bit width 32 is 2^32 - 1
  throwsCode(() => gatherWords32(dict32, Int32Array.from([-1]), new Int32Array(1)), 'CORRUPT', /index 4294967295 at position 0/);
  throwsCode(() => gatherWords64(new Float64Array(2), Int32Array.from([2]), new Float64Array(1)), 'CORRUPT', /index 2 at position 0/);
  throwsCode(() => gatherFixedWidth(new Uint8Array(24), 12, Int32Array.from([1, 2]), new Uint8Array(24)), 'CORRUPT', /index 2 at position 1/);
  throwsCode(() => gatherFixedWidth(new Uint8Array(10), 5, Int32Array.from([0, 9]), new Uint8Array(10)), 'CORRUPT', /index 9 at position 1/);
  // inside the four-at-a-time loop, and after it
  const many = Int32Array.from({ length: 13 }, (_, k) => k % 4);
  for (const [position, bad] of [[5, 4], [6, -3], [12, 9]]) {
    const indices = many.slice();
    indices[position] = bad;
    const shown = bad >>> 0;
    throwsCode(() => gatherWords32(dict32, indices, new Int32Array(13)), 'CORRUPT', new RegExp(`index ${shown} at position ${position} `));
    throwsCode(() => gatherWords64(new Float64Array(4), indices, new Float64Array(13)), 'CORRUPT', new RegExp(`index ${shown} at position ${position} `));
  }
  const ba = { offsets: Int32Array.from([0, 1]), bytes: new Uint8Array(1) };
  throwsCode(() => gatherByteArrays(ba, Int32Array.from([0, 0, 1])), 'CORRUPT', /index 1 at position 2 .* 1 values/);
  throwsCode(() => gatherByteArrays({ offsets: new Int32Array(0), bytes: new Uint8Array(0) }, Int32Array.from([0])), 'CORRUPT');
});

test('contract violations are INVALID_ARGUMENT', () => {
  throwsCode(() => gatherWords32(new Int32Array(2), Int32Array.from([0]), new Int32Array(2)), 'INVALID_ARGUMENT');
  throwsCode(() => gatherWords64(new Float64Array(2), Int32Array.from([0]), new Float64Array(0)), 'INVALID_ARGUMENT');
  throwsCode(() => gatherFixedWidth(new Uint8Array(10), 3, Int32Array.from([0]), new Uint8Array(3)), 'INVALID_ARGUMENT');
  throwsCode(() => gatherFixedWidth(new Uint8Array(9), 0, Int32Array.from([0]), new Uint8Array(0)), 'INVALID_ARGUMENT');
  throwsCode(() => gatherFixedWidth(new Uint8Array(9), 3, Int32Array.from([0]), new Uint8Array(4)), 'INVALID_ARGUMENT');
  // dictionary offsets past its bytes, or decreasing: caught where used
  throwsCode(() => gatherByteArrays({ offsets: Int32Array.from([0, 5]), bytes: new Uint8Array(4) }, Int32Array.from([0])), 'INVALID_ARGUMENT');
  throwsCode(() => gatherByteArrays({ offsets: Int32Array.from([3, 1]), bytes: new Uint8Array(4) }, Int32Array.from([0])), 'INVALID_ARGUMENT');
});

test.run();
