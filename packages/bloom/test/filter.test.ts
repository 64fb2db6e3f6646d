import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bloomFilterBytes, MAX_BLOOM_FILTER_BYTES, SALT } from '../src/ts/index.js';
import { BACKENDS, error, lcg, randomU64 } from './helpers.js';

/** The words of a bitset, little-endian. */
function words(bitset: Uint8Array): number[] {
  const view = new DataView(bitset.buffer, bitset.byteOffset, bitset.length);
  return Array.from({ length: bitset.length / 4 }, (_, i) => view.getUint32(4 * i, true));
}

/**
 * The false-positive rate to expect of a split block filter of `blocks` blocks holding `n`
 * values: block loads are Poisson(n / blocks), and a block of load k lets a fresh value through
 * when each of its 8 words has that value's bit, each with probability 1 - (31/32)^k.
 */
function expectedFpp(n: number, blocks: number): number {
  const lambda = n / blocks;
  let p = Math.exp(-lambda); // P(load = 0)
  let sum = 0;
  for (let k = 0; k < lambda + 20 * Math.sqrt(lambda) + 20; k++) {
    sum += p * Math.pow(1 - Math.pow(31 / 32, k), 8);
    p *= lambda / (k + 1);
  }
  return sum;
}

test('sizes follow the spec formula: the table for ndv 1e4..1e6 and fpp 0.1..1e-6', () => {
  // (ndv, fpp, bytes), from -8 / ln(1 - fpp^(1/8)) bits per value rounded up to a power of two;
  // the same table as the arrow-rs bloom_filter module docs
  const table: Array<[number, number, number]> = [
    [10_000, 0.1, 8 << 10],
    [10_000, 0.01, 16 << 10],
    [10_000, 0.001, 32 << 10],
    [10_000, 0.0001, 32 << 10],
    [100_000, 0.1, 128 << 10],
    [100_000, 0.01, 128 << 10],
    [100_000, 0.001, 256 << 10],
    [100_000, 0.0001, 512 << 10],
    [100_000, 0.00001, 512 << 10],
    [1_000_000, 0.1, 1 << 20],
    [1_000_000, 0.01, 2 << 20],
    [1_000_000, 0.001, 2 << 20],
    [1_000_000, 0.0001, 4 << 20],
    [1_000_000, 0.00001, 4 << 20],
    [1_000_000, 0.000001, 8 << 20],
  ];
  for (const [ndv, fpp, bytes] of table) assert.is(bloomFilterBytes(ndv, fpp), bytes, `ndv ${ndv} fpp ${fpp}`);
  // 11.54 bits per value give 0.5% (the spec's sweet spot): 1000 values, 1443 bytes, so 2048
  assert.is(bloomFilterBytes(1000, 0.005), 2048);
  assert.is(bloomFilterBytes(0), 32);
  assert.is(bloomFilterBytes(1), 32);
  assert.is(bloomFilterBytes(1e12), MAX_BLOOM_FILTER_BYTES);
  assert.is(bloomFilterBytes(1e6, 0.01, 1000), 512);
  assert.is(bloomFilterBytes(1e6, 0.01, 1024), 1024);
});

test('bad sizing arguments are INVALID_ARGUMENT', () => {
  for (const [ndv, fpp, max] of [
    [-1, 0.01, MAX_BLOOM_FILTER_BYTES],
    [NaN, 0.01, MAX_BLOOM_FILTER_BYTES],
    [Infinity, 0.01, MAX_BLOOM_FILTER_BYTES],
    [10, 0, MAX_BLOOM_FILTER_BYTES],
    [10, 1, MAX_BLOOM_FILTER_BYTES],
    [10, -0.5, MAX_BLOOM_FILTER_BYTES],
    [10, NaN, MAX_BLOOM_FILTER_BYTES],
    [10, 0.01, 31],
    [10, 0.01, MAX_BLOOM_FILTER_BYTES * 2],
    [10, 0.01, 100.5],
  ]) {
    assert.is(error(() => bloomFilterBytes(ndv, fpp, max)).code, 'INVALID_ARGUMENT', `${ndv} ${fpp} ${max}`);
  }
});

