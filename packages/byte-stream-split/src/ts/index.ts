// The pure-TypeScript implementation: what the browser build exports, and the fallback in Node.
export { decodeByteStreamSplit, encodeByteStreamSplit } from './byte-stream-split.js';
export { ByteStreamSplitDecoder } from './byte-stream-split-decoder.js';
