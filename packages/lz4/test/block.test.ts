import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ParquetryError, type ErrorCode } from '@parquetry/core';
import { compressLz4Block, decompressLz4Block, lz4BlockMaxCompressedLength } from '../src/ts/block.js';

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

const bytes = (...parts: (number | string | Uint8Array)[]): Uint8Array =>
  Uint8Array.from(
    parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : typeof p === 'number' ? [p] : [...p])),
  );
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
  const out = new Uint8Array(lz4BlockMaxCompressedLength(input.length));
  return out.slice(0, compressLz4Block(input, out));
}

/** Decodes into an output of `size` bytes and returns exactly the bytes written. */
function decompress(block: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(size);
  return out.subarray(0, decompressLz4Block(block, out));
}

// ---- inputs ----------------------------------------------------------------------

const SIZES = [0, 1, 2, 3, 4, 5, 11, 12, 13, 15, 16, 17, 63, 64, 65, 65535, 65536, 65537, 1 << 20];
const WORDS = ['the', 'quick', 'parquet', 'column', 'page', 'row', 'group', 'lz4', 'value', 'null', 'of', 'a'];

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

/** A random pattern of `period` bytes repeated: matches overlap their own output. */
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
  { name: 'zeros', make: (n) => new Uint8Array(n), compressible: true },
  { name: 'random', make: (n) => randomBytes(n, n + 1), compressible: false },
  { name: 'text', make: (n) => textLike(n, n + 2), compressible: true },
  { name: 'sorted int64 ids', make: (n) => sortedIds(n, n + 3), compressible: true },
];
for (let p = 1; p <= 17; p++) {
  KINDS.push({ name: `period ${p}`, make: (n) => repeating(n, p, p * 31 + n), compressible: true });
}

/** The sequences of a block, walked independently of the decoder. */
interface Sequence {
  pos: number;
  literals: number;
  offset: number;
  match: number;
}

function walk(block: Uint8Array): Sequence[] {
  const readLength = (nibble: number): number => {
    let len = nibble;
    if (nibble === 15) {
      let b;
      do len += b = block[ip++];
      while (b === 255);
    }
    return len;
  };
  const sequences: Sequence[] = [];
  let ip = 0;
  let pos = 0;
  while (ip < block.length) {
    const token = block[ip++];
    const literals = readLength(token >>> 4);
    ip += literals;
    if (ip >= block.length) {
      sequences.push({ pos, literals, offset: 0, match: 0 });
      break;
    }
    const offset = block[ip] | (block[ip + 1] << 8);
    ip += 2;
    const match = readLength(token & 15) + 4;
    sequences.push({ pos, literals, offset, match });
    pos += literals + match;
  }
  return sequences;
}

// ---- hand-built blocks -------------------------------------------------------------

test('hand-built: a literals-only block', () => {
  // 0x50: 5 literals, no match (last sequence). Then "hello".
  assert.is(ascii(decompress(bytes(0x50, 'hello'), 5)), 'hello');
  // 0x00: the empty block an encoder writes for empty input.
  assert.is(decompress(bytes(0x00), 0).length, 0);
});

test('hand-built: literals, a match, and the closing literals', () => {
  // 0x61: 6 literals "hello ", match nibble 1 -> length 1+4 = 5; 06 00: offset 6 (LE).
  // 0x10: last sequence, 1 literal "!".
  const block = bytes(0x61, 'hello ', 0x06, 0x00, 0x10, '!');
  assert.is(ascii(decompress(block, 12)), 'hello hello!');
  // A larger output is fine: the count written tells the caller what it got.
  const roomy = new Uint8Array(100).fill(0xa5);
  assert.is(decompressLz4Block(block, roomy), 12);
  // Past the count, at most 7 bytes of scratch; the rest of out is untouched.
  for (let i = 12 + 7; i < 100; i++) assert.is(roomy[i], 0xa5, `byte ${i} past the count was written`);
});

