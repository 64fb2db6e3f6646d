// Where a writer's bytes go. A ParquetSink takes the file's bytes in order and is closed once at
// the end (or aborted: what it holds is then discarded, so no truncated file is left looking
// valid). Memory and WHATWG WritableStream sinks work everywhere; files and Node streams are in
// node-sinks.ts.
import { ParquetryError } from '@parquetry/core';
import { concatBytes } from '../util/concat.js';

export interface ParquetSink {
  write(bytes: Uint8Array): void | Promise<void>;
  /** Several buffers in order, when the sink can take them without joining them first. */
  writev?(chunks: readonly Uint8Array[]): void | Promise<void>;
  close(): void | Promise<void>;
  /**
   * True when the sink reads no buffer it was given after `write`/`writev` has settled (it wrote
   * or copied the bytes): the writer then reuses that memory for the next row group.
   */
  readonly consumesOnWrite?: boolean;
  abort(reason?: unknown): void | Promise<void>;
}

export interface MemorySink extends ParquetSink {
  /** The bytes written so far, joined (the whole file once closed). */
  bytes(): Uint8Array;
}

export function memorySink(): MemorySink {
  let parts: Uint8Array[] = [];
  return {
    write(bytes) {
      parts.push(bytes);
    },
    writev(chunks) {
      parts.push(...chunks);
    },
    close() {},
    abort() {
      parts = [];
    },
    bytes() {
      const joined = concatBytes(parts);
      parts = [joined];
      return joined;
    },
  };
}

/** Writes with backpressure (awaiting `ready`); aborting aborts the stream. */
export function webStreamSink(stream: WritableStream<Uint8Array>): ParquetSink {
  const writer = stream.getWriter();
  return {
    async write(bytes) {
      await writer.ready;
      await writer.write(bytes);
    },
    async close() {
      await writer.close();
    },
    async abort(reason) {
      await writer.abort(reason);
    },
  };
}

export function isParquetSink(target: unknown): target is ParquetSink {
  const t = target as Partial<ParquetSink> | null;
  return typeof t === 'object' && t !== null && typeof t.write === 'function' && typeof t.close === 'function' && typeof t.abort === 'function';
}

function isWebStream(target: unknown): target is WritableStream<Uint8Array> {
  return typeof target === 'object' && target !== null && typeof (target as WritableStream).getWriter === 'function';
}

/** A sink for what runs everywhere: a ParquetSink or a WHATWG WritableStream. */
export function toSink(target: unknown): ParquetSink {
  if (isWebStream(target)) return webStreamSink(target);
  if (isParquetSink(target)) return target;
  throw new ParquetryError('INVALID_ARGUMENT', 'a sink is a ParquetSink (write, close, abort) or a WritableStream here; file paths and Node streams need the Node entry point');
}
