// Run in a child process under one backend: writes the nested sample and the flat sample with a
// set of option combinations (uncompressed, SNAPPY, LZ4) and prints the SHA-256 of each file, so a
// test can compare what the native and the TypeScript backends write.
import { createHash } from 'node:crypto';
import { sampleTable } from '@parquetry/cli';
import { encodeParquet, rowsToBatch, type WriteOptions } from '@parquetry/parquet';
import { Table } from 'apache-arrow';
import { sampleRows, SCHEMA } from './nested-sample.js';

const nested = new Table([rowsToBatch(SCHEMA, sampleRows(3000, 11))]);
const flat = sampleTable(30_000, 5);
const variants: Record<string, [Table, WriteOptions]> = {
  'nested-v1': [nested, { compression: 'UNCOMPRESSED', rowGroupSize: 1200, pageRows: 200, bloomFilters: { id: true, tags: true } }],
  'nested-v2': [nested, { compression: 'UNCOMPRESSED', pageVersion: 2, dictionary: false, encodings: { id: 'DELTA_BINARY_PACKED', tags: 'DELTA_BYTE_ARRAY', 'point.x': 'BYTE_STREAM_SPLIT', flag: 'RLE' } }],
  'flat-v1': [flat, { compression: 'UNCOMPRESSED', rowGroupSize: 10_000, bloomFilters: { user_id: { ndv: 5000 } } }],
  'flat-v2-encodings': [flat, { compression: 'UNCOMPRESSED', pageVersion: 2, encodings: { event_time: 'DELTA_BINARY_PACKED', request_id: 'DELTA_BYTE_ARRAY', category: 'DELTA_LENGTH_BYTE_ARRAY', f0: 'BYTE_STREAM_SPLIT' } }],
  // SNAPPY and LZ4 compress with one algorithm in both backends.
  'nested-snappy': [nested, { compression: 'SNAPPY', rowGroupSize: 1000, pageRows: 300 }],
  'flat-snappy-v2': [flat, { compression: 'SNAPPY', pageVersion: 2 }],
  'flat-lz4-raw': [flat, { compression: 'LZ4_RAW', rowGroupSize: 10_000 }],
  'nested-lz4-hadoop': [nested, { compression: 'LZ4', pageVersion: 2 }],
};
const hashes = Object.fromEntries(Object.entries(variants).map(([name, [table, options]]) => [name, createHash('sha256').update(encodeParquet(table, options)).digest('hex')]));
process.stdout.write(JSON.stringify(hashes));
