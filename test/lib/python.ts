// The test venv's Python (made by scripts/setup-venv.sh), which holds the reference
// implementations the Node suites compare against: python-snappy, zstandard, lz4, brotli, pyarrow.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export function venvPython(): string {
  const python = process.env.PARQUETRY_PYTHON ?? `${root}.venv/bin/python`;
  if (!existsSync(python)) throw new Error(`${python} is missing: run bash scripts/setup-venv.sh (or set PARQUETRY_PYTHON)`);
  return python;
}

/**
 * Runs a script under test/reference with the venv's Python; returns its stdout. `quiet` keeps its
 * stderr out of the test log (a JVM's start-up chatter) unless it fails: the error carries it.
 */
export function runReference(script: string, args: string[], { quiet = false } = {}): string {
  return execFileSync(venvPython(), ['-B', `${root}test/reference/${script}`, ...args], { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', quiet ? 'pipe' : 'inherit'] });
}

/** The parquet-testing corpus: PARQUET_TEST_DATA, else ../shared/conformance/parquet-testing beside the project. */
export function corpusRoot(): string {
  return process.env.PARQUET_TEST_DATA ?? `${root}../shared/conformance/parquet-testing`;
}
