// Node only: the reader's API on a file pyarrow writes at test time (10 row groups of 100 rows,
// with statistics): projections, row ranges, readObjects, and row-group pruning, checked sound
// (never drops a row group holding a match) on random predicates and exact on sorted columns.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  and,
  between,
  eq,
  ge,
  gt,
  isIn,
  isNotNull,
  isNull,
  lt,
  memorySource,
  ne,
  not,
  openParquet,
  or,
  pruneRowGroups,
  readArrow,
  readObjects,
  readTable,
  type ParquetFile,
  type Predicate,
  type Scalar,
} from '@parquetry/parquet';
import { jsonRows, jsonText } from '@parquetry/cli';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { matches } from '../lib/predicate-eval.js';
import { throwsParquetry } from '../lib/expect.js';
import { ourRows } from '../lib/rows-compare.js';
import { corpusRoot, runReference } from '../lib/python.js';
import { rng } from '../lib/random.js';

const api = suite('reader API: projections, ranges, objects, pruning');
let dir = '';
let file: ParquetFile;
let rows: Array<Record<string, unknown>>;

api.before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parquetry-api-'));
  runReference('write_stats_file.py', [join(dir, 'stats.parquet')]);
  file = await openParquet(memorySource(readFileSync(join(dir, 'stats.parquet'))));
  rows = await readObjects(file);
});
api.after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

api('readObjects returns every row with JS values; a projection reads only its columns', async () => {
  assert.is(rows.length, 1000);
  assert.equal(rows[7], { id: 7n, u: 3_999_999_993, f: Math.fround(0.7), s: 'k0007', n: null, b: false, t: rows[7].t });
  assert.is(rows[301].n, null);
  const table = await readTable(file, { columns: ['s', 'id'] });
  assert.equal(table.schema.fields.map((f) => f.name), ['s', 'id']);
  assert.is(table.getChild('s')!.get(999), 'k0999');
});

api('rowRange reads rows [start, end) across row groups; bad ranges are refused', async () => {
  const table = await readTable(file, { rowRange: { start: 150, end: 420 }, columns: ['id'] });
  assert.is(table.numRows, 270);
  assert.is(table.getChild('id')!.get(0), 150n);
  assert.is(table.getChild('id')!.get(269), 419n);
  assert.is((await readTable(file, { rowRange: { start: 995 } })).numRows, 5);
  assert.is((await readTable(file, { rowRange: { start: 2000 } })).numRows, 0);
  for (const bad of [{ start: -1 }, { start: 5, end: 2 }, { start: 1.5 }]) {
    try {
      await readTable(file, { rowRange: bad });
      assert.unreachable(`${JSON.stringify(bad)} accepted`);
    } catch (error) {
      assert.is((error as { code?: string }).code, 'INVALID_ARGUMENT');
    }
  }
});

api('pruning is exact on sorted columns and respects unsigned, NaN and null statistics', () => {
  assert.equal(pruneRowGroups(file, eq('id', 250n)), [2]);
  assert.equal(pruneRowGroups(file, eq('id', 250)), [2]);
  assert.equal(pruneRowGroups(file, between('id', 150, 420)), [1, 2, 3, 4]);
  assert.equal(pruneRowGroups(file, lt('id', 100)), [0]);
  assert.equal(pruneRowGroups(file, ge('id', 900)), [9]);
  assert.equal(pruneRowGroups(file, isIn('s', ['k0005', 'k0990', 'zzz'])), [0, 9]);
  assert.equal(pruneRowGroups(file, gt('s', 'k0899')), [9]);
  // uint32 descending from 4e9: the unsigned order, not the signed one the bits would give.
  assert.equal(pruneRowGroups(file, ge('u', 3_999_999_950)), [0]);
  assert.equal(pruneRowGroups(file, isNull('n')).includes(3), true);
  assert.equal(pruneRowGroups(file, isNotNull('n')).includes(3), false);
  assert.equal(pruneRowGroups(file, eq('n', 5)).includes(3), false);
  // Float statistics leave NaN out: they still bound the other values, but say nothing of NaN.
  assert.equal(pruneRowGroups(file, eq('f', 25)), [2]);
  assert.is(pruneRowGroups(file, eq('f', Number.NaN)).length, 10);
  assert.equal(pruneRowGroups(file, and(ge('id', 100), lt('id', 300), eq('b', true))), [1, 2]);
  assert.equal(pruneRowGroups(file, or(eq('id', 5), eq('id', 995))), [0, 9]);
  assert.equal(pruneRowGroups(file, ne('b', false)).length, 10);
  throwsParquetry(() => pruneRowGroups(file, eq('nope', 1)), 'INVALID_ARGUMENT', 'unknown column');
  throwsParquetry(() => pruneRowGroups(file, eq('id', 'x')), 'INVALID_ARGUMENT', 'string for int64');
});

