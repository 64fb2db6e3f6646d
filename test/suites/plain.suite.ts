// PLAIN conformance suite (Encodings.md "Plain"), every physical type. Defined once; run with the
// native backend, the TS backend in Node, and the TS build in Chromium. Only the public API is used.
import { ParquetryError, type ByteArrays, type PhysicalType } from '@parquetry/core';
import { decodePlain, encodePlain, encodePlainInto, PlainDecoder, plainEncodedSize, type PlainValues } from '@parquetry/plain';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { hex, throwsParquetry } from '../lib/expect.js';
import { randomValues, rng } from '../lib/random.js';
import { randomByteArrays, randomInt64, sameByteArrays, sameBytes } from '../lib/values.js';

const bytes = (...b: number[]) => new Uint8Array(b);
const le32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24];
const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
type Fixed = Exclude<PlainValues, ByteArrays>;
const bytesOf = (v: Fixed) => new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
const isByteArrays = (v: PlainValues): v is ByteArrays => !ArrayBuffer.isView(v);

/** Bytes per value as PlainValues holds them (BYTE_ARRAY: not fixed). */
const perValue = (type: PhysicalType, typeLength = 0) =>
  ({ BOOLEAN: 1, INT32: 1, INT64: 1, FLOAT: 1, DOUBLE: 1, INT96: 12, FIXED_LEN_BYTE_ARRAY: typeLength, BYTE_ARRAY: 0 })[type];

function count(type: PhysicalType, values: PlainValues, typeLength?: number): number {
  return isByteArrays(values) ? values.offsets.length - 1 : values.length / perValue(type, typeLength);
}

/** Values equal bit for bit (NaN payloads and the sign of zero included). */
function sameValues(a: PlainValues, b: PlainValues): boolean {
  if (isByteArrays(a) || isByteArrays(b)) return isByteArrays(a) && isByteArrays(b) && sameByteArrays(a, b);
  return sameBytes(bytesOf(a), bytesOf(b));
}

/** Values [at, at + n) of `values`. */
function slice(type: PhysicalType, values: PlainValues, at: number, n: number, typeLength?: number): PlainValues {
  if (isByteArrays(values)) return { offsets: values.offsets.subarray(at, at + n + 1), bytes: values.bytes };
  const k = perValue(type, typeLength);
  return values.subarray(at * k, (at + n) * k);
}

/** An independent PLAIN encoder, written from the spec with explicit little-endian DataView stores. */
function referencePlain(type: PhysicalType, values: PlainValues, typeLength?: number): Uint8Array {
  if (isByteArrays(values)) {
    const n = values.offsets.length - 1;
    const out = new Uint8Array(4 * n + values.offsets[n] - values.offsets[0]);
    const view = new DataView(out.buffer);
    for (let i = 0, p = 0; i < n; i++) {
      const value = values.bytes.subarray(values.offsets[i], values.offsets[i + 1]);
      view.setUint32(p, value.length, true);
      out.set(value, p + 4);
      p += 4 + value.length;
    }
    return out;
  }
  if (type === 'BOOLEAN') {
    const out = new Uint8Array(Math.ceil(values.length / 8));
    for (let i = 0; i < values.length; i++) out[i >> 3] |= (values[i] as number) << (i & 7);
    return out;
  }
  if (type === 'INT96' || type === 'FIXED_LEN_BYTE_ARRAY') return Uint8Array.from(values as Uint8Array);
  const out = new Uint8Array(values.byteLength);
  const view = new DataView(out.buffer);
  if (values instanceof BigInt64Array) values.forEach((v, i) => view.setBigInt64(8 * i, v, true));
  else if (values instanceof Int32Array) values.forEach((v, i) => view.setInt32(4 * i, v, true));
  else {
    // floats by their bits: a float read as a number may lose a signalling NaN's payload
    const words = new Uint32Array(values.buffer, values.byteOffset, values.byteLength / 4);
    words.forEach((w, i) => view.setUint32(4 * i, w, true));
  }
  return out;
}

