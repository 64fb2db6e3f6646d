// Node only: property tests of the writer (issue 7, Conformance). fast-check draws a schema (lists,
// structs and maps nested up to three levels, every leaf type the writer takes, nullable and
// required), rows for it (nulls, empty lists and maps, NaN, -0, extremes), a slice of them and a
// random point in the option matrix (page version, codec and level, dictionary, page and row group
// sizes, per-column encodings, codecs, dictionaries and bloom filters). Each case is written twice —
// encodeParquet on a (re-chunked) table and the streaming writer in several writes of tables,
// batches and row objects — and Parquetry must read back exactly the input. Every file is then read
// by pyarrow (one dump of the whole run) and DuckDB (one process for the whole run).
// PARQUETRY_PROPERTY_SEED=n reproduces a run (its seed is printed on failure); PARQUETRY_PROPERTY_RUNS
// changes the number of cases.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backend, type CompressionCodecName, type PhysicalType } from '@parquetry/core';
import {
  createParquetWriter,
  encodeParquet,
  memorySink,
  memorySource,
  openParquet,
  readTable,
  rowsToBatch,
  type Row,
  type ValueEncoding,
  type WriteOptions,
} from '@parquetry/parquet';
import { Field, Int64, List, Map_, RecordBatch, Schema, Struct, Table, Type, type Data, type DataType } from 'apache-arrow';
import fc from 'fast-check';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { arrowSchema, leafColumns, rowsOf, schemaSpec, type FieldSpec } from '../lib/arbitrary-arrow.js';
import { firstRowDifference } from '../lib/arrow-rows.js';
import { firstDifference, readDumpIndex } from '../lib/pyarrow-compare.js';
import { runReference } from '../lib/python.js';

const RUNS = Number(process.env.PARQUETRY_PROPERTY_RUNS ?? 150);
const SEED = process.env.PARQUETRY_PROPERTY_SEED !== undefined ? Number(process.env.PARQUETRY_PROPERTY_SEED) : Math.floor(Math.random() * 2 ** 31);
/** The TS build compresses neither ZSTD nor BROTLI (writer.node.ts checks that it says so). */
const CODECS: CompressionCodecName[] = ['UNCOMPRESSED', 'SNAPPY', 'GZIP', 'LZ4_RAW', ...(backend() === 'native' ? (['ZSTD', 'BROTLI'] as const) : [])];
const MAX_ROWS = 300;

/** The encodings the writer takes per physical type (value-encoding.ts). */
const ENCODINGS: Record<PhysicalType, ValueEncoding[]> = {
  BOOLEAN: ['PLAIN', 'RLE_DICTIONARY', 'RLE'],
  INT32: ['PLAIN', 'RLE_DICTIONARY', 'DELTA_BINARY_PACKED', 'BYTE_STREAM_SPLIT'],
  INT64: ['PLAIN', 'RLE_DICTIONARY', 'DELTA_BINARY_PACKED', 'BYTE_STREAM_SPLIT'],
  INT96: ['PLAIN', 'RLE_DICTIONARY'],
  FLOAT: ['PLAIN', 'RLE_DICTIONARY', 'BYTE_STREAM_SPLIT'],
  DOUBLE: ['PLAIN', 'RLE_DICTIONARY', 'BYTE_STREAM_SPLIT'],
  BYTE_ARRAY: ['PLAIN', 'RLE_DICTIONARY', 'DELTA_LENGTH_BYTE_ARRAY', 'DELTA_BYTE_ARRAY'],
  FIXED_LEN_BYTE_ARRAY: ['PLAIN', 'RLE_DICTIONARY', 'BYTE_STREAM_SPLIT'],
};

function levelOf(codec: CompressionCodecName): fc.Arbitrary<number> | undefined {
  if (codec === 'GZIP') return fc.integer({ min: 1, max: 9 });
  if (codec === 'ZSTD') return fc.integer({ min: 1, max: 19 });
  if (codec === 'BROTLI') return fc.integer({ min: 0, max: 11 });
  return undefined;
}

