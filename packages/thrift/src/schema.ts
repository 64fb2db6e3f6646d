// The declarative description of Thrift structs that drives the one generic decoder and encoder.
// A struct is described once, as data; its TypeScript type is inferred from that description.
import { WIRE } from './wire.js';

export type IntType = 'i8' | 'i16' | 'i32' | 'i64';
export type ScalarType = 'bool' | IntType | 'double' | 'binary' | 'string';
export interface ListOf<E extends FieldType = FieldType> {
  readonly list: E;
  /** The element type's kind and wire types (see FieldEntry). */
  readonly elementKind: number;
  readonly elementWires: number;
}
/** A list of structs decoded on demand: the footer of a wide table walks, but does not build, them. */
export interface LazyListOf<S extends StructDef = StructDef> {
  readonly lazyList: S;
}
export type FieldType = ScalarType | ListOf | LazyListOf | StructDef;

export interface FieldDef<T extends FieldType = FieldType, R extends boolean = boolean> {
  readonly id: number;
  readonly type: T;
  readonly required: R;
}

export interface FieldEntry {
  readonly name: string;
  readonly id: number;
  readonly type: FieldType;
  readonly required: boolean;
  /** The type as a small integer (VALUE_KIND), so the decoder switches on a number per field. */
  readonly kind: number;
  /** Bit w set when wire type w can be read as this field's type. */
  readonly wires: number;
}

/** What the decoder reads for a field, by `FieldEntry.kind`. */
export const VALUE_KIND = { BOOL: 0, I8: 1, I16: 2, I32: 3, I64: 4, DOUBLE: 5, BINARY: 6, STRING: 7, STRUCT: 8, LIST: 9, LAZY_LIST: 10 } as const;

const bit = (wire: number) => 1 << wire;
const INT_WIRES = bit(WIRE.I8) | bit(WIRE.I16) | bit(WIRE.I32) | bit(WIRE.I64);

/** The kind of `type` and the wire types that can be read as it (integers of any width can). */
export function kindOf(type: FieldType): { kind: number; wires: number } {
  switch (type) {
    case 'bool':
      return { kind: VALUE_KIND.BOOL, wires: bit(WIRE.BOOL_TRUE) | bit(WIRE.BOOL_FALSE) };
    case 'i8':
      return { kind: VALUE_KIND.I8, wires: INT_WIRES };
    case 'i16':
      return { kind: VALUE_KIND.I16, wires: INT_WIRES };
    case 'i32':
      return { kind: VALUE_KIND.I32, wires: INT_WIRES };
    case 'i64':
      return { kind: VALUE_KIND.I64, wires: INT_WIRES };
    case 'double':
      return { kind: VALUE_KIND.DOUBLE, wires: bit(WIRE.DOUBLE) };
    case 'binary':
      return { kind: VALUE_KIND.BINARY, wires: bit(WIRE.BINARY) };
    case 'string':
      return { kind: VALUE_KIND.STRING, wires: bit(WIRE.BINARY) };
    default:
      if (isStruct(type)) return { kind: VALUE_KIND.STRUCT, wires: bit(WIRE.STRUCT) };
      return { kind: 'list' in type ? VALUE_KIND.LIST : VALUE_KIND.LAZY_LIST, wires: bit(WIRE.LIST) | bit(WIRE.SET) };
  }
}

export interface StructDef<T = unknown> {
  readonly kind: 'struct';
  readonly name: string;
  /** A union: at most one field is set. */
  readonly union: boolean;
  /** Fields in id order. */
  readonly fields: readonly FieldEntry[];
  /** Fields indexed by id, for the decoder. */
  readonly byId: ReadonlyArray<FieldEntry | undefined>;
  /** Carries the inferred type; never set at run time. */
  readonly __type?: T;
}

/** Decoded lazily: `get(i)` decodes element i on first use. */
export interface LazyList<T> extends Iterable<T> {
  readonly length: number;
  get(index: number): T;
}

export type ValueOf<F> = F extends 'bool'
  ? boolean
  : F extends IntType | 'double'
    ? number
    : F extends 'binary'
      ? Uint8Array
      : F extends 'string'
        ? string
        : F extends ListOf<infer E>
          ? Array<ValueOf<E>>
          : F extends LazyListOf<infer S>
            ? LazyList<ValueOf<S>> | Array<ValueOf<S>>
            : F extends StructDef<infer T>
              ? T
              : never;

type Simplify<T> = { [K in keyof T]: T[K] } & {};
type Fields = Record<string, FieldDef>;
type RequiredPart<Fs extends Fields> = { -readonly [K in keyof Fs as Fs[K]['required'] extends true ? K : never]: ValueOf<Fs[K]['type']> };
type OptionalPart<Fs extends Fields> = { -readonly [K in keyof Fs as Fs[K]['required'] extends true ? never : K]?: ValueOf<Fs[K]['type']> };
export type StructValue<Fs extends Fields> = Simplify<RequiredPart<Fs> & OptionalPart<Fs>>;

export function required<const T extends FieldType>(id: number, type: T): FieldDef<T, true> {
  return { id, type, required: true };
}

export function optional<const T extends FieldType>(id: number, type: T): FieldDef<T, false> {
  return { id, type, required: false };
}

export function listOf<const E extends FieldType>(element: E): ListOf<E> {
  const { kind, wires } = kindOf(element);
  return { list: element, elementKind: kind, elementWires: wires };
}

export function lazyListOf<S extends StructDef>(element: S): LazyListOf<S> {
  return { lazyList: element };
}

function build<Fs extends Fields>(name: string, fields: Fs, union: boolean): StructDef<StructValue<Fs>> {
  const entries = Object.entries(fields)
    .map(([fieldName, f]): FieldEntry => ({ name: fieldName, id: f.id, type: f.type, required: f.required, ...kindOf(f.type) }))
    .sort((a, b) => a.id - b.id);
  const byId: Array<FieldEntry | undefined> = [];
  for (const entry of entries) {
    if (!Number.isInteger(entry.id) || entry.id < 1 || entry.id > 32767 || byId[entry.id]) throw new Error(`${name}: bad or duplicate field id ${entry.id}`);
    byId[entry.id] = entry;
  }
  return { kind: 'struct', name, union, fields: entries, byId };
}

export function struct<const Fs extends Fields>(name: string, fields: Fs): StructDef<StructValue<Fs>> {
  return build(name, fields, false);
}

/** A Thrift union: every field optional, at most one set. */
export function union<const Fs extends Record<string, FieldDef<FieldType, false>>>(name: string, fields: Fs): StructDef<StructValue<Fs>> {
  return build(name, fields, true);
}

export function isStruct(type: FieldType): type is StructDef {
  return typeof type === 'object' && 'kind' in type;
}

/** Element `index` of a list that may be lazy (decoded) or plain (built by a caller). */
export function listAt<T>(list: LazyList<T> | readonly T[], index: number): T {
  return 'get' in list ? list.get(index) : list[index];
}
