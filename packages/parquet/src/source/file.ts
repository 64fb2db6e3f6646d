import { ParquetryError, uninitializedBytes } from '@parquetry/core';
import type { ByteSource } from './byte-source.js';
import type { FileCalls } from './file-calls.js';
import { openFileAsync, openFileNow } from './file-open.js';
import { guardedSource } from './memory.js';

/** One `read` call's most bytes: Node rejects lengths that do not fit an int32. */
const MAX_READ_CALL = 1 << 30;

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

/**
 * A descriptor left open is closed when its calls object is collected: after the source and every
 * read in flight on it are gone (a pending read holds the calls), so never under a running read.
 */
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
    (offset, length, fetched, into) => readFully(calls, offset, length, fetched, into),
    () => {
      unclosed.unregister(token);
      return calls.close();
    },
    true,
  );
  unclosed.register(source, calls, token);
  return source;
}

/** A read may return fewer bytes than asked; loop until full, and TRUNCATED if the file ends first. */
export async function readFully(calls: FileCalls, offset: number, length: number, fetched: (bytes: number) => void, into?: Uint8Array): Promise<Uint8Array> {
  const out = into ?? readBuffer(length, offset);
  let filled = 0;
  while (filled < length) {
    let got: number;
    try {
      got = await calls.read(out, filled, Math.min(length - filled, MAX_READ_CALL), offset + filled);
    } catch (error) {
      if (ParquetryError.is(error)) throw error; // read after close
      throw new ParquetryError('TRUNCATED', 'file read failed', { offset: offset + filled }, { cause: error });
    }
    if (got === 0) {
      throw new ParquetryError('TRUNCATED', `file ended ${length - filled} bytes early (it shrank after it was opened)`, {
        offset: offset + filled,
      });
    }
    fetched(got);
    filled += got;
  }
  return out;
}

/** A buffer for `length` bytes read from `offset`: not zeroed first, since a read fills all of it or fails. */
function readBuffer(length: number, offset: number): Uint8Array {
  try {
    return uninitializedBytes(length);
  } catch (error) {
    throw new ParquetryError('LIMIT', `cannot allocate a ${length}-byte read buffer`, { offset }, { cause: error });
  }
}
