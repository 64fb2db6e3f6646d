import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fmix32, hash64, hashBytes } from '../src/ts/hash.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const hashOf = (s: string) => {
  const b = utf8(s);
  return hashBytes(b, 0, b.length) >>> 0;
};

test('hashBytes is MurmurHash3 x86_32 with seed 0 (published vectors)', () => {
  assert.is(hashOf(''), 0);
  assert.is(hashOf('test'), 0xba6bd213);
  assert.is(hashOf('Hello, world!'), 0xc0363e43);
  assert.is(hashOf('The quick brown fox jumps over the lazy dog'), 0x2e4ff723);
});

test('hashBytes reads only its range, whatever the tail length', () => {
  const text = utf8('xxThe quick brown fox jumps over the lazy dogyy');
  assert.is(hashBytes(text, 2, text.length - 2) >>> 0, 0x2e4ff723);
  // tails of 1, 2 and 3 bytes after whole words all matter
  const seen = new Set<number>();
  for (let n = 0; n <= 12; n++) seen.add(hashBytes(text, 0, n));
  assert.is(seen.size, 13, 'every prefix hashes differently');
});

test('fmix32 is a bijection on a sample and maps 0 to 0', () => {
  assert.is(fmix32(0), 0);
  const seen = new Set<number>();
  for (let i = 0; i < 100_000; i++) seen.add(fmix32(i * 7919));
  assert.is(seen.size, 100_000);
});

test('hash64 separates words that differ only in the high or low half', () => {
  const seen = new Set<number>();
  for (let i = 0; i < 1000; i++) {
    seen.add(hash64(i, 0));
    seen.add(hash64(0, i + 1));
  }
  assert.is(seen.size, 2000);
});

test.run();
