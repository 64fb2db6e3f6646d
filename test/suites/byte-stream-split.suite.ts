// BYTE_STREAM_SPLIT conformance suite (Encodings.md "Byte Stream Split"). Defined once; run with
// the native backend, the TS backend in Node, and the TS build in Chromium. Only the public API.
import { ParquetryError } from '@parquetry/core';
import { ByteStreamSplitDecoder, decodeByteStreamSplit, encodeByteStreamSplit } from '@parquetry/byte-stream-split';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { hex, throwsParquetry } from '../lib/expect.js';
import { rng } from '../lib/random.js';
import { sameBytes } from '../lib/values.js';

const bytes = (...b: number[]) => new Uint8Array(b);
const bytesOf = (v: ArrayBufferView) => new Uint8Array(v.buffer, v.byteOffset, v.byteLength);

function randomBytes(seed: number, length: number): Uint8Array {
  const next = rng(seed);
  return Uint8Array.from({ length }, () => Math.floor(next() * 256));
}

/** The streams by the spec's definition: byte k of value i at k * count + i. */
function referenceSplit(values: Uint8Array, width: number): Uint8Array {
  const count = values.length / width;
  const out = new Uint8Array(values.length);
  for (let i = 0; i < count; i++) for (let k = 0; k < width; k++) out[k * count + i] = values[i * width + k];
  return out;
}

// ---------------------------------------------------------------- hand-built bytes

const vectors = suite('byte-stream-split: hand-built vectors');

vectors('spec example: three 32-bit floats as raw bytes', () => {
  // element 0: AA BB CC DD, element 1: 00 11 22 33, element 2: A3 B4 C5 D6
  const values = bytes(0xaa, 0xbb, 0xcc, 0xdd, 0x00, 0x11, 0x22, 0x33, 0xa3, 0xb4, 0xc5, 0xd6);
  // stream 0 = every value's byte 0 (AA 00 A3), then stream 1 (BB 11 B4), stream 2, stream 3
  const streams = bytes(0xaa, 0x00, 0xa3, 0xbb, 0x11, 0xb4, 0xcc, 0x22, 0xc5, 0xdd, 0x33, 0xd6);
  assert.is(hex(encodeByteStreamSplit(values, 4)), hex(streams));
  assert.is(hex(decodeByteStreamSplit(streams, 4)), hex(values));
});

vectors('FLOAT 1.0 and -2.0: the exponent bytes land together in the last stream', () => {
  // 1.0f = 00 00 80 3f, -2.0f = 00 00 00 c0 (little endian)
  // streams: 00 00 | 00 00 | 80 00 | 3f c0
  const floats = Float32Array.of(1, -2);
  assert.is(hex(encodeByteStreamSplit(bytesOf(floats), 4)), '00 00 00 00 80 00 3f c0');
  assert.ok(sameBytes(bytesOf(new Float32Array(decodeByteStreamSplit(bytes(0, 0, 0, 0, 0x80, 0, 0x3f, 0xc0), 4).buffer)), bytesOf(floats)));
});

vectors('odd widths: FLOAT16 (2), a 3-byte decimal, width 1', () => {
  // two FLOAT16 values 0x3c00 (1.0) and 0xc000 (-2.0): 00 3c | 00 c0 -> 00 00 | 3c c0
  assert.is(hex(encodeByteStreamSplit(bytes(0x00, 0x3c, 0x00, 0xc0), 2)), '00 00 3c c0');
  // three 3-byte values 010203 040506 070809 -> 01 04 07 | 02 05 08 | 03 06 09
  assert.is(hex(encodeByteStreamSplit(bytes(1, 2, 3, 4, 5, 6, 7, 8, 9), 3)), '01 04 07 02 05 08 03 06 09');
  assert.is(hex(decodeByteStreamSplit(bytes(1, 4, 7, 2, 5, 8, 3, 6, 9), 3)), '01 02 03 04 05 06 07 08 09');
  // width 1 leaves the bytes as they are
  assert.is(hex(encodeByteStreamSplit(bytes(9, 8, 7), 1)), '09 08 07');
  assert.is(encodeByteStreamSplit(new Uint8Array(0), 8).length, 0);
  assert.is(decodeByteStreamSplit(new Uint8Array(0), 8).length, 0);
});

vectors.run();

// ---------------------------------------------------------------- round trips

const roundTrips = suite('byte-stream-split: seeded round trips');
const WIDTHS = [1, 2, 3, 4, 5, 8, 12, 16];
const LENGTHS = [0, 1, 127, 128, 129, 4097, 100_000];

for (const width of WIDTHS) {
  roundTrips(`width ${width}: every count encodes to the spec's streams and decodes back`, () => {
    for (const n of LENGTHS) {
      const values = randomBytes(width * 1000 + n, n * width);
      const streams = encodeByteStreamSplit(values, width);
      assert.ok(sameBytes(streams, referenceSplit(values, width)), `width ${width}, ${n} values: streams`);
      assert.ok(sameBytes(decodeByteStreamSplit(streams, width), values), `width ${width}, ${n} values: decode`);
    }
  });
}

