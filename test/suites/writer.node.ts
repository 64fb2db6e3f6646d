// Node only: the first cut of the writer (flat columns). What it writes, Parquetry reads back equal
// to the input, and pyarrow reads the same rows (the dump comparison), for every codec the backend
// in force can compress, dictionary on and off, pages and row groups of several sizes.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleTable } from '@parquetry/cli';
import { backend, ParquetryError, type CompressionCodecName } from '@parquetry/core';
import { emptyReadStats, eq, memorySource, openParquet, readArrow, readTable, encodeParquet, type WriteOptions } from '@parquetry/parquet';
import { Field, Float64, Int32, makeData, RecordBatch, Schema, Struct, Table, Uint32, Utf8, type Data } from 'apache-arrow';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { firstDifference, readDumpIndex } from '../lib/pyarrow-compare.js';
import { runReference } from '../lib/python.js';

const CODECS: CompressionCodecName[] = ['UNCOMPRESSED', 'SNAPPY', 'GZIP', 'LZ4_RAW', 'ZSTD', 'BROTLI', 'LZ4'];
const canCompress = (c: CompressionCodecName) => backend() === 'native' || (c !== 'ZSTD' && c !== 'BROTLI');

/** A table with nulls in every nullable column, NaN and -0, unsigned ints and empty strings. */
function nullsTable(rows: number): Table {
  const bitmap = (every: number) => {
    const b = new Uint8Array((rows + 7) >> 3);
    let nulls = 0;
    for (let i = 0; i < rows; i++) (i % every === 0 ? nulls++ : (b[i >> 3] |= 1 << (i & 7)));
    return { nullBitmap: b, nullCount: nulls };
  };
  const doubles = Float64Array.from({ length: rows }, (_, i) => (i % 11 === 0 ? NaN : i % 13 === 0 ? -0 : i * 1.5));
  const words = Array.from({ length: rows }, (_, i) => (i % 5 === 0 ? '' : `w${i % 17}é`));
  const enc = new TextEncoder();
  const offsets = new Int32Array(rows + 1);
  words.forEach((w, i) => (offsets[i + 1] = offsets[i] + enc.encode(w).length));
  const bytes = new Uint8Array(offsets[rows]);
  words.forEach((w, i) => bytes.set(enc.encode(w), offsets[i]));
  const fields = [new Field('i', new Int32(), true), new Field('u', new Uint32(), false), new Field('d', new Float64(), true), new Field('s', new Utf8(), true)];
  const children: Data[] = [
    makeData({ type: new Int32(), length: rows, ...bitmap(3), data: Int32Array.from({ length: rows }, (_, i) => i - 500) }),
    makeData({ type: new Uint32(), length: rows, data: Uint32Array.from({ length: rows }, (_, i) => 4_294_967_295 - i) }),
    makeData({ type: new Float64(), length: rows, ...bitmap(7), data: doubles }),
    makeData({ type: new Utf8(), length: rows, ...bitmap(4), valueOffsets: offsets, data: bytes }),
  ];
  return new Table([new RecordBatch(new Schema(fields), makeData({ type: new Struct(fields), length: rows, nullCount: 0, children }))]);
}

function sameColumns(a: Table, b: Table, what: string): void {
  assert.equal(b.schema.fields.map((f) => f.name), a.schema.fields.map((f) => f.name), what);
  assert.is(b.numRows, a.numRows, what);
  for (const field of a.schema.fields) {
    const x = a.getChild(field.name)!;
    const y = b.getChild(field.name)!;
    for (let r = 0; r < a.numRows; r++) {
      const p = x.get(r);
      const q = y.get(r);
      if (!(Object.is(p, q) || String(p) === String(q))) assert.unreachable(`${what}: ${field.name} row ${r}: ${String(q)} != ${String(p)}`);
    }
  }
}

const writer = suite('writer (flat columns): round trips and pyarrow');
let dir = '';
writer.before(() => {
  dir = mkdtempSync(join(tmpdir(), 'parquetry-writer-'));
});
writer.after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