for (const [name, api] of BACKENDS) {
  const { SplitBlockBloomFilter } = api;

  test(`${name}: a hash sets bit (lower * SALT[i]) >>> 27 of word i of block (upper * blocks) >> 32`, () => {
    // lower half 1: bit i is SALT[i] >>> 27, the top five bits of each salt
    // (0x47.. 01000, 0x44.. 01000, 0x88.. 10001, 0xa2.. 10100, 0x70.. 01110, 0x2d.. 00101,
    // 0x9e.. 10011, 0x5c.. 01011)
    const bits = [8, 8, 17, 20, 14, 5, 19, 11];
    assert.equal(SALT.map((s) => s >>> 27), bits);
    const filter = SplitBlockBloomFilter.forNdv(0, 0.01, 128); // 32 bytes asked, 32 given
    assert.is(filter.bitset.length, 32);
    const big = new SplitBlockBloomFilter(new Uint8Array(128)); // 4 blocks
    // upper half 0x80000000 of 4 blocks: block 2 (words 16..23)
    big.insertHashes(BigUint64Array.of(0x8000000000000001n));
    const want = new Array(32).fill(0);
    bits.forEach((b, i) => (want[16 + i] = 2 ** b));
    assert.equal(words(big.bitset), want);
    assert.ok(big.checkHash(0x8000000000000001n));
    assert.not.ok(big.checkHash(0x0000000000000001n)); // block 0
    assert.not.ok(big.checkHash(0x8000000000000002n)); // same block, other bits
    assert.equal([...big.checkHashes(BigUint64Array.of(0x8000000000000001n, 1n, 0xbfffffff00000001n))], [1, 0, 1]);
    // the single-hash path sets the same bits
    const single = new SplitBlockBloomFilter(new Uint8Array(128));
    single.insertHash(0x8000000000000001n);
    assert.equal([...single.bitset], [...big.bitset]);
  });

  test(`${name}: single and batch paths agree, and out is filled in place`, () => {
    const next = lcg(5);
    const hashes = BigUint64Array.from({ length: 3000 }, () => randomU64(next));
    const a = SplitBlockBloomFilter.forNdv(3000, 0.01);
    const b = SplitBlockBloomFilter.forNdv(3000, 0.01);
    a.insertHashes(hashes);
    for (const h of hashes) b.insertHash(h);
    assert.equal([...a.bitset], [...b.bitset]);
    const probes = BigUint64Array.from({ length: 5000 }, () => randomU64(next));
    const out = new Uint8Array(5003).fill(7);
    const got = a.checkHashes(probes, out);
    assert.is(got.buffer, out.buffer);
    assert.is(got.length, 5000);
    assert.is(out[5000], 7);
    probes.forEach((h, i) => {
      if (got[i] !== (a.checkHash(h) ? 1 : 0)) assert.unreachable(`probe ${i}`);
    });
    assert.ok([...a.checkHashes(hashes)].every((v) => v === 1));
  });

  test(`${name}: false-positive rates stay within 2x the configured fpp (and near the expected rate for the size)`, () => {
    const rows: string[] = [];
    for (const fpp of [0.01, 0.001]) {
      for (const ndv of [1_000, 10_000, 100_000, 1_000_000]) {
        const filter = SplitBlockBloomFilter.forNdv(ndv, fpp);
        // values hashed as Parquet hashes INT64s: 0..ndv-1 in, ndv.. out
        const inserted = api.hashValues('INT64', BigInt64Array.from({ length: ndv }, (_, i) => BigInt(i)));
        filter.insertHashes(inserted);
        assert.ok(filter.checkHashes(inserted).every((v) => v === 1), 'an inserted value is missing');
        const probes = Math.max(200_000, Math.min(1_000_000, ndv));
        const fresh = api.hashValues('INT64', BigInt64Array.from({ length: probes }, (_, i) => BigInt(ndv + i)));
        const hits = filter.checkHashes(fresh).reduce((s, v) => s + v, 0);
        const rate = hits / probes;
        const expected = expectedFpp(ndv, filter.bitset.length / 32);
        rows.push(`fpp ${fpp} ndv ${ndv}: ${filter.bitset.length} bytes, measured ${rate.toExponential(2)}, expected ${expected.toExponential(2)}`);
        assert.ok(rate <= 2 * fpp, rows.at(-1));
        // within 5 standard deviations of the expectation for this size (the hash is not random
        // enough to be far off it, and the filter not broken enough to be far under it)
        const sd = Math.sqrt((expected * (1 - expected)) / probes);
        assert.ok(Math.abs(rate - expected) <= 5 * sd + 0.1 * expected, rows.at(-1));
      }
    }
    console.log(`  ${name} false-positive rates:\n    ${rows.join('\n    ')}`);
  });

  test(`${name}: bad bitsets and hashes are INVALID_ARGUMENT`, () => {
    for (const n of [0, 16, 31, 33, 48, 96]) {
      assert.is(error(() => new SplitBlockBloomFilter(new Uint8Array(n))).code, 'INVALID_ARGUMENT', `${n} bytes`);
      assert.is(error(() => SplitBlockBloomFilter.fromBitset(new Uint8Array(n))).code, 'INVALID_ARGUMENT', `${n} bytes`);
    }
    assert.is(error(() => SplitBlockBloomFilter.forNdv(-1)).code, 'INVALID_ARGUMENT');
    assert.is(error(() => SplitBlockBloomFilter.forNdv(10, 0)).code, 'INVALID_ARGUMENT');
    assert.is(error(() => SplitBlockBloomFilter.forNdv(10, 1)).code, 'INVALID_ARGUMENT');
    assert.is(error(() => SplitBlockBloomFilter.forNdv(10, 1.5)).code, 'INVALID_ARGUMENT');
    const filter = SplitBlockBloomFilter.forNdv(10);
    assert.is(error(() => filter.insertHash(-1n)).code, 'INVALID_ARGUMENT');
    assert.is(error(() => filter.checkHash(1n << 64n)).code, 'INVALID_ARGUMENT');
    assert.is(error(() => filter.insertHash(5 as unknown as bigint)).code, 'INVALID_ARGUMENT');
    assert.is(error(() => filter.insertHashes(new BigInt64Array(2) as unknown as BigUint64Array)).code, 'INVALID_ARGUMENT');
    assert.is(error(() => filter.checkHashes(new BigUint64Array(3), new Uint8Array(2))).code, 'INVALID_ARGUMENT');
    // an output over the bitset's own memory
    assert.is(error(() => filter.checkHashes(new BigUint64Array(3), filter.bitset)).code, 'INVALID_ARGUMENT');
    assert.is(error(() => api.bloomInsertHashes(new Uint8Array(40), new BigUint64Array(1))).code, 'INVALID_ARGUMENT');
    assert.is(error(() => api.bloomCheckHashes(new Uint8Array(64), new BigUint64Array(2), new Uint8Array(3))).code, 'INVALID_ARGUMENT');
  });

  test(`${name}: fromBitset copies; the constructor wraps (copying only a misaligned bitset)`, () => {
    const bitset = new Uint8Array(64);
    const copy = SplitBlockBloomFilter.fromBitset(bitset);
    copy.insertHash(123n);
    assert.ok(bitset.every((b) => b === 0));
    const wrapped = new SplitBlockBloomFilter(bitset);
    wrapped.insertHash(123n);
    assert.equal([...bitset], [...copy.bitset]);
    const misaligned = new Uint8Array(65).subarray(1);
    const f = new SplitBlockBloomFilter(misaligned);
    f.insertHash(123n);
    assert.equal([...f.bitset], [...copy.bitset]);
    // the bare kernels take a misaligned bitset in place
    const raw = new Uint8Array(65);
    api.bloomInsertHashes(raw.subarray(1), BigUint64Array.of(123n));
    assert.equal([...raw.subarray(1)], [...copy.bitset]);
  });
}

test.run();