api('pruning never drops a row group that holds a matching row (2,000 random predicates)', () => {
  const next = rng(99);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
  const leaf = (): Predicate => {
    const column = pick(['id', 'u', 'f', 's', 'n', 'b']);
    const value = (): Scalar =>
      column === 's' ? `k${String(Math.floor(next() * 1100)).padStart(4, '0')}` : column === 'b' ? next() < 0.5 : column === 'u' ? 4_000_000_000 - Math.floor(next() * 1100) : column === 'f' ? Math.floor(next() * 1100) / 10 : Math.floor(next() * 1100) - 50;
    const op = pick(['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'in', 'between', 'isNull', 'isNotNull'] as const);
    if (op === 'in') return isIn(column, [value(), value(), value()]);
    if (op === 'between') return between(column, value(), value());
    if (op === 'isNull') return isNull(column);
    if (op === 'isNotNull') return isNotNull(column);
    return { op, column, value: value() };
  };
  const predicate = (depth: number): Predicate => {
    if (depth === 0 || next() < 0.5) return leaf();
    const k = pick(['and', 'or', 'not'] as const);
    return k === 'not' ? not(predicate(depth - 1)) : { op: k, predicates: [predicate(depth - 1), predicate(depth - 1)] };
  };
  let pruned = 0;
  for (let i = 0; i < 2000; i++) {
    const p = predicate(2);
    const kept = new Set(pruneRowGroups(file, p));
    pruned += 10 - kept.size;
    for (let r = 0; r < rows.length; r++) {
      if (matches(rows[r], p) && !kept.has(Math.floor(r / 100))) assert.unreachable(`${JSON.stringify(p, (k, v) => (typeof v === 'bigint' ? String(v) : v))} drops row ${r}`);
    }
  }
  assert.ok(pruned > 2000, `only ${pruned} row groups pruned in 2,000 predicates`);
});

api('batches: batchSize splits row groups; nested files read in batches of 1 and 3 equal a whole read', async () => {
  const ids: bigint[] = [];
  let batches = 0;
  for await (const batch of readArrow(file, { batchSize: 37, columns: ['id'] })) {
    assert.ok(batch.numRows <= 37);
    ids.push(...(batch.getChild('id')!.toArray() as BigInt64Array));
    batches++;
  }
  assert.is(batches, 30);
  assert.equal(ids, Array.from({ length: 1000 }, (_, i) => BigInt(i)));
  for (const name of ['nested_lists.snappy', 'nested_maps.snappy', 'nullable.impala', 'old_list_structure', 'list_columns', 'null_list', 'repeated_primitive_no_list', 'nested_structs.rust', 'overflow_i16_page_cnt']) {
    const bytes = readFileSync(join(corpusRoot(), 'data', `${name}.parquet`));
    const whole = await ourRows(memorySource(bytes), Infinity);
    for (const batchSize of [1, 3]) {
      const parquet = await openParquet(memorySource(bytes), { int96Unit: 'raw' });
      const lines: string[] = [];
      for await (const batch of readArrow(parquet, { batchSize })) {
        assert.ok(batch.numRows <= batchSize);
        for (const row of jsonRows(batch, parquet.plans)) lines.push(jsonText(row));
      }
      assert.equal(lines, whole, `${name} in batches of ${batchSize}`);
    }
  }
});

api('a 2 GiB string column (large_string_map.brotli) streams one 1 GiB row per batch; the default page cap refuses it', async () => {
  const bytes = readFileSync(join(corpusRoot(), 'data/large_string_map.brotli.parquet'));
  const big = await openParquet(memorySource(bytes));
  try {
    await readTable(big);
    assert.unreachable('read past the 1 GiB page cap');
  } catch (error) {
    assert.is((error as { code?: string }).code, 'LIMIT');
  }
  let rows = 0;
  for await (const batch of readArrow(big, { maxPageSize: 2 ** 31 })) {
    assert.is(batch.numRows, 1);
    const map = batch.getChildAt(0)!.data[0];
    const entries = map.children[0];
    const keys = entries.children[0];
    assert.is(map.valueOffsets[1] - map.valueOffsets[0], 1);
    assert.is(keys.valueOffsets[1] - keys.valueOffsets[0], 2 ** 30);
    assert.is(keys.values[0], 97); // 'a'
    assert.is((entries.children[1].values as Int32Array)[0], 1);
    rows++;
  }
  assert.is(rows, 2);
});

api.run();
