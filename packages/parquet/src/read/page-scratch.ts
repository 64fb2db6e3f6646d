// One buffer that data pages decompress into when what is decoded from them is copied out anyway
// (dictionary indices, PLAIN byte arrays, the delta encodings, byte-stream-split): reused page
// after page instead of a fresh buffer per page that only the collector frees, and whose
// allocation counts towards the external memory that triggers collections. Decompressing and
// decoding a page is synchronous, so one buffer serves every reader in the process.
import { ENCODING } from '@parquetry/thrift';
import type { PageValues } from './page-values.js';

/** Pages larger than this decompress into a buffer of their own; the scratch never grows past it. */
const MAX_SCRATCH = 16 << 20;

let scratch = new Uint8Array(0);

/** Encodings whose decoded values never view the page's bytes (see detachFromScratch for the exception). */
const COPYING = new Set(['PLAIN_DICTIONARY', 'RLE_DICTIONARY', 'DELTA_BINARY_PACKED', 'DELTA_BYTE_ARRAY', 'BYTE_STREAM_SPLIT', 'RLE']);

/**
 * The scratch buffer's first `size` bytes, when a page of `encoding` for a column of `type` can
 * decompress into it (its values are copies: PLAIN byte arrays and booleans are) and `size` is
 * within both limits; else undefined.
 */
export function pageScratch(encoding: number, type: string, size: number, limit: number): Uint8Array | undefined {
  const name = ENCODING[encoding];
  const copies = name !== undefined && (COPYING.has(name) || (name === 'PLAIN' && (type === 'BYTE_ARRAY' || type === 'BOOLEAN')));
  return copies ? transientScratch(size, limit) : undefined;
}

/**
 * The scratch buffer's first `size` bytes for a page whose reader copies what it keeps before the
 * next page is decoded (see PageDecoder.transientPageAt), whatever its encoding; undefined over
 * the limits.
 */
export function transientScratch(size: number, limit: number): Uint8Array | undefined {
  if (size > MAX_SCRATCH || size > limit) return undefined;
  if (scratch.length < size) scratch = new Uint8Array(Math.min(MAX_SCRATCH, Math.max(size, 2 * scratch.length)));
  return scratch.subarray(0, size);
}

/**
 * `values`, copied where they still view the scratch buffer: PLAIN byte arrays with a single
 * non-empty value come back as a view of the page (no copy was needed there), and must not be
 * overwritten by the next page.
 */
export function detachFromScratch(values: PageValues): PageValues {
  if ('offsets' in values && values.bytes.buffer === scratch.buffer) return { offsets: values.offsets, bytes: values.bytes.slice() };
  return values;
}
