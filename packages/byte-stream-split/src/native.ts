// The native implementation, whatever PARQUETRY_BACKEND says; `UNSUPPORTED` where the addon cannot
// load. Arguments are checked here, and again in Rust.
import { ParquetryError, requireNativeBinding } from '@parquetry/core';

export { ByteStreamSplitDecoder } from './ts/index.js';

function checkWidth(width: number): void {
  if (!Number.isInteger(width) || width < 1) {
    throw new ParquetryError('INVALID_ARGUMENT', `width ${width} is not an integer of at least 1`);
  }
}

function outputFor(out: Uint8Array | undefined, length: number): Uint8Array {
  if (!out) return new Uint8Array(length);
  if (out.length < length) {
    throw new ParquetryError('INVALID_ARGUMENT', `output holds ${out.length} bytes but ${length} are decoded`);
  }
  return out.length === length ? out : out.subarray(0, length);
}

export function decodeByteStreamSplit(bytes: Uint8Array, width: number, out?: Uint8Array): Uint8Array {
  checkWidth(width);
  if (bytes.length % width !== 0) {
    throw new ParquetryError('CORRUPT', `${bytes.length} bytes are not a whole number of ${width}-byte values`, { offset: bytes.length });
  }
  const target = outputFor(out, bytes.length);
  requireNativeBinding().decodeByteStreamSplit(bytes, width, target);
  return target;
}

export function encodeByteStreamSplit(bytes: Uint8Array, width: number): Uint8Array {
  checkWidth(width);
  if (bytes.length % width !== 0) {
    throw new ParquetryError('INVALID_ARGUMENT', `${bytes.length} bytes are not a whole number of ${width}-byte values`);
  }
  const out = new Uint8Array(bytes.length);
  requireNativeBinding().encodeByteStreamSplit(bytes, width, out);
  return out;
}
