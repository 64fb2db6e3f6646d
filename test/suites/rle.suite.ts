// The RLE/bit-packing hybrid and BIT_PACKED conformance suite. Defined once; run with the native
// backend, the TS backend in Node, and the TS build in Chromium. It only uses the public API.
import { ByteCursor, ParquetryError } from '@parquetry/core';
import {
  decodeBitPacked,
  decodeRleHybrid,
  decodeRleHybridLengthPrefixed,
  encodeBitPacked,
  encodeRleHybrid,
  encodeRleHybridInto,
  encodeRleHybridLengthPrefixed,
  MAX_BIT_PACKED_GROUPS,
  MIN_RLE_RUN,
  RleHybridDecoder,
  rleHybridMaxSize,
} from '@parquetry/rle';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { hex, throwsParquetry } from '../lib/expect.js';
import { firstDifference, randomValues, rng, type Distribution } from '../lib/random.js';
import { listRuns } from '../lib/runs.js';

const bytes = (...b: number[]) => new Uint8Array(b);
const ints = (...v: number[]) => Int32Array.from(v);
const range = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

function assertValues(actual: Int32Array, expected: Int32Array, what: string): void {
  const at = firstDifference(actual, expected);
  assert.ok(at === -1, `${what}: first difference at index ${at} (${actual[at]} vs ${expected[at]}), lengths ${actual.length}/${expected.length}`);
}

// ---------------------------------------------------------------- hand-built bytes

const vectors = suite('rle: hand-built vectors');

vectors('spec example: 0..7 at width 3 is one bit-packed group', () => {
  // header 0b0000_0011 = (1 group << 1) | 1, then LSB-first 3-bit values:
  // 10001000 11000110 11111010
  const encoded = bytes(0x03, 0b10001000, 0b11000110, 0b11111010);
  assert.is(hex(encodeRleHybrid(range(8), 3)), hex(encoded));
  assertValues(decodeRleHybrid(encoded, 3, 8), range(8), 'decode');
});

vectors('an RLE run: 40 repeats of 5 at width 3 is header 40 << 1, value in one byte', () => {
  // 0x50 = 0b0101_0000 = 40 << 1 (RLE), 0x05 = the value
  assert.is(hex(encodeRleHybrid(new Int32Array(40).fill(5), 3)), '50 05');
  assertValues(decodeRleHybrid(bytes(0x50, 0x05), 3, 40), new Int32Array(40).fill(5), 'decode');
  // width 17 stores the value in ceil(17/8) = 3 little-endian bytes: 0x012345 -> 45 23 01
  assert.is(hex(encodeRleHybrid(new Int32Array(40).fill(0x12345), 17)), '50 45 23 01');
  assertValues(decodeRleHybrid(bytes(0x50, 0x45, 0x23, 0x01), 17, 40), new Int32Array(40).fill(0x12345), 'width 17');
  // width 32, value -1 (all ones): 4 value bytes
  assertValues(decodeRleHybrid(bytes(0x50, 0xff, 0xff, 0xff, 0xff), 32, 40), new Int32Array(40).fill(-1), 'width 32');
});

vectors('bit-packed group then RLE run', () => {
  // 0..7 at width 3, then 20 repeats of 1:
  // 03 | 88 c6 fa (group) | 28 = 20 << 1 (RLE) | 01
  const values = ints(...range(8), ...new Array(20).fill(1));
  assert.is(hex(encodeRleHybrid(values, 3)), '03 88 c6 fa 28 01');
  assertValues(decodeRleHybrid(bytes(0x03, 0x88, 0xc6, 0xfa, 0x28, 0x01), 3, 28), values, 'decode');
});

vectors('a repeat run lends values to align the bit-packed run before it', () => {
  // 1, 2, 3 then 21 zeros at width 2: the group takes 5 zeros (1 2 3 0 0 0 0 0), leaving 16 for RLE.
  // 03 | 00111001 = 0x39 (values 1, 2, 3, 0 from bit 0 up), 0x00 | 20 = 16 << 1 | 00
  assert.is(hex(encodeRleHybrid(ints(1, 2, 3, ...new Array(21).fill(0)), 2)), '03 39 00 20 00');
  // With 20 zeros only 15 would remain after lending: below MIN_RLE_RUN, so all 23 values are
  // bit-packed in 3 groups (header 0x07), padded with zeros to 24 values.
  const encoded = encodeRleHybrid(ints(1, 2, 3, ...new Array(20).fill(0)), 2);
  assert.is(hex(encoded), '07 39 00 00 00 00 00');
  assert.is(MIN_RLE_RUN, 16);
});

