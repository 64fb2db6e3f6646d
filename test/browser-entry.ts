// The conformance suites as they run inside Chromium: the TypeScript build, through the packages'
// `browser` export condition. run-browser.ts bundles this file and loads it into a page.
import { runSuites } from './lib/run-suites.js';

(globalThis as Record<string, unknown>).__PARQUETRY_TEST__ = { expectedBackend: 'ts', host: 'browser' };

try {
  await runSuites([
    ['backend', () => import('./suites/backend.suite.js')],
    ['rle', () => import('./suites/rle.suite.js')],
    ['plain', () => import('./suites/plain.suite.js')],
    ['byte-stream-split', () => import('./suites/byte-stream-split.suite.js')],
    ['delta', () => import('./suites/delta.suite.js')],
    ['dictionary', () => import('./suites/dictionary.suite.js')],
  ]);
} finally {
  (globalThis as Record<string, unknown>).__PARQUETRY_DONE__ = true;
}
