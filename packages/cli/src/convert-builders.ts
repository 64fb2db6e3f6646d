// Column builders: values appended one row at a time into growing typed arrays, finished into Arrow
// Data per batch. Exact for every type (apache-arrow's own builders take timestamps as float
// milliseconds). A value that does not fit throws a Misfit that names the column path; a null in a
// non-nullable field is one too. In CSV mode a cell is text: an empty cell is null, and a list or
// struct cell is read as JSON.
import { makeData, type Data, type DataType } from 'apache-arrow';
import { parseExactJson } from './convert-json-parse.js';
import { arrowType, type ColumnField } from './convert-schema.js';
import { leafConverter, Misfit, type Convert } from './convert-values.js';

export interface Builder {
  readonly length: number;
  /** Bytes of values held, for cutting batches by size. */
  readonly bytes: number;
  /** A row's value: null or undefined is null. */
  append(raw: unknown): void;
  /** A null slot without the nullability check (under a null parent). */
  appendMasked(): void;
  /** The Data so far; the builder starts empty again. */
  finish(): Data;
}

type Typed = Int8Array | Int16Array | Int32Array | Uint8Array | Uint16Array | Uint32Array | Float32Array | Float64Array | BigInt64Array | BigUint64Array;
type TypedConstructor = { new (n: number): Typed };

function grown<T extends Typed>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  const next = new (array.constructor as TypedConstructor)(Math.max(needed, array.length * 2)) as T;
  next.set(array as never);
  return next;
}

class Validity {
  bits = new Uint8Array(64);
  length = 0;
  nulls = 0;
  push(valid: boolean): void {
    const i = this.length++;
    if ((i >> 3) >= this.bits.length) this.bits = grown(this.bits, this.bits.length * 2);
    if (valid) this.bits[i >> 3] |= 1 << (i & 7);
    else this.nulls++;
  }
  take(): { nullCount: number; nullBitmap: Uint8Array | undefined } {
    const out = { nullCount: this.nulls, nullBitmap: this.nulls ? this.bits.subarray(0, (this.length + 7) >> 3) : undefined };
    this.bits = new Uint8Array(64);
    this.length = 0;
    this.nulls = 0;
    return out;
  }
}

abstract class Base implements Builder {
  protected validity = new Validity();
  readonly type: DataType;
  constructor(readonly field: ColumnField, readonly path: string) {
    this.type = arrowType(field.type);
  }
  get length(): number {
    return this.validity.length;
  }
  abstract get bytes(): number;
  protected abstract put(raw: unknown): void;
  protected abstract putNull(): void;
  protected abstract data(length: number, validity: ReturnType<Validity['take']>): Data;

  /** Whether a raw value means null. */
  protected isNull(raw: unknown): boolean {
    return raw === null || raw === undefined;
  }

  append(raw: unknown): void {
    try {
      if (this.isNull(raw)) {
        if (!this.field.nullable) throw new Misfit(`a null in a non-nullable column`);
        this.appendMasked();
        return;
      }
      this.put(raw);
      this.validity.push(true);
    } catch (error) {
      if (error instanceof Misfit && (error as Misfit & { path?: string }).path === undefined) (error as Misfit & { path?: string }).path = this.path;
      throw error;
    }
  }

  appendMasked(): void {
    this.putNull();
    this.validity.push(false);
  }

  finish(): Data {
    const length = this.length;
    return this.data(length, this.validity.take());
  }
}

/** The column path a Misfit happened at. */
export function misfitPath(error: Misfit): string | undefined {
  return (error as Misfit & { path?: string }).path;
}

