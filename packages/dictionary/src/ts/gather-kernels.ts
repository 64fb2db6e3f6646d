import { ParquetryError, type ByteArrays } from '@parquetry/core';
import { badIndex, MAX_COUNT } from './check.js';

// The loops that turn dictionary indices into values (Encodings.md, "Dictionary Encoding"), one per
// value shape, with the same contracts as the native kernels (gatherDictionary32/64/Fixed/
// ByteArrays in @parquetry/native) so the Node entry can swap them. Every index is checked as it
// is used: one unsigned comparison also catches negative int32s (indices of 2^31 and over read at
// bit width 32). Values move as bit patterns, never as numbers: a Float32Array or Float64Array
// read can quiet or canonicalise a NaN (engines that NaN-box do), an Int32Array read cannot.

/** Values of at least this many bytes are copied with `set` (one view per value, amortised). */
const LONG_COPY = 256;

function checkOut(outLength: number, expected: number, unit: string): void {
  if (outLength !== expected) {
    throw new ParquetryError('INVALID_ARGUMENT', `output holds ${outLength} ${unit} but ${expected} are needed`);
  }
}

/** 4-byte values (INT32, FLOAT viewed as Int32Array): `out[k] = dictionary[indices[k]]`. */
export function gatherWords32(dictionary: Int32Array, indices: Int32Array, out: Int32Array): void {
  checkOut(out.length, indices.length, 'values');
  gatherInt32s(dictionary, indices, out);
}

/**
 * 8-byte values (INT64, DOUBLE viewed as Float64Array, as the native kernel takes them). A value
 * that is not a NaN moves exactly as a double in every engine; NaN payloads are not kept by
 * engines that NaN-box, so a dictionary holding any NaN bit pattern (INT64 -1 is one) moves as
 * two 32-bit words per value. The dictionary is scanned for one only when it is no longer than
 * the page (a scan that costs at most what the gather does).
 */
export function gatherWords64(dictionary: Float64Array, indices: Int32Array, out: Float64Array): void {
  const n = indices.length;
  checkOut(out.length, n, 'values');
  if (dictionary.length <= n && !holdsNaN(dictionary)) {
    gatherFloat64s(dictionary, indices, out);
    return;
  }
  const size = dictionary.length;
  const d = new Int32Array(dictionary.buffer, dictionary.byteOffset, size * 2);
  const o = new Int32Array(out.buffer, out.byteOffset, n * 2);
  for (let k = 0; k < n; k++) {
    const i = indices[k];
    if (i >>> 0 >= size) throw badIndex(i, k, size);
    const s = i << 1;
    const t = k << 1;
    o[t] = d[s];
    o[t + 1] = d[s + 1];
  }
}

function holdsNaN(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) return true;
  return false;
}

// `out[k] = dictionary[indices[k]]` four at a time: one branch checks four indices, which makes
// the loop about 1.4x faster in V8 than one index at a time. Two copies of one loop on purpose:
// V8 compiles a loop for the array kinds it has seen, and one function fed both Int32Array and
// Float64Array runs both about 25% slower. A bad index ends the unrolled loop; the plain loop
// then finds it and names it.

function gatherInt32s(dictionary: Int32Array, indices: Int32Array, out: Int32Array): void {
  const n = indices.length;
  const size = dictionary.length;
  let k = 0;
  for (; k + 4 <= n; k += 4) {
    const a = indices[k];
    const b = indices[k + 1];
    const c = indices[k + 2];
    const d = indices[k + 3];
    if (a >>> 0 >= size || b >>> 0 >= size || c >>> 0 >= size || d >>> 0 >= size) break;
    out[k] = dictionary[a];
    out[k + 1] = dictionary[b];
    out[k + 2] = dictionary[c];
    out[k + 3] = dictionary[d];
  }
  for (; k < n; k++) {
    const i = indices[k];
    if (i >>> 0 >= size) throw badIndex(i, k, size);
    out[k] = dictionary[i];
  }
}

function gatherFloat64s(dictionary: Float64Array, indices: Int32Array, out: Float64Array): void {
  const n = indices.length;
  const size = dictionary.length;
  let k = 0;
  for (; k + 4 <= n; k += 4) {
    const a = indices[k];
    const b = indices[k + 1];
    const c = indices[k + 2];
    const d = indices[k + 3];
    if (a >>> 0 >= size || b >>> 0 >= size || c >>> 0 >= size || d >>> 0 >= size) break;
    out[k] = dictionary[a];
    out[k + 1] = dictionary[b];
    out[k + 2] = dictionary[c];
    out[k + 3] = dictionary[d];
  }
  for (; k < n; k++) {
    const i = indices[k];
    if (i >>> 0 >= size) throw badIndex(i, k, size);
    out[k] = dictionary[i];
  }
}

/**
 * Fixed-width values of `width` bytes (INT96, FIXED_LEN_BYTE_ARRAY, or any other): `dictBytes`
 * holds whole values, `out` receives `indices.length * width` bytes. Widths that are a multiple of
 * 4 move as words when both buffers are 4-byte aligned.
 */
