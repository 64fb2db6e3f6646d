// Node only: engines beyond pyarrow and DuckDB read what Parquetry writes. Iceberg (pyiceberg with
// a SQLite catalog) commits files Parquetry wrote with its table's field ids, reads them back by
// id, and prunes files with the metrics it takes from their statistics. Spark 3.5 (pyspark,
// local, in the test venv) reads files of the nested sample and of the flat feature sample, written
// with the codecs, page versions and encodings Spark 3.5 reads, to the rows pyarrow reads; what
// Spark 3.5 refuses (FLOAT16, TIMESTAMP(NANOS) and TIME columns, BYTE_STREAM_SPLIT pages, BROTLI
// without Hadoop's codec jar) it refuses in pyarrow's own files the same way, and the one thing it
// misreads (DELTA_LENGTH_BYTE_ARRAY pages of a column with nulls) it misreads in pyarrow's too.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleTable } from '@parquetry/cli';
import { backend } from '@parquetry/core';
import { encodeParquet, memorySource, openParquet, rowsToBatch, type Row, type WriteOptions } from '@parquetry/parquet';
import { Table, type Field } from 'apache-arrow';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { sampleRows, SCHEMA } from '../lib/nested-sample.js';
import { runReference, venvPython } from '../lib/python.js';

const engines = suite('engines: Iceberg and Spark read what Parquetry writes');
let dir = '';
engines.before(() => {
  dir = mkdtempSync(join(tmpdir(), 'parquetry-engines-'));
});
engines.after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The TypeScript build cannot compress ZSTD or BROTLI (it writes the same bytes as native for the rest). */
const compresses = (options: WriteOptions) => backend() === 'native' || (options.compression !== 'ZSTD' && options.compression !== 'BROTLI');

/** Columns of the nested sample Spark 3.5 cannot read from any writer (see the last test). */
const SPARK_REFUSES = ['half', 'ns', 'tod'];

function nestedTable(rows: number, seed: number, columns?: string[]): Table {
  const full = new Table([rowsToBatch(SCHEMA, sampleRows(rows, seed))]);
  return full.select(columns ?? SCHEMA.fields.map((f) => f.name).filter((n) => !SPARK_REFUSES.includes(n)));
}

const NESTED: Record<string, WriteOptions> = {
  'v1-snappy-dictionary': { compression: 'SNAPPY', pageRows: 300, rowGroupSize: 1100 },
  'v2-zstd': { compression: 'ZSTD', pageVersion: 2, pageRows: 500 },
  'v1-gzip-plain': { compression: 'GZIP', dictionary: false, pageBytes: 4000 },
  'v2-lz4-encodings': { compression: 'LZ4_RAW', pageVersion: 2, encodings: { id: 'DELTA_BINARY_PACKED', tags: 'DELTA_BYTE_ARRAY', 'attrs.key_value.key': 'DELTA_BYTE_ARRAY', flag: 'RLE' } },
  'v1-uncompressed-int96': { compression: 'UNCOMPRESSED', int96Timestamps: true, rowGroupSize: 700 },
};

engines('Spark reads every variant of the nested and the flat sample to the rows pyarrow reads', () => {
  const files = join(dir, 'spark');
  mkdirSync(files);
  const expected: Record<string, number> = {};
  const nested = nestedTable(2500, 21);
  for (const [name, options] of Object.entries(NESTED)) {
    if (!compresses(options)) continue;
    writeFileSync(join(files, `nested-${name}.parquet`), encodeParquet(nested, options));
    expected[`nested-${name}.parquet`] = nested.numRows;
  }
  const flat = sampleTable(30_000, 8);
  for (const [name, options] of Object.entries<WriteOptions>({
    'v1-snappy': { compression: 'SNAPPY', rowGroupSize: 12_000 },
    'v2-gzip-delta': { compression: 'GZIP', pageVersion: 2, encodings: { user_id: 'DELTA_BINARY_PACKED', event_time: 'DELTA_BINARY_PACKED', request_id: 'DELTA_LENGTH_BYTE_ARRAY', category: 'DELTA_BYTE_ARRAY' } },
  })) {
    writeFileSync(join(files, `flat-${name}.parquet`), encodeParquet(flat, options));
    expected[`flat-${name}.parquet`] = flat.numRows;
  }
  const results = JSON.parse(runReference('spark_reads.py', [files], { quiet: true })) as Record<string, string>;
  assert.equal(results, Object.fromEntries(Object.entries(expected).map(([file, rows]) => [file, `ok ${rows}`])));
});

