// The suites defined once and run everywhere: native and TS in Node, and TS in Chromium.
// Node-only suites (cross-backend, Python reference) are listed in run-node.ts.
export const SHARED_SUITES: ReadonlyArray<readonly [name: string, load: () => Promise<unknown>]> = [
  ['backend', () => import('./backend.suite.js')],
  ['rle', () => import('./rle.suite.js')],
  ['plain', () => import('./plain.suite.js')],
  ['byte-stream-split', () => import('./byte-stream-split.suite.js')],
  ['delta', () => import('./delta.suite.js')],
  ['dictionary', () => import('./dictionary.suite.js')],
  ['compression', () => import('./compression.suite.js')],
];
