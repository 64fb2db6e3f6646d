import { cannotCompress, defineCodec } from '@parquetry/core';
import { zstdDecompressInto } from './decompress.js';
import { ZSTD_LEVELS } from './levels.js';

/** ZSTD_COMPRESSBOUND from zstd.h. */
function maxCompressedLength(n: number): number {
  return n + Math.floor(n / 256) + (n < 128 << 10 ? Math.floor(((128 << 10) - n) / 2048) : 0);
}

/** ZSTD in pure TypeScript: decoding over fzstd; there is no maintained pure-JS zstd encoder. */
export const ZSTD = defineCodec({
  name: 'ZSTD',
  levels: ZSTD_LEVELS,
  maxCompressedLength,
  compressInto: cannotCompress('ZSTD', 'no maintained pure-JavaScript zstd encoder exists; use the native backend'),
  decompressInto: zstdDecompressInto,
});

export const { compress, compressInto, decompress } = ZSTD;
export { maxCompressedLength };