test('hand-built: length extension bytes and overlapping matches', () => {
  // 0x1f: 1 literal "a", match nibble 15 -> one extension byte 0x05: 15+5+4 = 24,
  // offset 1 (01 00) repeats "a"; 0x00 closes with an empty literal run.
  assert.is(ascii(decompress(bytes(0x1f, 'a', 0x01, 0x00, 0x05, 0x00), 25)), 'a'.repeat(25));
  // 0x2f: "ab", offset 2, match 15 + 0xff + 0x10 + 4 = 290 (a 255 byte continues the length).
  const long = decompress(bytes(0x2f, 'ab', 0x02, 0x00, 0xff, 0x10, 0x00), 292);
  assert.is(ascii(long), 'ab'.repeat(146));
  // 0xf0 with extension 0x00: 15 literals; with 0xff 0x00: 15 + 255 + 0 = 270 literals.
  const fifteen = textLike(15, 1);
  assertSameBytes(decompress(bytes(0xf0, 0x00, fifteen), 15), fifteen, '15 literals');
  const many = textLike(270, 2);
  assertSameBytes(decompress(bytes(0xf0, 0xff, 0x00, many), 270), many, '270 literals');
  // A long non-overlapping match: 0x4f "abcd", offset 4, 15+45+4 = 64 -> "abcd" x 17.
  assert.is(ascii(decompress(bytes(0x4f, 'abcd', 0x04, 0x00, 0x2d, 0x00), 68)), 'abcd'.repeat(17));
});

// ---- round trips -------------------------------------------------------------------

test('round trips over sizes and kinds; compressible kinds shrink', () => {
  for (const n of SIZES) {
    for (const kind of KINDS) {
      const input = kind.make(n);
      const block = compress(input);
      const what = `${kind.name}, ${n} bytes`;
      assert.ok(block.length <= lz4BlockMaxCompressedLength(n), `${what}: ${block.length} exceeds the bound`);
      assertSameBytes(decompress(block, n), input, what);
      const smallEnough = kind.name === 'text' || kind.name.includes('ids') ? n >= 4096 : n >= 63;
      if (kind.compressible && smallEnough) {
        assert.ok(block.length < n, `${what}: compressed to ${block.length}, not smaller`);
      }
    }
  }
});

test('compression ratios on large compressible inputs are real, not marginal', () => {
  const n = 1 << 20;
  assert.ok(compress(new Uint8Array(n)).length < n / 100, 'zeros');
  assert.ok(compress(repeating(n, 17, 5)).length < n / 100, 'period 17');
  assert.ok(compress(textLike(n, 6)).length < n * 0.6, 'text');
  assert.ok(compress(sortedIds(n, 7)).length < n * 0.7, 'ids');
});

test('encoder output follows the block end rules', () => {
  for (const n of [13, 14, 20, 64, 65, 1000, 70_000]) {
    for (const input of [new Uint8Array(n), textLike(n, n), repeating(n, 3, n), sortedIds(n, n)]) {
      const sequences = walk(compress(input));
      const last = sequences[sequences.length - 1];
      assert.is(last.match, 0, `n=${n}: the last sequence has no match`);
      assert.ok(last.literals >= 5, `n=${n}: last literal run ${last.literals} < 5`);
      for (const s of sequences.slice(0, -1)) {
        const matchStart = s.pos + s.literals;
        assert.ok(matchStart <= n - 12, `n=${n}: match at ${matchStart} starts within 12 bytes of the end`);
        assert.ok(s.offset >= 1 && s.offset <= 65535 && s.offset <= matchStart, `n=${n}: offset ${s.offset}`);
      }
    }
  }
  // Below 13 bytes there is no room for a match: one literal run.
  for (let n = 0; n < 13; n++) {
    assert.equal(walk(compress(new Uint8Array(n))), [{ pos: 0, literals: n, offset: 0, match: 0 }], `n=${n}`);
  }
});

test('encoder output is deterministic and independent of earlier calls', () => {
  const a = textLike(200_000, 11);
  const first = compress(a);
  compress(randomBytes(100_000, 12)); // leaves the shared hash table dirty
  assertSameBytes(compress(a), first, 'second compression');
});

