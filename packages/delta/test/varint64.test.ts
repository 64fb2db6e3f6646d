import { ParquetryError } from '@parquetry/core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readUleb64, readZigzag64, varint, writeUleb64, writeZigzag32, writeZigzag64 } from '../src/ts/varint64.js';

const lo = (v: bigint) => Number(BigInt.asIntN(32, v));
const hi = (v: bigint) => Number(BigInt.asIntN(32, v >> 32n));
const read = () => (BigInt(varint.hi >>> 0) << 32n) | BigInt(varint.lo >>> 0);

function uleb(v: bigint): number[] {
  const out: number[] = [];
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v !== 0n) b |= 0x80;
    out.push(b);
  } while (v !== 0n);
  return out;
}

function throwsCode(fn: () => unknown, code: string): void {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof ParquetryError, String(e));
    assert.is((e as ParquetryError).code, code);
    return;
  }
  assert.unreachable('did not throw');
}

const VALUES = [0n, 1n, 127n, 128n, 2n ** 28n - 1n, 2n ** 28n, 2n ** 31n, 2n ** 32n - 1n, 2n ** 32n, 2n ** 35n + 5n, 2n ** 49n, 2n ** 63n - 1n, 2n ** 63n, 2n ** 64n - 1n];
const SIGNED = [0n, -1n, 1n, -64n, 64n, -(2n ** 31n), 2n ** 31n - 1n, 2n ** 31n, -(2n ** 31n) - 1n, -(2n ** 63n), 2n ** 63n - 1n, 1234567890123456789n];

test('ULEB128 of 64-bit values: written shortest, read back, position after', () => {
  for (const v of VALUES) {
    const out = new Uint8Array(12);
    const end = writeUleb64(out, 1, lo(v), hi(v));
    assert.equal(Array.from(out.subarray(1, end)), uleb(v), `write ${v}`);
    assert.is(readUleb64(out, 1, end, 'v'), end, `read ${v}: position`);
    assert.is(read(), v, `read ${v}`);
  }
});

test('zigzag: 0 -1 1 -2 2 ... map to 0 1 2 3 4; 64-bit extremes take 10 bytes', () => {
  for (const v of SIGNED) {
    const z = v >= 0n ? 2n * v : -2n * v - 1n;
    const out = new Uint8Array(12);
    const end = writeZigzag64(out, 0, lo(v), hi(v));
    assert.equal(Array.from(out.subarray(0, end)), uleb(z), `write ${v}`);
    readZigzag64(out, 0, end, 'v');
    assert.is(varint.lo, lo(v), `read ${v} low`);
    assert.is(varint.hi, hi(v), `read ${v} high`);
    if (v >= -(2n ** 31n) && v < 2n ** 31n) {
      const out32 = new Uint8Array(6);
      const end32 = writeZigzag32(out32, 0, Number(v));
      assert.equal(Array.from(out32.subarray(0, end32)), uleb(z), `write32 ${v}`);
    }
  }
  const min = new Uint8Array(10);
  assert.is(writeZigzag64(min, 0, 0, -(2 ** 31)), 10);
  assert.equal(Array.from(min), [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
});

test('varints that end early, never end, or overflow 64 bits', () => {
  throwsCode(() => readUleb64(Uint8Array.of(0x80, 0x80), 0, 2, 'v'), 'TRUNCATED');
  throwsCode(() => readUleb64(Uint8Array.of(0x80, 0x00), 0, 1, 'v'), 'TRUNCATED'); // end before the buffer's end
  throwsCode(() => readUleb64(new Uint8Array(20).fill(0xff), 0, 20, 'v'), 'CORRUPT');
  throwsCode(() => readUleb64(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02), 0, 10, 'v'), 'CORRUPT');
  // redundant zero groups are accepted (not the shortest form, still the same value)
  assert.is(readUleb64(Uint8Array.of(0x81, 0x80, 0x00), 0, 3, 'v'), 3);
  assert.is(read(), 1n);
});

test.run();
