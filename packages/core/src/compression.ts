// What every compression codec package shares: the declared-size checks made before anything is
// allocated, the options, and the calls into the native codecs (one per page).
import { ParquetryError } from './error.js';

/** The compression codecs a Parquet file can name (`CompressionCodec` in parquet.thrift). */
export type CompressionCodecName = 'UNCOMPRESSED' | 'SNAPPY' | 'GZIP' | 'LZO' | 'BROTLI' | 'LZ4' | 'ZSTD' | 'LZ4_RAW';

/** The codecs with a native implementation, by the name the native binding takes. */
export type NativeCodecName = 'SNAPPY' | 'GZIP' | 'BROTLI' | 'LZ4' | 'ZSTD' | 'LZ4_RAW';

/** A page never decompresses to more than this unless the caller raises it: 1 GiB. */
export const DEFAULT_MAX_UNCOMPRESSED_SIZE = 1 << 30;

export interface DecompressOptions {
  /** The cap on the declared size, checked before allocating; default 1 GiB. */
  maxUncompressedSize?: number;
  /** Decompress into this buffer (its first `uncompressedSize` bytes) instead of a new one. */
  out?: Uint8Array;
}

export interface CompressOptions {
  /** Codec-specific level; codecs without levels (SNAPPY, LZ4) ignore it. */
  level?: number;
}

function zeroedBytes(n: number): Uint8Array {
  return new Uint8Array(n);
}

/**
 * Checks `uncompressedSize` (the size a page header declares) against the cap and returns the
 * buffer to decompress into, exactly that long.
 */
export function decompressTarget(codec: string, uncompressedSize: number, options: DecompressOptions = {}, allocate: (n: number) => Uint8Array = zeroedBytes): Uint8Array {
  const cap = options.maxUncompressedSize ?? DEFAULT_MAX_UNCOMPRESSED_SIZE;
  if (!Number.isSafeInteger(uncompressedSize) || uncompressedSize < 0) {
    throw new ParquetryError('INVALID_ARGUMENT', `${codec}: uncompressed size ${uncompressedSize} is not a byte count`);
  }
  if (uncompressedSize > cap) {
    throw new ParquetryError('LIMIT', `${codec}: declared uncompressed size ${uncompressedSize} is over the cap of ${cap} bytes`);
  }
  const out = options.out;
  if (!out) return allocate(uncompressedSize);
  if (out.length < uncompressedSize) {
    throw new ParquetryError('INVALID_ARGUMENT', `${codec}: output holds ${out.length} bytes but ${uncompressedSize} are declared`);
  }
  return out.length === uncompressedSize ? out : out.subarray(0, uncompressedSize);
}

/**
 * Decompresses with `decode`, which must fill `out` exactly. An empty input is an empty page for
 * every codec (writers store zero-byte pages without a stream), and anything else for zero bytes.
 */
export function decompressWith(
  codec: string,
  input: Uint8Array,
  uncompressedSize: number,
  options: DecompressOptions | undefined,
  decode: (input: Uint8Array, out: Uint8Array) => void,
  allocate?: (n: number) => Uint8Array,
): Uint8Array {
  const out = decompressTarget(codec, uncompressedSize, options, allocate);
  if (input.length === 0) {
    if (out.length === 0) return out;
    throw new ParquetryError('TRUNCATED', `${codec}: empty input for a page of ${out.length} bytes`, { offset: 0 });
  }
  decode(input, out);
  return out;
}

/** The bytes `written` of `buffer` as an array that owns exactly them. */
export function compressedResult(buffer: Uint8Array, written: number): Uint8Array {
  return written === buffer.length ? buffer : buffer.slice(0, written);
}

export function checkLevel(codec: string, level: number, min: number, max: number): number {
  if (!Number.isInteger(level) || level < min || level > max) {
    throw new ParquetryError('INVALID_ARGUMENT', `${codec} level ${level} is outside ${min}..${max}`);
  }
  return level;
}