class NumberBuilder extends Base {
  private values: Typed;
  /** For 64-bit integers: the same bytes as int32 words, to store a safe-integer number without a BigInt. */
  private words?: Int32Array;
  private readonly convert: Convert;
  constructor(field: ColumnField, path: string, private readonly fromText: boolean, private readonly make: TypedConstructor) {
    super(field, path);
    this.values = new make(256);
    this.convert = leafConverter(field.type, fromText);
    this.view();
  }
  private view(): void {
    if (this.values instanceof BigInt64Array || this.values instanceof BigUint64Array) this.words = new Int32Array(this.values.buffer, this.values.byteOffset, this.values.length * 2);
  }
  get bytes(): number {
    return this.length * this.values.BYTES_PER_ELEMENT;
  }
  protected override isNull(raw: unknown): boolean {
    return raw === null || raw === undefined || (this.fromText && raw === '');
  }
  protected put(raw: unknown): void {
    const v = this.convert(raw);
    const i = this.length;
    if (i >= this.values.length) {
      this.values = grown(this.values, i + 1);
      this.view();
    }
    if (this.words && typeof v === 'number') {
      // Little-endian two's complement of a safe integer: the high word is floor(v / 2^32).
      const high = Math.floor(v / 4294967296);
      this.words[2 * i] = (v - high * 4294967296) | 0;
      this.words[2 * i + 1] = high;
    } else this.values[i] = v as never;
  }
  protected putNull(): void {
    if (this.length >= this.values.length) {
      this.values = grown(this.values, this.length + 1);
      this.view();
    }
  }
  protected data(length: number, validity: ReturnType<Validity['take']>): Data {
    const values = this.values.subarray(0, length);
    this.values = new this.make(256);
    this.view();
    return makeData({ type: this.type as never, length, ...validity, data: values as never });
  }
}

class BoolBuilder extends Base {
  private values = new Uint8Array(64);
  private readonly convert: Convert;
  constructor(field: ColumnField, path: string, private readonly fromText: boolean) {
    super(field, path);
    this.convert = leafConverter(field.type, fromText);
  }
  get bytes(): number {
    return this.length >> 3;
  }
  protected override isNull(raw: unknown): boolean {
    return raw === null || raw === undefined || (this.fromText && raw === '');
  }
  protected put(raw: unknown): void {
    const i = this.length;
    if ((i >> 3) >= this.values.length) this.values = grown(this.values, this.values.length * 2);
    if (this.convert(raw)) this.values[i >> 3] |= 1 << (i & 7);
  }
  protected putNull(): void {
    const i = this.length;
    if ((i >> 3) >= this.values.length) this.values = grown(this.values, this.values.length * 2);
  }
  protected data(length: number, validity: ReturnType<Validity['take']>): Data {
    const values = this.values.subarray(0, (length + 7) >> 3);
    this.values = new Uint8Array(64);
    return makeData({ type: this.type as never, length, ...validity, data: values });
  }
}

const encoder = new TextEncoder();

class Utf8Builder extends Base {
  private offsets = new Int32Array(257);
  private chars = new Uint8Array(4096);
  private used = 0;
  private readonly convert: Convert;
  constructor(field: ColumnField, path: string, fromText: boolean) {
    super(field, path);
    this.convert = leafConverter(field.type, fromText);
  }
  get bytes(): number {
    return this.used + 4 * this.length;
  }
  protected put(raw: unknown): void {
    const text = this.convert(raw) as string;
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    const room = this.used + text.length * 3;
    if (room > 0x7fffffff) throw new Misfit('more than 2 GiB of text in one batch');
    if (room > this.chars.length) this.chars = grown(this.chars, room);
    this.used += encoder.encodeInto(text, this.chars.subarray(this.used)).written;
    this.offsets = grown(this.offsets, this.length + 2);
    this.offsets[this.length + 1] = this.used;
  }
  protected putNull(): void {
    this.offsets = grown(this.offsets, this.length + 2);
    this.offsets[this.length + 1] = this.used;
  }
  protected data(length: number, validity: ReturnType<Validity['take']>): Data {
    const data = makeData({ type: this.type as never, length, ...validity, valueOffsets: this.offsets.subarray(0, length + 1), data: this.chars.subarray(0, this.used) });
    this.offsets = new Int32Array(257);
    this.chars = new Uint8Array(4096);
    this.used = 0;
    return data;
  }
}

