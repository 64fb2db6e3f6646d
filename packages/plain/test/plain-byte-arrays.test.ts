import { ParquetryError, type ByteArrays, type NativeBinding } from '@parquetry/core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { copyRange, viewOf } from '../src/ts/byte-copy.js';
import { TS_PLAIN_KERNELS } from '../src/ts/kernels.js';
import { decodePlainByteArrays, gatherPlainByteArrays, scanPlainByteArrays, skipPlainByteArrays } from '../src/ts/plain-byte-arrays-decode.js';
import { encodePlainByteArrays } from '../src/ts/plain-byte-arrays-encode.js';
import type { PlainKernels } from '../src/ts/types.js';

// The native binding must fit where PlainKernels are taken (checked by the compiler).
const nativeFits: (binding: NativeBinding) => PlainKernels = (binding) => binding;
void nativeFits;

function error(fn: () => unknown): ParquetryError {
  try {
    fn();
  } catch (e) {
    if (ParquetryError.is(e)) return e;
    throw e;
  }
  throw new Error('did not throw');
}

const le32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24];
const text = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
/** "ab", "", "cde" with their 4-byte little-endian length prefixes. */
const ABC = new Uint8Array([...le32(2), ...text('ab'), ...le32(0), ...le32(3), ...text('cde')]);

test('scan fills offsets from 0 and returns the bytes spanned; gather copies the values', () => {
  const offsets = new Int32Array(4).fill(-1);
  assert.is(scanPlainByteArrays(ABC, offsets), ABC.length);
  assert.equal(Array.from(offsets), [0, 2, 2, 5]);
  const out = new Uint8Array(5);
  gatherPlainByteArrays(ABC, offsets, out);
  assert.equal(Array.from(out), text('abcde'));
  // fewer values than the input holds: only those are spanned
  const two = new Int32Array(3);
  assert.is(scanPlainByteArrays(ABC, two), 10);
  assert.is(error(() => scanPlainByteArrays(ABC, new Int32Array(0))).code, 'INVALID_ARGUMENT');
  assert.is(error(() => gatherPlainByteArrays(ABC, offsets, new Uint8Array(4))).code, 'INVALID_ARGUMENT');
  assert.is(error(() => gatherPlainByteArrays(ABC, Int32Array.of(0, 3, 2, 5), new Uint8Array(5))).code, 'INVALID_ARGUMENT');
});

test('scan errors: cut prefix, cut value, lengths negative as int32; offsets are where the prefix starts', () => {
  const cutPrefix = error(() => scanPlainByteArrays(new Uint8Array([...le32(1), 65, 1, 0]), new Int32Array(3)));
  assert.is(cutPrefix.code, 'TRUNCATED');
  assert.is(cutPrefix.offset, 5);
  const cutValue = error(() => scanPlainByteArrays(new Uint8Array([...le32(9), 1, 2]), new Int32Array(2)));
  assert.is(cutValue.code, 'TRUNCATED');
  assert.is(cutValue.offset, 0);
  for (const len of [0x80000000, 0xffffffff]) {
    const bad = error(() => scanPlainByteArrays(new Uint8Array([...le32(0), ...le32(len), 1, 2, 3]), new Int32Array(3)));
    assert.is(bad.code, 'CORRUPT', `length ${len}`);
    assert.is(bad.offset, 4);
  }
  // 0x7fffffff is a valid int32 but more than remains: cut short
  assert.is(error(() => scanPlainByteArrays(new Uint8Array([...le32(0x7fffffff), 1]), new Int32Array(2))).code, 'TRUNCATED');
});

test('decodePlainByteArrays copies only when two or more values have bytes', () => {
  const page = new Uint8Array([0xee, ...ABC, 0xee]);
  const both = decodePlainByteArrays(page, 1, page.length - 1, 3);
  assert.equal(Array.from(both.values.offsets), [0, 2, 2, 5]);
  assert.equal(Array.from(both.values.bytes), text('abcde'));
  assert.ok(both.values.bytes.buffer !== page.buffer, 'two values with bytes: a copy');
  assert.is(both.end, page.length - 1);

  // "", "xyz", "": the one value with bytes is a view of the input
  const sole = new Uint8Array([...le32(0), ...le32(3), ...text('xyz'), ...le32(0)]);
  const view = decodePlainByteArrays(sole, 0, sole.length, 3);
  assert.equal(Array.from(view.values.offsets), [0, 0, 3, 3]);
  assert.equal(Array.from(view.values.bytes), text('xyz'));
  assert.is(view.values.bytes.buffer, sole.buffer, 'shares the input');
  assert.is(view.values.bytes.byteOffset, 8);

  const empty = new Uint8Array([...le32(0), ...le32(0)]);
  const none = decodePlainByteArrays(empty, 0, 8, 2);
  assert.equal(Array.from(none.values.offsets), [0, 0, 0]);
  assert.is(none.values.bytes.length, 0);
  assert.is(decodePlainByteArrays(empty, 8, 8, 0).end, 8);
});