test('compress into a subarray: writes only the bytes it reports', () => {
  const input = textLike(5000, 31);
  const backing = new Uint8Array(lz4BlockMaxCompressedLength(input.length) + 20).fill(0xee);
  const out = backing.subarray(10, backing.length - 10);
  const written = compressLz4Block(input, out);
  for (let i = 0; i < 10; i++) assert.is(backing[i], 0xee, `guard byte ${i} before out`);
  for (let i = 10 + written; i < backing.length; i++) assert.is(backing[i], 0xee, `byte ${i} after the block`);
  assertSameBytes(decompress(out.slice(0, written), input.length), input, 'subarray round trip');
});

test('inputs that sit at an offset inside a larger buffer', () => {
  for (const source of [textLike(5000, 32), randomBytes(300, 33), sortedIds(2000, 34)]) {
    const stream = compress(source);
    // Garbage on both sides: the codecs must honour byteOffset and length.
    const backing = new Uint8Array(stream.length + 107).fill(0xff);
    backing.set(stream, 7);
    assertSameBytes(decompress(backing.subarray(7, 7 + stream.length), source.length), source, 'stream at offset 7');
    const padded = new Uint8Array(source.length + 10).fill(0xff);
    padded.set(source, 5);
    assertSameBytes(compress(padded.subarray(5, 5 + source.length)), stream, 'input at offset 5');
  }
});

// ---- bad input ---------------------------------------------------------------------

test('compress: output smaller than the bound is INVALID_ARGUMENT', () => {
  assert.is(lz4BlockMaxCompressedLength(1000), 1000 + 3 + 16);
  assert.is(lz4BlockMaxCompressedLength(0), 16);
  const input = textLike(1000, 41);
  expectError(() => compressLz4Block(input, new Uint8Array(1018)), 'INVALID_ARGUMENT', 'one byte short');
});

test('every truncation throws, or yields a short exact prefix the caller will reject', () => {
  // A block cut right after a literal run looks like a complete last sequence, so the
  // block format alone cannot catch it; the short count is what the caller checks.
  const sources = [bytes('hello hello!'), textLike(1500, 51), randomBytes(300, 52), repeating(2000, 3, 53), new Uint8Array(600)];
  for (const [s, source] of sources.entries()) {
    const block = s === 0 ? bytes(0x61, 'hello ', 0x06, 0x00, 0x10, '!') : compress(source);
    let thrown = 0;
    for (let cut = 0; cut < block.length; cut++) {
      const out = new Uint8Array(source.length);
      let written: number;
      try {
        written = decompressLz4Block(block.subarray(0, cut), out);
      } catch (e) {
        assert.ok(e instanceof ParquetryError, `source ${s} cut to ${cut}: threw ${String(e)}`);
        assert.is((e as ParquetryError).code, 'TRUNCATED', `source ${s} cut to ${cut}: ${(e as Error).message}`);
        thrown++;
        continue;
      }
      assert.ok(written < source.length, `source ${s} cut to ${cut} bytes decoded all ${written} bytes`);
      assertSameBytes(out.subarray(0, written), source.subarray(0, written), `source ${s} cut to ${cut}`);
    }
    assert.ok(thrown >= block.length / 2, `source ${s}: only ${thrown} of ${block.length} cuts threw`);
  }
});

