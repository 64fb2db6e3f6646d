// The registry from the compression codecs a Parquet file names to the packages that implement
// them. Each codec package picks native or TypeScript itself (and only TypeScript in browsers).
import { BROTLI } from '@parquetry/brotli';
import { ParquetryError, type CompressionCodec, type CompressionCodecName, type DecompressOptions } from '@parquetry/core';
import { GZIP } from '@parquetry/gzip';
import { LZ4, LZ4_RAW } from '@parquetry/lz4';
import { SNAPPY } from '@parquetry/snappy';
import { ZSTD } from '@parquetry/zstd';
import { UNCOMPRESSED } from './uncompressed.js';

export type { CompressionCodec, CompressionCodecName } from '@parquetry/core';

/** `CompressionCodec` in parquet.thrift, in enum order: the index is the value files store. */
export const COMPRESSION_CODEC_NAMES: readonly CompressionCodecName[] = ['UNCOMPRESSED', 'SNAPPY', 'GZIP', 'LZO', 'BROTLI', 'LZ4', 'ZSTD', 'LZ4_RAW'];

const CODECS: Readonly<Record<Exclude<CompressionCodecName, 'LZO'>, CompressionCodec>> = { UNCOMPRESSED, SNAPPY, GZIP, BROTLI, LZ4, ZSTD, LZ4_RAW };

/** The codec's name for the number a file stores; CORRUPT for a number the spec does not define. */
export function compressionCodecName(value: number): CompressionCodecName {
  const name = COMPRESSION_CODEC_NAMES[value];
  if (name === undefined) throw new ParquetryError('CORRUPT', `compression codec ${value} is not one parquet.thrift defines`);
  return name;
}

/** The implementation of a codec, by name or by the number a file stores. LZO is UNSUPPORTED. */
export function compressionCodec(codec: CompressionCodecName | number): CompressionCodec {
  const name = typeof codec === 'number' ? compressionCodecName(codec) : codec;
  if (name === 'LZO') {
    throw new ParquetryError('UNSUPPORTED', 'LZO compression is not supported: no maintained implementation can be bundled (its licence is GPL)');
  }
  const found = CODECS[name];
  if (!found) throw new ParquetryError('INVALID_ARGUMENT', `unknown compression codec ${String(codec)}`);
  return found;
}

export function decompress(codec: CompressionCodecName | number, input: Uint8Array, uncompressedSize: number, options?: DecompressOptions): Uint8Array {
  return compressionCodec(codec).decompress(input, uncompressedSize, options);
}

export function compress(codec: CompressionCodecName | number, input: Uint8Array, options?: { level?: number }): Uint8Array {
  return compressionCodec(codec).compress(input, options);
}
