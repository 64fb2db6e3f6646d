// The dictionary encoding conformance suite (Encodings.md, "Dictionary Encoding (PLAIN_DICTIONARY = 2
// and RLE_DICTIONARY = 8)"). Defined once; run with the native backend, the TS backend in Node, and
// the TS build in Chromium. It only uses the public API.
import { ParquetryError, type ByteArrays, type PhysicalType } from '@parquetry/core';
import {
  decodeDictionaryIndices,
  decodeDictionaryPage,
  decodeDictionaryValues,
  DictionaryEncoder,
  DictionaryIndicesDecoder,
  encodeDictionaryIndices,
  gatherByteArrays,
  gatherDictionary,
  gatherFixedWidth,
} from '@parquetry/dictionary';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { hex, throwsParquetry } from '../lib/expect.js';
import { firstDifference, randomValues, rng } from '../lib/random.js';

type Values = ReturnType<typeof gatherDictionary>;
const bytes = (...b: number[]) => new Uint8Array(b);
const ints = (...v: number[]) => Int32Array.from(v);
const utf8 = (s: string) => new TextEncoder().encode(s);

function byteArrays(...strings: Array<string | Uint8Array>): ByteArrays {
  const parts = strings.map((s) => (typeof s === 'string' ? utf8(s) : s));
  const offsets = new Int32Array(parts.length + 1);
  parts.forEach((p, i) => (offsets[i + 1] = offsets[i] + p.length));
  const all = new Uint8Array(offsets[parts.length]);
  parts.forEach((p, i) => all.set(p, offsets[i]));
  return { offsets, bytes: all };
}

function isByteArrays(v: Values): v is ByteArrays {
  return 'offsets' in v;
}

/** Fixed-width values as their bytes; byte arrays as lengths and bytes (offsets may start anywhere). */
function sameValues(a: Values, b: Values): string | null {
  if (isByteArrays(a) || isByteArrays(b)) {
    if (!isByteArrays(a) || !isByteArrays(b)) return 'representations differ';
    if (a.offsets.length !== b.offsets.length) return `${a.offsets.length - 1} vs ${b.offsets.length - 1} values`;
    for (let i = 0; i + 1 < a.offsets.length; i++) {
      const la = a.offsets[i + 1] - a.offsets[i];
      if (la !== b.offsets[i + 1] - b.offsets[i]) return `value ${i}: lengths differ`;
      for (let k = 0; k < la; k++) if (a.bytes[a.offsets[i] + k] !== b.bytes[b.offsets[i] + k]) return `value ${i}: byte ${k} differs`;
    }
    return null;
  }
  if (a.constructor !== b.constructor) return `${a.constructor.name} vs ${b.constructor.name}`;
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  const at = firstDifference(x, y);
  return at === -1 ? null : `first byte difference at ${at} (lengths ${x.length}/${y.length})`;
}

function assertSame(actual: Values, expected: Values, what: string): void {
  const problem = sameValues(actual, expected);
  assert.ok(problem === null, `${what}: ${problem}`);
}

function assertInts(actual: Int32Array, expected: Int32Array, what: string): void {
  const at = firstDifference(actual, expected);
  assert.ok(at === -1, `${what}: first difference at ${at} (${actual[at]} vs ${expected[at]}), lengths ${actual.length}/${expected.length}`);
}

// ---------------------------------------------------------------- hand-built bytes

const vectors = suite('dictionary: hand-built vectors');

vectors('indices: bit-width byte, then the spec example 0..7 at width 3', () => {
  // 03 = bit width 3 | 03 = one bit-packed group | 10001000 11000110 11111010 = 0..7 LSB first
  const encoded = bytes(0x03, 0x03, 0b10001000, 0b11000110, 0b11111010);
  assertInts(decodeDictionaryIndices(encoded, 8), ints(0, 1, 2, 3, 4, 5, 6, 7), 'decode');
  assert.is(hex(encodeDictionaryIndices(ints(0, 1, 2, 3, 4, 5, 6, 7), 8)), hex(encoded));
  // the same bytes under the deprecated PLAIN_DICTIONARY name: nothing differs in the data page
});

