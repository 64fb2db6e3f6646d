// The pure-TypeScript implementation: what the browser build exports, and the fallback in Node.
import { decodeLengthPrefixedWith, type LengthPrefixedResult } from './length-prefixed.js';
import { decodeRleHybrid } from './rle-hybrid-decode.js';

export { checkCountJustified, decodeRleHybrid } from './rle-hybrid-decode.js';
export {
  encodeRleHybrid,
  encodeRleHybridInto,
  encodeRleHybridLengthPrefixed,
  rleHybridMaxSize,
  MIN_RLE_RUN,
  MAX_BIT_PACKED_GROUPS,
} from './rle-hybrid-encode.js';
export { decodeBitPacked, encodeBitPacked } from './bit-packed-legacy.js';
export { RleHybridDecoder } from './rle-hybrid-decoder.js';

export function decodeRleHybridLengthPrefixed(bytes: Uint8Array, bitWidth: number, count: number, out?: Int32Array): LengthPrefixedResult {
  return decodeLengthPrefixedWith(decodeRleHybrid, bytes, bitWidth, count, out);
}
