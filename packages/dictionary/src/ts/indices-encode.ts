import { ParquetryError } from '@parquetry/core';
import { encodeRleHybridInto, rleHybridMaxSize } from '@parquetry/rle/ts';
import { checkCount } from './check.js';

// Encoder choices the native encoder must copy to write identical bytes:
// - The bit-width byte is Arrow C++'s DictEncoder::bit_width(): 0 for an empty dictionary, 1 for a
//   dictionary of one value, else ceil(log2(size)) = the bits of size - 1. (parquet-mr writes 0 for
//   a one-value dictionary; readers accept both, and the decoder here accepts any width 0..32.)
// - The runs are exactly @parquetry/rle's encodeRleHybrid (its MIN_RLE_RUN / MAX_BIT_PACKED_GROUPS
//   choices), with no length prefix.

/** The index bit width written for a dictionary of `size` values (Arrow C++'s rule). */
export function dictionaryIndexBitWidth(size: number): number {
  checkCount(size, 'dictionary size');
  if (size <= 1) return size;
  return 32 - Math.clz32(size - 1);
}

/**
 * The data-page form of `indices` into a dictionary of `dictionarySize` values: the bit-width
 * byte, then the RLE/bit-packing hybrid. Every index must be in `[0, dictionarySize)`.
 */
export function encodeDictionaryIndices(indices: Int32Array, dictionarySize: number): Uint8Array {
  return encodeIndicesWith(indices, dictionarySize, null).slice();
}

/** The most bytes `encodeDictionaryIndices` can take for `count` indices into `dictionarySize` values. */
export function dictionaryIndicesMaxSize(count: number, dictionarySize: number): number {
  return 1 + rleHybridMaxSize(count, dictionaryIndexBitWidth(dictionarySize));
}

/** The RLE/bit-packing hybrid encoder into a buffer (the TypeScript one, or the addon's, which writes the same bytes). */
export type RleEncodeInto = (values: Int32Array, bitWidth: number, out: Uint8Array, offset: number) => number;

/**
 * As `encodeDictionaryIndices`, writing into `scratch` when it is large enough (else a new buffer);
 * returns a view of the bytes written, valid until the buffer is written again. `trusted`: the
 * indices come from the encoder that owns the dictionary, so each is known to be in range.
 */
export function encodeIndicesWith(indices: Int32Array, dictionarySize: number, scratch: Uint8Array | null, rle: RleEncodeInto = encodeRleHybridInto, trusted = false): Uint8Array {
  const width = dictionaryIndexBitWidth(dictionarySize);
  const n = indices.length;
  for (let i = 0; i < n && !trusted; i++) {
    if ((indices[i] >>> 0) >= dictionarySize) {
      throw new ParquetryError(
        'INVALID_ARGUMENT',
        `index ${indices[i]} at position ${i} is outside a dictionary of ${dictionarySize} values`,
      );
    }
  }
  const max = 1 + rleHybridMaxSize(n, width);
  const out = scratch && scratch.length >= max ? scratch : new Uint8Array(max);
  out[0] = width;
  const written = rle(indices, width, out, 1);
  return out.subarray(0, 1 + written);
}
