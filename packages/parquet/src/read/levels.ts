// Definition and repetition levels: RLE/bit-packed hybrid (length-prefixed in data page v1, bare
// in v2 where the header gives the length) or the deprecated BIT_PACKED encoding (v1 only).
import { ParquetryError } from '@parquetry/core';
import { decodeBitPacked, decodeRleHybrid, decodeRleHybridLengthPrefixed } from '@parquetry/rle';

/** Bits needed for levels up to `max`. */
export function levelBitWidth(max: number): number {
  return max === 0 ? 0 : 32 - Math.clz32(max);
}

/** Levels of a v1 page from `bytes` (starting at the levels); returns them and the bytes they took. */
export function readLevelsV1(bytes: Uint8Array, encoding: number, max: number, count: number): { levels: Int32Array; bytesRead: number } {
  const width = levelBitWidth(max);
  if (encoding === 3) {
    const { values, bytesRead } = decodeRleHybridLengthPrefixed(bytes, width, count);
    return { levels: values, bytesRead };
  }
  if (encoding === 4) {
    const bytesRead = Math.ceil((count * width) / 8);
    if (bytesRead > bytes.length) throw new ParquetryError('TRUNCATED', `BIT_PACKED levels need ${bytesRead} bytes, ${bytes.length} remain`);
    return { levels: decodeBitPacked(bytes.subarray(0, bytesRead), width, count), bytesRead };
  }
  throw new ParquetryError('CORRUPT', `levels use encoding ${encoding}; only RLE (3) and BIT_PACKED (4) are defined for them`);
}

/** Levels of a v2 page: the hybrid without a length prefix, in exactly `bytes`. */
export function readLevelsV2(bytes: Uint8Array, max: number, count: number): Int32Array {
  return decodeRleHybrid(bytes, levelBitWidth(max), count);
}

/** Checks every level is at most `max` (a corrupt stream can hold larger ones) and counts those equal to it. */
export function countAtMax(levels: Int32Array, max: number, what: string): number {
  let n = 0;
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i];
    if (level === max) n++;
    else if (level > max || level < 0) throw new ParquetryError('CORRUPT', `${what} level ${level} at position ${i} is above the maximum ${max}`);
  }
  return n;
}

/** Checks every repetition level is at most `max` and counts the zeros: the rows that start. */
export function countRowStarts(levels: Int32Array, max: number): number {
  let n = 0;
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i];
    if (level === 0) n++;
    else if (level > max || level < 0) throw new ParquetryError('CORRUPT', `repetition level ${level} at position ${i} is above the maximum ${max}`);
  }
  return n;
}
