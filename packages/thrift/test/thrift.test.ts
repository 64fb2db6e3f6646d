import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ParquetryError } from '@parquetry/core';
import {
  ColumnIndex,
  ColumnMetaData,
  decodeStruct,
  encodeStruct,
  FileMetaData,
  KeyValue,
  listOf,
  optional,
  PageHeader,
  required,
  RowGroup,
  struct,
  type LazyList,
} from '../src/index.js';

const fromHex = (s: string) => Uint8Array.from(s.trim().split(/\s+/), (b) => parseInt(b, 16));
const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');

function throwsCode(fn: () => unknown, code: string, what: string): void {
  try {
    fn();
  } catch (error) {
    if (!ParquetryError.is(error)) assert.unreachable(`${what}: ${String(error)}`);
    assert.is((error as ParquetryError).code, code, `${what}: ${(error as Error).message}`);
    return;
  }
  assert.unreachable(`${what}: did not throw`);
}

// A data page header, byte by byte. Field headers are (id delta << 4) | wire type; i32 values are
// zigzag varints (n -> 2n).
const PAGE_HEADER = [
  '15 00', //       field 1 (delta 1, i32): type = 0 (DATA_PAGE)
  '15 c0 3e', //    field 2 (delta 1, i32): uncompressed_page_size 4000 = zigzag 8000 = varint c0 3e
  '15 d0 0f', //    field 3 (delta 1, i32): compressed_page_size 1000 = zigzag 2000 = varint d0 0f
  '2c', //          field 5 (delta 2, struct): data_page_header
  '15 c8 01', //      field 1: num_values = 100
  '15 10', //         field 2: encoding = 8 (RLE_DICTIONARY)
  '15 06', //         field 3: definition_level_encoding = 3 (RLE)
  '15 06', //         field 4: repetition_level_encoding = 3 (RLE)
  '00', //          stop (data_page_header)
  '00', //        stop (PageHeader)
].join(' ');

test('a hand-built data page header decodes field by field, and encodes back to the same bytes', () => {
  const { value, end } = decodeStruct(PageHeader, fromHex(PAGE_HEADER));
  assert.equal(value, {
    type: 0,
    uncompressed_page_size: 4000,
    compressed_page_size: 1000,
    data_page_header: { num_values: 100, encoding: 8, definition_level_encoding: 3, repetition_level_encoding: 3 },
  });
  assert.is(end, fromHex(PAGE_HEADER).length);
  assert.is(hex(encodeStruct(PageHeader, value)), hex(fromHex(PAGE_HEADER)));
});

test('a field id more than 15 past the last is written long form; bool fields live in the header', () => {
  const Sparse = struct('Sparse', { a: required(1, 'i32'), b: optional(40, 'bool'), c: optional(41, 'bool') });
  // 15 02: field 1 = 1; 01 50: bool true (wire 1) with zigzag id 40; 12: delta 1, bool false; 00
  const bytes = encodeStruct(Sparse, { a: 1, b: true, c: false });
  assert.is(hex(bytes), '15 02 01 50 12 00');
  assert.equal(decodeStruct(Sparse, bytes).value, { a: 1, b: true, c: false });
});

test('unknown fields of every wire type are skipped, and so is a known field of the wrong wire type', () => {
  const bytes = fromHex(
    [
      '15 02', //             field 1 (key... here an i32, which KeyValue.key is not: skipped)
      '18 01 6b', //          field 2 (delta 1, binary): value = "k"  -> but key is field 1
      '08 14 03 61 62 63', // field 10 long form (wire 8, zigzag id 20 = 10): unknown binary "abc"
      '16 80 80 80 80 10', // field 11 (i64): unknown, a 5-byte varint
      '17 00 00 00 00 00 00 f0 3f', // field 12 (double 1.0): unknown
      '19 35 02 04 06', //    field 13 (list of 3 i32): unknown
      '1b 01 58 02 01 61', // field 14 (map): 1 entry, types i32 -> binary (58), key 1, value "a": unknown
      '1c 15 02 1c 00 00', // field 15 (struct with an i32 and an empty struct): unknown
      '03 20 07', //          field 16 long form (wire 3, i8): unknown
      '00',
    ].join(' '),
  );
  throwsCode(() => decodeStruct(KeyValue, bytes), 'CORRUPT', 'key missing after its wrong-type field was skipped');
  const Loose = struct('Loose', { key: optional(1, 'string'), value: optional(2, 'string') });
  assert.equal(decodeStruct(Loose, bytes).value, { value: 'k' });
});