vectors('width 0: values take no bytes', () => {
  // 5 zeros: one bit-packed group with no data bytes
  assert.is(hex(encodeRleHybrid(new Int32Array(5), 0)), '03');
  assertValues(decodeRleHybrid(bytes(0x03), 0, 5), new Int32Array(5), 'bit-packed');
  // 100 zeros: RLE header varint(200) = c8 01 and no value bytes
  assert.is(hex(encodeRleHybrid(new Int32Array(100), 0)), 'c8 01');
  assertValues(decodeRleHybrid(bytes(0xc8, 0x01), 0, 100), new Int32Array(100), 'rle');
});

vectors('empty input and zero values', () => {
  assert.is(encodeRleHybrid(new Int32Array(0), 7).length, 0);
  assert.is(decodeRleHybrid(new Uint8Array(0), 7, 0).length, 0);
  assert.is(hex(encodeRleHybridLengthPrefixed(new Int32Array(0), 7)), '00 00 00 00');
});

vectors('length-prefixed form (data page v1 levels)', () => {
  // 04 00 00 00 = 4 bytes of levels follow; trailing bytes belong to whatever comes next
  const encoded = bytes(0x04, 0, 0, 0, 0x03, 0x88, 0xc6, 0xfa, 0xaa, 0xbb);
  const { values, bytesRead } = decodeRleHybridLengthPrefixed(encoded, 3, 8);
  assertValues(values, range(8), 'values');
  assert.is(bytesRead, 8);
  assert.is(hex(encodeRleHybridLengthPrefixed(range(8), 3)), '04 00 00 00 03 88 c6 fa');
});

vectors('the last bit-packed group may omit its padding bytes', () => {
  // 3 values at width 8 in a group declared as 8 values: the 5 padding bytes are absent
  assertValues(decodeRleHybrid(bytes(0x03, 7, 8, 9), 8, 3), ints(7, 8, 9), 'decode');
});

vectors('deprecated BIT_PACKED: spec example 0..7 at width 3, most significant bit first', () => {
  // 00000101 00111001 01110111
  const encoded = bytes(0b00000101, 0b00111001, 0b01110111);
  assert.is(hex(encodeBitPacked(range(8), 3)), hex(encoded));
  assertValues(decodeBitPacked(encoded, 3, 8), range(8), 'decode');
});

vectors('decoding into a caller-supplied array', () => {
  const out = new Int32Array(10).fill(-7);
  const result = decodeRleHybrid(bytes(0x03, 0x88, 0xc6, 0xfa), 3, 8, out);
  assertValues(result, range(8), 'result');
  assert.is(result.buffer, out.buffer, 'decoded in place');
  assert.is(out[8], -7, 'nothing written past count');
});

vectors.run();

// ---------------------------------------------------------------- streaming decoder

const streaming = suite('rle: streaming decoder');

streaming('read and skip within one bit-packed group', () => {
  const d = new RleHybridDecoder(bytes(0x03, 0x88, 0xc6, 0xfa), 3, 8);
  d.skip(3);
  const out = new Int32Array(2);
  d.read(out, 0, 2);
  assertValues(out, ints(3, 4), 'after skip 3');
  d.skip(2);
  const last = new Int32Array(1);
  d.read(last);
  assertValues(last, ints(7), 'last');
  assert.is(d.remaining, 0);
  assert.is(d.byteOffset, 4);
});

