// Node only, native runs: PLAIN, BYTE_STREAM_SPLIT and dictionary native and TypeScript
// implementations side by side. Encoders must write identical bytes, and each decodes the other's output.
import type { PhysicalType } from '@parquetry/core';
import * as bssNative from '@parquetry/byte-stream-split/native';
import * as bssTs from '@parquetry/byte-stream-split/ts';
import * as dictNative from '@parquetry/dictionary/native';
import * as dictTs from '@parquetry/dictionary/ts';
import * as plainNative from '@parquetry/plain/native';
import * as plainTs from '@parquetry/plain/ts';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { randomValues } from '../lib/random.js';
import { randomByteArrays, sameByteArrays, sameBytes } from '../lib/values.js';

const LENGTHS = [0, 1, 127, 128, 129, 4097, 100_000];
const test = suite('encodings: native <-> TypeScript');
test('BYTE_STREAM_SPLIT: identical bytes, cross-decoding', () => {
  for (const width of [1, 2, 3, 4, 5, 8, 12, 16]) {
    for (const n of LENGTHS) {
      const bytes = Uint8Array.from(randomValues(width * 100 + n, n * width, 8, 'random'));
      const a = bssTs.encodeByteStreamSplit(bytes, width);
      assert.ok(sameBytes(a, bssNative.encodeByteStreamSplit(bytes, width)), `width ${width}, ${n}: encoders differ`);
      assert.ok(sameBytes(bssNative.decodeByteStreamSplit(a, width), bytes), `width ${width}, ${n}: native decodes TS`);
      assert.ok(sameBytes(bssTs.decodeByteStreamSplit(a, width), bytes), `width ${width}, ${n}: TS decodes its own`);
    }
  }
});


test('PLAIN BOOLEAN and BYTE_ARRAY: identical bytes, cross-decoding', () => {
  for (const n of LENGTHS) {
    const bools = Uint8Array.from(randomValues(n + 11, n, 1, 'runs'));
    const a = plainTs.encodePlain('BOOLEAN', bools);
    assert.ok(sameBytes(a, plainNative.encodePlain('BOOLEAN', bools)), `${n} booleans: encoders differ`);
    assert.ok(sameBytes(plainNative.decodePlain('BOOLEAN', a, n), bools), `${n} booleans: native decodes TS`);
    // a decoder that starts mid-byte: skip 3, read the rest
    if (n > 3) {
      const d = new plainNative.PlainDecoder('BOOLEAN', a);
      d.skip(3);
      assert.ok(sameBytes(d.read(n - 3), bools.subarray(3)), `${n} booleans from bit 3`);
    }
    const strings = randomByteArrays(n + 5, Math.min(n, 20_000), 40);
    const b = plainTs.encodePlain('BYTE_ARRAY', strings);
    assert.ok(sameBytes(b, plainNative.encodePlain('BYTE_ARRAY', strings)), `${n} strings: encoders differ`);
    assert.ok(sameByteArrays(plainNative.decodePlain('BYTE_ARRAY', b, strings.offsets.length - 1), strings), `${n} strings: native decodes TS`);
  }
});

