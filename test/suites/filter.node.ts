// Node only: filtered reads (row groups by statistics, pages by the page index, then rows one by
// one) return exactly the rows a full read filtered afterwards returns, on files pyarrow writes
// with page indexes (data pages v1 and v2, small pages, nested columns beside the filtered ones)
// and on the corpus's page-indexed files; and a selective filter reads only a few pages.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsonRows, jsonText } from '@parquetry/cli';
import {
  between,
  emptyReadStats,
  eq,
  ge,
  gt,
  isIn,
  isNotNull,
  isNull,
  lt,
  memorySource,
  not,
  openParquet,
  readArrow,
  readObjects,
  type ParquetFile,
  type Predicate,
  type Scalar,
} from '@parquetry/parquet';
import { listAt } from '@parquetry/thrift';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { matches } from '../lib/predicate-eval.js';
import { corpusRoot, runReference } from '../lib/python.js';
import { rng } from '../lib/random.js';

const filter = suite('filtered reads: row groups, pages, rows');
let dir = '';
filter.before(() => {
  dir = mkdtempSync(join(tmpdir(), 'parquetry-filter-'));
  runReference('write_filter_file.py', [dir]);
});
filter.after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function rowsText(file: ParquetFile, predicate?: Predicate): Promise<string[]> {
  const out: string[] = [];
  for await (const batch of readArrow(file, predicate ? { filter: predicate } : {})) for (const row of jsonRows(batch, file.plans)) out.push(jsonText(row));
  return out;
}

async function expectSame(file: ParquetFile, all: Array<Record<string, unknown>>, allText: string[], predicate: Predicate, what: string): Promise<void> {
  const want = allText.filter((_, i) => matches(all[i], predicate));
  const got = await rowsText(file, predicate);
  if (got.length !== want.length || got.some((line, i) => line !== want[i])) {
    const i = got.findIndex((line, k) => line !== want[k]);
    assert.unreachable(`${what} ${JSON.stringify(predicate, (k, v) => (typeof v === 'bigint' ? `${v}n` : v))}: ${got.length} rows, want ${want.length}; first difference at ${i}:\n  got  ${got[i]}\n  want ${want[i]}`);
  }
}

