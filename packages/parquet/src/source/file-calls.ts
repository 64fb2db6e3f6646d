// The system calls a file source makes on an open descriptor: reads (synchronous, through Node's
// thread pool, or on the calling thread when the page cache holds the bytes) and the close, which
// waits for reads in flight so that no read ever runs on a descriptor number the system has
// handed to another open.
import { close as closeCallback, closeSync, read as readCallback, readSync } from 'node:fs';
import { nativeBinding, ParquetryError, uninitializedBytes } from '@parquetry/core';

/**
 * Reads up to this size that the page cache holds complete on the calling thread (native
 * backend, Linux): copying them costs less than a round trip to a pool thread. Larger reads keep
 * going through the pool, where they overlap the decoding (a whole-file read's next row group).
 */
export const CACHED_READ_MAX = 1 << 20;

/** One `read` call's most bytes: Node rejects lengths that do not fit an int32. */
const MAX_READ_CALL = 1 << 30;

/** What a file source does with its descriptor. */
export interface FileCalls {
  /**
   * Exactly `length` bytes from `offset` (into `into` when given), however many system calls that
   * takes; TRUNCATED if the file ends first, INVALID_ARGUMENT once `close` was called.
   */
  readFully(offset: number, length: number, fetched: (bytes: number) => void, into?: Uint8Array): Promise<Uint8Array>;
  /** Closes the descriptor once every read begun before is done; every call gets the same promise. */
  close(): Promise<void>;
}

/** One system call's worth of a read: the bytes it got, or a promise of them. */
type RawRead = (out: Uint8Array, at: number, length: number, position: number) => number | Promise<number>;

/**
 * readCached of the native binding: bytes read, -1 for "not now", -2 for "not on this system",
 * -3 for "not on this file" (its file system cannot).
 */
export type CachedRead = (fd: number, out: Uint8Array, position: number) => number;

/** False once a native cached read answered that this system cannot read that way. */
let cachedReadsWork = true;

function nativeCachedRead(): CachedRead | undefined {
  const binding = cachedReadsWork ? nativeBinding() : null;
  if (!binding) return undefined;
  return (fd, out, position) => {
    const got = binding.readCached(fd, out, position);
    if (got === -2) cachedReadsWork = false;
    return got;
  };
}

/** Whole reads over `read`, and `closeDescriptor` deferred until no read is in flight. */
function guarded(read: RawRead, closeDescriptor: () => void | Promise<void>): FileCalls {
  let inFlight = 0;
  let closing: Promise<void> | undefined;
  let drained: (() => void) | undefined;
  return {
    async readFully(offset, length, fetched, into) {
      if (closing) throw new ParquetryError('INVALID_ARGUMENT', 'read after the source was closed', { offset });
      inFlight++;
      try {
        return await readLoop(read, offset, length, fetched, into);
      } finally {
        if (--inFlight === 0) drained?.();
      }
    },
    close() {
      closing ??= (async () => {
        if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
        await closeDescriptor();
      })();
      return closing;
    },
  };
}

/** A system call may return fewer bytes than asked: loop until full, TRUNCATED if the file ends first. */
async function readLoop(read: RawRead, offset: number, length: number, fetched: (bytes: number) => void, into?: Uint8Array): Promise<Uint8Array> {
  const out = into ?? readBuffer(length, offset);
  let filled = 0;
  while (filled < length) {
    let got: number;
    try {
      got = await read(out, filled, Math.min(length - filled, MAX_READ_CALL), offset + filled);
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

/** Reads and the close as synchronous calls (fileSource's syncReads). */
export function syncCalls(fd: number): FileCalls {
  return guarded(
    (out, at, length, position) => readSync(fd, out, at, length, position),
    () => closeSync(fd),
  );
}

/**
 * Reads through the thread pool, or on this thread when the page cache holds the bytes (see
 * CACHED_READ_MAX); the close through the pool, or directly with `closeNow` (a descriptor the
 * kernel's caches opened, on a file system where a close does not wait). Tests pass their own
 * `readCached`.
 */
export function pooledCalls(fd: number, closeNow: boolean, readCached: CachedRead | undefined = nativeCachedRead()): FileCalls {
  let tryCached = readCached !== undefined;
  const poolRead = (out: Uint8Array, at: number, length: number, position: number) =>
    new Promise<number>((resolve, reject) => readCallback(fd, out, at, length, position, (error, got) => (error ? reject(error) : resolve(got))));
  return guarded(
    (out, at, length, position) => {
      if (tryCached && length <= CACHED_READ_MAX) {
        const got = readCached!(fd, out.subarray(at, at + length), position);
        if (got > 0) return got;
        // -1: not cached; -2, -3: this system or file cannot; 0 (the end of the file) is for the pool's read to say.
        if (got <= -2) tryCached = false;
      }
      return poolRead(out, at, length, position);
    },
    closeNow ? () => closeSync(fd) : () => closeThroughPool(fd),
  );
}

export function closeThroughPool(fd: number): Promise<void> {
  return new Promise((resolve, reject) => closeCallback(fd, (error) => (error ? reject(error) : resolve())));
}
