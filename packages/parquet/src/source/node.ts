// Every source, the Node-only file source included: for the package's `node` entry point.
export * from './index.js';
export { fileSource, type FileSourceOptions } from './file.js';
