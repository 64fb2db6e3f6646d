// Node: buffers that are filled completely before anything reads them (a decompressed page, a file
// read), allocated without zeroing them first, as fs.readFile allocates its result.
import { Buffer } from 'node:buffer';

/**
 * `n` bytes of uninitialized memory, for a caller that fills every byte or throws: a native
 * decoder (check_filled in the Rust codecs), a file read (TRUNCATED when short). A plain
 * Uint8Array over the Buffer's memory: Buffer's own subarray is several times slower.
 */
export function uninitializedBytes(n: number): Uint8Array {
  const buffer = Buffer.allocUnsafeSlow(n);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, n);
}
