// The writer's options, their defaults, and how per-column options reach each leaf: a column is
// named by its dotted Parquet path (`tags.list.element`) or by its top-level field name (every leaf
// under it). Everything is checked before a byte is written.
import { compressionCodec, COMPRESSION_CODEC_NAMES } from '@parquetry/compression';
import { ParquetryError, type CompressionCodecName } from '@parquetry/core';
import type { BloomOptions, ChunkOptions } from './column-writer.js';
import { checkEncoding, type ValueEncoding } from './value-encoding.js';
import type { WriteLeaf, WriteSchema, SchemaOptions } from './write-schema.js';
import { DEFAULT_MAX_DICTIONARY_BYTES } from '@parquetry/dictionary';

export interface ColumnOptions {
  encoding?: ValueEncoding;
  compression?: CompressionCodecName;
  level?: number;
  /** Try a dictionary (default: the file's `dictionary`). */
  dictionary?: boolean;
  statistics?: boolean;
  /** A split-block bloom filter per column chunk; `true` for the defaults. */
  bloomFilter?: boolean | BloomOptions;
}

export interface SortingColumnOption {
  column: string;
  descending?: boolean;
  nullsFirst?: boolean;
}

export interface WriteOptions extends SchemaOptions {
  /** Default SNAPPY. */
  compression?: CompressionCodecName;
  level?: number;
  /** Rows per row group (default 1,000,000). */
  rowGroupSize?: number;
  /** Bytes of encoded pages that also close a row group (default 256 MiB; streaming writer). */
  rowGroupBytes?: number;
  /** Rows per data page (default 20,000). */
  pageRows?: number;
  /** Bytes of values per data page, about (default 1 MiB). */
  pageBytes?: number;
  /** Dictionary-encode every column but booleans while the dictionary fits (default true). */
  dictionary?: boolean;
  /** The dictionary page size limit past which a chunk falls back (default 1 MiB, as Arrow C++). */
  maxDictionaryBytes?: number;
  keyValueMetadata?: Record<string, string>;
  /** Write ColumnIndex and OffsetIndex for every column chunk (default true). */
  pageIndex?: boolean;
  /** Data page version: 1 (default: what Iceberg, Paimon and DuckDB readers take) or 2. */
  pageVersion?: 1 | 2;
  /** Min/max and null counts in chunks and pages (default true). */
  statistics?: boolean;
  /** Value encodings by column (default: dictionary, falling back to PLAIN). */
  encodings?: Record<string, ValueEncoding>;
  /** Bloom filters by column. */
  bloomFilters?: Record<string, true | BloomOptions>;
  /** Every per-column option by column. */
  columns?: Record<string, ColumnOptions>;
  sortingColumns?: SortingColumnOption[];
}

export interface ResolvedColumn {
  leaf: WriteLeaf;
  path: string;
  topLevel: string;
  chunk: ChunkOptions;
}

export const DEFAULT_ROW_GROUP_SIZE = 1_000_000;
export const DEFAULT_ROW_GROUP_BYTES = 256 * 1024 * 1024;

function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) throw new ParquetryError('INVALID_ARGUMENT', `${name} ${value} is not a positive integer`);
  return value;
}

function codecOf(name: unknown): CompressionCodecName {
  if (!COMPRESSION_CODEC_NAMES.includes(name as CompressionCodecName)) throw new ParquetryError('INVALID_ARGUMENT', `unknown compression ${String(name)} (one of ${COMPRESSION_CODEC_NAMES.join(', ')})`);
  compressionCodec(name as CompressionCodecName); // LZO: UNSUPPORTED, before anything is written
  return name as CompressionCodecName;
}

function bloomOf(value: boolean | BloomOptions | undefined, path: string): BloomOptions | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return {};
  const { ndv, fpp } = value;
  if (ndv !== undefined && !(Number.isSafeInteger(ndv) && ndv > 0)) throw new ParquetryError('INVALID_ARGUMENT', `column ${path}: bloom filter ndv ${ndv} is not a positive integer`);
  if (fpp !== undefined && !(fpp > 0 && fpp < 1)) throw new ParquetryError('INVALID_ARGUMENT', `column ${path}: bloom filter fpp ${fpp} is not in (0, 1)`);
  return value;
}

