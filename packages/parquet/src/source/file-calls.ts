// The system calls a file source makes on an open descriptor: reads (synchronous, through Node's
// thread pool, or on the calling thread when the page cache holds the bytes) and the close, which
// waits for reads in flight so that no read ever runs on a descriptor number the system has
// handed to another open.
import { close as closeCallback, closeSync, read as readCallback, readSync } from 'node:fs';
import { nativeBinding, ParquetryError } from '@parquetry/core';

/**
 * Reads up to this size that the page cache holds complete on the calling thread (native
 * backend, Linux): copying them costs less than a round trip to a pool thread. Larger reads keep
 * going through the pool, where they overlap the decoding (a whole-file read's next row group).
 */
export const CACHED_READ_MAX = 1 << 20;

/** The calls a file source makes; a read may return its byte count or a promise of it. */
export interface FileCalls {
  read(out: Uint8Array, at: number, length: number, position: number): number | Promise<number>;
  /** Closes the descriptor once the reads in flight are done; reads after it fail (INVALID_ARGUMENT). */
  close(): Promise<void>;
}

type RawRead = FileCalls['read'];

/** readCached of the native binding: bytes read, -1 for "not now", -2 for "never here". */
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

/** `read` and `closeDescriptor` with the close deferred until no read is in flight. */
function guarded(read: RawRead, closeDescriptor: () => void | Promise<void>): FileCalls {
  let inFlight = 0;
  let closed = false;
  let drained: (() => void) | undefined;
  return {
    read(out, at, length, position) {
      if (closed) throw new ParquetryError('INVALID_ARGUMENT', 'read after the source was closed', { offset: position });
      const got = read(out, at, length, position);
      if (typeof got === 'number') return got;
      inFlight++;
      return got.finally(() => {
        if (--inFlight === 0) drained?.();
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
      await closeDescriptor();
    },
  };
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
        // -2: this system cannot; -1: not cached; 0 (the end of the file) is for the pool's read to say.
        if (got === -2) tryCached = false;
      }
      return poolRead(out, at, length, position);
    },
    closeNow ? () => closeSync(fd) : () => closeThroughPool(fd),
  );
}

export function closeThroughPool(fd: number): Promise<void> {
  return new Promise((resolve, reject) => closeCallback(fd, (error) => (error ? reject(error) : resolve())));
}
