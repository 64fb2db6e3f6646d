import { ParquetryError } from './error.js';

// Constant scales: `2 ** k` with a variable k becomes a Math.pow call in V8.
const BYTE_SCALE = [1, 2 ** 8, 2 ** 16, 2 ** 24];
const VARINT_SCALE = [1, 2 ** 7, 2 ** 14, 2 ** 21, 2 ** 28];

/**
 * A read position over a byte buffer, shared by every decoder. Every read checks the bounds first
 * and throws a `TRUNCATED` ParquetryError carrying the offset, so decoders never index past the end.
 * Hot loops may read `bytes`/`pos` directly after one `need()` for the whole block.
 */
export class ByteCursor {
  readonly bytes: Uint8Array;
  pos: number;
  readonly end: number;

  constructor(bytes: Uint8Array, pos = 0, end = bytes.length) {
    if (!(pos >= 0 && pos <= end && end <= bytes.length)) {
      throw new ParquetryError('INVALID_ARGUMENT', `cursor range ${pos}..${end} is outside a buffer of ${bytes.length} bytes`);
    }
    this.bytes = bytes;
    this.pos = pos;
    this.end = end;
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  /** Throws unless `n` more bytes can be read; `what` names the structure for the message. */
  need(n: number, what: string): void {
    if (n > this.end - this.pos) {
      throw new ParquetryError('TRUNCATED', `${what} needs ${n} bytes but ${this.end - this.pos} remain`, { offset: this.pos });
    }
  }

  readU8(what = 'byte'): number {
    this.need(1, what);
    return this.bytes[this.pos++];
  }

  readU32LE(what = 'uint32'): number {
    this.need(4, what);
    const b = this.bytes;
    const p = this.pos;
    this.pos = p + 4;
    return (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0;
  }

  /** Little-endian unsigned integer of `width` bytes (0..4), as the RLE run value is stored. */
  readUIntLE(width: number, what = 'integer'): number {
    if (!(width >= 0 && width <= 4)) throw new ParquetryError('INVALID_ARGUMENT', `integer width ${width} is not in 0..4`);
    this.need(width, what);
    let v = 0;
    for (let i = 0; i < width; i++) v += this.bytes[this.pos + i] * BYTE_SCALE[i];
    this.pos += width;
    return v;
  }

  /** ULEB128 of at most 32 bits (5 bytes), as used by RLE headers and Thrift lengths. */
  readUleb32(what = 'varint'): number {
    const b = this.bytes;
    const start = this.pos;
    let value = 0;
    for (let i = 0; i < 5; i++) {
      if (this.pos >= this.end) {
        throw new ParquetryError('TRUNCATED', `${what} ends before its last byte`, { offset: start });
      }
      const byte = b[this.pos++];
      value += (byte & 0x7f) * VARINT_SCALE[i];
      if ((byte & 0x80) === 0) {
        if (value > 0xffffffff) throw new ParquetryError('CORRUPT', `${what} ${value} does not fit in 32 bits`, { offset: start });
        return value;
      }
    }
    throw new ParquetryError('CORRUPT', `${what} is longer than 5 bytes`, { offset: start });
  }

  readBytes(n: number, what = 'bytes'): Uint8Array {
    this.need(n, what);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  skip(n: number, what = 'bytes'): void {
    this.need(n, what);
    this.pos += n;
  }
}

/** Appends ULEB128 of a non-negative integer below 2^32 at `pos`; returns the new position. */
export function writeUleb32(out: Uint8Array, pos: number, value: number): number {
  let v = value >>> 0;
  while (v >= 0x80) {
    out[pos++] = (v & 0x7f) | 0x80;
    v >>>= 7;
  }
  out[pos++] = v;
  return pos;
}
