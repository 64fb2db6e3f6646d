// The reader benchmark's data: recommendation-sample tables written by DuckDB (snappy, zstd,
// none), and a 10,000-column file for the footer test. Generated once per scale under
// bench/results/reader/ (gitignored) and reused while the manifest's version matches.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Bump when the generated data changes, so old files are written again. */
const VERSION = 2;
export const CODECS = ['snappy', 'zstd', 'none'] as const;
export type Codec = (typeof CODECS)[number];

export interface TableSpec {
  name: 'rec' | 'embedding';
  rows: number;
  /** The 2-column projection (top-level names); both tables have a `label` to checksum. */
  projection: [string, string];
  /** A top-level list column whose value count is checked, if any. */
  listColumn?: string;
}

export interface TableFile {
  table: TableSpec['name'];
  codec: Codec;
  path: string;
  fileBytes: number;
  rows: number;
  rowGroups: number;
  /** Sum of total_uncompressed_size over the column chunks, by top-level column. */
  uncompressed: Record<string, number>;
  /** What a right read returns: sum(label) and the list column's value count. */
  labelSum: number;
  listValues: number;
}

export interface WideFile {
  path: string;
  columns: number;
  rows: number;
  rowGroups: number;
  footerBytes: number;
}

export interface ReaderTables {
  version: number;
  scale: number;
  specs: TableSpec[];
  files: TableFile[];
  wide: WideFile;
}

export function tableSpecs(scale: number): TableSpec[] {
  return [
    { name: 'rec', rows: Math.round(2_000_000 * scale), projection: ['user_id', 'label'] },
    { name: 'embedding', rows: Math.round(500_000 * scale), projection: ['label', 'embedding'], listColumn: 'embedding' },
  ];
}

const SURFACES = ['home', 'search', 'email', 'push', 'related', 'trending', 'ads', 'other'];

// hash() is DuckDB's deterministic 64-bit hash: the same data on every run, at any thread count.
// Features mix three shapes: uniform (PLAIN), two-decimal (dictionary-friendly), ~10% null.
function featureSql(k: number): string {
  const uniform = `((hash(i, 'f${k}') % 1000000) / 1000000.0)`;
  if (k < 3) return `${uniform}::FLOAT AS f${k}`;
  if (k < 6) return `round((hash(i, 'f${k}') % 1000) / 1000.0, 2)::FLOAT AS f${k}`;
  return `CASE WHEN hash(i, 'n${k}') % 10 = 0 THEN NULL ELSE ${uniform}::FLOAT END AS f${k}`;
}

function recSql(rows: number): string {
  const surfaces = `[${SURFACES.map((s) => `'${s}'`).join(', ')}]`;
  return `SELECT
    (hash(i, 'u') % 1000000)::BIGINT AS user_id,
    (hash(i, 'i') % 5000000)::BIGINT AS item_id,
    TIMESTAMP '2024-06-01 00:00:00' + to_milliseconds((i * 7 + hash(i, 't') % 5)::BIGINT) AS ts,
    (hash(i, 'l') % 2)::INTEGER AS label,
    (hash(i, 'c') % 10 < 3) AS clicked,
    ${Array.from({ length: 9 }, (_, k) => featureSql(k)).join(',\n    ')},
    ${surfaces}[(hash(i, 's') % ${SURFACES.length})::INTEGER + 1] AS surface,
    concat_ws('-', h[1:8], h[9:12], h[13:16], h[17:20], h[21:32]) AS request_id
  FROM (SELECT i, md5(i::VARCHAR) AS h FROM range(${rows}) t(i)) ORDER BY i`;
}

function embeddingSql(rows: number): string {
  return `SELECT
    i::BIGINT AS id,
    (hash(i, 'l') % 2)::INTEGER AS label,
    list_transform(range(32), k -> ((hash(i, k) % 2000000) / 1000000.0 - 1)::FLOAT) AS embedding
  FROM range(${rows}) t(i) ORDER BY i`;
}

const WIDE_COLUMNS = 10_000;
// Two UNION ALL halves reach the writer as two chunks, so ROW_GROUP_SIZE 3 gives two row groups.
function wideSql(): string {
  const columns = Array.from({ length: WIDE_COLUMNS }, (_, k) => `(i * ${k + 1})::INTEGER AS c${k}`).join(', ');
  return `SELECT ${columns} FROM (SELECT * FROM range(0, 3) UNION ALL SELECT * FROM range(3, 6)) t(i)`;
}

