// Node only: the writer on nested and logical types, through the streaming API and every sink.
// What it writes, Parquetry reads back equal to the input rows; pyarrow reads the same rows
// (the dump comparison) and DuckDB the same aggregates; field ids, sorting columns and bloom
// filters are where other readers look for them; bad input is refused and leaves no file.
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { backend, ParquetryError } from '@parquetry/core';
import {
  createParquetWriter,
  emptyReadStats,
  encodeParquet,
  eq,
  memorySink,
  memorySource,
  openParquet,
  readArrow,
  readTable,
  rowsToBatch,
  writeParquet,
  type Row,
  type WriteOptions,
} from '@parquetry/parquet';
import { Dictionary, Field, FixedSizeList, Float64, Int32, makeData, RecordBatch, Schema, Struct, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { listAt } from '@parquetry/thrift';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { firstRowDifference } from '../lib/arrow-rows.js';
import { firstDifference, readDumpIndex } from '../lib/pyarrow-compare.js';
import { runReference } from '../lib/python.js';
import { f, sampleRows, SCHEMA } from '../lib/nested-sample.js';

const suiteOf = suite('writer: nested and logical types, streaming, sinks');
let dir = '';
suiteOf.before(() => {
  dir = mkdtempSync(join(tmpdir(), 'parquetry-writer-nested-'));
  mkdirSync(join(dir, 'files'));
});
suiteOf.after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function writeRows(rows: Row[][], options: WriteOptions): Promise<Uint8Array> {
  const sink = memorySink();
  const writer = createParquetWriter(sink, SCHEMA, options);
  for (const part of rows) await writer.write(part);
  await writer.close();
  return sink.bytes();
}

const VARIANTS: Record<string, WriteOptions> = {
  'v1-snappy': { rowGroupSize: 700, pageRows: 128 },
  'v2-zstd': { pageVersion: 2, compression: 'ZSTD', rowGroupSize: 1000, pageRows: 300 },
  'v1-plain-gzip': { dictionary: false, compression: 'GZIP', pageRows: 97 },
  'v2-encodings': { pageVersion: 2, compression: 'LZ4_RAW', encodings: { id: 'DELTA_BINARY_PACKED', tags: 'DELTA_BYTE_ARRAY', 'point.x': 'BYTE_STREAM_SPLIT', 'attrs.key_value.key': 'DELTA_LENGTH_BYTE_ARRAY', flag: 'RLE' } },
  'v1-pages-by-bytes': { pageBytes: 2000, compression: 'UNCOMPRESSED' },
};

suiteOf('rows in several writes, every variant: read back equal, row groups cut across writes', async () => {
  const parts = [sampleRows(450, 1), sampleRows(1, 2, 450), sampleRows(1049, 3, 451)];
  const expected = new Table(parts.map((p) => rowsToBatch(SCHEMA, p)));
  for (const [name, options] of Object.entries(VARIANTS)) {
    if (backend() === 'ts' && options.compression === 'ZSTD') continue; // the TS build cannot compress ZSTD (tested in writer.node.ts)
    const bytes = await writeRows(parts, options);
    const file = await openParquet(memorySource(bytes));
    assert.is(file.metadata.num_rows, 1500, name);
    assert.is(file.metadata.row_groups.length, Math.ceil(1500 / (options.rowGroupSize ?? 1_000_000)), name);
    const back = await readTable(file);
    const difference = firstRowDifference(expected, back, name);
    if (difference) assert.unreachable(difference);
    writeFileSync(join(dir, 'files', `${name}.parquet`), bytes);
  }
});

suiteOf('the bytes do not depend on how the rows were cut into writes (pages straddle writes, lists and maps included)', async () => {
  const rows = [...sampleRows(450, 1), ...sampleRows(1, 2, 450), ...sampleRows(1049, 3, 451)];
  const cuts = (sizes: number[]): Row[][] => {
    const out: Row[][] = [];
    for (let at = 0, k = 0; at < rows.length; k++) {
      const n = Math.min(sizes[k % sizes.length], rows.length - at);
      out.push(rows.slice(at, at + n));
      at += n;
    }
    return out;
  };
  for (const [name, options] of Object.entries(VARIANTS)) {
    if (backend() === 'ts' && options.compression === 'ZSTD') continue;
    const whole = await writeRows([rows], options);
    for (const sizes of [[1], [7, 1, 300], [127, 129], [450, 1, 1049]]) {
      const bytes = await writeRows(cuts(sizes), options);
      assert.ok(bytes.length === whole.length && bytes.every((b, i) => b === whole[i]), `${name}: writes of ${sizes.join(', ')} rows differ from one write`);
    }
  }
});

suiteOf('pyarrow reads every nested file to the rows Parquetry reads; DuckDB the same aggregates', async () => {
  runReference('pyarrow_dump.py', ['dump', join(dir, 'files'), join(dir, 'dump')]);
  const failures: string[] = [];
  const entries = readDumpIndex(join(dir, 'dump'));
  for (const entry of entries) {
    if (entry.status !== 'ok') failures.push(`${entry.file}: pyarrow: ${entry.error}`);
    else {
      const difference = await firstDifference(join(dir, 'files'), join(dir, 'dump'), entry.file);
      if (difference) failures.push(difference);
    }
  }
  assert.ok(entries.length >= 4, `${entries.length} files`);
  assert.equal(failures, []);
  // DuckDB: count, sum(id), list lengths, map sizes, struct fields, from the rows themselves.
  const rows = [...sampleRows(450, 1), ...sampleRows(1, 2, 450), ...sampleRows(1049, 3, 451)];
  const len = (v: unknown) => (Array.isArray(v) ? v.length : v instanceof Map ? v.size : 0);
  const expected = [
    rows.length,
    Number(rows.reduce((s, r) => s + (r.id as bigint), 0n)),
    rows.reduce((s, r) => s + len(r.tags), 0),
    rows.filter((r) => r.tags !== null).length,
    rows.reduce((s, r) => s + len(r.attrs), 0),
    rows.reduce((s, r) => s + len(r.events), 0),
    rows.reduce((s, r) => s + ((r.point as { x: number } | null)?.x ?? 0), 0),
    rows.filter((r) => r.point !== null).length,
  ];
  for (const file of readdirSync(join(dir, 'files'))) {
    const duck = JSON.parse(runReference('writer_checks.py', ['duckdb', join(dir, 'files', file)])) as number[];
    duck.forEach((v, i) => assert.ok(Math.abs(v - expected[i]) <= Math.abs(expected[i]) * 1e-12, `${file}: DuckDB aggregate ${i}: ${v} != ${expected[i]}`));
  }
});

suiteOf('field ids on every field, sorting columns and statistics, as pyarrow reads them', async () => {
  const withId = new Schema([new Field('a', new Int32(), false, new Map([['PARQUET:field_id', '42']])), f('s', new Struct([f('b', new Utf8())]))]);
  const table = new Table([rowsToBatch(withId, [{ a: 3, s: { b: 'zz' } }, { a: 1, s: null }, { a: 2, s: { b: 'aa' } }])]);
  const path = join(dir, 'ids.parquet');
  await writeParquet(path, table, { sortingColumns: [{ column: 'a', descending: true }, { column: 's.b', nullsFirst: true }] });
  const seen = JSON.parse(runReference('writer_checks.py', ['metadata', path])) as {
    field_ids: Record<string, number>;
    sorting: unknown[];
    chunks: Record<string, { min: string; max: string; null_count: number }>;
  };
  // Explicit ids are kept; the others get the next free ids in schema order.
  assert.equal(seen.field_ids, { a: 42, s: 43, 's.b': 44 });
  assert.equal(seen.sorting, [
    { column: 0, descending: true, nulls_first: false },
    { column: 1, descending: false, nulls_first: true },
  ]);
  assert.equal(seen.chunks.a, { has_min_max: true, min: '1', max: '3', null_count: 0 });
  assert.equal(seen.chunks['s.b'], { has_min_max: true, min: 'aa', max: 'zz', null_count: 1 });
  // Our reader reports the ids as pyarrow does.
  const file = await openParquet(memorySource(readFileSync(path)));
  const back = await readTable(file);
  assert.is(back.schema.fields[0].metadata.get('PARQUET:field_id'), '42');
  assert.is(back.schema.fields[1].metadata.get('PARQUET:field_id'), '43');
});

suiteOf('bloom filters: a value not written is ruled out by its filter, every written value passes', async () => {
  const rows = sampleRows(3000, 9);
  const table = new Table([rowsToBatch(SCHEMA, rows)]);
  const bytes = encodeParquet(table, { rowGroupSize: 1000, bloomFilters: { id: { ndv: 1000, fpp: 0.001 }, tags: true } });
  const file = await openParquet(memorySource(bytes));
  const chunks = file.metadata.row_groups.map((g) => listAt(g.columns, 0).meta_data!);
  assert.ok(chunks.every((c) => c.bloom_filter_offset !== undefined && c.bloom_filter_length! > 0));
  // An id inside every row group's min/max but never written: statistics keep the groups, the filters drop them.
  const stats = emptyReadStats();
  let matched = 0;
  for await (const batch of readArrow(file, { filter: eq('id', 1_000_003n * 1500n - 8n), stats })) matched += batch.numRows;
  assert.is(matched, 0);
  assert.is(stats.rowGroupsSkipped, 3);
  for (const i of [0, 1499, 2999]) {
    const found = emptyReadStats();
    let n = 0;
    for await (const batch of readArrow(file, { filter: eq('id', BigInt(i) * 1_000_003n - 7n), columns: ['id'], stats: found })) n += batch.numRows;
    assert.is(n, 1, `id of row ${i}`);
  }
  // pyarrow still reads the file (the filters sit between row groups).
  writeFileSync(join(dir, 'bloom.parquet'), bytes);
  const seen = JSON.parse(runReference('writer_checks.py', ['metadata', join(dir, 'bloom.parquet')])) as { rows: number };
  assert.is(seen.rows, 3000);
  // DuckDB reads the filters (its parquet_bloom_probe takes top-level columns): a written id passes in its own row group and is excluded elsewhere
  // (fpp 0.001), an id never written is excluded everywhere.
  const written = [0, 999, 1000, 2999].map((i) => Number(BigInt(i) * 1_000_003n - 7n));
  const absent = [1_000_003 * 1500 - 8, 5, -1];
  const kept = JSON.parse(runReference('writer_checks.py', ['bloom', join(dir, 'bloom.parquet'), 'id', JSON.stringify([...written, ...absent])])) as number[][];
  assert.equal(kept, [[0], [0], [1], [2], [], [], []]);
});

suiteOf('sinks: a file path appears only at close, Node and WHATWG streams get the same bytes', async () => {
  const rows = sampleRows(500, 4);
  const table = new Table([rowsToBatch(SCHEMA, rows)]);
  const expected = encodeParquet(table, { rowGroupSize: 200, pageRows: 64, bloomFilters: { id: true, tags: { fpp: 0.05 } } });
  const path = join(dir, 'sink', 'out.parquet');
  mkdirSync(join(dir, 'sink'));
  const writer = createParquetWriter(path, SCHEMA, { rowGroupSize: 200, pageRows: 64, bloomFilters: { id: true, tags: { fpp: 0.05 } } });
  await writer.write(table);
  assert.not.ok(existsSync(path), 'the file is not at its name before close()');
  assert.is(readdirSync(join(dir, 'sink')).length, 1, 'a temporary file beside it');
  await writer.close();
  assert.equal(readdirSync(join(dir, 'sink')), ['out.parquet']);
  assert.equal(new Uint8Array(readFileSync(path)), expected);
  assert.is(writer.bytesWritten, expected.length);
  assert.is(writer.rowsWritten, 500);

  // Pages are cut by rows and bytes, not by how the rows arrive: uneven writes give the same file.
  const uneven = memorySink();
  const pieces = createParquetWriter(uneven, SCHEMA, { rowGroupSize: 200, pageRows: 64, bloomFilters: { id: true, tags: { fpp: 0.05 } } });
  for (const [from, to] of [[0, 1], [1, 2], [2, 70], [70, 199], [199, 200], [200, 333], [333, 500]]) await pieces.write(table.slice(from, to));
  await pieces.close();
  assert.equal(uneven.bytes(), expected);

  const streamed = join(dir, 'sink', 'stream.parquet');
  await writeParquet(createWriteStream(streamed), table, { rowGroupSize: 200, pageRows: 64, bloomFilters: { id: true, tags: { fpp: 0.05 } } });
  assert.equal(new Uint8Array(readFileSync(streamed)), expected);

  const chunks: Uint8Array[] = [];
  const web = new WritableStream<Uint8Array>({ write: (c) => void chunks.push(c) });
  await writeParquet(web, table, { rowGroupSize: 200, pageRows: 64, bloomFilters: { id: true, tags: { fpp: 0.05 } } });
  assert.equal(new Uint8Array(Buffer.concat(chunks)), expected);

  let aborted = false;
  const failing = new Writable({ write: (_c, _e, done) => done(new Error('disk full')) });
  failing.on('error', () => (aborted = true));
  try {
    await writeParquet(failing, table);
    assert.unreachable('a failing stream fails the write');
  } catch (error) {
    assert.match(String(error), /disk full/);
  }
  assert.ok(aborted);
});

suiteOf('bad input is refused before anything lands at the path', async () => {
  const cases: Array<[string, Row[] | (() => Table), RegExp]> = [
    ['null in a required field', [{ ...sampleRows(1, 1)[0], small: null }], /small is not nullable/],
    ['decimal past its precision', [{ ...sampleRows(1, 1)[0], price: 10n ** 9n }], /does not fit precision 9/],
    ['a string for an int', [{ ...sampleRows(1, 1)[0], tiny: '7' }], /is not an int8/],
    ['an int out of range', [{ ...sampleRows(1, 1)[0], tiny: 256 }], /is not an int8 \(unsigned\)/],
    ['a field not in the schema', [{ ...sampleRows(1, 1)[0], nope: 1 }], /nope is not in the schema/],
    ['a struct field not in the struct', [{ ...sampleRows(1, 1)[0], point: { x: 1, z: 2 } }], /z is not in the struct/],
    ['a null inside a required list element', [{ ...sampleRows(1, 1)[0], matrix: [[1, null]] }], /not nullable/],
  ];
  for (const [what, rows, message] of cases) {
    const path = join(dir, `bad-${what.replace(/\W+/g, '-')}.parquet`);
    const writer = createParquetWriter(path, SCHEMA);
    try {
      await writer.write(sampleRows(10, 2));
      await writer.write(rows as Row[]);
      await writer.close();
      assert.unreachable(what);
    } catch (error) {
      assert.ok(ParquetryError.is(error) && error.code === 'INVALID_ARGUMENT' && message.test(error.message), `${what}: ${String(error)}`);
    }
    assert.not.ok(existsSync(path), `${what}: no file`);
    assert.ok(!readdirSync(dir).some((n) => n.startsWith(`.bad-`)), `${what}: no temporary file left`);
    try {
      await writer.write(sampleRows(1, 1));
      assert.unreachable('a failed writer refuses more writes');
    } catch (error) {
      assert.match(String(error), /aborted after an error/);
    }
  }
  // A required Arrow column holding nulls (built by hand, not from rows).
  const nullable = rowsToBatch(new Schema([f('a', new Int32())]), [{ a: 1 }, { a: null }]);
  try {
    encodeParquet(new Table([new RecordBatch(new Schema([f('a', new Int32(), false)]), nullable.data)]));
    assert.unreachable('nulls in a required column');
  } catch (error) {
    assert.ok(ParquetryError.is(error) && /a is not nullable but holds a null/.test(error.message), String(error));
  }
});

suiteOf('dictionary-typed and fixed-size-list columns are written as their values and as lists', async () => {
  const keys = Int32Array.from({ length: 50 }, (_, i) => (i * 7) % 3);
  const words = vectorFromArray(['red', 'green', 'blue'], new Utf8());
  const validity = new Uint8Array(7).fill(0xff);
  validity[0] = 0xfe; // row 0 is null
  const dictType = new Dictionary(new Utf8(), new Int32());
  const dictData = makeData({ type: dictType, length: 50, nullCount: 1, nullBitmap: validity, data: keys, dictionary: words });
  const fixedType = new FixedSizeList(2, f('xy', new Float64(), false));
  const fixed = vectorFromArray(Array.from({ length: 50 }, (_, i) => (i % 9 === 0 ? null : [i, -i])), fixedType);
  const schema = new Schema([f('color', dictType), f('pair', fixedType)]);
  const table = new Table([new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: 50, nullCount: 0, children: [dictData, fixed.data[0]] }))]).slice(3, 47);
  const back = await readTable(await openParquet(memorySource(encodeParquet(table, { pageRows: 7 }))));
  for (let r = 0; r < table.numRows; r++) {
    assert.is(back.getChild('color')!.get(r), table.getChild('color')!.get(r), `color row ${r}`);
    const want = table.getChild('pair')!.get(r);
    const got = back.getChild('pair')!.get(r);
    assert.equal(got === null ? null : [...got], want === null ? null : [...want], `pair row ${r}`);
  }
});

suiteOf('native and TypeScript backends write byte-identical files (uncompressed, SNAPPY, LZ4, GZIP)', () => {
  if (backend() !== 'native') return; // one comparison is enough; it runs both backends itself
  const run = (mode: string) =>
    JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../lib/write-fixture.ts', import.meta.url))], { env: { ...process.env, PARQUETRY_BACKEND: mode }, encoding: 'utf8' })) as Record<string, string>;
  const native = run('native');
  const ts = run('ts');
  assert.is(Object.keys(native).length, 11);
  assert.equal(ts, native);
});

suiteOf.run();
