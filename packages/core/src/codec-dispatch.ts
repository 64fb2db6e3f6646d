// Node: a codec whose calls go to the native or the TypeScript implementation by the backend in
// force (see `useNative`), decided per call.
import { useNative } from './backend.js';
import type { CompressionCodec } from './codec.js';
import { defineCodec } from './codec.js';
import { nativeCompressInto, nativeDecompressInto, nativeMaxCompressedLength } from './native-compression.js';
import { uninitializedBytes } from './uninitialized.js';
import { decompressTarget, type NativeCodecName } from './compression.js';

export function nativeCodec(name: NativeCodecName, levels?: readonly [number, number, number]): CompressionCodec {
  return defineCodec({
    name,
    levels,
    maxCompressedLength: (n) => nativeMaxCompressedLength(name, n),
    compressInto: (input, out, level) => nativeCompressInto(name, input, out, level),
    decompressInto: (input, out) => nativeDecompressInto(name, input, out),
    allocate: uninitializedBytes,
  });
}

/**
 * Compression goes native whenever the native backend is in force, whatever the size: the
 * TypeScript build cannot compress every codec (ZSTD, BROTLI), and bounds differ between the two.
 */
export function dispatchCodec(ts: CompressionCodec, native: CompressionCodec): CompressionCodec {
  const compressor = () => (useNative(Infinity) ? native : ts);
  return {
    name: ts.name,
    maxCompressedLength: (n) => compressor().maxCompressedLength(n),
    compressInto: (input, out, options) => compressor().compressInto(input, out, options),
    compress: (input, options) => compressor().compress(input, options),
    decompress: (input, size, options) => {
      // Either backend's decoder fills its output exactly or throws: in Node the buffer need not
      // be zeroed first (the size is checked against the cap before anything is allocated).
      const out = options?.out ?? decompressTarget(ts.name, size, options, uninitializedBytes);
      return (useNative(size) ? native : ts).decompress(input, size, { ...options, out });
    },
  };
}
