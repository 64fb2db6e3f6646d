// fast-check arbitraries for the writer's property tests: random Arrow schemas (lists, structs and
// maps nested up to MAX_DEPTH, nullable and required fields, every leaf type the writer takes) as
// plain specs that print readably in a counterexample, and random rows for a schema in the forms
// rowsToBatch takes, biased towards edges: nulls, empty lists and maps, empty strings, NaN, -0,
// integer and date extremes, decimals at their precision's limit.
import fc from 'fast-check';
import type { PhysicalType } from '@parquetry/core';
import type { Row } from '@parquetry/parquet';
import {
  Binary,
  Bool,
  DateDay,
  DateMillisecond,
  Decimal,
  Dictionary,
  Field,
  FixedSizeBinary,
  Float16,
  Float32,
  Float64,
  Int16,
  Int32,
  Int64,
  Int8,
  LargeBinary,
  LargeUtf8,
  List,
  Map_,
  Null,
  Schema,
  Struct,
  TimeMicrosecond,
  TimeMillisecond,
  TimeNanosecond,
  TimestampMicrosecond,
  TimestampMillisecond,
  TimestampNanosecond,
  TimestampSecond,
  Uint16,
  Uint32,
  Uint64,
  Uint8,
  Utf8,
  type DataType,
} from 'apache-arrow';

export type TimeUnitName = 's' | 'ms' | 'us' | 'ns';

export type LeafSpec =
  | { kind: 'null' }
  | { kind: 'bool' }
  | { kind: 'int'; bits: 8 | 16 | 32 | 64; signed: boolean }
  | { kind: 'float'; bits: 16 | 32 | 64 }
  | { kind: 'utf8' }
  | { kind: 'large-utf8' }
  | { kind: 'dict-utf8' }
  | { kind: 'binary' }
  | { kind: 'large-binary' }
  | { kind: 'fixed'; width: number }
  | { kind: 'date32' }
  | { kind: 'date64' }
  | { kind: 'time'; unit: 'ms' | 'us' | 'ns' }
  | { kind: 'timestamp'; unit: TimeUnitName; tz: string | null }
  | { kind: 'decimal'; precision: number; scale: number };

export type TypeSpec =
  | LeafSpec
  | { kind: 'list'; element: FieldSpec }
  | { kind: 'struct'; fields: FieldSpec[] }
  | { kind: 'map'; key: LeafSpec; value: FieldSpec };

export interface FieldSpec {
  name: string;
  nullable: boolean;
  type: TypeSpec;
}

/** Nesting levels below a top-level field (a list of structs of lists is depth 3). */
export const MAX_DEPTH = 3;

// ---------------------------------------------------------------------------------------------
// Schemas

const TIME_ZONES = [null, 'UTC', '+05:30', 'America/New_York'];

const precisionArb = fc.oneof(fc.constantFrom(1, 9, 10, 18, 19, 38), fc.integer({ min: 1, max: 38 }));

/** One arbitrary per kind of leaf, so that each kind is drawn about as often as the others. */
const KEY_KINDS: Array<fc.Arbitrary<LeafSpec>> = [
  fc.constant<LeafSpec>({ kind: 'bool' }),
  fc.record({ kind: fc.constant('int' as const), bits: fc.constantFrom(8 as const, 16 as const, 32 as const, 64 as const), signed: fc.boolean() }),
  fc.record({ kind: fc.constant('float' as const), bits: fc.constantFrom(16 as const, 32 as const, 64 as const) }),
  fc.constant<LeafSpec>({ kind: 'utf8' }),
  fc.constant<LeafSpec>({ kind: 'large-utf8' }),
  fc.constant<LeafSpec>({ kind: 'binary' }),
  fc.constant<LeafSpec>({ kind: 'large-binary' }),
  fc.record({ kind: fc.constant('fixed' as const), width: fc.integer({ min: 1, max: 17 }) }),
  fc.constantFrom<LeafSpec>({ kind: 'date32' }, { kind: 'date64' }),
  fc.record({ kind: fc.constant('time' as const), unit: fc.constantFrom('ms' as const, 'us' as const, 'ns' as const) }),
  fc.record({ kind: fc.constant('timestamp' as const), unit: fc.constantFrom<TimeUnitName>('s', 'ms', 'us', 'ns'), tz: fc.constantFrom(...TIME_ZONES) }),
  precisionArb.chain((precision) => fc.record({ kind: fc.constant('decimal' as const), precision: fc.constant(precision), scale: fc.integer({ min: 0, max: precision }) })),
];

