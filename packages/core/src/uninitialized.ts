// Node: buffers that are filled completely before anything reads them (a decompressed page, a file
// read, a kernel's output), allocated without zeroing them first, as fs.readFile allocates its
// result. Zeroing costs a pass over memory that is about to be overwritten anyway.
import { Buffer } from 'node:buffer';

/**
 * PARQUETRY_POISON_UNINITIALIZED=1 (the test runs set it) fills every such buffer with 0xa5
 * first: fresh memory from the system is zero, so a byte its producer failed to write would
 * otherwise pass unnoticed.
 */
const POISON = process.env.PARQUETRY_POISON_UNINITIALIZED === '1';

/**
 * `n` bytes of uninitialized memory, for a caller that fills every byte or throws: a native
 * decoder (check_filled in the Rust codecs), a file read (TRUNCATED when short). A plain
 * Uint8Array over the Buffer's memory: Buffer's own subarray is several times slower.
 */
export function uninitializedBytes(n: number): Uint8Array {
  const buffer = Buffer.allocUnsafeSlow(n);
  if (POISON) buffer.fill(0xa5);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, n);
}

interface TypedArrayOf<A> {
  new (length: number): A;
  new (buffer: ArrayBufferLike, byteOffset: number, length: number): A;
  readonly BYTES_PER_ELEMENT: number;
}

/** `n` elements of `Type` over uninitialized memory, for a caller that writes every one or throws. */
export function uninitializedArray<A>(Type: TypedArrayOf<A>, n: number): A {
  const bytes = uninitializedBytes(n * Type.BYTES_PER_ELEMENT);
  return new Type(bytes.buffer, bytes.byteOffset, n);
}
