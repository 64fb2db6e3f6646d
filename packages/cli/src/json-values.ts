// Rows as JSON with the fixed mapping `parquetry cat` prints (and the corpus conformance compares):
// integers as numbers up to 2^53 in magnitude, else decimal strings; NaN and infinities as strings;
// decimals as exact decimal strings; dates and times as ISO 8601 with the unit's digits (Z when
// UTC-adjusted); binary as base64; UUIDs canonical; lists as arrays; structs as objects; maps as
// arrays of {key, value}. Works on the Arrow Data directly, with the Parquet plan for what Arrow
// does not say (UUID, INTERVAL, raw INT96). A sliced Data keeps `offset` for its validity bitmap
// and bit-packed booleans only: its values and value offsets are sliced already.
import type { Data, RecordBatch } from 'apache-arrow';
import { Type } from 'apache-arrow';
import { int96Nanos, type Plan } from '@parquetry/parquet';
import { isoDate, isoTime, isoTimestamp, type ClockUnit } from './civil.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Format = (data: Data, index: number) => Json;

const utf8 = new TextDecoder();
const LIMIT = 2n ** 53n;

function isValid(data: Data, i: number): boolean {
  const bitmap = data.nullBitmap;
  if (!bitmap || bitmap.length === 0 || data.nullCount === 0) return true;
  const at = data.offset + i;
  return (bitmap[at >> 3] & (1 << (at & 7))) !== 0;
}

export function integer(v: bigint | number): Json {
  if (typeof v === 'number') return v;
  return v >= -LIMIT && v <= LIMIT ? Number(v) : v.toString();
}

export function float(v: number): Json {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  return v;
}

function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function float16(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >> 10) & 0x1f;
  const frac = bits & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 31) return frac ? NaN : sign * Infinity;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

/** A two's complement little-endian integer of `words` u32 words. */
function wordsToBigInt(words: Uint32Array, at: number, n: number): bigint {
  let v = 0n;
  for (let k = n - 1; k >= 0; k--) v = (v << 32n) | BigInt(words[at + k]);
  return BigInt.asIntN(n * 32, v);
}

export function decimalString(unscaled: bigint, scale: number): string {
  const negative = unscaled < 0n;
  let digits = (negative ? -unscaled : unscaled).toString();
  if (scale > 0) {
    digits = digits.padStart(scale + 1, '0');
    digits = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  } else if (scale < 0) digits += '0'.repeat(-scale);
  return negative ? `-${digits}` : digits;
}

