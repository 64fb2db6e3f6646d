// The native codecs, one call per page, into buffers allocated on the JS side (V8 memory is faster
// to hand back than Rust-allocated buffers).
import { Buffer } from 'node:buffer';
import { requireNativeBinding } from './backend.js';
import type { NativeCodecName } from './compression.js';

export function nativeMaxCompressedLength(codec: NativeCodecName, n: number): number {
  return requireNativeBinding().maxCompressedLength(codec, n);
}

export function nativeCompressInto(codec: NativeCodecName, input: Uint8Array, out: Uint8Array, level: number): number {
  return requireNativeBinding().compressInto(codec, input, out, level);
}

export function nativeDecompressInto(codec: NativeCodecName, input: Uint8Array, out: Uint8Array): void {
  requireNativeBinding().decompressInto(codec, input, out);
}

/**
 * A decompressed page's buffer, not zeroed first (as fs.readFile allocates): a native decoder fills
 * every byte of it or throws (check_filled in the Rust codecs), so zeroing would be a wasted pass
 * over each page. A plain Uint8Array over the Buffer's memory (Buffer's own subarray is slower).
 */
export function uninitializedBytes(n: number): Uint8Array {
  const buffer = Buffer.allocUnsafeSlow(n);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, n);
}