test('a ColumnMetaData with a list where bloom_filter_length (an i32) belongs still decodes', () => {
  const meta = {
    type: 1,
    encodings: [0, 3],
    path_in_schema: ['a'],
    codec: 1,
    num_values: 10,
    total_uncompressed_size: 100,
    total_compressed_size: 80,
    data_page_offset: 4,
  };
  const plain = encodeStruct(ColumnMetaData, meta);
  // Replace the final stop with field 15 (delta 6 from field 9) as a list of one struct, then stop.
  const odd = new Uint8Array([...plain.subarray(0, plain.length - 1), 0x69, 0x1c, 0x15, 0x02, 0x00, 0x00]);
  assert.equal(decodeStruct(ColumnMetaData, odd).value, meta);
});

test('lists: long form past 14 elements, booleans as one byte each, and lazy lists of structs', () => {
  const index = {
    null_pages: Array.from({ length: 20 }, (_, i) => i % 3 === 0),
    min_values: [new Uint8Array([1]), new Uint8Array(0)],
    max_values: [new Uint8Array([2, 3]), new Uint8Array(0)],
    boundary_order: 1,
    null_counts: [0, 5, -1, 2 ** 40],
  };
  const bytes = encodeStruct(ColumnIndex, index);
  // field 1 list header: f0 size varint, element wire 1 (bool): 19 f1 14
  assert.is(hex(bytes.subarray(0, 3)), '19 f1 14');
  assert.equal(decodeStruct(ColumnIndex, bytes).value, index);

  const rowGroup = { columns: [{ file_offset: 4 }, { file_offset: 99, meta_data: undefined }], total_byte_size: 10, num_rows: 3 };
  const decoded = decodeStruct(RowGroup, encodeStruct(RowGroup, rowGroup)).value;
  const columns = decoded.columns as LazyList<{ file_offset?: number }>;
  assert.is(columns.length, 2);
  assert.is(columns.get(1).file_offset, 99);
  assert.equal([...columns].map((c) => c.file_offset), [4, 99]);
  throwsCode(() => columns.get(2), 'INVALID_ARGUMENT', 'index past the end');
});

test('bad input: every truncation, a list longer than the input, deep nesting, i64 past 2^53, wrong types', () => {
  const bytes = fromHex(PAGE_HEADER);
  for (let cut = 0; cut < bytes.length; cut++) throwsCode(() => decodeStruct(PageHeader, bytes.subarray(0, cut)), 'TRUNCATED', `prefix ${cut}`);
  // field 1 list of i32 claiming 2^28 elements in a 10-byte input
  throwsCode(() => decodeStruct(struct('L', { a: optional(1, listOf('i32')) }), fromHex('19 f5 80 80 80 80 01 00 00 00')), 'CORRUPT', 'huge list');
  // 100 nested unknown structs: 1c 1c 1c ...
  throwsCode(() => decodeStruct(KeyValue, new Uint8Array(100).fill(0x1c)), 'LIMIT', 'deep nesting');
  // field 1 i64 = zigzag of 2^60
  const big = struct('Big', { n: required(1, 'i64') });
  throwsCode(() => decodeStruct(big, fromHex('16 80 80 80 80 80 80 80 80 20 00')), 'LIMIT', 'i64 beyond 2^53');
  // an i32 field holding 2^40 (sent as i64) does not fit
  const small = struct('Small', { n: required(1, 'i32') });
  throwsCode(() => decodeStruct(small, fromHex('16 80 80 80 80 80 40 00')), 'CORRUPT', 'i32 overflow');
  throwsCode(() => decodeStruct(KeyValue, fromHex('1d 00')), 'CORRUPT', 'wire type 13');
  throwsCode(() => encodeStruct(KeyValue, {} as never), 'INVALID_ARGUMENT', 'required key missing on encode');
});

test('random bytes decode or fail with a ParquetryError', () => {
  let s = 12345;
  const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) >>> 24;
  for (let i = 0; i < 20000; i++) {
    const junk = Uint8Array.from({ length: next() % 64 }, next);
    try {
      decodeStruct(FileMetaData, junk);
    } catch (error) {
      if (!ParquetryError.is(error)) assert.unreachable(`${hex(junk)}: ${String(error)}`);
    }
  }
});

test.run();
