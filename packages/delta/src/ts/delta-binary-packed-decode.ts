import { ParquetryError } from '@parquetry/core';
import { DeltaBinaryPackedDecoder, type DeltaType } from './delta-binary-packed-decoder.js';

/**
 * Where a whole-stream decode writes `count` values: a new array, or the first `count` elements of
 * the caller's (which must be an Int32Array for INT32, a BigInt64Array for INT64, long enough).
 * Decoding into an array reused across pages saves a fresh allocation and its page faults.
 */
export function deltaOutput(type: DeltaType, count: number, out: Int32Array | BigInt64Array | undefined): Int32Array | BigInt64Array {
  const Class = type === 'INT32' ? Int32Array : BigInt64Array;
  if (out === undefined) return new Class(count);
  if (!(out instanceof Class) || out.length < count) {
    throw new ParquetryError('INVALID_ARGUMENT', `output must be a ${Class.name} of at least ${count} elements`);
  }
  return out.length === count ? out : out.subarray(0, count);
}

/**
 * Decodes a whole DELTA_BINARY_PACKED stream (Encodings.md, "Delta Encoding"); the header carries
 * the count, which is checked against what `bytes` can hold before the output is allocated.
 * Bytes after the stream are ignored (DeltaBinaryPackedDecoder reports where it ends). With `out`,
 * the values are written into it (see deltaOutput) and the result is a view of it.
 */
export function decodeDeltaBinaryPacked(bytes: Uint8Array, type: 'INT32', out?: Int32Array): Int32Array;
export function decodeDeltaBinaryPacked(bytes: Uint8Array, type: 'INT64', out?: BigInt64Array): BigInt64Array;
export function decodeDeltaBinaryPacked(bytes: Uint8Array, type: DeltaType, out?: Int32Array | BigInt64Array): Int32Array | BigInt64Array;
export function decodeDeltaBinaryPacked(bytes: Uint8Array, type: DeltaType, out?: Int32Array | BigInt64Array): Int32Array | BigInt64Array {
  const decoder = new DeltaBinaryPackedDecoder(bytes, type);
  const values = deltaOutput(type, decoder.count, out);
  decoder.read(values, 0, decoder.count);
  return values;
}