roundTrips('FLOAT and DOUBLE special values come back bit for bit', () => {
  // quiet NaN, negative NaN with a payload, signalling NaN, -0, +0, +-Infinity, max, smallest subnormal
  const floatBits = Uint32Array.of(0x7fc00000, 0xffc00001, 0x7f800001, 0x80000000, 0, 0x7f800000, 0xff800000, 0x7f7fffff, 1);
  const doubleBits = BigUint64Array.of(0x7ff8000000000000n, 0xfff8000000000001n, 0x7ff0000000000001n, 0x8000000000000000n, 0n, 0x7ff0000000000000n, 0xfff0000000000000n, 0x7fefffffffffffffn, 1n);
  const floats = new Float32Array(floatBits.buffer);
  const doubles = new Float64Array(doubleBits.buffer);
  const f = new Float32Array(decodeByteStreamSplit(encodeByteStreamSplit(bytesOf(floats), 4), 4).buffer);
  const d = new Float64Array(decodeByteStreamSplit(encodeByteStreamSplit(bytesOf(doubles), 8), 8).buffer);
  assert.equal(Array.from(new Uint32Array(f.buffer)), Array.from(floatBits));
  assert.equal(Array.from(new BigUint64Array(d.buffer)), Array.from(doubleBits));
  assert.ok(Object.is(f[3], -0) && Object.is(d[3], -0), '-0 stays negative');
  assert.ok(Number.isNaN(f[0]) && d[5] === Infinity && f[6] === -Infinity);
});

roundTrips('decoding into a caller-supplied array', () => {
  const values = randomBytes(1, 40 * 8);
  const streams = encodeByteStreamSplit(values, 8);
  const exact = new Uint8Array(values.length);
  assert.is(decodeByteStreamSplit(streams, 8, exact), exact, 'an exact-size output is returned itself');
  assert.ok(sameBytes(exact, values));
  const larger = new Uint8Array(values.length + 5).fill(0xee);
  const result = decodeByteStreamSplit(streams, 8, larger);
  assert.is(result.buffer, larger.buffer, 'decoded in place');
  assert.is(result.length, values.length);
  assert.ok(sameBytes(result, values));
  assert.equal(Array.from(larger.subarray(values.length)), [0xee, 0xee, 0xee, 0xee, 0xee], 'nothing written past the values');
  // a typed view the caller keeps: decode DOUBLE straight into a Float64Array's bytes
  const doubles = new Float64Array(40);
  decodeByteStreamSplit(streams, 8, bytesOf(doubles));
  assert.ok(sameBytes(bytesOf(doubles), values));
  throwsParquetry(() => decodeByteStreamSplit(streams, 8, new Uint8Array(values.length - 1)), 'INVALID_ARGUMENT', 'output too small');
});

roundTrips.run();

// ---------------------------------------------------------------- streaming decoder

const streaming = suite('byte-stream-split: read and skip');

streaming('random reads and skips equal one full decode, for every width', () => {
  const next = rng(7);
  for (const width of WIDTHS) {
    for (const n of [1, 129, 4097]) {
      const values = randomBytes(width + n, n * width);
      const streams = encodeByteStreamSplit(values, width);
      for (let round = 0; round < 5; round++) {
        const decoder = new ByteStreamSplitDecoder(streams, width);
        let at = 0;
        while (decoder.remaining > 0) {
          const k = Math.min(decoder.remaining, Math.floor(next() * (next() < 0.2 ? 500 : 9)));
          const expected = values.subarray(at * width, (at + k) * width);
          const what = `width ${width}, ${n} values, round ${round}: ${k} at ${at}`;
          const choice = next();
          if (choice < 0.4) {
            decoder.skip(k);
          } else if (choice < 0.7) {
            assert.ok(sameBytes(decoder.read(k), expected), what);
          } else {
            // into a larger output at an odd offset
            const out = new Uint8Array(k * width + 6).fill(0xee);
            const result = decoder.read(k, out, 3);
            assert.is(result.buffer, out.buffer, `${what}: in place`);
            assert.ok(sameBytes(result, expected) && sameBytes(out.subarray(3, 3 + k * width), expected), what);
            assert.ok(out[2] === 0xee && out[3 + k * width] === 0xee, `${what}: nothing outside`);
          }
          at += k;
        }
        assert.is(at, n);
        assert.is(decoder.read(0).length, 0);
      }
    }
  }
});

