// Node only: Parquet files that pyarrow and DuckDB write (test/reference/interop_files.py: every
// codec x data page v1/v2 x the encodings each writer offers x nested shapes x nulls), read by
// Parquetry (the backend in force) and compared, row by row as JSON text, with what pyarrow reads
// from them (test/reference/pyarrow_dump.py, in the mapping of test/reference/json_mapping.md).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { type DumpIndexEntry, firstDifference, ourRowsOf, readDumpIndex } from '../lib/pyarrow-compare.js';
import { theirRows } from '../lib/rows-compare.js';
import { runReference } from '../lib/python.js';

type Writer = 'pyarrow' | 'duckdb';

interface ManifestEntry {
  file: string;
  writer: Writer;
  compression: string;
  page_version: string;
  encoding: string;
  skipped_columns: Array<{ column: string; reason: string }>;
  rows: number;
}

/** The matrix interop_files.py writes: an empty or shrunken one must not pass. pyarrow: 6 codecs x
 * 2 page versions x 3 encodings (dictionary, plain, delta), 2 codecs x 2 page versions x 2 more
 * (small dictionary pages, byte-stream-split), 6 one-off settings; DuckDB: 6 codecs x 2 versions + 1. */
const EXPECTED_FILES: Record<Writer, number> = { pyarrow: 6 * 2 * 3 + 2 * 2 * 2 + 6, duckdb: 6 * 2 + 1 };
const ROWS = 1800;

/** `encoding:column` for each column a writer refuses, or pyarrow cannot read back, in some settings
 * (the manifest says why); any other missing column means the matrix lost coverage. */
const KNOWN_SKIPS = new Set([
  'delta:dict_str', // pyarrow cannot read a dictionary<string> column back from DELTA_BYTE_ARRAY
  'split:dict_str', // ... nor from DELTA_LENGTH_BYTE_ARRAY
  'format-1.0:ts_ns', // Parquet 1.0 has no nanoseconds and the values do not fit microseconds
  'format-1.0:ts_ns_utc',
  'duckdb-v2:i32_full', // DuckDB's INT32 deltas need 33 bits; pyarrow refuses them
  'duckdb-v2:u32_full',
]);

const interop = suite('interop: pyarrow and DuckDB files against pyarrow');
let workDir = '';
let filesDir = '';
let dumpDir = '';
let manifest: ManifestEntry[] = [];
let dumped = new Map<string, DumpIndexEntry>();

interop.before(() => {
  workDir = mkdtempSync(join(tmpdir(), 'parquetry-interop-'));
  filesDir = join(workDir, 'files');
  dumpDir = join(workDir, 'dump');
  runReference('interop_files.py', ['write', filesDir, '--rows', String(ROWS)]);
  // every row, not the dumper's default first 1000
  runReference('pyarrow_dump.py', ['dump', filesDir, dumpDir, '--max-rows', String(ROWS)]);
  manifest = JSON.parse(readFileSync(join(filesDir, 'manifest.json'), 'utf8')) as ManifestEntry[];
  dumped = new Map(readDumpIndex(dumpDir).map((entry) => [entry.file, entry]));
});
interop.after(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

interop('the matrix is whole: every file written, dumped in full, no column lost but the known refusals', () => {
  for (const writer of ['pyarrow', 'duckdb'] as const) {
    assert.is(manifest.filter((m) => m.writer === writer).length, EXPECTED_FILES[writer], `${writer} files`);
  }
  assert.is(dumped.size, manifest.length, 'the dump holds every file of the manifest and nothing else');
  for (const m of manifest) {
    const entry = dumped.get(m.file);
    assert.is(entry?.status, 'ok', `${m.file}: ${entry?.error ?? 'not dumped'}`);
    assert.is(m.rows, ROWS, `${m.file} rows`);
    assert.is(entry?.rows, ROWS, `${m.file}: rows dumped`);
    const unknown = m.skipped_columns.filter((s) => !KNOWN_SKIPS.has(`${m.encoding}:${s.column}`));
    assert.equal(unknown, [], `${m.file}: columns left out`);
  }
});

/** The 400-character form of one column's JSON text; -0 kept apart from 0. */
function columnText(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (Object.is(v, -0) ? '-0.0' : v)).slice(0, 400);
}

/**
 * Columns where Parquetry deliberately reads other values than pyarrow. INT96 of instants before
 * 4713 BC (a negative Julian day): Parquetry reads the day as signed, which gives back the value
 * written; pyarrow reads it unsigned (year +11468914). Values past INT96's range were already
 * wrapped by Arrow's writer, so neither side recovers those.
 */
const INTENDED: Record<string, readonly string[]> = {
  'pyarrow/int96.parquet': ['ts_ms', 'ts_ms_utc', 'ts_us', 'ts_us_utc'],
};

/** Every differing column of a file: how many rows, and the first row's two values. Falls back to
 * firstDifference's text when the reader throws or the row counts differ. */
async function describe(file: string, difference: string): Promise<string> {
  const theirs = theirRows(readFileSync(join(dumpDir, `${file}.json`), 'utf8'));
  let ours: string[];
  try {
    ours = await ourRowsOf(readFileSync(join(filesDir, file)), theirs.length);
  } catch {
    return difference;
  }
  if (ours.length !== theirs.length) return difference;
  const columns = new Map<string, { rows: number; first: string }>();
  for (let r = 0; r < ours.length; r++) {
    if (ours[r] === theirs[r]) continue;
    const mine = JSON.parse(ours[r]) as Record<string, unknown>;
    const reference = JSON.parse(theirs[r]) as Record<string, unknown>;
    for (const key of new Set([...Object.keys(mine), ...Object.keys(reference)])) {
      if (INTENDED[file]?.includes(key)) continue;
      const a = columnText(mine[key]);
      const b = columnText(reference[key]);
      if (a === b) continue;
      const seen = columns.get(key);
      if (seen) seen.rows++;
      else columns.set(key, { rows: 1, first: `row ${r}: ours ${a} | pyarrow ${b}` });
    }
  }
  if (columns.size === 0) return INTENDED[file] ? '' : difference;
  const lines = [...columns].map(([key, c]) => `    column ${key}: ${c.rows} rows differ, first ${c.first}`);
  return `${file}:\n${lines.join('\n')}`;
}

for (const writer of ['pyarrow', 'duckdb'] as const) {
  interop(`${writer} files: Parquetry reads every row as pyarrow does`, async () => {
    const files = manifest.filter((m) => m.writer === writer);
    assert.is(files.length, EXPECTED_FILES[writer], `${writer} files`);
    const failures: string[] = [];
    let read = 0;
    for (const { file } of files) {
      if (dumped.get(file)?.status !== 'ok') {
        failures.push(`${file}: pyarrow did not read it (${dumped.get(file)?.error ?? 'not dumped'})`);
        continue;
      }
      try {
        const difference = await firstDifference(filesDir, dumpDir, file);
        read++;
        const described = difference && (await describe(file, difference));
        if (described) failures.push(described);
      } catch (error) {
        failures.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    assert.is(failures.length, 0, `${failures.length} of ${files.length} ${writer} files differ (${read} read without error):\n  ${failures.join('\n  ')}`);
  });
}

interop.run();
