// Min and max of a page's values for its statistics, in the column's order (NaN left out; byte
// strings unsigned, or signed decimals): in the native addon when it is in force, else plain
// loops with no allocation.
import { nativeBinding, useNative } from '@parquetry/core';

/** How a column's statistics order its values (statistics.ts picks one per column type). */
export type StatisticsOrder = 'int32' | 'uint32' | 'int64' | 'uint64' | 'float' | 'double' | 'boolean' | 'bytes' | 'signed-bytes' | 'none';

type NumberValues = Int32Array | Float32Array | Float64Array | Uint8Array | BigInt64Array;

const NATIVE_KIND: Partial<Record<StatisticsOrder, string>> = { int32: 'int32', uint32: 'uint32', float: 'float', double: 'double' };
const range = new Float64Array(2);
const range64 = new BigInt64Array(2);
const at2 = new Int32Array(2);

/** [min, max] of `values` in `order` (int32, uint32, int64, uint64, float, double, boolean); undefined when none counts. */
export function valueRange(order: StatisticsOrder, values: NumberValues): [number, number] | [bigint, bigint] | undefined {
  const native = useNative(values.length) ? nativeBinding() : null;
  if (order === 'int64' || order === 'uint64') {
    const unsigned = order === 'uint64';
    if (!native) return int64Range(values as BigInt64Array, unsigned);
    if (!native.valueRange64(values as BigInt64Array, unsigned, range64)) return undefined;
    return unsigned ? [BigInt.asUintN(64, range64[0]), BigInt.asUintN(64, range64[1])] : [range64[0], range64[1]];
  }
  const kind = NATIVE_KIND[order];
  if (!native || !kind) return numberRange(values as Int32Array | Float32Array | Float64Array | Uint8Array, order === 'uint32');
  const v = values as Int32Array | Float32Array | Float64Array;
  return native.valueRange(kind, new Uint8Array(v.buffer, v.byteOffset, v.byteLength), range) ? [range[0], range[1]] : undefined;
}

/** Min and max of 32-bit ints, floats (NaN left out) or booleans; plain number loops, no allocation. */
function numberRange(typed: Int32Array | Float32Array | Float64Array | Uint8Array, unsigned: boolean): [number, number] | undefined {
  let min = Infinity;
  let max = -Infinity;
  let seen = false;
  if (unsigned) {
    for (let i = 0; i < typed.length; i++) {
      const v = typed[i] >>> 0;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    seen = typed.length > 0;
  } else {
    for (let i = 0; i < typed.length; i++) {
      const v = typed[i];
      if (v < min) min = v;
      if (v > max) max = v;
      // NaN fails both comparisons: it is left out, and only a value that is not NaN counts as seen.
      if (v === v) seen = true;
    }
  }
  return seen ? [min, max] : undefined;
}

/** Min and max of 64-bit ints compared on their 32-bit halves (no BigInt per value). */
function int64Range(values: BigInt64Array, unsigned: boolean): [bigint, bigint] | undefined {
  const n = values.length;
  if (n === 0) return undefined;
  const words = new Int32Array(values.buffer, values.byteOffset, n * 2);
  const flip = unsigned ? 0 : 0x80000000;
  // Each value as (high ^ flip, low) compared unsigned: the order of the signed or unsigned value.
  let minAt = 0;
  let maxAt = 0;
  let minHi = (words[1] ^ flip) >>> 0;
  let minLo = words[0] >>> 0;
  let maxHi = minHi;
  let maxLo = minLo;
  for (let i = 1; i < n; i++) {
    const hi = (words[2 * i + 1] ^ flip) >>> 0;
    const lo = words[2 * i] >>> 0;
    if (hi < minHi || (hi === minHi && lo < minLo)) {
      minHi = hi;
      minLo = lo;
      minAt = i;
    }
    if (hi > maxHi || (hi === maxHi && lo > maxLo)) {
      maxHi = hi;
      maxLo = lo;
      maxAt = i;
    }
  }
  const at = (i: number) => (unsigned ? BigInt.asUintN(64, values[i]) : values[i]);
  return [at(minAt), at(maxAt)];
}

/**
 * Where the least and the greatest value lie in `bytes`: [minStart, minEnd, maxStart, maxEnd];
 * undefined when there are none. Byte arrays (`offsets`) or fixed `width`-byte values, compared
 * unsigned, or with the first byte signed (decimals in fixed bytes).
 */
export function bytesRange(bytes: Uint8Array, offsets: Int32Array | undefined, width: number, signed: boolean): [number, number, number, number] | undefined {
  const count = offsets ? offsets.length - 1 : bytes.length / width;
  const native = offsets && !signed && useNative(count) ? nativeBinding() : null;
  if (native && offsets) {
    if (!native.byteArrayRange(offsets, bytes, at2)) return undefined;
    return [offsets[at2[0]], offsets[at2[0] + 1], offsets[at2[1]], offsets[at2[1] + 1]];
  }
  // Compared in place (no view per value): the indices of the least and the greatest. Each value
  // first by a key of its first four bytes (zero-padded; the sign bit flipped for signed order),
  // which settles almost every comparison; equal keys fall back to comparing the bytes.
  const flip = signed ? 0x80000000 : 0;
  const keyAt = (a: number, b: number): number => {
    const n = b - a;
    const k = ((n > 0 ? bytes[a] << 24 : 0) | (n > 1 ? bytes[a + 1] << 16 : 0) | (n > 2 ? bytes[a + 2] << 8 : 0) | (n > 3 ? bytes[a + 3] : 0)) ^ flip;
    return k >>> 0;
  };
  let lo = -1;
  let hi = -1;
  let loStart = 0;
  let loEnd = 0;
  let hiStart = 0;
  let hiEnd = 0;
  let loKey = 0;
  let hiKey = 0;
  for (let i = 0; i < count; i++) {
    const a = offsets ? offsets[i] : i * width;
    const b = offsets ? offsets[i + 1] : a + width;
    const key = keyAt(a, b);
    if (lo < 0 || key < loKey || (key === loKey && compareRanges(bytes, a, b, loStart, loEnd, signed) < 0)) {
      lo = i;
      loStart = a;
      loEnd = b;
      loKey = key;
    }
    if (hi < 0 || key > hiKey || (key === hiKey && compareRanges(bytes, a, b, hiStart, hiEnd, signed) > 0)) {
      hi = i;
      hiStart = a;
      hiEnd = b;
      hiKey = key;
    }
  }
  return lo < 0 ? undefined : [loStart, loEnd, hiStart, hiEnd];
}

function compareRanges(bytes: Uint8Array, a: number, aEnd: number, b: number, bEnd: number, signed: boolean): number {
  const n = Math.min(aEnd - a, bEnd - b);
  if (signed && n > 0 && bytes[a] !== bytes[b]) return ((bytes[a] << 24) >> 24) - ((bytes[b] << 24) >> 24);
  for (let i = 0; i < n; i++) if (bytes[a + i] !== bytes[b + i]) return bytes[a + i] - bytes[b + i];
  return aEnd - a - (bEnd - b);
}