/** Map keys: any leaf but a null or a dictionary (Parquet keys are required; Arrow's are not dictionaries). */
const keySpec: fc.Arbitrary<LeafSpec> = fc.oneof(...KEY_KINDS);

/** Every leaf type. */
export const leafSpec: fc.Arbitrary<LeafSpec> = fc.oneof(...KEY_KINDS, fc.constant<LeafSpec>({ kind: 'null' }), fc.constant<LeafSpec>({ kind: 'dict-utf8' }));

function namedFields(specs: Array<Omit<FieldSpec, 'name'>>, prefix: string): FieldSpec[] {
  return specs.map((s, i) => ({ name: `${prefix}${i}`, ...s }));
}

/** A field's type and nullability at `depth` (0 for a top-level field). */
function unnamedField(depth: number): fc.Arbitrary<Omit<FieldSpec, 'name'>> {
  const leaf = leafSpec.chain((type) => fc.record({ nullable: type.kind === 'null' ? fc.constant(true) : fc.boolean(), type: fc.constant<TypeSpec>(type) }));
  if (depth >= MAX_DEPTH) return leaf;
  const inner = unnamedField(depth + 1);
  const named = (name: string) => inner.map((f) => ({ name, ...f }));
  const nested: fc.Arbitrary<TypeSpec> = fc.oneof(
    named('item').map((element): TypeSpec => ({ kind: 'list', element })),
    fc.array(inner, { minLength: 1, maxLength: 3 }).map((fields): TypeSpec => ({ kind: 'struct', fields: namedFields(fields, 'f') })),
    fc.tuple(keySpec, named('value')).map(([key, value]): TypeSpec => ({ kind: 'map', key, value })),
  );
  return fc.oneof({ arbitrary: leaf, weight: 3 }, { arbitrary: fc.record({ nullable: fc.boolean(), type: nested }), weight: 2 });
}

/** 1..5 top-level fields; names share a prefix that is sometimes not plain ASCII. */
export const schemaSpec: fc.Arbitrary<FieldSpec[]> = fc
  .tuple(fc.constantFrom('c', 'col ', 'ü_'), fc.array(unnamedField(0), { minLength: 1, maxLength: 5 }))
  .map(([prefix, fields]) => namedFields(fields, prefix));

const UNITS: Record<TimeUnitName, number> = { s: 0, ms: 1, us: 2, ns: 3 };

function leafType(spec: LeafSpec): DataType {
  switch (spec.kind) {
    case 'null':
      return new Null();
    case 'bool':
      return new Bool();
    case 'int': {
      const ints = { 8: [Int8, Uint8], 16: [Int16, Uint16], 32: [Int32, Uint32], 64: [Int64, Uint64] } as const;
      const Ctor = ints[spec.bits][spec.signed ? 0 : 1];
      return new Ctor();
    }
    case 'float':
      return spec.bits === 16 ? new Float16() : spec.bits === 32 ? new Float32() : new Float64();
    case 'utf8':
      return new Utf8();
    case 'large-utf8':
      return new LargeUtf8();
    case 'dict-utf8':
      return new Dictionary(new Utf8(), new Int32());
    case 'binary':
      return new Binary();
    case 'large-binary':
      return new LargeBinary();
    case 'fixed':
      return new FixedSizeBinary(spec.width);
    case 'date32':
      return new DateDay();
    case 'date64':
      return new DateMillisecond();
    case 'time':
      return spec.unit === 'ms' ? new TimeMillisecond() : spec.unit === 'us' ? new TimeMicrosecond() : new TimeNanosecond();
    case 'timestamp': {
      const Ctor = [TimestampSecond, TimestampMillisecond, TimestampMicrosecond, TimestampNanosecond][UNITS[spec.unit]];
      return new Ctor(spec.tz);
    }
    case 'decimal':
      return new Decimal(spec.scale, spec.precision, 128);
  }
}

