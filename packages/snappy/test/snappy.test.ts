import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ParquetryError, type ErrorCode } from '@parquetry/core';
import {
  compressSnappy,
  decompressSnappy,
  snappyMaxCompressedLength,
  snappyUncompressedLength,
} from '../src/ts/snappy.js';

// ---- helpers ---------------------------------------------------------------------

/** xorshift32: deterministic, and its low byte is as random as its high one. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>>= 0);
  };
}

const bytes = (...parts: (number | string)[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : [p])));
const ascii = (a: Uint8Array): string => String.fromCharCode(...a);

function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}

function assertSameBytes(actual: Uint8Array, expected: Uint8Array, what: string): void {
  const at = firstDifference(actual, expected);
  if (at !== -1) {
    assert.unreachable(
      `${what}: lengths ${actual.length}/${expected.length}, first difference at byte ${at}` +
        ` (got ${actual[at]}, want ${expected[at]})`,
    );
  }
}

function expectError(fn: () => unknown, code: ErrorCode, what: string, detail?: string): ParquetryError {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof ParquetryError)) assert.unreachable(`${what}: threw ${String(e)}, not a ParquetryError`);
    const err = e as ParquetryError;
    assert.is(err.code, code, `${what}: code (${err.message})`);
    if (detail !== undefined) assert.ok(err.detail.includes(detail), `${what}: detail "${err.detail}" lacks "${detail}"`);
    return err;
  }
  assert.unreachable(`${what}: expected ${code}, but nothing was thrown`);
  throw new Error('unreachable');
}

function compress(input: Uint8Array): Uint8Array {
  const out = new Uint8Array(snappyMaxCompressedLength(input.length));
  return out.slice(0, compressSnappy(input, out));
}

function decompress(stream: Uint8Array): Uint8Array {
  const out = new Uint8Array(snappyUncompressedLength(stream));
  decompressSnappy(stream, out);
  return out;
}

// ---- inputs ----------------------------------------------------------------------

const SIZES = [0, 1, 2, 3, 4, 5, 11, 12, 13, 15, 16, 17, 63, 64, 65, 65535, 65536, 65537, 1 << 20];
const WORDS = ['the', 'quick', 'parquet', 'column', 'page', 'row', 'group', 'snappy', 'value', 'null', 'of', 'a'];

function zeros(n: number): Uint8Array {
  return new Uint8Array(n);
}

function randomBytes(n: number, seed: number): Uint8Array {
  const next = rng(seed);
  const a = new Uint8Array(n);
  for (let i = 0; i < n; i++) a[i] = next() >>> 24;
  return a;
}

function textLike(n: number, seed: number): Uint8Array {
  const next = rng(seed);
  const a = new Uint8Array(n);
  let i = 0;
  while (i < n) {
    const w = WORDS[next() % WORDS.length];
    for (let k = 0; k < w.length && i < n; k++) a[i++] = w.charCodeAt(k);
    if (i < n) a[i++] = next() % 9 === 0 ? 0x0a : 0x20;
  }
  return a;
}

/** A random pattern of `period` bytes repeated: copies overlap their own output. */
function repeating(n: number, period: number, seed: number): Uint8Array {
  const pattern = randomBytes(period, seed);
  const a = new Uint8Array(n);
  for (let i = 0; i < n; i++) a[i] = pattern[i % period];
  return a;
}

/** Sorted little-endian int64 ids with small gaps, cut to n bytes. */
function sortedIds(n: number, seed: number): Uint8Array {
  const next = rng(seed);
  const words = new BigInt64Array(Math.ceil(n / 8));
  let id = 7_000_000_000n;
  for (let i = 0; i < words.length; i++) words[i] = id += BigInt(1 + (next() % 16));
  return new Uint8Array(words.buffer, 0, n);
}

interface Kind {
  name: string;
  make: (n: number) => Uint8Array;
  compressible: boolean;
}

