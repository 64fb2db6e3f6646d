// Node sinks: a file path (written to a temporary name beside it and renamed into place by close,
// so an interrupted or failed write leaves no file at the path) and Node Writable streams (with
// backpressure).
import { randomBytes } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { once } from 'node:events';
import { toSink, type ParquetSink } from './sink.js';

export interface FileSinkOptions {
  /** fsync before the rename, so the file survives a power loss once close() returns (default false). */
  fsync?: boolean;
}

/** Writes `bytes[at..]` whole (a write may take part of what it is given). */
async function writeFrom(fh: FileHandle, bytes: Uint8Array, at: number): Promise<void> {
  while (at < bytes.length) at += (await fh.write(bytes, at, bytes.length - at)).bytesWritten;
}

export function fileSink(path: string, options: FileSinkOptions = {}): ParquetSink {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let handle: Promise<FileHandle> | undefined;
  const file = () => (handle ??= open(temporary, 'wx'));
  return {
    consumesOnWrite: true,
    async write(bytes) {
      await writeFrom(await file(), bytes, 0);
    },
    async writev(chunks) {
      const fh = await file();
      // writev takes at most IOV_MAX (1024) buffers per call, and may write part of them.
      for (let i = 0; i < chunks.length; i += 1024) {
        const group = chunks.slice(i, i + 1024);
        const total = group.reduce((n, c) => n + c.length, 0);
        const { bytesWritten } = await fh.writev(group);
        if (bytesWritten < total) {
          let skip = bytesWritten;
          for (const c of group) {
            if (skip >= c.length) skip -= c.length;
            else {
              await writeFrom(fh, c, skip);
              skip = 0;
            }
          }
        }
      }
    },
    async close() {
      const fh = await file();
      if (options.fsync) await fh.sync();
      await fh.close();
      await rename(temporary, path);
    },
    async abort() {
      if (handle) await (await handle.catch(() => undefined))?.close().catch(() => undefined);
      await rm(temporary, { force: true });
    },
  };
}

export function nodeStreamSink(stream: Writable): ParquetSink {
  return {
    async write(bytes) {
      if (!stream.write(bytes)) await once(stream, 'drain');
    },
    async close() {
      stream.end();
      if (!stream.writableFinished) await once(stream, 'finish');
    },
    abort(reason) {
      stream.destroy(reason instanceof Error ? reason : undefined);
    },
  };
}

/** A path, a Node Writable, a WHATWG WritableStream or a ParquetSink, as a sink. */
export function toNodeSink(target: unknown): ParquetSink {
  if (typeof target === 'string') return fileSink(target);
  if (target instanceof Writable) return nodeStreamSink(target);
  return toSink(target);
}
