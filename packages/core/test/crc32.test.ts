// CRC-32: the TypeScript table and the native (libdeflate) checksum agree with the standard check
// values and with each other on every length around the native cut-over.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { requireNativeBinding } from '../src/backend.js';
import { crc32Ts } from '../src/crc32.js';
import { crc32 } from '../src/crc32-dispatch.js';

const ascii = (s: string) => new TextEncoder().encode(s);

test('check values: "", "123456789", the fox', () => {
  for (const f of [crc32Ts, crc32, (b: Uint8Array) => requireNativeBinding().crc32(b) >>> 0]) {
    assert.is(f(ascii('')), 0);
    assert.is(f(ascii('123456789')), 0xcbf43926);
    assert.is(f(ascii('The quick brown fox jumps over the lazy dog')), 0x414fa339);
  }
});

test('native equals TypeScript on lengths 0..600 and 1 MiB, at every alignment', () => {
  const big = new Uint8Array((1 << 20) + 64);
  let x = 12345;
  for (let i = 0; i < big.length; i++) big[i] = (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 24;
  const native = requireNativeBinding();
  for (let n = 0; n <= 600; n++) {
    const view = big.subarray(n % 7, (n % 7) + n);
    assert.is(native.crc32(view) >>> 0, crc32Ts(view), `length ${n}`);
  }
  assert.is(crc32(big.subarray(3, 3 + (1 << 20))), crc32Ts(big.subarray(3, 3 + (1 << 20))));
});

test.run();