// ---------------------------------------------------------------- hand-built bytes

const vectors = suite('plain: hand-built vectors');

function vector(type: PhysicalType, values: PlainValues, encoded: Uint8Array, typeLength?: number): void {
  assert.is(hex(encodePlain(type, values, typeLength)), hex(encoded), `${type}: encode`);
  assert.is(plainEncodedSize(type, values, typeLength), encoded.length, `${type}: size`);
  const n = count(type, values, typeLength);
  assert.ok(sameValues(decodePlain(type, encoded, n, typeLength), values), `${type}: decode`);
  const decoder = new PlainDecoder(type, encoded, typeLength);
  decoder.read(n);
  assert.is(decoder.byteOffset, encoded.length, `${type}: decoder ends after the values`);
}

vectors('BOOLEAN: bit-packed LSB first, the last byte padded with zero bits', () => {
  // values 1 0 1 1 0 0 0 0 | 1 -> 0b00001101, then 0b00000001 (7 zero padding bits)
  vector('BOOLEAN', bytes(1, 0, 1, 1, 0, 0, 0, 0, 1), bytes(0b00001101, 0b00000001));
  vector('BOOLEAN', bytes(), bytes());
  vector('BOOLEAN', bytes(1, 1, 1, 1, 1, 1, 1, 1), bytes(0xff));
});

vectors('INT32 and INT64: little-endian two\'s complement', () => {
  // 1, -1, 0x12345678, -2^31
  vector('INT32', Int32Array.of(1, -1, 0x12345678, -(2 ** 31)), bytes(1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0x78, 0x56, 0x34, 0x12, 0, 0, 0, 0x80));
  // 0x0102030405060708, -2
  vector('INT64', BigInt64Array.of(0x0102030405060708n, -2n), bytes(8, 7, 6, 5, 4, 3, 2, 1, 0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff));
});

vectors('FLOAT and DOUBLE: IEEE 754 little endian', () => {
  // 1.0f = 0x3f800000, -2.5f = 0xc0200000
  vector('FLOAT', Float32Array.of(1, -2.5), bytes(0, 0, 0x80, 0x3f, 0, 0, 0x20, 0xc0));
  // 1.0 = 0x3ff0000000000000, -0.0 = 0x8000000000000000
  vector('DOUBLE', Float64Array.of(1, -0), bytes(0, 0, 0, 0, 0, 0, 0xf0, 0x3f, 0, 0, 0, 0, 0, 0, 0, 0x80));
});

vectors('INT96 and FIXED_LEN_BYTE_ARRAY: the bytes as stored', () => {
  const int96 = bytes(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 0xff, 0xfe, 0xfd, 0xfc, 0xfb, 0xfa, 0xf9, 0xf8, 0xf7, 0xf6, 0xf5, 0xf4);
  vector('INT96', int96, int96);
  // two values of type_length 3: 01 02 03 | 04 05 06
  vector('FIXED_LEN_BYTE_ARRAY', bytes(1, 2, 3, 4, 5, 6), bytes(1, 2, 3, 4, 5, 6), 3);
});

vectors('BYTE_ARRAY: 4-byte little-endian length, then the bytes', () => {
  // "Hello" | "" | "ab"
  const values: ByteArrays = { offsets: Int32Array.of(0, 5, 5, 7), bytes: new Uint8Array(ascii('Helloab')) };
  vector('BYTE_ARRAY', values, bytes(...le32(5), ...ascii('Hello'), ...le32(0), ...le32(2), ...ascii('ab')));
  // offsets need not start at 0
  const shifted: ByteArrays = { offsets: Int32Array.of(2, 4), bytes: new Uint8Array(ascii('..xy')) };
  assert.is(hex(encodePlain('BYTE_ARRAY', shifted)), '02 00 00 00 78 79');
});

vectors.run();

// ---------------------------------------------------------------- seeded round trips