vectors('indices: RLE runs, width 0 from parquet-mr, width 1 from Arrow for one value', () => {
  // 02 = width 2 | 28 = RLE run of 20 | 02 = index 2 | 03 = bit-packed group | 0b11_10_01_00 = 0 1 2 3
  // from bit 0 up | 00 = padding of the group
  const mixed = bytes(0x02, 0x28, 0x02, 0x03, 0b11100100, 0x00);
  assertInts(decodeDictionaryIndices(mixed, 24), ints(...new Array(20).fill(2), 0, 1, 2, 3), 'RLE then bit-packed');
  // parquet-mr writes width 0 for a one-value dictionary: 00 | 0a = RLE run of 5, no value bytes
  assertInts(decodeDictionaryIndices(bytes(0x00, 0x0a), 5), new Int32Array(5), 'width 0');
  // Arrow C++ (and this encoder) write width 1: 01 | 28 = RLE run of 20 | 00
  const one = new DictionaryEncoder('INT32');
  assert.ok(one.add(new Int32Array(20).fill(42)));
  assert.is(hex(one.encodeIndices()), '01 28 00');
  assert.is(hex(one.dictionaryPage()), '2a 00 00 00');
});

vectors('an empty encoder writes an empty dictionary page and width 0', () => {
  const e = new DictionaryEncoder('BYTE_ARRAY');
  assert.ok(e.add(byteArrays()));
  assert.is(e.dictionaryPage().length, 0);
  assert.is(hex(e.encodeIndices()), '00');
  assert.is(decodeDictionaryIndices(bytes(0x00), 0).length, 0);
  assert.is(decodeDictionaryIndices(new Uint8Array(0), 0).length, 0, 'no bit-width byte for no values');
});

vectors('dictionary pages are PLAIN, in first-seen order', () => {
  const i32 = new DictionaryEncoder('INT32');
  i32.add(ints(9, 5, 9, -1, 5));
  // 9, 5, -1 as 4-byte little-endian
  assert.is(hex(i32.dictionaryPage()), '09 00 00 00 05 00 00 00 ff ff ff ff');
  assertInts(i32.indices(), ints(0, 1, 0, 2, 1), 'indices');
  // 02 = width 2 (3 values) | 03 = one group | 0b10_00_01_00 = 0 1 0 2 from bit 0 up | 0x01 = 1, then padding
  assert.is(hex(i32.encodeIndices()), '02 03 84 01');

  const strings = new DictionaryEncoder('BYTE_ARRAY');
  strings.add(byteArrays('ab', '', 'ab', 'c'));
  // 02 00 00 00 'a' 'b' | 00 00 00 00 (empty) | 01 00 00 00 'c'
  assert.is(hex(strings.dictionaryPage()), '02 00 00 00 61 62 00 00 00 00 01 00 00 00 63');
  assert.is(strings.dictionaryBytes, 15);
  const decoded = decodeDictionaryPage('BYTE_ARRAY', strings.dictionaryPage(), 3);
  assertSame(decoded, byteArrays('ab', '', 'c'), 'decoded page');
  assertSame(gatherDictionary(decoded, ints(2, 0, 1, 0), 'BYTE_ARRAY'), byteArrays('c', 'ab', '', 'ab'), 'gathered');

  const flba = new DictionaryEncoder('FIXED_LEN_BYTE_ARRAY', { typeLength: 3 });
  flba.add(bytes(1, 2, 3, 4, 5, 6, 1, 2, 3));
  assert.is(hex(flba.dictionaryPage()), '01 02 03 04 05 06');
  assertInts(flba.indices(), ints(0, 1, 0), 'FLBA indices');
});

vectors('values are keyed by bit pattern: -0, +0 and NaN payloads stay distinct', () => {
  const d = new Float64Array(5);
  const w = new Int32Array(d.buffer);
  // +0 | -0 (sign bit) | quiet NaN | NaN with payload 1 | +0 again
  w.set([0, 0, 0, 0x80000000 | 0, 0, 0x7ff80000, 1, 0x7ff80000, 0, 0]);
  const e = new DictionaryEncoder('DOUBLE');
  e.add(d);
  assert.is(e.size, 4);
  assertInts(e.indices(), ints(0, 1, 2, 3, 0), 'indices');
  assert.is(hex(e.dictionaryPage()), '00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 80 00 00 00 00 00 00 f8 7f 01 00 00 00 00 00 f8 7f');
  const dict = decodeDictionaryPage('DOUBLE', e.dictionaryPage(), 4);
  assertSame(gatherDictionary(dict, e.indices(), 'DOUBLE'), d, 'round trip, bit for bit');

  const f = new Float32Array(3);
  new Int32Array(f.buffer).set([0x7f800001, 0x80000000 | 0, 0x7f800001]); // signalling NaN, -0, the same NaN
  const ef = new DictionaryEncoder('FLOAT');
  ef.add(f);
  assert.is(hex(ef.dictionaryPage()), '01 00 80 7f 00 00 00 80');
  assertSame(gatherDictionary(decodeDictionaryPage('FLOAT', ef.dictionaryPage(), 2), ef.indices(), 'FLOAT'), f, 'FLOAT round trip');
});

