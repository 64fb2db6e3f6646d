// Definition and repetition levels: RLE/bit-packed hybrid (length-prefixed in data page v1, bare
// in v2 where the header gives the length) or the deprecated BIT_PACKED encoding (v1 only).
import { nativeBinding, ParquetryError, useNative } from '@parquetry/core';
import { decodeBitPacked, decodeRleHybrid, decodeRleHybridLengthPrefixed } from '@parquetry/rle';

/** Bits needed for levels up to `max`. */
export function levelBitWidth(max: number): number {
  return max === 0 ? 0 : 32 - Math.clz32(max);
}

/**
 * Levels of a v1 page from `bytes` (starting at the levels); returns them and the bytes they took.
 * With `skipAllMax`, levels that are all `max` (RLE runs of it: a nullable column without a null)
 * come back undefined, neither decoded nor counted.
 */
export function readLevelsV1(bytes: Uint8Array, encoding: number, max: number, count: number, skipAllMax = false): { levels: Int32Array | undefined; bytesRead: number } {
  const width = levelBitWidth(max);
  if (encoding === 3) {
    if (skipAllMax && bytes.length >= 4) {
      const length = (bytes[0] | (bytes[1] << 8) | (bytes[2] << 16) | (bytes[3] << 24)) >>> 0;
      if (length <= bytes.length - 4 && runsAllAt(bytes.subarray(4, 4 + length), width, count, max)) return { levels: undefined, bytesRead: 4 + length };
    }
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

/** Levels of a v2 page: the hybrid without a length prefix, in exactly `bytes` (undefined as in readLevelsV1). */
export function readLevelsV2(bytes: Uint8Array, max: number, count: number, skipAllMax = false): Int32Array | undefined {
  const width = levelBitWidth(max);
  if (skipAllMax && runsAllAt(bytes, width, count, max)) return undefined;
  return decodeRleHybrid(bytes, width, count);
}

/**
 * Whether the RLE/bit-packed hybrid `bytes` starts with RLE runs of `value` covering `count`
 * values, all within `bytes`. Anything else (a bit-packed run, another value, a run cut off)
 * answers false and is left to the decoder, which checks it.
 */
function runsAllAt(bytes: Uint8Array, width: number, count: number, value: number): boolean {
  const valueBytes = (width + 7) >> 3;
  let pos = 0;
  let covered = 0;
  while (covered < count) {
    let header = 0;
    let shift = 0;
    for (;;) {
      if (pos >= bytes.length || shift > 28) return false;
      const b = bytes[pos++];
      // A fifth byte with bits past the 32nd: the decoder's CORRUPT, not a run length.
      if (shift === 28 && b & 0x70) return false;
      header |= (b & 0x7f) << shift;
      if (!(b & 0x80)) break;
      shift += 7;
    }
    header >>>= 0;
    if (header & 1 || pos + valueBytes > bytes.length) return false;
    let v = 0;
    for (let i = 0; i < valueBytes; i++) v |= bytes[pos + i] << (8 * i);
    if (v !== value) return false;
    pos += valueBytes;
    covered += header >>> 1;
  }
  return true;
}

/** Checks every level is at most `max` (a corrupt stream can hold larger ones) and counts those equal to `value`. */
function countLevelsAt(levels: Int32Array, max: number, value: number, what: string): number {
  const native = useNative(levels.length) ? nativeBinding() : null;
  if (native) return native.levelsCountAt(levels, max, value, what);
  let n = 0;
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i];
    if (level === value) n++;
    else if (level > max || level < 0) throw new ParquetryError('CORRUPT', `${what} level ${level} at position ${i} is above the maximum ${max}`);
  }
  return n;
}

/** Checks every level is at most `max` and counts those equal to it: the slots that hold a value. */
export function countAtMax(levels: Int32Array, max: number, what: string): number {
  return countLevelsAt(levels, max, max, what);
}

/** Checks every repetition level is at most `max` and counts the zeros: the rows that start. */
export function countRowStarts(levels: Int32Array, max: number): number {
  return countLevelsAt(levels, max, 0, 'repetition');
}
