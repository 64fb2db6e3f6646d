import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ByteCursor, fromNativeError, parseBackendMode, ParquetryError, rebaseErrorOffset, writeUleb32 } from '../src/index.js';

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return ParquetryError.is(error) ? error.code : `not a ParquetryError: ${String(error)}`;
  }
  return undefined;
}

test('ParquetryError carries code, detail and location in its message', () => {
  const e = new ParquetryError('CORRUPT', 'bad header', { offset: 12, columnPath: 'a.b', rowGroup: 2, page: 7 });
  assert.is(e.code, 'CORRUPT');
  assert.is(e.name, 'ParquetryError');
  assert.is(e.message, 'CORRUPT: bad header at row group 2, column a.b, page 7, offset 12');
  assert.ok(e instanceof Error);
  assert.ok(ParquetryError.is(e));
  assert.not.ok(ParquetryError.is(new Error('x')));
});

test('withLocation adds what an outer layer knows and keeps what the inner one said', () => {
  const inner = new ParquetryError('TRUNCATED', 'run cut', { offset: 5 });
  const outer = inner.withLocation({ offset: 999, rowGroup: 1, columnPath: 'x' });
  assert.is(outer.offset, 5);
  assert.is(outer.rowGroup, 1);
  assert.is(outer.columnPath, 'x');
  assert.is(outer.message, 'TRUNCATED: run cut at row group 1, column x, offset 5');
});

test('ByteCursor reads little-endian integers and varints within bounds', () => {
  // 01 | 78 56 34 12 | e5 8e 26 (624485) | ff ff ff ff 0f (2^32 - 1)
  const c = new ByteCursor(Uint8Array.from([0x01, 0x78, 0x56, 0x34, 0x12, 0xe5, 0x8e, 0x26, 0xff, 0xff, 0xff, 0xff, 0x0f]));
  assert.is(c.readU8(), 1);
  assert.is(c.readU32LE(), 0x12345678);
  assert.is(c.readUleb32(), 624485);
  assert.is(c.readUleb32(), 0xffffffff);
  assert.is(c.remaining, 0);
  assert.is(code(() => c.readU8()), 'TRUNCATED');
});

test('ByteCursor rejects varints that never end or overflow 32 bits', () => {
  assert.is(code(() => new ByteCursor(Uint8Array.from([0x80, 0x80])).readUleb32()), 'TRUNCATED');
  assert.is(code(() => new ByteCursor(new Uint8Array(6).fill(0xff)).readUleb32()), 'CORRUPT');
  assert.is(code(() => new ByteCursor(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x1f])).readUleb32()), 'CORRUPT');
  assert.is(code(() => new ByteCursor(new Uint8Array(2), 3)), 'INVALID_ARGUMENT');
  const c = new ByteCursor(new Uint8Array(4), 1);
  assert.is(code(() => c.readBytes(4)), 'TRUNCATED');
  assert.is(c.readBytes(3).length, 3);
});

test('writeUleb32 and readUleb32 agree', () => {
  const buf = new Uint8Array(5);
  for (const v of [0, 1, 127, 128, 300, 16383, 16384, 2 ** 21, 2 ** 31, 2 ** 32 - 1]) {
    const end = writeUleb32(buf, 0, v);
    const c = new ByteCursor(buf, 0, end);
    assert.is(c.readUleb32(), v);
    assert.is(c.pos, end);
  }
});

test('PARQUETRY_BACKEND values', () => {
  assert.is(parseBackendMode(undefined), 'auto');
  assert.is(parseBackendMode(''), 'auto');
  assert.is(parseBackendMode('NATIVE'), 'native');
  assert.is(parseBackendMode('ts'), 'ts');
  assert.is(code(() => parseBackendMode('wasm')), 'INVALID_ARGUMENT');
});

test('native errors come back as ParquetryErrors', () => {
  const e = fromNativeError(new Error('TRUNCATED@17: run cut')) as ParquetryError;
  assert.ok(ParquetryError.is(e));
  assert.is(e.code, 'TRUNCATED');
  assert.is(e.offset, 17);
  assert.is(e.detail, 'run cut');
  const noOffset = fromNativeError(new Error('INVALID_ARGUMENT@-: bit width 40 is over 32')) as ParquetryError;
  assert.is(noOffset.offset, undefined);
  const other = new Error('something else');
  assert.is(fromNativeError(other), other);
});

test('rebaseErrorOffset moves the offset and keeps the rest of the location', () => {
  const inner = new ParquetryError('CORRUPT', 'bad run', { offset: 3, page: 2 });
  const moved = rebaseErrorOffset(inner, 4) as ParquetryError;
  assert.is(moved.offset, 7);
  assert.is(moved.page, 2);
  assert.is(moved.detail, 'bad run');
  const plain = new Error('x');
  assert.is(rebaseErrorOffset(plain, 4), plain);
  const noOffset = new ParquetryError('LIMIT', 'too big');
  assert.is(rebaseErrorOffset(noOffset, 4), noOffset);
});

test.run();