for (const version of ['1', '2']) {
  filter(`data page v${version}: 400 random predicates read the same rows as a full read filtered afterwards`, async () => {
    const bytes = readFileSync(join(dir, `filter-v${version}.parquet`));
    const file = await openParquet(memorySource(bytes));
    const all = await readObjects(file);
    const allText = await rowsText(file);
    const next = rng(Number(version) * 17);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
    const leaf = (): Predicate => {
      const column = pick(['id', 'x', 's', 'f', 'flag', 'st.a', 'st.b']);
      const value = (): Scalar =>
        column === 'id' ? BigInt(Math.floor(next() * 10_500) - 100) : column === 's' ? `s${String(Math.floor(next() * 10_500)).padStart(5, '0')}` : column === 'st.b' ? `b${Math.floor(next() * 8)}` : column === 'flag' ? next() < 0.5 : column === 'f' ? next() * 12 - 6 : Math.floor(next() * 2200) - 1100;
      const op = pick(['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'in', 'between', 'isNull', 'isNotNull'] as const);
      if (op === 'in') return isIn(column, [value(), value(), value()]);
      if (op === 'between') return between(column, value(), value());
      if (op === 'isNull') return isNull(column);
      if (op === 'isNotNull') return isNotNull(column);
      return { op, column, value: value() } as Predicate;
    };
    const predicate = (depth: number): Predicate => {
      if (depth === 0 || next() < 0.45) return leaf();
      const k = pick(['and', 'and', 'or', 'not'] as const);
      return k === 'not' ? not(predicate(depth - 1)) : { op: k, predicates: [predicate(depth - 1), predicate(depth - 1)] };
    };
    for (let i = 0; i < 400; i++) await expectSame(file, all, allText, predicate(2), `v${version} #${i}`);
  });
}

filter('a point lookup on the sorted id reads one page per column and far fewer bytes', async () => {
  const bytes = readFileSync(join(dir, 'filter-v1.parquet'));
  const full = memorySource(bytes);
  const everything = await openParquet(full);
  const fullBytesBefore = full.bytesRead;
  await rowsText(everything);
  const fullRead = full.bytesRead - fullBytesBefore;
  const source = memorySource(bytes);
  const file = await openParquet(source);
  const footer = source.bytesRead;
  const stats = emptyReadStats();
  const rows: string[] = [];
  for await (const batch of readArrow(file, { filter: eq('id', 4242n), stats })) for (const row of jsonRows(batch, file.plans)) rows.push(jsonText(row));
  assert.is(rows.length, 1);
  assert.match(rows[0], /^\{"id":4242,/);
  assert.is(stats.rowGroupsSkipped, 3);
  assert.is(stats.rowGroupsRead, 1);
  assert.ok(stats.pagesSkipped > 5 * stats.pagesRead, `${stats.pagesSkipped} pages skipped, ${stats.pagesRead} read`);
  const read = source.bytesRead - footer;
  assert.ok(read * 10 < fullRead, `filtered read fetched ${read} bytes, the full read ${fullRead}`);
});

filter('pages written after a dictionary fell back to plain are read without the dictionary page', async () => {
  const bytes = readFileSync(join(dir, 'filter-fallback.parquet'));
  const file = await openParquet(memorySource(bytes));
  const all = await readObjects(file);
  const allText = await rowsText(file);
  // Each chunk's dictionary page: the bytes before its first data page.
  const columns = file.metadata.row_groups[0].columns;
  const dictionaries: Array<[number, number]> = [];
  for (let c = 0; c < columns.length; c++) {
    const meta = listAt(columns, c).meta_data!;
    assert.ok(meta.dictionary_page_offset !== undefined, `column ${c} has a dictionary page`);
    dictionaries.push([meta.dictionary_page_offset!, meta.data_page_offset]);
  }
  for (const [id, dictionaryPages] of [[9000n, false], [5n, true]] as const) {
    const reads: Array<[number, number]> = [];
    const inner = memorySource(bytes);
    const source = { ...inner, read: (offset: number, length: number) => (reads.push([offset, offset + length]), inner.read(offset, length)) };
    const lookup = await openParquet(source);
    reads.length = 0;
    const rows: string[] = [];
    for await (const batch of readArrow(lookup, { filter: eq('id', id) })) for (const row of jsonRows(batch, lookup.plans)) rows.push(jsonText(row));
    assert.equal(rows, [allText[Number(id)]]);
    // Which dictionary pages some read covered (all of them: a dictionary page is read whole or not at all).
    const read = dictionaries.map(([start, end]) => reads.some(([a, b]) => a <= start && end <= b));
    assert.equal(read, dictionaries.map(() => dictionaryPages), `id ${id}: dictionary pages read ${JSON.stringify(read)}, reads ${JSON.stringify(reads)}`);
    for (const [start, end] of dictionaries) {
      assert.ok(read.every(Boolean) || !reads.some(([a, b]) => a < end && start < b), `id ${id}: a read overlaps the dictionary page at ${start}`);
    }
  }
  const next = rng(5);
  for (let i = 0; i < 100; i++) {
    const lo = BigInt(Math.floor(next() * 10_000));
    const predicate = i % 2 ? eq('id', lo) : i % 3 ? between('id', lo, lo + 300n) : lt('x', Math.floor(next() * 2000) - 1000);
    await expectSame(file, all, allText, predicate, `fallback #${i}`);
  }
});

filter('the corpus files with page indexes filter like full reads', async () => {
  for (const [name, predicates] of [
    ['alltypes_tiny_pages.parquet', [eq('id', 1234), between('id', 100, 180), lt('int_col', 3), gt('date_string_col', '05/01/09')]],
    ['alltypes_tiny_pages_plain.parquet', [eq('id', 6000), ge('bigint_col', 60n)]],
    ['int32_with_null_pages.parquet', [isNull('int32_field'), eq('int32_field', 8), gt('int32_field', 1_000_000_000)]],
  ] as Array<[string, Predicate[]]>) {
    const file = await openParquet(memorySource(readFileSync(join(corpusRoot(), 'data', name))));
    const all = await readObjects(file);
    const allText = await rowsText(file);
    for (const p of predicates) await expectSame(file, all, allText, p, name);
  }
});

filter('bloom filters rule out values inside the min/max range (with and without bloom_filter_length)', async () => {
  for (const name of ['data_index_bloom_encoding_stats.parquet', 'data_index_bloom_encoding_with_length.parquet']) {
    const file = await openParquet(memorySource(readFileSync(join(corpusRoot(), 'data', name))));
    for (const [predicate, rows, skipped] of [
      [eq('String', 'Hello'), 1, 0],
      [eq('String', 'dog'), 1, 0],
      // between min "Hello" and max "today": only the bloom filter can rule these out
      [eq('String', 'Hellp'), 0, 1],
      [isIn('String', ['nope', 'other', 'jumpz']), 0, 1],
      [isIn('String', ['nope', 'jumps']), 1, 0],
    ] as Array<[Predicate, number, number]>) {
      const stats = emptyReadStats();
      let count = 0;
      for await (const batch of readArrow(file, { filter: predicate, stats })) count += batch.numRows;
      assert.is(count, rows, `${name} ${JSON.stringify(predicate)}`);
      assert.is(stats.rowGroupsSkipped, skipped, `${name} ${JSON.stringify(predicate)} skipped`);
    }
  }
});

filter.run();
