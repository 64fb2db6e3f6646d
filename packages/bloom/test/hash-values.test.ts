import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { PhysicalType } from '@parquetry/core';
import * as ts from '../src/ts/index.js';
import { BACKENDS, byteArrays, error } from './helpers.js';

const utf8 = new TextEncoder();
const le = (bytes: number[]) => Uint8Array.from(bytes);

for (const [name, api] of BACKENDS) {
  test(`${name}: one value hashes its PLAIN bytes`, () => {
    // INT32 -2 is fe ff ff ff; the same bits as UINT_32 4294967294
    assert.is(api.hashValue('INT32', -2), ts.xxhash64(le([0xfe, 0xff, 0xff, 0xff])));
    assert.is(api.hashValue('INT32', 4294967294), api.hashValue('INT32', -2));
    assert.is(api.hashValue('INT32', -2n), api.hashValue('INT32', -2));
    // INT64 1 is 01 00 00 00 00 00 00 00; a safe-integer number is taken too
    assert.is(api.hashValue('INT64', 1n), ts.xxhash64(le([1, 0, 0, 0, 0, 0, 0, 0])));
    assert.is(api.hashValue('INT64', 1), api.hashValue('INT64', 1n));
    assert.is(api.hashValue('INT64', (1n << 64n) - 1n), api.hashValue('INT64', -1n));
    // FLOAT 1.5 is 0x3fc00000; DOUBLE 1.5 is 0x3ff8000000000000; -0 keeps its sign bit
    assert.is(api.hashValue('FLOAT', 1.5), ts.xxhash64(le([0, 0, 0xc0, 0x3f])));
    assert.is(api.hashValue('DOUBLE', 1.5), ts.xxhash64(le([0, 0, 0, 0, 0, 0, 0xf8, 0x3f])));
    assert.is(api.hashValue('DOUBLE', -0), ts.xxhash64(le([0, 0, 0, 0, 0, 0, 0, 0x80])));
    assert.is.not(api.hashValue('DOUBLE', -0), api.hashValue('DOUBLE', 0));
    // BYTE_ARRAY: the bytes alone, no length prefix; a string as its UTF-8
    assert.is(api.hashValue('BYTE_ARRAY', 'héllo'), ts.xxhash64(utf8.encode('héllo')));
    assert.is(api.hashValue('BYTE_ARRAY', ''), 0xef46db3751d8e999n);
    assert.is(api.hashValue('FIXED_LEN_BYTE_ARRAY', 'abcd', 4), ts.xxhash64(utf8.encode('abcd')));
    assert.is(api.hashValue('INT96', new Uint8Array(12)), ts.xxhash64(new Uint8Array(12)));
  });

  test(`${name}: a batch hashes each value as one value would`, () => {
    const cases: Array<[PhysicalType, ts.HashableValues, Array<number | bigint | Uint8Array | string>, number?]> = [
      ['INT32', Int32Array.of(0, -1, 2 ** 31 - 1, -(2 ** 31)), [0, -1, 2 ** 31 - 1, -(2 ** 31)]],
      ['INT32', Uint32Array.of(0, 4294967295), [0, -1]],
      ['INT64', BigInt64Array.of(0n, -1n, 123456789012345n), [0n, -1n, 123456789012345n]],
      ['INT64', BigUint64Array.of((1n << 64n) - 1n), [-1n]],
      ['FLOAT', Float32Array.of(0.5, -3, Infinity, NaN), [0.5, -3, Infinity, NaN]],
      ['DOUBLE', Float64Array.of(Math.PI, -0, Number.MIN_VALUE), [Math.PI, -0, Number.MIN_VALUE]],
      ['BYTE_ARRAY', byteArrays(['', 'a', 'parquet', '✓✓'].map((s) => utf8.encode(s))), ['', 'a', 'parquet', '✓✓']],
      ['FIXED_LEN_BYTE_ARRAY', utf8.encode('abcxyz'), ['abc', 'xyz'], 3],
      ['INT96', new Uint8Array(24).fill(9, 12), [new Uint8Array(12), new Uint8Array(12).fill(9)]],
    ];
    for (const [type, values, one, typeLength] of cases) {
      const hashes = api.hashValues(type, values, typeLength);
      assert.equal([...hashes], one.map((v) => api.hashValue(type, v, typeLength)), type);
    }
  });

  test(`${name}: BOOLEAN is UNSUPPORTED; values of the wrong shape are INVALID_ARGUMENT`, () => {
    assert.is(error(() => api.hashValue('BOOLEAN', true)).code, 'UNSUPPORTED');
    assert.is(error(() => api.hashValues('BOOLEAN', Uint8Array.of(1, 0))).code, 'UNSUPPORTED');
    const bad: Array<[PhysicalType, unknown, number?]> = [
      ['INT32', 1.5],
      ['INT32', 2 ** 32],
      ['INT32', -(2 ** 31) - 1],
      ['INT32', 'x'],
      ['INT64', 1n << 64n],
      ['INT64', 2 ** 60],
      ['FLOAT', 1n],
      ['DOUBLE', 'x'],
      ['BYTE_ARRAY', 5],
      ['BYTE_ARRAY', true],
      ['FIXED_LEN_BYTE_ARRAY', 'abc', 4],
      ['INT96', new Uint8Array(8)],
      ['INT33' as PhysicalType, 1],
    ];
    for (const [type, value, typeLength] of bad) {
      assert.is(error(() => api.hashValue(type, value as ts.HashableValue, typeLength)).code, 'INVALID_ARGUMENT', `${type} ${String(value)}`);
    }
    const badBatches: Array<[PhysicalType, unknown, number?]> = [
      ['INT32', new Float32Array(2)],
      ['INT64', new Int32Array(2)],
      ['FLOAT', new Float64Array(2)],
      ['DOUBLE', new Float32Array(2)],
      ['BYTE_ARRAY', new Uint8Array(3)],
      ['BYTE_ARRAY', { offsets: new Int32Array(0), bytes: new Uint8Array(0) }],
      ['BYTE_ARRAY', { offsets: Int32Array.of(0, 5), bytes: new Uint8Array(4) }],
      ['FIXED_LEN_BYTE_ARRAY', new Uint8Array(10), 3],
      ['FIXED_LEN_BYTE_ARRAY', new Uint8Array(10)],
      ['FIXED_LEN_BYTE_ARRAY', new Uint8Array(10), 0],
      ['INT96', new Uint8Array(13)],
    ];
    for (const [type, values, typeLength] of badBatches) {
      assert.is(error(() => api.hashValues(type, values as ts.HashableValues, typeLength)).code, 'INVALID_ARGUMENT', type);
    }
  });
}

test.run();