vectors('INT96 and INT64 pages', () => {
  const int96 = new Uint8Array(36);
  int96.set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 0);
  int96.set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13], 12); // differs only in its last byte
  int96.set(int96.subarray(0, 12), 24);
  const e = new DictionaryEncoder('INT96');
  e.add(int96);
  assertInts(e.indices(), ints(0, 1, 0), 'INT96 indices');
  assert.is(hex(e.dictionaryPage()), hex(int96.subarray(0, 24)));
  const e64 = new DictionaryEncoder('INT64');
  e64.add(BigInt64Array.from([-(2n ** 63n), 1n, -(2n ** 63n)]));
  assert.is(hex(e64.dictionaryPage()), '00 00 00 00 00 00 00 80 01 00 00 00 00 00 00 00');
});

vectors('gathering into caller-supplied arrays, reused across pages', () => {
  const dict = Int32Array.from([10, 20, 30]);
  const out = new Int32Array(6).fill(-1);
  const values = gatherDictionary(dict, ints(2, 0, 2), 'INT32', undefined, out);
  assert.is(values.buffer, out.buffer, 'written in place');
  assert.equal(Array.from(out), [30, 10, 30, -1, -1, -1]);
  const flba = new Uint8Array(8);
  gatherDictionary(bytes(1, 2, 3, 4), ints(1, 0, 1), 'FIXED_LEN_BYTE_ARRAY', 2, flba);
  assert.is(hex(flba), '03 04 01 02 03 04 00 00');
  throwsParquetry(() => gatherDictionary(dict, ints(0, 0), 'INT32', undefined, new Int32Array(1)), 'INVALID_ARGUMENT', 'too small');
  throwsParquetry(() => gatherDictionary(dict, ints(0), 'INT32', undefined, new Float32Array(1)), 'INVALID_ARGUMENT', 'wrong kind');
  throwsParquetry(() => gatherDictionary(byteArrays('a'), ints(0), 'BYTE_ARRAY', undefined, new Uint8Array(9)), 'INVALID_ARGUMENT', 'byte arrays');
});

vectors('dictionary pages inside a larger buffer, aligned (decoded as views) or not (copied)', () => {
  for (const at of [8, 3]) {
    const page = new Uint8Array(at + 16);
    const words = new Int32Array(4);
    words.set([0, 0x7ff80000, 1, 0x7ff00000]); // two NaNs that differ in their payload
    page.set(new Uint8Array(words.buffer), at);
    const dict = decodeDictionaryPage('DOUBLE', page.subarray(at), 2);
    const got = gatherDictionary(dict, ints(1, 0, 1), 'DOUBLE') as Float64Array;
    assert.equal(Array.from(new Int32Array(got.buffer)), [1, 0x7ff00000, 0, 0x7ff80000, 1, 0x7ff00000], `page at ${at}`);
    const i32 = decodeDictionaryPage('INT32', page.subarray(at), 4);
    assertInts(gatherDictionary(i32, ints(3, 1), 'INT32') as Int32Array, ints(0x7ff00000, 0x7ff80000), `INT32 page at ${at}`);
  }
});

vectors.run();

// ---------------------------------------------------------------- round trips

interface Column {
  type: PhysicalType;
  /** Bytes per value, 0 for BYTE_ARRAY. */
  width: number;
  typeLength?: number;
}

const COLUMNS: Column[] = [
  { type: 'INT32', width: 4 },
  { type: 'INT64', width: 8 },
  { type: 'INT96', width: 12 },
  { type: 'FLOAT', width: 4 },
  { type: 'DOUBLE', width: 8 },
  { type: 'BYTE_ARRAY', width: 0 },
  { type: 'FIXED_LEN_BYTE_ARRAY', width: 16, typeLength: 16 },
];
const LENGTHS = [0, 1, 127, 128, 129, 4097, 100_000];
type Distribution = 'low cardinality' | 'high cardinality' | 'special';
const DISTRIBUTIONS: Distribution[] = ['low cardinality', 'high cardinality', 'special'];

/** Bit patterns (little-endian words) that a numeric compare would merge or break. */
const SPECIAL_32 = [0, 0x80000000, 0x7fc00000, 0x7fc00001, 0xffc00000, 0x7f800001, 0x7f800000, 0xff800000, 1, 0x7fffffff, 0xffffffff];
const SPECIAL_64 = [
  [0, 0], [0, 0x80000000], [0, 0x7ff80000], [1, 0x7ff80000], [0, 0xfff80000], [1, 0x7ff00000],
  [0, 0x7ff00000], [0, 0xfff00000], [1, 0], [0xffffffff, 0x7fffffff], [0xffffffff, 0xffffffff],
];

function randomBytes(next: () => number, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.floor(next() * 256);
  return out;
}