const KINDS: Kind[] = [
  { name: 'zeros', make: zeros, compressible: true },
  { name: 'random', make: (n) => randomBytes(n, n + 1), compressible: false },
  { name: 'text', make: (n) => textLike(n, n + 2), compressible: true },
  { name: 'sorted int64 ids', make: (n) => sortedIds(n, n + 3), compressible: true },
];
for (let p = 1; p <= 17; p++) {
  KINDS.push({ name: `period ${p}`, make: (n) => repeating(n, p, p * 31 + n), compressible: true });
}

/** The elements of a raw snappy stream, walked independently of the decoder. */
interface Element {
  at: number;
  pos: number;
  kind: number;
  len: number;
  offset: number;
}

function walk(stream: Uint8Array): Element[] {
  let ip = 0;
  while (stream[ip] & 0x80) ip++;
  ip++;
  const elements: Element[] = [];
  let pos = 0;
  while (ip < stream.length) {
    const at = ip;
    const tag = stream[ip++];
    const kind = tag & 3;
    let len: number;
    let offset = 0;
    if (kind === 0) {
      len = tag >>> 2;
      if (len >= 60) {
        const extra = len - 59;
        len = 0;
        for (let k = 0; k < extra; k++) len += stream[ip + k] * 256 ** k;
        ip += extra;
      }
      len += 1;
      ip += len;
    } else if (kind === 1) {
      len = ((tag >>> 2) & 7) + 4;
      offset = ((tag >>> 5) << 8) | stream[ip++];
    } else {
      len = (tag >>> 2) + 1;
      const width = kind === 2 ? 2 : 4;
      for (let k = 0; k < width; k++) offset += stream[ip + k] * 256 ** k;
      ip += width;
    }
    elements.push({ at, pos, kind, len, offset });
    pos += len;
  }
  return elements;
}

// ---- hand-built streams ------------------------------------------------------------

test('hand-built: literal then a 1-byte-offset copy', () => {
  // 0x0b: preamble, 11 bytes. 0x14 = 0b000101_00: literal of 5+1 bytes "hello ".
  // 0x05 = 0b000_001_01: copy, 1-byte offset form, length 1+4 = 5, offset high bits 0;
  // 0x06: offset low byte, 6 -> "hello" again.
  const stream = bytes(0x0b, 0x14, 'hello ', 0x05, 0x06);
  assert.is(snappyUncompressedLength(stream), 11);
  assert.is(ascii(decompress(stream)), 'hello hello');
});

test('hand-built: overlapping 2-byte-offset copy repeats a pattern', () => {
  // 0x0a: 10 bytes. 0x04: literal of 2 bytes "ab".
  // 0x1e = 0b000111_10: copy, 2-byte offset form, length 7+1 = 8; 0x02 0x00: offset 2 (LE).
  const stream = bytes(0x0a, 0x04, 'ab', 0x1e, 0x02, 0x00);
  assert.is(ascii(decompress(stream)), 'ababababab');
});

test('hand-built: 4-byte-offset copy and an 11-bit 1-byte-offset copy', () => {
  // 0x07: 7 bytes. 0x08: literal "xyz". 0x0f = 0b000011_11: copy, 4-byte offset form,
  // length 3+1 = 4; 03 00 00 00: offset 3.
  assert.is(ascii(decompress(bytes(0x07, 0x08, 'xyz', 0x0f, 0x03, 0x00, 0x00, 0x00))), 'xyzxyzx');
  // 300 literal bytes (0xf4 = 61<<2: two length bytes 0x2b 0x01 = 299, plus one), then
  // 0x21 = 0b001_000_01: copy of 4 with offset high bits 1, low byte 0x2c: offset 300.
  const lit = textLike(300, 9);
  const stream = bytes(0xb0, 0x02, 0xf4, 0x2b, 0x01, ...lit, 0x21, 0x2c); // preamble 304 = 0xb0 0x02
  const want = new Uint8Array(304);
  want.set(lit);
  want.set(lit.subarray(0, 4), 300);
  assertSameBytes(decompress(stream), want, '11-bit offset');
});