const roundTrips = suite('plain: seeded round trips');
const LENGTHS = [0, 1, 127, 128, 129, 4097, 100_000];
const DISTRIBUTIONS = ['random', 'sorted', 'constant', 'extremes'] as const;
type Dist = (typeof DISTRIBUTIONS)[number];

const FLOAT_EXTREMES = [0x7fc00000, 0xffc00001, 0x7f800001, 0x80000000, 0, 0x7f800000, 0xff800000, 0x7f7fffff, 1];
const DOUBLE_EXTREMES = [0x7ff8000000000000n, 0xfff8000000000001n, 0x7ff0000000000001n, 0x8000000000000000n, 0n, 0x7ff0000000000000n, 0xfff0000000000000n, 0x7fefffffffffffffn, 1n];

/** Raw bytes of `n` values of `width` bytes: random, little-endian counter, constant, or all 0x00 / all 0xff. */
function rawValues(seed: number, n: number, width: number, dist: Dist): Uint8Array {
  const next = rng(seed);
  const out = new Uint8Array(n * width);
  const constant = Array.from({ length: width }, () => Math.floor(next() * 256));
  for (let i = 0; i < n; i++) {
    const extreme = next() < 0.5 ? 0 : 0xff;
    for (let k = 0; k < width; k++) {
      out[i * width + k] =
        dist === 'random' ? Math.floor(next() * 256) : dist === 'sorted' ? (k < 4 ? (i >>> (8 * k)) & 0xff : 0) : dist === 'constant' ? constant[k] : extreme;
    }
  }
  return out;
}

function byteArrays(seed: number, n: number, dist: Dist): ByteArrays {
  if (dist === 'random') return randomByteArrays(seed, n, 20);
  const next = rng(seed);
  const strings: number[][] = [];
  // extremes: empty values and 10 kB ones (about 100 of those, whatever n is)
  const every = Math.max(2, Math.ceil(n / 100));
  const big = Array.from({ length: 10_000 }, () => Math.floor(next() * 256));
  for (let i = 0; i < n; i++) {
    strings.push(dist === 'sorted' ? ascii(String(1_000_000 + 7 * i)) : dist === 'constant' ? ascii('parquetry') : i % every === 1 ? big : []);
  }
  const offsets = new Int32Array(n + 1);
  strings.forEach((s, i) => (offsets[i + 1] = offsets[i] + s.length));
  const out = new Uint8Array(offsets[n]);
  strings.forEach((s, i) => out.set(s, offsets[i]));
  return { offsets, bytes: out };
}

function valuesFor(type: PhysicalType, seed: number, n: number, dist: Dist, typeLength = 0): PlainValues {
  const next = rng(seed);
  switch (type) {
    case 'BOOLEAN':
      return Uint8Array.from({ length: n }, (_, i) =>
        dist === 'random' ? (next() < 0.5 ? 1 : 0) : dist === 'sorted' ? (i < n / 3 ? 0 : 1) : dist === 'constant' ? 1 : i & 1);
    case 'INT32': {
      if (dist === 'extremes') return Int32Array.from({ length: n }, () => [-(2 ** 31), 2 ** 31 - 1, 0, -1][Math.floor(next() * 4)]);
      const v = randomValues(seed, n, 32, dist === 'sorted' ? 'random' : dist);
      return dist === 'sorted' ? v.sort() : v;
    }
    case 'INT64':
      return randomInt64(seed, n, dist);
    case 'FLOAT': {
      const out = new Float32Array(n);
      const bits = new Uint32Array(out.buffer);
      for (let i = 0; i < n; i++) {
        if (dist === 'random') bits[i] = Math.floor(next() * 2 ** 32); // every pattern, NaN payloads too
        else if (dist === 'extremes') bits[i] = FLOAT_EXTREMES[Math.floor(next() * FLOAT_EXTREMES.length)];
        else out[i] = dist === 'constant' ? 3.25 : i * 0.5 - 100;
      }
      return out;
    }
    case 'DOUBLE': {
      const out = new Float64Array(n);
      const bits = new BigUint64Array(out.buffer);
      const words = new Uint32Array(out.buffer);
      for (let i = 0; i < n; i++) {
        if (dist === 'random') {
          words[2 * i] = Math.floor(next() * 2 ** 32);
          words[2 * i + 1] = Math.floor(next() * 2 ** 32);
        } else if (dist === 'extremes') bits[i] = DOUBLE_EXTREMES[Math.floor(next() * DOUBLE_EXTREMES.length)];
        else out[i] = dist === 'constant' ? Math.PI : i * 1e-3 - 7;
      }
      return out;
    }
    case 'INT96':
      return rawValues(seed, n, 12, dist);
    case 'FIXED_LEN_BYTE_ARRAY':
      return rawValues(seed, n, typeLength, dist);
    case 'BYTE_ARRAY':
      return byteArrays(seed, n, dist);
  }
}