function uuid(bytes: Uint8Array): string {
  const h = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function fixedBytes(data: Data, i: number, width: number): Uint8Array {
  const at = i * width;
  return (data.values as Uint8Array).subarray(at, at + width);
}

function leafFormat(plan: Extract<Plan, { kind: 'leaf' }>): Format {
  const type = plan.type as unknown as { typeId: Type; unit?: number; timezone?: string | null; scale?: number; bitWidth?: number; byteWidth?: number };
  const leaf = plan.node;
  const logical = leaf.logicalType;
  const units: ClockUnit[] = ['s', 'ms', 'us', 'ns'];
  switch (type.typeId) {
    case Type.Null:
      return () => null;
    case Type.Bool:
      return (d, i) => {
        const at = d.offset + i;
        return ((d.values as Uint8Array)[at >> 3] & (1 << (at & 7))) !== 0;
      };
    case Type.Int:
      return (d, i) => integer((d.values as Int32Array | BigInt64Array)[i]);
    case Type.Float:
      if (plan.leafType.kind === 'float16') return (d, i) => float(float16((d.values as Uint16Array)[i]));
      return (d, i) => float((d.values as Float64Array)[i]);
    case Type.Decimal: {
      const n = (type.bitWidth ?? 128) / 32;
      const scale = type.scale ?? 0;
      return (d, i) => decimalString(wordsToBigInt(d.values as Uint32Array, i * n, n), scale);
    }
    case Type.Date:
      return (d, i) => isoDate(BigInt((d.values as Int32Array)[i]));
    case Type.Time: {
      const unit = units[type.unit ?? 1];
      return (d, i) => isoTime(BigInt((d.values as Int32Array | BigInt64Array)[i]), unit);
    }
    case Type.Timestamp: {
      const unit = units[type.unit ?? 1];
      const utc = !!type.timezone;
      return (d, i) => isoTimestamp(BigInt((d.values as BigInt64Array)[i]), unit, utc);
    }
    case Type.Utf8:
      return (d, i) => {
        const o = d.valueOffsets as Int32Array;
        return utf8.decode((d.values as Uint8Array).subarray(o[i], o[i + 1]));
      };
    case Type.Binary:
      return (d, i) => {
        const o = d.valueOffsets as Int32Array;
        return base64((d.values as Uint8Array).subarray(o[i], o[i + 1]));
      };
    case Type.FixedSizeBinary: {
      const width = type.byteWidth ?? 0;
      if (leaf.physicalType === 'INT96') {
        return (d, i) => {
          const b = fixedBytes(d, i, 12);
          return isoTimestamp(int96Nanos(new DataView(b.buffer, b.byteOffset, 12), 0), 'ns', false);
        };
      }
      if (logical?.UUID && width === 16) return (d, i) => uuid(fixedBytes(d, i, 16));
      if (leaf.convertedType === 'INTERVAL' && width === 12) {
        return (d, i) => {
          const b = fixedBytes(d, i, 12);
          const view = new DataView(b.buffer, b.byteOffset, 12);
          return { months: view.getUint32(0, true), days: view.getUint32(4, true), milliseconds: view.getUint32(8, true) };
        };
      }
      return (d, i) => base64(fixedBytes(d, i, width));
    }
    default:
      return (d, i) => String(d.values?.[i]);
  }
}

export function compileFormat(plan: Plan): Format {
  let format: Format;
  switch (plan.kind) {
    case 'leaf':
      format = leafFormat(plan);
      break;
    case 'struct': {
      const names = plan.children.map((c) => c.node.name);
      const children = plan.children.map(compileFormat);
      format = (d, i) => {
        const out: Record<string, Json> = {};
        for (let k = 0; k < children.length; k++) out[names[k]] = children[k](d.children[k], i);
        return out;
      };
      break;
    }
    case 'list': {
      const element = compileFormat(plan.element);
      format = (d, i) => {
        const o = d.valueOffsets as Int32Array;
        const out: Json[] = [];
        for (let k = o[i]; k < o[i + 1]; k++) out.push(element(d.children[0], k));
        return out;
      };
      break;
    }
    case 'map': {
      const key = compileFormat(plan.key);
      const value = plan.value ? compileFormat(plan.value) : () => null;
      format = (d, i) => {
        const o = d.valueOffsets as Int32Array;
        const entries = d.children[0];
        const out: Json[] = [];
        for (let k = o[i]; k < o[i + 1]; k++) {
          out.push({ key: key(entries.children[0], k), value: plan.value ? value(entries.children[1], k) : null });
        }
        return out;
      };
      break;
    }
  }
  return (d, i) => (isValid(d, i) ? format(d, i) : null);
}

/**
 * JSON text of a value, as JSON.stringify writes it except for negative zero, which is `-0.0`: the
 * one spelling that JSON.parse and Python's json.loads both read back as negative zero.
 */
export function jsonText(value: Json): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0.0' : JSON.stringify(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(jsonText).join(',')}]`;
  return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${jsonText(v)}`).join(',')}}`;
}

/** Each row of `batch` as a JSON-able object of its top-level fields. */
export function* jsonRows(batch: RecordBatch, plans: readonly Plan[]): Generator<Record<string, Json>> {
  const formats = plans.map(compileFormat);
  const columns = batch.data.children;
  for (let r = 0; r < batch.numRows; r++) {
    const row: Record<string, Json> = {};
    for (let c = 0; c < plans.length; c++) row[plans[c].node.name] = formats[c](columns[c], r);
    yield row;
  }
}