test('hand-built: every literal length form', () => {
  // 0xf0 = 60<<2: one length byte follows, 0x45 = 69 -> 70 bytes; preamble 70 = 0x46.
  const seventy = textLike(70, 1);
  assertSameBytes(decompress(bytes(0x46, 0xf0, 0x45, ...seventy)), seventy, '1-byte length');
  // 0xf8 = 62<<2 and 0xfc = 63<<2: three and four length bytes, here a 1-byte literal
  // written the long way (valid, just not what an encoder picks).
  assert.is(ascii(decompress(bytes(0x01, 0xf8, 0x00, 0x00, 0x00, 'q'))), 'q');
  assert.is(ascii(decompress(bytes(0x01, 0xfc, 0x00, 0x00, 0x00, 0x00, 'q'))), 'q');
  // A stream of only the preamble 0x00 is the empty input.
  assert.is(decompress(bytes(0x00)).length, 0);
});

test('preamble varint: multi-byte, the 2^32 cap, and bad forms', () => {
  assert.is(snappyUncompressedLength(bytes(0xac, 0x02)), 300);
  assert.is(snappyUncompressedLength(bytes(0xff, 0xff, 0xff, 0xff, 0x0f)), 0xffffffff);
  expectError(() => snappyUncompressedLength(bytes(0x80, 0x80, 0x80, 0x80, 0x10)), 'CORRUPT', '2^32');
  expectError(() => snappyUncompressedLength(bytes(0x80, 0x80, 0x80, 0x80, 0x80, 0x01)), 'CORRUPT', '6-byte varint');
  expectError(() => snappyUncompressedLength(bytes()), 'TRUNCATED', 'empty');
  expectError(() => snappyUncompressedLength(bytes(0x80)), 'TRUNCATED', 'cut varint');
});

// ---- round trips -------------------------------------------------------------------

test('round trips over sizes and kinds; compressible kinds shrink', () => {
  for (const n of SIZES) {
    for (const kind of KINDS) {
      const input = kind.make(n);
      const stream = compress(input);
      const what = `${kind.name}, ${n} bytes`;
      assert.ok(stream.length <= snappyMaxCompressedLength(n), `${what}: ${stream.length} exceeds the bound`);
      assert.is(snappyUncompressedLength(stream), n, `${what}: preamble`);
      assertSameBytes(decompress(stream), input, what);
      const smallEnough = kind.name === 'text' || kind.name.includes('ids') ? n >= 4096 : n >= 63;
      if (kind.compressible && smallEnough) {
        assert.ok(stream.length < n, `${what}: compressed to ${stream.length}, not smaller`);
      }
      if (!kind.compressible && n >= 65536) {
        assert.ok(stream.length < n * 1.01 + 32, `${what}: random data grew to ${stream.length}`);
      }
    }
  }
});

test('compression ratios on large compressible inputs are real, not marginal', () => {
  const n = 1 << 20;
  assert.ok(compress(zeros(n)).length < n / 20, 'zeros');
  assert.ok(compress(repeating(n, 17, 5)).length < n / 20, 'period 17');
  assert.ok(compress(textLike(n, 6)).length < n * 0.6, 'text');
  assert.ok(compress(sortedIds(n, 7)).length < n * 0.7, 'ids');
});

test('encoder output is deterministic and independent of earlier calls', () => {
  const a = textLike(200_000, 11);
  const first = compress(a);
  compress(randomBytes(100_000, 12)); // leaves the shared hash table dirty
  assertSameBytes(compress(a), first, 'second compression');
});

