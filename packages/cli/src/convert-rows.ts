// CSV and JSON lines input as Arrow RecordBatches: the schema is given (--schema) or inferred from
// the first rows, then every row is converted in batches (by rows and bytes). A value that does not
// fit its column stops the conversion with an error naming the line and column.
import { ParquetryError } from '@parquetry/core';
import { makeData, RecordBatch, Struct, type Schema } from 'apache-arrow';
import { makeBuilder, misfitPath, type Builder } from './convert-builders.js';
import { csvRecords, type CsvField, type CsvRecord } from './convert-csv.js';
import { inferCsvFields, inferJsonFields } from './convert-infer.js';
import { jsonRecords, type JsonRecord } from './convert-jsonl.js';
import { arrowSchema, type ColumnField } from './convert-schema.js';
import { textChunks } from './convert-text-input.js';
import { Misfit } from './convert-values.js';

export interface RowOptions {
  /** Rows read before the schema is inferred (default 1000). */
  sampleRows?: number;
  /** Rows per batch (default 65,536). */
  batchRows?: number;
  /** A batch ends once its values pass this many bytes (default 64 MiB). */
  batchBytes?: number;
  /** Told the size of each chunk read from the file. */
  onBytes?: (n: number) => void;
}

export interface RowSource {
  fields: ColumnField[];
  schema: Schema;
  batches: AsyncGenerator<RecordBatch>;
}

/** Reads groups from `groups` until `rows` items are buffered (or it ends). */
async function buffer<T>(groups: AsyncIterator<T[]>, rows: number, out: T[]): Promise<boolean> {
  while (out.length < rows) {
    const next = await groups.next();
    if (next.done) return false;
    out.push(...next.value);
  }
  return true;
}

/** The buffered items, then the rest of `groups` (closed early if the caller stops). */
async function* rest<T>(buffered: T[], groups: AsyncIterator<T[]>, more: boolean): AsyncGenerator<T[]> {
  try {
    if (buffered.length) yield buffered;
    if (!more) return;
    for (;;) {
      const next = await groups.next();
      if (next.done) return;
      yield next.value;
    }
  } finally {
    await groups.return?.();
  }
}

function misfitError(error: unknown, line: number, inferred: number | undefined): unknown {
  if (!(error instanceof Misfit)) return error;
  const path = misfitPath(error);
  const hint = inferred === undefined ? '' : ` (the schema was inferred from the first ${inferred} rows; pass --schema to give it)`;
  return new ParquetryError('INVALID_ARGUMENT', `line ${line}${path ? `, column ${path}` : ''}: ${error.message}${hint}`);
}

/** Converts rows through `append` into batches of the builders' data. */
async function* batchesOf<T extends { line: number }>(
  groups: AsyncIterable<T[]>,
  schema: Schema,
  builders: Builder[],
  append: (row: T) => void,
  options: RowOptions,
  inferred: number | undefined,
): AsyncGenerator<RecordBatch> {
  const batchRows = options.batchRows ?? 65_536;
  const batchBytes = options.batchBytes ?? 64 << 20;
  const type = new Struct(schema.fields);
  let rows = 0;
  let any = false;
  const finish = () => {
    const batch = new RecordBatch(schema, makeData({ type, length: rows, nullCount: 0, children: builders.map((b) => b.finish()) }));
    rows = 0;
    any = true;
    return batch;
  };
  for await (const group of groups) {
    for (const row of group) {
      try {
        append(row);
      } catch (error) {
        throw misfitError(error, row.line, inferred);
      }
      rows++;
      if (rows >= batchRows || ((rows & 255) === 0 && builders.reduce((s, b) => s + b.bytes, 0) >= batchBytes)) yield finish();
    }
  }
  if (rows || !any) yield finish();
}

function headerOf(record: CsvRecord | undefined): string[] {
  if (!record) throw new ParquetryError('INVALID_ARGUMENT', 'the CSV input is empty: it needs a header row naming the columns');
  const names = record.fields.map((f, i) => (f === null || f === '' ? `column_${i + 1}` : f));
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new ParquetryError('INVALID_ARGUMENT', `the CSV header names column ${name} twice`);
    seen.add(name);
  }
  return names;
}

export async function csvSource(path: string, explicit: ColumnField[] | undefined, options: RowOptions = {}): Promise<RowSource> {
  const sampleRows = options.sampleRows ?? 1000;
  const groups = csvRecords(textChunks(path, options.onBytes))[Symbol.asyncIterator]();
  const buffered: CsvRecord[] = [];
  const more = await buffer(groups, 1 + (explicit ? 0 : sampleRows), buffered);
  const header = headerOf(buffered.shift());
  let fields: ColumnField[];
  let columns: number[];
  if (explicit) {
    const at = new Map(header.map((name, i) => [name, i]));
    const unknown = header.filter((name) => !explicit.some((f) => f.name === name));
    if (unknown.length) throw new ParquetryError('INVALID_ARGUMENT', `the CSV has column ${unknown[0]}, which --schema does not name`);
    columns = explicit.map((f) => {
      const i = at.get(f.name);
      if (i === undefined) throw new ParquetryError('INVALID_ARGUMENT', `--schema names column ${f.name}, which the CSV header does not have`);
      return i;
    });
    fields = explicit;
  } else {
    fields = inferCsvFields(header, buffered.slice(0, sampleRows).map((r) => r.fields));
    columns = header.map((_, i) => i);
  }
  const schema = arrowSchema(fields);
  const builders = fields.map((f) => makeBuilder(f, f.name, true));
  const width = header.length;
  const append = (record: CsvRecord) => {
    const cells: CsvField[] = record.fields;
    if (cells.length !== width) throw new ParquetryError('CORRUPT', `CSV line ${record.line} has ${cells.length} fields; the header has ${width}`);
    for (let c = 0; c < builders.length; c++) builders[c].append(cells[columns[c]]);
  };
  return { fields, schema, batches: batchesOf(rest(buffered, groups, more), schema, builders, append, options, explicit ? undefined : sampleRows) };
}

export async function jsonlSource(path: string, explicit: ColumnField[] | undefined, options: RowOptions = {}): Promise<RowSource> {
  const sampleRows = options.sampleRows ?? 1000;
  const groups = jsonRecords(textChunks(path, options.onBytes), explicit ? 0 : sampleRows)[Symbol.asyncIterator]();
  const buffered: JsonRecord[] = [];
  const more = explicit ? true : await buffer(groups, sampleRows, buffered);
  const fields = explicit ?? inferJsonFields(buffered.slice(0, sampleRows).map((r) => r.value));
  if (!fields.length) throw new ParquetryError('INVALID_ARGUMENT', `no columns to infer: the first ${sampleRows} rows hold no fields; pass --schema`);
  const schema = arrowSchema(fields);
  const builders = fields.map((f) => makeBuilder(f, f.name, false));
  const at = new Map(fields.map((f, i) => [f.name, i]));
  const append = ({ value }: JsonRecord) => {
    for (const key in value) if (!at.has(key)) throw new Misfit(`field ${JSON.stringify(key)} is not in the schema`);
    for (let c = 0; c < builders.length; c++) builders[c].append(value[fields[c].name]);
  };
  return { fields, schema, batches: batchesOf(rest(buffered, groups, more), schema, builders, append, options, explicit ? undefined : sampleRows) };
}
