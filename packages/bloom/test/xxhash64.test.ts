import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as ts from '../src/ts/index.js';
import { BACKENDS, byteArrays, error, lcg, randomBytes, readFixture, sanityBuffer } from './helpers.js';

const PRIME32 = 0x9e3779b1n;
const utf8 = new TextEncoder();

// (length of the sanity buffer, seed, digest): xxHash's xsum_sanity_check.c and
// tests/sanity_test_vectors.h
const REFERENCE: Array<[number, bigint, bigint]> = [
  [0, 0n, 0xef46db3751d8e999n],
  [0, PRIME32, 0xac75fda2929b17efn],
  [1, 0n, 0xe934a84adb052768n],
  [1, PRIME32, 0x5014607643a9b4c3n],
  [3, 0n, 0xff7e1959cb50794an],
  [3, PRIME32, 0xaa8584e83660f7d1n],
  [4, 0n, 0x9136a0dca57457een],
  [4, PRIME32, 0xcaab286bd8e9fdb5n],
  [8, 0n, 0xcdbcf538e71d1348n],
  [8, PRIME32, 0xfe0c047a5353cdacn],
  [14, 0n, 0x8282dcc4994e35c8n],
  [14, PRIME32, 0xc3bd6bf63deb6df0n],
  [16, 0n, 0x98c90b57fdfcb55cn],
  [16, PRIME32, 0xc900ad2d536b607en],
  [17, 0n, 0x0d39a2d051a30c2cn],
  [17, PRIME32, 0x495cd68a647c7a22n],
  [24, 0n, 0xf75a6dea42dc5bf4n],
  [24, PRIME32, 0x8b7c67eb59778e22n],
  [32, 0n, 0x18b216492bb44b70n],
  [32, PRIME32, 0xb3f33bdf93ade409n],
  [64, 0n, 0xef558f8acac2b5cdn],
  [128, 0n, 0x90ca021457d96dc5n],
  [129, 0n, 0x41c280132d697aban],
  [222, 0n, 0xb641ae8cb691c174n],
  [222, PRIME32, 0x20cb8ab7ae10c14an],
  [2367, 0n, 0xa82418ddec0ea581n],
  [2367, PRIME32, 0xa36a93c18052673an],
];

for (const [name, api] of BACKENDS) {
  test(`${name}: the xxHash reference vectors, and "", "a", "abc"`, () => {
    const buf = sanityBuffer(2367);
    for (const [len, seed, want] of REFERENCE) assert.is(api.xxhash64(buf.subarray(0, len), seed), want, `length ${len} seed ${seed}`);
    assert.is(api.xxhash64(new Uint8Array(0)), 0xef46db3751d8e999n);
    assert.is(api.xxhash64(utf8.encode('a')), 0xd24ec4f1a98c6e5bn);
    assert.is(api.xxhash64(utf8.encode('abc')), 0x44bc2cf5ad770999n);
  });

  test(`${name}: the low half matches libzstd's frame checksum at every length 0..300`, () => {
    const { lowHalfByLength } = readFixture<{ lowHalfByLength: string[] }>('zstd-checksums.json');
    assert.is(lowHalfByLength.length, 301);
    const buf = sanityBuffer(300);
    lowHalfByLength.forEach((hex, len) => {
      assert.is((api.xxhash64(buf.subarray(0, len)) & 0xffffffffn).toString(16).padStart(8, '0'), hex, `length ${len}`);
    });
  });

  test(`${name}: batches equal one hash per value, aligned or not, for every width`, () => {
    const next = lcg(3);
    const data = randomBytes(next, 2401);
    for (const width of [1, 2, 3, 4, 5, 7, 8, 12, 16, 31, 32, 33, 100]) {
      for (const start of [0, 1, 4]) {
        const count = Math.floor((data.length - start) / width);
        const bytes = data.subarray(start, start + count * width);
        for (const seed of [0n, 0xfedcba9876543210n]) {
          const out = new BigUint64Array(count);
          api.xxhash64FixedWidth(bytes, width, seed, out);
          for (let i = 0; i < count; i++) {
            if (out[i] !== ts.xxhash64(bytes.subarray(i * width, (i + 1) * width), seed)) assert.unreachable(`width ${width} start ${start} value ${i}`);
          }
        }
      }
    }
    const values = Array.from({ length: 200 }, (_, i) => data.subarray(i, i + (i % 70)));
    const { offsets, bytes } = byteArrays(values);
    const out = new BigUint64Array(values.length);
    api.xxhash64ByteArrays(offsets, bytes, 7n, out);
    values.forEach((v, i) => assert.is(out[i], ts.xxhash64(v, 7n), `value ${i}`));
    // offsets need not start at 0
    const tail = new BigUint64Array(3);
    api.xxhash64ByteArrays(offsets.subarray(5, 9), bytes, 7n, tail);
    assert.equal([...tail], [out[5], out[6], out[7]]);
  });

  test(`${name}: bad batch shapes and seeds are INVALID_ARGUMENT`, () => {
    const bytes = new Uint8Array(12);
    assert.is(error(() => api.xxhash64FixedWidth(bytes, 0, 0n, new BigUint64Array(0))).code, 'INVALID_ARGUMENT');
    assert.is(error(() => api.xxhash64FixedWidth(bytes, 5, 0n, new BigUint64Array(2))).code, 'INVALID_ARGUMENT');
    assert.is(error(() => api.xxhash64FixedWidth(bytes, 4, 0n, new BigUint64Array(2))).code, 'INVALID_ARGUMENT');
    assert.is(error(() => api.xxhash64FixedWidth(bytes, 4, 0n, new BigUint64Array(4))).code, 'INVALID_ARGUMENT');
    assert.is(error(() => api.xxhash64FixedWidth(bytes, 4, -1n, new BigUint64Array(3))).code, 'INVALID_ARGUMENT');
    assert.is(error(() => api.xxhash64(bytes, 1n << 64n)).code, 'INVALID_ARGUMENT');
    for (const offsets of [[0, 4, 8], [0, 4, 8, 13], [0, 5, 4, 8], [-1, 0, 1, 2]]) {
      assert.is(error(() => api.xxhash64ByteArrays(Int32Array.from(offsets), bytes, 0n, new BigUint64Array(3))).code, 'INVALID_ARGUMENT', `offsets ${offsets}`);
    }
    // an output over the input's memory
    const shared = new BigUint64Array(4);
    const sharedBytes = new Uint8Array(shared.buffer);
    assert.is(error(() => api.xxhash64FixedWidth(sharedBytes, 8, 0n, shared)).code, 'INVALID_ARGUMENT');
  });
}

if (BACKENDS.length > 1) {
  const [[, tsApi], [, nativeApi]] = BACKENDS;
  test('native equals TypeScript on random inputs of every length 0..300 and several seeds', () => {
    const next = lcg(9);
    const seeds = [0n, 1n, PRIME32, 0x9e3779b185ebca87n, 0xffffffffffffffffn, 0x0123456789abcdefn];
    let compared = 0;
    for (let len = 0; len <= 300; len++) {
      for (const seed of seeds) {
        const bytes = randomBytes(next, len);
        assert.is(nativeApi.xxhash64(bytes, seed), tsApi.xxhash64(bytes, seed), `length ${len} seed ${seed}`);
        compared++;
      }
    }
    assert.is(compared, 301 * seeds.length);
  });
}

test.run();
