// A flat Arrow column as what a Parquet leaf stores: the schema element, definition levels, and
// the PLAIN-shaped values of the non-null slots. Nested types are not written yet. (A sliced Arrow
// Data keeps `offset` for its validity bitmap and booleans; values and offsets are sliced already.)
import { ParquetryError, type PhysicalType } from '@parquetry/core';
import type { PlainValues } from '@parquetry/plain';
import type { LogicalType, SchemaElement } from '@parquetry/thrift';
import { makeData, Type, type Data, type DataType, type Dictionary, type Field } from 'apache-arrow';

export interface LeafColumn {
  element: SchemaElement;
  physicalType: PhysicalType;
  typeLength: number | undefined;
  /** 1 for present slots, 0 for nulls; undefined for a required column. */
  definitionLevels: Int32Array | undefined;
  values: PlainValues;
  nullCount: number;
}

const PHYSICAL: Record<PhysicalType, number> = { BOOLEAN: 0, INT32: 1, INT64: 2, INT96: 3, FLOAT: 4, DOUBLE: 5, BYTE_ARRAY: 6, FIXED_LEN_BYTE_ARRAY: 7 };

function isValid(data: Data, i: number): boolean {
  const bitmap = data.nullBitmap;
  if (!bitmap || bitmap.length === 0 || data.nullCount === 0) return true;
  const at = data.offset + i;
  return (bitmap[at >> 3] & (1 << (at & 7))) !== 0;
}

const unit = (u: number) => (u === 1 ? { MILLIS: {} } : u === 2 ? { MICROS: {} } : { NANOS: {} });

/** The Parquet types of an Arrow type: physical, logical, converted. */
function parquetType(type: DataType): { physical: PhysicalType; logical?: LogicalType; converted?: number; typeLength?: number } {
  const t = type as unknown as { typeId: Type; bitWidth?: number; isSigned?: boolean; unit?: number; timezone?: string | null; byteWidth?: number };
  switch (t.typeId) {
    case Type.Bool:
      return { physical: 'BOOLEAN' };
    case Type.Int: {
      const bits = t.bitWidth ?? 32;
      const logical = { INTEGER: { bitWidth: bits, isSigned: !!t.isSigned } };
      if (bits === 64) return { physical: 'INT64', logical: t.isSigned ? undefined : logical, converted: t.isSigned ? undefined : 14 };
      const converted = t.isSigned ? { 8: 15, 16: 16, 32: undefined }[bits as 8 | 16 | 32] : { 8: 11, 16: 12, 32: 13 }[bits as 8 | 16 | 32];
      return { physical: 'INT32', logical: bits === 32 && t.isSigned ? undefined : logical, converted };
    }
    case Type.Float:
      return { physical: (t as { precision?: number }).precision === 2 ? 'DOUBLE' : 'FLOAT' };
    case Type.Utf8:
      return { physical: 'BYTE_ARRAY', logical: { STRING: {} }, converted: 0 };
    case Type.Binary:
      return { physical: 'BYTE_ARRAY' };
    case Type.FixedSizeBinary:
      return { physical: 'FIXED_LEN_BYTE_ARRAY', typeLength: t.byteWidth };
    case Type.Date:
      if (t.unit === 0) return { physical: 'INT32', logical: { DATE: {} }, converted: 6 };
      break;
    case Type.Timestamp: {
      if (t.unit === 0) break;
      const utc = !!t.timezone;
      const converted = utc ? (t.unit === 1 ? 9 : t.unit === 2 ? 10 : undefined) : undefined;
      return { physical: 'INT64', logical: { TIMESTAMP: { isAdjustedToUTC: utc, unit: unit(t.unit ?? 2) } }, converted };
    }
  }
  throw new ParquetryError('UNSUPPORTED', `writing Arrow type ${String(type)} is not supported yet`);
}

