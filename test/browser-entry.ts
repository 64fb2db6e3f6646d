// The conformance suites as they run inside Chromium: the TypeScript build, through the packages'
// `browser` export condition. run-browser.ts bundles this file and loads it into a page.
import { runSuites } from './lib/run-suites.js';
import { SHARED_SUITES } from './suites/shared.js';

(globalThis as Record<string, unknown>).__PARQUETRY_TEST__ = { expectedBackend: 'ts', host: 'browser' };

try {
  await runSuites([...SHARED_SUITES, ['corpus (Blob sources)', () => import('./suites/corpus.browser.js')], ['writer (WritableStream)', () => import('./suites/writer.browser.js')]]);
} finally {
  (globalThis as Record<string, unknown>).__PARQUETRY_DONE__ = true;
}