test('decodePlainByteArrays: errors carry offsets in the whole buffer, and a count the input cannot hold allocates nothing', () => {
  const page = new Uint8Array([0, 0, 0, ...le32(2), 65, 66, ...le32(7), 1]);
  const e = error(() => decodePlainByteArrays(page, 3, page.length, 2));
  assert.is(e.code, 'TRUNCATED');
  assert.is(e.offset, 9, 'the second prefix, counted from the buffer start');
  // 2^31 - 1 values need at least 8 GiB of prefixes: refused before the offsets are allocated
  assert.is(error(() => decodePlainByteArrays(page, 0, page.length, 2 ** 31 - 1)).code, 'TRUNCATED');
  assert.is(error(() => decodePlainByteArrays(page, 0, page.length, -1)).code, 'INVALID_ARGUMENT');
  assert.is(error(() => decodePlainByteArrays(page, 5, 4, 0)).code, 'INVALID_ARGUMENT');
  assert.is(error(() => decodePlainByteArrays(page, 0, page.length + 1, 0)).code, 'INVALID_ARGUMENT');
});

test('skipPlainByteArrays walks the prefixes and checks them', () => {
  assert.is(skipPlainByteArrays(ABC, 0, ABC.length, 2), 10);
  assert.is(skipPlainByteArrays(ABC, 10, ABC.length, 1), ABC.length);
  assert.is(error(() => skipPlainByteArrays(ABC, 0, ABC.length, 4)).code, 'TRUNCATED');
  assert.is(error(() => skipPlainByteArrays(ABC, 0, ABC.length - 1, 3)).code, 'TRUNCATED');
  const negative = new Uint8Array([...le32(0xfffffffe), 0]);
  assert.is(error(() => skipPlainByteArrays(negative, 0, 5, 1)).code, 'CORRUPT');
});

test('the decoder passes kernels the slice from its position and moves their error offsets back', () => {
  const page = new Uint8Array([9, 9, ...le32(1), 65, ...le32(5), 1]);
  const seen: number[] = [];
  const spy: PlainKernels = {
    ...TS_PLAIN_KERNELS,
    scanPlainByteArrays(bytes, offsets) {
      seen.push(bytes.byteOffset, bytes.length);
      return TS_PLAIN_KERNELS.scanPlainByteArrays(bytes, offsets);
    },
  };
  const e = error(() => decodePlainByteArrays(page, 2, page.length, 2, spy));
  assert.equal(seen, [2, page.length - 2]);
  assert.is(e.offset, 7);
});

test('encodePlainByteArrays: offsets may start anywhere; bad offsets are the caller\'s error', () => {
  const bytes = new Uint8Array(text('..abcde'));
  const out = encodePlainByteArrays(Int32Array.of(2, 4, 4, 7), bytes);
  assert.equal(Array.from(out), Array.from(ABC));
  assert.is(encodePlainByteArrays(Int32Array.of(0), bytes).length, 0);
  for (const offsets of [Int32Array.of(-1, 2), Int32Array.of(3, 2), Int32Array.of(0, 8), new Int32Array(0)]) {
    assert.is(error(() => encodePlainByteArrays(offsets, bytes)).code, 'INVALID_ARGUMENT', String(offsets));
  }
});

test('copyRange copies every length exactly, at any alignment', () => {
  const src = Uint8Array.from({ length: 700 }, (_, i) => (i * 37 + 11) & 0xff);
  const from = viewOf(src);
  for (const len of [0, 1, 3, 4, 5, 7, 8, 9, 15, 16, 17, 36, 255, 256, 300]) {
    for (let pos = 0; pos < 5; pos++) {
      for (let dst = 0; dst < 5; dst++) {
        const out = new Uint8Array(len + 10).fill(0xaa);
        copyRange(src, from, pos, out, viewOf(out), dst, len);
        for (let i = 0; i < out.length; i++) {
          const expected = i >= dst && i < dst + len ? src[pos + i - dst] : 0xaa;
          if (out[i] !== expected) assert.unreachable(`len ${len} pos ${pos} dst ${dst}: byte ${i}`);
        }
      }
    }
  }
});

test('byte arrays round trip through encode and decode for many shapes', () => {
  let s = 5;
  const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0);
  for (const maxLength of [0, 3, 40, 600]) {
    const n = 300;
    const offsets = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + (next() % (maxLength + 1));
    const values: ByteArrays = { offsets, bytes: Uint8Array.from({ length: offsets[n] }, () => next() & 0xff) };
    const encoded = encodePlainByteArrays(values.offsets, values.bytes);
    const { values: back, end } = decodePlainByteArrays(encoded, 0, encoded.length, n);
    assert.is(end, encoded.length);
    assert.equal(Array.from(back.offsets), Array.from(values.offsets));
    assert.equal(Array.from(back.bytes), Array.from(values.bytes));
  }
});

test.run();
