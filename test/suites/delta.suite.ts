// DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY conformance suite (Encodings.md).
// Defined once; run with the native backend, the TS backend in Node, and the TS build in Chromium.
// It only uses the public API. Streams with layouts the encoder never writes (other block sizes and
// miniblock counts, wider bit widths, arbitrary padding) come from the BigInt reference writer below.
import type { ByteArrays } from '@parquetry/core';
import {
  decodeDeltaBinaryPacked,
  decodeDeltaByteArray,
  decodeDeltaLengthByteArray,
  DeltaBinaryPackedDecoder,
  DeltaByteArrayDecoder,
  DeltaLengthByteArrayDecoder,
  encodeDeltaBinaryPacked,
  encodeDeltaByteArray,
  encodeDeltaLengthByteArray,
} from '@parquetry/delta';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { hex, throwsParquetry } from '../lib/expect.js';
import { firstDifference, rng } from '../lib/random.js';
import { randomByteArrays, randomInt64, sameByteArrays, sameBytes } from '../lib/values.js';

const bytes = (...b: number[]) => new Uint8Array(b);
const ints = (...v: number[]) => Int32Array.from(v);
const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
const concat = (...parts: ArrayLike<number>[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const strings = (...values: string[]): ByteArrays => {
  const offsets = new Int32Array(values.length + 1);
  values.forEach((v, i) => (offsets[i + 1] = offsets[i] + v.length));
  return { offsets, bytes: new Uint8Array(values.flatMap(ascii)) };
};

function assertInt32(actual: Int32Array | BigInt64Array, expected: Int32Array, what: string): void {
  assert.ok(actual instanceof Int32Array, `${what}: an Int32Array`);
  const at = firstDifference(actual as Int32Array, expected);
  assert.ok(at === -1, `${what}: first difference at ${at} (${actual[at]} vs ${expected[at]}), lengths ${actual.length}/${expected.length}`);
}

function assertInt64(actual: Int32Array | BigInt64Array, expected: BigInt64Array, what: string): void {
  assert.ok(actual instanceof BigInt64Array, `${what}: a BigInt64Array`);
  assert.is(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    if (actual[i] !== expected[i]) assert.unreachable(`${what}: value ${i} is ${actual[i]}, expected ${expected[i]}`);
  }
}

// ---------------------------------------------------------------- an independent reference writer

interface Layout {
  blockSize: number;
  miniblocks: number;
  /** Bit width written for a miniblock whose values need `needed` bits (default: `needed`). */
  width?: (needed: number, bits: 32 | 64) => number;
  /** Padding values after the last value are random bits instead of zeros. */
  garbagePadding?: boolean;
  /** The bit-width byte of the unneeded miniblocks of the last block (default 0). */
  unusedWidth?: number;
  /** The last miniblock stops after its last value's byte: its padding bytes are left out. */
  cutPadding?: boolean;
}

const DEFAULT_LAYOUT: Layout = { blockSize: 128, miniblocks: 4 };

/**
 * DELTA_BINARY_PACKED written from Encodings.md with BigInt arithmetic, for any layout the spec
 * allows. With the default layout it follows the encoder rules (block 128, 4 miniblocks, per
 * block min delta, per miniblock bits of the largest delta - min, zero padding, unneeded
 * miniblocks width 0 and no bytes), so it must agree byte for byte with encodeDeltaBinaryPacked.
 */
function referenceDelta(values: readonly bigint[], bits: 32 | 64, layout: Layout = DEFAULT_LAYOUT): Uint8Array {
  const out: number[] = [];
  const uleb = (v: bigint) => {
    do {
      const b = Number(v & 0x7fn);
      v >>= 7n;
      out.push(v === 0n ? b : b | 0x80);
    } while (v !== 0n);
  };
  const zigzag = (v: bigint) => uleb(v >= 0n ? v << 1n : (-v << 1n) - 1n);
  const noise = rng(values.length + layout.blockSize);
  const n = values.length;
  uleb(BigInt(layout.blockSize));
  uleb(BigInt(layout.miniblocks));
  uleb(BigInt(n));
  zigzag(n > 0 ? values[0] : 0n);
  const per = layout.blockSize / layout.miniblocks;
  for (let start = 1; start < n; start += layout.blockSize) {
    const deltas: bigint[] = [];
    for (let i = start; i < Math.min(n, start + layout.blockSize); i++) deltas.push(BigInt.asIntN(bits, values[i] - values[i - 1]));
    const min = deltas.reduce((a, b) => (b < a ? b : a));
    zigzag(min);
    const relative = deltas.map((d) => BigInt.asUintN(bits, d - min));
    const used = Math.ceil(deltas.length / per);
    const widths: number[] = [];
    for (let m = 0; m < layout.miniblocks; m++) {
      if (m >= used) {
        widths.push(layout.unusedWidth ?? 0);
        continue;
      }
      const largest = relative.slice(m * per, (m + 1) * per).reduce((a, b) => (b > a ? b : a));
      const needed = largest.toString(2).length - (largest === 0n ? 1 : 0);
      widths.push(layout.width ? layout.width(needed, bits) : needed);
    }
    out.push(...widths);
    for (let m = 0; m < used; m++) {
      const w = widths[m];
      let acc = 0n;
      let held = 0;
      const miniblock: number[] = [];
      for (let j = 0; j < per; j++) {
        const k = m * per + j;
        let v = k < relative.length ? relative[k] : 0n;
        if (k >= relative.length && layout.garbagePadding) v = BigInt(Math.floor(noise() * 2 ** 32)) * 2n ** 32n + BigInt(Math.floor(noise() * 2 ** 32));
        acc |= BigInt.asUintN(w, v) << BigInt(held); // LSB first
        held += w;
        while (held >= 8) {
          miniblock.push(Number(acc & 0xffn));
          acc >>= 8n;
          held -= 8;
        }
      }
      const valuesHere = Math.min(per, relative.length - m * per);
      const last = start + layout.blockSize >= n && m === used - 1;
      out.push(...(last && layout.cutPadding ? miniblock.slice(0, Math.ceil((valuesHere * w) / 8)) : miniblock));
    }
  }
  return Uint8Array.from(out);
}

const big32 = (values: Int32Array) => Array.from(values, (v) => BigInt(v));

type Dist32 = 'sorted' | 'random' | 'constant' | 'extremes';

/** INT32 values: sorted with small steps, uniform 32-bit, one constant, or only the extremes. */
function int32Values(seed: number, n: number, dist: Dist32): Int32Array {
  const next = rng(seed);
  const out = new Int32Array(n);
  let acc = -1_000_000;
  for (let i = 0; i < n; i++) {
    if (dist === 'sorted') out[i] = acc += Math.floor(next() * 1000);
    else if (dist === 'random') out[i] = (next() * 2 ** 32) | 0;
    else if (dist === 'constant') out[i] = -123456789;
    else out[i] = next() < 0.5 ? -(2 ** 31) : 2 ** 31 - 1; // deltas of +-(2^32 - 1) wrap
  }
  return out;
}

const LENGTHS = [0, 1, 127, 128, 129, 4097, 100_000];

// ---------------------------------------------------------------- hand-built bytes

const vectors = suite('delta: hand-built vectors');

vectors('spec example 1: 1, 2, 3, 4, 5', () => {
  // The spec writes it with block size 8, which it calls invalid itself:
  // 08 (block size) 01 (miniblocks) 05 (count) 02 (first value 1, zigzag) | 02 (min delta 1) 00 (width 0)
  throwsParquetry(() => decodeDeltaBinaryPacked(bytes(0x08, 0x01, 0x05, 0x02, 0x02, 0x00), 'INT32'), 'CORRUPT', 'block size 8');
  // With block size 128 = 80 01 and 4 miniblocks: every delta is 1 = the min, so all widths are 0
  // and no miniblock has data bytes.
  // 80 01 | 04 | 05 | 02 || 02 | 00 00 00 00
  const encoded = bytes(0x80, 0x01, 0x04, 0x05, 0x02, 0x02, 0x00, 0x00, 0x00, 0x00);
  assert.is(hex(encodeDeltaBinaryPacked(ints(1, 2, 3, 4, 5))), hex(encoded));
  assertInt32(decodeDeltaBinaryPacked(encoded, 'INT32'), ints(1, 2, 3, 4, 5), 'decode');
  assertInt64(decodeDeltaBinaryPacked(encoded, 'INT64'), BigInt64Array.of(1n, 2n, 3n, 4n, 5n), 'as INT64');
  // one miniblock of 128, as the spec's "1 (miniblock count)": 80 01 | 01 | 05 | 02 || 02 | 00
  assertInt32(decodeDeltaBinaryPacked(bytes(0x80, 0x01, 0x01, 0x05, 0x02, 0x02, 0x00), 'INT32'), ints(1, 2, 3, 4, 5), '128 / 1');
});

vectors('spec example 2: 7, 5, 3, 1, 2, 3, 4, 5', () => {
  // deltas -2 -2 -2 1 1 1 1, min -2 (zigzag 3), relative 0 0 0 3 3 3 3 at width 2, LSB first:
  // byte 0 = 11|00|00|00 (values 3..0) = c0, byte 1 = 00|11|11|11 (padding, 3, 3, 3) = 3f, then the
  // zero padding of the 32-value miniblock: 32 * 2 bits = 8 bytes in all.
  // 80 01 | 04 | 08 | 0e (first value 7) || 03 | 02 00 00 00 | c0 3f 00 00 00 00 00 00
  const encoded = bytes(0x80, 0x01, 0x04, 0x08, 0x0e, 0x03, 0x02, 0x00, 0x00, 0x00, 0xc0, 0x3f, 0, 0, 0, 0, 0, 0);
  const values = ints(7, 5, 3, 1, 2, 3, 4, 5);
  assert.is(hex(encodeDeltaBinaryPacked(values)), hex(encoded));
  assertInt32(decodeDeltaBinaryPacked(encoded, 'INT32'), values, 'decode');
  // padding bits may be anything, and so may the widths of the 3 unneeded miniblocks
  const noisy = bytes(0x80, 0x01, 0x04, 0x08, 0x0e, 0x03, 0x02, 0xff, 0x41, 0x07, 0xc0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff);
  assertInt32(decodeDeltaBinaryPacked(noisy, 'INT32'), values, 'arbitrary padding and unused widths');
  // the stream ends after the one miniblock holding values, not after 4 * 8 bytes
  const d = new DeltaBinaryPackedDecoder(concat(encoded, [0xaa, 0xbb]), 'INT32');
  d.skip(8);
  assert.is(d.byteOffset, 18);
});

vectors('DELTA_LENGTH_BYTE_ARRAY spec example: "Hello", "World", "Foobar", "ABCDEF"', () => {
  // lengths 5 5 6 6: first 5 (zigzag 0a), deltas 0 1 0, min 0, width 1: bits 0 1 0 -> 0x02
  // 80 01 | 04 | 04 | 0a || 00 | 01 00 00 00 | 02 00 00 00 || HelloWorldFoobarABCDEF
  const encoded = concat([0x80, 0x01, 0x04, 0x04, 0x0a, 0x00, 0x01, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00], ascii('HelloWorldFoobarABCDEF'));
  const values = strings('Hello', 'World', 'Foobar', 'ABCDEF');
  assert.is(hex(encodeDeltaLengthByteArray(values)), hex(encoded));
  const decoded = decodeDeltaLengthByteArray(encoded, 4);
  assert.equal(Array.from(decoded.offsets), [0, 5, 10, 16, 22]);
  assert.ok(sameByteArrays(decoded, values));
});

vectors('DELTA_BYTE_ARRAY spec example: "axis", "axle", "babble", "babyhood"', () => {
  // prefix lengths 0 2 0 3: deltas 2 -2 3, min -2 (zigzag 03), relative 4 0 5 at width 3:
  // 100 000 101 LSB first -> 0100_0100 0000_0001 = 44 01, then zeros to 32 * 3 bits = 12 bytes
  const prefixes = [0x80, 0x01, 0x04, 0x04, 0x00, 0x03, 0x03, 0x00, 0x00, 0x00, 0x44, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  // suffix lengths 4 2 6 5: first 4 (zigzag 08), deltas -2 4 -1, min -2, relative 0 6 1 at width 3:
  // 000 110 001 LSB first -> 0111_0000 = 70, then zeros
  const suffixLengths = [0x80, 0x01, 0x04, 0x04, 0x08, 0x03, 0x03, 0x00, 0x00, 0x00, 0x70, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  const encoded = concat(prefixes, suffixLengths, ascii('axislebabbleyhood'));
  const values = strings('axis', 'axle', 'babble', 'babyhood');
  assert.is(hex(encodeDeltaByteArray(values)), hex(encoded));
  const decoded = decodeDeltaByteArray(encoded, 4);
  assert.equal(Array.from(decoded.offsets), [0, 4, 8, 14, 22]);
  assert.is(String.fromCharCode(...decoded.bytes), 'axisaxlebabblebabyhood');
});

vectors('zero and one value: a header only', () => {
  // 80 01 | 04 | 00 | 00: no values, first value 0
  assert.is(hex(encodeDeltaBinaryPacked(new Int32Array(0))), '80 01 04 00 00');
  assert.is(hex(encodeDeltaBinaryPacked(new BigInt64Array(0))), '80 01 04 00 00');
  assert.is(decodeDeltaBinaryPacked(bytes(0x80, 0x01, 0x04, 0x00, 0x00), 'INT64').length, 0);
  // one value -1 (zigzag 01), no blocks
  assert.is(hex(encodeDeltaBinaryPacked(ints(-1))), '80 01 04 01 01');
  assertInt32(decodeDeltaBinaryPacked(bytes(0x80, 0x01, 0x04, 0x01, 0x01), 'INT32'), ints(-1), 'one value');
  const empty = decodeDeltaLengthByteArray(bytes(0x80, 0x01, 0x04, 0x00, 0x00), 0);
  assert.equal(Array.from(empty.offsets), [0]);
  assert.is(hex(encodeDeltaByteArray(strings())), '80 01 04 00 00 80 01 04 00 00');
});

vectors('INT64 extremes: 10-byte zigzag varints for the first value and the min delta', () => {
  // -2^63 zigzags to 2^64 - 1: ff ff ff ff ff ff ff ff ff 01. Then 2^63 - 1: delta 2^64 - 1 wraps
  // to -1, the min delta (zigzag 01), width 0.
  const values = BigInt64Array.of(-(2n ** 63n), 2n ** 63n - 1n);
  const encoded = bytes(0x80, 0x01, 0x04, 0x02, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00);
  assert.is(hex(encodeDeltaBinaryPacked(values)), hex(encoded));
  assertInt64(decodeDeltaBinaryPacked(encoded, 'INT64'), values, 'decode');
});

vectors('INT32 arithmetic wraps mod 2^32: a min delta written as a 64-bit value keeps its low 32 bits', () => {
  // 2^31 - 1, then delta 2^32 - 1 (zigzag 2^33 - 2 = fe ff ff ff 1f) at width 0: wraps to -2, -3
  const wrapped = bytes(0x80, 0x01, 0x04, 0x03, 0xfe, 0xff, 0xff, 0xff, 0x0f, 0xfe, 0xff, 0xff, 0xff, 0x1f, 0x00, 0x00, 0x00, 0x00);
  assertInt32(decodeDeltaBinaryPacked(wrapped, 'INT32'), ints(2 ** 31 - 1, 2 ** 31 - 2, 2 ** 31 - 3), 'min delta 2^32 - 1');
  assertInt64(decodeDeltaBinaryPacked(wrapped, 'INT64'), BigInt64Array.of(2n ** 31n - 1n, 2n ** 32n + 2n ** 31n - 2n, 2n ** 33n + 2n ** 31n - 3n), 'as INT64');
  // the encoder writes int32 deltas: -2^31 -> 2^31 - 1 is delta -1 (mod 2^32), not 2^32 - 1
  assert.is(hex(encodeDeltaBinaryPacked(ints(-(2 ** 31), 2 ** 31 - 1))), '80 01 04 02 ff ff ff ff 0f 01 00 00 00 00');
});

vectors.run();

// ---------------------------------------------------------------- layouts the encoder does not write

const layouts = suite('delta: every layout the spec allows');

const LAYOUTS: Array<[string, Layout]> = [
  ['block 128 / 1 miniblock of 128', { blockSize: 128, miniblocks: 1 }],
  ['block 256 / 8 miniblocks of 32', { blockSize: 256, miniblocks: 8 }],
  ['block 384 / 3 miniblocks of 128', { blockSize: 384, miniblocks: 3 }],
  ['block 1024 / 2 miniblocks of 512', { blockSize: 1024, miniblocks: 2 }],
  ['block 4096 / 128 miniblocks of 32', { blockSize: 4096, miniblocks: 128 }],
  ['widths wider than needed', { blockSize: 128, miniblocks: 4, width: (w, bits) => Math.min(w + 5, bits) }],
  ['garbage padding, unused widths 0xff', { blockSize: 256, miniblocks: 4, garbagePadding: true, unusedWidth: 0xff }],
  ['last miniblock padding cut off', { blockSize: 128, miniblocks: 4, cutPadding: true, garbagePadding: true }],
];

layouts('INT32 streams of any layout decode, and end where the reference says', () => {
  for (const [name, layout] of LAYOUTS) {
    for (const n of [1, 2, 33, 129, 1000, 5000]) {
      for (const dist of ['sorted', 'random', 'extremes'] as const) {
        const values = int32Values(n + dist.length, n, dist);
        const stream = referenceDelta(big32(values), 32, layout);
        assertInt32(decodeDeltaBinaryPacked(stream, 'INT32'), values, `${name}, ${n} ${dist}`);
        // embedded at offset 3 with trailing garbage: the decoder stops at the stream's end. (A
        // last miniblock cut short ends where the input does: it is given the exact range.)
        const embedded = concat([9, 9, 9], stream, [0xde, 0xad]);
        const d = new DeltaBinaryPackedDecoder(embedded, 'INT32', 3, layout.cutPadding ? 3 + stream.length : embedded.length);
        const out = new Int32Array(n);
        d.read(out, 0, n);
        assertInt32(out, values, `${name}, ${n} ${dist}, embedded`);
        assert.is(d.byteOffset, 3 + stream.length, `${name}, ${n} ${dist}: bytes consumed`);
      }
    }
  }
});

layouts('INT64 streams of any layout, widths up to 64', () => {
  const wide: Array<[string, Layout]> = [...LAYOUTS, ['all miniblocks 64 bits wide', { blockSize: 128, miniblocks: 4, width: () => 64 }]];
  for (const [name, layout] of wide) {
    for (const n of [1, 2, 33, 129, 1000]) {
      for (const dist of ['sorted', 'random', 'extremes'] as const) {
        const values = randomInt64(n * 7 + dist.length, n, dist);
        const stream = referenceDelta(Array.from(values), 64, layout);
        assertInt64(decodeDeltaBinaryPacked(concat(stream, [1, 2, 3]), 'INT64'), values, `${name}, ${n} ${dist}`);
      }
    }
  }
});

layouts('a block size of 2^20 in one miniblock: a few bytes hold a million values', () => {
  // 80 80 40 (2^20) | 01 | 80 89 7a (2000000) | 00 || min delta 1 (02), width 0 || min 1, width 0
  const stream = bytes(0x80, 0x80, 0x40, 0x01, 0x80, 0x89, 0x7a, 0x00, 0x02, 0x00, 0x02, 0x00);
  const out = decodeDeltaBinaryPacked(stream, 'INT32');
  assert.is(out.length, 2_000_000);
  assert.is(out[0], 0);
  assert.is(out[1_999_999], 1_999_999);
});

layouts.run();

// ---------------------------------------------------------------- seeded round trips

const roundTrips = suite('delta: seeded round trips');

roundTrips('INT32: encoder bytes equal the reference writer, and decode back', () => {
  for (const n of LENGTHS) {
    for (const dist of ['sorted', 'random', 'constant', 'extremes'] as const) {
      const values = int32Values(n * 3 + dist.length, n, dist);
      const encoded = encodeDeltaBinaryPacked(values);
      if (n <= 4097) assert.is(hex(encoded), hex(referenceDelta(big32(values), 32)), `${n} ${dist}: encoder rules`);
      assertInt32(decodeDeltaBinaryPacked(encoded, 'INT32'), values, `${n} ${dist}`);
    }
  }
});

roundTrips('INT64: encoder bytes equal the reference writer, and decode back', () => {
  for (const n of LENGTHS) {
    for (const dist of ['sorted', 'random', 'constant', 'extremes'] as const) {
      const values = randomInt64(n * 5 + dist.length, n, dist);
      const encoded = encodeDeltaBinaryPacked(values);
      if (n <= 4097) assert.is(hex(encoded), hex(referenceDelta(Array.from(values), 64)), `${n} ${dist}: encoder rules`);
      assertInt64(decodeDeltaBinaryPacked(encoded, 'INT64'), values, `${n} ${dist}`);
    }
  }
});

roundTrips('DELTA_BINARY_PACKED into a caller\'s output: a view of its first values, the rest untouched', () => {
  for (const n of [0, 1, 129, 4097]) {
    const v32 = int32Values(n + 11, n, 'random');
    const out32 = new Int32Array(n + 3).fill(-7);
    const got32 = decodeDeltaBinaryPacked(encodeDeltaBinaryPacked(v32), 'INT32', out32);
    assert.is(got32.buffer, out32.buffer, `INT32 x ${n}: written in place`);
    assertInt32(got32, v32, `INT32 x ${n}`);
    assert.equal(Array.from(out32.subarray(n)), [-7, -7, -7], `INT32 x ${n}: past the values`);
    const v64 = randomInt64(n + 13, n, 'extremes');
    const out64 = new BigInt64Array(n);
    const got64 = decodeDeltaBinaryPacked(encodeDeltaBinaryPacked(v64), 'INT64', out64);
    assert.is(got64, out64, `INT64 x ${n}: the output itself when it is exactly long enough`);
    assertInt64(got64, v64, `INT64 x ${n}`);
  }
  const three = encodeDeltaBinaryPacked(ints(1, 2, 3));
  throwsParquetry(() => decodeDeltaBinaryPacked(three, 'INT32', new Int32Array(2)), 'INVALID_ARGUMENT', 'output too short');
  throwsParquetry(() => decodeDeltaBinaryPacked(three, 'INT64', new Int32Array(3) as unknown as BigInt64Array), 'INVALID_ARGUMENT', 'wrong array kind');
});

/** Byte strings with a long shared prefix and a short varying tail, as sorted keys are. */
function sharedPrefixes(seed: number, n: number, prefixLength: number): ByteArrays {
  const next = rng(seed);
  const prefix = Array.from({ length: prefixLength }, () => Math.floor(next() * 256));
  const parts = Array.from({ length: n }, () => {
    const keep = Math.floor(next() * (prefixLength + 1));
    return [...prefix.slice(0, keep), ...Array.from({ length: Math.floor(next() * 5) }, () => Math.floor(next() * 256))];
  });
  const offsets = new Int32Array(n + 1);
  parts.forEach((p, i) => (offsets[i + 1] = offsets[i] + p.length));
  return { offsets, bytes: Uint8Array.from(parts.flat()) };
}

function byteArrayCases(): Array<[string, ByteArrays]> {
  const cases: Array<[string, ByteArrays]> = [];
  for (const n of [0, 1, 127, 128, 129, 4097]) {
    cases.push([`${n} empty strings`, { offsets: new Int32Array(n + 1), bytes: new Uint8Array(0) }]);
    cases.push([`${n} random up to 20 bytes`, randomByteArrays(n + 1, n, 20)]);
    cases.push([`${n} random with prefixes`, randomByteArrays(n + 2, n, 40, true)]);
    if (n <= 129) cases.push([`${n} strings up to 10 kB`, randomByteArrays(n + 3, n, 10_000, true)]);
    if (n <= 129) cases.push([`${n} sharing up to 5000 bytes`, sharedPrefixes(n + 4, n, 5000)]);
  }
  cases.push(['100000 short strings', randomByteArrays(5, 100_000, 12, true)]);
  // a view into a larger buffer, offsets not starting at 0
  const big = randomByteArrays(6, 300, 30, true);
  cases.push(['offsets from 1000', { offsets: big.offsets.subarray(100), bytes: big.bytes }]);
  return cases;
}

/** The longest common prefix of each value with the one before it: what the encoder must store. */
function referencePrefixes(values: ByteArrays): Int32Array {
  const n = values.offsets.length - 1;
  const out = new Int32Array(n);
  for (let i = 1; i < n; i++) {
    const a = values.offsets[i - 1];
    const b = values.offsets[i];
    const limit = Math.min(b - a, values.offsets[i + 1] - b);
    let p = 0;
    while (p < limit && values.bytes[a + p] === values.bytes[b + p]) p++;
    out[i] = p;
  }
  return out;
}

roundTrips('DELTA_LENGTH_BYTE_ARRAY: lengths then the bytes as they are; decode returns a view', () => {
  for (const [what, values] of byteArrayCases()) {
    const n = values.offsets.length - 1;
    const lengths = Int32Array.from({ length: n }, (_, i) => values.offsets[i + 1] - values.offsets[i]);
    const data = values.bytes.subarray(values.offsets[0], values.offsets[n]);
    const encoded = encodeDeltaLengthByteArray(values);
    assert.ok(sameBytes(encoded, concat(encodeDeltaBinaryPacked(lengths), data)), `${what}: layout`);
    const decoded = decodeDeltaLengthByteArray(concat(encoded, [7, 7, 7]), n);
    assert.ok(sameByteArrays(decoded, values), `${what}: decode`);
    assert.is(decoded.offsets[0], 0, `${what}: offsets from 0`);
    assert.is(decoded.bytes.length, data.length, `${what}: bytes hold exactly the values`);
  }
  const encoded = encodeDeltaLengthByteArray(strings('ab', 'cde'));
  assert.is(decodeDeltaLengthByteArray(encoded, 2).bytes.buffer, encoded.buffer, 'a view of the input, not a copy');
});

roundTrips('DELTA_BYTE_ARRAY: longest common prefixes, then the suffixes as DELTA_LENGTH_BYTE_ARRAY', () => {
  for (const [what, values] of byteArrayCases()) {
    const n = values.offsets.length - 1;
    const prefixes = referencePrefixes(values);
    const suffixes: ByteArrays = { offsets: new Int32Array(n + 1), bytes: new Uint8Array(values.bytes.length) };
    for (let i = 0, at = 0; i < n; i++) {
      const part = values.bytes.subarray(values.offsets[i] + prefixes[i], values.offsets[i + 1]);
      suffixes.bytes.set(part, at);
      suffixes.offsets[i + 1] = at += part.length;
    }
    const encoded = encodeDeltaByteArray(values);
    assert.ok(sameBytes(encoded, concat(encodeDeltaBinaryPacked(prefixes), encodeDeltaLengthByteArray(suffixes))), `${what}: layout`);
    const decoded = decodeDeltaByteArray(concat(encoded, [7, 7, 7]), n);
    assert.ok(sameByteArrays(decoded, values), `${what}: decode`);
    assert.is(decoded.offsets[0], 0, `${what}: offsets from 0`);
    assert.is(decoded.bytes.length, values.offsets[n] - values.offsets[0], `${what}: one buffer of exactly the values' size`);
  }
});

roundTrips.run();

// ---------------------------------------------------------------- streaming: read, skip, bytes consumed

const streaming = suite('delta: streaming decoders');

/** Random interleavings of read(k) and skip(k) over `count` values; `check(at, k, got)` per read. */
function interleave(seed: number, count: number, step: (read: boolean, k: number) => void): void {
  const next = rng(seed);
  let left = count;
  while (left > 0) {
    const k = Math.min(left, next() < 0.2 ? Math.floor(next() * 3) : Math.floor(next() * 300));
    step(next() < 0.5, k);
    left -= k;
  }
}

streaming('DELTA_BINARY_PACKED read/skip interleavings equal one full decode', () => {
  for (const [name, layout] of [['encoder layout', DEFAULT_LAYOUT], ...LAYOUTS] as Array<[string, Layout]>) {
    const values32 = int32Values(11, 3000, 'random');
    const values64 = randomInt64(12, 3000, 'random');
    const s32 = concat([1, 2], referenceDelta(big32(values32), 32, layout), [0xff]);
    const s64 = concat([1, 2], referenceDelta(Array.from(values64), 64, layout), [0xff]);
    for (let round = 0; round < 4; round++) {
      const d32 = new DeltaBinaryPackedDecoder(s32, 'INT32', 2, s32.length - 1);
      const d64 = new DeltaBinaryPackedDecoder(s64, 'INT64', 2, s64.length - 1);
      assert.is(d32.count, 3000);
      let at = 0;
      interleave(round, 3000, (read, k) => {
        if (read) {
          const out32 = new Int32Array(k + 2);
          d32.read(out32, 2, k);
          assertInt32(out32.subarray(2), values32.subarray(at, at + k), `${name} INT32 read ${k} at ${at}`);
          const out64 = new BigInt64Array(k + 1);
          d64.read(out64, 1, k);
          assertInt64(out64.subarray(1), values64.subarray(at, at + k), `${name} INT64 read ${k} at ${at}`);
        } else {
          d32.skip(k);
          d64.skip(k);
        }
        at += k;
        assert.is(d32.remaining, 3000 - at);
      });
      assert.is(d32.byteOffset, s32.length - 1, `${name}: INT32 bytes consumed`);
      assert.is(d64.byteOffset, s64.length - 1, `${name}: INT64 bytes consumed`);
    }
  }
});

streaming('DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY read/skip interleavings', () => {
  for (const [what, values] of [
    ['random with prefixes', randomByteArrays(21, 2000, 40, true)],
    ['shared 5000-byte prefixes', sharedPrefixes(22, 300, 5000)],
    ['empty strings', { offsets: new Int32Array(501), bytes: new Uint8Array(0) }],
  ] as Array<[string, ByteArrays]>) {
    const n = values.offsets.length - 1;
    const dlba = concat([5], encodeDeltaLengthByteArray(values), [0xee, 0xee]);
    const dba = concat([5], encodeDeltaByteArray(values), [0xee, 0xee]);
    for (let round = 0; round < 6; round++) {
      const a = new DeltaLengthByteArrayDecoder(dlba, n, 1);
      const b = new DeltaByteArrayDecoder(dba, n, 1, dba.length - 1);
      let at = 0;
      interleave(round + 100, n, (read, k) => {
        const expected = { offsets: values.offsets.subarray(at, at + k + 1), bytes: values.bytes };
        if (read) {
          const got = a.read(k);
          assert.is(got.offsets.length, k + 1);
          assert.ok(sameByteArrays(got, expected), `${what}: DLBA read ${k} at ${at}`);
          const rebuilt = b.read(k);
          assert.ok(sameByteArrays(rebuilt, expected), `${what}: DBA read ${k} at ${at}`);
          assert.is(rebuilt.bytes.length, rebuilt.offsets[k], `${what}: DBA bytes sized exactly`);
        } else {
          a.skip(k);
          b.skip(k); // still rebuilds the previous value: the next prefix refers to it
        }
        at += k;
      });
      assert.is(a.remaining, 0);
      assert.is(a.byteOffset, dlba.length - 2, `${what}: DLBA bytes consumed`);
      assert.is(b.byteOffset, dba.length - 2, `${what}: DBA bytes consumed`);
    }
  }
});

streaming('skipping values whose successors take a long prefix from them', () => {
  // "aaaa...": each value keeps the whole previous one and adds a byte; skip all but the last
  const parts = Array.from({ length: 200 }, (_, i) => 'k'.repeat(i + 1) + String.fromCharCode(65 + (i % 26)));
  const values = strings(...parts);
  const encoded = encodeDeltaByteArray(values);
  const d = new DeltaByteArrayDecoder(encoded, 200);
  d.skip(199);
  assert.is(String.fromCharCode(...d.read(1).bytes), parts[199]);
  const e = new DeltaByteArrayDecoder(encoded, 200);
  e.read(3);
  e.skip(100);
  e.skip(0);
  assert.is(String.fromCharCode(...e.read(1).bytes), parts[103]);
});

streaming('argument checks', () => {
  const stream = encodeDeltaBinaryPacked(ints(1, 2, 3, 4, 5, 6, 7, 8));
  const d = new DeltaBinaryPackedDecoder(stream, 'INT32');
  throwsParquetry(() => d.skip(9), 'INVALID_ARGUMENT', 'skip 9 of 8');
  throwsParquetry(() => d.read(new Int32Array(4), 0, 5), 'INVALID_ARGUMENT', 'read past the output');
  throwsParquetry(() => d.read(new Int32Array(4), -1, 1), 'INVALID_ARGUMENT', 'negative output offset');
  throwsParquetry(() => d.read(new BigInt64Array(8), 0, 8), 'INVALID_ARGUMENT', 'INT32 into a BigInt64Array');
  throwsParquetry(() => new DeltaBinaryPackedDecoder(stream, 'INT64').read(new Int32Array(8)), 'INVALID_ARGUMENT', 'INT64 into an Int32Array');
  throwsParquetry(() => new DeltaBinaryPackedDecoder(stream, 'INT32', 3, 2), 'INVALID_ARGUMENT', 'range backwards');
  throwsParquetry(() => new DeltaBinaryPackedDecoder(stream, 'INT32', 0, stream.length + 1), 'INVALID_ARGUMENT', 'range past the end');
  throwsParquetry(() => decodeDeltaBinaryPacked(stream, 'FLOAT' as 'INT32'), 'INVALID_ARGUMENT', 'type FLOAT');
  throwsParquetry(() => encodeDeltaBinaryPacked([1, 2] as unknown as Int32Array), 'INVALID_ARGUMENT', 'a plain array');
  const dlba = encodeDeltaLengthByteArray(strings('a', 'b'));
  throwsParquetry(() => decodeDeltaLengthByteArray(dlba, -1), 'INVALID_ARGUMENT', 'count -1');
  throwsParquetry(() => decodeDeltaByteArray(dlba, 1.5), 'INVALID_ARGUMENT', 'count 1.5');
  throwsParquetry(() => new DeltaLengthByteArrayDecoder(dlba, 2).read(3), 'INVALID_ARGUMENT', 'read 3 of 2');
  throwsParquetry(() => new DeltaByteArrayDecoder(encodeDeltaByteArray(strings('a', 'b')), 2).skip(3), 'INVALID_ARGUMENT', 'skip 3 of 2');
  const offsets = Int32Array.of(0, 3, 2);
  throwsParquetry(() => encodeDeltaLengthByteArray({ offsets, bytes: new Uint8Array(3) }), 'INVALID_ARGUMENT', 'offsets going back');
  throwsParquetry(() => encodeDeltaByteArray({ offsets: Int32Array.of(0, 4), bytes: new Uint8Array(3) }), 'INVALID_ARGUMENT', 'offsets past the bytes');
  throwsParquetry(() => encodeDeltaByteArray({ offsets: new Int32Array(0), bytes: new Uint8Array(0) }), 'INVALID_ARGUMENT', 'no offsets');
});

streaming.run();

// ---------------------------------------------------------------- bad input

const bad = suite('delta: bad input');

bad('bit widths over 64, or over 32 for INT32', () => {
  // 3 values, min delta 0, first miniblock width 65 (0x41)
  const over64 = bytes(0x80, 0x01, 0x04, 0x03, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00, ...new Array(4 * 65).fill(0));
  throwsParquetry(() => decodeDeltaBinaryPacked(over64, 'INT64'), 'CORRUPT', 'INT64 width 65');
  const width33 = bytes(0x80, 0x01, 0x04, 0x03, 0x00, 0x00, 0x21, 0x00, 0x00, 0x00, ...new Array(4 * 33).fill(0));
  throwsParquetry(() => decodeDeltaBinaryPacked(width33, 'INT32'), 'CORRUPT', 'INT32 width 33');
  assertInt64(decodeDeltaBinaryPacked(width33, 'INT64'), BigInt64Array.of(0n, 0n, 0n), 'width 33 is fine for INT64');
  // a needed miniblock in a later block: 130 values (82 01), block 1 all width 0, block 2 width 0xff
  const later = bytes(0x80, 0x01, 0x04, 0x82, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0x00, 0x00, 0x00, ...new Array(40).fill(0));
  throwsParquetry(() => decodeDeltaBinaryPacked(later, 'INT32'), 'CORRUPT', 'second block width 255');
});

bad('headers the spec does not allow', () => {
  const body = new Array(20).fill(0);
  throwsParquetry(() => decodeDeltaBinaryPacked(bytes(0x64, 0x01, 0x02, 0x00, ...body), 'INT32'), 'CORRUPT', 'block size 100');
  throwsParquetry(() => decodeDeltaBinaryPacked(bytes(0x00, 0x01, 0x02, 0x00, ...body), 'INT32'), 'CORRUPT', 'block size 0');
  throwsParquetry(() => decodeDeltaBinaryPacked(bytes(0x80, 0x01, 0x03, 0x02, 0x00, ...body), 'INT32'), 'CORRUPT', '3 miniblocks in 128');
  throwsParquetry(() => decodeDeltaBinaryPacked(bytes(0x80, 0x01, 0x08, 0x02, 0x00, ...body), 'INT32'), 'CORRUPT', 'miniblocks of 16');
  throwsParquetry(() => decodeDeltaBinaryPacked(bytes(0x80, 0x01, 0x00, 0x02, 0x00, ...body), 'INT32'), 'CORRUPT', '0 miniblocks');
  throwsParquetry(() => decodeDeltaLengthByteArray(bytes(0x80, 0x01, 0x05, 0x00, 0x00), 0), 'CORRUPT', 'DLBA header');
});

bad('varints that never end, or end with the input', () => {
  throwsParquetry(() => decodeDeltaBinaryPacked(new Uint8Array(64).fill(0xff), 'INT64'), 'CORRUPT', 'block size never ends');
  const minDelta = concat([0x80, 0x01, 0x04, 0x02, 0x00], new Array(30).fill(0x80));
  throwsParquetry(() => decodeDeltaBinaryPacked(minDelta, 'INT32'), 'CORRUPT', 'min delta over 10 bytes');
  // ten bytes, but the tenth carries bits 64 and up: ff * 9, 02
  const over64 = bytes(0x80, 0x01, 0x04, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02);
  throwsParquetry(() => decodeDeltaBinaryPacked(over64, 'INT64'), 'CORRUPT', 'first value over 64 bits');
  assertInt64(decodeDeltaBinaryPacked(over64.map((b, i) => (i === 13 ? 0x01 : b)), 'INT64'), BigInt64Array.of(-(2n ** 63n)), '... 01 fits');
  throwsParquetry(() => decodeDeltaBinaryPacked(bytes(0x80, 0x01, 0x04, 0x02, 0x80), 'INT32'), 'TRUNCATED', 'first value cut');
  throwsParquetry(() => decodeDeltaBinaryPacked(bytes(0x80), 'INT32'), 'TRUNCATED', 'block size cut');
  throwsParquetry(() => decodeDeltaBinaryPacked(new Uint8Array(0), 'INT32'), 'TRUNCATED', 'empty input');
});

bad('counts the input cannot hold are refused before anything is allocated', () => {
  // 2^31 - 1 values declared in 11 bytes: at most 1 + 1 * 128 fit
  const huge = bytes(0x80, 0x01, 0x04, 0xff, 0xff, 0xff, 0xff, 0x07, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00);
  throwsParquetry(() => decodeDeltaBinaryPacked(huge, 'INT64'), 'TRUNCATED', 'INT64 count 2^31 - 1');
  throwsParquetry(() => new DeltaBinaryPackedDecoder(huge, 'INT32'), 'TRUNCATED', 'decoder count 2^31 - 1');
  const over32 = bytes(0x80, 0x01, 0x04, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00);
  throwsParquetry(() => decodeDeltaBinaryPacked(over32, 'INT32'), 'TRUNCATED', 'count 2^42');
  throwsParquetry(() => decodeDeltaLengthByteArray(bytes(0x80, 0x01, 0x04, 0xff, 0xff, 0x03, 0x00), 65535), 'TRUNCATED', 'DLBA lengths count');
  // a count within that bound whose miniblock bytes are missing: 200 values at width 8 need 199 bytes
  const short = concat([0x80, 0x01, 0x04, 0xc8, 0x01, 0x00, 0x00, 0x08, 0x08, 0x08, 0x08], new Array(100).fill(1));
  throwsParquetry(() => decodeDeltaBinaryPacked(short, 'INT32'), 'TRUNCATED', 'miniblocks cut');
  const d = new DeltaBinaryPackedDecoder(short, 'INT32');
  const out = new Int32Array(200);
  d.read(out, 0, 97); // the values that are there can be read
  throwsParquetry(() => d.read(out, 97, 103), 'TRUNCATED', 'streaming: miniblocks cut');
  // a second block whose bit widths are cut off: 130 values, block 1 at width 8 (128 bytes), block 2
  // has its min delta and one width byte of 4
  const widthsCut = concat([0x80, 0x01, 0x04, 0x82, 0x01, 0x00, 0x00, 0x08, 0x08, 0x08, 0x08], new Array(128).fill(0), [0x00, 0x00]);
  throwsParquetry(() => decodeDeltaBinaryPacked(widthsCut, 'INT32'), 'TRUNCATED', 'widths cut');
});

bad('DELTA_LENGTH_BYTE_ARRAY: negative, huge and missing lengths, and counts that disagree', () => {
  const negative = concat(encodeDeltaBinaryPacked(ints(3, -1)), ascii('abc'));
  throwsParquetry(() => decodeDeltaLengthByteArray(negative, 2), 'CORRUPT', 'negative length');
  const huge = concat(encodeDeltaBinaryPacked(ints(2 ** 31 - 1)), ascii('abc'));
  throwsParquetry(() => decodeDeltaLengthByteArray(huge, 1), 'TRUNCATED', 'length 2^31 - 1');
  const wrapping = concat(encodeDeltaBinaryPacked(ints(2 ** 31 - 1, 2 ** 31 - 1, 2 ** 31 - 1)), ascii('abc'));
  throwsParquetry(() => decodeDeltaLengthByteArray(wrapping, 3), 'TRUNCATED', 'lengths adding up past 2^31');
  const short = concat(encodeDeltaBinaryPacked(ints(2, 2)), ascii('abc'));
  throwsParquetry(() => decodeDeltaLengthByteArray(short, 2), 'TRUNCATED', 'values cut');
  const two = encodeDeltaLengthByteArray(strings('ab', 'c'));
  throwsParquetry(() => decodeDeltaLengthByteArray(two, 3), 'CORRUPT', 'count 3, stream 2');
  throwsParquetry(() => decodeDeltaLengthByteArray(two, 1), 'CORRUPT', 'count 1, stream 2');
  throwsParquetry(() => new DeltaLengthByteArrayDecoder(two, 3), 'CORRUPT', 'decoder count 3, stream 2');
});

bad('DELTA_BYTE_ARRAY: prefixes longer than the previous value, counts that disagree, 2 GiB of values', () => {
  const stream = (prefixes: number[], suffixes: string[]) => concat(encodeDeltaBinaryPacked(Int32Array.from(prefixes)), encodeDeltaLengthByteArray(strings(...suffixes)));
  throwsParquetry(() => decodeDeltaByteArray(stream([0, 3], ['ab', 'c']), 2), 'CORRUPT', 'prefix 3 after a 2-byte value');
  throwsParquetry(() => decodeDeltaByteArray(stream([1, 0], ['ab', 'c']), 2), 'CORRUPT', 'first value with a prefix');
  throwsParquetry(() => decodeDeltaByteArray(stream([0, -1], ['ab', 'c']), 2), 'CORRUPT', 'negative prefix');
  throwsParquetry(() => new DeltaByteArrayDecoder(stream([0, 2, 4], ['ab', 'c', 'd']), 3), 'CORRUPT', 'decoder: prefix 4 after 3 bytes');
  assert.is(String.fromCharCode(...decodeDeltaByteArray(stream([0, 2, 3], ['ab', 'c', 'd']), 3).bytes), 'ababcabcd');
  throwsParquetry(() => decodeDeltaByteArray(stream([0, 0], ['ab', 'c']), 3), 'CORRUPT', 'count 3, stream 2');
  throwsParquetry(() => decodeDeltaByteArray(concat(encodeDeltaBinaryPacked(ints(0, 0)), encodeDeltaLengthByteArray(strings('a'))), 2), 'CORRUPT', 'suffix count 1');
  throwsParquetry(() => decodeDeltaByteArray(concat(encodeDeltaBinaryPacked(ints(0, 0)), bytes(0x80, 0x01)), 2), 'TRUNCATED', 'suffixes cut');
  // 2049 values repeating a 1 MiB first value: 2^31 + 2^20 bytes once rebuilt
  const big = 2 ** 20;
  const prefixes = new Int32Array(2049).fill(big);
  prefixes[0] = 0;
  const suffixLengths = new Int32Array(2049);
  suffixLengths[0] = big;
  const limit = concat(encodeDeltaBinaryPacked(prefixes), encodeDeltaBinaryPacked(suffixLengths), new Uint8Array(big));
  throwsParquetry(() => decodeDeltaByteArray(limit, 2049), 'LIMIT', 'over 2 GiB');
  const d = new DeltaByteArrayDecoder(limit, 2049);
  d.skip(2047);
  assert.is(d.read(2).bytes.length, 2 * big, 'read in smaller batches instead');
});

bad('byte-array encoders refuse offsets outside their bytes, even with no values', () => {
  // offsets [5] describe zero values but start past the end of an empty buffer
  const values = { offsets: Int32Array.of(5), bytes: new Uint8Array(0) };
  throwsParquetry(() => encodeDeltaLengthByteArray(values), 'INVALID_ARGUMENT', 'DELTA_LENGTH_BYTE_ARRAY');
  throwsParquetry(() => encodeDeltaByteArray(values), 'INVALID_ARGUMENT', 'DELTA_BYTE_ARRAY');
});

bad.run();
