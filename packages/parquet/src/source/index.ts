// Sources that run anywhere (browser and Node). The file source is in node.ts, kept out of browser bundles.
export type { ByteSource } from './byte-source.js';
export { memorySource } from './memory.js';
export { blobSource } from './blob.js';
export { httpSource, DEFAULT_MAX_WHOLE_BODY, type HttpSourceOptions } from './http.js';
export {
  planReads,
  readRanges,
  DEFAULT_GAP,
  DEFAULT_MAX_MERGED,
  type ByteRange,
  type CoalesceOptions,
  type PlannedRead,
} from './coalesce.js';
