import { RleHybridDecoder } from './rle-hybrid-decoder.js';
import { checkBitWidth, checkCount, outputFor } from './validate.js';

/**
 * Before allocating `count` values for a caller who gave no output array: a count beyond what
 * bit-packing at width 1 could hold must be backed by runs that really are in the input. Skipping
 * walks and checks every run header without decoding or allocating anything.
 */
export function checkCountJustified(bytes: Uint8Array, bitWidth: number, count: number): void {
  if (count <= bytes.length * 8 + 64) return;
  new RleHybridDecoder(bytes, bitWidth, count).skip(count);
}

export function decodeRleHybrid(bytes: Uint8Array, bitWidth: number, count: number, out?: Int32Array): Int32Array {
  checkBitWidth(bitWidth);
  checkCount(count);
  if (!out) checkCountJustified(bytes, bitWidth, count);
  const target = outputFor(out, count);
  new RleHybridDecoder(bytes, bitWidth, count).read(target, 0, count);
  return target;
}
