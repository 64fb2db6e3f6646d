// Pages whose definition levels are all at the maximum are read without decoding them: a chunk
// mixing such pages with pages that hold nulls (or empty lists) must read back exactly, whole and
// by row ranges, in both page versions.
import { Field, Float32, Int64, List, Table, vectorFromArray } from 'apache-arrow';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ParquetryError } from '@parquetry/core';
import { listAt } from '@parquetry/thrift';
import { between, encodeParquet, memorySource, openParquet, readTable } from '../src/index.js';
import { PageDecoder } from '../src/read/page-decoder.js';
import { readLevelsV2 } from '../src/read/levels.js';

const ROWS = 300;
/** Nulls only in rows 0..99 (the first of three 100-row pages); lists empty only in rows 200..299. */
const ints = Array.from({ length: ROWS }, (_, i) => (i < 100 && i % 7 === 0 ? null : BigInt(i * 3)));
const lists = Array.from({ length: ROWS }, (_, i) => (i >= 200 && i % 5 === 0 ? [] : [i, i + 0.5]));

function table(): Table {
  return new Table({
    n: vectorFromArray(ints, new Int64()),
    l: vectorFromArray(lists, new List(new Field('element', new Float32(), true))),
  });
}

for (const pageVersion of [1, 2] as const) {
  test(`page v${pageVersion}: pages without nulls between pages with them read back exactly`, async () => {
    const bytes = encodeParquet(table(), { pageRows: 100, pageVersion, compression: 'UNCOMPRESSED' });
    const file = await openParquet(memorySource(bytes));
    const back = await readTable(file);
    assert.equal(back.getChild('n')!.toArray().length, ROWS);
    for (let i = 0; i < ROWS; i++) {
      assert.is(back.getChild('n')!.get(i), ints[i], `n row ${i}`);
      const got = back.getChild('l')!.get(i);
      assert.equal(got === null ? null : Array.from(got.toArray() as Float32Array), lists[i], `l row ${i}`);
    }
    // Column n's pages: levels for the first (it has nulls), none for the other two.
    const meta = listAt(file.metadata.row_groups[0].columns, 0).meta_data!;
    const start = Number(meta.dictionary_page_offset ?? meta.data_page_offset);
    const pages = new PageDecoder(bytes.subarray(start, start + Number(meta.total_compressed_size)), start, meta, file.schema.leaves[0]);
    const levels: boolean[] = [];
    for (let page = pages.next(); page; page = pages.next()) levels.push(page.definitionLevels !== undefined);
    assert.equal(levels, [true, false, false]);
    // Rows by ranges, across the page with nulls and the one without (page index and offset index).
    const ranged = await readTable(file, { rowRange: { start: 90, end: 215 } });
    for (let i = 90; i < 215; i++) {
      assert.is(ranged.getChild('n')!.get(i - 90), ints[i], `ranged n row ${i}`);
      const got = ranged.getChild('l')!.get(i - 90);
      assert.equal(got === null ? null : Array.from(got.toArray() as Float32Array), lists[i], `ranged l row ${i}`);
    }
    const filtered = await readTable(file, { filter: between('n', 150n, 320n) });
    assert.equal(Array.from(filtered.getChild('n')!.toArray() as BigInt64Array), ints.filter((v) => v !== null && v >= 150n && v <= 320n));
  });
}

test('level runs whose header overflows 32 bits are CORRUPT, not a run of the maximum', () => {
  // header 82 80 80 80 10 = 2 + 2^32 (past 32 bits); then the run's value 1
  const bytes = Uint8Array.of(0x82, 0x80, 0x80, 0x80, 0x10, 0x01);
  assert.throws(() => readLevelsV2(bytes, 1, 1, true), (e: unknown) => ParquetryError.is(e) && e.code === 'CORRUPT');
  // the same run with a well-formed header (2 = one value of RLE) is skipped
  assert.is(readLevelsV2(Uint8Array.of(0x02, 0x01), 1, 1, true), undefined);
});

test.run();
