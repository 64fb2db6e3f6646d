import { ParquetryError } from '@parquetry/core';
import { DeltaBinaryPackedDecoder } from './delta-binary-packed-decoder.js';

/** A DELTA_LENGTH_BYTE_ARRAY stream's lengths, turned into offsets and checked against the input. */
export interface Lengths {
  /** count + 1 offsets from 0: value i is [valuesAt + offsets[i], valuesAt + offsets[i + 1]). */
  offsets: Int32Array;
  /** Where the value bytes start: right after the lengths stream. */
  valuesAt: number;
  /** Where they end: the end of the whole stream. */
  end: number;
}

/**
 * Reads `<delta-encoded lengths> <byte array data>` (Encodings.md, "Delta-length byte array") at
 * `byteOffset`: the lengths stream must hold `count` values (`CORRUPT` otherwise, checked before
 * anything is allocated for `count`), no length may be negative (`CORRUPT`), and the lengths may
 * not add up to more bytes than remain before `byteEnd` (`TRUNCATED`).
 */
export function readLengths(bytes: Uint8Array, count: number, byteOffset: number, byteEnd: number, what: string): Lengths {
  const lengths = new DeltaBinaryPackedDecoder(bytes, 'INT32', byteOffset, byteEnd);
  if (lengths.count !== count) {
    throw new ParquetryError('CORRUPT', `${what} stream holds ${lengths.count} values, ${count} expected`, { offset: byteOffset });
  }
  const offsets = new Int32Array(count + 1);
  lengths.read(offsets, 1, count);
  const valuesAt = lengths.byteOffset;
  const available = byteEnd - valuesAt;
  // prefix sums in place; the total stays below 2^31 because it stays within the input
  let total = 0;
  for (let i = 1; i <= count; i++) {
    const length = offsets[i];
    if (length < 0) throw new ParquetryError('CORRUPT', `value ${i - 1} has negative length ${length}`, { offset: byteOffset });
    total += length;
    if (total > available) {
      throw new ParquetryError('TRUNCATED', `${what} add up to ${total} bytes by value ${i - 1} but ${available} remain`, { offset: valuesAt });
    }
    offsets[i] = total;
  }
  return { offsets, valuesAt, end: valuesAt + total };
}
