// PLAIN fixed-width values (Encodings.md "Plain"): INT32/FLOAT 4 bytes, INT64/DOUBLE 8 bytes,
// little endian, back to back. On a little-endian platform those bytes already are a typed array.

interface TypedArrayOf<A> {
  new (length: number): A;
  new (buffer: ArrayBufferLike, byteOffset: number, length: number): A;
  readonly BYTES_PER_ELEMENT: number;
}

/**
 * `count` values of `Type` from `bytes[pos..]`: a view sharing the input's memory when the position
 * is aligned for the element size (no copy, no page faults), else a copy (typed arrays cannot be
 * unaligned). The caller has checked the bytes are there.
 */
export function viewOrCopy<A>(Type: TypedArrayOf<A>, bytes: Uint8Array, pos: number, count: number): A {
  const size = Type.BYTES_PER_ELEMENT;
  const at = bytes.byteOffset + pos;
  if (at % size === 0) return new Type(bytes.buffer, at, count);
  const out = new Type(count);
  new Uint8Array((out as { buffer: ArrayBufferLike }).buffer).set(bytes.subarray(pos, pos + count * size));
  return out;
}

/** A typed array's bytes as a new Uint8Array (PLAIN for INT32, INT64, FLOAT and DOUBLE). */
export function copyBytes(values: Int32Array | BigInt64Array | Float32Array | Float64Array | Uint8Array): Uint8Array {
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength).slice();
}
