// The Parquet leaf type an Arrow leaf type is written as: physical type, logical and converted
// type, and how its values are turned into PLAIN values (`conversion`, used by leaf-values.ts).
// The choices are those of Arrow C++ (pyarrow) with its defaults: seconds become milliseconds,
// Date64 becomes DATE days, small decimals INT32/INT64, INT96 only on request.
import { ParquetryError, type PhysicalType } from '@parquetry/core';
import type { LogicalType } from '@parquetry/thrift';
import { Type, type DataType } from 'apache-arrow';

export type Conversion =
  | 'bool'
  | 'int32' // Int32Array as is
  | 'narrow' // 8/16-bit and unsigned 32-bit ints widened into INT32
  | 'int64' // BigInt64Array as is (Uint64 reinterpreted)
  | 'float' // Float32Array / Float64Array as is
  | 'float16' // raw 16-bit words as 2 little-endian bytes
  | 'seconds' // seconds × 1000 into INT64 milliseconds
  | 'date64' // milliseconds into INT32 days
  | 'time32s' // seconds × 1000 into INT32 milliseconds
  | 'int96' // nanoseconds into the legacy INT96 (nanos of day, Julian day)
  | 'decimal'
  | 'binary' // 32-bit offsets
  | 'large-binary' // 64-bit offsets, narrowed
  | 'fixed'
  | 'null';

export interface WriteLeafType {
  physical: PhysicalType;
  typeLength?: number;
  logical?: LogicalType;
  converted?: number;
  precision?: number;
  scale?: number;
  conversion: Conversion;
}

/** ConvertedType numbers of parquet.thrift. */
export const CONVERTED = { UTF8: 0, MAP: 1, LIST: 3, ENUM: 4, DECIMAL: 5, DATE: 6, TIME_MILLIS: 7, TIME_MICROS: 8, TIMESTAMP_MILLIS: 9, TIMESTAMP_MICROS: 10, UINT_8: 11, UINT_16: 12, UINT_32: 13, UINT_64: 14, INT_8: 15, INT_16: 16, INT_32: 17, INT_64: 18, JSON: 19, BSON: 20, INTERVAL: 21 } as const;

const unitOf = (u: number) => (u === 1 ? { MILLIS: {} } : u === 2 ? { MICROS: {} } : { NANOS: {} });

/** Bytes of a big-endian two's complement that holds every decimal of `precision` digits. */
export function decimalBytes(precision: number): number {
  let bytes = 1;
  while (2n ** BigInt(8 * bytes - 1) < 10n ** BigInt(precision)) bytes++;
  return bytes;
}

export interface TypeOptions {
  /** Timestamps in nanoseconds written as INT96 (legacy Spark/Impala readers). */
  int96Timestamps?: boolean;
}

export function writeLeafType(type: DataType, options: TypeOptions = {}): WriteLeafType {
  const t = type as unknown as { typeId: Type; bitWidth?: number; isSigned?: boolean; unit?: number; timezone?: string | null; byteWidth?: number; precision?: number; scale?: number };
  switch (t.typeId) {
    case Type.Null:
      return { physical: 'INT32', logical: { UNKNOWN: {} }, conversion: 'null' };
    case Type.Bool:
      return { physical: 'BOOLEAN', conversion: 'bool' };
    case Type.Int: {
      const bits = t.bitWidth ?? 32;
      const integer = { INTEGER: { bitWidth: bits, isSigned: !!t.isSigned } };
      if (bits === 64) return t.isSigned ? { physical: 'INT64', conversion: 'int64' } : { physical: 'INT64', logical: integer, converted: CONVERTED.UINT_64, conversion: 'int64' };
      if (bits === 32 && t.isSigned) return { physical: 'INT32', conversion: 'int32' };
      const converted = t.isSigned ? (bits === 8 ? CONVERTED.INT_8 : CONVERTED.INT_16) : bits === 8 ? CONVERTED.UINT_8 : bits === 16 ? CONVERTED.UINT_16 : CONVERTED.UINT_32;
      return { physical: 'INT32', logical: integer, converted, conversion: 'narrow' };
    }
    case Type.Float: {
      const precision = t.precision;
      if (precision === 0) return { physical: 'FIXED_LEN_BYTE_ARRAY', typeLength: 2, logical: { FLOAT16: {} }, conversion: 'float16' };
      return { physical: precision === 2 ? 'DOUBLE' : 'FLOAT', conversion: 'float' };
    }
    case Type.Utf8:
      return { physical: 'BYTE_ARRAY', logical: { STRING: {} }, converted: CONVERTED.UTF8, conversion: 'binary' };
    case Type.LargeUtf8:
      return { physical: 'BYTE_ARRAY', logical: { STRING: {} }, converted: CONVERTED.UTF8, conversion: 'large-binary' };
    case Type.Binary:
      return { physical: 'BYTE_ARRAY', conversion: 'binary' };
    case Type.LargeBinary:
      return { physical: 'BYTE_ARRAY', conversion: 'large-binary' };
    case Type.FixedSizeBinary:
      return { physical: 'FIXED_LEN_BYTE_ARRAY', typeLength: t.byteWidth, conversion: 'fixed' };
    case Type.Date:
      return { physical: 'INT32', logical: { DATE: {} }, converted: CONVERTED.DATE, conversion: t.unit === 0 ? 'int32' : 'date64' };
    case Type.Time: {
      const unit = t.unit ?? 1;
      if (unit <= 1) return { physical: 'INT32', logical: { TIME: { isAdjustedToUTC: false, unit: { MILLIS: {} } } }, converted: CONVERTED.TIME_MILLIS, conversion: unit === 0 ? 'time32s' : 'int32' };
      return { physical: 'INT64', logical: { TIME: { isAdjustedToUTC: false, unit: unitOf(unit) } }, converted: unit === 2 ? CONVERTED.TIME_MICROS : undefined, conversion: 'int64' };
    }
    case Type.Timestamp: {
      const unit = t.unit ?? 2;
      const utc = !!t.timezone;
      if (unit === 3 && options.int96Timestamps) return { physical: 'INT96', conversion: 'int96' };
      const written = unit === 0 ? 1 : unit;
      const converted = utc ? (written === 1 ? CONVERTED.TIMESTAMP_MILLIS : written === 2 ? CONVERTED.TIMESTAMP_MICROS : undefined) : undefined;
      return { physical: 'INT64', logical: { TIMESTAMP: { isAdjustedToUTC: utc, unit: unitOf(written) } }, converted, conversion: unit === 0 ? 'seconds' : 'int64' };
    }
    case Type.Decimal: {
      const precision = t.precision ?? 0;
      const scale = t.scale ?? 0;
      if (!(precision >= 1 && precision <= 76)) throw new ParquetryError('INVALID_ARGUMENT', `decimal precision ${precision} is outside 1..76`);
      const logical = { DECIMAL: { precision, scale } };
      const common = { logical, converted: CONVERTED.DECIMAL, precision, scale, conversion: 'decimal' as const };
      if (precision <= 9) return { physical: 'INT32', ...common };
      if (precision <= 18) return { physical: 'INT64', ...common };
      return { physical: 'FIXED_LEN_BYTE_ARRAY', typeLength: decimalBytes(precision), ...common };
    }
  }
  throw new ParquetryError('UNSUPPORTED', `writing Arrow type ${String(type)} is not supported`);
}
