// parquetry convert: the CSV and JSON parsers, timestamps, inference, the progress bar, and the
// command end to end (Parquet <-> Parquet / CSV / JSON lines / Arrow IPC), read back and compared
// by value; failures leave no output file.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { encodeParquet, fileSource, openParquet, readArrow } from '@parquetry/parquet';
import { tableFromIPC, Type } from 'apache-arrow';
import { parseConvertArgs } from '../src/convert-args.js';
import { CsvParser, type CsvRecord } from '../src/convert-csv.js';
import { inferCsvFields, inferJsonFields } from '../src/convert-infer.js';
import { parseExactJson } from '../src/convert-json-parse.js';
import { progressBar, progressLine, PROGRESS_MIN_BYTES } from '../src/convert-progress.js';
import { parseSchemaJson, typeName } from '../src/convert-schema.js';
import { daysFromCivil, parseIsoDateTime, timestampIn } from '../src/convert-timestamp.js';
import { jsonRows, type Json } from '../src/json-values.js';
import { sampleTable } from '../src/sample.js';

const bin = fileURLToPath(new URL('../src/bin.js', import.meta.url));
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const corpus = process.env.PARQUET_TEST_DATA ?? join(root, '../shared/conformance/parquet-testing');
const python = process.env.PARQUETRY_PYTHON ?? join(root, '.venv/bin/python');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
const scratch = () => mkdtempSync(join(tmpdir(), 'parquetry-convert-'));

function converted(...args: string[]): void {
  const out = run('convert', ...args);
  assert.is(out.status, 0, out.stderr);
  assert.match(out.stderr, /^parquetry: converted \d+ rows/);
}

async function rowsOf(path: string): Promise<Array<Record<string, Json>>> {
  const file = await openParquet(await fileSource(path), { int96Unit: 'raw' });
  const rows: Array<Record<string, Json>> = [];
  for await (const batch of readArrow(file)) rows.push(...jsonRows(batch, file.plans));
  await file.source.close();
  return rows;
}

async function footer(path: string) {
  const file = await openParquet(await fileSource(path));
  await file.source.close();
  return file;
}

function parseAll(chunks: string[]): CsvRecord[] {
  const parser = new CsvParser();
  const out = chunks.flatMap((c) => parser.push(c));
  return [...out, ...parser.end()];
}

test('CSV: quotes, "" escapes, CRLF, embedded line breaks, empty cells, at every chunk boundary', () => {
  const text = 'a,b,c\r\n1,"x, ""y""",\r\n2,"line\r\nbreak",""\n\n3,,"z"\r\n4,plain,"end"';
  const expected: CsvRecord[] = [
    { line: 1, fields: ['a', 'b', 'c'] },
    { line: 2, fields: ['1', 'x, "y"', null] },
    { line: 3, fields: ['2', 'line\r\nbreak', ''] },
    { line: 6, fields: ['3', null, 'z'] },
    { line: 7, fields: ['4', 'plain', 'end'] },
  ];
  assert.equal(parseAll([text]), expected);
  for (let i = 0; i <= text.length; i++) {
    for (let j = i; j <= text.length; j += 3) assert.equal(parseAll([text.slice(0, i), text.slice(i, j), text.slice(j)]), expected, `split at ${i}, ${j}`);
  }
  assert.equal(parseAll([...text]), expected);
  assert.equal(parseAll(['a,b\n1,2']), [{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['1', '2'] }]);
  assert.throws(() => parseAll(['a\n"open']), /line 2: a quoted field is never closed/);
  assert.throws(() => parseAll(['a\n"x"y\n']), /line 2: a quoted field must end at its closing quote/);
});

test('exact JSON: integers as bigints, fractions as numbers, escapes; JSON errors located', () => {
  assert.equal(parseExactJson('{"a": 9007199254740993, "b": 1.0, "c": [-0, 2e3], "d": "q\\"\\u00e9", "e": {"f": null, "g": true}}'), {
    a: 9007199254740993n,
    b: 1,
    c: [0n, 2000],
    d: 'q"é',
    e: { f: null, g: true },
  });
  assert.is(Object.getPrototypeOf(parseExactJson('{"__proto__": 1}')), Object.prototype);
  assert.equal(Object.keys(parseExactJson('{"__proto__": 1}') as object), ['__proto__']);
  assert.throws(() => parseExactJson('{"a": 1,}'), /expected a string key at character 9/);
  assert.throws(() => parseExactJson('[1 2]'), /expected "," or "]"/);
  assert.throws(() => parseExactJson('01'), /unexpected text after/);
});