const codecArb: fc.Arbitrary<{ compression: CompressionCodecName; level?: number }> = fc.constantFrom(...CODECS).chain((compression) => {
  const level = levelOf(compression);
  return level ? fc.record({ compression: fc.constant(compression), level }, { requiredKeys: ['compression'] }) : fc.constant({ compression });
});

/** A point of the option matrix for a schema; per-column options name leaves by dotted path. */
function optionsOf(fields: FieldSpec[]): fc.Arbitrary<WriteOptions> {
  return fc.boolean().chain((int96Timestamps) => {
    const leaves = leafColumns(fields, int96Timestamps);
    const someLeaves = <T>(value: (leaf: (typeof leaves)[number]) => fc.Arbitrary<T>) =>
      fc.subarray(leaves, { maxLength: Math.min(3, leaves.length) }).chain((picked) => fc.tuple(...picked.map(value)).map((vs) => Object.fromEntries(picked.map((l, i) => [l.path, vs[i]]))));
    const rest = fc.record(
      {
        int96Timestamps: fc.constant(int96Timestamps),
        pageVersion: fc.constantFrom(1 as const, 2 as const),
        dictionary: fc.boolean(),
        pageRows: fc.integer({ min: 1, max: 64 }),
        pageBytes: fc.integer({ min: 16, max: 4096 }),
        rowGroupSize: fc.integer({ min: 1, max: MAX_ROWS }),
        rowGroupBytes: fc.integer({ min: 64, max: 64 * 1024 }),
        maxDictionaryBytes: fc.integer({ min: 8, max: 2048 }),
        statistics: fc.boolean(),
        pageIndex: fc.boolean(),
        fieldIds: fc.boolean(),
        keyValueMetadata: fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.string({ maxLength: 12 }), { maxKeys: 2 }),
        encodings: someLeaves((l) => fc.constantFrom(...ENCODINGS[l.physical])),
        columns: someLeaves(() =>
          fc
            .tuple(fc.option(codecArb, { nil: undefined }), fc.record({ dictionary: fc.boolean(), statistics: fc.boolean() }, { requiredKeys: [] }))
            .map(([codec, rest]) => ({ ...codec, ...rest })),
        ),
        bloomFilters: someLeaves(() =>
          fc.oneof(fc.constant(true as const), fc.record({ ndv: fc.integer({ min: 1, max: 1000 }), fpp: fc.double({ min: 0.001, max: 0.5, noNaN: true }) }, { requiredKeys: [] })),
        ),
      },
      { requiredKeys: ['int96Timestamps', 'pageVersion', 'pageRows', 'rowGroupSize'] },
    );
    return fc.tuple(codecArb, rest).map(([codec, options]) => {
      // A column's codec takes the file's level unless it has its own (write-options.ts): give it
      // one where the file's level may not fit it (a ZSTD level 15 is no GZIP level).
      for (const column of Object.values(options.columns ?? {})) {
        if (codec.level !== undefined && column.compression !== undefined && column.level === undefined && levelOf(column.compression)) column.level = 1;
      }
      return { ...codec, ...options };
    });
  });
}

type Form = 'table' | 'batch' | 'rows';

interface WriteCase {
  fields: FieldSpec[];
  rows: Row[];
  /** Where the written slice of the rows starts and ends, in thousandths of their count. */
  slice: [number, number] | null;
  /** How the first streaming write passes its rows; where the next ones start (in thousandths of
   * the slice) and how they pass theirs. encodeParquet's table is chunked at the same places. */
  first: Form;
  cuts: Array<{ at: number; form: Form }>;
  options: WriteOptions;
}

const caseArb: fc.Arbitrary<WriteCase> = schemaSpec.chain((fields) =>
  fc.record({
    fields: fc.constant(fields),
    rows: rowsOf(fields, MAX_ROWS),
    slice: fc.option(fc.tuple(fc.nat(1000), fc.nat(1000)), { nil: null, freq: 3 }),
    first: fc.constantFrom<Form>('table', 'batch', 'rows'),
    cuts: fc.array(fc.record({ at: fc.nat(1000), form: fc.constantFrom<Form>('table', 'batch', 'rows') }), { maxLength: 4 }),
    options: optionsOf(fields),
  }),
);