async function scalar(c: DuckDBConnection, sql: string): Promise<number> {
  const rows = (await c.runAndReadAll(sql)).getRows();
  return Number(rows[0]?.[0] ?? 0);
}

const quote = (path: string) => `'${path.replaceAll("'", "''")}'`;

async function describeFile(c: DuckDBConnection, spec: TableSpec, codec: Codec, path: string): Promise<TableFile> {
  const meta = (await c.runAndReadAll(
    // path_in_schema is comma-separated for nested columns ("embedding, list, element")
    `SELECT split_part(path_in_schema, ', ', 1) AS col, sum(total_uncompressed_size)::BIGINT
     FROM parquet_metadata(${quote(path)}) GROUP BY 1`,
  )).getRows();
  const uncompressed: Record<string, number> = {};
  for (const [col, bytes] of meta) uncompressed[String(col)] = Number(bytes);
  const list = spec.listColumn ? `sum(len(${spec.listColumn}))` : '0';
  const [[rows, labelSum, listValues]] = (await c.runAndReadAll(`SELECT count(*), sum(label), ${list} FROM read_parquet(${quote(path)})`)).getRows();
  return {
    table: spec.name,
    codec,
    path,
    fileBytes: statSync(path).size,
    rows: Number(rows),
    rowGroups: await scalar(c, `SELECT num_row_groups FROM parquet_file_metadata(${quote(path)})`),
    uncompressed,
    labelSum: Number(labelSum),
    listValues: Number(listValues ?? 0),
  };
}

async function generate(dir: string, scale: number): Promise<ReaderTables> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const specs = tableSpecs(scale);
  const files: TableFile[] = [];
  for (const spec of specs) {
    process.stderr.write(`generating ${spec.name} (${spec.rows} rows)...\n`);
    await c.run(`CREATE OR REPLACE TABLE t AS ${spec.name === 'rec' ? recSql(spec.rows) : embeddingSql(spec.rows)}`);
    for (const codec of CODECS) {
      const path = join(dir, `${spec.name}-${codec}.parquet`);
      const compression = codec === 'none' ? 'uncompressed' : codec;
      await c.run(`COPY t TO ${quote(path)} (FORMAT parquet, COMPRESSION ${compression})`);
      files.push(await describeFile(c, spec, codec, path));
    }
  }
  await c.run('DROP TABLE t');
  const widePath = join(dir, 'wide-10000.parquet');
  await c.run('SET threads = 1'); // one writer thread keeps the two halves two row groups
  await c.run(`COPY (${wideSql()}) TO ${quote(widePath)} (FORMAT parquet, ROW_GROUP_SIZE 3, COMPRESSION uncompressed)`);
  const wide: WideFile = {
    path: widePath,
    columns: WIDE_COLUMNS,
    rows: await scalar(c, `SELECT count(*) FROM read_parquet(${quote(widePath)})`),
    rowGroups: await scalar(c, `SELECT num_row_groups FROM parquet_file_metadata(${quote(widePath)})`),
    footerBytes: footerLength(widePath),
  };
  c.closeSync();
  return { version: VERSION, scale, specs, files, wide };
}

/** The footer's length from the file's last 8 bytes. */
function footerLength(path: string): number {
  const bytes = readFileSync(path);
  return bytes.readUInt32LE(bytes.length - 8);
}

/** The tables for `scale` (1 = the issue's 2M and 500k rows), generated when missing or stale. */
export async function readerTables(root: string, scale: number): Promise<ReaderTables> {
  const dir = join(root, scale === 1 ? 'full' : `scale-${scale}`);
  const manifestPath = join(dir, 'manifest.json');
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as ReaderTables;
    const present = [...manifest.files.map((f) => f.path), manifest.wide.path].every((p) => existsSync(p));
    if (manifest.version === VERSION && manifest.scale === scale && present) return manifest;
  }
  mkdirSync(dir, { recursive: true });
  const tables = await generate(dir, scale);
  writeFileSync(manifestPath, JSON.stringify(tables, null, 2));
  return tables;
}

/** Uncompressed bytes a read of `columns` (all when undefined) covers. */
export function uncompressedBytes(file: TableFile, columns: readonly string[] | undefined): number {
  const names = columns ?? Object.keys(file.uncompressed);
  return names.reduce((sum, name) => sum + (file.uncompressed[name] ?? 0), 0);
}
