// Node only: the corpus's page indexes decoded by @parquetry/page-index equal the dumps the corpus
// documents (parquet-cli's column-index output in int32_with_null_pages.md and
// fixed_length_byte_array.md): boundary order, null counts, min/max per page, page locations.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkColumnIndex, checkOffsetIndex, decodeColumnIndex, decodeOffsetIndex } from '@parquetry/page-index';
import { memorySource, openParquet } from '@parquetry/parquet';
import { BOUNDARY_ORDER, listAt } from '@parquetry/thrift';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { corpusRoot } from '../lib/python.js';

const pageIndex = suite('page index: the corpus dumps');

interface Dump {
  boundary: string;
  pages: Array<{ nulls: number; min: string; max: string }>;
  locations: Array<{ offset: number; size: number; firstRow: number }>;
}

function readDump(name: string): Dump {
  const text = readFileSync(join(corpusRoot(), 'data', name), 'utf8');
  const boundary = /Boundary order: (\w+)/.exec(text)![1];
  const [columnPart, offsetPart] = text.split('offset index for column');
  const pages = [...columnPart.matchAll(/^page-\d+\s+(\d+)\s+(\S+)\s+(\S+)\s*$/gm)].map((m) => ({ nulls: Number(m[1]), min: m[2], max: m[3] }));
  const locations = [...offsetPart.matchAll(/^page-\d+\s+(\d+)\s+(\d+)\s+(\d+)/gm)].map((m) => ({ offset: Number(m[1]), size: Number(m[2]), firstRow: Number(m[3]) }));
  return { boundary, pages, locations };
}

const asInt32 = (b: Uint8Array) => String(new DataView(b.buffer, b.byteOffset, 4).getInt32(0, true));
const asHex = (b: Uint8Array) => `0x${Array.from(b, (x) => x.toString(16).toUpperCase().padStart(2, '0')).join('')}`;

for (const [parquet, dump, format] of [
  ['int32_with_null_pages.parquet', 'int32_with_null_pages.md', asInt32],
  ['fixed_length_byte_array.parquet', 'fixed_length_byte_array.md', asHex],
] as const) {
  pageIndex(`${parquet} matches ${dump}`, async () => {
    const bytes = readFileSync(join(corpusRoot(), 'data', parquet));
    const file = await openParquet(memorySource(bytes));
    const rowGroup = file.metadata.row_groups[0];
    const chunk = listAt(rowGroup.columns, 0);
    const ci = decodeColumnIndex(bytes.subarray(chunk.column_index_offset!, chunk.column_index_offset! + chunk.column_index_length!));
    const oi = decodeOffsetIndex(bytes.subarray(chunk.offset_index_offset!, chunk.offset_index_offset! + chunk.offset_index_length!));
    const expected = readDump(dump);
    assert.is(expected.pages.length, 10);
    checkColumnIndex(ci, expected.pages.length);
    const meta = chunk.meta_data!;
    checkOffsetIndex(oi, rowGroup.num_rows, meta.dictionary_page_offset ?? meta.data_page_offset, (meta.dictionary_page_offset ?? meta.data_page_offset) + meta.total_compressed_size);
    assert.is(BOUNDARY_ORDER[ci.boundary_order], expected.boundary);
    assert.equal(
      ci.null_pages.map((nullPage, i) => ({ nulls: ci.null_counts![i], min: nullPage ? '<none>' : format(ci.min_values[i]), max: nullPage ? '<none>' : format(ci.max_values[i]) })),
      expected.pages,
    );
    assert.equal(
      oi.page_locations.map((p) => ({ offset: p.offset, size: p.compressed_page_size, firstRow: p.first_row_index })),
      expected.locations,
    );
  });
}

pageIndex.run();
