// Row objects into an Arrow RecordBatch of a given schema, each value checked against its field
// first: a value of the wrong kind, out of its integer range, or a null in a required field is
// INVALID_ARGUMENT naming the row and the field (apache-arrow's builders would coerce it silently).
// Values are what apache-arrow's builders take: numbers (bigint or safe integers for 64-bit ints),
// strings, Uint8Array, Date or epoch milliseconds for dates and timestamps, unscaled bigints for
// decimals, arrays for lists, objects for structs, Map or objects for maps.
import { ParquetryError } from '@parquetry/core';
import { makeData, RecordBatch, Struct, Type, vectorFromArray, type DataType, type Dictionary, type Field, type Schema } from 'apache-arrow';

export type Row = Record<string, unknown>;

type Check = (value: unknown, where: string) => unknown;

function bad(where: string, detail: string): never {
  throw new ParquetryError('INVALID_ARGUMENT', `${where}: ${detail}`);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return value.constructor?.name ?? 'object';
  return String(value);
}

function integer(bits: number, signed: boolean): Check {
  const min = signed ? -(2 ** (bits - 1)) : 0;
  const max = signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
  return (v, where) => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) bad(where, `${describe(v)} is not an int${bits}${signed ? '' : ' (unsigned)'}`);
    return v;
  };
}

function bigInteger(signed: boolean): Check {
  const min = signed ? -(2n ** 63n) : 0n;
  const max = signed ? 2n ** 63n - 1n : 2n ** 64n - 1n;
  return (v, where) => {
    const b = typeof v === 'bigint' ? v : typeof v === 'number' && Number.isSafeInteger(v) ? BigInt(v) : bad(where, `${describe(v)} is not a 64-bit integer (a bigint or a safe integer)`);
    if (b < min || b > max) bad(where, `${b} is outside the ${signed ? '' : 'unsigned '}64-bit range`);
    return b;
  };
}

