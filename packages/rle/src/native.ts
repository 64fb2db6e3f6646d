// The native implementation, whatever PARQUETRY_BACKEND says; `UNSUPPORTED` where the addon cannot
// load (always in a browser). Arguments are checked here before crossing the boundary, and again in Rust.
import { requireNativeBinding } from '@parquetry/core';
import { decodeLengthPrefixedWith, type LengthPrefixedResult } from './ts/length-prefixed.js';
import { checkCountJustified } from './ts/rle-hybrid-decode.js';
import { checkBitWidth, checkCount, outputFor } from './ts/validate.js';

export { RleHybridDecoder } from './ts/rle-hybrid-decoder.js';
import { checkOffset } from './ts/rle-hybrid-encode.js';
export { MIN_RLE_RUN, MAX_BIT_PACKED_GROUPS, rleHybridMaxSize } from './ts/rle-hybrid-encode.js';

export function decodeRleHybrid(bytes: Uint8Array, bitWidth: number, count: number, out?: Int32Array): Int32Array {
  checkBitWidth(bitWidth);
  checkCount(count);
  if (!out) checkCountJustified(bytes, bitWidth, count);
  const target = outputFor(out, count);
  requireNativeBinding().decodeRleHybrid(bytes, bitWidth, target);
  return target;
}

export function encodeRleHybrid(values: Int32Array, bitWidth: number): Uint8Array {
  checkBitWidth(bitWidth);
  return requireNativeBinding().encodeRleHybrid(values, bitWidth, false);
}

export function encodeRleHybridInto(values: Int32Array, bitWidth: number, out: Uint8Array, offset = 0): number {
  checkBitWidth(bitWidth);
  checkOffset(out, offset);
  return requireNativeBinding().encodeRleHybridInto(values, bitWidth, out, offset);
}

export function encodeRleHybridLengthPrefixed(values: Int32Array, bitWidth: number): Uint8Array {
  checkBitWidth(bitWidth);
  return requireNativeBinding().encodeRleHybrid(values, bitWidth, true);
}

export function decodeRleHybridLengthPrefixed(bytes: Uint8Array, bitWidth: number, count: number, out?: Int32Array): LengthPrefixedResult {
  return decodeLengthPrefixedWith(decodeRleHybrid, bytes, bitWidth, count, out);
}

export function decodeBitPacked(bytes: Uint8Array, bitWidth: number, count: number, out?: Int32Array): Int32Array {
  checkBitWidth(bitWidth);
  checkCount(count);
  const target = outputFor(out, count);
  requireNativeBinding().decodeBitPacked(bytes, bitWidth, target);
  return target;
}

export function encodeBitPacked(values: Int32Array, bitWidth: number): Uint8Array {
  checkBitWidth(bitWidth);
  return requireNativeBinding().encodeBitPacked(values, bitWidth);
}
