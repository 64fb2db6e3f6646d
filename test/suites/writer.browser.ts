// Browser only: the writer of the TypeScript build inside Chromium. The nested sample streamed in
// pieces into a WHATWG WritableStream reads back (through a Blob) equal to its rows, and is the file
// encodeParquet makes in one go; what the browser build cannot do (ZSTD, file paths) is refused.
import { ParquetryError } from '@parquetry/core';
import { blobSource, createParquetWriter, encodeParquet, openParquet, readTable, rowsToBatch, type WriteOptions } from '@parquetry/parquet';
import { Table } from 'apache-arrow';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { firstRowDifference } from '../lib/arrow-rows.js';
import { sampleRows, SCHEMA } from '../lib/nested-sample.js';

const writer = suite('writer in the browser: WritableStream sink, nested rows');

writer('rows in pieces into a WritableStream read back equal, and match encodeParquet byte for byte', async () => {
  const rows = sampleRows(1500, 21);
  const chunks: Uint8Array[] = [];
  const sink = new WritableStream<Uint8Array>({ write: (c) => void chunks.push(c) });
  const options: WriteOptions = { rowGroupSize: 600, pageRows: 128, compression: 'SNAPPY', bloomFilters: { id: true } };
  const w = createParquetWriter(sink, SCHEMA, options);
  for (const [from, to] of [[0, 7], [7, 700], [700, 1500]]) await w.write(rows.slice(from, to));
  await w.close();
  const blob = new Blob(chunks as BlobPart[]);
  const file = await openParquet(blobSource(blob));
  assert.is(file.metadata.row_groups.length, 3);
  const expected = new Table([rowsToBatch(SCHEMA, rows)]);
  const difference = firstRowDifference(expected, await readTable(file), 'browser');
  if (difference) assert.unreachable(difference);
  const whole = encodeParquet(expected, options);
  assert.equal(new Uint8Array(await blob.arrayBuffer()), whole);
});

writer('ZSTD and file paths are refused by the browser build', async () => {
  const table = new Table([rowsToBatch(SCHEMA, sampleRows(10, 3))]);
  try {
    encodeParquet(table, { compression: 'ZSTD' });
    assert.unreachable('ZSTD written by the browser build');
  } catch (error) {
    assert.ok(ParquetryError.is(error) && error.code === 'UNSUPPORTED', String(error));
  }
  try {
    createParquetWriter('out.parquet', SCHEMA);
    assert.unreachable('a file path in the browser');
  } catch (error) {
    assert.ok(ParquetryError.is(error) && error.code === 'INVALID_ARGUMENT', String(error));
  }
});

writer.run();