test('encoder works in 64 KiB fragments: 2-byte offsets that never leave the fragment', () => {
  for (const input of [textLike(300_000, 21), repeating(200_000, 13, 22), sortedIds(200_000, 23)]) {
    for (const e of walk(compress(input))) {
      assert.ok(e.kind !== 3, `4-byte offset element at stream byte ${e.at}`);
      const fragmentStart = e.pos - (e.pos % 65536);
      assert.ok(e.pos + e.len <= fragmentStart + 65536, `element at ${e.pos} crosses a fragment boundary`);
      if (e.kind === 0) continue;
      assert.ok(e.len >= 4 && e.len <= 64, `copy length ${e.len} at stream byte ${e.at}`);
      assert.ok(e.offset >= 1 && e.pos - e.offset >= fragmentStart, `copy at ${e.pos} reaches back ${e.offset}`);
      // The 1-byte form is used where it fits, as in the reference encoder.
      if (e.len < 12 && e.offset < 2048) assert.is(e.kind, 1, `short copy at ${e.pos} not in 1-byte form`);
    }
  }
});

test('compress into a subarray: writes only the bytes it reports', () => {
  const input = textLike(5000, 31);
  const backing = new Uint8Array(snappyMaxCompressedLength(input.length) + 20).fill(0xee);
  const out = backing.subarray(10, backing.length - 10);
  const written = compressSnappy(input, out);
  for (let i = 0; i < 10; i++) assert.is(backing[i], 0xee, `guard byte ${i} before out`);
  for (let i = 10 + written; i < backing.length; i++) assert.is(backing[i], 0xee, `byte ${i} after the stream`);
  assertSameBytes(decompress(out.slice(0, written)), input, 'subarray round trip');
});

test('inputs that sit at an offset inside a larger buffer', () => {
  for (const source of [textLike(5000, 32), randomBytes(300, 33), sortedIds(2000, 34)]) {
    const stream = compress(source);
    // Garbage on both sides: the codecs must honour byteOffset and length.
    const backing = new Uint8Array(stream.length + 107).fill(0xff);
    backing.set(stream, 7);
    assertSameBytes(decompress(backing.subarray(7, 7 + stream.length)), source, 'stream at offset 7');
    const padded = new Uint8Array(source.length + 10).fill(0xff);
    padded.set(source, 5);
    assertSameBytes(compress(padded.subarray(5, 5 + source.length)), stream, 'input at offset 5');
  }
});

// ---- bad input ---------------------------------------------------------------------

test('compress: output smaller than the bound is INVALID_ARGUMENT', () => {
  const input = textLike(1000, 41);
  const bound = snappyMaxCompressedLength(1000);
  assert.is(bound, 32 + 1000 + 166);
  assert.is(snappyMaxCompressedLength(0), 32);
  expectError(() => compressSnappy(input, new Uint8Array(bound - 1)), 'INVALID_ARGUMENT', 'one byte short');
});

test('every truncation of valid streams is TRUNCATED', () => {
  const streams = [
    bytes(0x0b, 0x14, 'hello ', 0x05, 0x06),
    bytes(0x07, 0x08, 'xyz', 0x0f, 0x03, 0x00, 0x00, 0x00),
    bytes(0x46, 0xf0, 0x45, ...textLike(70, 1)),
    compress(textLike(1500, 51)),
    compress(randomBytes(300, 52)),
    compress(repeating(2000, 3, 53)),
  ];
  for (const [s, stream] of streams.entries()) {
    const full = snappyUncompressedLength(stream);
    for (let cut = 0; cut < stream.length; cut++) {
      const out = new Uint8Array(full);
      expectError(() => decompressSnappy(stream.subarray(0, cut), out), 'TRUNCATED', `stream ${s} cut to ${cut} bytes`);
    }
  }
});

test('declared size that differs from the output is CORRUPT', () => {
  const stream = compress(textLike(100, 61));
  expectError(() => decompressSnappy(stream, new Uint8Array(99)), 'CORRUPT', 'one less', 'declares 100');
  expectError(() => decompressSnappy(stream, new Uint8Array(101)), 'CORRUPT', 'one more', 'declares 100');
});

