import { ByteCursor, ParquetryError } from '@parquetry/core';
import { unpackValues } from './bitpack.js';
import { checkBitWidth, checkCount } from './validate.js';

/**
 * Streaming decoder for the RLE/bit-packing hybrid (Encodings.md): reads or skips any number of
 * values at a time, so a page reader can jump over rows the page index rules out.
 *
 * The stream holds at least `count` values. Its last run may reach past them, as Arrow C++ reads it:
 * writers pad bit-packed runs to whole groups, and DuckDB writes runs of 256 levels past a page's
 * count. Values past `count` are ignored (a bit-packed run's bytes past them may be absent); a run
 * that needs more bytes than remain for the values taken is `TRUNCATED`.
 *
 * It reads through a `ByteCursor`: its own over `bytes[byteOffset..byteEnd)`, or the caller's, which
 * then stands after the runs consumed so far (a page reader goes on from there).
 */
export class RleHybridDecoder {
  private readonly cursor: ByteCursor;
  private readonly bytes: Uint8Array;
  private readonly width: number;
  private readonly valueBytes: number;
  /** 2 ** width: RLE values must be below it. */
  private readonly limit: number;
  /** Values not yet read or skipped. */
  private left: number;
  /** Values left in the current run (within `left`). */
  private runLeft = 0;
  private runIsRle = false;
  private runValue = 0;
  /** Bit-packed run: byte where its values start, and the index of its next value. */
  private runBase = 0;
  private runIndex = 0;

  /** Decodes `count` values from `source[byteOffset..byteEnd)`, or from a cursor it then advances. */
  constructor(source: Uint8Array | ByteCursor, bitWidth: number, count: number, byteOffset = 0, byteEnd?: number) {
    this.cursor = source instanceof ByteCursor ? source : new ByteCursor(source, byteOffset, byteEnd ?? source.length);
    checkBitWidth(bitWidth);
    checkCount(count);
    this.bytes = this.cursor.bytes;
    this.width = bitWidth;
    this.valueBytes = (bitWidth + 7) >>> 3;
    this.limit = 2 ** bitWidth;
    this.left = count;
  }


  /** Values not yet read or skipped. */
  get remaining(): number {
    return this.left;
  }

  /** Byte position after the runs started so far; once every value is read, the stream's end. */
  get byteOffset(): number {
    return this.cursor.pos;
  }

  /** Decodes the next `n` values into `out` from `outOffset`. */
  read(out: Int32Array, outOffset = 0, n = this.left): void {
    this.checkRequest(n);
    if (outOffset < 0 || outOffset + n > out.length) {
      throw new ParquetryError('INVALID_ARGUMENT', `${n} values from index ${outOffset} do not fit an output of ${out.length}`);
    }
    let q = outOffset;
    while (n > 0) {
      if (this.runLeft === 0) this.nextRun();
      const take = n < this.runLeft ? n : this.runLeft;
      if (this.runIsRle) {
        out.fill(this.runValue, q, q + take);
      } else {
        unpackValues(this.bytes, this.runBase, this.runIndex, take, this.width, out, q);
        this.runIndex += take;
      }
      q += take;
      n -= take;
      this.runLeft -= take;
      this.left -= take;
    }
  }

  /** Moves past the next `n` values without decoding them; headers are still checked. */
  skip(n: number): void {
    this.checkRequest(n);
    while (n > 0) {
      if (this.runLeft === 0) this.nextRun();
      const take = n < this.runLeft ? n : this.runLeft;
      if (!this.runIsRle) this.runIndex += take;
      n -= take;
      this.runLeft -= take;
      this.left -= take;
    }
  }

  private checkRequest(n: number): void {
    if (!Number.isInteger(n) || n < 0 || n > this.left) {
      throw new ParquetryError('INVALID_ARGUMENT', `asked for ${n} values but ${this.left} remain`);
    }
  }

  private nextRun(): void {
    const cursor = this.cursor;
    const headerAt = cursor.pos;
    const header = cursor.readUleb32('run header');
    const available = cursor.remaining;
    const remaining = this.left;
    if (header % 2 === 1) {
      const groups = Math.floor(header / 2);
      const n = groups * 8;
      const take = n < remaining ? n : remaining;
      const needed = Math.ceil((take * this.width) / 8);
      if (needed > available) {
        throw new ParquetryError('TRUNCATED', `bit-packed run of ${n} values needs ${needed} bytes but ${available} remain`, { offset: headerAt });
      }
      this.runIsRle = false;
      this.runBase = cursor.pos;
      this.runIndex = 0;
      this.runLeft = take;
      // The padding of a final group may be absent: consume what is there.
      const runBytes = groups * this.width;
      cursor.pos += runBytes < available ? runBytes : available;
    } else {
      const n = Math.min(Math.floor(header / 2), remaining);
      if (this.valueBytes > available) {
        throw new ParquetryError('TRUNCATED', 'RLE run ends before its value', { offset: headerAt });
      }
      const valueAt = cursor.pos;
      const value = cursor.readUIntLE(this.valueBytes, 'RLE value');
      if (value >= this.limit) {
        throw new ParquetryError('CORRUPT', `RLE value ${value} does not fit in ${this.width} bits`, { offset: valueAt });
      }
      this.runIsRle = true;
      this.runValue = value | 0;
      this.runLeft = n;
    }
  }
}