test('ISO 8601 timestamps: offsets, fractions to the nanosecond, calendar checks', () => {
  assert.is(daysFromCivil(1970, 1, 1), 0);
  assert.is(daysFromCivil(2000, 3, 1), 11017);
  assert.is(daysFromCivil(-1, 12, 31), -719529);
  const v = parseIsoDateTime('2024-02-29T23:59:59.123456789+05:30')!;
  assert.equal(v, { days: daysFromCivil(2024, 2, 29), seconds: 86399, fraction: '123456789', offset: 19800, hasTime: true });
  assert.is(BigInt(timestampIn(v, 'ns')!), (BigInt(v.days) * 86400n + 86399n - 19800n) * 1_000_000_000n + 123456789n);
  assert.is(timestampIn(v, 'us'), undefined, 'finer than the unit');
  assert.is(timestampIn(parseIsoDateTime('1969-12-31 23:59:59.5Z')!, 'ms'), -500);
  assert.is(timestampIn(parseIsoDateTime('2262-04-11T23:47:16.854775807')!, 'ns'), 9_223_372_036_854_775_807n);
  assert.is(timestampIn(parseIsoDateTime('2262-04-12T00:00:00')!, 'ns'), undefined, 'past int64 nanoseconds');
  assert.equal(parseIsoDateTime('2024-01-02'), { days: daysFromCivil(2024, 1, 2), seconds: 0, fraction: '', offset: null, hasTime: false });
  for (const bad of ['2023-02-29', '2024-13-01', '2024-01-01T24:00', '2024-01-01T10:00+25:00', '2024-1-1', '20240101', '2024-01-01T']) assert.is(parseIsoDateTime(bad), undefined, bad);
});

test('inference: CSV types per column, JSON structs, lists and conflicting kinds', () => {
  const rows = [
    ['1', '1.5', 'true', '2024-01-01', '2024-01-01T00:00:00Z', '2024-01-01 10:00:00', 'x', null, '01'],
    ['-2', '3', 'FALSE', '2024-01-02', '2024-01-01T00:00:00.1234567+01:00', '2024-01-01', '2', null, 'a'],
    [null, 'nan', 'true', '2024-01-03', '2024-01-02', '2024-01-03T00:00:00.5', 'y', null, '3'],
  ];
  const fields = inferCsvFields(['i', 'f', 'b', 'd', 'tz', 'naive', 's', 'empty', 'mixed'], rows);
  assert.equal(
    fields.map((f) => `${f.name}: ${typeName(f.type)}${f.nullable ? '?' : ''}`),
    ['i: int64?', 'f: float64', 'b: bool', 'd: date32', 'tz: timestamp[ns, UTC]', 'naive: timestamp[us]', 's: utf8', 'empty: utf8?', 'mixed: utf8'],
  );
  assert.equal(inferCsvFields(['big'], [['9223372036854775808']]).map((f) => typeName(f.type)), ['float64']);
  const json = inferJsonFields([
    parseExactJson('{"a": 1, "o": {"x": 1, "l": [1.5]}, "m": 1, "e": []}') as never,
    parseExactJson('{"a": 2, "o": {"x": 2, "y": "s", "l": []}, "m": "1", "n": null, "e": []}') as never,
  ]);
  assert.equal(
    json.map((f) => `${f.name}: ${typeName(f.type)}${f.nullable ? '?' : ''}`),
    ['a: int64', 'o: struct<x: int64, l: list<float64>, y: utf8>', 'm: json', 'e: list<json>', 'n: json?'],
  );
  const o = json[1].type as { kind: 'struct'; fields: Array<{ name: string; nullable: boolean }> };
  assert.equal(o.fields.map((f) => f.nullable), [false, false, true]);
});

