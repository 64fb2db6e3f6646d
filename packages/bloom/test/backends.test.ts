import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as node from '../src/index.js';
import * as ts from '../src/ts/index.js';
import { BACKENDS, byteArrays, lcg, randomBytes, randomU64 } from './helpers.js';

if (BACKENDS.length > 1) {
  const [[, tsApi], [, nativeApi]] = BACKENDS;

  test('native and TypeScript hash every type alike and build identical bitsets', () => {
    const next = lcg(77);
    const n = 20_000;
    const strings = Array.from({ length: n }, () => randomBytes(next, next() % 40));
    const columns: Array<[ts.HashableValues, Parameters<typeof ts.hashValues>[0], number?]> = [
      [Int32Array.from({ length: n }, () => next() | 0), 'INT32'],
      [BigInt64Array.from({ length: n }, () => BigInt.asIntN(64, randomU64(next))), 'INT64'],
      [Float32Array.from({ length: n }, () => next() / 1000), 'FLOAT'],
      [Float64Array.from({ length: n }, () => next() / 7), 'DOUBLE'],
      [randomBytes(next, n * 12), 'INT96'],
      [randomBytes(next, n * 5), 'FIXED_LEN_BYTE_ARRAY', 5],
      [byteArrays(strings), 'BYTE_ARRAY'],
    ];
    for (const [values, type, typeLength] of columns) {
      const a = tsApi.hashValues(type, values, typeLength);
      const b = nativeApi.hashValues(type, values, typeLength);
      assert.equal([...a], [...b], type);
      for (const size of [32, 1024, 65536]) {
        const fa = new tsApi.SplitBlockBloomFilter(new Uint8Array(size));
        const fb = new nativeApi.SplitBlockBloomFilter(new Uint8Array(size));
        fa.insertHashes(a);
        fb.insertHashes(b);
        assert.equal(Buffer.compare(fa.bitset, fb.bitset), 0, `${type} into ${size} bytes`);
        const probes = BigUint64Array.from({ length: 5000 }, () => randomU64(next));
        assert.equal([...fa.checkHashes(probes)], [...fb.checkHashes(probes)], `${type} checks`);
      }
    }
  });
}

test('the Node entry gives the same answers under either backend, small batches and large', () => {
  const next = lcg(8);
  for (const n of [3, 63, 64, 5000]) {
    const values = BigInt64Array.from({ length: n }, () => BigInt.asIntN(64, randomU64(next)));
    const hashes = node.hashValues('INT64', values);
    assert.equal([...hashes], [...ts.hashValues('INT64', values)], `${n} values`);
    const filter = node.SplitBlockBloomFilter.forNdv(n);
    assert.ok(filter instanceof node.SplitBlockBloomFilter && filter instanceof ts.SplitBlockBloomFilter);
    filter.insertHashes(hashes);
    const reference = ts.SplitBlockBloomFilter.forNdv(n);
    reference.insertHashes(hashes);
    assert.equal(Buffer.compare(filter.bitset, reference.bitset), 0);
    const { filter: decoded } = node.decodeBloomFilter(node.encodeBloomFilter(filter));
    assert.ok(decoded instanceof node.SplitBlockBloomFilter);
    assert.ok(decoded.checkHashes(hashes).every((v) => v === 1));
  }
});

test.run();
