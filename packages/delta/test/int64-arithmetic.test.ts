// INT64 runs on int32 halves with carries: check it against BigInt where carries and wraps happen.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DeltaBinaryPackedDecoder } from '../src/ts/delta-binary-packed-decoder.js';
import { encodeDeltaBinaryPacked } from '../src/ts/delta-binary-packed-encode.js';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0);
}

/** Values around the 2^32 and 2^63 boundaries, so deltas carry and borrow across the halves. */
function boundaryValues(seed: number, n: number): BigInt64Array {
  const next = lcg(seed);
  const anchors = [0n, 2n ** 32n, -(2n ** 32n), 2n ** 63n - 1n, -(2n ** 63n), 2n ** 31n, 0xffffffffn, -1n];
  const out = new BigInt64Array(n);
  for (let i = 0; i < n; i++) {
    const anchor = anchors[next() % anchors.length];
    const jitter = BigInt((next() % 2001) - 1000);
    out[i] = BigInt.asIntN(64, anchor + jitter);
  }
  return out;
}

function check(values: BigInt64Array, what: string): void {
  const bytes = encodeDeltaBinaryPacked(values);
  const out = new BigInt64Array(values.length);
  new DeltaBinaryPackedDecoder(bytes, 'INT64').read(out, 0, values.length);
  for (let i = 0; i < values.length; i++) {
    if (out[i] !== values[i]) assert.unreachable(`${what}: value ${i} is ${out[i]}, expected ${values[i]}`);
  }
}

test('carries between the halves: values around 2^32 and the int64 extremes', () => {
  for (let seed = 1; seed <= 20; seed++) check(boundaryValues(seed, 300), `seed ${seed}`);
});

test('every bit width 0..64 of (delta - min delta)', () => {
  for (let w = 0; w <= 64; w++) {
    // deltas alternate between -2^63 (the min) and -2^63 + 2^w - 1 (wrapping): exactly w bits each
    const values = new BigInt64Array(129);
    values[0] = -(2n ** 62n);
    for (let i = 1; i < values.length; i++) {
      const delta = -(2n ** 63n) + (i % 2 === 0 ? 0n : (1n << BigInt(w)) - 1n);
      values[i] = BigInt.asIntN(64, values[i - 1] + delta);
    }
    const bytes = encodeDeltaBinaryPacked(values);
    // header 80 01 04 81 01 + first value (9 bytes), min delta -2^63 (10 bytes), then 4 widths
    assert.equal(Array.from(bytes.subarray(5 + 9, 5 + 9 + 10)), [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01], `width ${w}: min delta`);
    assert.equal(Array.from(bytes.subarray(24, 28)), [w, w, w, w], `width ${w}: bit widths`);
    assert.is(bytes.length, 28 + 4 * 4 * w, `width ${w}: 4 miniblocks of 4 * width bytes`);
    check(values, `width ${w}`);
  }
});

test('partial groups: reads of every size from 1 to 40 give the full decode', () => {
  const values = boundaryValues(99, 1000);
  const bytes = encodeDeltaBinaryPacked(values);
  for (let size = 1; size <= 40; size++) {
    const d = new DeltaBinaryPackedDecoder(bytes, 'INT64');
    const out = new BigInt64Array(values.length);
    let at = 0;
    while (d.remaining > 0) {
      const n = Math.min(size, d.remaining);
      d.read(out, at, n);
      at += n;
    }
    for (let i = 0; i < values.length; i++) if (out[i] !== values[i]) assert.unreachable(`size ${size}: value ${i}`);
    assert.is(d.byteOffset, bytes.length);
  }
});

test('INT32 reads of every size from 1 to 40 give the full decode (generated and partial paths)', () => {
  const next = lcg(7);
  const values = Int32Array.from({ length: 1000 }, () => next() | 0);
  const bytes = encodeDeltaBinaryPacked(values);
  for (let size = 1; size <= 40; size++) {
    const d = new DeltaBinaryPackedDecoder(bytes, 'INT32');
    const out = new Int32Array(values.length);
    for (let at = 0; d.remaining > 0; ) {
      const n = Math.min(size, d.remaining);
      d.read(out, at, n);
      at += n;
    }
    assert.equal(Array.from(out), Array.from(values), `size ${size}`);
  }
});

test.run();