engines("Spark 3.5 refuses FLOAT16, TIMESTAMP(NANOS), TIME, BYTE_STREAM_SPLIT and BROTLI, and misreads DELTA_LENGTH_BYTE_ARRAY with nulls, in pyarrow's files as in ours", () => {
  const files = join(dir, 'refused');
  mkdirSync(files);
  const table = nestedTable(50, 4, [...SPARK_REFUSES, 'id']);
  for (const column of SPARK_REFUSES) writeFileSync(join(files, `parquetry-${column}.parquet`), encodeParquet(table.select([column])));
  writeFileSync(join(files, 'parquetry-bss.parquet'), encodeParquet(table.select(['id']), { encodings: { id: 'BYTE_STREAM_SPLIT' } }));
  const brotli = compresses({ compression: 'BROTLI' });
  if (brotli) writeFileSync(join(files, 'parquetry-brotli.parquet'), encodeParquet(table.select(['id']), { compression: 'BROTLI' }));
  const strings = sampleTable(2000, 8).select(['category']); // ~5% nulls
  writeFileSync(join(files, 'parquetry-dlba.parquet'), encodeParquet(strings, { dictionary: false, encodings: { category: 'DELTA_LENGTH_BYTE_ARRAY' } }));
  // The same columns written by pyarrow.
  const script = [
    'import sys, pyarrow as pa, pyarrow.parquet as pq',
    'd = sys.argv[1]',
    "pq.write_table(pa.table({'half': pa.array([1.5, None], pa.float16())}), d + '/pyarrow-half.parquet')",
    "pq.write_table(pa.table({'ns': pa.array([1, None], pa.timestamp('ns'))}), d + '/pyarrow-ns.parquet', coerce_timestamps=None)",
    "pq.write_table(pa.table({'tod': pa.array([1, None], pa.time64('us'))}), d + '/pyarrow-tod.parquet')",
    "pq.write_table(pa.table({'id': pa.array([1, 2], pa.int64())}), d + '/pyarrow-bss.parquet', use_dictionary=False, use_byte_stream_split=True)",
    "pq.write_table(pa.table({'id': pa.array([1, 2], pa.int64())}), d + '/pyarrow-brotli.parquet', compression='brotli')",
    "t = pq.read_table(d + '/parquetry-dlba.parquet')",
    "pq.write_table(t, d + '/pyarrow-dlba.parquet', use_dictionary=False, column_encoding={'category': 'DELTA_LENGTH_BYTE_ARRAY'})",
  ].join('\n');
  runPython(script, [files]);
  const results = JSON.parse(runReference('spark_reads.py', [files], { quiet: true })) as Record<string, string>;
  const reason: Record<string, RegExp> = {
    half: /NullPointerException/, // parquet-mr 1.13 cannot decode the FLOAT16 logical type in the footer
    ns: /Illegal Parquet type: INT64 \(TIMESTAMP\(NANOS/,
    tod: /Illegal Parquet type: INT64 \(TIME\(MICROS/,
    bss: /Unsupported encoding: BYTE_STREAM_SPLIT/,
    brotli: /ClassNotFoundException: .*BrotliCodec/,
    dlba: /^differs: row \d+ column category/,
  };
  for (const column of Object.keys(reason)) {
    for (const writer of ['parquetry', 'pyarrow']) {
      if (column === 'brotli' && writer === 'parquetry' && !brotli) continue;
      const got = results[`${writer}-${column}.parquet`];
      assert.match(got, reason[column], `${writer} ${column}: ${got}`);
    }
  }
});

engines("Iceberg commits files written with its table's field ids, reads them back by id and prunes files by their statistics", async () => {
  const catalog = join(dir, 'iceberg');
  mkdirSync(catalog);
  const schemaFile = join(catalog, 'schema.parquet');
  runReference('iceberg_check.py', ['schema', catalog, schemaFile]);
  // The table's schema as Parquetry reads it: PARQUET:field_id on every field, kept by the writer.
  const schema = (await openParquet(memorySource(readFileSync(schemaFile)))).arrowSchema;
  const ids = (field: Field): string[] => [`${field.name}:${field.metadata.get('PARQUET:field_id') ?? '-'}`, ...(field.type.children ?? []).flatMap(ids)];
  // Iceberg numbers list elements and map keys and values too (after the top-level fields).
  assert.equal(schema.fields.flatMap(ids), ['id:1', 'user:2', 'score:3', 'ratio:4', 'flag:5', 'day:6', 'ts:7', 'amount:8', 'payload:9', 'tags:10', 'element:13', 'props:11', 'entries:-', 'key:14', 'value:15', 'point:12', 'x:16', 'y:17']);
  const rowsFrom = (first: number, n: number): Row[] =>
    Array.from({ length: n }, (_, k) => {
      const id = first + k;
      const some = id % 7 !== 3;
      return {
        id: BigInt(id),
        user: some ? `u${(id * 37) % 500}` : null,
        score: some ? id / 8 : null,
        ratio: id % 5 === 0 ? null : Math.fround(id / 3),
        flag: id % 4 === 0 ? null : id % 3 === 0,
        day: some ? Date.UTC(2026, 0, 1 + (id % 300)) : null,
        ts: some ? Date.UTC(2026, 10, 26, 0, 0, id % 86_400) : null,
        amount: some ? BigInt(id * 101 - 50_000) : null,
        payload: id % 9 === 0 ? null : Uint8Array.of(id & 0xff, (id >> 8) & 0xff),
        tags: id % 6 === 0 ? null : Array.from({ length: id % 4 }, (_, j) => (j === 1 ? null : `t${(id + j) % 11}`)),
        props: id % 8 === 0 ? null : new Map(Array.from({ length: id % 3 }, (_, j) => [`k${j}`, j === 1 ? null : BigInt(id * j)])),
        point: id % 10 === 0 ? null : { x: id / 2, y: id % 3 === 0 ? null : -id },
      };
    });
  const variants: WriteOptions[] = [
    { compression: 'SNAPPY', rowGroupSize: 400 },
    { compression: 'LZ4_RAW', pageVersion: 2, dictionary: false, pageRows: 100 },
    { compression: 'GZIP', encodings: { id: 'DELTA_BINARY_PACKED', user: 'DELTA_BYTE_ARRAY' } },
  ];
  const files = variants.map((options, k) => {
    const path = join(catalog, `part-${k}.parquet`);
    writeFileSync(path, encodeParquet(new Table([rowsToBatch(schema, rowsFrom(k * 1000, 1000))]), options));
    return path;
  });
  const result = JSON.parse(runReference('iceberg_check.py', ['append', catalog, ...files])) as Record<string, unknown>;
  assert.equal(result, {
    rows: 3000,
    equal: true,
    files: 3,
    files_above_first: 2,
    rows_above_first: 2000,
    files_below_all: 0,
    files_user_none: 0,
  });
});

function runPython(script: string, args: string[]): void {
  execFileSync(venvPython(), ['-c', script, ...args], { encoding: 'utf8' });
}

engines.run();
