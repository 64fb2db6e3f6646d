import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { memorySource, openParquet } from '@parquetry/parquet';
import { parseArgs } from '../src/args.js';
import { parseWhere } from '../src/where.js';
import { civilFromDays, isoDate, isoTime, isoTimestamp } from '../src/civil.js';
import { decimalString, jsonText } from '../src/json-values.js';

const bin = fileURLToPath(new URL('../src/bin.js', import.meta.url));
const corpus = process.env.PARQUET_TEST_DATA ?? fileURLToPath(new URL('../../../../../shared/conformance/parquet-testing', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

test('dates and times by integer arithmetic, far past what Date holds', () => {
  assert.is(isoDate(0n), '1970-01-01');
  assert.is(isoDate(-1n), '1969-12-31');
  assert.is(isoDate(-719529n), '-000001-12-31');
  assert.is(isoDate(2932896n), '9999-12-31');
  assert.is(isoDate(2932897n), '+010000-01-01');
  assert.equal(civilFromDays(11017n), { year: 2000n, month: 3, day: 1 });
  assert.is(isoTime(45_296_789n, 'ms'), '12:34:56.789');
  assert.is(isoTimestamp(-1n, 'ms', false), '1969-12-31T23:59:59.999');
  assert.is(isoTimestamp(0n, 'us', true), '1970-01-01T00:00:00.000000Z');
  assert.is(isoTimestamp(9_223_372_036_854_775_807n, 'ns', false), '2262-04-11T23:47:16.854775807');
  assert.is(isoTimestamp(9_089_380_393_200_000_000n, 'us', true), '+290000-12-30T23:00:00.000000Z');
  // Every day of 1900..2100 agrees with Date.
  for (let d = -25567; d < 47482; d += 13) assert.is(isoDate(BigInt(d)), new Date(d * 86_400_000).toISOString().slice(0, 10));
});

test('decimals keep exactly scale digits; -0 prints as -0.0', () => {
  assert.is(decimalString(-5n, 3), '-0.005');
  assert.is(decimalString(12345n, 2), '123.45');
  assert.is(decimalString(-12n, 0), '-12');
  assert.is(decimalString(0n, 2), '0.00');
  assert.is(jsonText({ a: -0, b: [1, 'x', null], c: { d: 0.1 } }), '{"a":-0.0,"b":[1,"x",null],"c":{"d":0.1}}');
});

test('arguments: positional, --flag, --name value, --name=value; a missing value is refused', () => {
  const args = parseArgs(['cat', 'f.parquet', '--limit', '5', '--format=csv', '--debug'], new Set(['limit', 'format']));
  assert.equal(args.positional, ['cat', 'f.parquet']);
  assert.equal([...args.options], [['limit', '5'], ['format', 'csv'], ['debug', true]]);
  assert.throws(() => parseArgs(['--limit'], new Set(['limit'])), /needs a value/);
});

test('parquetry cat prints JSON lines and CSV; inspect --json is JSON', () => {
  const file = join(corpus, 'data/alltypes_plain.parquet');
  const jsonl = run('cat', file, '--limit', '2', '--columns', 'id,string_col');
  assert.is(jsonl.status, 0, jsonl.stderr);
  assert.is(jsonl.stdout, '{"id":4,"string_col":"MA=="}\n{"id":5,"string_col":"MQ=="}\n');
  const csv = run('cat', file, '--limit', '1', '--format', 'csv', '--columns', 'id,timestamp_col');
  assert.is(csv.stdout, 'id,timestamp_col\n4,2009-03-01T00:00:00.000000000\n');
  const inspect = run('inspect', file, '--json');
  const description = JSON.parse(inspect.stdout);
  assert.is(description.rows, 8);
  assert.is(description.rowGroups[0].columns.length, 11);
  assert.is(description.rowGroups[0].columns[0].codec, 'UNCOMPRESSED');
  assert.match(run('inspect', file).stdout, /optional INT96 timestamp_col/);
});

test('errors are one line on stderr with exit 1; --debug adds the stack', () => {
  const bad = run('cat', join(corpus, 'data/nation.dict-malformed.parquet'));
  assert.is(bad.status, 1);
  assert.match(bad.stderr, /^parquetry: TRUNCATED: .* at row group 0, column name, page 1, offset \d+\n$/);
  const missing = run('cat', '/nonexistent.parquet');
  assert.is(missing.status, 1);
  assert.is(missing.stderr.split('\n').filter(Boolean).length, 1);
  const debug = run('cat', join(corpus, 'data/nation.dict-malformed.parquet'), '--debug');
  assert.match(debug.stderr, /\n\s+at /);
  const usage = run('frobnicate', 'x');
  assert.is(usage.status, 1);
  assert.match(usage.stderr, /unknown command frobnicate/);
});

test('--where parses into typed predicates; mistakes are one clear error', async () => {
  const file = await openParquet(memorySource(readFileSync(join(corpus, 'data/alltypes_tiny_pages.parquet'))));
  const big = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? `${x}n` : x));
  assert.is(big(parseWhere('id = 42', file)), '{"op":"eq","column":"id","value":42}');
  assert.is(big(parseWhere('bigint_col >= 10 and id < 5', file)), '{"op":"and","predicates":[{"op":"ge","column":"bigint_col","value":"10n"},{"op":"lt","column":"id","value":5}]}');
  assert.equal(parseWhere("string_col in ('a', 'it''s') or not (id between 1 and 3)", file), {
    op: 'or',
    predicates: [
      { op: 'in', column: 'string_col', values: ['a', "it's"] },
      { op: 'not', predicate: { op: 'between', column: 'id', low: 1, high: 3 } },
    ],
  });
  assert.is(big(parseWhere('float_col is not null and bool_col = true', file)), '{"op":"and","predicates":[{"op":"isNotNull","column":"float_col"},{"op":"eq","column":"bool_col","value":true}]}');
  assert.is(big(parseWhere('id not in (1, 2)', file)), '{"op":"not","predicate":{"op":"in","column":"id","values":[1,2]}}');
  for (const [bad, message] of [
    ['nope = 1', /no column nope/],
    ["id = 'x'", /does not fit column id/],
    ['id = 1.5', /does not fit column id/],
    ['id =', /expected a value/],
    ['id = 1 and', /expected a column/],
    ['(id = 1', /expected "\)"/],
    ['id = 1 id = 2', /the end of the expression/],
    ['id ~ 2', /cannot read/],
  ] as const) {
    assert.throws(() => parseWhere(bad, file), (error: Error) => message.test(error.message), bad);
  }
});

test('parquetry cat --where --stats prints the matching rows and what was skipped', () => {
  const file = join(corpus, 'data/alltypes_tiny_pages.parquet');
  const out = run('cat', file, '--where', 'id between 100 and 102', '--columns', 'id', '--stats');
  assert.is(out.status, 0, out.stderr);
  assert.is(out.stdout, '{"id":100}\n{"id":101}\n{"id":102}\n');
  assert.match(out.stderr, /^bytes read: \d+ /m);
  const skipped = Number(/^pages skipped: (\d+)/m.exec(out.stderr)?.[1]);
  assert.ok(skipped > 100, out.stderr);
  assert.match(out.stderr, /^rows: 3$/m);
});

test.run();
