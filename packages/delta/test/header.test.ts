import { ParquetryError } from '@parquetry/core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readDeltaHeader } from '../src/ts/header.js';

function code(bytes: number[], end = bytes.length): string {
  try {
    readDeltaHeader(Uint8Array.from(bytes), 0, end);
  } catch (e) {
    assert.ok(e instanceof ParquetryError, String(e));
    return (e as ParquetryError).code;
  }
  return 'ok';
}

test('a header: block size 128, 4 miniblocks, 5 values, first value 1', () => {
  const h = readDeltaHeader(Uint8Array.of(0x80, 0x01, 0x04, 0x05, 0x02, 0x02, 0, 0, 0, 0), 0, 10);
  assert.equal(h, { blockSize: 128, miniblocks: 4, perMiniblock: 32, count: 5, firstLo: 1, firstHi: 0, end: 5 });
});

test('block sizes and miniblock counts the spec allows, and those it does not', () => {
  const body = new Array(40).fill(0);
  assert.is(code([0x80, 0x01, 0x01, 0x00, 0x00, ...body]), 'ok', '128 / 1');
  assert.is(code([0x80, 0x02, 0x08, 0x00, 0x00, ...body]), 'ok', '256 / 8 = 32');
  assert.is(code([0x80, 0x03, 0x03, 0x00, 0x00, ...body]), 'ok', '384 / 3 = 128');
  assert.is(code([0x80, 0x80, 0x40, 0x01, 0x00, 0x00, ...body]), 'ok', '2^20 / 1');
  assert.is(code([0x08, 0x01, 0x00, 0x00, ...body]), 'CORRUPT', 'spec example block size 8');
  assert.is(code([0x00, 0x01, 0x00, 0x00, ...body]), 'CORRUPT', 'block size 0');
  assert.is(code([0xc0, 0x01, 0x01, 0x00, 0x00, ...body]), 'CORRUPT', 'block size 192');
  assert.is(code([0x80, 0x80, 0x80, 0x01, 0x01, 0x00, 0x00, ...body]), 'CORRUPT', 'block size 2^21: over the cap');
  assert.is(code([0x80, 0x01, 0x00, 0x00, 0x00, ...body]), 'CORRUPT', '0 miniblocks');
  assert.is(code([0x80, 0x01, 0x03, 0x00, 0x00, ...body]), 'CORRUPT', '128 / 3');
  assert.is(code([0x80, 0x01, 0x08, 0x00, 0x00, ...body]), 'CORRUPT', '128 / 8 = 16 values');
  assert.is(code([0x80, 0x01, 0x81, 0x80, 0x80, 0x80, 0x10, 0x00, 0x00, ...body]), 'CORRUPT', '2^32 + 1 miniblocks');
});

test('the count is bounded by what the input can hold: 1 + blocks * block size', () => {
  // 10 bytes after a 5-byte header of 4 miniblocks: 2 blocks of at least 5 bytes, so at most 257 values
  const header = (count: number[]) => [0x80, 0x01, 0x04, ...count, 0x00];
  assert.is(code([...header([0x81, 0x02]), ...new Array(10).fill(0)]), 'ok', '257');
  assert.is(code([...header([0x82, 0x02]), ...new Array(10).fill(0)]), 'TRUNCATED', '258');
  assert.is(code([...header([0x01])]), 'ok', 'one value needs no block');
  assert.is(code([...header([0x02])]), 'TRUNCATED', 'two values need a block');
  assert.is(code([...header([0xff, 0xff, 0xff, 0xff, 0x07]), ...new Array(10).fill(0)]), 'TRUNCATED', '2^31 - 1');
  assert.is(code([...header([0x80, 0x80, 0x80, 0x80, 0x80, 0x01]), ...new Array(10).fill(0)]), 'TRUNCATED', '2^35');
});

test('a header cut short', () => {
  assert.is(code([]), 'TRUNCATED');
  assert.is(code([0x80]), 'TRUNCATED');
  assert.is(code([0x80, 0x01, 0x04, 0x05]), 'TRUNCATED', 'no first value');
  assert.is(code([0x80, 0x01, 0x04, 0x05, 0x02], 4), 'TRUNCATED', 'end before the buffer ends');
});

test.run();
