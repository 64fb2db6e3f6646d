import { ParquetryError } from '@parquetry/core';
import { unpackValues } from './bitpack.js';
import { checkBitWidth, checkCount } from './validate.js';

// Constant scales instead of `2 ** k` with a variable k, which V8 turns into a Math.pow call per run.
const VARINT_SCALE = [1, 2 ** 7, 2 ** 14, 2 ** 21, 2 ** 28];
const BYTE_SCALE = [1, 2 ** 8, 2 ** 16, 2 ** 24];

/**
 * Streaming decoder for the RLE/bit-packing hybrid (Encodings.md): reads or skips any number of
 * values at a time, so a page reader can jump over rows the page index rules out.
 *
 * The stream is expected to hold exactly `count` values. A bit-packed run may extend past the last
 * value by fewer than 8 values (padding of its last group), and that padding's bytes may be absent;
 * any other run longer than the values still expected is `CORRUPT`, a run that needs more bytes
 * than remain is `TRUNCATED`.
 */
export class RleHybridDecoder {
  private readonly bytes: Uint8Array;
  private readonly end: number;
  private readonly width: number;
  private readonly valueBytes: number;
  /** 2 ** width: RLE values must be below it. */
  private readonly limit: number;
  private pos: number;
  /** Values not yet read or skipped. */
  private left: number;
  /** Values left in the current run (within `left`). */
  private runLeft = 0;
  private runIsRle = false;
  private runValue = 0;
  /** Bit-packed run: byte where its values start, and the index of its next value. */
  private runBase = 0;
  private runIndex = 0;

  constructor(bytes: Uint8Array, bitWidth: number, count: number, byteOffset = 0, byteEnd = bytes.length) {
    checkBitWidth(bitWidth);
    checkCount(count);
    if (!(Number.isInteger(byteOffset) && Number.isInteger(byteEnd) && 0 <= byteOffset && byteOffset <= byteEnd && byteEnd <= bytes.length)) {
      throw new ParquetryError('INVALID_ARGUMENT', `byte range ${byteOffset}..${byteEnd} is outside a buffer of ${bytes.length} bytes`);
    }
    this.bytes = bytes;
    this.width = bitWidth;
    this.valueBytes = (bitWidth + 7) >>> 3;
    this.limit = 2 ** bitWidth;
    this.pos = byteOffset;
    this.end = byteEnd;
    this.left = count;
  }

  /** Values not yet read or skipped. */
  get remaining(): number {
    return this.left;
  }

  /** Byte position after the runs started so far; once every value is read, the stream's end. */
  get byteOffset(): number {
    return this.pos;
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
    const bytes = this.bytes;
    const headerAt = this.pos;
    // ULEB128 header, at most 5 bytes.
    let header = 0;
    let p = this.pos;
    for (let i = 0; ; i++) {
      if (i === 5) throw new ParquetryError('CORRUPT', 'varint is longer than 5 bytes', { offset: headerAt });
      if (p >= this.end) throw new ParquetryError('TRUNCATED', 'varint ends before its last byte', { offset: headerAt });
      const b = bytes[p++];
      header += (b & 0x7f) * VARINT_SCALE[i];
      if (b < 0x80) break;
    }
    if (header > 0xffffffff) {
      throw new ParquetryError('CORRUPT', `varint ${header} does not fit in 32 bits`, { offset: headerAt });
    }
    const available = this.end - p;
    const remaining = this.left;
    if (header % 2 === 1) {
      const groups = Math.floor(header / 2);
      const n = groups * 8;
      if (n >= remaining + 8) {
        throw new ParquetryError('CORRUPT', `bit-packed run of ${n} values is longer than the ${remaining} values left`, { offset: headerAt });
      }
      const take = n < remaining ? n : remaining;
      const needed = Math.ceil((take * this.width) / 8);
      if (needed > available) {
        throw new ParquetryError('TRUNCATED', `bit-packed run of ${n} values needs ${needed} bytes but ${available} remain`, { offset: headerAt });
      }
      this.runIsRle = false;
      this.runBase = p;
      this.runIndex = 0;
      this.runLeft = take;
      const runBytes = groups * this.width;
      this.pos = p + (runBytes < available ? runBytes : available);
    } else {
      const n = Math.floor(header / 2);
      if (n > remaining) {
        throw new ParquetryError('CORRUPT', `RLE run of ${n} values is longer than the ${remaining} values left`, { offset: headerAt });
      }
      if (this.valueBytes > available) {
        throw new ParquetryError('TRUNCATED', 'RLE run ends before its value', { offset: headerAt });
      }
      let value = 0;
      for (let i = 0; i < this.valueBytes; i++) value += bytes[p + i] * BYTE_SCALE[i];
      if (value >= this.limit) {
        throw new ParquetryError('CORRUPT', `RLE value ${value} does not fit in ${this.width} bits`, { offset: p });
      }
      this.runIsRle = true;
      this.runValue = value | 0;
      this.runLeft = n;
      this.pos = p + this.valueBytes;
    }
  }
}
