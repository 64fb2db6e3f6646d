// A whole-file read fetches the next row group's chunks while it decodes the current one. The
// read-ahead must not change what a reader sees: a failed fetch surfaces at its own row group
// (after every earlier batch), a reader that stops early leaves no unhandled rejection behind, and
// at most one row group is fetched ahead.
import { Float64, Int64, Table, vectorFromArray } from 'apache-arrow';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { listAt } from '@parquetry/thrift';
import type { ByteSource } from '../src/source/byte-source.js';
import { encodeParquet, memorySource, openParquet, readArrow, type ParquetFile } from '../src/index.js';

const ROWS = 1000;
const GROUP = 100;
const table = new Table({
  id: vectorFromArray(Array.from({ length: ROWS }, (_, i) => BigInt(i)), new Int64()),
  x: vectorFromArray(Array.from({ length: ROWS }, (_, i) => i / 4), new Float64()),
});
const bytes = encodeParquet(table, { rowGroupSize: GROUP, compression: 'SNAPPY' });

/** memorySource(bytes), with reads logged and those from `failFrom` on rejected. */
function watchedSource(failFrom = Infinity): { source: ByteSource; reads: number[] } {
  const inner = memorySource(bytes);
  const reads: number[] = [];
  const source: ByteSource = {
    size: inner.size,
    get bytesRead() {
      return inner.bytesRead;
    },
    async read(offset: number, length: number) {
      reads.push(offset);
      if (offset >= failFrom) throw new Error(`read at ${offset} refused`);
      return inner.read(offset, length);
    },
    close: () => inner.close(),
  };
  return { source, reads };
}

test('a failed fetch surfaces at its own row group, after every earlier batch', async () => {
  const file = await openParquet(memorySource(bytes));
  // Reads from row group 3's first chunk on fail.
  const { source } = watchedSource(rowGroupStart(file, 3));
  const failing = await openParquet(source);
  const ids: bigint[] = [];
  let error: unknown;
  try {
    for await (const batch of readArrow(failing)) for (const id of batch.getChild('id')!.toArray() as BigInt64Array) ids.push(id);
  } catch (e) {
    error = e;
  }
  assert.is(ids.length, 3 * GROUP, 'row groups 0-2 arrive whole');
  assert.equal(ids.slice(0, 3), [0n, 1n, 2n]);
  assert.match(String((error as Error)?.message), /refused/);
});

test('a reader that stops after one batch leaves no unhandled rejection, and reads at most one row group ahead', async () => {
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  process.on('unhandledRejection', onRejection);
  try {
    const file = await openParquet(memorySource(bytes));
    const starts = file.metadata.row_groups.map((_, i) => rowGroupStart(file, i));
    // Row group 1's fetch fails: the reader never gets there.
    const { source, reads } = watchedSource(starts[1]);
    const stopping = await openParquet(source);
    const footerReads = reads.length;
    for await (const batch of readArrow(stopping)) {
      assert.is(batch.numRows, GROUP);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(rejections, []);
    const fetched = reads.slice(footerReads);
    assert.ok(fetched.every((offset) => offset < starts[2]), `fetched past row group 1: ${fetched.join(', ')}`);
  } finally {
    process.off('unhandledRejection', onRejection);
  }
});

/** Where row group `index`'s first chunk starts. */
function rowGroupStart(file: ParquetFile, index: number): number {
  const columns = file.metadata.row_groups[index].columns;
  let start = Infinity;
  for (let c = 0; c < columns.length; c++) {
    const meta = listAt(columns, c).meta_data!;
    start = Math.min(start, meta.dictionary_page_offset ?? meta.data_page_offset);
  }
  return start;
}

test.run();