export function arrowType(spec: TypeSpec): DataType {
  switch (spec.kind) {
    case 'list':
      return new List(arrowField(spec.element));
    case 'struct':
      return new Struct(spec.fields.map(arrowField));
    case 'map': {
      const entries = new Struct([new Field('key', leafType(spec.key), false), arrowField({ ...spec.value, name: 'value' })]);
      return new Map_(new Field('entries', entries, false));
    }
    default:
      return leafType(spec);
  }
}

export function arrowField(spec: FieldSpec): Field {
  return new Field(spec.name, arrowType(spec.type), spec.nullable);
}

export function arrowSchema(fields: FieldSpec[]): Schema {
  return new Schema(fields.map(arrowField));
}

/** Every leaf column: its dotted Parquet path (the writer's per-column option key) and physical type. */
export function leafColumns(fields: FieldSpec[], int96Timestamps = false): Array<{ path: string; physical: PhysicalType; spec: LeafSpec }> {
  const out: Array<{ path: string; physical: PhysicalType; spec: LeafSpec }> = [];
  const walk = (type: TypeSpec, path: string) => {
    if (type.kind === 'list') walk(type.element.type, `${path}.list.element`);
    else if (type.kind === 'struct') for (const f of type.fields) walk(f.type, `${path}.${f.name}`);
    else if (type.kind === 'map') {
      walk(type.key, `${path}.key_value.key`);
      walk(type.value.type, `${path}.key_value.value`);
    } else out.push({ path, physical: physicalType(type, int96Timestamps), spec: type });
  };
  for (const f of fields) walk(f.type, f.name);
  return out;
}

/** The physical type the writer picks for a leaf (parquet-type.ts, Arrow C++'s choices). */
export function physicalType(spec: LeafSpec, int96Timestamps = false): PhysicalType {
  switch (spec.kind) {
    case 'bool':
      return 'BOOLEAN';
    case 'int':
      return spec.bits === 64 ? 'INT64' : 'INT32';
    case 'float':
      return spec.bits === 16 ? 'FIXED_LEN_BYTE_ARRAY' : spec.bits === 32 ? 'FLOAT' : 'DOUBLE';
    case 'utf8':
    case 'large-utf8':
    case 'dict-utf8':
    case 'binary':
    case 'large-binary':
      return 'BYTE_ARRAY';
    case 'fixed':
      return 'FIXED_LEN_BYTE_ARRAY';
    case 'null':
    case 'date32':
    case 'date64':
      return 'INT32';
    case 'time':
      return spec.unit === 'ms' ? 'INT32' : 'INT64';
    case 'timestamp':
      return spec.unit === 'ns' && int96Timestamps ? 'INT96' : 'INT64';
    case 'decimal':
      return spec.precision <= 9 ? 'INT32' : spec.precision <= 18 ? 'INT64' : 'FIXED_LEN_BYTE_ARRAY';
  }
}

// ---------------------------------------------------------------------------------------------
// Values, in the forms rowsToBatch documents

/** Mostly `general`, sometimes one of `edges` (so edge values also repeat, as dictionaries like). */
function withEdges<T>(general: fc.Arbitrary<T>, edges: T[]): fc.Arbitrary<T> {
  return fc.oneof({ arbitrary: general, weight: 3 }, { arbitrary: fc.constantFrom(...edges), weight: 1 });
}

const DAY_MS = 86_400_000;
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

