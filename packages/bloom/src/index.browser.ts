// Browser entry: pure TypeScript, never touches the native addon.
export * from './ts/index.js';
