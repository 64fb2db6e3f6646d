import { ParquetryError } from '@parquetry/core';
import type { ByteSource } from './byte-source.js';

/**
 * Fetches exactly `length` (> 0) bytes from `offset`, the range already checked against the size.
 * It reports what it transferred through `fetched`, which can exceed `length` (an HTTP server that
 * ignores Range sends the whole file).
 */
export type RangeFetcher = (offset: number, length: number, fetched: (bytes: number) => void, out?: Uint8Array) => Promise<Uint8Array>;

/**
 * The checks every source shares, around a bare fetcher: argument and end-of-source validation
 * before any I/O, zero-length reads answered without I/O, `bytesRead` accounting, and refusing
 * reads after `close`. The memory source is this guard and nothing else, so it lives here. With
 * `fillsBuffers`, the fetcher honours its `out` argument and the source offers `readInto`.
 */
export function guardedSource(size: number, fetchRange: RangeFetcher, release?: () => Promise<void>, fillsBuffers = false): ByteSource {
  let bytesRead = 0;
  /** Set by the first close; every call returns it. */
  let closing: Promise<void> | undefined;
  const count = (bytes: number): void => {
    bytesRead += bytes;
  };
  const guardedRead = async (offset: number, length: number, out: Uint8Array | undefined): Promise<Uint8Array> => {
    if (closing) throw new ParquetryError('INVALID_ARGUMENT', 'read after the source was closed', { offset });
    checkRange(size, offset, length);
    if (length === 0) return new Uint8Array(0);
    const bytes = await fetchRange(offset, length, count, out);
    if (bytes.length !== length) {
      throw new ParquetryError('TRUNCATED', `asked for ${length} bytes, got ${bytes.length}`, { offset: offset + bytes.length });
    }
    return bytes;
  };
  return {
    size,
    get bytesRead() {
      return bytesRead;
    },
    read(offset: number, length: number): Promise<Uint8Array> {
      return guardedRead(offset, length, undefined);
    },
    ...(fillsBuffers
      ? {
          readInto(offset: number, length: number, out: Uint8Array): Promise<Uint8Array> {
            if (!(out instanceof Uint8Array) || out.length < length) {
              return Promise.reject(new ParquetryError('INVALID_ARGUMENT', `readInto needs a Uint8Array of at least ${length} bytes`, { offset }));
            }
            return guardedRead(offset, length, out.subarray(0, length));
          },
        }
      : {}),
    close(): Promise<void> {
      closing ??= (async () => {
        await release?.();
      })();
      return closing;
    },
  };
}

/** A source over bytes already in memory; reads are views of `bytes`, not copies. */
export function memorySource(bytes: Uint8Array): ByteSource {
  if (!(bytes instanceof Uint8Array)) throw new ParquetryError('INVALID_ARGUMENT', 'memorySource needs a Uint8Array');
  // A plain Uint8Array view even of a Node Buffer: Buffer's subarray is several times slower (the
  // footer decoder takes thousands), and Buffer's slice does not copy.
  const plain = bytes.constructor === Uint8Array ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return guardedSource(plain.length, async (offset, length, fetched) => {
    fetched(length);
    return plain.subarray(offset, offset + length);
  });
}

/** True for a non-negative safe integer: what every offset and length must be. */
export function isByteCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/** INVALID_ARGUMENT for a bad offset or length, TRUNCATED (at `offset`) when the range passes `size`. */
export function checkRange(size: number, offset: number, length: number): void {
  if (!isByteCount(offset)) {
    throw new ParquetryError('INVALID_ARGUMENT', `read offset must be a non-negative safe integer, got ${String(offset)}`);
  }
  if (!isByteCount(length)) {
    throw new ParquetryError('INVALID_ARGUMENT', `read length must be a non-negative safe integer, got ${String(length)}`, { offset });
  }
  // `size - offset` cannot lose precision, unlike `offset + length`.
  if (length > size - offset) {
    throw new ParquetryError('TRUNCATED', `read of ${length} bytes passes the end of a ${size}-byte source`, { offset });
  }
}

/** A zeroed buffer of `length` bytes; LIMIT instead of a RangeError when the engine cannot allocate it. */
export function allocateBytes(length: number, offset: number): Uint8Array {
  try {
    return new Uint8Array(length);
  } catch (error) {
    throw new ParquetryError('LIMIT', `cannot allocate a ${length}-byte read buffer`, { offset }, { cause: error });
  }
}