/** The non-null values of `data` as PLAIN values of `physical`. */
function presentValues(data: Data, physical: PhysicalType, typeLength: number | undefined, present: Uint8Array | undefined, count: number): PlainValues {
  const n = data.length;
  const keep = (i: number) => !present || present[i] === 1;
  switch (physical) {
    case 'BOOLEAN': {
      const out = new Uint8Array(count);
      for (let i = 0, k = 0; i < n; i++) {
        if (!keep(i)) continue;
        const at = data.offset + i;
        out[k++] = ((data.values as Uint8Array)[at >> 3] >> (at & 7)) & 1;
      }
      return out;
    }
    case 'BYTE_ARRAY': {
      const offsets = data.valueOffsets as Int32Array;
      const src = data.values as Uint8Array;
      const outOffsets = new Int32Array(count + 1);
      let size = 0;
      for (let i = 0, k = 0; i < n; i++) if (keep(i)) outOffsets[++k] = size += offsets[i + 1] - offsets[i];
      const bytes = new Uint8Array(size);
      for (let i = 0, k = 0; i < n; i++) {
        if (!keep(i)) continue;
        bytes.set(src.subarray(offsets[i], offsets[i + 1]), outOffsets[k++]);
      }
      return { offsets: outOffsets, bytes };
    }
    case 'FIXED_LEN_BYTE_ARRAY': {
      const width = typeLength ?? 0;
      const src = data.values as Uint8Array;
      const out = new Uint8Array(count * width);
      for (let i = 0, k = 0; i < n; i++) if (keep(i)) out.set(src.subarray(i * width, (i + 1) * width), k++ * width);
      return out;
    }
    default: {
      const src = data.values as Int32Array | BigInt64Array | Float32Array | Float64Array | Int8Array | Int16Array | Uint8Array | Uint16Array | Uint32Array | BigUint64Array;
      const view = src.subarray(0, n);
      let out: Int32Array | BigInt64Array | Float32Array | Float64Array;
      if (physical === 'INT32') out = view instanceof Int32Array ? view : Int32Array.from(view as ArrayLike<number>, (v) => v | 0);
      else if (physical === 'INT64') out = view instanceof BigInt64Array ? view : new BigInt64Array((view as BigUint64Array).buffer, (view as BigUint64Array).byteOffset, n);
      else out = view as Float32Array | Float64Array;
      if (!present) return out;
      const Ctor = out.constructor as new (n: number) => typeof out;
      const packed = new Ctor(count);
      for (let i = 0, k = 0; i < n; i++) if (present[i]) (packed as Int32Array)[k++] = (out as Int32Array)[i];
      return packed;
    }
  }
}

/** A dictionary-typed field is written as its value type. */
function valueType(type: DataType): DataType {
  return (type as unknown as { typeId: Type }).typeId === Type.Dictionary ? (type as unknown as Dictionary).dictionary : type;
}

/** Dictionary-encoded Arrow data as plain data of its value type (indices resolved). */
function undictionary(data: Data): Data {
  if ((data.type as unknown as { typeId: Type }).typeId !== Type.Dictionary) return data;
  const dictionary = data.dictionary!.data;
  if (dictionary.length !== 1) throw new ParquetryError('UNSUPPORTED', 'writing a dictionary split over several chunks');
  const dict = dictionary[0];
  const indices = data.values as Int32Array;
  const n = data.length;
  const common = { type: dict.type, length: n, nullCount: data.nullCount, nullBitmap: data.nullBitmap, offset: 0 };
  const at = (i: number) => indices[i];
  if (dict.valueOffsets) {
    const src = dict.valueOffsets as Int32Array;
    const offsets = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + (isValid(data, i) ? src[at(i) + 1] - src[at(i)] : 0);
    const bytes = new Uint8Array(offsets[n]);
    for (let i = 0; i < n; i++) if (isValid(data, i)) bytes.set((dict.values as Uint8Array).subarray(src[at(i)], src[at(i) + 1]), offsets[i]);
    return makeData({ ...common, valueOffsets: offsets, data: bytes } as never) as Data;
  }
  const values = dict.values as Int32Array;
  const Ctor = values.constructor as new (n: number) => Int32Array;
  const out = new Ctor(n);
  for (let i = 0; i < n; i++) out[i] = isValid(data, i) ? values[at(i)] : out[i];
  return makeData({ ...common, data: out } as never) as Data;
}

/** The schema element of a flat Arrow field. */
export function leafElement(field: Field): SchemaElement {
  const { physical, logical, converted, typeLength } = parquetType(valueType(field.type));
  return {
    type: PHYSICAL[physical],
    type_length: typeLength,
    repetition_type: field.nullable ? 1 : 0,
    name: field.name,
    converted_type: converted,
    logicalType: logical,
  };
}

export function leafColumn(field: Field, dictionaryOrPlain: Data): LeafColumn {
  const data = undictionary(dictionaryOrPlain);
  const { physical, typeLength } = parquetType(valueType(field.type));
  let present: Uint8Array | undefined;
  let nullCount = 0;
  if (field.nullable) {
    present = new Uint8Array(data.length);
    for (let i = 0; i < data.length; i++) present[i] = isValid(data, i) ? 1 : 0;
    nullCount = data.length - present.reduce((s, v) => s + v, 0);
  } else if (data.nullCount > 0) {
    throw new ParquetryError('INVALID_ARGUMENT', `column ${field.name} is not nullable but holds ${data.nullCount} nulls`);
  }
  return {
    element: leafElement(field),
    physicalType: physical,
    typeLength,
    definitionLevels: present ? Int32Array.from(present) : undefined,
    values: presentValues(data, physical, typeLength, present, data.length - nullCount),
    nullCount,
  };
}