test('--schema descriptions and argument mistakes', () => {
  const fields = parseSchemaJson('{"fields": [{"name": "id", "type": "int64", "nullable": false}, {"name": "t", "type": "timestamp[ms, UTC]"}, {"name": "l", "type": {"list": "int32", "nullable": false}}, {"name": "s", "type": {"struct": [{"name": "x", "type": "double"}]}}]}');
  assert.equal(fields.map((f) => `${f.name}: ${typeName(f.type)}${f.nullable ? '?' : ''}`), ['id: int64', 't: timestamp[ms, UTC]?', 'l: list<int32>?', 's: struct<x: float64>?']);
  assert.throws(() => parseSchemaJson('{"fields": [{"name": "a", "type": "int128"}]}'), /--schema: a: unknown type "int128"/);
  assert.throws(() => parseSchemaJson('{"fields": [{"name": "a", "type": "int8"}, {"name": "a", "type": "int8"}]}'), /used twice/);
  assert.throws(() => parseSchemaJson('{"columns": []}'), /must be \{"fields"/);
  const args = parseConvertArgs(['in.csv', 'out.parquet', '--encoding', 'a=delta_binary_packed', '--encoding=b=PLAIN', '--compression', 'zstd', '--level', '9', '--page-version', '2', '--row-group-size', '1000']);
  assert.equal(args.write, { compression: 'ZSTD', level: 9, pageVersion: 2, rowGroupSize: 1000, encodings: { a: 'DELTA_BINARY_PACKED', b: 'PLAIN' } });
  assert.equal([args.from, args.to, args.ipcStream], ['csv', 'parquet', false]);
  assert.equal([parseConvertArgs(['x.parquet', 'y.arrows']).to, parseConvertArgs(['x.parquet', 'y.arrows']).ipcStream], ['arrow', true]);
  assert.is(parseConvertArgs(['x', 'y', '--from', 'ndjson', '--to', 'parquet']).from, 'jsonl');
  for (const [argv, message] of [
    [['in.csv'], /needs IN and OUT/],
    [['in.txt', 'out.parquet'], /cannot tell the format of in.txt/],
    [['in.csv', 'out.parquet', '--encoding', 'a'], /--encoding takes COLUMN=ENCODING/],
    [['in.csv', 'out.parquet', '--encoding', 'a=ZIGZAG'], /unknown encoding ZIGZAG/],
    [['in.csv', 'out.parquet', '--compression', 'lzo'], /--compression must be one of/],
    [['in.csv', 'out.parquet', '--page-version', '3'], /--page-version must be an integer from 1 to 2/],
    [['in.parquet', 'out.csv', '--compression', 'zstd'], /applies to Parquet output only/],
    [['in.arrow', 'out.csv'], /csv output is written from Parquet input only/],
    [['in.csv', 'out.parquet', '--frobnicate', '1'], /convert has no option --frobnicate/],
  ] as const) {
    assert.throws(() => parseConvertArgs(argv), (error: Error) => message.test(error.message), argv.join(' '));
  }
});

test('the progress bar shows only on a terminal for large inputs, and erases itself', () => {
  const written: string[] = [];
  const terminal = { isTTY: true, columns: 100, write: (s: string) => written.push(s) };
  let clock = 0;
  const bar = progressBar(PROGRESS_MIN_BYTES * 2, terminal, () => clock);
  clock = 1000;
  bar.add(PROGRESS_MIN_BYTES);
  bar.add(1); // within 100 ms of the last draw: not redrawn
  bar.end();
  assert.is(written.length, 2);
  assert.is(written[0], `\r${progressLine(PROGRESS_MIN_BYTES, PROGRESS_MIN_BYTES * 2, 1, 100)}\x1b[K`);
  assert.match(written[0], /\[#+\.+\]  50% 64\/128 MiB 64\.0 MiB\/s 1 s left/);
  assert.is(written[1], '\r\x1b[K');
  const quiet: string[] = [];
  progressBar(PROGRESS_MIN_BYTES * 2, { isTTY: false, write: (s: string) => quiet.push(s) }).add(PROGRESS_MIN_BYTES);
  progressBar(1000, { isTTY: true, write: (s: string) => quiet.push(s) }).add(500);
  assert.equal(quiet, []);
});

test('Parquet -> Parquet: values kept, codec and page version changed; the codec kept by default', async () => {
  const dir = scratch();
  const input = join(dir, 'in.parquet');
  writeFileSync(input, encodeParquet(sampleTable(5000), { compression: 'SNAPPY', rowGroupSize: 2000 }));
  const output = join(dir, 'out.parquet');
  converted(input, output, '--compression', 'GZIP', '--level', '9', '--page-version', '2', '--encoding', 'user_id=DELTA_BINARY_PACKED');
  const expected = await rowsOf(input);
  assert.is(expected.length, 5000);
  assert.equal(await rowsOf(output), expected);
  const file = await footer(output);
  const chunks = file.metadata.row_groups.flatMap((g) => Array.from(g.columns));
  assert.ok(chunks.every((c) => c.meta_data!.codec === 2), 'every chunk GZIP');
  const userId = chunks.find((c) => c.meta_data!.path_in_schema[0] === 'user_id')!;
  assert.ok(userId.meta_data!.encodings.includes(5), 'DELTA_BINARY_PACKED');
  const kept = join(dir, 'kept.parquet');
  converted(input, kept);
  assert.ok((await footer(kept)).metadata.row_groups.every((g) => Array.from(g.columns).every((c) => c.meta_data!.codec === 1)), 'SNAPPY kept');
  // A corpus file with INT96 timestamps, dictionary pages and nulls, re-encoded: equal, INT96 still INT96.
  const corpusFile = join(corpus, 'data/alltypes_plain.parquet');
  const again = join(dir, 'alltypes.parquet');
  converted(corpusFile, again, '--compression', 'LZ4_RAW');
  assert.equal(await rowsOf(again), await rowsOf(corpusFile));
  assert.is((await footer(again)).schema.leaves.find((l) => l.name === 'timestamp_col')!.physicalType, 'INT96');
});

test('CSV -> Parquet: inferred types, quoted fields, empty cells as nulls', async () => {
  const dir = scratch();
  const csv = join(dir, 'in.csv');
  writeFileSync(
    csv,
    'id,name,price,ok,when,day,note\r\n' +
      '1,"Smith, J",1.5,true,2024-01-02T03:04:05Z,2024-01-02,"two\nlines"\r\n' +
      '2,"He said ""hi""",,false,2024-01-02T03:04:05.123456Z,2024-02-29,\r\n' +
      '3,plain,-3e2,TRUE,2024-01-02T03:04:05+02:00,1999-12-31,""\r\n',
  );
  const output = join(dir, 'out.parquet');
  converted(csv, output);
  const file = await footer(output);
  assert.equal(
    file.arrowSchema.fields.map((f) => `${f.name} ${f.type} ${f.nullable ? 'null' : 'required'}`),
    ['id Int64 required', 'name Utf8 required', 'price Float64 null', 'ok Bool required', 'when Timestamp<MICROSECOND, UTC> required', 'day Date32<DAY> required', 'note Utf8 null'],
  );
  assert.equal(await rowsOf(output), [
    { id: 1, name: 'Smith, J', price: 1.5, ok: true, when: '2024-01-02T03:04:05.000000Z', day: '2024-01-02', note: 'two\nlines' },
    { id: 2, name: 'He said "hi"', price: null, ok: false, when: '2024-01-02T03:04:05.123456Z', day: '2024-02-29', note: null },
    { id: 3, name: 'plain', price: -300, ok: true, when: '2024-01-02T01:04:05.000000Z', day: '1999-12-31', note: '' },
  ]);
  // Back to CSV through cat's formatter.
  const back = join(dir, 'back.csv');
  converted(output, back);
  assert.is(
    readFileSync(back, 'utf8'),
    'id,name,price,ok,when,day,note\n1,"Smith, J",1.5,true,2024-01-02T03:04:05.000000Z,2024-01-02,"two\nlines"\n2,"He said ""hi""",,false,2024-01-02T03:04:05.123456Z,2024-02-29,\n3,plain,-300,true,2024-01-02T01:04:05.000000Z,1999-12-31,""\n',
  );
});

test('CSV -> Parquet streams past the inference sample in batches; a late misfit names its line', async () => {
  const dir = scratch();
  const lines = ['n,x,label'];
  for (let i = 0; i < 150_000; i++) lines.push(`${i},${i % 7 === 0 ? '' : (i / 4).toString()},"l${i % 13}"`);
  writeFileSync(join(dir, 'big.csv'), `${lines.join('\n')}\n`);
  converted(join(dir, 'big.csv'), join(dir, 'big.parquet'), '--row-group-size', '40000');
  const rows = await rowsOf(join(dir, 'big.parquet'));
  assert.is(rows.length, 150_000);
  assert.equal(rows[149_999], { n: 149_999, x: 149_999 / 4, label: `l${149_999 % 13}` });
  assert.equal(rows[7], { n: 7, x: null, label: 'l7' });
  assert.is(rows.reduce((s, r) => s + (r.n as number), 0), (149_999 * 150_000) / 2);
  assert.is((await footer(join(dir, 'big.parquet'))).metadata.row_groups.length, 4);

  lines[2500] = '2499,abc,"l"';
  writeFileSync(join(dir, 'late.csv'), `${lines.join('\n')}\n`);
  const failed = run('convert', join(dir, 'late.csv'), join(dir, 'late.parquet'));
  assert.is(failed.status, 1);
  assert.is(failed.stderr, 'parquetry: INVALID_ARGUMENT: line 2501, column x: "abc" is not a float64 (the schema was inferred from the first 1000 rows; pass --schema to give it)\n');
  assert.equal(readdirSync(dir).sort(), ['big.csv', 'big.parquet', 'late.csv']);

  // JSON lines: a key no row of the sample had, and an integer column meeting a fraction.
  const json = Array.from({ length: 1500 }, (_, i) => JSON.stringify({ n: i, s: `r${i}` }));
  json[1200] = '{"n": 1200, "s": "x", "extra": true}';
  writeFileSync(join(dir, 'late.jsonl'), `${json.join('\n')}\n`);
  const extra = run('convert', join(dir, 'late.jsonl'), join(dir, 'late.parquet'));
  assert.is(extra.stderr, 'parquetry: INVALID_ARGUMENT: line 1201: field "extra" is not in the schema (the schema was inferred from the first 1000 rows; pass --schema to give it)\n');
  json[1200] = '{"n": 1200.5, "s": "x"}';
  writeFileSync(join(dir, 'late.jsonl'), `${json.join('\n')}\n`);
  const fraction = run('convert', join(dir, 'late.jsonl'), join(dir, 'late.parquet'));
  assert.is(fraction.stderr, 'parquetry: INVALID_ARGUMENT: line 1201, column n: 1200.5 is not an int64 (the schema was inferred from the first 1000 rows; pass --schema to give it)\n');
  assert.ok(!existsSync(join(dir, 'late.parquet')));
});

test('JSON lines -> Parquet: nested objects and arrays, big integers, read back equal', async () => {
  const dir = scratch();
  const rows = [
    '{"id": 1, "user": {"name": "a", "tags": ["x", "y"], "geo": {"lat": 1.5, "lon": -2.25}}, "scores": [1.5, 2], "big": 9007199254740993, "at": "2024-01-01T00:00:00Z"}',
    '{"id": 2, "user": {"name": "b", "tags": [], "geo": null}, "scores": null, "big": -9223372036854775808, "at": "2024-06-01T12:30:00.25Z"}',
    '',
    '{"id": 3, "user": null, "scores": [], "big": 1, "at": null}',
    '{"id": 4, "user": {"name": "\\u00e9\\n", "tags": ["z"], "geo": {"lat": 0, "lon": 0}}, "scores": [-0.5, 1e300], "big": 0}',
  ];
  writeFileSync(join(dir, 'in.jsonl'), `${rows.join('\r\n')}\n`);
  converted(join(dir, 'in.jsonl'), join(dir, 'out.parquet'));
  const file = await footer(join(dir, 'out.parquet'));
  assert.equal(file.arrowSchema.fields.map((f) => `${f.name}: ${f.type}${f.nullable ? '?' : ''}`), [
    'id: Int64',
    'user: Struct<{name:Utf8, tags:List<Utf8>, geo:Struct<{lat:Float64, lon:Float64}>}>?',
    'scores: List<Float64>?',
    'big: Int64',
    'at: Timestamp<MICROSECOND, UTC>?',
  ]);
  assert.equal(await rowsOf(join(dir, 'out.parquet')), [
    { id: 1, user: { name: 'a', tags: ['x', 'y'], geo: { lat: 1.5, lon: -2.25 } }, scores: [1.5, 2], big: '9007199254740993', at: '2024-01-01T00:00:00.000000Z' },
    { id: 2, user: { name: 'b', tags: [], geo: null }, scores: null, big: '-9223372036854775808', at: '2024-06-01T12:30:00.250000Z' },
    { id: 3, user: null, scores: [], big: 1, at: null },
    { id: 4, user: { name: 'é\n', tags: ['z'], geo: { lat: 0, lon: 0 } }, scores: [-0.5, 1e300], big: 0, at: null },
  ]);
  // Parquet -> JSON lines -> Parquet gives the same values (big integers travel as decimal strings).
  converted(join(dir, 'out.parquet'), join(dir, 'back.jsonl'));
  assert.is(readFileSync(join(dir, 'back.jsonl'), 'utf8').split('\n')[2], '{"id":3,"user":null,"scores":[],"big":1,"at":null}');
  writeFileSync(join(dir, 'schema.json'), JSON.stringify({ fields: file.arrowSchema.fields.map((f) => ({ name: f.name, nullable: f.nullable, type: f.name === 'user' ? { struct: [{ name: 'name', type: 'utf8', nullable: false }, { name: 'tags', type: { list: 'utf8', nullable: false }, nullable: false }, { name: 'geo', type: { struct: [{ name: 'lat', type: 'float64', nullable: false }, { name: 'lon', type: 'float64', nullable: false }] } }] } : f.name === 'scores' ? { list: 'float64', nullable: false } : f.name === 'at' ? 'timestamp[us, UTC]' : 'int64' })) }));
  converted(join(dir, 'back.jsonl'), join(dir, 'again.parquet'), '--schema', join(dir, 'schema.json'));
  assert.equal(await rowsOf(join(dir, 'again.parquet')), await rowsOf(join(dir, 'out.parquet')));
});

test('Arrow IPC <-> Parquet: file and stream formats, equal values both ways', async () => {
  const dir = scratch();
  const input = join(dir, 'in.parquet');
  writeFileSync(input, encodeParquet(sampleTable(3000), { compression: 'GZIP' }));
  converted(input, join(dir, 'out.arrow'));
  converted(input, join(dir, 'out.arrows'));
  const fromFile = tableFromIPC(readFileSync(join(dir, 'out.arrow')));
  const fromStream = tableFromIPC(readFileSync(join(dir, 'out.arrows')));
  assert.is(readFileSync(join(dir, 'out.arrow')).subarray(0, 6).toString(), 'ARROW1');
  assert.is(readFileSync(join(dir, 'out.arrows')).subarray(0, 4).readInt32LE(0), -1, 'a stream starts with a continuation marker');
  assert.is(fromFile.numRows, 3000);
  assert.is(fromStream.numRows, 3000);
  assert.is(fromFile.getChild('user_id')!.get(2999), sampleTable(3000).getChild('user_id')!.get(2999));
  assert.is(fromFile.schema.fields.find((f) => f.name === 'event_time')!.typeId, Type.Timestamp);
  converted(join(dir, 'out.arrow'), join(dir, 'back.parquet'));
  converted(join(dir, 'out.arrows'), join(dir, 'back2.parquet'), '--compression', 'UNCOMPRESSED');
  const expected = await rowsOf(input);
  assert.equal(await rowsOf(join(dir, 'back.parquet')), expected);
  assert.equal(await rowsOf(join(dir, 'back2.parquet')), expected);
  // CSV straight to Arrow IPC, too.
  writeFileSync(join(dir, 'small.csv'), 'a,b\n1,x\n,y\n');
  converted(join(dir, 'small.csv'), join(dir, 'small.arrow'));
  assert.equal(tableFromIPC(readFileSync(join(dir, 'small.arrow'))).toArray().map((r) => r.toJSON()), [{ a: 1n, b: 'x' }, { a: null, b: 'y' }]);
});

test('explicit --schema: narrow integers, UTC milliseconds, lists and structs from CSV cells', async () => {
  const dir = scratch();
  writeFileSync(
    join(dir, 'schema.json'),
    JSON.stringify({
      fields: [
        { name: 'id', type: 'int32', nullable: false },
        { name: 'at', type: 'timestamp[ms, UTC]' },
        { name: 'tags', type: { list: 'utf8' } },
        { name: 'p', type: { struct: [{ name: 'x', type: 'float32' }] } },
        { name: 'u', type: 'uint8' },
      ],
    }),
  );
  writeFileSync(join(dir, 'in.csv'), 'u,id,at,tags,p\n255,7,2024-01-01T00:00:00.5Z,"[""a"",null]","{""x"": 0.5}"\n,-8,,[],\n');
  converted(join(dir, 'in.csv'), join(dir, 'out.parquet'), '--schema', join(dir, 'schema.json'));
  const file = await footer(join(dir, 'out.parquet'));
  assert.equal(file.arrowSchema.fields.map((f) => `${f.name}: ${f.type}${f.nullable ? '?' : ''}`), ['id: Int32', 'at: Timestamp<MILLISECOND, UTC>?', 'tags: List<Utf8>?', 'p: Struct<{x:Float32}>?', 'u: Uint8?']);
  assert.equal(await rowsOf(join(dir, 'out.parquet')), [
    { id: 7, at: '2024-01-01T00:00:00.500Z', tags: ['a', null], p: { x: 0.5 }, u: 255 },
    { id: -8, at: null, tags: [], p: null, u: null },
  ]);
});

test('errors: one line, exit 1, and no output file (nor a temporary one) left behind', () => {
  const dir = scratch();
  writeFileSync(join(dir, 'schema.json'), '{"fields": [{"name": "id", "type": "int64", "nullable": false}, {"name": "v", "type": "utf8"}]}');
  writeFileSync(join(dir, 'in.csv'), 'id,v\n1,a\n2,b\n3.5,c\n');
  writeFileSync(join(dir, 'in.jsonl'), '{"id": 1, "v": "a"}\n{"id": 2, "v": "b", "w": 1}\n');
  writeFileSync(join(dir, 'nulls.csv'), 'id,v\n1,a\n,b\n');
  const before = readdirSync(dir).sort();
  for (const [args, message] of [
    [['in.csv', 'out.parquet', '--schema', 'schema.json'], /^parquetry: INVALID_ARGUMENT: line 4, column id: "3\.5" is not an int64\n$/],
    [['nulls.csv', 'out.parquet', '--schema', 'schema.json'], /^parquetry: INVALID_ARGUMENT: line 3, column id: a null in a non-nullable column\n$/],
    [['in.jsonl', 'out.parquet', '--schema', 'schema.json'], /^parquetry: INVALID_ARGUMENT: line 2: field "w" is not in the schema\n$/],
    [['in.csv', 'out.parquet', '--schema', 'schema.json', '--to', 'arrow'], /line 4, column id/],
    [['missing.csv', 'out.parquet'], /^parquetry: ENOENT: no such file or directory/],
    [['in.csv', 'out.xlsx'], /^parquetry: INVALID_ARGUMENT: cannot tell the format of out\.xlsx/],
    [['in.csv', 'out.parquet', '--encoding', 'id:PLAIN'], /--encoding takes COLUMN=ENCODING/],
    [['in.csv', 'out.parquet', '--encoding', 'v=DELTA_BINARY_PACKED'], /DELTA_BINARY_PACKED does not apply to BYTE_ARRAY/],
    [['in.jsonl', 'out.csv'], /csv output is written from Parquet input only/],
    [['in.csv', 'out.csv', '--from', 'parquet'], /^parquetry: (CORRUPT|TRUNCATED): /],
  ] as const) {
    const out = spawnSync(process.execPath, [bin, 'convert', ...args], { encoding: 'utf8', cwd: dir });
    assert.is(out.status, 1, args.join(' '));
    assert.match(out.stderr, message, args.join(' '));
    assert.is(out.stderr.split('\n').filter(Boolean).length, 1, out.stderr);
    assert.equal(readdirSync(dir).sort(), before, args.join(' '));
  }
  assert.ok(!existsSync(join(dir, 'out.parquet')));
});

/** A CSV file over the progress bar's threshold (~70 MiB), written once for the two tests below. */
let bigCsv: string | undefined;
function largeCsv(): string {
  if (bigCsv) return bigCsv;
  const path = join(scratch(), 'big.csv');
  const lines = ['id,user,score,note'];
  for (let i = 0; i < 1_100_000; i++) lines.push(`${i},user-${i % 9973},${(i * 0.37) % 1000},some text to make the line longer ${i * 7}`);
  writeFileSync(path, lines.join('\n') + '\n');
  assert.ok(readFileSync(path).length > PROGRESS_MIN_BYTES, 'the input is over the progress threshold');
  return (bigCsv = path);
}

test('on a terminal, a large conversion draws its progress bar on stderr, then erases it', () => {
  const input = largeCsv();
  const out = join(scratch(), 'out.parquet');
  // script(1) runs the command on a pseudo-terminal, so stderr is a TTY as at a shell.
  const command = [process.execPath, bin, 'convert', input, out].map((a) => `'${a}'`).join(' ');
  const tty = spawnSync('script', ['-qefc', command, '/dev/null'], { encoding: 'utf8', env: { ...process.env, COLUMNS: '100' } });
  assert.is(tty.status, 0, tty.stderr + tty.stdout);
  assert.match(tty.stdout, /\r\[[#.]{10,40}\] +\d+% [\d.]+\/[\d.]+ MiB [\d.]+ MiB\/s/);
  assert.match(tty.stdout, /\x1b\[K/);
  assert.match(tty.stdout, /parquetry: converted 1100000 rows/);
  assert.ok(existsSync(out));
});

test('SIGINT stops a conversion: exit 1, one line, and neither the output nor its temporary file is left', async () => {
  const input = largeCsv();
  const dir = scratch();
  const out = join(dir, 'out.parquet');
  const child = spawn(process.execPath, [bin, 'convert', input, out], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // Interrupted once the writer has its temporary file, i.e. in the middle of the work.
  const started = Date.now();
  while (!readdirSync(dir).some((name) => name.endsWith('.tmp'))) {
    if (Date.now() - started > 60_000) throw new Error('the conversion never started writing');
    await new Promise((r) => setTimeout(r, 10));
  }
  child.kill('SIGINT');
  assert.is(await exited, 1, stderr);
  assert.match(stderr, /^parquetry: .*interrupted by SIGINT; no output written\n$/);
  assert.equal(readdirSync(dir), []);
});

test('pyarrow reads a converted file as Parquetry wrote it', () => {
  const dir = scratch();
  writeFileSync(join(dir, 'in.jsonl'), '{"i": 1, "f": 0.5, "s": "a", "b": true, "t": "2024-01-02T03:04:05.000006Z", "l": [1, 2], "o": {"k": "v"}}\n{"i": -2, "f": null, "s": "é", "b": false, "t": null, "l": [], "o": null}\n');
  converted(join(dir, 'in.jsonl'), join(dir, 'out.parquet'), '--compression', 'GZIP', '--page-version', '2');
  const script = 'import json,sys,pyarrow.parquet as pq\nprint(json.dumps(pq.read_table(sys.argv[1]).to_pylist(), default=str, ensure_ascii=False))';
  const out = spawnSync(python, ['-c', script, join(dir, 'out.parquet')], { encoding: 'utf8' });
  assert.is(out.status, 0, out.stderr);
  assert.equal(JSON.parse(out.stdout), [
    { i: 1, f: 0.5, s: 'a', b: true, t: '2024-01-02 03:04:05.000006+00:00', l: [1, 2], o: { k: 'v' } },
    { i: -2, f: null, s: 'é', b: false, t: null, l: [], o: null },
  ]);
});

test.run();
