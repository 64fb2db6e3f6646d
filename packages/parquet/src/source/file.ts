import { open, type FileHandle } from 'node:fs/promises';
import { ParquetryError } from '@parquetry/core';
import type { ByteSource } from './byte-source.js';
import { allocateBytes, guardedSource } from './memory.js';

/** One `read` call's most bytes: Node rejects lengths that do not fit an int32. */
const MAX_READ_CALL = 1 << 30;

/** A source over a local file (Node only). The handle stays open until `close`. */
export async function fileSource(path: string): Promise<ByteSource> {
  if (typeof path !== 'string' || path === '') throw new ParquetryError('INVALID_ARGUMENT', 'fileSource needs a path');
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new ParquetryError('INVALID_ARGUMENT', `cannot open ${path}`, {}, { cause: error });
  }
  let size: number;
  try {
    const stats = await handle.stat();
    // A directory opens on Linux and only fails at the first read; a pipe has no size.
    if (!stats.isFile()) throw new ParquetryError('INVALID_ARGUMENT', `${path} is not a regular file`);
    size = stats.size;
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw ParquetryError.is(error) ? error : new ParquetryError('INVALID_ARGUMENT', `cannot stat ${path}`, {}, { cause: error });
  }
  return guardedSource(size, (offset, length, fetched, into) => readFully(handle, offset, length, fetched, into), () => handle.close(), true);
}

/** `handle.read` may return fewer bytes than asked; loop until full, and TRUNCATED if the file ends first. */
async function readFully(handle: FileHandle, offset: number, length: number, fetched: (bytes: number) => void, into?: Uint8Array): Promise<Uint8Array> {
  const out = into ?? allocateBytes(length, offset);
  let filled = 0;
  while (filled < length) {
    let got: number;
    try {
      ({ bytesRead: got } = await handle.read(out, filled, Math.min(length - filled, MAX_READ_CALL), offset + filled));
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
