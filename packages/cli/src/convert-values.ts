// One input value (a CSV cell's text, or a JSON value) as the native value of a column type, or a
// Misfit saying why it does not fit. Nothing is coerced in a way that could lose or invent data:
// 1.5 does not fit an integer, 300 does not fit uint8, a naive date-time does not fit a UTC column.
import type { ColumnType, TimeUnit } from './convert-schema.js';
import { typeName } from './convert-schema.js';
import { parseIsoDateTime, timestampIn } from './convert-timestamp.js';

/** A value that does not fit its column; the caller adds the line and column. */
export class Misfit extends Error {}

export type Convert = (raw: unknown) => unknown;

const INTEGER = /^[+-]?\d+$/;
const FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const SPECIAL_FLOATS: Record<string, number> = { nan: NaN, '+nan': NaN, '-nan': NaN, inf: Infinity, '+inf': Infinity, '-inf': -Infinity, infinity: Infinity, '+infinity': Infinity, '-infinity': -Infinity };

function show(raw: unknown): string {
  const text = typeof raw === 'bigint' ? raw.toString() : typeof raw === 'string' ? JSON.stringify(raw) : JSON.stringify(raw, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
  return text === undefined ? String(raw) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function misfit(raw: unknown, type: ColumnType, why = ''): never {
  throw new Misfit(`${show(raw)} is not a${/^[aeiou]/.test(typeName(type)) ? 'n' : ''} ${typeName(type)}${why ? ` (${why})` : ''}`);
}

/** Text of a JSON value (bigints as their digits), as a `json` column stores it. */
export function jsonTextOf(value: unknown): string {
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(jsonTextOf).join(',')}]`;
  return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${jsonTextOf(v)}`).join(',')}}`;
}

function integerRange(bits: number, signed: boolean): [bigint, bigint] {
  return signed ? [-(2n ** BigInt(bits - 1)), 2n ** BigInt(bits - 1) - 1n] : [0n, 2n ** BigInt(bits) - 1n];
}

/**
 * 64-bit integers come back as numbers while they are safe integers (the builder writes them
 * without a BigInt) and as bigints past that.
 */
function convertInteger(type: Extract<ColumnType, { kind: 'int' }>, fromText: boolean): Convert {
  const [min, max] = integerRange(type.bits, type.signed);
  const nmin = Number(min);
  const nmax = Number(max);
  const wide = type.bits === 64;
  return (raw) => {
    let v: bigint;
    if (typeof raw === 'number' && !fromText) {
      if (!Number.isInteger(raw)) misfit(raw, type);
      if (!wide || Number.isSafeInteger(raw)) return raw >= nmin && raw <= nmax ? raw : misfit(raw, type, 'out of range');
      // A JSON.parse number past 2^53 is not the integer the text had; the exact parser sees to those.
      v = BigInt(raw);
    } else if (typeof raw === 'bigint' && !fromText) v = raw;
    else if (typeof raw === 'string') {
      const t = raw.length && raw.charCodeAt(0) > 32 && raw.charCodeAt(raw.length - 1) > 32 ? raw : raw.trim();
      if (!INTEGER.test(t)) return misfit(raw, type);
      // Up to 15 digits is a safe integer.
      if (t.length < 16) {
        const n = Number(t);
        return n >= nmin && n <= nmax ? n : misfit(raw, type, 'out of range');
      }
      v = BigInt(t);
    } else return misfit(raw, type);
    if (v < min || v > max) misfit(raw, type, 'out of range');
    return wide ? v : Number(v);
  };
}

function convertFloat(type: ColumnType, fromText: boolean): Convert {
  return (raw) => {
    if (!fromText && typeof raw === 'number') return raw;
    if (!fromText && typeof raw === 'bigint') return Number(raw);
    if (typeof raw === 'string') {
      // Number() reads decimal text (and trims); it also reads "", " ", 0x.., 0b.., 0o.., refused here.
      const n = Number(raw);
      if (n === n && (n !== 0 || /\d/.test(raw))) {
        const c = raw.trim().charCodeAt(1) | 32;
        if (c !== 120 && c !== 98 && c !== 111) return n;
      }
      const t = raw.trim();
      if (FLOAT.test(t)) return Number(t);
      const special = SPECIAL_FLOATS[t.toLowerCase()];
      if (special !== undefined) return special;
    }
    return misfit(raw, type);
  };
}

function convertBool(type: ColumnType, fromText: boolean): Convert {
  return (raw) => {
    if (!fromText && typeof raw === 'boolean') return raw;
    if (fromText && typeof raw === 'string') {
      const t = raw.trim().toLowerCase();
      if (t === 'true' || t === '1') return true;
      if (t === 'false' || t === '0') return false;
    }
    return misfit(raw, type);
  };
}

function convertDate(type: ColumnType): Convert {
  return (raw) => {
    const v = typeof raw === 'string' ? parseIsoDateTime(raw.trim()) : undefined;
    if (!v || v.hasTime) return misfit(raw, type);
    return v.days;
  };
}

function convertTimestamp(type: ColumnType & { unit: TimeUnit; utc: boolean }): Convert {
  return (raw) => {
    const v = typeof raw === 'string' ? parseIsoDateTime(raw.trim()) : undefined;
    if (!v) return misfit(raw, type);
    if (v.hasTime && (v.offset !== null) !== type.utc) misfit(raw, type, type.utc ? 'no UTC offset' : 'it has a UTC offset; the column is not UTC-adjusted');
    const at = timestampIn(v, type.unit);
    return at === undefined ? misfit(raw, type, `finer than ${type.unit} or out of range`) : at;
  };
}

/** The converter of a leaf type for CSV cells (`fromText`) or JSON values. */
export function leafConverter(type: ColumnType, fromText: boolean): Convert {
  switch (type.kind) {
    case 'bool':
      return convertBool(type, fromText);
    case 'int':
      return convertInteger(type, fromText);
    case 'float':
      return convertFloat(type, fromText);
    case 'utf8':
      return (raw) => (typeof raw === 'string' ? raw : misfit(raw, type));
    case 'json':
      return fromText ? (raw) => raw : (raw) => jsonTextOf(raw);
    case 'date':
      return convertDate(type);
    case 'timestamp':
      return convertTimestamp(type);
    default:
      throw new Error(`${type.kind} is not a leaf type`);
  }
}