const CASES: Array<[PhysicalType, number?]> = [
  ['BOOLEAN'], ['INT32'], ['INT64'], ['INT96'], ['FLOAT'], ['DOUBLE'], ['BYTE_ARRAY'],
  ['FIXED_LEN_BYTE_ARRAY', 1], ['FIXED_LEN_BYTE_ARRAY', 2], ['FIXED_LEN_BYTE_ARRAY', 3], ['FIXED_LEN_BYTE_ARRAY', 16],
];

for (const [type, typeLength] of CASES) {
  const name = typeLength ? `${type}(${typeLength})` : type;
  roundTrips(`${name}: every length and distribution encodes to the spec's bytes and decodes back`, () => {
    for (const n of LENGTHS) {
      for (const dist of DISTRIBUTIONS) {
        const what = `${name}, ${n} ${dist} values`;
        const values = valuesFor(type, n * 31 + dist.length + (typeLength ?? 0), n, dist, typeLength);
        const encoded = encodePlain(type, values, typeLength);
        assert.ok(sameBytes(encoded, referencePlain(type, values, typeLength)), `${what}: bytes differ from the reference`);
        assert.is(plainEncodedSize(type, values, typeLength), encoded.length, `${what}: size`);
        assert.ok(sameValues(decodePlain(type, encoded, n, typeLength), values), `${what}: decode`);
        // Into a dirty buffer at an offset: the same bytes there, nothing written around them.
        const out = new Uint8Array(encoded.length + 10).fill(0xee);
        assert.is(encodePlainInto(type, values, out, 3, typeLength), encoded.length, `${what}: into, size`);
        assert.ok(sameBytes(out.subarray(3, 3 + encoded.length), encoded), `${what}: into, bytes`);
        assert.ok(out.subarray(0, 3).every((b) => b === 0xee) && out.subarray(3 + encoded.length).every((b) => b === 0xee), `${what}: into, guard bytes`);
        if (encoded.length > 0) throwsParquetry(() => encodePlainInto(type, values, new Uint8Array(encoded.length + 2), 3, typeLength), 'INVALID_ARGUMENT', `${what}: into, too small`);
      }
    }
  });
}

roundTrips.run();

// ---------------------------------------------------------------- streaming: read and skip

const streaming = suite('plain: read and skip');

for (const [type, typeLength] of CASES) {
  streaming(`${typeLength ? `${type}(${typeLength})` : type}: random reads and skips equal one full decode`, () => {
    const n = 4097;
    const values = valuesFor(type, 17, n, 'random', typeLength);
    const encoded = encodePlain(type, values, typeLength);
    const next = rng(99);
    for (let round = 0; round < 10; round++) {
      const decoder = new PlainDecoder(type, encoded, typeLength);
      let at = 0;
      while (at < n) {
        const k = Math.min(n - at, Math.floor(next() * (next() < 0.2 ? 600 : 12)));
        if (next() < 0.5) decoder.skip(k);
        else assert.ok(sameValues(decoder.read(k), slice(type, values, at, k, typeLength)), `round ${round}: ${k} values at ${at}`);
        at += k;
      }
      assert.is(decoder.byteOffset, encoded.length, `round ${round}: ends after the values`);
      assert.is(count(type, decoder.read(0), typeLength), 0);
      // PLAIN carries no count: the zero bits padding the last BOOLEAN byte read as values
      if (type === 'BOOLEAN') assert.ok((decoder.read((8 - (n % 8)) % 8) as Uint8Array).every((v) => v === 0), 'padding bits are zero');
      throwsParquetry(() => decoder.read(1), 'TRUNCATED', 'a value past the end');
    }
  });
}

