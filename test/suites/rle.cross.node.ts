// Node only: the native and TypeScript implementations side by side in one process. Encoders must
// write identical bytes; each decodes the other's output; and both SIMD levels of the native
// kernels agree.
import { requireNativeBinding } from '@parquetry/core';
import * as native from '@parquetry/rle/native';
import * as ts from '@parquetry/rle/ts';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { firstDifference, randomValues, type Distribution } from '../lib/random.js';

const cross = suite('rle: native <-> TypeScript');
const LENGTHS = [0, 1, 7, 8, 9, 31, 33, 1023, 1024, 1025, 100_000];
const DISTRIBUTIONS: Distribution[] = ['random', 'runs', 'extremes', 'constant'];

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && firstDifference(a, b) === -1;
}

for (const level of ['detected', 'scalar'] as const) {
  cross(`identical bytes and cross-decoding, every width (${level} kernels)`, () => {
    const binding = requireNativeBinding();
    binding.forceScalar(level === 'scalar');
    try {
      if (level === 'scalar') assert.is(binding.simdLevel(), 'scalar');
      for (let width = 0; width <= 32; width++) {
        for (const n of LENGTHS) {
          for (const dist of DISTRIBUTIONS) {
            const values = randomValues(width * 7919 + n + dist.length, n, width, dist);
            const what = `width ${width}, ${n} ${dist} values`;
            const fromTs = ts.encodeRleHybrid(values, width);
            const fromNative = native.encodeRleHybrid(values, width);
            assert.ok(sameBytes(fromTs, fromNative), `${what}: encoders differ (${fromTs.length} vs ${fromNative.length} bytes)`);
            assert.is(firstDifference(ts.decodeRleHybrid(fromNative, width, n), values), -1, `${what}: TS decodes native`);
            assert.is(firstDifference(native.decodeRleHybrid(fromTs, width, n), values), -1, `${what}: native decodes TS`);
            const legacyTs = ts.encodeBitPacked(values, width);
            assert.ok(sameBytes(legacyTs, native.encodeBitPacked(values, width)), `${what}: BIT_PACKED encoders differ`);
            assert.is(firstDifference(native.decodeBitPacked(legacyTs, width, n), values), -1, `${what}: BIT_PACKED native decode`);
          }
        }
      }
    } finally {
      binding.forceScalar(false);
    }
  });
}

cross('both backends fail the same inputs with the same code', () => {
  const cases: Array<[number[], number, number]> = [
    [[0x05, 1, 2, 3], 8, 16],
    [[0xc8, 0x01], 1, 10],
    [[0x07, 0xa5], 1, 9],
    [[0xff, 0xff, 0xff], 1, 8],
    [[0xff, 0xff, 0xff, 0xff, 0xff, 0xff], 1, 8],
    [[0x10, 0x05], 2, 8],
    [[0x10], 9, 8],
  ];
  for (const [input, width, count] of cases) {
    const codes = [ts, native].map((impl) => {
      // (a last run past the count is read up to it on both: see the rle suite)
      try {
        impl.decodeRleHybrid(Uint8Array.from(input), width, count, new Int32Array(count));
        return 'ok';
      } catch (error) {
        return (error as { code?: string }).code;
      }
    });
    assert.is(codes[0], codes[1], `input ${input.join(',')}`);
    assert.is.not(codes[0], 'ok');
  }
});

cross('a last run past the count decodes alike on both backends', () => {
  for (const [input, width, count] of [[[0xc8, 0x01, 0x01], 1, 10], [[0x07, 0xa5], 1, 8], [[0x07, 0xa5, 0xff, 0xff], 1, 8]] as Array<[number[], number, number]>) {
    const [a, b] = [ts, native].map((impl) => Array.from(impl.decodeRleHybrid(Uint8Array.from(input), width, count, new Int32Array(count))));
    assert.equal(a, b, `input ${input.join(',')}`);
  }
});

cross.run();
