// Reads a file through once so that the next reader finds all of it in the page cache. Without
// it, the first reader of a file after a pause pays for the pages the kernel dropped meanwhile
// (this VM reclaims file pages left untouched for a few seconds), and the readers after it with
// the same keys find them cached: an order effect, not a difference between readers.
import { closeSync, openSync, readSync } from 'node:fs';

const CHUNK = 8 << 20;

export function warmPageCache(path: string): void {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    let position = 0;
    for (;;) {
      const got = readSync(fd, buffer, 0, CHUNK, position);
      if (got === 0) break;
      position += got;
    }
  } finally {
    closeSync(fd);
  }
}
