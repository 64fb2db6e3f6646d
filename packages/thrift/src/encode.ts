// The one generic compact-protocol encoder, the mirror of decode.ts. Fields are written in id
// order; undefined fields are left out; a required field left undefined is INVALID_ARGUMENT.
import { ParquetryError } from '@parquetry/core';
import { CompactWriter } from './compact-writer.js';
import { isStruct, type FieldType, type StructDef } from './schema.js';
import { WIRE } from './wire.js';

function wireOf(type: FieldType): number {
  switch (type) {
    case 'bool':
      return WIRE.BOOL_TRUE;
    case 'i8':
      return WIRE.I8;
    case 'i16':
      return WIRE.I16;
    case 'i32':
      return WIRE.I32;
    case 'i64':
      return WIRE.I64;
    case 'double':
      return WIRE.DOUBLE;
    case 'binary':
    case 'string':
      return WIRE.BINARY;
    default:
      return isStruct(type) ? WIRE.STRUCT : WIRE.LIST;
  }
}

function checkInt(type: FieldType, v: unknown, where: string): number {
  const bits = type === 'i8' ? 8 : type === 'i16' ? 16 : type === 'i32' ? 32 : 53;
  const min = bits === 53 ? Number.MIN_SAFE_INTEGER : -(2 ** (bits - 1));
  const max = bits === 53 ? Number.MAX_SAFE_INTEGER : 2 ** (bits - 1) - 1;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new ParquetryError('INVALID_ARGUMENT', `thrift: ${where} = ${String(v)} is not an ${type}`);
  }
  return v;
}

function writeValue(w: CompactWriter, type: FieldType, v: unknown, where: string): void {
  if (type === 'bool') {
    w.byte(v ? WIRE.BOOL_TRUE : WIRE.BOOL_FALSE);
  } else if (type === 'i8') {
    w.byte(checkInt(type, v, where));
  } else if (type === 'i16' || type === 'i32' || type === 'i64') {
    w.zigzag(checkInt(type, v, where));
  } else if (type === 'double') {
    w.double(v as number);
  } else if (type === 'binary') {
    w.binary(v as Uint8Array);
  } else if (type === 'string') {
    w.string(v as string);
  } else if (isStruct(type)) {
    writeStruct(w, type, v as Record<string, unknown>);
  } else {
    const element = 'list' in type ? type.list : type.lazyList;
    const items = [...(v as Iterable<unknown>)];
    const wire = wireOf(element);
    if (items.length < 15) w.byte((items.length << 4) | wire);
    else {
      w.byte(0xf0 | wire);
      w.varint(items.length);
    }
    items.forEach((item, i) => writeValue(w, element, item, `${where}[${i}]`));
  }
}

export function writeStruct(w: CompactWriter, def: StructDef, value: Record<string, unknown>): void {
  let lastId = 0;
  for (const field of def.fields) {
    const v = value[field.name];
    if (v === undefined) {
      if (field.required) throw new ParquetryError('INVALID_ARGUMENT', `thrift: ${def.name}.${field.name} is required`);
      continue;
    }
    const wire = field.type === 'bool' ? (v ? WIRE.BOOL_TRUE : WIRE.BOOL_FALSE) : wireOf(field.type);
    const delta = field.id - lastId;
    if (delta > 0 && delta <= 15) w.byte((delta << 4) | wire);
    else {
      w.byte(wire);
      w.zigzag(field.id);
    }
    lastId = field.id;
    // A bool field's value lives in its header.
    if (field.type !== 'bool') writeValue(w, field.type, v, `${def.name}.${field.name}`);
  }
  w.byte(WIRE.STOP);
}

export function encodeStruct<T>(def: StructDef<T>, value: T): Uint8Array {
  const w = new CompactWriter();
  writeStruct(w, def, value as Record<string, unknown>);
  return w.result();
}