streaming('random reads and skips equal one full decode', () => {
  const values = randomValues(99, 20_000, 11, 'runs');
  const encoded = encodeRleHybrid(values, 11);
  const next = rng(5);
  for (let round = 0; round < 20; round++) {
    const d = new RleHybridDecoder(encoded, 11, values.length);
    let at = 0;
    while (d.remaining > 0) {
      const n = Math.min(d.remaining, Math.floor(next() * 700));
      if (next() < 0.5) {
        d.skip(n);
      } else {
        const out = new Int32Array(n + 3);
        d.read(out, 3, n);
        assertValues(out.subarray(3), values.subarray(at, at + n), `round ${round} at ${at}`);
      }
      at += n;
    }
    assert.is(d.byteOffset, encoded.length);
  }
});

streaming('a decoder on the caller\'s cursor leaves it after the runs it consumed', () => {
  // 2 levels runs, then an unrelated byte 0xee the page reader reads next
  const cursor = new ByteCursor(bytes(0x99, 0x03, 0x88, 0xc6, 0xfa, 0x50, 0x05, 0xee), 1);
  const d = new RleHybridDecoder(cursor, 3, 48);
  const out = new Int32Array(48);
  d.read(out);
  assertValues(out, ints(...range(8), ...new Array(40).fill(5)), 'values');
  assert.is(cursor.pos, 7);
  assert.is(cursor.readU8(), 0xee);
});

streaming('asking for more values than remain is an error', () => {
  const d = new RleHybridDecoder(bytes(0x03, 0x88, 0xc6, 0xfa), 3, 8);
  throwsParquetry(() => d.skip(9), 'INVALID_ARGUMENT', 'skip 9 of 8');
  throwsParquetry(() => d.read(new Int32Array(4), 0, 5), 'INVALID_ARGUMENT', 'read past the output');
});

streaming.run();

// ---------------------------------------------------------------- round trips

const roundTrips = suite('rle: seeded round trips');
const LENGTHS = [0, 1, 7, 8, 9, 1023, 1024, 1025, 100_000];
const DISTRIBUTIONS: Distribution[] = ['random', 'runs', 'extremes'];

for (let width = 0; width <= 32; width++) {
  roundTrips(`width ${width}: every length and distribution, hybrid and BIT_PACKED`, () => {
    for (const n of LENGTHS) {
      for (const dist of DISTRIBUTIONS) {
        const values = randomValues(width * 1000 + n + dist.length, n, width, dist);
        const what = `width ${width}, ${n} ${dist} values`;
        const encoded = encodeRleHybrid(values, width);
        assertValues(decodeRleHybrid(encoded, width, n), values, what);
        const prefixed = decodeRleHybridLengthPrefixed(encodeRleHybridLengthPrefixed(values, width), width, n);
        assertValues(prefixed.values, values, `${what}, length-prefixed`);
        const legacy = encodeBitPacked(values, width);
        assert.is(legacy.length, Math.ceil((n * width) / 8), `${what}: BIT_PACKED size`);
        assertValues(decodeBitPacked(legacy, width, n), values, `${what}, BIT_PACKED`);
      }
    }
  });
}

roundTrips('encoding into a reused, dirty buffer writes the same bytes and nothing else', () => {
  for (const width of [0, 1, 5, 8, 13, 24, 32]) {
    for (const dist of DISTRIBUTIONS) {
      const values = randomValues(width + 77, 3000, width, dist);
      const expected = encodeRleHybrid(values, width);
      const out = new Uint8Array(3 + rleHybridMaxSize(values.length, width) + 2).fill(0xaa);
      const written = encodeRleHybridInto(values, width, out, 3);
      assert.is(written, expected.length, `width ${width} ${dist}: size`);
      assert.is(hex(out.subarray(3, 3 + written)), hex(expected), `width ${width} ${dist}: bytes`);
      assert.is(out[2], 0xaa, 'nothing before the offset');
      assert.is(out[3 + written], 0xaa, 'nothing after the encoding');
    }
  }
  const values = randomValues(5, 1000, 9, 'random');
  const size = encodeRleHybrid(values, 9).length;
  throwsParquetry(() => encodeRleHybridInto(values, 9, new Uint8Array(size - 1)), 'LIMIT', 'buffer one byte short');
  throwsParquetry(() => encodeRleHybridInto(values, 9, new Uint8Array(size), 1), 'LIMIT', 'offset leaves too little');
  throwsParquetry(() => encodeRleHybridInto(values, 9, new Uint8Array(size), size + 1), 'INVALID_ARGUMENT', 'offset past the end');
});

