import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { ParquetryError, uninitializedBytes } from '@parquetry/core';
import type { ByteSource } from './byte-source.js';
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
   * lookups in local files. Default false.
   */
  syncReads?: boolean;
}

/** The calls a file source makes, asynchronous or not; each may return a value or a promise of it. */
interface FileCalls {
  read(out: Uint8Array, at: number, length: number, position: number): number | Promise<number>;
  close(): void | Promise<void>;
}

/** A source over a local file (Node only). The file stays open until `close`. */
export async function fileSource(path: string, options: FileSourceOptions = {}): Promise<ByteSource> {
  if (typeof path !== 'string' || path === '') throw new ParquetryError('INVALID_ARGUMENT', 'fileSource needs a path');
  const { calls, size } = options.syncReads ? openSyncFile(path) : await openFile(path);
  return guardedSource(size, (offset, length, fetched, into) => readFully(calls, offset, length, fetched, into), async () => calls.close(), true);
}

async function openFile(path: string): Promise<{ calls: FileCalls; size: number }> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new ParquetryError('INVALID_ARGUMENT', `cannot open ${path}`, {}, { cause: error });
  }
  try {
    const size = fileSize(path, await handle.stat());
    return {
      calls: {
        read: async (out, at, length, position) => (await handle.read(out, at, length, position)).bytesRead,
        close: () => handle.close(),
      },
      size,
    };
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw statError(path, error);
  }
}

function openSyncFile(path: string): { calls: FileCalls; size: number } {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new ParquetryError('INVALID_ARGUMENT', `cannot open ${path}`, {}, { cause: error });
  }
  try {
    return {
      calls: {
        read: (out, at, length, position) => readSync(fd, out, at, length, position),
        close: () => closeSync(fd),
      },
      size: fileSize(path, fstatSync(fd)),
    };
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // the stat error is the one to report
    }
    throw statError(path, error);
  }
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
async function readFully(calls: FileCalls, offset: number, length: number, fetched: (bytes: number) => void, into?: Uint8Array): Promise<Uint8Array> {
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
