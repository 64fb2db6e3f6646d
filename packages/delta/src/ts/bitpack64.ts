// Bit packing of groups of 32 values at widths 0..64, LSB first (Encodings.md, DELTA_BINARY_PACKED
// miniblocks: "a list of bit-packed ints", packed as in the RLE/bit-packing hybrid). Values over 32
// bits travel as int32 halves `lo`/`hi`. A generic word loop: the hot INT32 decode path uses the
// generated straight-line functions in delta32.generated.ts instead; this serves INT64, partial
// groups and the encoder.

/** MASK[k]: the low k bits set, k in 0..32. */
export const MASK: readonly number[] = Array.from({ length: 33 }, (_, k) => (k === 32 ? -1 : (2 ** k - 1) | 0));

/** The group's little-endian words, plus two zero words so reads past the last need no branch. */
const words = new Int32Array(66);
/** The bytes of a group cut off by the end of the input, zero-padded. */
const tail = new Uint8Array(4 * 64);

/**
 * Unpacks the 32 values of width `w` (0..64) stored in the 4 * `w` bytes at `s[p..]` into `lo`
 * (and, for `w` over 32, `hi`; for `w` up to 32 `hi` is not written). Bytes at or past `end` are
 * read as zero, so a final group whose padding is cut off can be read.
 */
export function unpackGroup(s: Uint8Array, p: number, end: number, w: number, lo: Int32Array, hi: Int32Array): void {
  const n = 4 * w;
  if (p + n > end) {
    tail.fill(0);
    if (end > p) tail.set(s.subarray(p, end));
    s = tail;
    p = 0;
  }
  for (let k = 0, b = p; k < w; k++, b += 4) words[k] = s[b] | (s[b + 1] << 8) | (s[b + 2] << 16) | (s[b + 3] << 24);
  words[w] = 0;
  words[w + 1] = 0;
  // value i starts at bit i*w: word k = bit >>> 5, shift sh = bit & 31; `(x << 1) << (31 - sh)` is
  // `x << (32 - sh)` that also gives 0 at sh = 0 (a shift by 32 would be a shift by 0 in JS)
  if (w <= 32) {
    const mask = MASK[w];
    for (let i = 0, bit = 0; i < 32; i++, bit += w) {
      const k = bit >>> 5;
      const sh = bit & 31;
      lo[i] = ((words[k] >>> sh) | ((words[k + 1] << 1) << (31 - sh))) & mask;
    }
  } else {
    const mask = MASK[w - 32];
    for (let i = 0, bit = 0; i < 32; i++, bit += w) {
      const k = bit >>> 5;
      const sh = bit & 31;
      lo[i] = (words[k] >>> sh) | ((words[k + 1] << 1) << (31 - sh));
      hi[i] = ((words[k + 1] >>> sh) | ((words[k + 2] << 1) << (31 - sh))) & mask;
    }
  }
}

/**
 * Packs 32 values of width `w` (0..64) from `lo[from..]` (and `hi[from..]` when `w` is over 32)
 * into 4 * `w` bytes at `out[pos..]`; returns the position after them. Each value must fit in `w`
 * bits (the encoder derives `w` from the values, so they do).
 */
export function packGroup(lo: Int32Array, hi: Int32Array, from: number, w: number, out: Uint8Array, pos: number): number {
  if (w === 0) return pos;
  words.fill(0, 0, w + 2);
  if (w <= 32) {
    for (let i = 0, bit = 0; i < 32; i++, bit += w) {
      const k = bit >>> 5;
      const sh = bit & 31;
      const v = lo[from + i];
      words[k] |= v << sh;
      words[k + 1] |= (v >>> 1) >>> (31 - sh); // v >>> (32 - sh), and 0 at sh = 0
    }
  } else {
    for (let i = 0, bit = 0; i < 32; i++, bit += w) {
      const k = bit >>> 5;
      const sh = bit & 31;
      const l = lo[from + i];
      const h = hi[from + i];
      words[k] |= l << sh;
      words[k + 1] |= ((l >>> 1) >>> (31 - sh)) | (h << sh);
      words[k + 2] |= (h >>> 1) >>> (31 - sh);
    }
  }
  for (let k = 0; k < w; k++, pos += 4) {
    const x = words[k];
    out[pos] = x;
    out[pos + 1] = x >>> 8;
    out[pos + 2] = x >>> 16;
    out[pos + 3] = x >>> 24;
  }
  return pos;
}
