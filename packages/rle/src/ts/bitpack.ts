import { PACK32, UNPACK32, UNPACK8 } from './bitpack.generated.js';

const POW2 = Array.from({ length: 41 }, (_, k) => 2 ** k);

/** Value `index` of an LSB-first bit-packed block starting at byte `base`: the slow path for edges. */
export function extractValue(bytes: Uint8Array, base: number, index: number, width: number): number {
  if (width === 0) return 0;
  const bit = index * width;
  let p = base + Math.floor(bit / 8);
  const shift = bit & 7;
  let v = bytes[p++] >>> shift;
  for (let got = 8 - shift; got < width; got += 8) v += bytes[p++] * POW2[got];
  return v % POW2[width];
}

/**
 * Unpacks `n` values of `width` bits, starting at value `index` of the block at byte `base`, into
 * `out` at `outPos`. The caller has checked that the bytes holding those values exist.
 */
export function unpackValues(
  bytes: Uint8Array,
  base: number,
  index: number,
  n: number,
  width: number,
  out: Int32Array,
  outPos: number,
): void {
  let i = index;
  const end = index + n;
  let q = outPos;
  while (i < end && (i & 7) !== 0) out[q++] = extractValue(bytes, base, i++, width);
  if (end - i >= 32) {
    const unpack32 = UNPACK32[width];
    const step = 4 * width;
    let p = base + (i >>> 3) * width;
    for (; end - i >= 32; i += 32, q += 32, p += step) unpack32(bytes, p, out, q);
  }
  if (end - i >= 8) {
    const unpack8 = UNPACK8[width];
    let p = base + (i >>> 3) * width;
    for (; end - i >= 8; i += 8, q += 8, p += width) unpack8(bytes, p, out, q);
  }
  while (i < end) out[q++] = extractValue(bytes, base, i++, width);
}

const tailValues = new Int32Array(32);
const tailBytes = new Uint8Array(128);

/**
 * Packs `values[start..start+n)` into `ceil(n/8)*width` bytes at `out[pos]`; a partial last group is
 * padded with zero bits. Returns the new position.
 */
export function packValues(values: Int32Array, start: number, n: number, width: number, out: Uint8Array, pos: number): number {
  if (width === 0) return pos;
  const pack32 = PACK32[width];
  const step = 4 * width;
  let i = start;
  const end = start + n;
  for (; end - i >= 32; i += 32, pos += step) pack32(values, i, out, pos);
  const tail = end - i;
  if (tail > 0) {
    tailValues.fill(0);
    tailValues.set(values.subarray(i, end));
    pack32(tailValues, 0, tailBytes, 0);
    const bytes = Math.ceil(tail / 8) * width;
    out.set(tailBytes.subarray(0, bytes), pos);
    pos += bytes;
  }
  return pos;
}
