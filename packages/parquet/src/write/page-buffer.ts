// A page's bytes before compression — levels, then values — are built in one buffer reused for
// every page: encoding is synchronous and compression copies them out at once, so no two pages
// share it, and a row group leaves no page-sized garbage behind for the collector.
import { encodeRleHybridInto, rleHybridMaxSize } from '@parquetry/rle';

let buffer = new Uint8Array(0);

/** The shared page buffer, at least `bytes` long; its contents are the caller's until the next call. */
export function pageBuffer(bytes: number): Uint8Array {
  if (buffer.length < bytes) buffer = new Uint8Array(Math.max(bytes, buffer.length * 2));
  return buffer;
}

/** The most bytes `writeLevels` can take. */
export function levelsMaxSize(levels: Int32Array | undefined, bitWidth: number, prefixed: boolean): number {
  return levels ? (prefixed ? 4 : 0) + rleHybridMaxSize(levels.length, bitWidth) : 0;
}

/**
 * Levels in the RLE/bit-packing hybrid at `out[at]`, behind their 4-byte little-endian length when
 * `prefixed` (data page v1); returns the bytes written (none without levels).
 */
export function writeLevels(levels: Int32Array | undefined, bitWidth: number, prefixed: boolean, out: Uint8Array, at: number): number {
  if (!levels) return 0;
  if (!prefixed) return encodeRleHybridInto(levels, bitWidth, out, at);
  const size = encodeRleHybridInto(levels, bitWidth, out, at + 4);
  new DataView(out.buffer, out.byteOffset).setUint32(at, size, true);
  return 4 + size;
}
