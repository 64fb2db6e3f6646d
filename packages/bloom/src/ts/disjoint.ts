import { ParquetryError } from '@parquetry/core';

/**
 * INVALID_ARGUMENT when `out` shares memory with `input`: the native kernels take an output and
 * its inputs as separate slices, which Rust must never see overlap, and the TypeScript kernels
 * refuse the same calls so that the two backends agree.
 */
export function requireDisjoint(out: ArrayBufferView, input: ArrayBufferView, names: string): void {
  if (!ArrayBuffer.isView(out) || !ArrayBuffer.isView(input)) return; // the kernel reports the wrong type
  if (out.buffer === input.buffer && out.byteOffset < input.byteOffset + input.byteLength && input.byteOffset < out.byteOffset + out.byteLength) {
    throw new ParquetryError('INVALID_ARGUMENT', `${names} share memory`);
  }
}