function integerValue(bits: 8 | 16 | 32 | 64, signed: boolean): fc.Arbitrary<unknown> {
  if (bits === 64) {
    const min = signed ? -(2n ** 63n) : 0n;
    const max = signed ? 2n ** 63n - 1n : 2n ** 64n - 1n;
    const big = withEdges(fc.bigInt({ min, max }), [min, max, 0n, 1n, signed ? -1n : max - 1n]);
    // Safe integers are taken too (rowsToBatch widens them).
    return fc.oneof({ arbitrary: big, weight: 4 }, { arbitrary: fc.integer({ min: signed ? -1000 : 0, max: 1000 }), weight: 1 });
  }
  const min = signed ? -(2 ** (bits - 1)) : 0;
  const max = signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
  return withEdges(fc.integer({ min, max }), [min, max, 0, signed ? -1 : 1]);
}

/** Epoch milliseconds of a timestamp whose unit holds them exactly: the fraction is a multiple of
 * 1/8 ms for microseconds and 1/64 ms for nanoseconds (binary fractions, so `ms * 1000` and
 * `ms * 1e6` are integers, as apache-arrow's setters need), and nanoseconds stay inside int64. */
function timestampValue(unit: TimeUnitName): fc.Arbitrary<unknown> {
  if (unit === 's') {
    const limit = 2 ** 43; // seconds whose milliseconds are safe integers
    return withEdges(fc.integer({ min: -limit, max: limit }), [0, -1, 1, limit, -limit, 951_782_400]).map((s) => s * 1000);
  }
  // Whole milliseconds up to the unit's int64 range (ms, us: every safe integer / the Date range).
  const limit = { ms: Number.MAX_SAFE_INTEGER, us: 8.64e15, ns: 9_200_000_000_000 }[unit];
  const edges = [0, -1, 1, limit, -limit, 951_782_400_000, -62_135_596_800_000];
  const whole = withEdges(fc.integer({ min: -limit, max: limit }), edges);
  const fraction = unit === 'us' ? fc.integer({ min: 0, max: 7 }).map((j) => j / 8) : unit === 'ns' ? fc.integer({ min: 0, max: 63 }).map((j) => j / 64) : fc.constant(0);
  const ms = fc.tuple(whole, fraction).map(([w, f]) => (Math.abs(w) < 2 ** 44 ? w + f : w));
  // A Date for whole milliseconds inside the Date range; epoch milliseconds otherwise.
  return fc.tuple(ms, fc.boolean()).map(([v, asDate]) => (asDate && Number.isInteger(v) && Math.abs(v) <= 8.64e15 ? new Date(v) : v));
}

function decimalValue(precision: number): fc.Arbitrary<unknown> {
  const max = 10n ** BigInt(precision) - 1n;
  const big = withEdges(fc.bigInt({ min: -max, max }), [max, -max, 0n, 1n, -1n]);
  return fc.oneof({ arbitrary: big, weight: 4 }, { arbitrary: fc.integer({ min: -9, max: 9 }), weight: 1 });
}

const stringValue: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 8 }), weight: 2 },
  { arbitrary: fc.constantFrom('', 'a', 'ü', '\u0000', 'x'.repeat(70)), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 60, maxLength: 120 }), weight: 1 },
);

const bytesValue: fc.Arbitrary<Uint8Array> = fc.oneof(
  { arbitrary: fc.uint8Array({ maxLength: 10 }), weight: 4 },
  { arbitrary: fc.constantFrom(new Uint8Array(0), new Uint8Array([0]), new Uint8Array([255, 255])), weight: 1 },
  { arbitrary: fc.uint8Array({ minLength: 65, maxLength: 100 }), weight: 1 },
);

