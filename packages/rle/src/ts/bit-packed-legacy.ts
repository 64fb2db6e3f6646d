import { ParquetryError } from '@parquetry/core';
import { checkBitWidth, checkCount, checkValuesFit, outputFor } from './validate.js';

// The deprecated BIT_PACKED encoding (Encodings.md, "Bit-packed (Deprecated)"): no header, values
// packed from the most significant bit down. Only old files use it, so a plain loop is enough.

export function decodeBitPacked(bytes: Uint8Array, bitWidth: number, count: number, out?: Int32Array): Int32Array {
  checkBitWidth(bitWidth);
  checkCount(count);
  const total = Math.ceil((count * bitWidth) / 8);
  if (total > bytes.length) {
    throw new ParquetryError('TRUNCATED', `${count} BIT_PACKED values of ${bitWidth} bits need ${total} bytes but ${bytes.length} remain`, { offset: 0 });
  }
  const target = outputFor(out, count);
  let acc = 0; // holds fewer than bitWidth + 8 bits: exact in a double
  let bits = 0;
  let p = 0;
  const scale = 2 ** bitWidth;
  for (let i = 0; i < count; i++) {
    while (bits < bitWidth) {
      acc = acc * 256 + bytes[p++];
      bits += 8;
    }
    bits -= bitWidth;
    const high = 2 ** bits;
    const v = Math.floor(acc / high);
    target[i] = v % scale;
    acc -= v * high;
  }
  return target;
}

export function encodeBitPacked(values: Int32Array, bitWidth: number): Uint8Array {
  checkBitWidth(bitWidth);
  checkValuesFit(values, bitWidth);
  const out = new Uint8Array(Math.ceil((values.length * bitWidth) / 8));
  let acc = 0;
  let bits = 0;
  let p = 0;
  const scale = 2 ** bitWidth;
  for (let i = 0; i < values.length; i++) {
    acc = acc * scale + (values[i] >>> 0);
    bits += bitWidth;
    while (bits >= 8) {
      bits -= 8;
      const high = 2 ** bits;
      const byte = Math.floor(acc / high);
      out[p++] = byte;
      acc -= byte * high;
    }
  }
  if (bits > 0) out[p] = acc * 2 ** (8 - bits);
  return out;
}
