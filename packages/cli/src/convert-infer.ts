// Schema inference from a sample of rows. CSV cells (text): bool (true/false), int64, float64,
// date32 (YYYY-MM-DD), timestamp (ISO 8601; UTC when every value has an offset, naive when none
// has; microseconds unless a value needs nanoseconds), else utf8; nullable when a cell is empty.
// JSON values: bool, int64 (integer literals that fit) or float64, strings as CSV text minus the
// numbers, objects as structs (the union of their keys), arrays as lists; a field whose values
// disagree in kind (a number here, a string there) is `json`: every value kept as its JSON text.
import type { CsvField } from './convert-csv.js';
import type { ExactJson } from './convert-json-parse.js';
import type { ColumnField, ColumnType } from './convert-schema.js';
import { fractionDigits, parseIsoDateTime } from './convert-timestamp.js';

const INTEGER = /^[+-]?\d+$/;
const FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$|^[+-]?(?:nan|inf|infinity)$/i;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

function fitsInt64(text: string): boolean {
  if (text.length < 19) return true;
  const v = BigInt(text);
  return v >= INT64_MIN && v <= INT64_MAX;
}

/** What the strings of a column could be: dates, date-times (with or without offsets), or text. */
class StringGuess {
  count = 0;
  date = true;
  time = true;
  offsets = 0;
  naive = 0;
  digits = 0;
  observe(text: string): void {
    this.count++;
    if (!this.time) return;
    const v = parseIsoDateTime(text.trim());
    if (!v) {
      this.date = this.time = false;
      return;
    }
    if (v.hasTime) {
      this.date = false;
      if (v.offset === null) this.naive++;
      else this.offsets++;
      this.digits = Math.max(this.digits, fractionDigits(v));
    }
  }
  resolve(): ColumnType {
    if (this.count && this.date) return { kind: 'date' };
    if (this.count && this.time && !(this.offsets && this.naive)) return { kind: 'timestamp', unit: this.digits > 6 ? 'ns' : 'us', utc: this.offsets > 0 };
    return { kind: 'utf8' };
  }
}

/** A CSV column's guess. */
class CellGuess {
  nullable = false;
  count = 0;
  bool = true;
  int = true;
  float = true;
  strings = new StringGuess();
  observe(cell: CsvField): void {
    if (cell === null || cell === '') {
      this.nullable = true;
      return;
    }
    this.count++;
    const t = cell.trim();
    if (this.bool && !/^(true|false)$/i.test(t)) this.bool = false;
    if (this.int && !(INTEGER.test(t) && fitsInt64(t))) this.int = false;
    if (this.float && !FLOAT.test(t)) this.float = false;
    this.strings.observe(cell);
  }
  resolve(name: string): ColumnField {
    let type: ColumnType;
    if (this.count === 0) type = { kind: 'utf8' };
    else if (this.bool) type = { kind: 'bool' };
    else if (this.int) type = { kind: 'int', bits: 64, signed: true };
    else if (this.float) type = { kind: 'float', bits: 64 };
    else type = this.strings.resolve();
    return { name, type, nullable: this.nullable };
  }
}

export function inferCsvFields(header: readonly string[], rows: ReadonlyArray<readonly CsvField[]>): ColumnField[] {
  return header.map((name, c) => {
    const guess = new CellGuess();
    for (const row of rows) guess.observe(row[c]);
    return guess.resolve(name);
  });
}

/** A JSON value's guess; `present` counts the objects that had this key. */
class JsonGuess {
  nullable = false;
  present = 0;
  bool = false;
  int = false;
  float = false;
  strings?: StringGuess;
  list?: JsonGuess;
  fields?: Map<string, JsonGuess>;
  objects = 0;

  observe(v: ExactJson): void {
    if (v === null) this.nullable = true;
    else if (typeof v === 'boolean') this.bool = true;
    else if (typeof v === 'bigint') {
      if (v >= INT64_MIN && v <= INT64_MAX) this.int = true;
      else this.float = true;
    } else if (typeof v === 'number') {
      // The sample is read exactly: a number here had a fraction or an exponent.
      this.float = true;
    } else if (typeof v === 'string') (this.strings ??= new StringGuess()).observe(v);
    else if (Array.isArray(v)) {
      const element = (this.list ??= new JsonGuess());
      for (const e of v) element.observe(e);
    } else this.observeObject(v);
  }

  observeObject(o: { [key: string]: ExactJson }): void {
    this.objects++;
    const fields = (this.fields ??= new Map());
    for (const key of Object.keys(o)) {
      let child = fields.get(key);
      if (!child) fields.set(key, (child = new JsonGuess()));
      child.present++;
      child.observe(o[key]);
    }
  }

  resolveFields(): ColumnField[] {
    return [...(this.fields ?? new Map<string, JsonGuess>())].map(([name, child]) => child.resolve(name, child.present < this.objects));
  }

  resolve(name: string, missing: boolean): ColumnField {
    const kinds = [this.bool, this.int || this.float, !!this.strings, !!this.list, !!this.fields].filter(Boolean).length;
    const nullable = this.nullable || missing;
    let type: ColumnType;
    if (kinds !== 1) type = { kind: 'json' };
    else if (this.bool) type = { kind: 'bool' };
    else if (this.float) type = { kind: 'float', bits: 64 };
    else if (this.int) type = { kind: 'int', bits: 64, signed: true };
    else if (this.strings) type = this.strings.resolve();
    else if (this.list) type = { kind: 'list', element: this.list.resolve('element', false) };
    else type = { kind: 'struct', fields: this.resolveFields() };
    // A value never seen (only nulls, or only empty lists) may be anything later.
    return { name, type, nullable: nullable || kinds === 0 };
  }
}

/** Top-level fields from sample rows (objects), in the order their keys first appear. */
export function inferJsonFields(rows: ReadonlyArray<{ [key: string]: ExactJson }>): ColumnField[] {
  const top = new JsonGuess();
  for (const row of rows) top.observeObject(row);
  return top.resolveFields();
}
