// Run in a child process under one backend: writes the nested sample and the flat sample with a
// set of option combinations (uncompressed, SNAPPY, LZ4, GZIP) and prints the SHA-256 of each file, so a
// test can compare what the native and the TypeScript backends write.
import { createHash } from 'node:crypto';
import { sampleTable } from '@parquetry/cli';
import { encodeParquet, rowsToBatch, type WriteOptions } from '@parquetry/parquet';
import { Float32, Float64, Int32, Int64, makeVector, Table, Uint32, Uint64, vectorFromArray } from 'apache-arrow';
import { sampleRows, SCHEMA } from './nested-sample.js';

const nested = new Table([rowsToBatch(SCHEMA, sampleRows(3000, 11))]);
const flat = sampleTable(30_000, 5);
// Page statistics over numbers in every order, with extremes, NaN (whole pages of it too) and
// both zeros: min/max run in native kernels on one backend and in loops on the other.
const N = 5000;
const pick = <T>(i: number, specials: T[], other: (i: number) => T): T => (i % 7 === 3 ? specials[(i >> 3) % specials.length] : other(i));
const nanRun = (i: number) => i >= 1000 && i < 1400;
const extremes = new Table({
  i32: makeVector({ type: new Int32(), length: N, data: Int32Array.from({ length: N }, (_, i) => pick(i, [-2147483648, 2147483647, 0, -1], (k) => ((k * 2654435761) | 0) >> 3)) }),
  u32: makeVector({ type: new Uint32(), length: N, data: Uint32Array.from({ length: N }, (_, i) => pick(i, [0, 0xffffffff, 0x80000000, 1], (k) => (k * 40503) >>> 0)) }),
  i64: makeVector({ type: new Int64(), length: N, data: BigInt64Array.from({ length: N }, (_, i) => pick(i, [-(2n ** 63n), 2n ** 63n - 1n, -1n, 0n], (k) => BigInt(k) * 0x9e3779b97f4an - 2n ** 50n)) }),
  u64: makeVector({ type: new Uint64(), length: N, data: BigUint64Array.from({ length: N }, (_, i) => pick(i, [0n, 2n ** 64n - 1n, 2n ** 63n, 1n], (k) => (BigInt(k) * 0x9e3779b97f4a7c15n) % 2n ** 64n)) }),
  f32: vectorFromArray(Array.from({ length: N }, (_, i) => (nanRun(i) ? NaN : pick(i, [NaN, -0, 0, Infinity, -Infinity], (k) => Math.fround(Math.sin(k) * 1e6)))), new Float32()),
  f64: vectorFromArray(Array.from({ length: N }, (_, i) => (nanRun(i) ? NaN : pick(i, [NaN, -0, 0, Number.MAX_VALUE, -Number.MIN_VALUE], (k) => Math.cos(k) * 1e300))), new Float64()),
});
const variants: Record<string, [Table, WriteOptions]> = {
  'nested-v1': [nested, { compression: 'UNCOMPRESSED', rowGroupSize: 1200, pageRows: 200, bloomFilters: { id: true, tags: true } }],
  'nested-v2': [nested, { compression: 'UNCOMPRESSED', pageVersion: 2, dictionary: false, encodings: { id: 'DELTA_BINARY_PACKED', tags: 'DELTA_BYTE_ARRAY', 'point.x': 'BYTE_STREAM_SPLIT', flag: 'RLE' } }],
  'flat-v1': [flat, { compression: 'UNCOMPRESSED', rowGroupSize: 10_000, bloomFilters: { user_id: { ndv: 5000 } } }],
  'flat-v2-encodings': [flat, { compression: 'UNCOMPRESSED', pageVersion: 2, encodings: { event_time: 'DELTA_BINARY_PACKED', request_id: 'DELTA_BYTE_ARRAY', category: 'DELTA_LENGTH_BYTE_ARRAY', f0: 'BYTE_STREAM_SPLIT' } }],
  // SNAPPY, LZ4 and GZIP compress with one algorithm in both backends.
  'nested-gzip-v2': [nested, { compression: 'GZIP', pageVersion: 2, rowGroupSize: 1000, pageRows: 300 }],
  'flat-gzip-levels': [flat, { compression: 'GZIP', level: 1, columns: { request_id: { compression: 'GZIP', level: 9 }, user_id: { compression: 'GZIP', level: 0 } } }],
  'nested-snappy': [nested, { compression: 'SNAPPY', rowGroupSize: 1000, pageRows: 300 }],
  'flat-snappy-v2': [flat, { compression: 'SNAPPY', pageVersion: 2 }],
  'flat-lz4-raw': [flat, { compression: 'LZ4_RAW', rowGroupSize: 10_000 }],
  'nested-lz4-hadoop': [nested, { compression: 'LZ4', pageVersion: 2 }],
  'number-statistics': [extremes, { compression: 'UNCOMPRESSED', pageRows: 200, dictionary: false }],
};
const hashes = Object.fromEntries(Object.entries(variants).map(([name, [table, options]]) => [name, createHash('sha256').update(encodeParquet(table, options)).digest('hex')]));
process.stdout.write(JSON.stringify(hashes));
