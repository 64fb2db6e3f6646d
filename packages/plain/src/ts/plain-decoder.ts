// PLAIN decoding for every physical type (Encodings.md "Plain"), as a streaming decoder that reads
// or skips any number of values at a time (the page index skips rows), and decodePlain on top.
import { ParquetryError, rebaseErrorOffset, type PhysicalType } from '@parquetry/core';
import { checkCount, checkPhysicalType, requireLittleEndian, valueWidth } from './check.js';
import { TS_PLAIN_KERNELS } from './kernels.js';
import { checkRange, decodePlainByteArrays, skipPlainByteArrays } from './plain-byte-arrays-decode.js';
import { viewOrCopy } from './plain-fixed.js';
import type { PlainKernels, PlainValues, PlainValuesOf } from './types.js';

/**
 * Reads PLAIN values of one physical type from `bytes[byteOffset..byteEnd)`. The stream carries no
 * count: each read or skip checks that the values it asks for are there (TRUNCATED otherwise).
 *
 * INT32, INT64, FLOAT and DOUBLE come back as typed-array views of the input where the position is
 * aligned for the element size, copies otherwise; INT96 and FIXED_LEN_BYTE_ARRAY as views of their
 * bytes; BYTE_ARRAY as new (offsets, bytes), whose bytes are a view when at most one value has any.
 * Views share the input's memory: copy them before reusing the input buffer.
 *
 * `kernels` picks the implementation of the boolean and byte-array loops (the native binding fits).
 */
export class PlainDecoder<T extends PhysicalType = PhysicalType> {
  readonly type: T;
  private readonly bytes: Uint8Array;
  private readonly end: number;
  /** Bytes per value of fixed-width types; 0 for BOOLEAN and BYTE_ARRAY. */
  private readonly width: number;
  private readonly kernels: PlainKernels;
  /** Next byte to read; for BOOLEAN, the byte holding the next bit. */
  private pos: number;
  /** BOOLEAN only: bits of bytes[pos] already consumed (0..7). */
  private bit = 0;

  constructor(type: T, bytes: Uint8Array, typeLength?: number, byteOffset = 0, byteEnd = bytes.length, kernels: PlainKernels = TS_PLAIN_KERNELS) {
    checkPhysicalType(type);
    if (!(bytes instanceof Uint8Array)) throw new ParquetryError('INVALID_ARGUMENT', 'PLAIN input must be a Uint8Array');
    checkRange(bytes, byteOffset, byteEnd);
    this.width = valueWidth(type, typeLength);
    if (type === 'INT32' || type === 'INT64' || type === 'FLOAT' || type === 'DOUBLE') requireLittleEndian();
    this.type = type;
    this.bytes = bytes;
    this.end = byteEnd;
    this.pos = byteOffset;
    this.kernels = kernels;
  }

  /** Position after the values read or skipped so far (a partly read BOOLEAN byte counts as read). */
  get byteOffset(): number {
    return this.bit === 0 ? this.pos : this.pos + 1;
  }

  /** Decodes the next `n` values. */
  read(n: number): PlainValuesOf<T> {
    checkCount(n, 'value count');
    return this.readValues(n) as PlainValuesOf<T>;
  }

  /** Moves past the next `n` values without decoding them; BYTE_ARRAY lengths are still checked. */
  skip(n: number): void {
    checkCount(n, 'value count');
    if (this.type === 'BOOLEAN') {
      this.needBits(n);
      this.advanceBits(n);
    } else if (this.type === 'BYTE_ARRAY') {
      this.pos = skipPlainByteArrays(this.bytes, this.pos, this.end, n);
    } else {
      this.needFixed(n);
      this.pos += n * this.width;
    }
  }

  private readValues(n: number): PlainValues {
    const pos = this.pos;
    switch (this.type) {
      case 'BOOLEAN': {
        this.needBits(n);
        const out = new Uint8Array(n);
        try {
          this.kernels.decodePlainBooleans(this.bytes.subarray(pos, this.end), this.bit, out);
        } catch (error) {
          throw rebaseErrorOffset(error, pos);
        }
        this.advanceBits(n);
        return out;
      }
      case 'BYTE_ARRAY': {
        const { values, end } = decodePlainByteArrays(this.bytes, pos, this.end, n, this.kernels);
        this.pos = end;
        return values;
      }
    }
    this.needFixed(n);
    this.pos = pos + n * this.width;
    switch (this.type) {
      case 'INT32':
        return viewOrCopy(Int32Array, this.bytes, pos, n);
      case 'INT64':
        return viewOrCopy(BigInt64Array, this.bytes, pos, n);
      case 'FLOAT':
        return viewOrCopy(Float32Array, this.bytes, pos, n);
      case 'DOUBLE':
        return viewOrCopy(Float64Array, this.bytes, pos, n);
      default:
        // INT96, FIXED_LEN_BYTE_ARRAY: the stored bytes, width per value
        return this.bytes.subarray(pos, this.pos);
    }
  }

  private needFixed(n: number): void {
    const size = n * this.width;
    if (size > this.end - this.pos) {
      throw new ParquetryError('TRUNCATED', `${n} ${this.type} values need ${size} bytes but ${this.end - this.pos} remain`, { offset: this.pos });
    }
  }

  private needBits(n: number): void {
    const bytes = Math.ceil((this.bit + n) / 8);
    if (bytes > this.end - this.pos) {
      throw new ParquetryError('TRUNCATED', `${n} BOOLEAN values need ${bytes} bytes but ${this.end - this.pos} remain`, { offset: this.pos });
    }
  }

  private advanceBits(n: number): void {
    const bits = this.bit + n;
    this.pos += Math.floor(bits / 8);
    this.bit = bits % 8;
  }
}

/**
 * Decodes `count` PLAIN values of physical type `type` from the start of `bytes` (see PlainDecoder
 * for which results are views of `bytes`). `typeLength` is required for FIXED_LEN_BYTE_ARRAY.
 */
export function decodePlain<T extends PhysicalType>(
  type: T,
  bytes: Uint8Array,
  count: number,
  typeLength?: number,
  kernels: PlainKernels = TS_PLAIN_KERNELS,
): PlainValuesOf<T> {
  return new PlainDecoder(type, bytes, typeLength, 0, bytes.length, kernels).read(count);
}
