// Hashes of value bit patterns for the dictionary encoder's table. They decide only where a value
// sits in the table, never the bytes written (the dictionary is in first-seen order), so the
// native encoder is free to hash differently.

const C1 = 0xcc9e2d51 | 0;
const C2 = 0x1b873593 | 0;

/** MurmurHash3's 32-bit finaliser: every input bit reaches every output bit, so `h & mask` is a fair slot. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** An 8-byte value given as its low and high 32-bit words. */
export function hash64(lo: number, hi: number): number {
  return fmix32(Math.imul(hi, 0x9e3779b1) ^ lo);
}

/** MurmurHash3 (x86, 32-bit, seed 0) of `bytes[start..end)`, read 4 bytes at a time little-endian. */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  const length = end - start;
  let h = 0;
  let p = start;
  for (; p + 4 <= end; p += 4) {
    let k = bytes[p] | (bytes[p + 1] << 8) | (bytes[p + 2] << 16) | (bytes[p + 3] << 24);
    k = Math.imul(k, C1);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, C2);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  const tail = end - p;
  if (tail > 0) {
    let k = bytes[p];
    if (tail > 1) k |= bytes[p + 1] << 8;
    if (tail > 2) k |= bytes[p + 2] << 16;
    k = Math.imul(k, C1);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, C2);
  }
  return fmix32(h ^ length);
}
