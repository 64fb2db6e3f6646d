import { defineCodec } from '@parquetry/core';
import { gzipSync } from 'fflate';
import { gunzipInto } from './gunzip.js';
import { GZIP_LEVELS } from './levels.js';

/** The same bound as the native side: stored blocks plus the gzip header and trailer, generously. */
function maxCompressedLength(n: number): number {
  return n + Math.floor(n / 1024) + 128;
}

/** GZIP in pure TypeScript over fflate. */
export const GZIP = defineCodec({
  name: 'GZIP',
  levels: GZIP_LEVELS,
  maxCompressedLength,
  compressInto(input, out, level) {
    // mtime 0: the same input gives the same bytes.
    const bytes = gzipSync(input, { level: level as 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9, mtime: 0 });
    out.set(bytes);
    return bytes.length;
  },
  decompressInto: gunzipInto,
});

export const { compress, compressInto, decompress } = GZIP;
export { maxCompressedLength };
