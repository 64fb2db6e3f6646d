// The column types `convert` reads CSV and JSON lines into, whether inferred or given by --schema,
// their Arrow fields, and the --schema file: {"fields": [FIELD, ...]} where FIELD is
// {"name": "id", "type": TYPE, "nullable": false} (nullable defaults to true) and TYPE is one of
//   "bool", "int8" "int16" "int32" "int64", "uint8" "uint16" "uint32" "uint64", "float32", "float64",
//   "utf8" (or "string"), "json" (any value, kept as its JSON text), "date32" (or "date"),
//   "timestamp[s|ms|us|ns]" or "timestamp[UNIT, UTC]" ("timestamp" is timestamp[us]),
//   {"list": TYPE, "nullable": BOOL (the elements'; default true)}, {"struct": [FIELD, ...]}.
import { ParquetryError } from '@parquetry/core';
import {
  Bool, DataType, DateDay, Field, Float32, Float64, Int16, Int32, Int64, Int8, List, Schema, Struct,
  TimestampMicrosecond, TimestampMillisecond, TimestampNanosecond, TimestampSecond, Uint16, Uint32, Uint64, Uint8, Utf8,
} from 'apache-arrow';

export type TimeUnit = 's' | 'ms' | 'us' | 'ns';

export type ColumnType =
  | { kind: 'bool' }
  | { kind: 'int'; bits: 8 | 16 | 32 | 64; signed: boolean }
  | { kind: 'float'; bits: 32 | 64 }
  | { kind: 'utf8' }
  | { kind: 'json' }
  | { kind: 'date' }
  | { kind: 'timestamp'; unit: TimeUnit; utc: boolean }
  | { kind: 'list'; element: ColumnField }
  | { kind: 'struct'; fields: ColumnField[] };

export interface ColumnField {
  name: string;
  type: ColumnType;
  nullable: boolean;
}

const NAMED: Record<string, ColumnType> = {
  bool: { kind: 'bool' },
  boolean: { kind: 'bool' },
  int8: { kind: 'int', bits: 8, signed: true },
  int16: { kind: 'int', bits: 16, signed: true },
  int32: { kind: 'int', bits: 32, signed: true },
  int64: { kind: 'int', bits: 64, signed: true },
  uint8: { kind: 'int', bits: 8, signed: false },
  uint16: { kind: 'int', bits: 16, signed: false },
  uint32: { kind: 'int', bits: 32, signed: false },
  uint64: { kind: 'int', bits: 64, signed: false },
  float32: { kind: 'float', bits: 32 },
  float: { kind: 'float', bits: 32 },
  float64: { kind: 'float', bits: 64 },
  double: { kind: 'float', bits: 64 },
  utf8: { kind: 'utf8' },
  string: { kind: 'utf8' },
  json: { kind: 'json' },
  date32: { kind: 'date' },
  date: { kind: 'date' },
  timestamp: { kind: 'timestamp', unit: 'us', utc: false },
};

/** A short name of a type, as the --schema file spells it. */
export function typeName(type: ColumnType): string {
  switch (type.kind) {
    case 'int':
      return `${type.signed ? '' : 'u'}int${type.bits}`;
    case 'float':
      return `float${type.bits}`;
    case 'date':
      return 'date32';
    case 'timestamp':
      return `timestamp[${type.unit}${type.utc ? ', UTC' : ''}]`;
    case 'list':
      return `list<${typeName(type.element.type)}>`;
    case 'struct':
      return `struct<${type.fields.map((f) => `${f.name}: ${typeName(f.type)}`).join(', ')}>`;
    default:
      return type.kind;
  }
}

function bad(path: string, detail: string): ParquetryError {
  return new ParquetryError('INVALID_ARGUMENT', `--schema: ${path}: ${detail}`);
}

