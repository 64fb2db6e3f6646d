// Node: a codec whose calls go to the native or the TypeScript implementation by the backend in
// force (see `useNative`), decided per call.
import { useNative } from './backend.js';
import type { CompressionCodec } from './codec.js';
import { defineCodec } from './codec.js';
import { nativeCompressInto, nativeDecompressInto, nativeMaxCompressedLength } from './native-compression.js';
import type { NativeCodecName } from './compression.js';

export function nativeCodec(name: NativeCodecName, levels?: readonly [number, number, number]): CompressionCodec {
  return defineCodec({
    name,
    levels,
    maxCompressedLength: (n) => nativeMaxCompressedLength(name, n),
    compressInto: (input, out, level) => nativeCompressInto(name, input, out, level),
    decompressInto: (input, out) => nativeDecompressInto(name, input, out),
  });
}

export function dispatchCodec(ts: CompressionCodec, native: CompressionCodec): CompressionCodec {
  return {
    name: ts.name,
    maxCompressedLength: (n) => (useNative(n) ? native : ts).maxCompressedLength(n),
    compressInto: (input, out, options) => (useNative(input.length) ? native : ts).compressInto(input, out, options),
    compress: (input, options) => (useNative(input.length) ? native : ts).compress(input, options),
    decompress: (input, size, options) => (useNative(size) ? native : ts).decompress(input, size, options),
  };
}
