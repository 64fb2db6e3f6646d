import { closeSync, constants, fstatSync, open as openCallback, openSync, read as readCallback, readSync } from 'node:fs';
import { nativeBinding, ParquetryError, uninitializedBytes } from '@parquetry/core';
import type { ByteSource } from './byte-source.js';
import { guardedSource } from './memory.js';

/**
 * Read-only, and without waiting at the open for a FIFO's writer (the size check then refuses
 * what is not a regular file). O_NONBLOCK changes nothing for a regular file's reads.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
/** One `read` call's most bytes: Node rejects lengths that do not fit an int32. */
const MAX_READ_CALL = 1 << 30;
/**
 * Reads up to this size that the page cache holds complete on the calling thread (native
 * backend, Linux): copying them costs less than a round trip to a pool thread. Larger reads keep
 * going through the pool, where they overlap the decoding (a whole-file read's next row group).
 */
const CACHED_READ_MAX = 1 << 20;

export interface FileSourceOptions {
  /**
   * Open, read and close with synchronous system calls on the calling thread instead of through
   * Node's thread pool. Each asynchronous call costs a round trip to a pool thread and back
   * (0.05-0.3 ms here, more under load) that a point lookup pays several times; a synchronous
   * read costs only the copy, but blocks the event loop while it runs: microseconds for a file in
   * the page cache or on a local SSD, milliseconds on a slow or network disk. For latency-bound
   * lookups in local files. Default false: the file is opened and read through the pool, except
   * an open whose path the kernel's caches resolve and reads of at most 1 MiB that the page cache
   * holds (native backend on Linux: neither waits for the disk); the size and the close are system
   * calls on the open descriptor, which do not wait for file data, made directly.
   */
  syncReads?: boolean;
}

/** The calls a file source makes, asynchronous or not; each may return a value or a promise of it. */
export interface FileCalls {
  read(out: Uint8Array, at: number, length: number, position: number): number | Promise<number>;
  close(): void;
}

/**
 * A descriptor left open is closed when its calls object is collected: after the source and every
 * read in flight on it are gone (a pending read holds the calls), so never under a running read.
 */
const unclosed = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // nothing to report to
  }
});

/** A source over a local file (Node only). The file stays open until `close`. */
export async function fileSource(path: string, options: FileSourceOptions = {}): Promise<ByteSource> {
  if (typeof path !== 'string' || path === '') throw new ParquetryError('INVALID_ARGUMENT', 'fileSource needs a path');
  const fd = options.syncReads ? openNow(path) : await openThroughPool(path);
  let calls: FileCalls;
  let size: number;
  try {
    size = fileSize(path, fstatSync(fd));
    calls = options.syncReads ? syncCalls(fd) : pooledCalls(fd);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // the stat error is the one to report
    }
    throw statError(path, error);
  }
  const token = {};
  const source = guardedSource(
    size,
    (offset, length, fetched, into) => readFully(calls, offset, length, fetched, into),
    async () => {
      unclosed.unregister(token);
      calls.close();
    },
    true,
  );
  unclosed.register(calls, fd, token);
  return source;
}

function openError(path: string, error: unknown): ParquetryError {
  return new ParquetryError('INVALID_ARGUMENT', `cannot open ${path}`, {}, { cause: error });
}

function openNow(path: string): number {
  try {
    return openSync(path, OPEN_FLAGS);
  } catch (error) {
    throw openError(path, error);
  }
}

/** False once the native open answered that this system cannot open without waiting. */
let cachedOpens = true;

/**
 * Opens through the thread pool, or on this thread when the kernel's caches suffice (native
 * backend, Linux: openat2 RESOLVE_CACHED, which never waits for the disk).
 */
function openThroughPool(path: string): Promise<number> {
  const binding = cachedOpens ? nativeBinding() : null;
  if (binding) {
    const fd = binding.openCached(path);
    if (fd >= 0) return Promise.resolve(fd);
    if (fd === -2) cachedOpens = false;
  }
  return new Promise((resolve, reject) => openCallback(path, OPEN_FLAGS, (error, fd) => (error ? reject(openError(path, error)) : resolve(fd))));
}

function syncCalls(fd: number): FileCalls {
  return {
    read: (out, at, length, position) => readSync(fd, out, at, length, position),
    close: () => closeSync(fd),
  };
}

/** readCached of the native binding: bytes read, -1 for "not now", -2 for "never here". */
export type CachedRead = (fd: number, out: Uint8Array, position: number) => number;

function nativeCachedRead(): CachedRead | undefined {
  const binding = nativeBinding();
  return binding ? (fd, out, position) => binding.readCached(fd, out, position) : undefined;
}

/**
 * Reads through the thread pool, or on this thread when the page cache holds the bytes (see
 * CACHED_READ_MAX). Exported for tests, which pass their own `readCached`.
 */
export function pooledCalls(fd: number, readCached: CachedRead | undefined = nativeCachedRead()): FileCalls {
  let cachedReads = readCached !== undefined;
  const poolRead = (out: Uint8Array, at: number, length: number, position: number) =>
    new Promise<number>((resolve, reject) => readCallback(fd, out, at, length, position, (error, got) => (error ? reject(error) : resolve(got))));
  return {
    read(out, at, length, position) {
      if (cachedReads && length <= CACHED_READ_MAX) {
        const got = readCached!(fd, out.subarray(at, at + length), position);
        if (got > 0) return got;
        // -2: this system cannot; -1: not cached; 0 (the end of the file) is for the pool's read to say.
        if (got === -2) cachedReads = false;
      }
      return poolRead(out, at, length, position);
    },
    close: () => closeSync(fd),
  };
}

/** The size of what `path` opened: a directory opens on Linux and only fails at the first read; a pipe has no size. */
function fileSize(path: string, stats: { isFile(): boolean; size: number }): number {
  if (!stats.isFile()) throw new ParquetryError('INVALID_ARGUMENT', `${path} is not a regular file`);
  return stats.size;
}

function statError(path: string, error: unknown): unknown {
  return ParquetryError.is(error) ? error : new ParquetryError('INVALID_ARGUMENT', `cannot stat ${path}`, {}, { cause: error });
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
