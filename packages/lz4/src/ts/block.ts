// Pure-TypeScript LZ4 block format (Parquet's LZ4_RAW), the fallback where the native addon is absent.
export { compressLz4Block, lz4BlockMaxCompressedLength } from './block-compress.js';
export { decompressLz4Block } from './block-decompress.js';
