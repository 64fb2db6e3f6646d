import { ParquetryError } from '@parquetry/core';
import type { ByteSource } from './byte-source.js';
import type { FileCalls } from './file-calls.js';
import { openFileAsync, openFileNow } from './file-open.js';
import { guardedSource } from './memory.js';

export interface FileSourceOptions {
  /**
   * Open, read and close with synchronous system calls on the calling thread instead of through
   * Node's thread pool. Each asynchronous call costs a round trip to a pool thread and back
   * (0.05-0.3 ms here, more under load) that a point lookup pays several times; a synchronous
   * read costs only the copy, but blocks the event loop while it runs: microseconds for a file in
   * the page cache or on a local SSD, milliseconds on a slow or network disk. For latency-bound
   * lookups in local files. Default false: the file is opened, read and closed through the pool,
   * except (native backend, Linux) an open whose path the kernel's caches resolve, with its stat
   * and close, and reads of at most 1 MiB that the page cache holds: none of these waits for the
   * disk, so they run on the calling thread.
   */
  syncReads?: boolean;
}

/** A source collected unclosed closes its descriptor, after the reads begun on it (FileCalls.close waits for them). */
const unclosed = new FinalizationRegistry<FileCalls>((calls) => {
  calls.close().catch(() => undefined);
});

/** A source over a local file (Node only). The file stays open until `close`. */
export async function fileSource(path: string, options: FileSourceOptions = {}): Promise<ByteSource> {
  if (typeof path !== 'string' || path === '') throw new ParquetryError('INVALID_ARGUMENT', 'fileSource needs a path');
  const { size, calls } = options.syncReads ? openFileNow(path) : await openFileAsync(path);
  const token = {};
  const source = guardedSource(
    size,
    (offset, length, fetched, into) => calls.readFully(offset, length, fetched, into),
    () => {
      unclosed.unregister(token);
      return calls.close();
    },
    true,
  );
  unclosed.register(source, calls, token);
  return source;
}
