// The pure-TypeScript implementation: what the browser build exports, and the fallback in Node.
export type { PlainValues, PlainValuesOf, PlainKernels } from './types.js';
export { PlainDecoder, decodePlain } from './plain-decoder.js';
export { encodePlain, encodePlainInto, plainEncodedSize } from './plain-encode.js';
export { TS_PLAIN_KERNELS } from './kernels.js';
export { decodePlainBooleans, encodePlainBooleans } from './plain-booleans.js';
export {
  decodePlainByteArrays,
  gatherPlainByteArrays,
  scanPlainByteArrays,
  skipPlainByteArrays,
  type PlainByteArraysDecoded,
} from './plain-byte-arrays-decode.js';
export { encodePlainByteArrays, encodePlainByteArraysInto } from './plain-byte-arrays-encode.js';
export { valueWidth } from './check.js';