export function gatherFixedWidth(dictBytes: Uint8Array, width: number, indices: Int32Array, out: Uint8Array): void {
  if (!Number.isInteger(width) || width < 1) throw new ParquetryError('INVALID_ARGUMENT', `value width ${width} is not a positive integer`);
  if (dictBytes.length % width !== 0) {
    throw new ParquetryError('INVALID_ARGUMENT', `dictionary of ${dictBytes.length} bytes is not whole ${width}-byte values`);
  }
  const n = indices.length;
  checkOut(out.length, n * width, 'bytes');
  const size = dictBytes.length / width;
  if ((width & 3) === 0 && (dictBytes.byteOffset & 3) === 0 && (out.byteOffset & 3) === 0) {
    gatherWordRows(
      new Int32Array(dictBytes.buffer, dictBytes.byteOffset, dictBytes.length >>> 2),
      width >>> 2,
      size,
      indices,
      new Int32Array(out.buffer, out.byteOffset, out.length >>> 2),
    );
    return;
  }
  for (let k = 0, p = 0; k < n; k++, p += width) {
    const i = indices[k];
    if (i >>> 0 >= size) throw badIndex(i, k, size);
    const s = i * width;
    if (width >= LONG_COPY) {
      out.set(dictBytes.subarray(s, s + width), p);
    } else {
      for (let b = 0; b < width; b++) out[p + b] = dictBytes[s + b];
    }
  }
}

/** Rows of `words` 32-bit words: INT96 (3 words) and 16-byte FIXED_LEN_BYTE_ARRAY (4) mostly. */
function gatherWordRows(d: Int32Array, words: number, size: number, indices: Int32Array, o: Int32Array): void {
  const n = indices.length;
  if (words === 3) {
    for (let k = 0, t = 0; k < n; k++, t += 3) {
      const i = indices[k];
      if (i >>> 0 >= size) throw badIndex(i, k, size);
      const s = i * 3;
      o[t] = d[s];
      o[t + 1] = d[s + 1];
      o[t + 2] = d[s + 2];
    }
    return;
  }
  for (let k = 0, t = 0; k < n; k++, t += words) {
    const i = indices[k];
    if (i >>> 0 >= size) throw badIndex(i, k, size);
    const s = i * words;
    for (let w = 0; w < words; w++) o[t + w] = d[s + w];
  }
}

/**
 * Byte-array values: one `(offsets, bytes)` pair holding the selected values back to back, its
 * bytes sized exactly from their lengths (a first pass sums them, a second copies). The
 * dictionary's offsets are checked where they are used, so a dictionary is never walked whole per page.
 */
export function gatherByteArrays(dictionary: ByteArrays, indices: Int32Array): ByteArrays {
  const n = indices.length;
  const offsets = dictionary.offsets;
  const bytes = dictionary.bytes;
  const size = offsets.length > 0 ? offsets.length - 1 : 0;
  const available = bytes.length;
  const outOffsets = new Int32Array(n + 1);
  let total = 0;
  for (let k = 0; k < n; k++) {
    const i = indices[k];
    if (i >>> 0 >= size) throw badIndex(i, k, size);
    const a = offsets[i];
    const b = offsets[i + 1];
    if (a < 0 || b < a || b > available) {
      throw new ParquetryError('INVALID_ARGUMENT', `dictionary offsets[${i}..${i + 1}] = ${a}..${b} are not within its ${available} bytes`);
    }
    total += b - a;
    if (total > MAX_COUNT) throw new ParquetryError('LIMIT', 'gathered values exceed 2 GiB in one batch');
    outOffsets[k + 1] = total;
  }
  const out = new Uint8Array(total);
  copyByteArrays(offsets, bytes, indices, outOffsets, out);
  return { offsets: outOffsets, bytes: out };
}

/**
 * The copy pass of `gatherByteArrays`. Short values are copied in whole 16-byte chunks (four
 * unaligned 32-bit moves) that may run past the value's end: a byte-by-byte loop of a random
 * length mispredicts a branch per value, which costs more than the copy. Over-reading stays
 * inside `bytes`, and over-writing stays inside `out` at positions of later values, which are
 * written afterwards; values near either end take the exact byte loop.
 */
function copyByteArrays(offsets: Int32Array, bytes: Uint8Array, indices: Int32Array, outOffsets: Int32Array, out: Uint8Array): void {
  const n = indices.length;
  const total = out.length;
  const available = bytes.length;
  const src = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dst = new DataView(out.buffer, out.byteOffset, out.byteLength);
  for (let k = 0; k < n; k++) {
    const i = indices[k];
    let a = offsets[i];
    const e = offsets[i + 1];
    let p = outOffsets[k];
    if (e - a >= LONG_COPY) {
      out.set(bytes.subarray(a, e), p);
    } else if (e + 16 <= available && outOffsets[k + 1] + 16 <= total) {
      while (a < e) {
        dst.setInt32(p, src.getInt32(a, true), true);
        dst.setInt32(p + 4, src.getInt32(a + 4, true), true);
        dst.setInt32(p + 8, src.getInt32(a + 8, true), true);
        dst.setInt32(p + 12, src.getInt32(a + 12, true), true);
        a += 16;
        p += 16;
      }
    } else {
      for (; a < e; a++, p++) out[p] = bytes[a];
    }
  }
}
