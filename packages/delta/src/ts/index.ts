// The pure-TypeScript implementation: what the browser build exports, and the fallback in Node.
// DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY (Encodings.md).
export { DeltaBinaryPackedDecoder, type DeltaType } from './delta-binary-packed-decoder.js';
export { decodeDeltaBinaryPacked } from './delta-binary-packed-decode.js';
export { encodeDeltaBinaryPacked } from './delta-binary-packed-encode.js';
export { DeltaLengthByteArrayDecoder, decodeDeltaLengthByteArray, encodeDeltaLengthByteArray } from './delta-length-byte-array.js';
export { DeltaByteArrayDecoder, decodeDeltaByteArray, encodeDeltaByteArray } from './delta-byte-array.js';