function fixedValues(column: Column, n: number, dist: Distribution, next: () => number): Values {
  const w = column.width;
  const raw = new Uint8Array(n * w);
  if (dist === 'high cardinality') {
    raw.set(randomBytes(next, n * w));
  } else {
    let pool: Uint8Array[];
    if (dist === 'low cardinality') pool = Array.from({ length: 10 }, () => randomBytes(next, w));
    else if (w === 4) pool = SPECIAL_32.map((v) => new Uint8Array(Int32Array.of(v | 0).buffer));
    else if (w === 8) pool = SPECIAL_64.map(([lo, hi]) => new Uint8Array(Int32Array.of(lo | 0, hi | 0).buffer));
    else pool = [new Uint8Array(w), new Uint8Array(w).fill(0xff), new Uint8Array(w).fill(1, w - 1), new Uint8Array(w).fill(1, 0, 1)];
    for (let i = 0; i < n; i++) raw.set(pool[Math.floor(next() * pool.length)], i * w);
  }
  switch (column.type) {
    case 'INT32': return new Int32Array(raw.buffer);
    case 'FLOAT': return new Float32Array(raw.buffer);
    case 'INT64': return new BigInt64Array(raw.buffer);
    case 'DOUBLE': return new Float64Array(raw.buffer);
    default: return raw;
  }
}

function byteArrayValues(n: number, dist: Distribution, next: () => number): ByteArrays {
  const long = [randomBytes(next, 10_240), randomBytes(next, 10_241)];
  long.push(long[0].slice());
  long[2][10_239] ^= 1; // differs from long[0] in its last byte only
  const pool = Array.from({ length: 10 }, () => randomBytes(next, Math.floor(next() * 13)));
  const parts: Uint8Array[] = [];
  for (let i = 0; i < n; i++) {
    if (dist === 'low cardinality') parts.push(pool[Math.floor(next() * pool.length)]);
    else if (dist === 'high cardinality') parts.push(randomBytes(next, Math.floor(next() * 25)));
    else parts.push(i % 97 === 0 ? long[Math.floor(next() * 3)] : new Uint8Array(0)); // empty and 10 kB strings
  }
  return byteArrays(...parts);
}

function slice(values: Values, column: Column, start: number, end: number): Values {
  if (isByteArrays(values)) return { offsets: values.offsets.subarray(start, end + 1), bytes: values.bytes };
  if (values instanceof Uint8Array) return values.subarray(start * column.width, end * column.width);
  return values.subarray(start, end);
}

function valueKey(values: Values, column: Column, i: number): string {
  const b = isByteArrays(values)
    ? values.bytes.subarray(values.offsets[i], values.offsets[i + 1])
    : new Uint8Array(values.buffer, values.byteOffset + i * column.width, column.width);
  let key = '';
  for (let k = 0; k < b.length; k += 4096) key += String.fromCharCode(...b.subarray(k, k + 4096));
  return key;
}

function expectedBitWidth(size: number): number {
  if (size <= 1) return size;
  let w = 0;
  while (2 ** w < size) w++;
  return w;
}

function roundTrip(column: Column, values: Values, n: number, what: string): void {
  const { type, typeLength } = column;
  const encoder = new DictionaryEncoder(type, { typeLength, maxDictionaryBytes: 1 << 26 });
  const batch = 1000 + (n % 7);
  assert.ok(encoder.add(slice(values, column, 0, Math.min(n, batch))), `${what}: first batch`);
  for (let s = batch; s < n; s += batch) assert.ok(encoder.add(slice(values, column, s, Math.min(n, s + batch))), `${what}: batch at ${s}`);
  const size = encoder.size;
  const indices = encoder.indices();
  assert.is(indices.length, n, `${what}: one index per value`);
  // first-seen order: each index is either seen before or the next new one
  let seen = 0;
  for (let k = 0; k < n; k++) {
    if (indices[k] === seen) seen++;
    else if (indices[k] > seen) assert.unreachable(`${what}: index ${indices[k]} at ${k} skips ahead of ${seen}`);
  }
  assert.is(seen, size, `${what}: every dictionary value is used`);

  const page = encoder.dictionaryPage();
  assert.is(page.length, encoder.dictionaryBytes, `${what}: dictionaryBytes is the page size`);
  const dictionary = decodeDictionaryPage(type, page, size, typeLength);
  const keys = new Set<string>();
  for (let e = 0; e < size; e++) keys.add(valueKey(dictionary, column, e));
  assert.is(keys.size, size, `${what}: no value twice in the dictionary`);

  const encoded = encoder.encodeIndices();
  assert.is(encoded[0], expectedBitWidth(size), `${what}: bit width`);
  // Into a dirty page buffer at an offset (how the writer takes them): the same bytes.
  const out = new Uint8Array(5 + encoder.maxIndicesBytes()).fill(0xee);
  assert.is(encoder.encodeIndicesInto(out, 5), encoded.length, `${what}: into, size`);
  assert.is(hex(out.subarray(5, 5 + encoded.length)), hex(encoded), `${what}: into, bytes`);
  assert.ok(out.subarray(0, 5).every((b) => b === 0xee), `${what}: into, guard bytes`);
  throwsParquetry(() => encoder.encodeIndicesInto(new Uint8Array(encoder.maxIndicesBytes()), 1), 'INVALID_ARGUMENT', `${what}: into, too small`);
  const decoded = decodeDictionaryIndices(encoded, n);
  assertInts(decoded, indices, `${what}: indices`);
  assertSame(gatherDictionary(dictionary, decoded, type, typeLength), values, `${what}: values`);
}

