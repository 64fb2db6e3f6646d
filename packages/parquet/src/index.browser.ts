export * from './source/index.js';
export { openParquet, type OpenOptions, type ParquetFile } from './read/parquet-file.js';
export { readArrow, readRowGroup, readTable, type ReadArrowOptions } from './read/read-arrow.js';
export type { Plan } from './arrow/arrow-plan.js';
export { int96Nanos, type Int96Unit } from './arrow/int96.js';
export { buildSchema, pathString, type GroupNode, type LeafNode, type ParquetSchema, type SchemaNode } from './schema/parquet-schema.js';
export { decodeColumnChunk, type ColumnChunkData, type ReadOptions } from './read/column-chunk.js';