/** Each leaf's chunk options; INVALID_ARGUMENT for a column name the schema lacks or a bad value. */
export function resolveColumnOptions(schema: WriteSchema, options: WriteOptions): ResolvedColumn[] {
  const pageVersion = options.pageVersion ?? 1;
  if (pageVersion !== 1 && pageVersion !== 2) throw new ParquetryError('INVALID_ARGUMENT', `page version ${String(pageVersion)} is neither 1 nor 2`);
  positiveInteger('rowGroupSize', options.rowGroupSize, DEFAULT_ROW_GROUP_SIZE);
  positiveInteger('rowGroupBytes', options.rowGroupBytes, DEFAULT_ROW_GROUP_BYTES);
  const base = {
    compression: codecOf(options.compression ?? 'SNAPPY'),
    level: options.level,
    pageRows: positiveInteger('pageRows', options.pageRows, 20_000),
    pageBytes: positiveInteger('pageBytes', options.pageBytes, 1024 * 1024),
    dictionary: options.dictionary ?? true,
    maxDictionaryBytes: options.maxDictionaryBytes ?? DEFAULT_MAX_DICTIONARY_BYTES,
    pageVersion,
    statistics: options.statistics ?? true,
  };
  const columns = schema.leaves.map((leaf) => ({ leaf, path: leaf.path.join('.'), topLevel: leaf.path[0] }));
  const matching = (name: string, what: string) => {
    const exact = columns.filter((c) => c.path === name);
    const found = exact.length ? exact : columns.filter((c) => c.topLevel === name);
    if (found.length === 0) throw new ParquetryError('INVALID_ARGUMENT', `${what} names column ${name}, which the schema does not have`);
    return found;
  };
  const perColumn = new Map<string, ColumnOptions>();
  const add = (name: string, what: string, extra: ColumnOptions) => {
    for (const c of matching(name, what)) perColumn.set(c.path, { ...perColumn.get(c.path), ...extra });
  };
  for (const [name, encoding] of Object.entries(options.encodings ?? {})) add(name, 'encodings', { encoding });
  for (const [name, bloom] of Object.entries(options.bloomFilters ?? {})) add(name, 'bloomFilters', { bloomFilter: bloom });
  // Per-column options override the shortcuts; a full path overrides its top-level name.
  const entries = Object.entries(options.columns ?? {}).sort(([a], [b]) => a.split('.').length - b.split('.').length);
  for (const [name, column] of entries) add(name, 'columns', column);
  const resolved = columns.map((c) => {
    const own = perColumn.get(c.path) ?? {};
    const encoding = own.encoding ?? 'PLAIN';
    checkEncoding(c.path, c.leaf.type.physical, encoding);
    const dictionary = encoding === 'RLE_DICTIONARY' ? true : own.encoding !== undefined ? false : (own.dictionary ?? base.dictionary);
    return {
      ...c,
      chunk: {
        ...base,
        compression: own.compression !== undefined ? codecOf(own.compression) : base.compression,
        // A column with its own codec does not inherit the file's level (it belongs to another codec).
        level: own.compression !== undefined ? own.level : (own.level ?? base.level),
        dictionary,
        encoding: encoding === 'RLE_DICTIONARY' ? 'PLAIN' : encoding,
        statistics: own.statistics ?? base.statistics,
        bloom: bloomOf(own.bloomFilter, c.path),
      },
    };
  });
  // Levels are checked now, before a byte is written (compressing nothing checks the level).
  for (const { chunk, path } of resolved) {
    if (chunk.level === undefined) continue;
    try {
      compressionCodec(chunk.compression).compress(new Uint8Array(0), { level: chunk.level });
    } catch (error) {
      if (ParquetryError.is(error) && error.code === 'INVALID_ARGUMENT') throw new ParquetryError('INVALID_ARGUMENT', `column ${path}: ${error.detail}`);
      if (!(ParquetryError.is(error) && error.code === 'UNSUPPORTED')) throw error;
    }
  }
  return resolved;
}