streaming('BOOLEAN: a decoder stopped mid-byte goes on from the next bit', () => {
  // 0b10110101 0b00000110: values 1 0 1 0 1 1 0 1 | 0 1 1 0 ...
  const decoder = new PlainDecoder('BOOLEAN', bytes(0b10110101, 0b00000110));
  decoder.skip(3);
  assert.is(decoder.byteOffset, 1, 'a started byte counts as read');
  assert.equal(Array.from(decoder.read(4)), [0, 1, 1, 0]);
  decoder.skip(2);
  assert.equal(Array.from(decoder.read(3)), [1, 1, 0]);
  assert.is(decoder.byteOffset, 2);
  decoder.skip(2);
  throwsParquetry(() => decoder.skip(3), 'TRUNCATED', 'skip past the last bit');
  assert.equal(Array.from(decoder.read(2)), [0, 0], 'a failed skip moves nothing');
  assert.is(decoder.byteOffset, 2);
});

streaming('a decoder over part of a buffer stays inside it', () => {
  // 0xee | INT32 7 | INT32 -1 | 0xee: byteOffset 1, byteEnd 9
  const page = bytes(0xee, 7, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xee);
  const decoder = new PlainDecoder('INT32', page, undefined, 1, 9);
  assert.equal(Array.from(decoder.read(2)), [7, -1]);
  assert.is(decoder.byteOffset, 9);
  throwsParquetry(() => decoder.read(1), 'TRUNCATED', 'the byte after byteEnd is not read');
  throwsParquetry(() => new PlainDecoder('INT32', page, undefined, 5, 4), 'INVALID_ARGUMENT', 'offset after end');
  throwsParquetry(() => new PlainDecoder('INT32', page, undefined, 0, 11), 'INVALID_ARGUMENT', 'end past the buffer');
});

streaming.run();

// ---------------------------------------------------------------- views and copies

const views = suite('plain: views and copies');

views('fixed-width values are views of the input where aligned, copies where not', () => {
  const cases: Array<[PhysicalType, Fixed, number]> = [
    ['INT32', Int32Array.of(1, -2, 3), 4],
    ['FLOAT', Float32Array.of(1.5, -0, Infinity), 4],
    ['INT64', BigInt64Array.of(1n, -(2n ** 63n)), 8],
    ['DOUBLE', Float64Array.of(Number.NaN, -0), 8],
  ];
  for (const [type, values, size] of cases) {
    const encoded = encodePlain(type, values);
    const n = values.length;
    for (let at = 0; at <= 9; at++) {
      const backing = new Uint8Array(at + encoded.length);
      backing.set(encoded, at);
      const decoded = decodePlain(type, backing.subarray(at), n) as Fixed;
      const viaDecoder = new PlainDecoder(type, backing, undefined, at).read(n) as Fixed;
      for (const result of [decoded, viaDecoder]) {
        assert.ok(sameBytes(bytesOf(result), encoded), `${type} at ${at}: values`);
        const aligned = at % size === 0;
        assert.is(result.buffer === backing.buffer, aligned, `${type} at ${at}: ${aligned ? 'a view' : 'a copy'}`);
      }
      // a view sees the input change; a copy does not
      backing[at] ^= 0xff;
      assert.is(bytesOf(decoded)[0] === backing[at], at % size === 0, `${type} at ${at}: shares memory`);
    }
    assert.ok(encodePlain(type, values).buffer !== values.buffer, `${type}: encoding is a copy`);
  }
});