// ---------------------------------------------------------------------------------------------
// What the reader gives back for a written Arrow type: Parquet has no seconds unit, no 64-bit
// offsets, no dictionary type and no time zone name (isAdjustedToUTC only), and INT96 no UTC flag.

function readBackType(type: DataType, int96: boolean): string {
  const t = type as unknown as { typeId: Type; unit?: number; timezone?: string | null; dictionary?: DataType; children: Field[] };
  switch (t.typeId) {
    case Type.Dictionary:
      return readBackType(t.dictionary!, int96);
    case Type.LargeUtf8:
      return 'Utf8';
    case Type.LargeBinary:
      return 'Binary';
    case Type.Date:
      return 'Date32<DAY>';
    case Type.Timestamp: {
      const unit = ['MILLISECOND', 'MILLISECOND', 'MICROSECOND', 'NANOSECOND'][t.unit!];
      const utc = !!t.timezone && !(int96 && t.unit === 3);
      return `Timestamp<${unit}${utc ? ', UTC' : ''}>`;
    }
    case Type.List:
      return `List<${readBackField(t.children[0], int96, false)}>`;
    case Type.Map:
      return `Map<${t.children[0].type.children.map((c: Field) => readBackField(c, int96, true)).join(', ')}>`;
    case Type.Struct:
      return `Struct<${t.children.map((c) => readBackField(c, int96, true)).join(', ')}>`;
    default:
      return String(type);
  }
}

function readBackField(field: Field, int96: boolean, named: boolean): string {
  return `${named ? `${field.name}: ` : ''}${readBackType(field.type, int96)}${field.nullable ? '?' : ''}`;
}

function schemaText(schema: Schema, int96: boolean): string {
  return schema.fields.map((f) => readBackField(f, int96, true)).join('; ');
}

/** Timestamps in microseconds and nanoseconds retyped as their int64 counts, so rows compare
 * exactly: apache-arrow's getter turns them into fractional milliseconds, which far from 1970 no
 * longer tell one microsecond from the next. */
function exactType(type: DataType): DataType {
  const t = type as unknown as { typeId: Type; unit?: number; children: Field[]; keysSorted?: boolean };
  const exactField = (f: Field) => new Field(f.name, exactType(f.type), f.nullable);
  switch (t.typeId) {
    case Type.Timestamp:
      return t.unit! >= 2 ? new Int64() : type;
    case Type.List:
      return new List(exactField(t.children[0]));
    case Type.Struct:
      return new Struct(t.children.map(exactField));
    case Type.Map:
      return new Map_(exactField(t.children[0]) as Field<Struct>, t.keysSorted);
    default:
      return type;
  }
}

function exactData(data: Data): Data {
  return data.clone(exactType(data.type), data.offset, data.length, data.nullCount, data as never, data.children.map(exactData));
}

function exactTable(table: Table): Table {
  const schema = new Schema(table.schema.fields.map((f) => new Field(f.name, exactType(f.type), f.nullable)));
  return new Table(schema, table.batches.map((b) => new RecordBatch(schema, exactData(b.data) as Data<Struct>)));
}

// ---------------------------------------------------------------------------------------------
// Writing and reading back

interface Written {
  name: string;
  bytes: Uint8Array;
  /** What each file must hold: row count and non-null values per top-level column. */
  rows: number;
  nonNull: Record<string, number>;
  /** DuckDB (2.0) refuses BYTE_STREAM_SPLIT on FIXED_LEN_BYTE_ARRAY, which the spec allows since 2.11. */
  duckdbMayRefuse: boolean;
  /** The case, for a failure message. */
  written: WriteCase;
}

/** A file's case as text (cut short: the seed reproduces it whole). */
function describe(file: Written | undefined): string {
  return `seed ${SEED}, case ${file ? fc.stringify(file.written).slice(0, 1500) : '?'}`;
}

function boundsOf(count: number, at: number): number {
  return Math.round((at / 1000) * count);
}

