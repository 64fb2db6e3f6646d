import { ParquetryError } from '@parquetry/core';
import type { ByteSource } from './byte-source.js';
import { guardedSource } from './memory.js';

/** A source over a Blob or File (browser or Node); each read slices the blob and reads the slice. */
export function blobSource(blob: Blob): ByteSource {
  // Duck-typed so a Blob from another realm or a polyfill works too.
  if (blob === null || typeof blob !== 'object' || typeof blob.slice !== 'function' || typeof blob.size !== 'number') {
    throw new ParquetryError('INVALID_ARGUMENT', 'blobSource needs a Blob');
  }
  return guardedSource(blob.size, async (offset, length, fetched) => {
    let buffer: ArrayBuffer;
    try {
      buffer = await blob.slice(offset, offset + length).arrayBuffer();
    } catch (error) {
      // A browser File that changed on disk after it was picked fails with NotReadableError.
      throw new ParquetryError('TRUNCATED', 'blob read failed', { offset }, { cause: error });
    }
    fetched(buffer.byteLength);
    return new Uint8Array(buffer);
  });
}
