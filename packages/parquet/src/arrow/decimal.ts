// Parquet decimals (INT32, INT64, or big-endian two's complement bytes) as Arrow's little-endian
// 128- or 256-bit words.
import { ParquetryError } from '@parquetry/core';

/** Arrow decimal width for a precision: 128 bits up to 38 digits, else 256. */
export function decimalBitWidth(precision: number): 128 | 256 {
  return precision <= 38 ? 128 : 256;
}

/** Writes `value` sign-extended into `words` (little-endian u32 words) at word `at`, `n` words long. */
function writeBigInt(words: Uint32Array, at: number, n: number, value: bigint): void {
  for (let i = 0; i < n; i++) {
    words[at + i] = Number(BigInt.asUintN(32, value));
    value >>= 32n;
  }
}

export function decimalsFromInts(values: Int32Array | BigInt64Array, bitWidth: 128 | 256): Uint32Array {
  const n = bitWidth / 32;
  const out = new Uint32Array(values.length * n);
  for (let i = 0; i < values.length; i++) writeBigInt(out, i * n, n, BigInt(values[i]));
  return out;
}

/** Big-endian two's complement values of `width` bytes each (FIXED_LEN_BYTE_ARRAY). */
export function decimalsFromFixed(bytes: Uint8Array, width: number, count: number, bitWidth: 128 | 256): Uint32Array {
  const n = bitWidth / 32;
  if (width > n * 4) throw new ParquetryError('UNSUPPORTED', `a ${width}-byte decimal does not fit ${bitWidth} bits`);
  const out = new Uint32Array(count * n);
  const le = new Uint8Array(out.buffer);
  for (let i = 0; i < count; i++) {
    const src = i * width;
    const dst = i * n * 4;
    const fill = width > 0 && bytes[src] & 0x80 ? 0xff : 0;
    for (let k = 0; k < n * 4; k++) le[dst + k] = k < width ? bytes[src + width - 1 - k] : fill;
  }
  return out;
}

/** BYTE_ARRAY decimals: each value its own big-endian two's complement length. */
export function decimalsFromByteArrays(offsets: Int32Array, bytes: Uint8Array, bitWidth: 128 | 256): Uint32Array {
  const n = bitWidth / 32;
  const count = offsets.length - 1;
  const out = new Uint32Array(count * n);
  const le = new Uint8Array(out.buffer);
  for (let i = 0; i < count; i++) {
    const start = offsets[i];
    const width = offsets[i + 1] - start;
    if (width > n * 4) throw new ParquetryError('UNSUPPORTED', `a ${width}-byte decimal does not fit ${bitWidth} bits`);
    const fill = width > 0 && bytes[start] & 0x80 ? 0xff : 0;
    for (let k = 0; k < n * 4; k++) le[i * n * 4 + k] = k < width ? bytes[start + width - 1 - k] : fill;
  }
  return out;
}
