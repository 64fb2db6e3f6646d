export { CompactReader } from './compact-reader.js';
export { CompactWriter } from './compact-writer.js';
export { decodeStruct, readStruct } from './decode.js';
export { encodeStruct, writeStruct } from './encode.js';
export {
  lazyListOf,
  listAt,
  listOf,
  optional,
  required,
  struct,
  union,
  type FieldType,
  type LazyList,
  type StructDef,
  type StructValue,
  type ValueOf,
} from './schema.js';
export * from './parquet.js';
export * from './parquet-enums.js';
export { MAX_DEPTH, WIRE } from './wire.js';