roundTrips('long constant runs are single RLE runs', () => {
  for (const width of [1, 8, 20, 32]) {
    const values = randomValues(width, 1_000_000, width, 'constant');
    const encoded = encodeRleHybrid(values, width);
    assert.equal(listRuns(encoded, width), [{ kind: 'rle', values: 1_000_000 }], `width ${width}`);
    // varint(2_000_000) is 3 bytes, then the value
    assert.is(encoded.length, 3 + Math.ceil(width / 8));
    assertValues(decodeRleHybrid(encoded, width, values.length), values, `width ${width}`);
  }
});

roundTrips('random data is written as long bit-packed runs, repeats as RLE runs', () => {
  const random = randomValues(1, 200_000, 12, 'random');
  const runs = listRuns(encodeRleHybrid(random, 12), 12);
  assert.ok(runs.every((r) => r.kind === 'bit-packed'));
  // every bit-packed run but the last is as long as the encoder allows
  assert.ok(runs.slice(0, -1).every((r) => r.values === MAX_BIT_PACKED_GROUPS * 8), 'runs are long');

  const repeats = randomValues(2, 200_000, 12, 'runs');
  const mixed = listRuns(encodeRleHybrid(repeats, 12), 12);
  assert.ok(mixed.some((r) => r.kind === 'rle'), 'repeats become RLE runs');
  assert.ok(mixed.filter((r) => r.kind === 'rle').every((r) => r.values >= MIN_RLE_RUN), 'no short RLE runs');
  for (let i = 1; i < mixed.length; i++) {
    const twoBitPacked = mixed[i - 1].kind === 'bit-packed' && mixed[i].kind === 'bit-packed';
    assert.ok(!twoBitPacked || mixed[i - 1].values === MAX_BIT_PACKED_GROUPS * 8, 'adjacent bit-packed runs are merged');
  }
});

roundTrips.run();

// ---------------------------------------------------------------- bad input

const bad = suite('rle: bad input');

bad('truncated runs', () => {
  // bit-packed header for 2 groups at width 8 (16 bytes), only 3 follow
  throwsParquetry(() => decodeRleHybrid(bytes(0x05, 1, 2, 3), 8, 16), 'TRUNCATED', 'short bit-packed run');
  throwsParquetry(() => decodeRleHybrid(bytes(0x05, 1, 2, 3), 8, 16, new Int32Array(16)), 'TRUNCATED', 'short bit-packed run, caller output');
  // an RLE header at width 9 whose 2-byte value is missing
  throwsParquetry(() => decodeRleHybrid(bytes(0x10), 9, 8), 'TRUNCATED', 'RLE value missing');
  // the runs end before count values
  throwsParquetry(() => decodeRleHybrid(bytes(0x10, 0x01), 1, 9), 'TRUNCATED', 'fewer values than count');
  throwsParquetry(() => decodeBitPacked(bytes(0xff), 3, 8), 'TRUNCATED', 'BIT_PACKED short');
  throwsParquetry(() => decodeRleHybridLengthPrefixed(bytes(0x10, 0, 0), 1, 8), 'TRUNCATED', 'length prefix cut');
  throwsParquetry(() => decodeRleHybridLengthPrefixed(bytes(0x10, 0, 0, 0, 0x03), 1, 8), 'TRUNCATED', 'length prefix past the end');
});

bad('bit widths outside 0..32', () => {
  for (const width of [33, 64, -1, 1.5, Number.NaN]) {
    throwsParquetry(() => decodeRleHybrid(bytes(0x02, 0x01), width, 1), 'INVALID_ARGUMENT', `decode width ${width}`);
    throwsParquetry(() => encodeRleHybrid(ints(0), width), 'INVALID_ARGUMENT', `encode width ${width}`);
    throwsParquetry(() => decodeBitPacked(bytes(0), width, 1), 'INVALID_ARGUMENT', `BIT_PACKED width ${width}`);
    throwsParquetry(() => new RleHybridDecoder(bytes(0x02, 0x01), width, 1), 'INVALID_ARGUMENT', `decoder width ${width}`);
  }
});