/** The pieces the slice is written in, each with the form it is passed in. */
function piecesOf(c: WriteCase, rows: number): Array<{ from: number; to: number; form: Form }> {
  const cuts = [...c.cuts].sort((a, b) => a.at - b.at);
  const points = [0, ...cuts.map((cut) => boundsOf(rows, cut.at)), rows];
  return points.slice(1).map((to, i) => ({ from: points[i], to, form: i === 0 ? c.first : cuts[i - 1].form }));
}

async function readBack(bytes: Uint8Array, expected: Table, c: WriteCase, what: string, exactGroups: boolean): Promise<void> {
  const file = await openParquet(memorySource(bytes));
  const groups = file.metadata.row_groups.map((g) => Number(g.num_rows));
  const size = c.options.rowGroupSize!;
  assert.is(Number(file.metadata.num_rows), expected.numRows, `${what}: num_rows`);
  assert.is(groups.reduce((s, n) => s + n, 0), expected.numRows, `${what}: rows in row groups`);
  assert.ok(groups.every((n) => n > 0 && n <= size), `${what}: row groups of ${groups.join(', ')} rows, at most ${size} each`);
  if (exactGroups) assert.is(groups.length, Math.ceil(expected.numRows / size), `${what}: row groups`);
  for (const [key, value] of Object.entries(c.options.keyValueMetadata ?? {})) {
    const found = file.metadata.key_value_metadata?.find((kv) => kv.key === key);
    assert.is(found?.value, value, `${what}: key/value metadata ${key}`);
  }
  const back = await readTable(file);
  const int96 = !!c.options.int96Timestamps;
  assert.is(schemaText(back.schema, int96), schemaText(expected.schema, int96), `${what}: schema`);
  const difference = firstRowDifference(exactTable(expected), exactTable(back), what);
  if (difference) throw new Error(difference);
}

/** Writes one case both ways, checks Parquetry reads each file back equal; returns the files. */
async function writeCase(c: WriteCase, name: string): Promise<Written[]> {
  const schema = arrowSchema(c.fields);
  const whole = new Table([rowsToBatch(schema, c.rows)]);
  const [from, to] = c.slice ? [boundsOf(c.rows.length, Math.min(...c.slice)), boundsOf(c.rows.length, Math.max(...c.slice))] : [0, c.rows.length];
  // A slice has offsets into its buffers (and its children's): a classic source of writer bugs.
  const table = c.slice ? whole.slice(from, to) : whole;
  const pieces = piecesOf(c, table.numRows);

  // encodeParquet, on the table cut into chunks where the writes are cut.
  const chunks = pieces.flatMap((p) => table.slice(p.from, p.to).batches.filter((b) => b.numRows > 0));
  const chunked = chunks.length > 1 ? new Table(chunks) : table;
  const encoded = encodeParquet(chunked, c.options);
  await readBack(encoded, table, c, `${name} (encodeParquet)`, true);

  // The streaming writer, one write per piece: a Table, its RecordBatches, or row objects.
  const sink = memorySink();
  const writer = createParquetWriter(sink, schema, c.options);
  for (const p of pieces) {
    const part = table.slice(p.from, p.to);
    if (p.form === 'table') await writer.write(part);
    else if (p.form === 'rows') await writer.write(c.rows.slice(from + p.from, from + p.to));
    else for (const batch of part.batches as RecordBatch[]) await writer.write(batch);
  }
  await writer.close();
  const streamed = sink.bytes();
  assert.is(writer.rowsWritten, table.numRows, `${name}: rowsWritten`);
  assert.is(writer.bytesWritten, streamed.length, `${name}: bytesWritten`);
  await readBack(streamed, table, c, `${name} (streaming)`, c.options.rowGroupBytes === undefined);

  const nonNull = Object.fromEntries(
    schema.fields.map((f) => {
      const column = table.getChild(f.name)!;
      let n = 0;
      for (let r = 0; r < table.numRows; r++) if (column.get(r) !== null) n++;
      return [f.name, n];
    }),
  );
  const duckdbMayRefuse = leafColumns(c.fields, !!c.options.int96Timestamps).some(
    (l) => l.physical === 'FIXED_LEN_BYTE_ARRAY' && c.options.encodings?.[l.path] === 'BYTE_STREAM_SPLIT',
  );
  return [
    { name: `${name}-encode.parquet`, bytes: encoded, rows: table.numRows, nonNull, duckdbMayRefuse, written: c },
    { name: `${name}-stream.parquet`, bytes: streamed, rows: table.numRows, nonNull, duckdbMayRefuse, written: c },
  ];
}

