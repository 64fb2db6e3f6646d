// The two transposes of BYTE_STREAM_SPLIT (Encodings.md "Byte Stream Split"): `count` values of
// `width` little-endian bytes <-> `width` streams of `count` bytes, where byte k of value i sits at
// k * count + i. These are the loops the native kernels replace (binding: decodeByteStreamSplit /
// encodeByteStreamSplit, on whole buffers).
//
// Both directions move 4x4 blocks of bytes: 4 streams x 4 values are read as four 32-bit words,
// transposed with shifts and masks, and written as four words, which is about 1.5x the speed of
// moving single bytes in V8. DataView words are little-endian by argument, so this holds on any
// platform. Widths that are not a multiple of 4 leave up to 3 streams, and counts up to 3 values,
// to the byte loop; width 1 is a copy and width 2 (FLOAT16) an unrolled byte loop.
import { viewOf } from './view.js';

/**
 * Moves `blocks` 4x4 byte blocks. Block b reads word k (k = 0..3) at `srcAt + k * srcLane + b * srcStep`
 * and writes word j at `outAt + j * outLane + b * outStep`; byte j of read word k becomes byte k of
 * written word j.
 */
function transposeBlocks(src: DataView, srcAt: number, srcLane: number, srcStep: number, out: DataView, outAt: number, outLane: number, outStep: number, blocks: number): void {
  const r1 = srcLane, r2 = 2 * srcLane, r3 = 3 * srcLane;
  const w1 = outLane, w2 = 2 * outLane, w3 = 3 * outLane;
  for (let b = 0; b < blocks; b++, srcAt += srcStep, outAt += outStep) {
    const a = src.getUint32(srcAt, true);
    const c = src.getUint32(srcAt + r1, true);
    const d = src.getUint32(srcAt + r2, true);
    const e = src.getUint32(srcAt + r3, true);
    out.setInt32(outAt, (a & 0xff) | ((c & 0xff) << 8) | ((d & 0xff) << 16) | (e << 24), true);
    out.setInt32(outAt + w1, ((a >>> 8) & 0xff) | (c & 0xff00) | (((d >>> 8) & 0xff) << 16) | (((e >>> 8) & 0xff) << 24), true);
    out.setInt32(outAt + w2, ((a >>> 16) & 0xff) | (((c >>> 16) & 0xff) << 8) | (d & 0xff0000) | (((e >>> 16) & 0xff) << 24), true);
    out.setInt32(outAt + w3, (a >>> 24) | ((c >>> 24) << 8) | ((d >>> 24) << 16) | (e & 0xff000000), true);
  }
}

/**
 * Decodes values `first .. first + n` of streams holding `count` values each, which start at
 * `src[base]`, into `out[outOffset ..]` (n * width bytes). The caller has checked every bound.
 */
export function unsplit(src: Uint8Array, base: number, count: number, width: number, first: number, n: number, out: Uint8Array, outOffset: number): void {
  const s = base + first;
  if (width === 1) {
    out.set(src.subarray(s, s + n), outOffset);
    return;
  }
  if (width === 2) {
    // FLOAT16: two streams, no whole group of 4
    const s1 = s + count;
    for (let i = 0, o = outOffset; i < n; i++, o += 2) {
      out[o] = src[s + i];
      out[o + 1] = src[s1 + i];
    }
    return;
  }
  const blocks = n >>> 2;
  const groups = width >>> 2;
  if (blocks > 0 && groups > 0) {
    const sv = viewOf(src);
    const ov = viewOf(out);
    for (let g = 0; g < groups; g++) {
      transposeBlocks(sv, s + 4 * g * count, count, 4, ov, outOffset + 4 * g, width, 4 * width, blocks);
    }
  }
  // What the blocks left: the last n % 4 values of the grouped streams, then the streams past them.
  const done = blocks > 0 ? groups * 4 : 0;
  for (let k = 0; k < width; k++) {
    const stream = s + k * count;
    for (let i = k < done ? blocks * 4 : 0, q = outOffset + i * width + k; i < n; i++, q += width) out[q] = src[stream + i];
  }
}

/** Splits `count` values of `width` bytes from `src[0..]` into streams at `out[0..]`. */
export function split(src: Uint8Array, count: number, width: number, out: Uint8Array): void {
  if (width === 1) {
    out.set(src.subarray(0, count));
    return;
  }
  if (width === 2) {
    for (let i = 0, p = 0; i < count; i++, p += 2) {
      out[i] = src[p];
      out[count + i] = src[p + 1];
    }
    return;
  }
  const blocks = count >>> 2;
  const groups = width >>> 2;
  if (blocks > 0 && groups > 0) {
    const sv = viewOf(src);
    const ov = viewOf(out);
    for (let g = 0; g < groups; g++) {
      transposeBlocks(sv, 4 * g, width, 4 * width, ov, 4 * g * count, count, 4, blocks);
    }
  }
  const done = blocks > 0 ? groups * 4 : 0;
  for (let k = 0; k < width; k++) {
    const stream = k * count;
    for (let i = k < done ? blocks * 4 : 0, p = i * width + k; i < count; i++, p += width) out[stream + i] = src[p];
  }
}
