// The Arrow type of a Parquet leaf, from its physical type and its logical (or converted) type.
import {
  Binary,
  Bool,
  DateDay,
  Decimal,
  FixedSizeBinary,
  Float16,
  Float32,
  Float64,
  Int8,
  Int16,
  Int32,
  Int64,
  Null,
  TimeMicrosecond,
  TimeMillisecond,
  TimeNanosecond,
  TimestampMicrosecond,
  TimestampMillisecond,
  TimestampNanosecond,
  Uint8,
  Uint16,
  Uint32,
  Uint64,
  Utf8,
  type DataType,
} from 'apache-arrow';
import type { LeafNode } from '../schema/parquet-schema.js';
import { decimalBitWidth } from './decimal.js';
import type { Int96Unit } from './int96.js';

/** What a leaf becomes; `kind` picks the conversion in leaf-data.ts. */
export type LeafKind =
  | 'bool'
  | 'int32'
  | 'int64'
  | 'narrow' // INT32 into Int8/Int16/Uint8/Uint16/Uint32
  | 'uint64'
  | 'float32'
  | 'float64'
  | 'float16'
  | 'binary'
  | 'fixed'
  | 'int96'
  | 'decimal'
  | 'null';

export interface LeafType {
  type: DataType;
  kind: LeafKind;
}

function timeUnit(unit: { MILLIS?: object; MICROS?: object; NANOS?: object }): 'ms' | 'us' | 'ns' {
  return unit.MILLIS ? 'ms' : unit.MICROS ? 'us' : 'ns';
}

export function leafType(leaf: LeafNode, int96Unit: Int96Unit = 'ns'): LeafType {
  const { physicalType: physical, logicalType: logical, convertedType: converted, element } = leaf;
  const precision = logical?.DECIMAL?.precision ?? element.precision;
  const scale = logical?.DECIMAL?.scale ?? element.scale ?? 0;
  if ((logical?.DECIMAL || converted === 'DECIMAL') && precision !== undefined && precision > 0) {
    if (physical === 'INT32' || physical === 'INT64' || physical === 'FIXED_LEN_BYTE_ARRAY' || physical === 'BYTE_ARRAY') {
      return { type: new Decimal(scale, precision, decimalBitWidth(precision)), kind: 'decimal' };
    }
  }
  if (logical?.UNKNOWN) return { type: new Null(), kind: 'null' };
  switch (physical) {
    case 'BOOLEAN':
      return { type: new Bool(), kind: 'bool' };
    case 'INT32': {
      const int = logical?.INTEGER;
      const bits = int?.bitWidth ?? { INT_8: 8, INT_16: 16, UINT_8: 8, UINT_16: 16, UINT_32: 32 }[converted ?? ''];
      const signed = int ? int.isSigned : !converted?.startsWith('UINT');
      if (bits === 8) return { type: signed ? new Int8() : new Uint8(), kind: 'narrow' };
      if (bits === 16) return { type: signed ? new Int16() : new Uint16(), kind: 'narrow' };
      if (bits === 32 && !signed) return { type: new Uint32(), kind: 'narrow' };
      if (logical?.DATE || converted === 'DATE') return { type: new DateDay(), kind: 'int32' };
      if ((logical?.TIME && timeUnit(logical.TIME.unit) === 'ms') || converted === 'TIME_MILLIS') return { type: new TimeMillisecond(), kind: 'int32' };
      return { type: new Int32(), kind: 'int32' };
    }
    case 'INT64': {
      const int = logical?.INTEGER;
      if ((int && !int.isSigned) || converted === 'UINT_64') return { type: new Uint64(), kind: 'uint64' };
      const ts = logical?.TIMESTAMP;
      if (ts) {
        const tz = ts.isAdjustedToUTC ? 'UTC' : null;
        const unit = timeUnit(ts.unit);
        return { type: unit === 'ms' ? new TimestampMillisecond(tz) : unit === 'us' ? new TimestampMicrosecond(tz) : new TimestampNanosecond(tz), kind: 'int64' };
      }
      if (converted === 'TIMESTAMP_MILLIS') return { type: new TimestampMillisecond('UTC'), kind: 'int64' };
      if (converted === 'TIMESTAMP_MICROS') return { type: new TimestampMicrosecond('UTC'), kind: 'int64' };
      const time = logical?.TIME;
      if (time) return { type: timeUnit(time.unit) === 'us' ? new TimeMicrosecond() : new TimeNanosecond(), kind: 'int64' };
      if (converted === 'TIME_MICROS') return { type: new TimeMicrosecond(), kind: 'int64' };
      return { type: new Int64(), kind: 'int64' };
    }
    case 'INT96':
      if (int96Unit === 'raw') return { type: new FixedSizeBinary(12), kind: 'fixed' };
      return { type: int96Unit === 'ns' ? new TimestampNanosecond() : int96Unit === 'us' ? new TimestampMicrosecond() : new TimestampMillisecond(), kind: 'int96' };
    case 'FLOAT':
      return { type: new Float32(), kind: 'float32' };
    case 'DOUBLE':
      return { type: new Float64(), kind: 'float64' };
    case 'FIXED_LEN_BYTE_ARRAY':
      if (logical?.FLOAT16 && leaf.typeLength === 2) return { type: new Float16(), kind: 'float16' };
      return { type: new FixedSizeBinary(leaf.typeLength ?? 0), kind: 'fixed' };
    case 'BYTE_ARRAY': {
      const text = logical?.STRING || logical?.ENUM || logical?.JSON || converted === 'UTF8' || converted === 'ENUM' || converted === 'JSON';
      return { type: text ? new Utf8() : new Binary(), kind: 'binary' };
    }
  }
}
