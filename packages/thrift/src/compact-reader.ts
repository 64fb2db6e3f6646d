// Bounds-checked reading of compact-protocol primitives. Every length is checked against the bytes
// left before anything is allocated; every error says where it happened.
import { ParquetryError } from '@parquetry/core';
import { skipStructAt } from './fast-skip.js';
import { MAX_DEPTH, WIRE } from './wire.js';

const utf8 = new TextDecoder();

export class CompactReader {
  pos: number;
  depth = 0;

  constructor(
    readonly bytes: Uint8Array,
    offset = 0,
    readonly end = bytes.length,
  ) {
    this.pos = offset;
  }

  fail(code: 'TRUNCATED' | 'CORRUPT' | 'LIMIT', detail: string, at = this.pos): never {
    throw new ParquetryError(code, `thrift: ${detail}`, { offset: at });
  }

  byte(): number {
    if (this.pos >= this.end) this.fail('TRUNCATED', 'input ends inside a struct');
    return this.bytes[this.pos++];
  }

  varint32(): number {
    const start = this.pos;
    let result = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const b = this.byte();
      result |= (b & 0x7f) << shift;
      if (!(b & 0x80)) return result >>> 0;
    }
    return this.fail('CORRUPT', 'a 32-bit varint runs past 5 bytes', start);
  }

  /** An unsigned varint up to 64 bits, as a number: exact up to 2^53. */
  varint64(): number {
    const start = this.pos;
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      const b = this.byte();
      result += (b & 0x7f) * scale;
      if (!(b & 0x80)) return result;
      scale *= 128;
    }
    return this.fail('CORRUPT', 'a 64-bit varint runs past 10 bytes', start);
  }

  zigzag32(): number {
    const n = this.varint32();
    return (n >>> 1) ^ -(n & 1);
  }

  zigzag64(): number {
    const start = this.pos;
    const n = this.varint64();
    if (n > 2 ** 54) this.fail('LIMIT', `an i64 of magnitude ${n / 2} is beyond the 2^53 JavaScript numbers hold exactly`, start);
    return n % 2 === 0 ? n / 2 : -(n + 1) / 2;
  }

  double(): number {
    if (this.end - this.pos < 8) this.fail('TRUNCATED', 'input ends inside a double');
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset + this.pos, 8);
    this.pos += 8;
    return view.getFloat64(0, true);
  }

  /** A length-prefixed byte string, as a view of the input (no copy). */
  binary(): Uint8Array {
    const start = this.pos;
    const length = this.varint32();
    if (length > this.end - this.pos) this.fail('TRUNCATED', `a ${length}-byte binary runs past the input`, start);
    const out = this.bytes.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }

  string(): string {
    const start = this.pos;
    const length = this.varint32();
    if (length > this.end - this.pos) this.fail('TRUNCATED', `a ${length}-byte string runs past the input`, start);
    const { bytes } = this;
    const at = this.pos;
    this.pos += length;
    // Short ASCII (column names, mostly) without a TextDecoder call or a subarray per string.
    if (length <= 32) {
      let ascii = '';
      for (let i = at; i < at + length; i++) {
        const b = bytes[i];
        if (b >= 0x80) return utf8.decode(bytes.subarray(at, at + length));
        ascii += String.fromCharCode(b);
      }
      return ascii;
    }
    return utf8.decode(bytes.subarray(at, at + length));
  }

  /** A list or set header: [size, element wire type]; the size is checked against the bytes left. */
  listHeader(): [number, number] {
    const start = this.pos;
    const header = this.byte();
    const size = header >> 4 === 15 ? this.varint32() : header >> 4;
    // Every element takes at least one byte, so a longer list cannot be real.
    if (size > this.end - this.pos) this.fail('CORRUPT', `a list of ${size} elements is longer than the ${this.end - this.pos} bytes left`, start);
    return [size, header & 0x0f];
  }

  enter(): void {
    if (++this.depth > MAX_DEPTH) this.fail('LIMIT', `structs nest deeper than ${MAX_DEPTH}`);
  }

  leave(): void {
    this.depth--;
  }

  /** Steps over a varint of at most `maxBytes` bytes without computing its value. */
  private skipVarint(maxBytes: number): void {
    const { bytes, end } = this;
    const start = this.pos;
    let pos = start;
    while (pos < end && bytes[pos] & 0x80) pos++;
    if (pos >= end) this.fail('TRUNCATED', 'input ends inside a struct', start);
    if (pos - start >= maxBytes) this.fail('CORRUPT', `a varint runs past ${maxBytes} bytes`, start);
    this.pos = pos + 1;
  }

  /** Skips one value of wire type `type`. */
  skip(type: number): void {
    switch (type) {
      case WIRE.BOOL_TRUE:
      case WIRE.BOOL_FALSE:
        return;
      case WIRE.I8:
        this.byte();
        return;
      case WIRE.I16:
      case WIRE.I32:
        this.skipVarint(5);
        return;
      case WIRE.I64:
        this.skipVarint(10);
        return;
      case WIRE.DOUBLE:
        if (this.end - this.pos < 8) this.fail('TRUNCATED', 'input ends inside a double');
        this.pos += 8;
        return;
      case WIRE.BINARY:
        this.binary();
        return;
      case WIRE.LIST:
      case WIRE.SET: {
        const [size, element] = this.listHeader();
        this.enter();
        // Booleans inside containers take one byte each.
        for (let i = 0; i < size; i++) this.skip(element === WIRE.BOOL_TRUE || element === WIRE.BOOL_FALSE ? WIRE.I8 : element);
        this.leave();
        return;
      }
      case WIRE.MAP: {
        const start = this.pos;
        const size = this.varint32();
        if (size === 0) return;
        if (size > this.end - this.pos) this.fail('CORRUPT', `a map of ${size} entries is longer than the input`, start);
        const types = this.byte();
        const [key, value] = [types >> 4, types & 0x0f].map((t) => (t === WIRE.BOOL_TRUE || t === WIRE.BOOL_FALSE ? WIRE.I8 : t));
        this.enter();
        for (let i = 0; i < size; i++) {
          this.skip(key);
          this.skip(value);
        }
        this.leave();
        return;
      }
      case WIRE.STRUCT:
        this.skipStruct();
        return;
      default:
        this.fail('CORRUPT', `unknown wire type ${type}`, this.pos - 1);
    }
  }

  skipStruct(): void {
    this.pos = skipStructAt(this.bytes, this.pos, this.end, this.depth);
  }
}
