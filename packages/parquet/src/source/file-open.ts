// Opening a local file for a file source: the descriptor, the file's size (a regular file only)
// and the calls to read and close it. Opens use O_NONBLOCK so that a FIFO without a writer is
// refused at once instead of waiting; a lease held on the file (EAGAIN then) is waited for
// without it. O_NONBLOCK changes nothing for a regular file's reads.
import { closeSync, constants, fstat as fstatCallback, fstatSync, open as openCallback, openSync, type Stats } from 'node:fs';
import { nativeBinding, ParquetryError } from '@parquetry/core';
import { closeThroughPool, pooledCalls, syncCalls, type FileCalls } from './file-calls.js';

export interface OpenedFile {
  size: number;
  calls: FileCalls;
}

const READ_ONLY = constants.O_RDONLY;
const NONBLOCKING = READ_ONLY | (constants.O_NONBLOCK ?? 0);
/**
 * A native open slower than this waited for something (a FUSE or network file system answering),
 * or its thread was preempted: that file is closed through the pool, and after SLOW_OPENS_OFF of
 * them the process stops opening on its own thread.
 */
const SLOW_OPEN_MS = 10;
const SLOW_OPENS_OFF = 3;

/** False once a native open answered that this system cannot open that way, or after slow ones. */
let cachedOpens = true;
let slowOpens = 0;

function openError(path: string, error: unknown): ParquetryError {
  return new ParquetryError('INVALID_ARGUMENT', `cannot open ${path}`, {}, { cause: error });
}

function statError(path: string, error: unknown): ParquetryError {
  return ParquetryError.is(error) ? error : new ParquetryError('INVALID_ARGUMENT', `cannot stat ${path}`, {}, { cause: error });
}

/** The size of what `path` opened: a directory opens on Linux and only fails at the first read; a pipe has no size. */
function regularFileSize(path: string, stats: Stats): number {
  if (!stats.isFile()) throw new ParquetryError('INVALID_ARGUMENT', `${path} is not a regular file`);
  return stats.size;
}

function isLeaseWait(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === 'EAGAIN' || code === 'EWOULDBLOCK';
}

/** Open, size and close with synchronous calls on the calling thread (fileSource's syncReads). */
export function openFileNow(path: string): OpenedFile {
  let fd: number;
  try {
    try {
      fd = openSync(path, NONBLOCKING);
    } catch (error) {
      if (!isLeaseWait(error)) throw error;
      fd = openSync(path, READ_ONLY);
    }
  } catch (error) {
    throw openError(path, error);
  }
  try {
    return { size: regularFileSize(path, fstatSync(fd)), calls: syncCalls(fd) };
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // the stat's error is the one to report
    }
    throw statError(path, error);
  }
}

/**
 * Opens on the calling thread when the kernel's caches suffice (native backend, Linux: openat2
 * RESOLVE_CACHED; neither the open nor its stat waits for the disk), else through the thread pool
 * (open, stat and close there too).
 */
export async function openFileAsync(path: string): Promise<OpenedFile> {
  const binding = cachedOpens ? nativeBinding() : null;
  if (binding) {
    const size = Float64Array.of(-1);
    const started = performance.now();
    const fd = binding.openCached(path, size);
    const slow = performance.now() - started > SLOW_OPEN_MS;
    if (fd === -2 || (slow && ++slowOpens >= SLOW_OPENS_OFF)) cachedOpens = false;
    if (fd >= 0) {
      if (size[0] >= 0) return { size: size[0], calls: pooledCalls(fd, !slow) };
      closeSync(fd); // an addon that did not say the size: open again through the pool
    }
  }
  const fd = await poolCall<number>(path, openError, (done) => openCallback(path, NONBLOCKING, done)).catch((error: ParquetryError) =>
    isLeaseWait(error.cause) ? poolCall<number>(path, openError, (done) => openCallback(path, READ_ONLY, done)) : Promise.reject(error),
  );
  try {
    const stats = await poolCall<Stats>(path, statError, (done) => fstatCallback(fd, done));
    return { size: regularFileSize(path, stats), calls: pooledCalls(fd, false) };
  } catch (error) {
    await closeThroughPool(fd).catch(() => undefined);
    throw error;
  }
}

/** One callback call through the pool as a promise; an error, thrown at once or called back, becomes `wrap`'s. */
function poolCall<T>(path: string, wrap: (path: string, error: unknown) => ParquetryError, call: (done: (error: Error | null, value: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    try {
      call((error, value) => (error ? reject(wrap(path, error)) : resolve(value)));
    } catch (error) {
      reject(wrap(path, error));
    }
  });
}
