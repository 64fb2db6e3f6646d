// INT64 values are handled as int32 halves through an Int32Array view of the BigInt64Array's
// buffer: no BigInt per value. Which half comes first follows the platform's byte order, as the
// BigInt64Array's own layout does.
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Index of the low half of a value within its pair of words. */
export const LO = LITTLE_ENDIAN ? 0 : 1;
/** Index of the high half. */
export const HI = 1 - LO;

/** The words of `values`: value i is words[2i + LO] (low half) and words[2i + HI] (high half). */
export function int64Words(values: BigInt64Array): Int32Array {
  return new Int32Array(values.buffer, values.byteOffset, values.length * 2);
}