test('cuts inside a sequence are TRUNCATED', () => {
  expectError(() => decompress(bytes(), 10), 'TRUNCATED', 'empty block', 'empty');
  // 0xf0 promises a literal length extension byte.
  expectError(() => decompress(bytes(0xf0), 100), 'TRUNCATED', 'no extension byte', 'literal length');
  expectError(() => decompress(bytes(0xf0, 0xff), 1000), 'TRUNCATED', 'extension continues', 'literal length');
  // 0x30: three literals, two present.
  expectError(() => decompress(bytes(0x30, 'ab'), 10), 'TRUNCATED', 'short literals', 'literal run');
  // Literals, then one byte of the offset.
  expectError(() => decompress(bytes(0x11, 'a', 0x01), 10), 'TRUNCATED', 'half an offset', 'offset');
  // Match nibble 15 with no extension byte.
  expectError(() => decompress(bytes(0x1f, 'a', 0x01, 0x00), 100), 'TRUNCATED', 'match length', 'match length');
  // A block may not end with a match: the last sequence carries literals only.
  const err = expectError(() => decompress(bytes(0x10, 'a', 0x01, 0x00), 10), 'TRUNCATED', 'ends after a match');
  assert.is(err.offset, 4, 'error offset is where the missing sequence should start');
});

test('offset 0 and offsets beyond the output so far are CORRUPT, at the token', () => {
  // 0x10: 1 literal "a", then offset 00 00 and a 4-byte match.
  const zero = expectError(() => decompress(bytes(0x10, 'a', 0x00, 0x00, 0x00), 10), 'CORRUPT', 'offset 0', 'offset 0');
  assert.is(zero.offset, 0);
  // Offset 2 with one byte produced.
  expectError(() => decompress(bytes(0x10, 'a', 0x02, 0x00, 0x00), 10), 'CORRUPT', 'offset 2', 'offset 2');
  // Second sequence: offset 0xffff after 2 bytes; the error points at its token (byte 4).
  const far = expectError(() => decompress(bytes(0x10, 'a', 0x01, 0x00, 0x00, 0xff, 0xff, 0x00), 20), 'CORRUPT', 'far');
  assert.is(far.offset, 4);
});

test('literals or matches past the output size are CORRUPT (exceeds declared size)', () => {
  expectError(() => decompress(bytes(0x10, 'a', 0x01, 0x00, 0x00), 4), 'CORRUPT', 'match', 'exceeds declared size');
  expectError(() => decompress(bytes(0x30, 'abc'), 2), 'CORRUPT', 'literals', 'exceeds declared size');
  // A literal length of 15 + 255*3 + 10 against a small output, before reading the literals.
  expectError(() => decompress(bytes(0xf0, 0xff, 0xff, 0xff, 0x0a), 50), 'CORRUPT', 'huge literals', 'exceeds declared size');
});

/** Decodes with guard bytes around the output; returns the error, or null when it decoded. */
function decodeGuarded(block: Uint8Array, size: number, what: string): ParquetryError | null {
  const backing = new Uint8Array(size + 32).fill(0xa5);
  const out = backing.subarray(16, 16 + size);
  let error: ParquetryError | null = null;
  try {
    const written = decompressLz4Block(block, out);
    assert.ok(written >= 0 && written <= size, `${what}: wrote ${written} of ${size}`);
    for (let i = written + 7; i < size; i++) assert.is(out[i], 0xa5, `${what}: byte ${i} past the count ${written}`);
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
    const block = new Uint8Array(1 + (next() % 48));
    for (let i = 0; i < block.length; i++) block[i] = next() >>> 24;
    const detail = decodeGuarded(block, next() % 300, `random string ${t}`)?.detail ?? 'decoded';
    for (const marker of ['match offset', 'exceeds declared size', 'ends inside', 'decoded']) {
      if (detail.includes(marker)) seen.add(marker);
    }
  }
  assert.is(seen.size, 4, `outcomes seen: ${[...seen].join(', ')}`);
});

test('mutated valid blocks decode or throw ParquetryError', () => {
  const next = rng(81);
  const sources = [textLike(3000, 82), repeating(3000, 5, 83), sortedIds(3000, 84)];
  for (const [s, source] of sources.entries()) {
    const block = compress(source);
    for (let t = 0; t < 1000; t++) {
      const bad = block.slice();
      const flips = 1 + (next() % 3);
      for (let f = 0; f < flips; f++) bad[next() % bad.length] ^= 1 << (next() % 8);
      decodeGuarded(bad, source.length, `source ${s} mutation ${t}`);
    }
  }
});

test.run();
