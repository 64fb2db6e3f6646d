// The one generic compact-protocol decoder: any struct described in schema.ts. Unknown fields are
// skipped by wire type, and so is a known field whose wire type is not the one its description
// allows (writers exist that put a list where an i32 belongs); a required field left missing is
// CORRUPT.
import { ParquetryError } from '@parquetry/core';
import { CompactReader } from './compact-reader.js';
import { isStruct, type FieldType, type IntType, type LazyList, type StructDef } from './schema.js';
import { WIRE } from './wire.js';

function isInt(type: FieldType): type is IntType {
  return type === 'i8' || type === 'i16' || type === 'i32' || type === 'i64';
}

/** Whether a value of wire type `wire` can be read as `type`. Integers of any width are. */
function wireFits(type: FieldType, wire: number): boolean {
  if (type === 'bool') return wire === WIRE.BOOL_TRUE || wire === WIRE.BOOL_FALSE;
  if (isInt(type)) return wire >= WIRE.I8 && wire <= WIRE.I64;
  if (type === 'double') return wire === WIRE.DOUBLE;
  if (type === 'binary' || type === 'string') return wire === WIRE.BINARY;
  if (isStruct(type)) return wire === WIRE.STRUCT;
  return wire === WIRE.LIST || wire === WIRE.SET;
}

function readInt(r: CompactReader, wire: number, type: FieldType): number {
  const at = r.pos;
  const v = wire === WIRE.I8 ? (r.byte() << 24) >> 24 : wire === WIRE.I64 ? r.zigzag64() : r.zigzag32();
  const bits = type === 'i8' ? 8 : type === 'i16' ? 16 : type === 'i32' ? 32 : 64;
  if (bits < 64 && (v < -(2 ** (bits - 1)) || v >= 2 ** (bits - 1))) r.fail('CORRUPT', `${v} does not fit an ${type}`, at);
  return v;
}

/** Reads a value of `type` sent as wire type `wire` (inside a list, booleans are one byte). */
function readValue(r: CompactReader, type: FieldType, wire: number, inContainer: boolean): unknown {
  if (type === 'bool') return inContainer ? r.byte() === WIRE.BOOL_TRUE : wire === WIRE.BOOL_TRUE;
  if (isInt(type)) return readInt(r, wire, type);
  if (type === 'double') return r.double();
  if (type === 'binary') return r.binary();
  if (type === 'string') return r.string();
  if (isStruct(type)) return readStruct(r, type);
  if ('list' in type) return readList(r, type.list);
  return readLazyList(r, type.lazyList);
}

function readList(r: CompactReader, element: FieldType): unknown[] {
  const start = r.pos;
  const [size, wire] = r.listHeader();
  if (size > 0 && !wireFits(element, wire === WIRE.BOOL_FALSE ? WIRE.BOOL_TRUE : wire)) {
    r.fail('CORRUPT', `a list of wire type ${wire} where ${typeof element === 'string' ? element : 'another type'} elements belong`, start);
  }
  const out = new Array<unknown>(size);
  r.enter();
  for (let i = 0; i < size; i++) out[i] = readValue(r, element, wire, true);
  r.leave();
  return out;
}

function readLazyList<T>(r: CompactReader, element: StructDef<T>): LazyList<T> {
  const start = r.pos;
  const [size, wire] = r.listHeader();
  if (size > 0 && wire !== WIRE.STRUCT) r.fail('CORRUPT', `a list of wire type ${wire} where ${element.name} structs belong`, start);
  const offsets = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    offsets[i] = r.pos;
    r.skipStruct();
  }
  const { bytes, end } = r;
  const cache = new Array<T | undefined>(size);
  const get = (index: number): T => {
    if (!Number.isInteger(index) || index < 0 || index >= size) throw new ParquetryError('INVALID_ARGUMENT', `index ${index} is outside a list of ${size} ${element.name}`);
    return (cache[index] ??= readStruct(new CompactReader(bytes, offsets[index], end), element));
  };
  return {
    length: size,
    get,
    *[Symbol.iterator]() {
      for (let i = 0; i < size; i++) yield get(i);
    },
  };
}

export function readStruct<T>(r: CompactReader, def: StructDef<T>): T {
  const start = r.pos;
  const out: Record<string, unknown> = {};
  let lastId = 0;
  r.enter();
  for (;;) {
    const header = r.byte();
    if (header === WIRE.STOP) break;
    const wire = header & 0x0f;
    const id = header >> 4 ? lastId + (header >> 4) : r.zigzag32();
    lastId = id;
    const field = id > 0 ? def.byId[id] : undefined;
    if (!field || !wireFits(field.type, wire)) {
      r.skip(wire);
      continue;
    }
    out[field.name] = readValue(r, field.type, wire, false);
  }
  r.leave();
  for (const field of def.fields) {
    if (field.required && out[field.name] === undefined) r.fail('CORRUPT', `${def.name}.${field.name} (field ${field.id}) is required but missing`, start);
  }
  return out as T;
}

/** Decodes one `def` struct from `bytes` at `offset`; returns it and where it ended. */
export function decodeStruct<T>(def: StructDef<T>, bytes: Uint8Array, offset = 0, end = bytes.length): { value: T; end: number } {
  if (offset < 0 || offset > end || end > bytes.length) throw new ParquetryError('INVALID_ARGUMENT', `range ${offset}..${end} is outside ${bytes.length} bytes`);
  const r = new CompactReader(bytes, offset, end);
  const value = readStruct(r, def);
  return { value, end: r.pos };
}
