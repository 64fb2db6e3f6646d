// The shape every compression codec package exports, built from three whole-buffer functions.
import { ParquetryError } from './error.js';
import { checkLevel, compressedResult, decompressWith, type CompressOptions, type DecompressOptions } from './compression.js';

export interface CompressionCodec {
  /** The Parquet name: SNAPPY, GZIP, BROTLI, LZ4 (the deprecated codec), ZSTD or LZ4_RAW. */
  readonly name: string;
  /** The worst-case compressed size of `n` bytes: what compressInto needs. */
  maxCompressedLength(n: number): number;
  /** Compresses into `out` (a buffer reused across pages); returns the bytes written. */
  compressInto(input: Uint8Array, out: Uint8Array, options?: CompressOptions): number;
  compress(input: Uint8Array, options?: CompressOptions): Uint8Array;
  /**
   * Decompresses a page whose header declares `uncompressedSize` bytes. The size is checked
   * against `maxUncompressedSize` before anything is allocated; a stream that holds more or fewer
   * bytes is a ParquetryError, and nothing is written past the declared size.
   */
  decompress(input: Uint8Array, uncompressedSize: number, options?: DecompressOptions): Uint8Array;
}

export interface CodecParts {
  name: string;
  maxCompressedLength(n: number): number;
  /** `out` holds at least maxCompressedLength bytes; `level` is already checked. */
  compressInto(input: Uint8Array, out: Uint8Array, level: number): number;
  /** Must fill `out` (the declared size) exactly or throw. */
  decompressInto(input: Uint8Array, out: Uint8Array): void;
  /** [min, max, default] where the codec has levels. */
  levels?: readonly [number, number, number];
  /** How a decompressed page's buffer is allocated (default: a zeroed Uint8Array). */
  allocate?: (n: number) => Uint8Array;
}

export function defineCodec(parts: CodecParts): CompressionCodec {
  const { name, levels } = parts;
  const levelOf = (options?: CompressOptions): number => {
    if (!levels) return 0;
    return options?.level === undefined ? levels[2] : checkLevel(name, options.level, levels[0], levels[1]);
  };
  const compressInto = (input: Uint8Array, out: Uint8Array, options?: CompressOptions): number => {
    const level = levelOf(options);
    const bound = parts.maxCompressedLength(input.length);
    if (out.length < bound) {
      throw new ParquetryError('INVALID_ARGUMENT', `${name} output holds ${out.length} bytes but compressing may need ${bound}`);
    }
    return parts.compressInto(input, out, level);
  };
  return {
    name,
    maxCompressedLength: parts.maxCompressedLength,
    compressInto,
    compress(input, options) {
      const out = new Uint8Array(parts.maxCompressedLength(input.length));
      return compressedResult(out, compressInto(input, out, options));
    },
    decompress(input, uncompressedSize, options) {
      return decompressWith(name, input, uncompressedSize, options, parts.decompressInto, parts.allocate);
    },
  };
}

/** For a TypeScript codec that can only decode: compressing says so instead of writing anything. */
export function cannotCompress(name: string, why: string): (input: Uint8Array, out: Uint8Array, level: number) => number {
  return () => {
    throw new ParquetryError('UNSUPPORTED', `${name} compression is not available in the TypeScript build: ${why}`);
  };
}
