import { ParquetryError, type ErrorCode } from '@parquetry/core';
import * as assert from 'uvu/assert';

/** Asserts that `fn` throws a ParquetryError with `code` (and nothing else: no RangeError, no crash). */
export function throwsParquetry(fn: () => unknown, code: ErrorCode, what: string): ParquetryError {
  try {
    fn();
  } catch (error) {
    if (!ParquetryError.is(error)) {
      assert.unreachable(`${what}: threw ${String(error)} instead of a ParquetryError ${code}`);
      throw error;
    }
    assert.is(error.code, code, `${what}: ${error.message}`);
    return error;
  }
  assert.unreachable(`${what}: did not throw`);
  throw new Error('unreachable');
}

export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
}