class ListBuilder extends Base {
  private offsets = new Int32Array(257);
  private readonly element: Builder;
  constructor(field: ColumnField & { type: { kind: 'list' } }, path: string) {
    super(field, path);
    this.element = makeBuilder(field.type.element, `${path}[]`, false);
  }
  get bytes(): number {
    return 4 * this.length + this.element.bytes;
  }
  protected put(raw: unknown): void {
    if (!Array.isArray(raw)) throw new Misfit(`${JSON.stringify(typeof raw === 'bigint' ? raw.toString() : raw)?.slice(0, 60)} is not a list`);
    for (const v of raw) this.element.append(v);
    this.offsets = grown(this.offsets, this.length + 2);
    this.offsets[this.length + 1] = this.element.length;
  }
  protected putNull(): void {
    this.offsets = grown(this.offsets, this.length + 2);
    this.offsets[this.length + 1] = this.element.length;
  }
  protected data(length: number, validity: ReturnType<Validity['take']>): Data {
    const data = makeData({ type: this.type as never, length, ...validity, valueOffsets: this.offsets.subarray(0, length + 1), child: this.element.finish() });
    this.offsets = new Int32Array(257);
    return data;
  }
}

class StructBuilder extends Base {
  private readonly children: Builder[];
  private readonly names: Map<string, number>;
  constructor(field: ColumnField & { type: { kind: 'struct' } }, path: string) {
    super(field, path);
    this.children = field.type.fields.map((f) => makeBuilder(f, `${path}.${f.name}`, false));
    this.names = new Map(field.type.fields.map((f, i) => [f.name, i]));
  }
  get bytes(): number {
    return this.children.reduce((s, c) => s + c.bytes, 0);
  }
  protected put(raw: unknown): void {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new Misfit(`${JSON.stringify(typeof raw === 'bigint' ? raw.toString() : raw)?.slice(0, 60)} is not an object`);
    const o = raw as Record<string, unknown>;
    for (const key in o) if (!this.names.has(key)) throw new Misfit(`field ${JSON.stringify(key)} is not in the schema (its fields: ${[...this.names.keys()].join(', ')})`);
    for (const [name, i] of this.names) this.children[i].append(o[name]);
  }
  protected putNull(): void {
    for (const c of this.children) c.appendMasked();
  }
  protected data(length: number, validity: ReturnType<Validity['take']>): Data {
    return makeData({ type: this.type as never, length, ...validity, children: this.children.map((c) => c.finish()) });
  }
}

/** A CSV cell holding a list or struct as JSON text. */
class JsonCellBuilder implements Builder {
  constructor(private readonly inner: Builder) {}
  get length(): number {
    return this.inner.length;
  }
  get bytes(): number {
    return this.inner.bytes;
  }
  append(raw: unknown): void {
    if (raw === null || raw === '') return this.inner.append(null);
    let value: unknown;
    try {
      value = parseExactJson(raw as string);
    } catch {
      const error = new Misfit(`${JSON.stringify(raw).slice(0, 60)} is not JSON`);
      (error as Misfit & { path?: string }).path = (this.inner as Base).path;
      throw error;
    }
    this.inner.append(value);
  }
  appendMasked(): void {
    this.inner.appendMasked();
  }
  finish(): Data {
    return this.inner.finish();
  }
}

/** A builder for `field`; `fromText` for CSV cells, else JSON values. */
export function makeBuilder(field: ColumnField, path: string, fromText: boolean): Builder {
  const type = field.type;
  switch (type.kind) {
    case 'bool':
      return new BoolBuilder(field, path, fromText);
    case 'int':
      if (type.bits === 64) return new NumberBuilder(field, path, fromText, type.signed ? BigInt64Array : BigUint64Array);
      if (type.signed) return new NumberBuilder(field, path, fromText, type.bits === 8 ? Int8Array : type.bits === 16 ? Int16Array : Int32Array);
      return new NumberBuilder(field, path, fromText, type.bits === 8 ? Uint8Array : type.bits === 16 ? Uint16Array : Uint32Array);
    case 'float':
      return new NumberBuilder(field, path, fromText, type.bits === 32 ? Float32Array : Float64Array);
    case 'date':
      return new NumberBuilder(field, path, fromText, Int32Array);
    case 'timestamp':
      return new NumberBuilder(field, path, fromText, BigInt64Array);
    case 'utf8':
    case 'json':
      return new Utf8Builder(field, path, fromText);
    case 'list':
      return fromText ? new JsonCellBuilder(new ListBuilder(field as never, path)) : new ListBuilder(field as never, path);
    case 'struct':
      return fromText ? new JsonCellBuilder(new StructBuilder(field as never, path)) : new StructBuilder(field as never, path);
  }
}