function parseType(value: unknown, path: string): ColumnType {
  if (typeof value === 'string') {
    const name = value.trim().toLowerCase();
    if (NAMED[name]) return NAMED[name];
    const m = /^timestamp\[\s*(s|ms|us|ns)\s*(?:,\s*([^\]]+?)\s*)?\]$/.exec(name);
    if (m) {
      if (m[2] !== undefined && m[2] !== 'utc' && m[2] !== 'z' && m[2] !== '+00:00') throw bad(path, `time zone ${m[2]} is not supported (UTC only; values with offsets are normalized to UTC)`);
      return { kind: 'timestamp', unit: m[1] as TimeUnit, utc: m[2] !== undefined };
    }
    throw bad(path, `unknown type ${JSON.stringify(value)}`);
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    if ('list' in o) {
      if (o.nullable !== undefined && typeof o.nullable !== 'boolean') throw bad(path, 'a list\'s "nullable" must be true or false');
      return { kind: 'list', element: { name: 'element', type: parseType(o.list, `${path}[]`), nullable: o.nullable !== false } };
    }
    if ('struct' in o) {
      if (!Array.isArray(o.struct)) throw bad(path, '"struct" must be an array of fields');
      return { kind: 'struct', fields: parseFields(o.struct, `${path}.`) };
    }
  }
  throw bad(path, `a type is a name such as "int64" or {"list": TYPE} or {"struct": [FIELD, ...]}, not ${JSON.stringify(value)}`);
}

function parseFields(list: unknown[], prefix: string): ColumnField[] {
  const names = new Set<string>();
  return list.map((f, i) => {
    if (!f || typeof f !== 'object' || Array.isArray(f)) throw bad(`${prefix}fields[${i}]`, 'a field is {"name": ..., "type": ..., "nullable": ...}');
    const o = f as Record<string, unknown>;
    if (typeof o.name !== 'string' || o.name === '') throw bad(`${prefix}fields[${i}]`, 'a field needs a non-empty "name"');
    if (names.has(o.name)) throw bad(`${prefix}${o.name}`, 'the name is used twice');
    names.add(o.name);
    if (o.nullable !== undefined && typeof o.nullable !== 'boolean') throw bad(`${prefix}${o.name}`, '"nullable" must be true or false');
    return { name: o.name, type: parseType(o.type, `${prefix}${o.name}`), nullable: o.nullable !== false };
  });
}

/** The --schema file's text as fields. */
export function parseSchemaJson(text: string): ColumnField[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ParquetryError('INVALID_ARGUMENT', `--schema is not JSON: ${(error as Error).message}`);
  }
  const fields = (value as { fields?: unknown })?.fields;
  if (!Array.isArray(fields) || fields.length === 0) throw new ParquetryError('INVALID_ARGUMENT', '--schema must be {"fields": [{"name": ..., "type": ..., "nullable": ...}, ...]} with at least one field');
  return parseFields(fields, '');
}

export function arrowType(type: ColumnType): DataType {
  switch (type.kind) {
    case 'bool':
      return new Bool();
    case 'int':
      if (type.signed) return type.bits === 8 ? new Int8() : type.bits === 16 ? new Int16() : type.bits === 32 ? new Int32() : new Int64();
      return type.bits === 8 ? new Uint8() : type.bits === 16 ? new Uint16() : type.bits === 32 ? new Uint32() : new Uint64();
    case 'float':
      return type.bits === 32 ? new Float32() : new Float64();
    case 'utf8':
    case 'json':
      return new Utf8();
    case 'date':
      return new DateDay();
    case 'timestamp': {
      const zone = type.utc ? 'UTC' : undefined;
      return type.unit === 's' ? new TimestampSecond(zone) : type.unit === 'ms' ? new TimestampMillisecond(zone) : type.unit === 'us' ? new TimestampMicrosecond(zone) : new TimestampNanosecond(zone);
    }
    case 'list':
      return new List(arrowField(type.element));
    case 'struct':
      return new Struct(type.fields.map(arrowField));
  }
}

export function arrowField(field: ColumnField): Field {
  return new Field(field.name, arrowType(field.type), field.nullable);
}

export function arrowSchema(fields: readonly ColumnField[]): Schema {
  return new Schema(fields.map(arrowField));
}
