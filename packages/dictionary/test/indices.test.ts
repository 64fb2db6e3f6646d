import { ParquetryError } from '@parquetry/core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DictionaryIndicesDecoder, decodeDictionaryIndices } from '../src/ts/indices-decode.js';
import { dictionaryIndexBitWidth, encodeDictionaryIndices, encodeIndicesWith } from '../src/ts/indices-encode.js';

test('bit width: Arrow C++ DictEncoder::bit_width (0, 1, then ceil(log2(size)))', () => {
  const table: Array<[number, number]> = [
    [0, 0], [1, 1], [2, 1], [3, 2], [4, 2], [5, 3], [8, 3], [9, 4], [256, 8], [257, 9],
    [65536, 16], [65537, 17], [2 ** 31 - 1, 31],
  ];
  for (const [size, width] of table) assert.is(dictionaryIndexBitWidth(size), width, `size ${size}`);
});

test('encodeIndicesWith reuses a large enough buffer and otherwise allocates', () => {
  const scratch = new Uint8Array(64).fill(0xee);
  const view = encodeIndicesWith(Int32Array.from([0, 1, 2, 3, 4, 5, 6, 7]), 8, scratch);
  assert.is(view.buffer, scratch.buffer);
  // 03 = width 3, then the spec example 03 88 c6 fa
  assert.equal(Array.from(view), [0x03, 0x03, 0x88, 0xc6, 0xfa]);
  const small = new Uint8Array(2);
  assert.is.not(encodeIndicesWith(Int32Array.from([0, 1, 2, 3, 4, 5, 6, 7]), 8, small).buffer, small.buffer);
  assert.equal(Array.from(encodeDictionaryIndices(new Int32Array(0), 0)), [0x00]);
});

test('decoder errors carry offsets within the whole buffer', () => {
  // two unrelated bytes, then width 8 and a bit-packed group (header 03) with 3 of its 8 bytes
  const bytes = Uint8Array.from([0xaa, 0xbb, 0x08, 0x03, 1, 2, 3]);
  try {
    new DictionaryIndicesDecoder(bytes, 8, 2).skip(8);
    assert.unreachable('did not throw');
  } catch (error) {
    assert.ok(ParquetryError.is(error));
    assert.is((error as ParquetryError).code, 'TRUNCATED');
    assert.is((error as ParquetryError).offset, 3, 'the run header, counted from the buffer start');
  }
  try {
    // bit width 0x21 = 33, then an RLE run of 1 (02 00)
    decodeDictionaryIndices(Uint8Array.from([0x21, 0x02, 0x00]), 1);
    assert.unreachable('did not throw');
  } catch (error) {
    assert.is((error as ParquetryError).code, 'CORRUPT');
    assert.is((error as ParquetryError).offset, 0, 'the bit-width byte');
  }
});

test('decoder reports the stream end after the last run', () => {
  // 10 00 = RLE run of 8 zeros at width 1 (one value byte), then trailing 0xff
  const d = new DictionaryIndicesDecoder(Uint8Array.from([0x01, 0x10, 0x00, 0xff]), 8);
  assert.is(d.bitWidth, 1);
  const out = new Int32Array(8).fill(9);
  d.read(out);
  assert.equal(Array.from(out), new Array(8).fill(0));
  assert.is(d.byteOffset, 3);
  assert.is(d.remaining, 0);
});

test.run();