function checkerOf(field: Field): Check {
  const type: DataType = (field.type as unknown as { typeId: Type }).typeId === Type.Dictionary ? (field.type as unknown as Dictionary).dictionary : field.type;
  const t = type as unknown as { typeId: Type; bitWidth?: number; isSigned?: boolean; byteWidth?: number; precision?: number };
  let check: Check;
  switch (t.typeId) {
    case Type.Null:
      check = (v, where) => bad(where, `${describe(v)} in a null-typed field`);
      break;
    case Type.Bool:
      check = (v, where) => (typeof v === 'boolean' ? v : bad(where, `${describe(v)} is not a boolean`));
      break;
    case Type.Int:
      check = t.bitWidth === 64 ? bigInteger(!!t.isSigned) : integer(t.bitWidth ?? 32, !!t.isSigned);
      break;
    case Type.Float:
      check = (v, where) => (typeof v === 'number' ? v : bad(where, `${describe(v)} is not a number`));
      break;
    case Type.Utf8:
    case Type.LargeUtf8:
      check = (v, where) => (typeof v === 'string' ? v : bad(where, `${describe(v)} is not a string`));
      break;
    case Type.Binary:
    case Type.LargeBinary:
      check = (v, where) => (v instanceof Uint8Array ? v : bad(where, `${describe(v)} is not a Uint8Array`));
      break;
    case Type.FixedSizeBinary:
      check = (v, where) => (v instanceof Uint8Array && v.length === t.byteWidth ? v : bad(where, `${describe(v)} is not a Uint8Array of ${t.byteWidth} bytes`));
      break;
    case Type.Date:
    case Type.Timestamp:
      check = (v, where) => (v instanceof Date ? (Number.isNaN(v.getTime()) ? bad(where, 'an invalid Date') : v) : typeof v === 'number' && Number.isFinite(v) ? v : bad(where, `${describe(v)} is not a Date or epoch milliseconds`));
      break;
    case Type.Time: {
      // Seconds and milliseconds are 32-bit (numbers), micro- and nanoseconds 64-bit (bigints).
      const wide = (t.bitWidth ?? 32) === 64;
      check = (v, where) => {
        if (typeof v === 'number' && Number.isSafeInteger(v)) return wide ? BigInt(v) : v;
        if (typeof v === 'bigint') return wide ? v : Number(v);
        return bad(where, `${describe(v)} is not a time of day (an integer)`);
      };
      break;
    }
    case Type.Decimal: {
      const words = (t.bitWidth ?? 128) / 32;
      const limit = 10n ** BigInt(t.precision ?? 38);
      check = (v, where) => {
        const b = typeof v === 'bigint' ? v : typeof v === 'number' && Number.isSafeInteger(v) ? BigInt(v) : bad(where, `${describe(v)} is not an unscaled decimal (bigint)`);
        if (b >= limit || b <= -limit) bad(where, `decimal ${b} (unscaled) does not fit precision ${t.precision}`);
        const out = new Uint32Array(words);
        let x = BigInt.asUintN(words * 32, b);
        for (let i = 0; i < words; i++, x >>= 32n) out[i] = Number(x & 0xffffffffn);
        return out;
      };
      break;
    }
    case Type.List:
    case Type.LargeList:
    case Type.FixedSizeList: {
      const element = checkerOf(type.children[0]);
      const size = t.typeId === Type.FixedSizeList ? (type as unknown as { listSize: number }).listSize : undefined;
      check = (v, where) => {
        if (!Array.isArray(v)) bad(where, `${describe(v)} is not an array`);
        if (size !== undefined && v.length !== size) bad(where, `an array of ${v.length} elements where ${size} are fixed`);
        return v.map((e, i) => element(e, `${where}[${i}]`));
      };
      break;
    }
    case Type.Struct: {
      const children = type.children.map((c) => [c.name, checkerOf(c)] as const);
      const names = new Set(type.children.map((c) => c.name));
      check = (v, where) => {
        if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof Uint8Array) bad(where, `${describe(v)} is not an object`);
        for (const key of Object.keys(v)) if (!names.has(key)) bad(where, `field ${key} is not in the struct`);
        return Object.fromEntries(children.map(([name, c]) => [name, c((v as Row)[name], `${where}.${name}`)]));
      };
      break;
    }
    case Type.Map: {
      const [key, value] = type.children[0].type.children as Field[];
      const checkKey = checkerOf(key);
      const checkValue = checkerOf(value);
      check = (v, where) => {
        const entries = v instanceof Map ? [...v.entries()] : typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.entries(v) : bad(where, `${describe(v)} is not a Map or an object`);
        return new Map(entries.map(([k, x]) => [checkKey(k, `${where} key`), checkValue(x, `${where}[${String(k)}]`)]));
      };
      break;
    }
    default:
      check = (_v, where) => bad(where, `writing rows of Arrow type ${String(type)} is not supported; pass Arrow data`);
  }
  return (v, where) => {
    if (v === null || v === undefined) return field.nullable ? null : bad(where, `${field.name} is not nullable`);
    return check(v, where);
  };
}

export function rowsToBatch(schema: Schema, rows: readonly Row[]): RecordBatch {
  const names = new Set(schema.fields.map((f) => f.name));
  const columns = schema.fields.map((field) => {
    const check = checkerOf(field);
    return rows.map((row, r) => {
      if (typeof row !== 'object' || row === null) bad(`row ${r}`, `${describe(row)} is not an object`);
      return check(row[field.name], `row ${r}, field ${field.name}`);
    });
  });
  rows.forEach((row, r) => {
    for (const key of Object.keys(row)) if (!names.has(key)) bad(`row ${r}`, `field ${key} is not in the schema`);
  });
  const children = schema.fields.map((field, i) => {
    const vector = vectorFromArray(columns[i] as never[], field.type);
    if (vector.data.length !== 1) throw new ParquetryError('INVALID_ARGUMENT', `field ${field.name}: built in ${vector.data.length} chunks`);
    return vector.data[0];
  });
  return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: rows.length, nullCount: 0, children }));
}
