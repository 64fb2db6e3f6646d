// GZIP members (RFC 1952) around the DEFLATE compressor of deflate-compress.ts, byte for byte what
// the native build writes: a 10-byte header (no name, mtime 0, XFL 0, OS 255 "unknown"), the raw
// stream, then the CRC-32 and the length mod 2^32, little endian.
import { crc32 } from '@parquetry/core';
import { deflateBound, deflateInto } from './deflate-compress.js';

const HEADER = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];

/** The most bytes `gzipInto` writes for `n` input bytes. */
export function gzipBound(n: number): number {
  return deflateBound(n);
}

/** One gzip member of `input` at `level` (0..9) in `out` (gzipBound bytes of room); returns its length. */
export function gzipInto(input: Uint8Array, out: Uint8Array, level: number): number {
  out.set(HEADER, 0);
  const end = deflateInto(input, out, HEADER.length, level);
  const view = new DataView(out.buffer, out.byteOffset + end, 8);
  view.setUint32(0, crc32(input), true);
  view.setUint32(4, input.length >>> 0, true);
  return end + 8;
}