test('dictionary encoder: the native hash-table loops build the same dictionary and indices, and stop at the same limit', () => {
  const kinds: Array<[PhysicalType, (seed: number, n: number, distinct: number) => unknown]> = [
    ['INT32', (seed, n, d) => Int32Array.from(randomValues(seed, n, 32, 'random'), (v) => v % d)],
    ['FLOAT', (seed, n, d) => Float32Array.from(randomValues(seed, n, 32, 'random'), (v) => (v % d) / 7)],
    ['INT64', (seed, n, d) => BigInt64Array.from(randomValues(seed, n, 32, 'random'), (v) => BigInt(v % d) * 0x100000001n)],
    ['DOUBLE', (seed, n, d) => Float64Array.from(randomValues(seed, n, 32, 'random'), (v) => (v % d) * 1e300)],
    ['BYTE_ARRAY', (seed, n, d) => {
      const pool = randomByteArrays(seed, Math.max(1, d), 24);
      const picks = randomValues(seed + 1, n, 32, 'random');
      const offsets = new Int32Array(n + 1);
      const parts: number[] = [];
      picks.forEach((p, i) => {
        const e = Math.abs(p) % Math.max(1, d);
        for (let j = pool.offsets[e]; j < pool.offsets[e + 1]; j++) parts.push(pool.bytes[j]);
        offsets[i + 1] = parts.length;
      });
      return { offsets, bytes: Uint8Array.from(parts) };
    }],
  ];
  for (const [type, make] of kinds) {
    for (const [distinct, limit] of [[3, Infinity], [5000, Infinity], [100_000, Infinity], [5000, 20_000]] as const) {
      const what = `${type}, ${distinct} distinct, limit ${limit}`;
      const native = new dictNative.DictionaryEncoder(type, { maxDictionaryBytes: limit });
      const ts = new dictTs.DictionaryEncoder(type, { maxDictionaryBytes: limit });
      // Batches of several sizes (the native loop stops wherever a buffer must grow).
      for (const [b, n] of [[1, 10], [2, 1], [3, 70_000], [4, 129], [5, 40_000]]) {
        const values = make(distinct * 10 + b, n, Math.abs(distinct)) as never;
        const a = native.add(values);
        assert.is(a, ts.add(values), `${what}, batch ${b}: add`);
        assert.is(native.size, ts.size, `${what}, batch ${b}: size`);
        assert.is(native.dictionaryBytes, ts.dictionaryBytes, `${what}, batch ${b}: dictionary bytes`);
        const [x, y] = [native.indices(), ts.indices()];
        assert.ok(x.length === y.length && x.every((v, i) => v === y[i]), `${what}, batch ${b}: indices`);
      }
      assert.is(native.overflowed, limit !== Infinity, `${what}: refused a batch at the limit`);
      assert.ok(sameBytes(native.dictionaryPage(), ts.dictionaryPage()), `${what}: dictionary page`);
      assert.ok(sameBytes(native.encodeIndices(), ts.encodeIndices()), `${what}: encoded indices`);
    }
  }
});

test('dictionary gathers: same values on both backends, same error on a bad index', () => {
  const types: Array<[PhysicalType, number | undefined]> = [['INT32', undefined], ['INT64', undefined], ['FLOAT', undefined], ['DOUBLE', undefined], ['INT96', undefined], ['FIXED_LEN_BYTE_ARRAY', 5], ['BYTE_ARRAY', undefined]];
  for (const [type, typeLength] of types) {
    for (const n of [0, 1, 129, 100_000]) {
      const encoder = new dictTs.DictionaryEncoder(type, { typeLength });
      const width = type === 'INT96' ? 12 : typeLength ?? 8;
      const size = 300;
      const raw = Uint8Array.from(randomValues(size + width, size * width, 8, 'random'));
      const dictionary =
        type === 'BYTE_ARRAY'
          ? randomByteArrays(size, size, 30)
          : type === 'INT32' ? new Int32Array(raw.buffer, 0, (size * width) / 4)
          : type === 'FLOAT' ? new Float32Array(raw.buffer, 0, (size * width) / 4)
          : type === 'INT64' ? new BigInt64Array(raw.buffer, 0, (size * width) / 8)
          : type === 'DOUBLE' ? new Float64Array(raw.buffer, 0, (size * width) / 8)
          : raw.subarray(0, size * width);
      const entries = type === 'BYTE_ARRAY' ? size : (dictionary as ArrayLike<number>).length / (type === 'INT96' || type === 'FIXED_LEN_BYTE_ARRAY' ? width : 1);
      const indices = Int32Array.from(randomValues(n + 1, n, 16, 'random'), (v) => v % entries);
      const a = dictTs.gatherDictionary(dictionary as never, indices, type, typeLength);
      const b = dictNative.gatherDictionary(dictionary as never, indices, type, typeLength);
      const same = type === 'BYTE_ARRAY'
        ? sameByteArrays(a as never, b as never)
        : sameBytes(new Uint8Array((a as Uint8Array).buffer, (a as Uint8Array).byteOffset, (a as Uint8Array).byteLength), new Uint8Array((b as Uint8Array).buffer, (b as Uint8Array).byteOffset, (b as Uint8Array).byteLength));
      assert.ok(same, `${type} x ${n}: gathers differ`);
      if (n > 0) {
        const bad = indices.slice();
        bad[n - 1] = entries;
        const codes = [dictTs, dictNative].map((impl) => {
          try {
            impl.gatherDictionary(dictionary as never, bad, type, typeLength);
            return 'ok';
          } catch (error) {
            return (error as { code?: string }).code;
          }
        });
        assert.equal(codes, ['CORRUPT', 'CORRUPT'], `${type}: index ${entries} of ${entries}`);
      }
      void encoder;
    }
  }
});

test.run();
