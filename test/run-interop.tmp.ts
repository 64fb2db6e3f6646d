import { runSuites } from './lib/run-suites.js';
const requested = process.env.PARQUETRY_BACKEND;
if (requested !== 'native' && requested !== 'ts') throw new Error('set PARQUETRY_BACKEND');
(globalThis as Record<string, unknown>).__PARQUETRY_TEST__ = { expectedBackend: requested, host: 'node' };
await runSuites([['interop: pyarrow and DuckDB files', () => import('./suites/interop.node.js')]]);
