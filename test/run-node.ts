// Runs the conformance suites in Node under the backend PARQUETRY_BACKEND names (native or ts).
import { runSuites } from './lib/run-suites.js';

const requested = process.env.PARQUETRY_BACKEND;
if (requested !== 'native' && requested !== 'ts') {
  throw new Error(`set PARQUETRY_BACKEND to native or ts for a conformance run (got ${requested})`);
}
(globalThis as Record<string, unknown>).__PARQUETRY_TEST__ = { expectedBackend: requested, host: 'node' };

await runSuites([
  ['backend', () => import('./suites/backend.suite.js')],
  ['rle', () => import('./suites/rle.suite.js')],
  ['plain', () => import('./suites/plain.suite.js')],
  ['byte-stream-split', () => import('./suites/byte-stream-split.suite.js')],
  ['delta', () => import('./suites/delta.suite.js')],
  ['dictionary', () => import('./suites/dictionary.suite.js')],
  ...(requested === 'native' ? ([['rle native<->ts', () => import('./suites/rle.cross.node.js')]] as const) : []),
]);
