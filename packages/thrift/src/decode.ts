// The one generic compact-protocol decoder: any struct described in schema.ts. Unknown fields are
// skipped by wire type, and so is a known field whose wire type is not the one its description
// allows (writers exist that put a list where an i32 belongs); a required field left missing is
// CORRUPT.
import { ParquetryError } from '@parquetry/core';
import { CompactReader } from './compact-reader.js';
import { VALUE_KIND, type FieldType, type LazyList, type LazyListOf, type ListOf, type StructDef } from './schema.js';
import { WIRE } from './wire.js';

/** An integer of `bits` (8, 16 or 32) from an integer wire type; out of range is CORRUPT. */
function readInt(r: CompactReader, wire: number, bits: number, name: string): number {
  const at = r.pos;
  const v = wire === WIRE.I8 ? (r.byte() << 24) >> 24 : wire === WIRE.I64 ? r.zigzag64() : r.zigzag32();
  if (bits < 64 && (v < -(2 ** (bits - 1)) || v >= 2 ** (bits - 1))) r.fail('CORRUPT', `${v} does not fit an ${name}`, at);
  return v;
}

/**
 * Reads a value of kind `kind` (VALUE_KIND) sent as wire type `wire`; `type` is the field's
 * description, for structs and lists. Inside a list, booleans are one byte.
 */
function readValue(r: CompactReader, kind: number, type: FieldType, wire: number, inContainer: boolean): unknown {
  switch (kind) {
    case VALUE_KIND.I32:
      // The common case first: an i32 sent as an i32 (a zigzag varint always fits 32 bits).
      return wire === WIRE.I32 ? r.zigzag32() : readInt(r, wire, 32, 'i32');
    case VALUE_KIND.STRING:
      return r.string();
    case VALUE_KIND.I64:
      return readInt(r, wire, 64, 'i64');
    case VALUE_KIND.BOOL:
      return inContainer ? r.byte() === WIRE.BOOL_TRUE : wire === WIRE.BOOL_TRUE;
    case VALUE_KIND.I8:
      return readInt(r, wire, 8, 'i8');
    case VALUE_KIND.I16:
      return readInt(r, wire, 16, 'i16');
    case VALUE_KIND.DOUBLE:
      return r.double();
    case VALUE_KIND.BINARY:
      return r.binary();
    case VALUE_KIND.STRUCT:
      return readStruct(r, type as StructDef);
    case VALUE_KIND.LIST:
      return readList(r, type as ListOf);
    default:
      return readLazyList(r, (type as LazyListOf).lazyList);
  }
}

function readList(r: CompactReader, type: ListOf): unknown[] {
  const start = r.pos;
  const [size, wire] = r.listHeader();
  const { list: element, elementKind, elementWires } = type;
  if (size > 0 && !(elementWires & (1 << (wire === WIRE.BOOL_FALSE ? WIRE.BOOL_TRUE : wire)))) {
    r.fail('CORRUPT', `a list of wire type ${wire} where ${typeof element === 'string' ? element : 'another type'} elements belong`, start);
  }
  const out = new Array<unknown>(size);
  r.enter();
  for (let i = 0; i < size; i++) out[i] = readValue(r, elementKind, element, wire, true);
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
    if (!field || !(field.wires & (1 << wire))) {
      r.skip(wire);
      continue;
    }
    out[field.name] = readValue(r, field.kind, field.type, wire, false);
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