writer('every codec, dictionary on and off, several page and row group sizes: read back equal', async () => {
  const tables = { sample: sampleTable(3000, 7), nulls: nullsTable(2500) };
  mkdirSync(join(dir, 'files'), { recursive: true });
  let written = 0;
  for (const [name, table] of Object.entries(tables)) {
    for (const compression of CODECS) {
      const encodings =
        name === 'sample'
          ? { user_id: 'DELTA_BINARY_PACKED', event_time: 'DELTA_BINARY_PACKED', label: 'RLE_DICTIONARY', clicked: 'RLE', f0: 'BYTE_STREAM_SPLIT', category: 'DELTA_LENGTH_BYTE_ARRAY', request_id: 'DELTA_BYTE_ARRAY' }
          : { i: 'DELTA_BINARY_PACKED', u: 'BYTE_STREAM_SPLIT', d: 'BYTE_STREAM_SPLIT', s: 'DELTA_BYTE_ARRAY' };
      const variants: Record<string, WriteOptions> = {
        dict: { dictionary: true },
        plain: { dictionary: false, pageRows: 700, rowGroupSize: 1100 },
        'v2-dict': { pageVersion: 2, pageRows: 900 },
        'v2-encodings': { pageVersion: 2, pageRows: 800, encodings: encodings as unknown as WriteOptions['encodings'] },
        'v1-encodings': { pageVersion: 1, pageRows: 1000, encodings: encodings as unknown as WriteOptions['encodings'] },
      };
      for (const [variant, options] of Object.entries(variants)) {
        if (!canCompress(compression)) {
          try {
            encodeParquet(table, { compression, ...options });
            assert.unreachable(`${compression} written by the TypeScript build`);
          } catch (error) {
            assert.ok(ParquetryError.is(error) && error.code === 'UNSUPPORTED', String(error));
          }
          continue;
        }
        const bytes = encodeParquet(table, { compression, ...options });
        const back = await readTable(await openParquet(memorySource(bytes)));
        sameColumns(table, back, `${name} ${compression} ${variant}`);
        writeFileSync(join(dir, 'files', `${name}-${compression}-${variant}.parquet`), bytes);
        written++;
      }
    }
  }
  assert.ok(written >= (backend() === 'native' ? 70 : 50), `${written} files`);
});

writer('pyarrow reads every file the writer made to the same rows Parquetry reads', async () => {
  runReference('pyarrow_dump.py', ['dump', join(dir, 'files'), join(dir, 'dump')]);
  const failures: string[] = [];
  const entries = readDumpIndex(join(dir, 'dump'));
  for (const entry of entries) {
    if (entry.status !== 'ok') {
      failures.push(`${entry.file}: pyarrow: ${entry.error}`);
      continue;
    }
    const difference = await firstDifference(join(dir, 'files'), join(dir, 'dump'), entry.file);
    if (difference) failures.push(difference);
  }
  assert.ok(entries.length >= 20, `${entries.length} files`);
  assert.equal(failures, []);
});

writer('page indexes: a point lookup on a sorted column skips pages of our own files, and pyarrow reads the indexes', async () => {
  const table = sampleTable(60_000, 3);
  const bytes = encodeParquet(table, { pageRows: 2000, rowGroupSize: 30_000, compression: 'SNAPPY' });
  const file = await openParquet(memorySource(bytes));
  const stats = emptyReadStats();
  const times = table.getChild('event_time')!.toArray() as BigInt64Array;
  const target = times[41_234];
  let rows = 0;
  for await (const batch of readArrow(file, { filter: eq('event_time', target), columns: ['event_time', 'request_id'], stats })) rows += batch.numRows;
  assert.ok(rows >= 1);
  assert.is(stats.rowGroupsSkipped, 1);
  // 15 pages per column in the row group left; one page of each of the 2 columns is read
  assert.equal([stats.pagesSkipped, stats.pagesRead], [28, 2]);
  writeFileSync(join(dir, 'indexed.parquet'), bytes);
  const check = runReference('write_filter_file.py', ['--check-index', join(dir, 'indexed.parquet')]);
  assert.match(check, /column index: 32 of 32 chunks, offset index: 32 of 32 chunks, rows: 60000/);
});

writer('encodings that do not fit a column, and bad page versions, are refused before writing', () => {
  const table = nullsTable(10);
  for (const [options, message] of [
    [{ encodings: { s: 'DELTA_BINARY_PACKED' } }, /does not apply to BYTE_ARRAY/],
    [{ encodings: { i: 'DELTA_BYTE_ARRAY' } }, /does not apply to INT32/],
    [{ encodings: { nope: 'PLAIN' } }, /does not have/],
    [{ pageVersion: 3 }, /neither 1 nor 2/],
  ] as Array<[WriteOptions, RegExp]>) {
    try {
      encodeParquet(table, options);
      assert.unreachable(JSON.stringify(options));
    } catch (error) {
      assert.ok(ParquetryError.is(error) && error.code === 'INVALID_ARGUMENT' && message.test(error.message), String(error));
    }
  }
});

writer.run();
