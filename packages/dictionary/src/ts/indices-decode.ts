import { ParquetryError } from '@parquetry/core';
import { RleHybridDecoder } from '@parquetry/rle/ts';
import { checkCount, outputFor } from './check.js';

// Encodings.md, "Dictionary Encoding (PLAIN_DICTIONARY = 2 and RLE_DICTIONARY = 8)": a data page
// holds "the bit width used to encode the entry ids stored as 1 byte (max bit width = 32), followed
// by the values encoded using the RLE/Bit-Packing [hybrid]", with no length prefix (the table in
// the RLE section). PLAIN_DICTIONARY data pages are the same bytes under the deprecated name.

/**
 * Streaming reader of a dictionary-encoded data page's indices: reads or skips any number at a
 * time, so a page reader can jump over rows the page index rules out. Indices are not checked
 * against the dictionary here (it may not be at hand); `gatherDictionary` checks each one it uses.
 */
export class DictionaryIndicesDecoder {
  /** The bit width the page declares (0..32). */
  readonly bitWidth: number;
  private readonly runs: RleHybridDecoder;

  /** Decodes `count` indices from `bytes[byteOffset..byteEnd)`: the bit-width byte, then the runs. */
  constructor(bytes: Uint8Array, count: number, byteOffset = 0, byteEnd = bytes.length) {
    checkCount(count);
    if (!Number.isInteger(byteOffset) || !Number.isInteger(byteEnd) || byteOffset < 0 || byteOffset > byteEnd || byteEnd > bytes.length) {
      throw new ParquetryError('INVALID_ARGUMENT', `byte range ${byteOffset}..${byteEnd} is outside a buffer of ${bytes.length} bytes`);
    }
    if (byteOffset === byteEnd) {
      // A page of no values may omit even the bit-width byte.
      if (count > 0) throw new ParquetryError('TRUNCATED', 'dictionary indices end before their bit-width byte', { offset: byteOffset });
      this.bitWidth = 0;
    } else {
      const width = bytes[byteOffset];
      if (width > 32) {
        throw new ParquetryError('CORRUPT', `dictionary index bit width ${width} is over 32`, { offset: byteOffset });
      }
      this.bitWidth = width;
    }
    const runsStart = byteOffset === byteEnd ? byteOffset : byteOffset + 1;
    this.runs = new RleHybridDecoder(bytes, this.bitWidth, count, runsStart, byteEnd);
  }

  /** Indices not yet read or skipped. */
  get remaining(): number {
    return this.runs.remaining;
  }

  /** Byte position after the runs started so far; once every index is read, the stream's end. */
  get byteOffset(): number {
    return this.runs.byteOffset;
  }

  /** Decodes the next `n` indices into `out` from `outOffset`. */
  read(out: Int32Array, outOffset = 0, n = this.runs.remaining): void {
    this.runs.read(out, outOffset, n);
  }

  /** Moves past the next `n` indices without decoding them; run headers are still checked. */
  skip(n: number): void {
    this.runs.skip(n);
  }
}

/**
 * Decodes the `count` indices of a dictionary-encoded data page (RLE_DICTIONARY or
 * PLAIN_DICTIONARY) into `out` (reused across pages) or a new array. Errors carry offsets within
 * `bytes`.
 */
export function decodeDictionaryIndices(bytes: Uint8Array, count: number, out?: Int32Array): Int32Array {
  checkCount(count);
  const decoder = new DictionaryIndicesDecoder(bytes, count);
  // Before allocating for a caller who gave no array: a count beyond what bit-packing at width 1
  // could hold must be backed by runs really present. Skipping walks every run header, allocating nothing.
  if (!out && count > bytes.length * 8 + 64) new DictionaryIndicesDecoder(bytes, count).skip(count);
  const target = outputFor(out, count);
  decoder.read(target, 0, count);
  return target;
}
