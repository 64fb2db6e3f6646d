// Pure-TypeScript snappy (raw block format), the fallback where the native addon is absent.
import { readSnappyPreamble } from './snappy-preamble.js';

export { compressSnappy, snappyMaxCompressedLength } from './snappy-compress.js';
export { decompressSnappy } from './snappy-decompress.js';

/** The uncompressed length a snappy stream declares in its preamble. */
export function snappyUncompressedLength(input: Uint8Array): number {
  return readSnappyPreamble(input).length;
}
