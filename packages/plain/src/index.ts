// Node entry: dispatches to the backend in force (native wiring comes with the kernels).
export * from './ts/index.js';