const roundTrips = suite('dictionary: seeded round trips, every type x length x distribution');

for (const column of COLUMNS) {
  roundTrips(`${column.type}${column.typeLength ? `(${column.typeLength})` : ''}`, () => {
    for (const n of LENGTHS) {
      for (const dist of DISTRIBUTIONS) {
        const next = rng(n * 31 + column.width * 7 + dist.length);
        const values = column.type === 'BYTE_ARRAY' ? byteArrayValues(n, dist, next) : fixedValues(column, n, dist, next);
        roundTrip(column, values, n, `${column.type}, ${n} values, ${dist}`);
      }
    }
  });
}

roundTrips('FIXED_LEN_BYTE_ARRAY of every awkward width, aligned or not', () => {
  for (const typeLength of [1, 2, 3, 4, 5, 8, 12, 33, 300]) {
    const column: Column = { type: 'FIXED_LEN_BYTE_ARRAY', width: typeLength, typeLength };
    for (const dist of DISTRIBUTIONS) {
      const values = fixedValues(column, 4097, dist, rng(typeLength * 3 + dist.length)) as Uint8Array;
      roundTrip(column, values, 4097, `FLBA(${typeLength}) ${dist}`);
      // the same values from an odd byte offset
      const shifted = new Uint8Array(values.length + 1);
      shifted.set(values, 1);
      roundTrip(column, shifted.subarray(1), 4097, `FLBA(${typeLength}) ${dist}, unaligned`);
    }
  }
});

