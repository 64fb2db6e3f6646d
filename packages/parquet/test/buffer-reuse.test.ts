// Buffers reused while reading: data pages whose values are copies decompress into one shared
// scratch buffer, and a whole-file read puts every row group's compressed chunks in one buffer.
// Nothing a batch holds may view either: values that would (PLAIN byte arrays with one non-empty
// value, v2 values stored uncompressed) are copied first. A filtered read decodes the pages of
// the columns beside the predicate's into the scratch as well, copying out the rows it keeps.
import { Field, Float64, Int64, List, Table, Utf8, vectorFromArray, type RecordBatch } from 'apache-arrow';
import { test } from 'uvu';
import { ParquetryError } from '@parquetry/core';
import * as assert from 'uvu/assert';
import { encodeStruct, PageHeader, type ColumnMetaData, type SchemaElement } from '@parquetry/thrift';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { between, buildSchema, emptyReadStats, encodeParquet, eq, fileSource, memorySource, openParquet, readArrow, readRanges, readTable, type ByteSource } from '../src/index.js';
import { PageDecoder } from '../src/read/page-decoder.js';
import { compressionCodec } from '@parquetry/compression';
import { borrowChunkBuffer, returnChunkBuffer } from '../src/read/chunk-buffer.js';

test('a page with one non-empty string survives the pages decompressed after it', async () => {
  // Pages of 4 rows: the first holds one non-empty value (a view of its page), the rest long ones.
  const strings = ['', 'only-one-non-empty-value', '', '', ...Array.from({ length: 40 }, (_, i) => `value-${i}-`.repeat(20))];
  for (const encoding of ['PLAIN', 'DELTA_LENGTH_BYTE_ARRAY', 'DELTA_BYTE_ARRAY'] as const) {
    for (const pageVersion of [1, 2] as const) {
      const table = new Table({ s: vectorFromArray(strings, new Utf8()), d: vectorFromArray(strings.map((_, i) => `k${i % 3}`), new Utf8()) });
      const bytes = encodeParquet(table, { pageRows: 4, pageVersion, compression: 'SNAPPY', encodings: { s: encoding } });
      const back = await readTable(await openParquet(memorySource(bytes)));
      assert.equal(back.getChild('s')!.toArray(), strings, `${encoding} v${pageVersion}`);
      assert.equal(back.getChild('d')!.toArray(), strings.map((_, i) => `k${i % 3}`), `dictionary column, ${encoding} v${pageVersion}`);
    }
  }
});

test('v2 values stored uncompressed in a compressed chunk are copied when the chunk buffer is reused', () => {
  // BYTE_ARRAY values of which one is non-empty: PLAIN decoding views them in the page's bytes.
  const leaf = buildSchema([{ name: 'schema', num_children: 1 }, { name: 'x', repetition_type: 0, type: 6 }] as SchemaElement[]).leaves[0];
  const body = Uint8Array.of(0, 0, 0, 0, 5, 0, 0, 0, 104, 101, 108, 108, 111, 0, 0, 0, 0); // "", "hello", ""
  const header = encodeStruct(PageHeader, {
    type: 3, // DATA_PAGE_V2
    uncompressed_page_size: body.length,
    compressed_page_size: body.length,
    data_page_header_v2: { num_values: 3, num_nulls: 0, num_rows: 3, encoding: 0, definition_levels_byte_length: 0, repetition_levels_byte_length: 0, is_compressed: false },
  });
  const chunk = new Uint8Array(header.length + body.length);
  chunk.set(header);
  chunk.set(body, header.length);
  const meta = { type: 6, encodings: [0], path_in_schema: ['x'], codec: 1, num_values: 3, total_uncompressed_size: chunk.length, total_compressed_size: chunk.length, data_page_offset: 0 } as ColumnMetaData;
  const page = new PageDecoder(chunk, 0, meta, leaf, {}, true).next()!;
  chunk.fill(0); // the next row group read into the same buffer
  const { offsets, bytes } = page.values as { offsets: Int32Array; bytes: Uint8Array };
  assert.equal(Array.from(offsets), [0, 0, 5, 5]);
  assert.equal(new TextDecoder().decode(bytes.subarray(offsets[1], offsets[2])), 'hello');
});

