import { DeltaBinaryPackedDecoder, type DeltaType } from './delta-binary-packed-decoder.js';

/**
 * Decodes a whole DELTA_BINARY_PACKED stream (Encodings.md, "Delta Encoding"); the header carries
 * the count, which is checked against what `bytes` can hold before the output is allocated.
 * Bytes after the stream are ignored (DeltaBinaryPackedDecoder reports where it ends).
 */
export function decodeDeltaBinaryPacked(bytes: Uint8Array, type: 'INT32'): Int32Array;
export function decodeDeltaBinaryPacked(bytes: Uint8Array, type: 'INT64'): BigInt64Array;
export function decodeDeltaBinaryPacked(bytes: Uint8Array, type: DeltaType): Int32Array | BigInt64Array;
export function decodeDeltaBinaryPacked(bytes: Uint8Array, type: DeltaType): Int32Array | BigInt64Array {
  const decoder = new DeltaBinaryPackedDecoder(bytes, type);
  const out = type === 'INT32' ? new Int32Array(decoder.count) : new BigInt64Array(decoder.count);
  decoder.read(out, 0, decoder.count);
  return out;
}