test('copy offsets of 0 or before the start of the output are CORRUPT, at the tag', () => {
  // Preamble 5, literal "a", then 0x01 0x00: 1-byte-offset copy of 4 with offset 0.
  const zero = expectError(() => decompress(bytes(0x05, 0x00, 'a', 0x01, 0x00)), 'CORRUPT', 'offset 0', 'offset 0');
  assert.is(zero.offset, 3, 'error offset points at the copy tag');
  // Same with offset 2 while only 1 byte exists.
  expectError(() => decompress(bytes(0x05, 0x00, 'a', 0x01, 0x02)), 'CORRUPT', 'offset 2', 'offset 2');
  // 2-byte form (0x0e: length 4) with offset 0x0100 after 1 byte.
  expectError(() => decompress(bytes(0x05, 0x00, 'a', 0x0e, 0x00, 0x01)), 'CORRUPT', 'offset 256');
  // A copy before any output at all.
  expectError(() => decompress(bytes(0x04, 0x01, 0x01)), 'CORRUPT', 'copy first');
});

test('elements that would write past the declared size are CORRUPT', () => {
  // Preamble 3, literal "ab", then a copy of 4 from offset 1: 2 + 4 > 3.
  expectError(() => decompress(bytes(0x03, 0x04, 'ab', 0x01, 0x01)), 'CORRUPT', 'copy', 'exceeds declared size');
  // Preamble 1, literal of 2 bytes.
  expectError(() => decompress(bytes(0x01, 0x04, 'ab')), 'CORRUPT', 'literal', 'exceeds declared size');
  // A 4-byte literal length of 2^32 - 1 against a 1-byte output.
  expectError(() => decompress(bytes(0x01, 0xfc, 0xfe, 0xff, 0xff, 0xff, 'a')), 'CORRUPT', 'huge literal', 'exceeds declared size');
});

/** Decodes with guard bytes around the output; returns the error, or null when it decoded. */
function decodeGuarded(stream: Uint8Array, size: number, what: string): ParquetryError | null {
  const backing = new Uint8Array(size + 32).fill(0xa5);
  const out = backing.subarray(16, 16 + size);
  let error: ParquetryError | null = null;
  try {
    decompressSnappy(stream, out);
  } catch (e) {
    if (!(e instanceof ParquetryError)) assert.unreachable(`${what}: threw ${String(e)}, not a ParquetryError`);
    error = e as ParquetryError;
  }
  for (let i = 0; i < 16; i++) {
    assert.is(backing[i], 0xa5, `${what}: wrote before the output`);
    assert.is(backing[backing.length - 1 - i], 0xa5, `${what}: wrote after the output`);
  }
  return error;
}

test('random byte strings decode or throw ParquetryError, never writing outside out', () => {
  const next = rng(71);
  const seen = new Set<string>();
  for (let t = 0; t < 4000; t++) {
    const stream = new Uint8Array(1 + (next() % 48));
    for (let i = 0; i < stream.length; i++) stream[i] = next() >>> 24;
    // Small preambles make the element parser run; the rest are rejected by size.
    if (t % 2 === 0) stream[0] = next() % 64;
    let size = 8;
    try {
      size = Math.min(snappyUncompressedLength(stream), 1 << 16);
    } catch {
      // leave 8; decoding will report the bad preamble
    }
    const detail = decodeGuarded(stream, size, `random string ${t}`)?.detail ?? 'decoded';
    for (const marker of ['copy offset', 'exceeds declared size', 'ends inside a']) {
      if (detail.includes(marker)) seen.add(marker);
    }
  }
  // The element checks were reached, not just the preamble ones.
  assert.is(seen.size, 3, `failures seen: ${[...seen].join(', ')}`);
});

test('mutated valid streams decode or throw ParquetryError', () => {
  const next = rng(81);
  const sources = [textLike(3000, 82), repeating(3000, 5, 83), sortedIds(3000, 84)];
  for (const [s, source] of sources.entries()) {
    const stream = compress(source);
    for (let t = 0; t < 1000; t++) {
      const bad = stream.slice();
      const flips = 1 + (next() % 3);
      for (let f = 0; f < flips; f++) bad[1 + (next() % (bad.length - 1))] ^= 1 << (next() % 8);
      decodeGuarded(bad, source.length, `source ${s} mutation ${t}`);
    }
  }
});

test.run();