bad('a last run past the count is read up to the count, as Arrow C++ does (DuckDB writes such runs)', () => {
  // RLE run of 100 values (header 200 = c8 01) of 1 when 10 are expected
  assert.equal(Array.from(decodeRleHybrid(bytes(0xc8, 0x01, 0x01), 1, 10)), new Array(10).fill(1));
  // bit-packed run of 3 groups (24 values, header 07) when 8 are expected: the first byte, 0b10100101
  assert.equal(Array.from(decodeRleHybrid(bytes(0x07, 0xa5, 0xff, 0xff), 1, 8)), [1, 0, 1, 0, 0, 1, 0, 1]);
  // its bytes past the count may be missing
  assert.equal(Array.from(decodeRleHybrid(bytes(0x07, 0xa5), 1, 8)), [1, 0, 1, 0, 0, 1, 0, 1]);
  // an RLE run of 2^31 - 1 values in 6 bytes against a count of 4: nothing is allocated for it
  assert.equal(Array.from(decodeRleHybrid(bytes(0xfe, 0xff, 0xff, 0xff, 0x0f, 0x01), 1, 4)), [1, 1, 1, 1]);
  // but the values taken must be there
  throwsParquetry(() => decodeRleHybrid(bytes(0x07, 0xa5), 1, 9), 'TRUNCATED', 'bit-packed bytes for 9 values');
});

bad('header varints that never end', () => {
  throwsParquetry(() => decodeRleHybrid(bytes(0xff, 0xff, 0xff), 1, 8), 'TRUNCATED', 'varint cut by the end');
  throwsParquetry(() => decodeRleHybrid(new Uint8Array(64).fill(0xff), 1, 8), 'CORRUPT', 'varint over 5 bytes');
});

bad('values that do not fit the width', () => {
  // RLE value 5 at width 2
  throwsParquetry(() => decodeRleHybrid(bytes(0x10, 0x05), 2, 8), 'CORRUPT', 'RLE value too wide');
  throwsParquetry(() => encodeRleHybrid(ints(4), 2), 'INVALID_ARGUMENT', 'encode 4 at width 2');
  throwsParquetry(() => encodeRleHybrid(ints(-1), 31), 'INVALID_ARGUMENT', 'encode -1 at width 31');
  throwsParquetry(() => encodeBitPacked(ints(8), 3), 'INVALID_ARGUMENT', 'BIT_PACKED 8 at width 3');
});

bad('a count the input cannot justify allocates nothing', () => {
  // 2 bytes cannot hold 2^31 - 1 values: refused before a 8 GiB output is allocated
  throwsParquetry(() => decodeRleHybrid(bytes(0x10, 0x01), 1, 2 ** 31 - 1), 'TRUNCATED', 'huge count, short input');
  throwsParquetry(() => decodeRleHybrid(bytes(0x03), 0, 2 ** 31 - 1), 'TRUNCATED', 'huge count at width 0');
  throwsParquetry(() => decodeRleHybrid(bytes(0x03), 1, -1), 'INVALID_ARGUMENT', 'negative count');
  throwsParquetry(() => decodeRleHybrid(bytes(0x03), 1, 2 ** 31), 'INVALID_ARGUMENT', 'count over 2^31 - 1');
  throwsParquetry(() => decodeRleHybrid(bytes(0x03, 0), 1, 8, new Int32Array(4)), 'INVALID_ARGUMENT', 'output too small');
});

bad('random bytes decode or fail with a ParquetryError, never anything else', () => {
  const next = rng(2024);
  for (let i = 0; i < 3000; i++) {
    const input = new Uint8Array(1 + Math.floor(next() * 40));
    for (let j = 0; j < input.length; j++) input[j] = Math.floor(next() * 256);
    const width = Math.floor(next() * 33);
    const count = Math.floor(next() * 300);
    try {
      const out = decodeRleHybrid(input, width, count);
      assert.is(out.length, count);
    } catch (error) {
      assert.ok(ParquetryError.is(error), `input ${hex(input)} width ${width}: ${String(error)}`);
    }
  }
});

bad.run();
