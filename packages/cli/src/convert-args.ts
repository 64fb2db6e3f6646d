// The arguments of `parquetry convert IN OUT [options]`: formats from --from/--to or the file
// extensions, the Parquet write options, and repeated `--encoding col=ENC`. Every mistake is an
// INVALID_ARGUMENT naming the option, raised before any file is opened.
import { extname } from 'node:path';
import { ParquetryError, type CompressionCodecName } from '@parquetry/core';
import type { ValueEncoding, WriteOptions } from '@parquetry/parquet';

export type Format = 'parquet' | 'csv' | 'jsonl' | 'arrow';

export interface ConvertArgs {
  input: string;
  output: string;
  from: Format;
  to: Format;
  /** Arrow IPC output framing: the file format (.arrow, .ipc) or the stream format (.arrows). */
  ipcStream: boolean;
  /** Only the options given on the command line are set. */
  write: WriteOptions;
  schemaFile?: string;
  debug: boolean;
}

const FORMATS: readonly Format[] = ['parquet', 'csv', 'jsonl', 'arrow'];
const EXTENSIONS: Record<string, Format> = {
  '.parquet': 'parquet',
  '.pq': 'parquet',
  '.csv': 'csv',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.arrow': 'arrow',
  '.arrows': 'arrow',
  '.ipc': 'arrow',
  '.feather': 'arrow',
};
const CODECS: readonly CompressionCodecName[] = ['UNCOMPRESSED', 'SNAPPY', 'GZIP', 'ZSTD', 'LZ4_RAW', 'LZ4', 'BROTLI'];
const ENCODINGS: readonly ValueEncoding[] = ['PLAIN', 'RLE_DICTIONARY', 'RLE', 'DELTA_BINARY_PACKED', 'DELTA_LENGTH_BYTE_ARRAY', 'DELTA_BYTE_ARRAY', 'BYTE_STREAM_SPLIT'];
const VALUED = new Set(['compression', 'level', 'page-version', 'row-group-size', 'encoding', 'schema', 'from', 'to']);
const FLAGS = new Set(['debug']);

function invalid(detail: string): ParquetryError {
  return new ParquetryError('INVALID_ARGUMENT', detail);
}

function formatOf(location: string, given: string | undefined, option: string): Format {
  if (given !== undefined) {
    const format = given.toLowerCase() === 'ndjson' ? 'jsonl' : (given.toLowerCase() as Format);
    if (!FORMATS.includes(format)) throw invalid(`--${option} must be one of ${FORMATS.join(', ')}, not ${given}`);
    return format;
  }
  const format = EXTENSIONS[extname(location).toLowerCase()];
  if (!format) throw invalid(`cannot tell the format of ${location} from its extension; pass --${option} ${FORMATS.join('|')}`);
  return format;
}

function integer(name: string, text: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = /^-?\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw invalid(`--${name} must be an integer from ${min} to ${max}, not ${text}`);
  return n;
}

/** `COLUMN=ENCODING`, split at the last `=`: encoding names hold none, column names may. */
export function parseEncoding(text: string): [string, ValueEncoding] {
  const eq = text.lastIndexOf('=');
  const column = eq > 0 ? text.slice(0, eq) : '';
  const encoding = (eq > 0 ? text.slice(eq + 1) : '').toUpperCase();
  if (!column || !encoding) throw invalid(`--encoding takes COLUMN=ENCODING (e.g. id=DELTA_BINARY_PACKED), not ${JSON.stringify(text)}`);
  if (!ENCODINGS.includes(encoding as ValueEncoding)) throw invalid(`--encoding ${text}: unknown encoding ${encoding}; one of ${ENCODINGS.join(', ')}`);
  return [column, encoding as ValueEncoding];
}

/** `argv` is what follows `convert` on the command line. */
export function parseConvertArgs(argv: readonly string[]): ConvertArgs {
  const positional: string[] = [];
  const values = new Map<string, string>();
  const encodings: Record<string, ValueEncoding> = {};
  let debug = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--') || arg === '--' || arg === '-') {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (FLAGS.has(name)) {
      if (eq >= 0) throw invalid(`--${name} takes no value`);
      debug = true;
      continue;
    }
    if (!VALUED.has(name)) throw invalid(`convert has no option --${name}`);
    let value: string;
    if (eq >= 0) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length) value = argv[++i];
    else throw invalid(`--${name} needs a value`);
    if (name === 'encoding') {
      const [column, encoding] = parseEncoding(value);
      if (column in encodings) throw invalid(`--encoding names column ${column} twice`);
      encodings[column] = encoding;
    } else {
      if (values.has(name)) throw invalid(`--${name} is given twice`);
      values.set(name, value);
    }
  }
  if (positional.length !== 2) throw invalid(`convert needs IN and OUT${positional.length > 2 ? `, not also ${positional.slice(2).join(' ')}` : ''}`);
  const [input, output] = positional;
  const from = formatOf(input, values.get('from'), 'from');
  const to = formatOf(output, values.get('to'), 'to');

  const write: WriteOptions = {};
  const compression = values.get('compression');
  if (compression !== undefined) {
    const name = compression.toUpperCase() === 'NONE' ? 'UNCOMPRESSED' : (compression.toUpperCase() as CompressionCodecName);
    if (!CODECS.includes(name)) throw invalid(`--compression must be one of ${CODECS.join(', ')}, not ${compression}`);
    write.compression = name;
  }
  const level = values.get('level');
  if (level !== undefined) write.level = integer('level', level, -131072, 22);
  const pageVersion = values.get('page-version');
  if (pageVersion !== undefined) write.pageVersion = integer('page-version', pageVersion, 1, 2) as 1 | 2;
  const rowGroupSize = values.get('row-group-size');
  if (rowGroupSize !== undefined) write.rowGroupSize = integer('row-group-size', rowGroupSize, 1);
  if (Object.keys(encodings).length) write.encodings = encodings;

  if (to !== 'parquet') {
    const given = ['compression', 'level', 'page-version', 'row-group-size', 'encoding'].filter((o) => (o === 'encoding' ? write.encodings : values.has(o)));
    if (given.length) throw invalid(`--${given[0]} applies to Parquet output only (the output is ${to})`);
  }
  const schemaFile = values.get('schema');
  if (schemaFile !== undefined && from !== 'csv' && from !== 'jsonl') throw invalid(`--schema applies to CSV and JSON lines input only (the input is ${from})`);
  if ((to === 'csv' || to === 'jsonl') && from !== 'parquet') throw invalid(`${to} output is written from Parquet input only; convert ${from} to Parquet first`);
  return { input, output, from, to, ipcStream: to === 'arrow' && extname(output).toLowerCase() === '.arrows', write, schemaFile, debug };
}
