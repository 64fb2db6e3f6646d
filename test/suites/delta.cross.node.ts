// Node only, native runs: DELTA_* native and TypeScript implementations side by side.
// Encoders must write identical bytes, and each decodes the other's output.
import * as deltaNative from '@parquetry/delta/native';
import * as deltaTs from '@parquetry/delta/ts';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { randomValues, firstDifference } from '../lib/random.js';
import { randomByteArrays, randomInt64, sameByteArrays, sameBytes } from '../lib/values.js';

const LENGTHS = [0, 1, 127, 128, 129, 4097, 100_000];
const test = suite('delta: native <-> TypeScript');

test('DELTA_BINARY_PACKED INT32: identical bytes, cross-decoding', () => {
  for (const n of LENGTHS) {
    for (const dist of ['random', 'runs', 'extremes', 'constant'] as const) {
      const values = randomValues(n * 3 + dist.length, n, 32, dist);
      const a = deltaTs.encodeDeltaBinaryPacked(values);
      const b = deltaNative.encodeDeltaBinaryPacked(values);
      assert.ok(sameBytes(a, b), `${n} ${dist}: encoders differ (${a.length} vs ${b.length} bytes)`);
      assert.is(firstDifference(deltaTs.decodeDeltaBinaryPacked(b, 'INT32'), values), -1, `${n} ${dist}: TS decodes native`);
      assert.is(firstDifference(deltaNative.decodeDeltaBinaryPacked(a, 'INT32'), values), -1, `${n} ${dist}: native decodes TS`);
    }
  }
});

test('DELTA_BINARY_PACKED INT64: identical bytes, cross-decoding', () => {
  for (const n of LENGTHS) {
    for (const dist of ['random', 'sorted', 'extremes', 'constant'] as const) {
      const values = randomInt64(n * 5 + dist.length, n, dist);
      const a = deltaTs.encodeDeltaBinaryPacked(values);
      const b = deltaNative.encodeDeltaBinaryPacked(values);
      assert.ok(sameBytes(a, b), `${n} ${dist}: encoders differ (${a.length} vs ${b.length} bytes)`);
      const fromNative = deltaTs.decodeDeltaBinaryPacked(b, 'INT64') as BigInt64Array;
      const fromTs = deltaNative.decodeDeltaBinaryPacked(a, 'INT64') as BigInt64Array;
      for (let i = 0; i < n; i++) {
        if (fromNative[i] !== values[i] || fromTs[i] !== values[i]) assert.unreachable(`${n} ${dist}: value ${i} differs`);
      }
    }
  }
});

test('DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY: identical bytes, cross-decoding', () => {
  for (const n of [0, 1, 127, 129, 4097]) {
    for (const [maxLength, prefixes] of [[0, false], [20, false], [40, true], [10_000, true]] as const) {
      if (maxLength === 10_000 && n > 129) continue; // 10 kB strings: a few hundred are enough
      const values = randomByteArrays(n + maxLength, n, maxLength, prefixes);
      const what = `${n} values up to ${maxLength} bytes${prefixes ? ', shared prefixes' : ''}`;
      const dlbaTs = deltaTs.encodeDeltaLengthByteArray(values);
      assert.ok(sameBytes(dlbaTs, deltaNative.encodeDeltaLengthByteArray(values)), `${what}: DLBA encoders differ`);
      assert.ok(sameByteArrays(deltaNative.decodeDeltaLengthByteArray(dlbaTs, n), values), `${what}: native decodes TS DLBA`);
      const dbaTs = deltaTs.encodeDeltaByteArray(values);
      const dbaNative = deltaNative.encodeDeltaByteArray(values);
      assert.ok(sameBytes(dbaTs, dbaNative), `${what}: DBA encoders differ`);
      assert.ok(sameByteArrays(deltaNative.decodeDeltaByteArray(dbaTs, n), values), `${what}: native decodes TS DBA`);
      assert.ok(sameByteArrays(deltaTs.decodeDeltaByteArray(dbaNative, n), values), `${what}: TS decodes native DBA`);
    }
  }
});

test.run();
