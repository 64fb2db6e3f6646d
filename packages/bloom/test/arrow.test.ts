// Filters Arrow C++ wrote (through pyarrow; see fixtures/make-arrow-filters.py) against ours over
// the same values: the same bitset byte for byte checks XXH64, the PLAIN bytes hashed for each
// physical type, block selection, the salts and the header, all against another implementation.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { PhysicalType } from '@parquetry/core';
import type { HashableValues } from '../src/ts/index.js';
import { BACKENDS, byteArrays, fromHex, readFixture } from './helpers.js';

interface ArrowFilter {
  type: PhysicalType;
  typeLength: number | null;
  /** Each value's PLAIN bytes (BYTE_ARRAY without the length prefix), as hex. */
  values: string[];
  /** The header and bitset Arrow wrote, as hex. */
  filter: string;
}

const { generator, filters } = readFixture<{ generator: string; filters: ArrowFilter[] }>('arrow-filters.json');

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The values as the typed array hashValues takes for their type. */
function column(f: ArrowFilter): HashableValues {
  const plain = f.values.map(fromHex);
  const buffer = concat(plain).buffer;
  switch (f.type) {
    case 'INT32':
      return new Int32Array(buffer);
    case 'INT64':
      return new BigInt64Array(buffer);
    case 'FLOAT':
      return new Float32Array(buffer);
    case 'DOUBLE':
      return new Float64Array(buffer);
    case 'BYTE_ARRAY':
      return byteArrays(plain);
    default:
      return new Uint8Array(buffer);
  }
}

test('the fixture covers every type a filter is made for', () => {
  assert.equal(filters.map((f) => f.type), ['INT32', 'INT64', 'FLOAT', 'DOUBLE', 'BYTE_ARRAY', 'FIXED_LEN_BYTE_ARRAY']);
  assert.match(generator, /^pyarrow /);
});

for (const [name, api] of BACKENDS) {
  for (const f of filters) {
    test(`${name}: ${f.type}: our bitset equals Arrow's for the same ${f.values.length} values`, () => {
      const written = fromHex(f.filter);
      const { filter: arrow, bytesRead } = api.decodeBloomFilter(written);
      assert.is(bytesRead, written.length);
      // Arrow sizes for the values it saw; so do we for the same count
      assert.is(arrow.bitset.length, api.SplitBlockBloomFilter.forNdv(f.values.length, 0.01).bitset.length);
      const ours = new api.SplitBlockBloomFilter(new Uint8Array(arrow.bitset.length));
      const hashes = api.hashValues(f.type, column(f), f.typeLength ?? undefined);
      ours.insertHashes(hashes);
      assert.equal([...ours.bitset], [...arrow.bitset]);
      assert.equal([...api.encodeBloomFilter(ours)], [...written]);
      // and each value hashed alone, as a predicate would give it
      const one = (hex: string) => (f.type === 'BYTE_ARRAY' || f.type === 'FIXED_LEN_BYTE_ARRAY' ? fromHex(hex) : plainNumber(f.type, fromHex(hex)));
      f.values.forEach((hex, i) => {
        if (api.hashValue(f.type, one(hex), f.typeLength ?? undefined) !== hashes[i]) assert.unreachable(`value ${i} (${hex})`);
        if (i < 50) assert.ok(arrow.checkHash(hashes[i]));
      });
    });
  }
}

/** One value's number or bigint back from its PLAIN bytes. */
function plainNumber(type: PhysicalType, bytes: Uint8Array): number | bigint {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  if (type === 'INT32') return view.getInt32(0, true);
  if (type === 'INT64') return view.getBigInt64(0, true);
  if (type === 'FLOAT') return view.getFloat32(0, true);
  return view.getFloat64(0, true);
}

test.run();