test('PLAIN values after a v1 page\'s levels are viewed where they were moved to align them; a page short of them is TRUNCATED', () => {
  const leaf = buildSchema([{ name: 'schema', num_children: 1 }, { name: 'x', repetition_type: 1, type: 1 }] as SchemaElement[]).leaves[0];
  // Definition levels: a 4-byte length, then one RLE run of 3 ones; the INT32 values start at byte 6.
  const values = new Uint8Array(Int32Array.of(7, -8, 9).buffer);
  const pageOf = (valueBytes: Uint8Array) => {
    const body = Uint8Array.of(2, 0, 0, 0, 6, 1, ...valueBytes);
    const compressed = compressionCodec(1).compress(body);
    const header = encodeStruct(PageHeader, {
      type: 0, // DATA_PAGE
      uncompressed_page_size: body.length,
      compressed_page_size: compressed.length,
      data_page_header: { num_values: 3, encoding: 0, definition_level_encoding: 3, repetition_level_encoding: 3 },
    });
    const chunk = new Uint8Array([...header, ...compressed]);
    const meta = { type: 1, encodings: [0], path_in_schema: ['x'], codec: 1, num_values: 3, total_uncompressed_size: chunk.length, total_compressed_size: chunk.length, data_page_offset: 0 } as ColumnMetaData;
    return new PageDecoder(chunk, 0, meta, leaf).next()!;
  };
  const page = pageOf(values);
  const got = page.values as Int32Array;
  assert.equal(Array.from(got), [7, -8, 9]);
  assert.is(got.byteOffset, 4); // moved back 2 bytes in the page's own buffer, not copied
  assert.throws(() => pageOf(values.subarray(0, 11)), (e: unknown) => ParquetryError.is(e) && e.code === 'TRUNCATED');
});

