// INT96 timestamps (Impala, Spark): 8 bytes of nanoseconds within the day, then 4 bytes of Julian
// day, little endian. Converted with BigInt arithmetic into the unit asked for; a value outside
// the 64-bit range of that unit is an error, never a wrapped timestamp.
import { ParquetryError } from '@parquetry/core';

const JULIAN_EPOCH_DAY = 2440588n; // 1970-01-01
const NANOS_PER_DAY = 86_400_000_000_000n;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** 'raw' keeps the 12 stored bytes (FixedSizeBinary(12)) for callers that convert exactly themselves. */
export type Int96Unit = 'ns' | 'us' | 'ms' | 'raw';
const DIVISOR: Record<Exclude<Int96Unit, 'raw'>, bigint> = { ns: 1n, us: 1000n, ms: 1_000_000n };

/**
 * Nanoseconds since the epoch of INT96 value `i`. Spark computes the stored day and nanoseconds
 * from 64-bit microseconds plus the Julian epoch offset without overflow checks, so instants near
 * the ends of that range (year 290000) are stored wrapped; no writer can mean a time outside the
 * 64-bit microsecond range, so such values are wrapped back into it (data/int96_from_spark.parquet).
 */
export function int96Nanos(view: DataView, i: number): bigint {
  const nanosOfDay = view.getBigInt64(i * 12, true);
  const day = BigInt(view.getInt32(i * 12 + 8, true));
  const exact = (day - JULIAN_EPOCH_DAY) * NANOS_PER_DAY + nanosOfDay;
  const sub = ((exact % 1000n) + 1000n) % 1000n;
  const micros = (exact - sub) / 1000n;
  if (micros >= INT64_MIN && micros <= INT64_MAX) return exact;
  return BigInt.asIntN(64, micros) * 1000n + sub;
}

export function int96ToEpoch(bytes: Uint8Array, count: number, unit: Exclude<Int96Unit, 'raw'>): BigInt64Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new BigInt64Array(count);
  const divisor = DIVISOR[unit];
  for (let i = 0; i < count; i++) {
    const exact = int96Nanos(view, i);
    // Floor division, so instants before the epoch round down like every other timestamp.
    const q = exact / divisor - (exact % divisor < 0n ? 1n : 0n);
    if (q < INT64_MIN || q > INT64_MAX) {
      throw new ParquetryError('LIMIT', `INT96 timestamp ${i} (${exact} ns from the epoch) does not fit a 64-bit timestamp[${unit}]; read with int96Unit 'us' or 'ms'`);
    }
    out[i] = q;
  }
  return out;
}
