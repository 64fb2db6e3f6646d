// DELTA_LENGTH_BYTE_ARRAY (Encodings.md, "Delta-length byte array"):
// <lengths, DELTA_BINARY_PACKED INT32> <the values' bytes, back to back>.
// Encoder: the lengths with the DELTA_BINARY_PACKED choices (delta-binary-packed-encode.ts), then
// bytes[offsets[0] .. offsets[count]] as they are.
import { ParquetryError, type ByteArrays } from '@parquetry/core';
import { encodeDeltaBinaryPacked32 } from './delta-binary-packed-encode.js';
import { readLengths, type Lengths } from './lengths.js';
import { checkByteArrays, checkCount } from './validate.js';

/**
 * Streaming DELTA_LENGTH_BYTE_ARRAY decoder. The lengths come first and say where the values
 * start, so the constructor decodes and checks all of them (4 bytes per value); read and skip then
 * only slice. Values are views of the input, not copies.
 */
export class DeltaLengthByteArrayDecoder {
  readonly count: number;
  private readonly bytes: Uint8Array;
  private readonly lengths: Lengths;
  private next = 0;

  /** Decodes `count` values from the stream at `bytes[byteOffset..byteEnd)`. */
  constructor(bytes: Uint8Array, count: number, byteOffset = 0, byteEnd = bytes.length) {
    checkCount(count);
    this.bytes = bytes;
    this.count = count;
    this.lengths = readLengths(bytes, count, byteOffset, byteEnd, 'lengths');
  }

  /** Values not yet read or skipped. */
  get remaining(): number {
    return this.count - this.next;
  }

  /** Position after the values read or skipped so far; once all are, where the stream ends. */
  get byteOffset(): number {
    const { offsets, valuesAt, end } = this.lengths;
    return this.next === this.count ? end : valuesAt + offsets[this.next];
  }

  /**
   * The next `n` values: offsets from 0 and `bytes` a view of the input holding exactly them.
   * Reading all values at once returns the decoder's own offsets (no copy).
   */
  read(n: number = this.remaining): ByteArrays {
    this.checkRequest(n);
    const { offsets, valuesAt } = this.lengths;
    const first = this.next;
    const base = offsets[first];
    this.next = first + n;
    const bytes = this.bytes.subarray(valuesAt + base, valuesAt + offsets[first + n]);
    if (n === this.count) return { offsets, bytes };
    const out = new Int32Array(n + 1);
    for (let j = 1; j <= n; j++) out[j] = offsets[first + j] - base;
    return { offsets: out, bytes };
  }

  /** Moves past the next `n` values. */
  skip(n: number): void {
    this.checkRequest(n);
    this.next += n;
  }

  private checkRequest(n: number): void {
    if (!Number.isInteger(n) || n < 0 || n > this.count - this.next) {
      throw new ParquetryError('INVALID_ARGUMENT', `asked for ${n} values but ${this.count - this.next} remain`);
    }
  }
}

/**
 * Decodes `count` values; `bytes` of the result is a view of the input (the values are stored
 * contiguously after the lengths), `offsets` start at 0.
 */
export function decodeDeltaLengthByteArray(bytes: Uint8Array, count: number): ByteArrays {
  return new DeltaLengthByteArrayDecoder(bytes, count).read(count);
}

export function encodeDeltaLengthByteArray(values: ByteArrays): Uint8Array {
  checkByteArrays(values);
  const { offsets, bytes } = values;
  const n = offsets.length - 1;
  const lengths = new Int32Array(n);
  for (let i = 0; i < n; i++) lengths[i] = offsets[i + 1] - offsets[i];
  const data = bytes.subarray(offsets[0], offsets[n]);
  const lengthStream = encodeDeltaBinaryPacked32(lengths);
  // one allocation of the exact size: the values' bytes are usually most of it
  const out = new Uint8Array(lengthStream.length + data.length);
  out.set(lengthStream);
  out.set(data, lengthStream.length);
  return out;
}