streaming('streams inside a larger buffer, with and without a count', () => {
  // 2 bytes before, then INT32 streams of 3 values (1, 2, 0x01000000), then 2 trailing bytes
  const streams = encodeByteStreamSplit(bytesOf(Int32Array.of(1, 2, 0x01000000)), 4);
  const page = bytes(0xaa, 0xbb, ...streams, 0xcc, 0xdd);
  const decoder = new ByteStreamSplitDecoder(page, 4, 3, 2);
  assert.is(decoder.remaining, 3);
  decoder.skip(1);
  assert.equal(Array.from(new Int32Array(decoder.read(2).slice().buffer)), [2, 0x01000000]);
  assert.is(decoder.remaining, 0);
  // without a count the streams fill the rest of the buffer: 14 bytes from offset 2 are not whole INT32s
  throwsParquetry(() => new ByteStreamSplitDecoder(page, 4, undefined, 2), 'CORRUPT', 'no count, ragged rest');
  const whole = new ByteStreamSplitDecoder(page.subarray(0, 14), 4, undefined, 2);
  assert.is(whole.remaining, 3);
  // the count is checked against the bytes there
  throwsParquetry(() => new ByteStreamSplitDecoder(page, 4, 4, 2), 'TRUNCATED', '4 values in 14 bytes');
});

streaming('asking for more values than remain, or a bad output, is the caller\'s error', () => {
  const decoder = new ByteStreamSplitDecoder(new Uint8Array(16), 4);
  throwsParquetry(() => decoder.skip(5), 'INVALID_ARGUMENT', 'skip 5 of 4');
  throwsParquetry(() => decoder.read(5), 'INVALID_ARGUMENT', 'read 5 of 4');
  throwsParquetry(() => decoder.read(2, new Uint8Array(7)), 'INVALID_ARGUMENT', 'output too small');
  throwsParquetry(() => decoder.read(2, new Uint8Array(9), 2), 'INVALID_ARGUMENT', 'offset leaves too little');
  throwsParquetry(() => decoder.read(1, new Uint8Array(9), -1), 'INVALID_ARGUMENT', 'negative offset');
  throwsParquetry(() => decoder.skip(-1), 'INVALID_ARGUMENT', 'negative skip');
  assert.is(decoder.remaining, 4, 'failed calls move nothing');
});

streaming.run();

// ---------------------------------------------------------------- bad input

const bad = suite('byte-stream-split: bad input');

bad('a length that is not a whole number of values', () => {
  for (const [length, width] of [[7, 4], [9, 8], [1, 2], [13, 12], [5, 3]]) {
    const error = throwsParquetry(() => decodeByteStreamSplit(new Uint8Array(length), width), 'CORRUPT', `decode ${length} bytes at width ${width}`);
    assert.is(error.offset, length);
    throwsParquetry(() => encodeByteStreamSplit(new Uint8Array(length), width), 'INVALID_ARGUMENT', `encode ${length} bytes at width ${width}`);
    throwsParquetry(() => new ByteStreamSplitDecoder(new Uint8Array(length), width), 'CORRUPT', `decoder, ${length} bytes at width ${width}`);
  }
});

bad('widths that are not integers of at least 1', () => {
  for (const width of [0, -1, 1.5, Number.NaN, Infinity]) {
    throwsParquetry(() => decodeByteStreamSplit(new Uint8Array(8), width), 'INVALID_ARGUMENT', `decode width ${width}`);
    throwsParquetry(() => encodeByteStreamSplit(new Uint8Array(8), width), 'INVALID_ARGUMENT', `encode width ${width}`);
    throwsParquetry(() => new ByteStreamSplitDecoder(new Uint8Array(8), width), 'INVALID_ARGUMENT', `decoder width ${width}`);
  }
});

bad('decoder counts and offsets outside the input', () => {
  throwsParquetry(() => new ByteStreamSplitDecoder(new Uint8Array(8), 4, -1), 'INVALID_ARGUMENT', 'negative count');
  throwsParquetry(() => new ByteStreamSplitDecoder(new Uint8Array(8), 4, 1.5), 'INVALID_ARGUMENT', 'fractional count');
  throwsParquetry(() => new ByteStreamSplitDecoder(new Uint8Array(8), 4, 2 ** 31 - 1), 'TRUNCATED', 'huge count');
  throwsParquetry(() => new ByteStreamSplitDecoder(new Uint8Array(8), 4, 0, 9), 'INVALID_ARGUMENT', 'offset past the end');
  throwsParquetry(() => new ByteStreamSplitDecoder(new Uint8Array(8), 4, 0, -1), 'INVALID_ARGUMENT', 'negative offset');
});

bad('random inputs decode or fail with a ParquetryError, never anything else', () => {
  const next = rng(2024);
  for (let i = 0; i < 2000; i++) {
    const input = randomBytes(i, Math.floor(next() * 40));
    const width = 1 + Math.floor(next() * 17);
    try {
      assert.is(decodeByteStreamSplit(input, width).length, input.length);
    } catch (error) {
      assert.ok(ParquetryError.is(error) && error.code === 'CORRUPT', `${input.length} bytes at width ${width}: ${String(error)}`);
    }
  }
});

bad.run();