views('INT96 and FIXED_LEN_BYTE_ARRAY are views at any offset; BOOLEAN is always new', () => {
  const backing = bytes(0, ...Array.from({ length: 24 }, (_, i) => i));
  const int96 = decodePlain('INT96', backing.subarray(1), 2);
  assert.is(int96.buffer, backing.buffer);
  assert.is(int96.byteOffset, 1);
  assert.is(int96.length, 24);
  const flba = new PlainDecoder('FIXED_LEN_BYTE_ARRAY', backing, 5, 1).read(3);
  assert.is(flba.buffer, backing.buffer);
  assert.equal(Array.from(flba), Array.from({ length: 15 }, (_, i) => i));
  const bools = decodePlain('BOOLEAN', backing, 8);
  assert.ok(bools.buffer !== backing.buffer);
});

views.run();

// ---------------------------------------------------------------- bad input

const bad = suite('plain: bad input');

bad('a count larger than the data is TRUNCATED, for every type', () => {
  const cases: Array<[PhysicalType, Uint8Array, number, number?]> = [
    ['BOOLEAN', bytes(0xff), 9],
    ['INT32', new Uint8Array(7), 2],
    ['INT64', new Uint8Array(15), 2],
    ['INT96', new Uint8Array(23), 2],
    ['FLOAT', new Uint8Array(3), 1],
    ['DOUBLE', new Uint8Array(8), 2],
    ['FIXED_LEN_BYTE_ARRAY', new Uint8Array(9), 2, 5],
    ['BYTE_ARRAY', bytes(...le32(1), 65), 2],
    ['BYTE_ARRAY', bytes(...le32(1), 65, 0, 0), 2],
  ];
  for (const [type, input, n, typeLength] of cases) {
    const error = throwsParquetry(() => decodePlain(type, input, n, typeLength), 'TRUNCATED', `${type}: ${n} values in ${input.length} bytes`);
    assert.ok(error.offset !== undefined, `${type}: the error says where`);
    throwsParquetry(() => new PlainDecoder(type, input, typeLength).skip(n), 'TRUNCATED', `${type}: skip`);
    // a huge count the input cannot justify is refused before anything is allocated for it
    throwsParquetry(() => decodePlain(type, input, 2 ** 31 - 1, typeLength), 'TRUNCATED', `${type}: 2^31 - 1 values`);
  }
});

bad('BYTE_ARRAY lengths: negative or huge is CORRUPT, longer than the rest is TRUNCATED', () => {
  // second value's length 0xffffffff (-1 as int32), then 0x80000000 (-2^31)
  for (const len of [0xffffffff, 0x80000000]) {
    const input = bytes(...le32(1), 65, ...le32(len), 1, 2, 3);
    const error = throwsParquetry(() => decodePlain('BYTE_ARRAY', input, 2), 'CORRUPT', `length ${len}`);
    assert.is(error.offset, 5, 'at the length prefix');
    throwsParquetry(() => new PlainDecoder('BYTE_ARRAY', input).skip(2), 'CORRUPT', `skip over length ${len}`);
  }
  // 2^31 - 1 is a valid length, but 3 bytes remain
  throwsParquetry(() => decodePlain('BYTE_ARRAY', bytes(...le32(0x7fffffff), 1, 2, 3), 1), 'TRUNCATED', 'length 2^31 - 1');
  throwsParquetry(() => decodePlain('BYTE_ARRAY', bytes(...le32(4), 1, 2, 3), 1), 'TRUNCATED', 'one byte short');
});

bad('FIXED_LEN_BYTE_ARRAY needs a positive integer typeLength and whole values', () => {
  for (const typeLength of [undefined, 0, -1, 1.5, Number.NaN]) {
    throwsParquetry(() => decodePlain('FIXED_LEN_BYTE_ARRAY', new Uint8Array(8), 2, typeLength), 'INVALID_ARGUMENT', `decode, typeLength ${typeLength}`);
    throwsParquetry(() => encodePlain('FIXED_LEN_BYTE_ARRAY', new Uint8Array(8), typeLength), 'INVALID_ARGUMENT', `encode, typeLength ${typeLength}`);
    throwsParquetry(() => new PlainDecoder('FIXED_LEN_BYTE_ARRAY', new Uint8Array(8), typeLength), 'INVALID_ARGUMENT', `decoder, typeLength ${typeLength}`);
  }
  throwsParquetry(() => encodePlain('FIXED_LEN_BYTE_ARRAY', new Uint8Array(10), 4), 'INVALID_ARGUMENT', '10 bytes of 4-byte values');
  throwsParquetry(() => encodePlain('INT96', new Uint8Array(13)), 'INVALID_ARGUMENT', '13 bytes of INT96');
});

