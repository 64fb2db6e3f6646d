// Copying many short byte strings (BYTE_ARRAY values) between buffers. Per value, subarray() +
// set() allocates a view and calls into the runtime (~30 ns), and a byte loop costs ~1 ns a byte;
// unaligned 4-byte DataView loads and stores, which V8 compiles to single instructions, are about
// three times faster than the byte loop for ids and names. Long values still go through set().

const LONG_VALUE = 256;

/** A DataView over exactly the bytes of `bytes`. */
export function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Copies `from[pos .. pos + len)` to `to[dst ..]`; `fromView`/`toView` are viewOf() the two arrays. */
export function copyRange(from: Uint8Array, fromView: DataView, pos: number, to: Uint8Array, toView: DataView, dst: number, len: number): void {
  if (len >= LONG_VALUE) {
    to.set(from.subarray(pos, pos + len), dst);
    return;
  }
  const words = pos + (len & ~7);
  while (pos < words) {
    toView.setUint32(dst, fromView.getUint32(pos, true), true);
    toView.setUint32(dst + 4, fromView.getUint32(pos + 4, true), true);
    pos += 8;
    dst += 8;
  }
  if (len & 4) {
    toView.setUint32(dst, fromView.getUint32(pos, true), true);
    pos += 4;
    dst += 4;
  }
  const end = pos + (len & 3);
  while (pos < end) to[dst++] = from[pos++];
}
