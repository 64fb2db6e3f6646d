// Column chunk statistics for the writer: null count, and min/max as PLAIN bytes in the column's
// type order (NaN left out; byte arrays compared unsigned and left out when longer than 64 bytes).
import type { ByteArrays, PhysicalType } from '@parquetry/core';
import type { PlainValues } from '@parquetry/plain';
import type { Statistics } from '@parquetry/thrift';

const MAX_STAT_BYTES = 64;

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

function plainBytes(type: PhysicalType, v: number | bigint): Uint8Array {
  const out = new Uint8Array(type === 'INT64' || type === 'DOUBLE' ? 8 : type === 'BOOLEAN' ? 1 : 4);
  const view = new DataView(out.buffer);
  if (type === 'INT32') view.setInt32(0, Number(v), true);
  else if (type === 'INT64') view.setBigInt64(0, BigInt(v), true);
  else if (type === 'FLOAT') view.setFloat32(0, Number(v), true);
  else if (type === 'DOUBLE') view.setFloat64(0, Number(v), true);
  else out[0] = Number(v);
  return out;
}

/** `unsigned`: INT32/INT64 holding unsigned integers (their order differs from the bits'). */
export function columnStatistics(type: PhysicalType, values: PlainValues, nullCount: number, unsigned: boolean, typeLength?: number): Statistics {
  const stats: Statistics = { null_count: nullCount };
  if (type === 'BYTE_ARRAY' || type === 'FIXED_LEN_BYTE_ARRAY') {
    let min: Uint8Array | undefined;
    let max: Uint8Array | undefined;
    const count = type === 'BYTE_ARRAY' ? (values as ByteArrays).offsets.length - 1 : (values as Uint8Array).length / (typeLength || 1);
    for (let i = 0; i < count; i++) {
      const v = type === 'BYTE_ARRAY' ? (values as ByteArrays).bytes.subarray((values as ByteArrays).offsets[i], (values as ByteArrays).offsets[i + 1]) : (values as Uint8Array).subarray(i * typeLength!, (i + 1) * typeLength!);
      if (!min || compareBytes(v, min) < 0) min = v;
      if (!max || compareBytes(v, max) > 0) max = v;
    }
    if (min && max && min.length <= MAX_STAT_BYTES && max.length <= MAX_STAT_BYTES) {
      stats.min_value = min.slice();
      stats.max_value = max.slice();
      stats.is_min_value_exact = true;
      stats.is_max_value_exact = true;
    }
    return stats;
  }
  if (type === 'INT96') return stats;
  const typed = values as Int32Array | BigInt64Array | Float32Array | Float64Array | Uint8Array;
  let min: number | bigint | undefined;
  let max: number | bigint | undefined;
  const key = (v: number | bigint) => (unsigned ? (typeof v === 'bigint' ? BigInt.asUintN(64, v) : v >>> 0) : v);
  for (let i = 0; i < typed.length; i++) {
    const v = typed[i];
    if (typeof v === 'number' && Number.isNaN(v)) continue;
    if (min === undefined || key(v) < key(min)) min = v;
    if (max === undefined || key(v) > key(max)) max = v;
  }
  if (min !== undefined && max !== undefined) {
    // Zeros: -0 as the minimum and +0 as the maximum, so either sign is covered.
    if (typeof min === 'number' && min === 0) min = -0;
    if (typeof max === 'number' && max === 0) max = 0;
    stats.min_value = plainBytes(type, min);
    stats.max_value = plainBytes(type, max);
  }
  return stats;
}
