// Statistics for the writer: null count, and min/max as PLAIN bytes in the column's sort order
// (parquet.thrift ColumnOrder): signed or unsigned integers, floats with NaN left out and zeros
// widened to -0/+0, byte arrays compared unsigned (truncated past 64 bytes: the minimum to a prefix,
// the maximum to a prefix with its last byte raised, both marked inexact), decimals in fixed bytes
// compared signed. INT96 and FLOAT16 get no min/max. Chunk statistics merge the pages'.
import type { ByteArrays } from '@parquetry/core';
import type { PlainValues } from '@parquetry/plain';
import type { Statistics } from '@parquetry/thrift';
import type { WriteLeafType } from './parquet-type.js';
import { bytesRange, valueRange, type StatisticsOrder } from './value-range.js';

const MAX_STAT_BYTES = 64;

export type { StatisticsOrder };

export function statisticsOrder(type: WriteLeafType): StatisticsOrder {
  const unsigned = type.logical?.INTEGER?.isSigned === false;
  switch (type.physical) {
    case 'INT32':
      return unsigned ? 'uint32' : 'int32';
    case 'INT64':
      return unsigned ? 'uint64' : 'int64';
    case 'FLOAT':
      return 'float';
    case 'DOUBLE':
      return 'double';
    case 'BOOLEAN':
      return 'boolean';
    case 'BYTE_ARRAY':
      return type.conversion === 'decimal' ? 'signed-bytes' : 'bytes';
    case 'FIXED_LEN_BYTE_ARRAY':
      // INTERVAL has no defined order (parquet.thrift ColumnOrder): no min/max.
      return type.conversion === 'decimal' ? 'signed-bytes' : type.conversion === 'float16' || type.converted === 21 ? 'none' : 'bytes';
    default:
      return 'none';
  }
}

function compareBytes(a: Uint8Array, b: Uint8Array, signed: boolean): number {
  const n = Math.min(a.length, b.length);
  if (signed && n > 0 && a[0] !== b[0]) return ((a[0] << 24) >> 24) - ((b[0] << 24) >> 24);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** A maximum cut to MAX_STAT_BYTES that is still at least the value; undefined if none is. */
function truncatedMax(v: Uint8Array): Uint8Array | undefined {
  const out = v.slice(0, MAX_STAT_BYTES);
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] !== 0xff) {
      out[i]++;
      return out.slice(0, i + 1);
    }
  }
  return undefined;
}

function numberBytes(order: StatisticsOrder, v: number | bigint): Uint8Array {
  const out = new Uint8Array(order === 'int64' || order === 'uint64' || order === 'double' ? 8 : order === 'boolean' ? 1 : 4);
  const view = new DataView(out.buffer);
  if (order === 'int32' || order === 'uint32') view.setInt32(0, Number(v) | 0, true);
  else if (order === 'int64' || order === 'uint64') view.setBigInt64(0, BigInt.asIntN(64, BigInt(v)), true);
  else if (order === 'float') view.setFloat32(0, Number(v), true);
  else if (order === 'double') view.setFloat64(0, Number(v), true);
  else out[0] = Number(v);
  return out;
}

function numberOf(order: StatisticsOrder, bytes: Uint8Array): number | bigint {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (order === 'int32') return view.getInt32(0, true);
  if (order === 'uint32') return view.getUint32(0, true);
  if (order === 'int64') return view.getBigInt64(0, true);
  if (order === 'uint64') return view.getBigUint64(0, true);
  if (order === 'float') return view.getFloat32(0, true);
  if (order === 'double') return view.getFloat64(0, true);
  return bytes[0];
}

function setBytes(stats: Statistics, min: Uint8Array, max: Uint8Array): void {
  const longMin = min.length > MAX_STAT_BYTES;
  const cutMax = max.length > MAX_STAT_BYTES ? truncatedMax(max) : max.slice();
  stats.min_value = longMin ? min.slice(0, MAX_STAT_BYTES) : min.slice();
  stats.is_min_value_exact = !longMin;
  if (cutMax) {
    stats.max_value = cutMax;
    stats.is_max_value_exact = max.length <= MAX_STAT_BYTES;
  } else {
    // No 64-byte bound above the maximum (all 0xff): leave both out, a reader wants the pair.
    delete stats.min_value;
    delete stats.is_min_value_exact;
  }
}

function setNumbers(stats: Statistics, order: StatisticsOrder, min: number | bigint, max: number | bigint): void {
  // Zeros: -0 as the minimum and +0 as the maximum, so either sign is covered.
  if (typeof min === 'number' && min === 0) min = -0;
  if (typeof max === 'number' && max === 0) max = 0;
  stats.min_value = numberBytes(order, min);
  stats.max_value = numberBytes(order, max);
}

export function columnStatistics(order: StatisticsOrder, values: PlainValues, nullCount: number, typeLength?: number): Statistics {
  const stats: Statistics = { null_count: nullCount };
  if (order === 'none') return stats;
  if (order === 'bytes' || order === 'signed-bytes') {
    const signed = order === 'signed-bytes';
    const arrays = 'offsets' in values ? (values as ByteArrays) : undefined;
    const bytes = arrays ? arrays.bytes : (values as Uint8Array);
    const at = bytesRange(bytes, arrays?.offsets, typeLength || 1, signed);
    if (at) setBytes(stats, bytes.subarray(at[0], at[1]), bytes.subarray(at[2], at[3]));
    return stats;
  }
  const range = valueRange(order, values as Int32Array | Float32Array | Float64Array | Uint8Array | BigInt64Array);
  if (range) setNumbers(stats, order, range[0], range[1]);
  return stats;
}

/** The statistics of a column chunk from its pages'. */
export function chunkStatistics(order: StatisticsOrder, pages: Statistics[]): Statistics {
  const stats: Statistics = { null_count: pages.reduce((s, p) => s + (p.null_count ?? 0), 0) };
  const bounded = pages.filter((p) => p.min_value !== undefined && p.max_value !== undefined);
  if (bounded.length === 0 || order === 'none') return stats;
  if (order === 'bytes' || order === 'signed-bytes') {
    const signed = order === 'signed-bytes';
    let lo = bounded[0];
    let hi = bounded[0];
    for (const p of bounded) {
      if (compareBytes(p.min_value!, lo.min_value!, signed) < 0) lo = p;
      if (compareBytes(p.max_value!, hi.max_value!, signed) > 0) hi = p;
    }
    Object.assign(stats, { min_value: lo.min_value, is_min_value_exact: lo.is_min_value_exact, max_value: hi.max_value, is_max_value_exact: hi.is_max_value_exact });
    return stats;
  }
  let min = numberOf(order, bounded[0].min_value!);
  let max = numberOf(order, bounded[0].max_value!);
  for (const p of bounded) {
    const a = numberOf(order, p.min_value!);
    const b = numberOf(order, p.max_value!);
    if (a < min || (a === 0 && Object.is(a, -0))) min = a;
    if (b > max) max = b;
  }
  setNumbers(stats, order, min, max);
  return stats;
}