bad('values of the wrong shape for the type, and booleans other than 0 and 1', () => {
  const wrong: Array<[PhysicalType, unknown]> = [
    ['INT32', new Float32Array(2)],
    ['INT32', new Uint8Array(8)],
    ['INT64', new Float64Array(1)],
    ['FLOAT', new Int32Array(1)],
    ['DOUBLE', new BigInt64Array(1)],
    ['BOOLEAN', new Int32Array(1)],
    ['INT96', new Int32Array(3)],
    ['BYTE_ARRAY', new Uint8Array(4)],
    ['BYTE_ARRAY', { offsets: new Int32Array(0), bytes: new Uint8Array(0) }],
    ['BYTE_ARRAY', { offsets: [0, 1], bytes: new Uint8Array(1) }],
  ];
  for (const [type, values] of wrong) {
    throwsParquetry(() => encodePlain(type, values as PlainValues), 'INVALID_ARGUMENT', `${type} from ${Object.prototype.toString.call(values)}`);
  }
  throwsParquetry(() => encodePlain('BOOLEAN', bytes(0, 1, 2)), 'INVALID_ARGUMENT', 'BOOLEAN 2');
  const badOffsets: ByteArrays = { offsets: Int32Array.of(0, 3, 2), bytes: new Uint8Array(3) };
  throwsParquetry(() => encodePlain('BYTE_ARRAY', badOffsets), 'INVALID_ARGUMENT', 'decreasing offsets');
  const outside: ByteArrays = { offsets: Int32Array.of(0, 4), bytes: new Uint8Array(3) };
  throwsParquetry(() => encodePlain('BYTE_ARRAY', outside), 'INVALID_ARGUMENT', 'offsets past the bytes');
  throwsParquetry(() => encodePlain('INT33' as PhysicalType, new Int32Array(1)), 'INVALID_ARGUMENT', 'unknown type');
  throwsParquetry(() => decodePlain('INT33' as PhysicalType, new Uint8Array(4), 1), 'INVALID_ARGUMENT', 'unknown type, decode');
});

bad('counts that are not non-negative integers', () => {
  for (const n of [-1, 1.5, Number.NaN, 2 ** 31]) {
    throwsParquetry(() => decodePlain('INT32', new Uint8Array(8), n), 'INVALID_ARGUMENT', `count ${n}`);
    throwsParquetry(() => new PlainDecoder('BYTE_ARRAY', new Uint8Array(8)).skip(n), 'INVALID_ARGUMENT', `skip ${n}`);
  }
});

bad('random bytes decode or fail with a ParquetryError, never anything else', () => {
  const next = rng(2024);
  const types: PhysicalType[] = ['BOOLEAN', 'INT32', 'INT64', 'INT96', 'FLOAT', 'DOUBLE', 'BYTE_ARRAY', 'FIXED_LEN_BYTE_ARRAY'];
  for (let i = 0; i < 3000; i++) {
    const input = Uint8Array.from({ length: Math.floor(next() * 40) }, () => (next() < 0.3 ? 0 : Math.floor(next() * 256)));
    const type = types[i % types.length];
    const n = Math.floor(next() * 12);
    try {
      const decoded = decodePlain(type, input, n, 3);
      assert.is(count(type, decoded, 3), n);
    } catch (error) {
      assert.ok(ParquetryError.is(error), `${type} ${hex(input)}: ${String(error)}`);
    }
  }
});

bad.run();
