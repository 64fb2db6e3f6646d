import { existsSync, readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { PhysicalType } from '@parquetry/core';
import { bloomFilterBytes, type HashableValues } from '../src/ts/index.js';
import { BACKENDS, byteArrays, CORPUS, error, lcg, randomBytes } from './helpers.js';

const utf8 = new TextEncoder();

/** A BloomFilterHeader written by hand: numBytes as a zigzag varint, then the three unions. */
function header(numBytesVarint: number[], algorithm = 1, hash = 1, compression = 1): number[] {
  // 0x15: field 1, i32; 0x1c: next field, struct; inside, field `n` of the union is an empty
  // struct (header (n << 4) | 0xc, then stop), then the union's stop
  const union = (n: number) => [0x1c, (n << 4) | 0x0c, 0x00, 0x00];
  return [0x15, ...numBytesVarint, ...union(algorithm), ...union(hash), ...union(compression), 0x00];
}

/** Zigzag varint of a non-negative i32. */
function zigzag(n: number): number[] {
  let v = n * 2;
  const out: number[] = [];
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
  return out;
}

function randomStrings(next: () => number, n: number, tag: string): string[] {
  return Array.from({ length: n }, (_, i) => `${tag}-${i}-${next().toString(36)}`);
}

/** n random values of each physical type a Bloom filter is made for, with their one-value form. */
function randomColumn(type: PhysicalType, n: number, next: () => number): { values: HashableValues; one: Array<number | bigint | Uint8Array>; typeLength?: number } {
  switch (type) {
    case 'INT32': {
      const values = Int32Array.from({ length: n }, () => next() | 0);
      return { values, one: [...values] };
    }
    case 'INT64': {
      const values = BigInt64Array.from({ length: n }, () => BigInt.asIntN(64, (BigInt(next()) << 32n) | BigInt(next())));
      return { values, one: [...values] };
    }
    case 'FLOAT': {
      const values = Float32Array.from({ length: n }, () => (next() / 2 ** 32 - 0.5) * 1e6);
      return { values, one: [...values] };
    }
    case 'DOUBLE': {
      const values = Float64Array.from({ length: n }, () => (next() / 2 ** 32 - 0.5) * 1e15);
      return { values, one: [...values] };
    }
    case 'INT96':
    case 'FIXED_LEN_BYTE_ARRAY': {
      const width = type === 'INT96' ? 12 : 7;
      const values = randomBytes(next, n * width);
      return { values, one: Array.from({ length: n }, (_, i) => values.slice(i * width, (i + 1) * width)), typeLength: width };
    }
    default: {
      const one = Array.from({ length: n }, () => randomBytes(next, next() % 50));
      return { values: byteArrays(one), one };
    }
  }
}

const TYPES: PhysicalType[] = ['INT32', 'INT64', 'FLOAT', 'DOUBLE', 'INT96', 'FIXED_LEN_BYTE_ARRAY', 'BYTE_ARRAY'];

for (const [name, api] of BACKENDS) {
  test(`${name}: the corpus filter (Thrift header, XXH64) holds "hello", "parquet", "bloom", "filter"`, () => {
    const path = `${CORPUS}/data/bloom_filter.xxhash.bin`;
    if (!existsSync(path)) {
      console.warn(`skipped: ${path} is not there`);
      return;
    }
    const bytes = new Uint8Array(readFileSync(path));
    const { filter, bytesRead } = api.decodeBloomFilter(bytes);
    assert.is(bytesRead, bytes.length);
    assert.is(filter.bitset.length, 1024);
    for (const word of ['hello', 'parquet', 'bloom', 'filter']) {
      assert.ok(filter.checkHash(api.hashValue('BYTE_ARRAY', word)), word);
      assert.ok(filter.checkHash(api.hashValue('BYTE_ARRAY', utf8.encode(word))), word);
    }
    // 4 values in 32 blocks: a fresh string passes only if its block holds a value and all 8 of
    // its bits are set, a rate of about 4/32 x (1/32)^8 ~ 1e-13
    const next = lcg(1);
    const others = randomStrings(next, 1000, 'other');
    const { offsets, bytes: data } = byteArrays(others.map((s) => utf8.encode(s)));
    const hits = filter.checkHashes(api.hashValues('BYTE_ARRAY', { offsets, bytes: data })).reduce((s, v) => s + v, 0);
    console.log(`  ${name}: corpus filter passes ${hits} of 1000 other strings`);
    assert.is(hits, 0);
    // re-encoding gives the file back byte for byte
    assert.equal([...api.encodeBloomFilter(filter)], [...bytes]);
  });

  test(`${name}: the deprecated Murmur3 layout is UNSUPPORTED, not a crash`, () => {
    const path = `${CORPUS}/data/bloom_filter.bin`;
    if (!existsSync(path)) {
      console.warn(`skipped: ${path} is not there`);
      return;
    }
    const e = error(() => api.decodeBloomFilter(new Uint8Array(readFileSync(path))));
    assert.is(e.code, 'UNSUPPORTED');
    assert.match(e.message, /deprecated Bloom filter layout/);
    assert.is(e.offset, 0);
  });

  for (const type of TYPES) {
    test(`${name}: ${type}: insert 2000 random values, serialize, decode; all present, and hashValue agrees with hashValues`, () => {
      const next = lcg(TYPES.indexOf(type) + 100);
      const { values, one, typeLength } = randomColumn(type, 2000, next);
      const hashes = api.hashValues(type, values, typeLength);
      assert.is(hashes.length, 2000);
      one.forEach((v, i) => {
        if (api.hashValue(type, v, typeLength) !== hashes[i]) assert.unreachable(`value ${i}`);
      });
      const filter = api.SplitBlockBloomFilter.forNdv(2000, 0.01);
      filter.insertHashes(hashes);
      const encoded = api.encodeBloomFilter(filter);
      const padded = new Uint8Array(encoded.length + 10);
      padded.set(encoded, 3);
      const { filter: decoded, bytesRead } = api.decodeBloomFilter(padded, 3);
      assert.is(bytesRead, encoded.length);
      assert.is(decoded.bitset.length, bloomFilterBytes(2000, 0.01));
      assert.equal([...decoded.bitset], [...filter.bitset]);
      assert.ok(decoded.checkHashes(hashes).every((v) => v === 1));
      for (const v of one.slice(0, 50)) assert.ok(decoded.checkHash(api.hashValue(type, v, typeLength)));
    });
  }

  test(`${name}: bad headers are ParquetryErrors with the spec's codes`, () => {
    const bitset = new Uint8Array(64);
    const decode = (head: number[], body = bitset) => error(() => api.decodeBloomFilter(Uint8Array.from([...head, ...body])));
    const cases: Array<[string, number[], string]> = [
      ['numBytes 0', header(zigzag(0)), 'CORRUPT'],
      ['numBytes 33', header(zigzag(33)), 'CORRUPT'],
      ['numBytes 16', header(zigzag(16)), 'CORRUPT'],
      ['numBytes -64', header([0x7f]), 'CORRUPT'],
      ['numBytes 2^31 (not an i32)', header(zigzag(2 ** 31)), 'CORRUPT'],
      ['numBytes 2^30 (over 128 MiB)', header(zigzag(2 ** 30)), 'LIMIT'],
      ['numBytes 128 with 64 bytes left', header(zigzag(128)), 'TRUNCATED'],
      ['algorithm field 2', header(zigzag(64), 2), 'UNSUPPORTED'],
      ['hash field 2', header(zigzag(64), 1, 2), 'UNSUPPORTED'],
      ['compression field 2', header(zigzag(64), 1, 1, 2), 'UNSUPPORTED'],
      ['no numBytes', [0x00], 'CORRUPT'],
      ['header cut short', header(zigzag(64)).slice(0, 6), 'TRUNCATED'],
    ];
    for (const [what, head, code] of cases) {
      const body = what === 'header cut short' ? new Uint8Array(0) : bitset;
      assert.is(decode(head, body).code, code, what);
    }
    // the good header decodes, and the limit can be lowered
    const good = Uint8Array.from([...header(zigzag(64)), ...bitset]);
    assert.is(api.decodeBloomFilter(good).filter.bitset.length, 64);
    assert.is(error(() => api.decodeBloomFilter(good, 0, { maxBytes: 32 })).code, 'LIMIT');
    // a truncated bitset says where the bitset starts
    const truncated = error(() => api.decodeBloomFilter(good.subarray(0, good.length - 1)));
    assert.is(truncated.code, 'TRUNCATED');
    assert.is(truncated.offset, header(zigzag(64)).length);
    assert.is(error(() => api.decodeBloomFilter(good, good.length + 1)).code, 'INVALID_ARGUMENT');
    assert.is(error(() => api.decodeBloomFilter(good, 0, { maxBytes: 2 ** 31 })).code, 'INVALID_ARGUMENT');
    assert.is(error(() => api.decodeBloomFilter(new Uint8Array(0))).code, 'TRUNCATED');
  });
}

test('the header written is the one the corpus file has: 15 zz.. 1c 1c 00 00 1c 1c 00 00 1c 1c 00 00 00', () => {
  const [, api] = BACKENDS[0];
  const encoded = api.encodeBloomFilter(new api.SplitBlockBloomFilter(new Uint8Array(1024)));
  assert.equal([...encoded.subarray(0, 16)], header(zigzag(1024)));
  assert.equal([...encoded.subarray(0, 16)], [0x15, 0x80, 0x10, 0x1c, 0x1c, 0x00, 0x00, 0x1c, 0x1c, 0x00, 0x00, 0x1c, 0x1c, 0x00, 0x00, 0x00]);
});

test.run();
