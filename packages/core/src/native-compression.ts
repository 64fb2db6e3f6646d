// The native codecs, one call per page, into buffers allocated on the JS side (V8 memory is faster
// to hand back than Rust-allocated buffers).
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
