// A micro speed check, not a test: hashing and inserting 1M INT64 values and 1M short strings,
// each backend, in values per second (best of 5). Run: node dist/test/speed-check.js
import * as nativeApi from '../src/native.js';
import * as tsApi from '../src/ts/index.js';
import { byteArrays, lcg, randomBytes, randomU64 } from './helpers.js';

const N = 1_000_000;
const next = lcg(42);
const int64s = BigInt64Array.from({ length: N }, () => BigInt.asIntN(64, randomU64(next)));
const alphabet = new TextEncoder().encode('abcdefghijklmnopqrstuvwxyz0123456789');
const strings = byteArrays(Array.from({ length: N }, () => randomBytes(next, 4 + (next() % 13)).map((b) => alphabet[b % alphabet.length])));

function best(run: () => void): number {
  let fastest = Infinity;
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    run();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

const rate = (ms: number) => `${((N / ms) * 1000 / 1e6).toFixed(1)}M values/s (${ms.toFixed(1)} ms)`;

for (const [name, api] of [['ts', tsApi], ['native', nativeApi]] as const) {
  for (const [label, type, values] of [['INT64', 'INT64', int64s], ['short strings (4..16 bytes)', 'BYTE_ARRAY', strings]] as const) {
    let hashes: BigUint64Array = new BigUint64Array(0);
    const hash = best(() => (hashes = api.hashValues(type, values)));
    const filter = api.SplitBlockBloomFilter.forNdv(N, 0.01);
    const insert = best(() => filter.insertHashes(hashes));
    const both = best(() => api.SplitBlockBloomFilter.forNdv(N, 0.01).insertHashes(api.hashValues(type, values)));
    const check = best(() => filter.checkHashes(hashes));
    console.log(`${name.padEnd(6)} ${label.padEnd(28)} hash ${rate(hash)}; insert ${rate(insert)}; hash+insert ${rate(both)}; check ${rate(check)}`);
  }
}
