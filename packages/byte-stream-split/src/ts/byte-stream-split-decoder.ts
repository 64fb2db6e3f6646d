import { ParquetryError } from '@parquetry/core';
import { checkCount, checkOutput, checkWidth } from './check.js';
import { unsplit } from './transpose.js';

/**
 * Streaming BYTE_STREAM_SPLIT decoder (Encodings.md "Byte Stream Split"): reads or skips any number
 * of values at a time, so a page reader can jump over rows the page index rules out. Value i's
 * byte k is at byteOffset + k * count + i, so a skip only moves an index.
 *
 * Without `count` the streams fill the rest of `bytes` from `byteOffset` (as they fill a page), and
 * a length that is not a whole number of values is CORRUPT; with `count` they take count * width
 * bytes, TRUNCATED when fewer remain.
 */
export class ByteStreamSplitDecoder {
  readonly width: number;
  /** Values in the streams. */
  readonly count: number;
  private readonly bytes: Uint8Array;
  private readonly base: number;
  /** Index of the next value. */
  private next = 0;

  constructor(bytes: Uint8Array, width: number, count?: number, byteOffset = 0) {
    checkWidth(width);
    if (!Number.isInteger(byteOffset) || byteOffset < 0 || byteOffset > bytes.length) {
      throw new ParquetryError('INVALID_ARGUMENT', `byte offset ${byteOffset} is outside a buffer of ${bytes.length} bytes`);
    }
    const available = bytes.length - byteOffset;
    if (count === undefined) {
      if (available % width !== 0) {
        throw new ParquetryError('CORRUPT', `${available} bytes are not a whole number of ${width}-byte values`, { offset: bytes.length });
      }
      count = available / width;
    } else {
      checkCount(count);
      if (count * width > available) {
        throw new ParquetryError('TRUNCATED', `${count} values of ${width} bytes need ${count * width} bytes but ${available} remain`, {
          offset: byteOffset,
        });
      }
    }
    this.bytes = bytes;
    this.width = width;
    this.count = count;
    this.base = byteOffset;
  }

  /** Values not yet read or skipped. */
  get remaining(): number {
    return this.count - this.next;
  }

  /** Position after the streams (they are interleaved: there is no position after part of them). */
  get byteEnd(): number {
    return this.base + this.count * this.width;
  }

  /**
   * Decodes the next `n` values' bytes (n * width) into `out` from index `outOffset`, or into a new
   * array; returns the bytes written.
   */
  read(n: number = this.remaining, out?: Uint8Array, outOffset = 0): Uint8Array {
    this.checkRequest(n);
    const length = n * this.width;
    if (out) {
      checkOutput(out, outOffset, length);
    } else {
      out = new Uint8Array(length);
      outOffset = 0;
    }
    unsplit(this.bytes, this.base, this.count, this.width, this.next, n, out, outOffset);
    this.next += n;
    return out.length === length ? out : out.subarray(outOffset, outOffset + length);
  }

  /** Moves past the next `n` values. */
  skip(n: number): void {
    this.checkRequest(n);
    this.next += n;
  }

  private checkRequest(n: number): void {
    if (!Number.isInteger(n) || n < 0 || n > this.remaining) {
      throw new ParquetryError('INVALID_ARGUMENT', `asked for ${n} values but ${this.remaining} remain`);
    }
  }
}