function leafValue(spec: LeafSpec): fc.Arbitrary<unknown> {
  switch (spec.kind) {
    case 'null':
      return fc.constant(null);
    case 'bool':
      return fc.boolean();
    case 'int':
      return integerValue(spec.bits, spec.signed);
    case 'float':
      if (spec.bits === 16) return withEdges(fc.double(), [0, -0, NaN, Infinity, -Infinity, 65504, -65504, 2 ** -24, 2 ** -14, 1]);
      if (spec.bits === 32) return withEdges(fc.float(), [0, -0, NaN, Infinity, -Infinity, 3.4028234663852886e38, 1.401298464324817e-45]);
      return withEdges(fc.double(), [0, -0, NaN, Infinity, -Infinity, Number.MAX_VALUE, Number.MIN_VALUE, -Number.MAX_VALUE]);
    case 'utf8':
    case 'large-utf8':
    case 'dict-utf8':
      return stringValue;
    case 'binary':
    case 'large-binary':
      return bytesValue;
    case 'fixed':
      return withEdges(fc.uint8Array({ minLength: spec.width, maxLength: spec.width }), [new Uint8Array(spec.width), new Uint8Array(spec.width).fill(255)]);
    case 'date32':
    case 'date64': {
      // Whole days (date64 must be): every int32 day count for date32; for date64 those whose
      // milliseconds are safe integers (apache-arrow's getter refuses the others). As a Date
      // where Date can hold it.
      const limit = spec.kind === 'date32' ? INT32_MAX : Math.floor(Number.MAX_SAFE_INTEGER / DAY_MS);
      const days = withEdges(fc.integer({ min: -limit, max: limit }), [0, -1, -limit, limit, 100_000_000, -100_000_000, ...(spec.kind === 'date32' ? [INT32_MIN] : [])]);
      return fc.tuple(days, fc.boolean()).map(([d, asDate]) => (asDate && Math.abs(d) <= 100_000_000 ? new Date(d * DAY_MS) : d * DAY_MS));
    }
    case 'time':
      if (spec.unit === 'ms') return withEdges(fc.integer({ min: 0, max: DAY_MS - 1 }), [0, DAY_MS - 1]);
      {
        const perDay = spec.unit === 'us' ? 86_400_000_000n : 86_400_000_000_000n;
        return withEdges(fc.bigInt({ min: 0n, max: perDay - 1n }), [0n, perDay - 1n]);
      }
    case 'timestamp':
      return timestampValue(spec.unit);
    case 'decimal':
      return decimalValue(spec.precision);
  }
}

/** A value of `spec`'s type (never null at this level). */
export function typeValue(spec: TypeSpec): fc.Arbitrary<unknown> {
  switch (spec.kind) {
    case 'list':
      return fc.oneof({ arbitrary: fc.array(fieldValue(spec.element), { maxLength: 4 }), weight: 4 }, { arbitrary: fc.constant([]), weight: 1 });
    case 'struct':
      return fc.record(Object.fromEntries(spec.fields.map((f) => [f.name, fieldValue(f)])));
    case 'map': {
      const entries = fc.array(fc.tuple(leafValue(spec.key), fieldValue(spec.value)), { maxLength: 3 });
      // String-keyed maps are also taken as plain objects.
      const asObject = spec.key.kind === 'utf8' || spec.key.kind === 'large-utf8';
      return fc.tuple(entries, fc.boolean()).map(([e, object]) => (object && asObject ? Object.fromEntries(e) : new Map(e)));
    }
    default:
      return leafValue(spec);
  }
}

/** A value of the field: null about one time in four where the field is nullable. */
export function fieldValue(spec: FieldSpec): fc.Arbitrary<unknown> {
  const value = typeValue(spec.type);
  return spec.nullable ? fc.option(value, { nil: null, freq: 4 }) : value;
}

/** Rows of a schema: usually up to a few dozen, sometimes a few hundred, sometimes none. */
export function rowsOf(fields: FieldSpec[], maxRows = 300): fc.Arbitrary<Row[]> {
  const row = fc.record(Object.fromEntries(fields.map((f) => [f.name, fieldValue(f)]))) as fc.Arbitrary<Row>;
  return fc.oneof(
    { arbitrary: fc.array(row, { maxLength: 40, size: 'max' }), weight: 3 },
    { arbitrary: fc.array(row, { minLength: 40, maxLength: maxRows, size: 'max' }), weight: 1 },
  );
}