test('batches of earlier row groups are intact after the whole file is read (file source, every codec)', async () => {
  const rows = 600;
  const ids = Array.from({ length: rows }, (_, i) => (i % 9 === 0 ? null : BigInt(i) * 7919n));
  const xs = Array.from({ length: rows }, (_, i) => Math.sin(i));
  // The first row group is the largest, so every later one is read into the buffer it was read into.
  const names = Array.from({ length: rows }, (_, i) => (i % 5 === 0 ? `n${i % 3}` : `name-${i}-${'z'.repeat(i < 100 ? 60 : i % 17)}`));
  const lists = Array.from({ length: rows }, (_, i) => (i % 7 === 0 ? [] : [i, i / 2]));
  const table = new Table({
    id: vectorFromArray(ids, new Int64()),
    x: vectorFromArray(xs, new Float64()),
    name: vectorFromArray(names, new Utf8()),
    l: vectorFromArray(lists, new List(new Field('element', new Float64(), true))),
  });
  const dir = mkdtempSync(join(tmpdir(), 'parquetry-reuse-'));
  try {
    for (const compression of ['SNAPPY', 'GZIP', 'LZ4_RAW', 'UNCOMPRESSED'] as const) {
      for (const pageVersion of [1, 2] as const) {
        const path = join(dir, `${compression}-${pageVersion}.parquet`);
        writeFileSync(path, encodeParquet(table, { rowGroupSize: 100, pageRows: 40, pageVersion, compression }));
        const source = await fileSource(path);
        const batches: RecordBatch[] = [];
        for await (const batch of readArrow(await openParquet(source))) batches.push(batch);
        await source.close();
        let row = 0;
        for (const batch of batches) {
          for (let i = 0; i < batch.numRows; i++, row++) {
            const what = `${compression} v${pageVersion} row ${row}`;
            assert.is(batch.getChild('id')!.get(i), ids[row], what);
            assert.is(batch.getChild('x')!.get(i), xs[row], what);
            assert.is(batch.getChild('name')!.get(i), names[row], what);
            assert.equal(Array.from(batch.getChild('l')!.get(i)!.toArray() as Float64Array), lists[row], what);
          }
        }
        assert.is(row, rows);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});


test('filtered reads: batches view no page and stay intact while later reads reuse the scratch', async () => {
  const rows = 12_000;
  const id = (i: number) => BigInt(i);
  const x = (i: number) => Math.cos(i);
  const name = (i: number) => (i % 4 === 0 ? `k${i % 3}` : `name-${i}-${'q'.repeat(i % 23)}`);
  const list = (i: number) => (i % 6 === 0 ? [] : [i, -i]);
  const table = new Table({
    id: vectorFromArray(Array.from({ length: rows }, (_, i) => id(i)), new Int64()),
    x: vectorFromArray(Array.from({ length: rows }, (_, i) => x(i)), new Float64()),
    name: vectorFromArray(Array.from({ length: rows }, (_, i) => name(i)), new Utf8()),
    list: vectorFromArray(Array.from({ length: rows }, (_, i) => list(i)), new List(new Field('item', new Float64(), true))),
  });
  for (const pageVersion of [1, 2] as const) {
    const file = await openParquet(memorySource(encodeParquet(table, { pageRows: 1000, rowGroupSize: 6000, pageVersion, compression: 'SNAPPY' })));
    const kept: Array<{ lo: number; hi: number; batch: RecordBatch }> = [];
    for (const [lo, hi] of [[17, 17], [990, 2010], [5999, 6000], [7777, 7777], [100, 11_900], [11_999, 11_999]]) {
      const stats = emptyReadStats();
      let next = lo; // each batch holds the next matching rows
      for await (const batch of readArrow(file, { filter: lo === hi ? eq('id', id(lo)) : between('id', id(lo), id(hi)), stats })) {
        kept.push({ lo: next, hi, batch });
        next += batch.numRows;
      }
      assert.is(next, hi + 1, `rows of ${lo}..${hi}`);
      if (hi - lo < 5000) assert.ok(stats.pagesSkipped > 0, `pages skipped for ${lo}..${hi}`);
    }
    for (const { lo, batch } of kept) {
      const at = (i: number) => lo + i;
      assert.equal(Array.from(batch.getChild('id')!.toArray() as BigInt64Array), Array.from({ length: batch.numRows }, (_, i) => id(at(i))), `id from ${lo}, v${pageVersion}`);
      assert.equal(Array.from(batch.getChild('x')!.toArray() as Float64Array), Array.from({ length: batch.numRows }, (_, i) => x(at(i))), `x from ${lo}`);
      assert.equal(batch.getChild('name')!.toArray(), Array.from({ length: batch.numRows }, (_, i) => name(at(i))), `name from ${lo}`);
      assert.equal(batch.getChild('list')!.toArray().map((v: { toArray(): Float64Array } | null) => Array.from(v!.toArray())), Array.from({ length: batch.numRows }, (_, i) => list(at(i))), `list from ${lo}`);
      if (batch.numRows === 1) {
        // One row keeps one value's memory, not its page's.
        assert.ok(batch.getChild('id')!.data[0].values.buffer.byteLength <= 64, 'id buffer');
        assert.ok(batch.getChild('x')!.data[0].values.buffer.byteLength <= 64, 'x buffer');
      }
    }
  }
});

test('a finished read gives its chunk buffers to the next read: earlier batches stay intact, an abandoned read leaves none in flight', async () => {
  const rows = 500;
  const tableOf = (salt: number) =>
    new Table({
      id: vectorFromArray(Array.from({ length: rows }, (_, i) => (i % 11 === 0 ? null : BigInt(i * salt))), new Int64()),
      name: vectorFromArray(Array.from({ length: rows }, (_, i) => `${salt}-${i}-${'q'.repeat(i % 23)}`), new Utf8()),
    });
  const dir = mkdtempSync(join(tmpdir(), 'parquetry-reuse-'));
  try {
    const paths = [3, 5].map((salt) => {
      const path = join(dir, `${salt}.parquet`);
      writeFileSync(path, encodeParquet(tableOf(salt), { rowGroupSize: 100, pageRows: 30, compression: 'SNAPPY' }));
      return path;
    });
    const readAll = async (path: string) => {
      const source = await fileSource(path);
      const batches: RecordBatch[] = [];
      for await (const batch of readArrow(await openParquet(source))) batches.push(batch);
      await source.close();
      return batches;
    };
    const first = await readAll(paths[0]);
    // Stopped after one row group: the next one's chunks are being read into a buffer as it stops.
    const source = await fileSource(paths[1]);
    for await (const batch of readArrow(await openParquet(source))) {
      assert.is(batch.numRows, 100);
      break;
    }
    await source.close();
    const second = await readAll(paths[1]);
    await readAll(paths[0]);
    for (const [batches, salt] of [[first, 3], [second, 5]] as const) {
      const expected = tableOf(salt);
      let row = 0;
      for (const batch of batches) {
        for (let i = 0; i < batch.numRows; i++, row++) {
          assert.is(batch.getChild('id')!.get(i), expected.getChild('id')!.get(row), `file ${salt} row ${row}`);
          assert.is(batch.getChild('name')!.get(i), expected.getChild('name')!.get(row), `file ${salt} row ${row}`);
        }
      }
      assert.is(row, rows);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A source over `bytes` whose readInto fails at once for `failAt` and lands the others after `delayMs`, filled with 0xee. */
function strayWriteSource(bytes: Uint8Array, failAt: number, delayMs: number, landed: number[]): ByteSource {
  const inner = memorySource(bytes);
  return {
    size: inner.size,
    read: (offset, length) => inner.read(offset, length),
    async readInto(offset, length, out) {
      if (offset === failAt) throw new Error('read failed');
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      out.fill(0xee, 0, length);
      landed.push(offset);
      return out.subarray(0, length);
    },
    get bytesRead() {
      return inner.bytesRead;
    },
    close: () => inner.close(),
  };
}

test('readRanges settles only when every read has: a failed read leaves no write in flight into the buffer', async () => {
  const landed: number[] = [];
  const source = strayWriteSource(new Uint8Array(4096), 0, 30, landed);
  const target = new Uint8Array(4096);
  const ranges = [
    { offset: 0, length: 100 },
    { offset: 2000, length: 100 },
  ];
  let error: unknown;
  await readRanges(source, ranges, { gap: 0 }, (n) => target.subarray(0, n)).catch((e) => (error = e));
  assert.match(String(error), /read failed/);
  assert.equal(landed, [2000]); // the other read had landed before the rejection
});

test('a failed whole-file read gives back no chunk buffer that a read of it still writes into', async () => {
  const rows = 2000;
  const table = new Table({
    a: vectorFromArray(Array.from({ length: rows }, (_, i) => i * 3), new Float64()),
    b: vectorFromArray(Array.from({ length: rows }, (_, i) => `b${i}`), new Utf8()),
  });
  const bytes = encodeParquet(table, { compression: 'SNAPPY' });
  const landed: number[] = [];
  // The first chunk starts after the magic: its read fails, the second chunk's (read apart) lands later.
  const failing = await openParquet(strayWriteSource(bytes, 4, 40, landed));
  const error = await (async () => {
    for await (const batch of readArrow(failing, { coalesce: { gap: 0, maxMerged: 1 } })) assert.unreachable(`a batch of ${batch.numRows} rows`);
  })().catch((e) => e);
  assert.match(String(error), /read failed/);
  // Whatever buffers the pool now lends stay as this test leaves them: no stray write lands later.
  const lent = [borrowChunkBuffer(), borrowChunkBuffer()];
  const views = lent.map((b) => b.take(b.size).fill(0));
  await new Promise((resolve) => setTimeout(resolve, 80));
  for (const view of views) assert.ok(view.every((b) => b === 0), 'a write landed in a lent buffer');
  lent.forEach(returnChunkBuffer);
  assert.equal(landed.length, 1);
});

test('idle chunk buffers: the last given back is lent next, at most two are kept, none over 32 MiB', () => {
  const a = borrowChunkBuffer();
  const b = borrowChunkBuffer();
  const c = borrowChunkBuffer();
  a.take(1000);
  returnChunkBuffer(a);
  assert.is(borrowChunkBuffer(), a);
  returnChunkBuffer(a);
  returnChunkBuffer(a); // given back twice: still one entry
  returnChunkBuffer(b);
  returnChunkBuffer(c); // a third is dropped
  const lent = [borrowChunkBuffer(), borrowChunkBuffer(), borrowChunkBuffer()];
  assert.ok(lent.includes(a) && lent.includes(b) && !lent.includes(c));
  const big = borrowChunkBuffer();
  big.take((32 << 20) + 1);
  returnChunkBuffer(big);
  assert.is.not(borrowChunkBuffer(), big);
});

test.run();
