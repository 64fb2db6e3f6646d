import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { canonicalCodes, huffmanLengths } from '../src/ts/deflate-huffman.js';

/** The Kraft sum of the used lengths, times 2^maxBits: exactly 2^maxBits for a complete code. */
function kraft(lengths: Uint8Array, maxBits: number): number {
  let sum = 0;
  for (const l of lengths) if (l > 0) sum += 2 ** (maxBits - l);
  return sum;
}

test('lengths follow the frequencies and form a complete code', () => {
  const lengths = huffmanLengths([5, 9, 12, 13, 16, 45], 15);
  assert.equal([...lengths], [4, 4, 3, 3, 3, 1]);
  assert.is(kraft(lengths, 15), 2 ** 15);
});

test('fewer than two used symbols still make a complete code of two', () => {
  assert.equal([...huffmanLengths([0, 0, 0], 7)], [1, 1, 0]);
  assert.equal([...huffmanLengths([0, 0, 4], 7)], [1, 0, 1]);
  assert.equal([...huffmanLengths([4, 0, 0], 7)], [1, 1, 0]);
});

test('Fibonacci frequencies (the deepest tree) are cut to the limit and stay complete', () => {
  for (const [n, maxBits] of [[30, 15], [40, 15], [19, 7], [286, 15]] as const) {
    const freq = new Array<number>(n).fill(0);
    let a = 1;
    let b = 1;
    for (let i = 0; i < Math.min(n, 40); i++) {
      freq[i] = a;
      [a, b] = [b, a + b];
    }
    for (let i = 40; i < n; i++) freq[i] = 1 + (i % 3);
    const lengths = huffmanLengths(freq, maxBits);
    assert.ok(Math.max(...lengths) <= maxBits, `${n} symbols: over ${maxBits} bits`);
    assert.is(kraft(lengths, maxBits), 2 ** maxBits, `${n} symbols: incomplete or oversubscribed`);
    // A more frequent symbol never gets a longer code.
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (freq[i] > freq[j]) assert.ok(lengths[i] <= lengths[j], `${i} vs ${j}`);
  }
});

test('canonical codes: RFC 1951 3.2.2 example, bit-reversed', () => {
  // Lengths (3, 3, 3, 3, 3, 2, 4, 4) give codes 010, 011, 100, 101, 110, 00, 1110, 1111.
  const codes = canonicalCodes(Uint8Array.from([3, 3, 3, 3, 3, 2, 4, 4]));
  const reversed = (code: number, bits: number) => parseInt(code.toString(2).padStart(bits, '0').split('').reverse().join(''), 2);
  assert.equal([...codes], [reversed(0b010, 3), reversed(0b011, 3), reversed(0b100, 3), reversed(0b101, 3), reversed(0b110, 3), reversed(0b00, 2), reversed(0b1110, 4), reversed(0b1111, 4)]);
});

test.run();