// ---------------------------------------------------------------------------------------------

const property = suite('writer: property tests over random schemas, data and options');
let dir = '';
let failed = false;
const written: Written[] = [];

property.before(() => {
  dir = mkdtempSync(join(tmpdir(), 'parquetry-writer-property-'));
  mkdirSync(join(dir, 'files'));
});
property.after(() => {
  // A failing run keeps its files for a look with other tools.
  if (failed) console.error(`writer property: files kept in ${dir} (seed ${SEED})`);
  else if (dir) rmSync(dir, { recursive: true, force: true });
});

function fail(message: string): never {
  failed = true;
  assert.unreachable(message);
  throw new Error(message);
}

property(`write -> Parquetry reads back the input exactly (encodeParquet and streaming; ${RUNS} cases)`, async () => {
  let shrinking = false;
  try {
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        const name = `case-${String(written.length / 2).padStart(3, '0')}`;
        try {
          const files = await writeCase(c, name);
          // Only the cases of the run itself are kept, not those fast-check tries while shrinking.
          if (!shrinking) written.push(...files);
        } catch (error) {
          shrinking = true;
          throw error;
        }
      }),
      { numRuns: RUNS, seed: SEED, includeErrorInReport: true },
    );
  } catch (error) {
    fail(`seed ${SEED} (PARQUETRY_PROPERTY_SEED=${SEED} reproduces it): ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    // The files of the cases that passed go to pyarrow and DuckDB (below), whatever happened here.
    for (const file of written) writeFileSync(join(dir, 'files', file.name), file.bytes);
  }
  assert.is(written.length, 2 * RUNS);
});

property('pyarrow reads every generated file to the rows Parquetry reads', async () => {
  assert.ok(written.length > 0, 'the property wrote files');
  runReference('pyarrow_dump.py', ['dump', join(dir, 'files'), join(dir, 'dump'), '--max-rows', String(MAX_ROWS + 1)]);
  const byName = new Map(written.map((w) => [w.name, w]));
  const failures: string[] = [];
  const entries = readDumpIndex(join(dir, 'dump'));
  assert.is(entries.length, written.length, 'every file dumped');
  for (const entry of entries) {
    const description = describe(byName.get(entry.file));
    if (entry.status !== 'ok') failures.push(`${entry.file}: pyarrow: ${entry.error}\n  ${description}`);
    else {
      const difference = await firstDifference(join(dir, 'files'), join(dir, 'dump'), entry.file);
      if (difference) failures.push(`${difference}\n  ${description}`);
    }
  }
  if (failures.length) fail(`${failures.length} of ${entries.length} files differ under pyarrow:\n${failures.slice(0, 3).join('\n')}`);
});

property('DuckDB reads every generated file: its row count and non-null values per column', () => {
  assert.ok(written.length > 0, 'the property wrote files');
  const results = JSON.parse(runReference('duckdb_count.py', [join(dir, 'files')])) as Array<{ file: string; rows?: number; non_null?: Record<string, number>; error?: string }>;
  const byName = new Map(written.map((w) => [w.name, w]));
  assert.is(results.length, written.length, 'every file read');
  const failures: string[] = [];
  for (const r of results) {
    const want = byName.get(r.file)!;
    const got = r.error ?? JSON.stringify({ rows: r.rows, nonNull: r.non_null });
    const expected = JSON.stringify({ rows: want.rows, nonNull: want.nonNull });
    if (r.error && want.duckdbMayRefuse && /BYTE_STREAM_SPLIT encoding is only supported for FLOAT, DOUBLE, INT32 or INT64/.test(r.error)) continue;
    if (got !== expected) failures.push(`${r.file}: DuckDB ${got}, expected ${expected}\n  ${describe(want)}`);
  }
  if (failures.length) fail(`${failures.length} of ${results.length} files differ under DuckDB:\n${failures.slice(0, 3).join('\n')}`);
});

property.run();
