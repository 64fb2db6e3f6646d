// Runs the conformance suites in Node under the backend PARQUETRY_BACKEND names (native or ts).
// PARQUETRY_SUITES=rle,delta runs only the named suites (while working on one codec).
import { runSuites } from './lib/run-suites.js';
import { SHARED_SUITES } from './suites/shared.js';

const requested = process.env.PARQUETRY_BACKEND;
if (requested !== 'native' && requested !== 'ts') {
  throw new Error(`set PARQUETRY_BACKEND to native or ts for a conformance run (got ${requested})`);
}
(globalThis as Record<string, unknown>).__PARQUETRY_TEST__ = { expectedBackend: requested, host: 'node' };

const suites: Array<readonly [string, () => Promise<unknown>]> = [
  ...SHARED_SUITES,
  // Node only: the Python reference encoder runs beside the suite.
  ['encodings vs Python reference', () => import('./suites/encodings.reference.node.js')],
  ['compression vs Python reference', () => import('./suites/compression.reference.node.js')],
  ['thrift vs Python reference', () => import('./suites/thrift.reference.node.js')],
  ['corpus pages', () => import('./suites/corpus-encodings.node.js')],
  ['corpus vs pyarrow', () => import('./suites/corpus-pyarrow.node.js')],
  ['reader API', () => import('./suites/reader-api.node.js')],
  ['writer', () => import('./suites/writer.node.js')],
  ['writer nested', () => import('./suites/writer-nested.node.js')],
  ['writer property', () => import('./suites/writer-property.node.js')],
  ['writer corpus', () => import('./suites/writer-corpus.node.js')],
  ['engines', () => import('./suites/engines.node.js')],
  ['filter', () => import('./suites/filter.node.js')],
  ['page index', () => import('./suites/page-index.node.js')],
  ['interop: pyarrow and DuckDB files', () => import('./suites/interop.node.js')],
];
// Node only, native runs: native and TypeScript side by side in one process.
if (requested === 'native') {
  suites.push(['rle native<->ts', () => import('./suites/rle.cross.node.js')]);
  suites.push(['encodings native<->ts', () => import('./suites/encodings.cross.node.js')]);
  suites.push(['delta native<->ts', () => import('./suites/delta.cross.node.js')]);
  suites.push(['compression native<->ts', () => import('./suites/compression.cross.node.js')]);
}

const only = process.env.PARQUETRY_SUITES?.split(',').map((s) => s.trim());
await runSuites(only ? suites.filter(([name]) => only.some((o) => name.startsWith(o))) : suites);
