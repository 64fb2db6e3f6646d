// Compact-protocol primitives into a growing buffer.
import { ParquetryError } from '@parquetry/core';

const utf8 = new TextEncoder();

export class CompactWriter {
  private buffer = new Uint8Array(256);
  length = 0;

  private room(n: number): void {
    if (this.length + n <= this.buffer.length) return;
    const next = new Uint8Array(Math.max(this.buffer.length * 2, this.length + n));
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }

  byte(b: number): void {
    this.room(1);
    this.buffer[this.length++] = b & 0xff;
  }

  varint(n: number): void {
    this.room(10);
    while (n >= 0x80) {
      this.buffer[this.length++] = (n % 0x80) | 0x80;
      n = Math.floor(n / 0x80);
    }
    this.buffer[this.length++] = n;
  }

  zigzag(v: number): void {
    if (!Number.isSafeInteger(v)) throw new ParquetryError('INVALID_ARGUMENT', `thrift: ${v} is not an integer JavaScript numbers hold exactly`);
    this.varint(v >= 0 ? v * 2 : -v * 2 - 1);
  }

  double(v: number): void {
    this.room(8);
    new DataView(this.buffer.buffer, this.buffer.byteOffset + this.length, 8).setFloat64(0, v, true);
    this.length += 8;
  }

  binary(bytes: Uint8Array): void {
    this.varint(bytes.length);
    this.room(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  string(s: string): void {
    this.binary(utf8.encode(s));
  }

  /** The bytes written, as a copy that owns exactly them. */
  result(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}