/** Values as text to compare: the bytes of fixed-width values, offsets and bytes of byte arrays. */
function hexOf(values: Values): string {
  if ('offsets' in values) return `${Array.from(values.offsets).join(',')} | ${hex(values.bytes.subarray(values.offsets[0], values.offsets[values.offsets.length - 1]))}`;
  return hex(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
}

roundTrips('decodeDictionaryValues equals decoding the indices then gathering, every type, NaN payloads kept', () => {
  for (const column of COLUMNS) {
    for (const n of [0, 1, 9, 4097]) {
      const next = rng(n * 13 + column.width);
      const dict = column.type === 'BYTE_ARRAY' ? byteArrayValues(40, 'special', next) : fixedValues(column, 40, 'special', next);
      const indices = Int32Array.from({ length: n }, () => Math.floor(next() * 40));
      const page = encodeDictionaryIndices(indices, 40);
      const want = gatherDictionary(dict as never, indices, column.type, column.typeLength);
      const got = decodeDictionaryValues(page, n, dict as never, column.type, column.typeLength);
      assert.is(hexOf(got), hexOf(want), `${column.type} x ${n}`);
    }
  }
  // an 8-byte dictionary whose values are NaN bit patterns (a DOUBLE NaN with payload, INT64 -1)
  const nan = new Float64Array(new Int32Array([1, 0x7ff00001, -1, -1]).buffer);
  const got = decodeDictionaryValues(encodeDictionaryIndices(ints(1, 0, 1), 2), 3, nan, 'DOUBLE') as Float64Array;
  assert.equal(Array.from(new Int32Array(got.buffer, got.byteOffset, 6)), [-1, -1, 1, 0x7ff00001, -1, -1]);
});

roundTrips('the fixed-width and byte-array gathers on their own', () => {
  const dict = bytes(0xee, 1, 2, 3, 4, 5, 6).subarray(1); // two 3-byte values from an odd offset
  const out = new Uint8Array(9);
  gatherFixedWidth(dict, 3, ints(1, 0, 1), out);
  assert.is(hex(out), '04 05 06 01 02 03 04 05 06');
  const gathered = gatherByteArrays(byteArrays('x', 'yz'), ints(1, 1, 0));
  assert.equal(Array.from(gathered.offsets), [0, 2, 4, 5]);
  assert.is(hex(gathered.bytes), '79 7a 79 7a 78');
});

roundTrips.run();

// ---------------------------------------------------------------- the size limit

const limit = suite('dictionary: size-limit fallback');

/** What a refused add must leave as it was. */
function snapshot(e: DictionaryEncoder): string {
  return `${e.size} values, ${e.dictionaryBytes} bytes, page ${hex(e.dictionaryPage())}, indices ${e.indices().join(',')}`;
}

limit('add returns false exactly when the PLAIN dictionary would pass the limit, and changes nothing', () => {
  const e = new DictionaryEncoder('INT32', { maxDictionaryBytes: 40 });
  assert.ok(e.add(ints(0, 1, 2, 3, 4, 5, 6, 7, 8)), '36 bytes');
  assert.ok(e.add(ints(9, 9, 0)), '40 bytes: at the limit is within it');
  assert.is(e.dictionaryBytes, 40);
  assert.not.ok(e.overflowed);
  const before = snapshot(e);
  // repeats first, then an 11th value: the whole batch is refused, its repeats included
  assert.is(e.add(ints(3, 3, 10, 4)), false);
  assert.ok(e.overflowed);
  assert.is(snapshot(e), before, 'state as before the refused batch');
  // a batch of known values still fits; overflowed stays set until reset
  assert.ok(e.add(ints(2, 2)));
  assertInts(e.indices(), ints(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 0, 2, 2), 'indices');
  assert.ok(e.overflowed);
  e.reset();
  assert.is(snapshot(e), '0 values, 0 bytes, page , indices ');
  assert.not.ok(e.overflowed);
  assert.ok(e.add(ints(10, 11)), 'after reset the dictionary starts empty');
  assertInts(e.indices(), ints(0, 1), 'renumbered from 0');
});

limit('byte arrays count 4 length bytes each; the default limit is 1 MiB', () => {
  // 'abc' (7 PLAIN bytes) + '' (4) = 11 = the limit
  const e = new DictionaryEncoder('BYTE_ARRAY', { maxDictionaryBytes: 11 });
  assert.ok(e.add(byteArrays('abc', '', 'abc')));
  assert.is(e.dictionaryBytes, 11);
  assert.is(e.add(byteArrays('')), true, 'known value');
  assert.is(e.add(byteArrays('d')), false, 'one more byte string passes it');
  assert.is(e.size, 2);

  // 131072 distinct INT64 values are exactly 1 MiB; one more is refused
  const big = new DictionaryEncoder('INT64');
  const values = new BigInt64Array(131_073);
  for (let i = 0; i < values.length; i++) values[i] = BigInt(i) * 1_000_003n;
  assert.ok(big.add(values.subarray(0, 131_072)));
  assert.is(big.dictionaryBytes, 1024 * 1024);
  assert.is(big.add(values.subarray(131_072)), false);
  assert.is(big.size, 131_072);
  assert.is(big.indices().length, 131_072);
});

limit('random batches against a model of the rule', () => {
  for (const max of [0, 4, 100, 4000]) {
    const next = rng(max + 1);
    const e = new DictionaryEncoder('FLOAT', { maxDictionaryBytes: max });
    const known = new Set<number>();
    const all: number[] = [];
    for (let round = 0; round < 200; round++) {
      const batch = randomValues(round * 13 + max, Math.floor(next() * 40), 32, 'random').map((v) => v % 1500);
      const fresh = new Set<number>();
      for (const v of batch) if (!known.has(v)) fresh.add(v);
      const fits = (known.size + fresh.size) * 4 <= max;
      const f = new Float32Array(batch.buffer);
      assert.is(e.add(f), fits, `limit ${max}, round ${round}`);
      if (fits) {
        for (const v of fresh) known.add(v);
        all.push(...batch);
      }
      assert.is(e.size, known.size);
    }
    assert.is(e.indices().length, all.length);
    const dict = decodeDictionaryPage('FLOAT', e.dictionaryPage(), e.size);
    assertInts(new Int32Array((gatherDictionary(dict, e.indices(), 'FLOAT') as Float32Array).buffer), Int32Array.from(all), `limit ${max}: values`);
  }
});

limit.run();

// ---------------------------------------------------------------- streaming indices

const streaming = suite('dictionary: streaming indices decoder');

streaming('skip and read within and across runs', () => {
  // 03 = width 3 | 03 88 c6 fa = 0..7 | 28 05 = 20 repeats of 5
  const d = new DictionaryIndicesDecoder(bytes(0x03, 0x03, 0x88, 0xc6, 0xfa, 0x28, 0x05), 28);
  assert.is(d.bitWidth, 3);
  d.skip(3);
  const out = new Int32Array(6).fill(-1);
  d.read(out, 1, 4);
  assertInts(out, ints(-1, 3, 4, 5, 6, -1), 'after skipping 3');
  d.skip(10); // 7 and 9 of the repeats
  assert.is(d.remaining, 11);
  const rest = new Int32Array(11);
  d.read(rest);
  assertInts(rest, new Int32Array(11).fill(5), 'the rest of the run');
  assert.is(d.byteOffset, 7);
  throwsParquetry(() => d.skip(1), 'INVALID_ARGUMENT', 'skip past the end');
});

streaming('from a byte offset inside a page, random reads and skips equal one full decode', () => {
  const values = randomValues(4, 30_000, 10, 'runs');
  const body = encodeDictionaryIndices(values, 1024);
  const page = new Uint8Array(body.length + 5);
  page.set(body, 5); // as if a 5-byte level section came first
  const next = rng(9);
  for (let round = 0; round < 10; round++) {
    const d = new DictionaryIndicesDecoder(page, values.length, 5);
    assert.is(d.bitWidth, 10);
    let at = 0;
    while (d.remaining > 0) {
      const n = Math.min(d.remaining, Math.floor(next() * 900));
      if (next() < 0.5) d.skip(n);
      else {
        const out = new Int32Array(n);
        d.read(out, 0, n);
        assertInts(out, values.subarray(at, at + n), `round ${round} at ${at}`);
      }
      at += n;
    }
    assert.is(d.byteOffset, page.length);
  }
});

streaming.run();

// ---------------------------------------------------------------- bad input

const bad = suite('dictionary: bad input');

bad('an index outside the dictionary: CORRUPT naming it and its position', () => {
  const dict = decodeDictionaryPage('INT32', bytes(1, 0, 0, 0, 2, 0, 0, 0), 2);
  const error = throwsParquetry(() => gatherDictionary(dict, ints(0, 1, 1, 2, 0), 'INT32'), 'CORRUPT', 'index 2 of 2');
  assert.match(error.detail, /index 2 at position 3/);
  for (const column of COLUMNS) {
    const values = column.type === 'BYTE_ARRAY' ? byteArrays('a', 'b') : fixedValues(column, 2, 'low cardinality', rng(1));
    throwsParquetry(() => gatherDictionary(values, ints(1, 0, 7), column.type, column.typeLength), 'CORRUPT', `${column.type}: index 7`);
    throwsParquetry(() => gatherDictionary(values, ints(-1), column.type, column.typeLength), 'CORRUPT', `${column.type}: index 2^32 - 1`);
  }
  // indices decoded at width 32 can exceed any dictionary: 20 repeats of 0xffffffff
  const huge = decodeDictionaryIndices(bytes(0x20, 0x28, 0xff, 0xff, 0xff, 0xff), 20);
  throwsParquetry(() => gatherDictionary(dict, huge, 'INT32'), 'CORRUPT', 'index 4294967295');
});

bad('decodeDictionaryValues: bad indices, widths and counts as decodeDictionaryIndices and the gather report them', () => {
  const dict = Int32Array.of(5, 6);
  for (const type of ['INT32', 'DOUBLE'] as const) {
    const d = type === 'INT32' ? dict : Float64Array.of(1.5, 2.5);
    const error = throwsParquetry(() => decodeDictionaryValues(encodeDictionaryIndices(ints(0, 1, 1, 2, 0), 3), 5, d as never, type), 'CORRUPT', `${type} index 2`);
    assert.match(error.detail, /index 2 at position 3/);
    throwsParquetry(() => decodeDictionaryValues(bytes(40, 0x02, 0x00), 1, d as never, type), 'CORRUPT', `${type} width 40`);
    throwsParquetry(() => decodeDictionaryValues(bytes(0x01, 0x10, 0x00), 9, d as never, type), 'TRUNCATED', `${type} count past the runs`);
    throwsParquetry(() => decodeDictionaryValues(bytes(0x01, 0x10, 0x00), 2 ** 31 - 1, d as never, type), 'TRUNCATED', `${type} huge count`);
    throwsParquetry(() => decodeDictionaryValues(new Uint8Array(0), 1, d as never, type), 'TRUNCATED', `${type} no bit-width byte`);
  }
});

bad('bit widths over 32 are CORRUPT', () => {
  for (const width of [33, 64, 255]) {
    const error = throwsParquetry(() => decodeDictionaryIndices(bytes(width, 0x02, 0x00), 1), 'CORRUPT', `width ${width}`);
    assert.is(error.offset, 0);
    throwsParquetry(() => new DictionaryIndicesDecoder(bytes(0x00, width), 1, 1), 'CORRUPT', `decoder, width ${width}`);
  }
});

bad('truncated indices and counts larger than the data', () => {
  // width 8, a bit-packed group of 8 one-byte values with 3 bytes present
  throwsParquetry(() => decodeDictionaryIndices(bytes(0x08, 0x03, 1, 2, 3), 8), 'TRUNCATED', 'short group');
  // width 9, an RLE run whose 2-byte value is cut
  throwsParquetry(() => decodeDictionaryIndices(bytes(0x09, 0x10, 0x01), 8), 'TRUNCATED', 'short RLE value');
  // 01 | 10 00 = 8 values, but 9 asked for
  throwsParquetry(() => decodeDictionaryIndices(bytes(0x01, 0x10, 0x00), 9), 'TRUNCATED', 'count past the runs');
  throwsParquetry(() => decodeDictionaryIndices(new Uint8Array(0), 1), 'TRUNCATED', 'no bit-width byte');
  // a count no input of 3 bytes could hold is refused before allocating for it
  throwsParquetry(() => decodeDictionaryIndices(bytes(0x01, 0x10, 0x00), 2 ** 31 - 1), 'TRUNCATED', 'huge count');
  throwsParquetry(() => decodeDictionaryIndices(bytes(0x01, 0x10, 0x00), -1), 'INVALID_ARGUMENT', 'negative count');
  // a dictionary page shorter than its count
  throwsParquetry(() => decodeDictionaryPage('INT64', new Uint8Array(12), 2), 'TRUNCATED', 'INT64 page');
  throwsParquetry(() => decodeDictionaryPage('BYTE_ARRAY', bytes(5, 0, 0, 0, 0x61), 1), 'TRUNCATED', 'byte array page');
});

bad('BOOLEAN dictionaries are read but not written; contract violations are INVALID_ARGUMENT', () => {
  // a BOOLEAN dictionary page [true, false] is PLAIN: bits 1, 0 -> 0b00000001
  const page = decodeDictionaryPage('BOOLEAN', bytes(0b01), 2);
  assert.equal(Array.from(page), [1, 0]);
  assert.equal(Array.from(gatherDictionary(page, ints(1, 0, 0, 1), 'BOOLEAN')), [0, 1, 1, 0]);
  throwsParquetry(() => gatherDictionary(page, ints(2), 'BOOLEAN'), 'CORRUPT', 'BOOLEAN index 2');
  throwsParquetry(() => new DictionaryEncoder('BOOLEAN'), 'UNSUPPORTED', 'BOOLEAN encoder');
  throwsParquetry(() => new DictionaryEncoder('FIXED_LEN_BYTE_ARRAY'), 'INVALID_ARGUMENT', 'FLBA without typeLength');
  throwsParquetry(() => decodeDictionaryPage('FIXED_LEN_BYTE_ARRAY', bytes(1), 1), 'INVALID_ARGUMENT', 'FLBA page without typeLength');
  throwsParquetry(() => gatherDictionary(new Float32Array(2) as unknown as Int32Array, ints(0), 'INT32'), 'INVALID_ARGUMENT', 'wrong dictionary representation');
  const e = new DictionaryEncoder('INT64');
  assert.ok(e.add(BigInt64Array.of(5n)));
  throwsParquetry(() => e.add(Int32Array.of(1) as unknown as BigInt64Array), 'INVALID_ARGUMENT', 'wrong batch representation');
  throwsParquetry(() => e.encodeIndices(ints(0, 1)), 'INVALID_ARGUMENT', 'index 1 of a one-value dictionary');
  const s = new DictionaryEncoder('BYTE_ARRAY');
  throwsParquetry(() => s.add({ offsets: ints(0, 4), bytes: new Uint8Array(3) }), 'INVALID_ARGUMENT', 'offsets past the bytes');
  throwsParquetry(() => s.add({ offsets: ints(2, 1), bytes: new Uint8Array(3) }), 'INVALID_ARGUMENT', 'decreasing offsets');
  assert.is(s.size, 0, 'nothing added by a refused batch');
  assert.is(e.size, 1);
});

bad('random bytes decode or fail with a ParquetryError, never anything else', () => {
  const next = rng(77);
  for (let i = 0; i < 3000; i++) {
    const input = randomBytes(next, Math.floor(next() * 40));
    if (input.length > 0 && next() < 0.8) input[0] = Math.floor(next() * 34); // mostly plausible widths
    const count = Math.floor(next() * 300);
    try {
      const indices = decodeDictionaryIndices(input, count);
      assert.is(indices.length, count);
      gatherDictionary(new Int32Array(4), indices, 'INT32');
    } catch (error) {
      assert.ok(ParquetryError.is(error), `input ${hex(input)} count ${count}: ${String(error)}`);
    }
  }
});

bad.run();
