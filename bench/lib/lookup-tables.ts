// The lookup benchmark's files, generated once and reused while the manifest matches: the table of
// lookup-data.ts written by pyarrow (lookup-write.py, through the venv) and by Parquetry
// (lookup-write-parquetry.ts, in a child process). Parquetry's writer builds the whole file in
// memory, so when the full row count fails there it falls back to fewer rows and says so.
import { openParquet, fileSource } from '@parquetry/parquet';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const VERSION = 1;
const PYTHON = fileURLToPath(new URL('../../.venv/bin/python', import.meta.url));
const PY_WRITER = fileURLToPath(new URL('./lookup-write.py', import.meta.url));
const TS_WRITER = fileURLToPath(new URL('./lookup-write-parquetry.ts', import.meta.url));

export type Writer = 'parquetry' | 'pyarrow';

export interface LookupFile {
  writer: Writer;
  path: string;
  rows: number;
  fileBytes: number;
  rowGroups: number;
  /** Every column chunk has an offset index and a column index. */
  pageIndex: boolean;
  writeSeconds: number;
}

export interface LookupTables {
  version: number;
  rows: number;
  files: LookupFile[];
  /** Row counts Parquetry's writer failed at, with why (before the one that worked). */
  parquetryFailures: string[];
}

async function describe(writer: Writer, path: string, writeSeconds: number): Promise<LookupFile> {
  const source = await fileSource(path);
  try {
    const { metadata } = await openParquet(source);
    // A row group's column list is lazy (length + get), not an array; bench has no @parquetry/thrift for listAt.
    const chunks = metadata.row_groups.flatMap((g) => Array.from({ length: g.columns.length }, (_, i) => ('get' in g.columns ? g.columns.get(i) : g.columns[i])));
    const pageIndex = chunks.every((c) => c.offset_index_length !== undefined && c.column_index_length !== undefined);
    return { writer, path, rows: Number(metadata.num_rows), fileBytes: statSync(path).size, rowGroups: metadata.row_groups.length, pageIndex, writeSeconds };
  } finally {
    await source.close();
  }
}

function writeWithPyarrow(path: string, rows: number): number {
  if (!existsSync(PYTHON)) throw new Error(`no Python venv at ${PYTHON}: make it with \`bash scripts/setup-venv.sh\` (pyarrow writes the second file)`);
  const started = performance.now();
  const run = spawnSync(PYTHON, [PY_WRITER, path, String(rows)], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`lookup-write.py failed (${run.status ?? run.signal}): ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  return (performance.now() - started) / 1e3;
}

/** Parquetry at `rows`, else at each smaller size in turn; returns the rows written and the failures. */
function writeWithParquetry(path: string, sizes: number[]): { rows: number; seconds: number; failures: string[] } {
  const failures: string[] = [];
  for (const rows of sizes) {
    const started = performance.now();
    const run = spawnSync(process.execPath, [...process.execArgv, TS_WRITER, path, String(rows)], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (run.status === 0 && run.stdout.includes('OK')) return { rows, seconds: (performance.now() - started) / 1e3, failures };
    failures.push(`${rows} rows: ${run.signal ?? `exit ${run.status}`} ${run.stderr.trim().split('\n').slice(-2).join(' | ')}`);
  }
  throw new Error(`Parquetry's encodeParquet failed at every size: ${failures.join('; ')}`);
}

/** The files for `rows` rows (the issue's 50M at full scale), generated when missing or stale. */
export async function lookupTables(root: string, rows: number): Promise<LookupTables> {
  const dir = join(root, `rows-${rows}`);
  const manifestPath = join(dir, 'manifest.json');
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as LookupTables;
    if (manifest.version === VERSION && manifest.rows === rows && manifest.files.every((f) => existsSync(f.path))) return manifest;
  }
  mkdirSync(dir, { recursive: true });
  process.stderr.write(`writing ${rows} rows with pyarrow...\n`);
  const pyPath = join(dir, 'pyarrow.parquet');
  const pySeconds = writeWithPyarrow(pyPath, rows);
  process.stderr.write(`writing with Parquetry...\n`);
  const tsPath = join(dir, 'parquetry.parquet');
  const sizes = [rows, 20_000_000, 10_000_000].filter((n, i) => i === 0 || n < rows);
  const written = writeWithParquetry(tsPath, sizes);
  const tables: LookupTables = {
    version: VERSION,
    rows,
    files: [await describe('parquetry', tsPath, written.seconds), await describe('pyarrow', pyPath, pySeconds)],
    parquetryFailures: written.failures,
  };
  writeFileSync(manifestPath, JSON.stringify(tables, null, 2));
  return tables;
}
