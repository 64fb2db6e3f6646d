// A leaf's values as Arrow Data: the values of the present slots scattered into an array of every
// slot, with a validity bitmap when some are missing. Without missing slots, fixed-width values
// are used in place.
import { nativeBinding, ParquetryError, uninitializedArray, uninitializedBytes, useNative, type ByteArrays } from '@parquetry/core';
import type { PlainValues } from '@parquetry/plain';
import { makeData, type Data, type DataType, type Decimal } from 'apache-arrow';
import { decimalsFromByteArrays, decimalsFromFixed, decimalsFromInts } from './decimal.js';
import { int96ToEpoch, type Int96Unit } from './int96.js';
import type { LeafType } from './leaf-type.js';

type Fixed = Exclude<PlainValues, ByteArrays>;

/** Validity as Arrow wants it: one bit per slot, LSB first. */
export function packValidity(present: Uint8Array): { bitmap: Uint8Array; nullCount: number } {
  const bitmap = new Uint8Array((present.length + 7) >> 3);
  let valid = 0;
  for (let i = 0; i < present.length; i++) {
    if (present[i]) {
      bitmap[i >> 3] |= 1 << (i & 7);
      valid++;
    }
  }
  return { bitmap, nullCount: present.length - valid };
}

interface Validity {
  bitmap: Uint8Array | undefined;
  nullCount: number;
}

/**
 * `values` (one per present slot, `stride` elements each) spread over `length` slots, filling
 * `validity` (its bitmap all zeros on entry) in the same pass when given. Elements of 4 and 8
 * bytes move as 32-bit words: one monomorphic loop for every such type, and no BigInt per INT64 value.
 */
function scatter<T extends Fixed | BigUint64Array | Uint32Array | Uint16Array>(values: T, present: Uint8Array | undefined, length: number, stride = 1, validity?: Validity): T {
  if (!present) return values;
  const Ctor = values.constructor as new (buffer: ArrayBuffer) => T;
  const size = values.BYTES_PER_ELEMENT;
  if (stride === 1 && (size === 4 || size === 8)) {
    const words = size >> 2;
    const out = new Int32Array(length * words);
    const placed = scatterWords(new Int32Array(values.buffer, values.byteOffset, values.length * words), words, present, out, validity?.bitmap);
    if (validity) validity.nullCount = length - placed;
    return new Ctor(out.buffer);
  }
  const out = new (values.constructor as new (n: number) => T)(length * stride);
  let v = 0;
  for (let i = 0; i < length; i++) {
    if (!present[i]) continue;
    if (stride === 1) (out as Uint8Array)[i] = (values as Uint8Array)[v++];
    else {
      (out as Uint8Array).set((values as Uint8Array).subarray(v * stride, v * stride + stride), i * stride);
      v++;
    }
    if (validity?.bitmap) validity.bitmap[i >> 3] |= 1 << (i & 7);
  }
  if (validity) validity.nullCount = length - v;
  return out;
}

/** Slot i of `out` takes the next `words` words of `src` where present; returns the values placed. */
function scatterWords(src: Int32Array, words: number, present: Uint8Array, out: Int32Array, bitmap: Uint8Array | undefined): number {
  const length = present.length;
  let v = 0;
  for (let i = 0; i < length; i++) {
    if (!present[i]) continue;
    if (words === 1) out[i] = src[v];
    else {
      out[2 * i] = src[2 * v];
      out[2 * i + 1] = src[2 * v + 1];
    }
    v++;
    if (bitmap) bitmap[i >> 3] |= 1 << (i & 7);
  }
  return v;
}

/** Kinds whose values `scatter` spreads, packing the validity as it goes. */
const SCATTERED = new Set(['int32', 'int64', 'float32', 'float64', 'uint64', 'narrow', 'float16', 'int96', 'fixed', 'decimal']);

function bitsFromBytes(values: Uint8Array, present: Uint8Array | undefined, length: number): Uint8Array {
  const bits = new Uint8Array((length + 7) >> 3);
  if (!present) {
    // Eight values to a byte without a branch per value (clicks and flags are unpredictable).
    const whole = length >> 3;
    for (let j = 0, i = 0; j < whole; j++, i += 8) {
      bits[j] =
        (values[i] & 1) | ((values[i + 1] & 1) << 1) | ((values[i + 2] & 1) << 2) | ((values[i + 3] & 1) << 3) |
        ((values[i + 4] & 1) << 4) | ((values[i + 5] & 1) << 5) | ((values[i + 6] & 1) << 6) | ((values[i + 7] & 1) << 7);
    }
    for (let i = whole << 3; i < length; i++) bits[i >> 3] |= (values[i] & 1) << (i & 7);
    return bits;
  }
  let v = 0;
  for (let i = 0; i < length; i++) {
    if (!present[i]) continue;
    bits[i >> 3] |= (values[v++] & 1) << (i & 7);
  }
  return bits;
}

/** Offsets over every slot: a missing slot repeats the previous offset. */
function spreadOffsets(values: ByteArrays, present: Uint8Array | undefined, length: number): { offsets: Int32Array; bytes: Uint8Array } {
  const base = values.offsets[0];
  const bytes = values.bytes.subarray(base, values.offsets[values.offsets.length - 1]);
  if (!present && base === 0) return { offsets: values.offsets, bytes };
  const offsets = new Int32Array(length + 1);
  let v = 0;
  for (let i = 0; i < length; i++) {
    if (!present || present[i]) v++;
    offsets[i + 1] = values.offsets[v] - base;
  }
  return { offsets, bytes };
}

export interface LeafDataOptions {
  int96Unit: Int96Unit;
}

/** Kinds whose values are one 4- or 8-byte element per slot: spread straight from definition levels. */
const BY_LEVELS = new Set(['int32', 'int64', 'float32', 'float64', 'uint64']);

/**
 * Values of 4 or 8 bytes spread over one slot per definition level (zero where the level is below
 * `max`) with the validity bitmap, in one pass: the native kernel where it is in force.
 */
function spreadByLevels(values: Int32Array | BigInt64Array | Float32Array | Float64Array, levels: Int32Array, max: number): { words: Int32Array; bitmap: Uint8Array; nullCount: number } {
  const length = levels.length;
  const words = values.BYTES_PER_ELEMENT >> 2;
  const src = new Int32Array(values.buffer, values.byteOffset, values.length * words);
  const native = useNative(length) ? nativeBinding() : null;
  // The native kernel writes every word and bitmap byte; the loop below leaves nulls' zeros as they are.
  const out = native ? uninitializedArray(Int32Array, length * words) : new Int32Array(length * words);
  const bitmap = native ? uninitializedBytes((length + 7) >> 3) : new Uint8Array((length + 7) >> 3);
  let placed = 0;
  if (native) placed = native.scatterByLevels(levels, max, src, words, out, bitmap);
  else {
    for (let i = 0; i < length; i++) {
      if (levels[i] !== max) continue;
      if (words === 1) out[i] = src[placed];
      else {
        out[2 * i] = src[2 * placed];
        out[2 * i + 1] = src[2 * placed + 1];
      }
      placed++;
      bitmap[i >> 3] |= 1 << (i & 7);
    }
    if (placed * words > src.length) throw new ParquetryError('CORRUPT', `${placed} slots hold a value but ${values.length} values were decoded`);
  }
  return { words: out, bitmap, nullCount: length - placed };
}

/** What a leaf's shape says about its slots (see LeafShape). */
export interface LeafSlots {
  length: number;
  readonly present: Uint8Array | undefined;
  definition?: { levels: Int32Array; max: number };
}

export function leafData(leaf: LeafType, typeLength: number | undefined, values: PlainValues, slots: LeafSlots, options: LeafDataOptions): Data {
  const { length, definition } = slots;
  if (definition && BY_LEVELS.has(leaf.kind) && definition.levels.length === length) {
    const fixed = values as Int32Array | BigInt64Array | Float32Array | Float64Array;
    const { words, bitmap, nullCount } = spreadByLevels(fixed, definition.levels, definition.max);
    const Ctor = leaf.kind === 'uint64' ? BigUint64Array : (fixed.constructor as new (buffer: ArrayBuffer) => ArrayBufferView);
    const data = nullCount === 0 ? (leaf.kind === 'uint64' ? new BigUint64Array(fixed.buffer, fixed.byteOffset, fixed.length) : fixed) : new Ctor(words.buffer as ArrayBuffer);
    return makeData({ type: leaf.type as DataType, length, nullCount, nullBitmap: nullCount === 0 ? undefined : bitmap, data } as never) as Data;
  }
  const present = slots.present;
  const fused = present !== undefined && SCATTERED.has(leaf.kind);
  const validity: Validity = fused ? { bitmap: new Uint8Array((length + 7) >> 3), nullCount: 0 } : present ? packValidity(present) : { bitmap: undefined, nullCount: 0 };
  const common = { type: leaf.type as DataType, length, nullCount: validity.nullCount, nullBitmap: validity.bitmap };
  const fixed = values as Fixed;
  // The validity's null count is read when the data is made: a fused scatter has set it by then.
  const make = (data: ArrayLike<unknown> & ArrayBufferView) => makeData({ ...common, nullCount: validity.nullCount, data } as never) as Data;
  switch (leaf.kind) {
    case 'null':
      return makeData({ type: leaf.type as never, length, nullCount: length }) as Data;
    case 'bool':
      return make(bitsFromBytes(values as Uint8Array, present, length));
    case 'int32':
    case 'int64':
    case 'float32':
    case 'float64':
      return make(scatter(fixed, present, length, 1, validity));
    case 'uint64': {
      const v = values as BigInt64Array;
      return make(scatter(new BigUint64Array(v.buffer, v.byteOffset, v.length), present, length, 1, validity));
    }
    case 'narrow': {
      const Ctor = (leaf.type as unknown as { ArrayType: new (src: ArrayLike<number>) => Fixed }).ArrayType;
      return make(scatter(new Ctor(values as Int32Array), present, length, 1, validity));
    }
    case 'float16': {
      const bytes = values as Uint8Array;
      // A copy: `bytes` may be a view into a larger buffer (and Buffer.slice does not copy).
      return make(scatter(new Uint16Array(new Uint8Array(bytes).buffer, 0, bytes.length / 2), present, length, 1, validity));
    }
    case 'int96': {
      const bytes = values as Uint8Array;
      return make(scatter(int96ToEpoch(bytes, bytes.length / 12, options.int96Unit === 'raw' ? 'ns' : options.int96Unit), present, length, 1, validity));
    }
    case 'fixed': {
      // INT96 kept raw has no typeLength; the Arrow type knows its width.
      const width = (leaf.type as unknown as { byteWidth: number }).byteWidth;
      return make(scatter(values as Uint8Array, present, length, width, validity));
    }
    case 'binary': {
      const { offsets, bytes } = spreadOffsets(values as ByteArrays, present, length);
      return makeData({ ...common, valueOffsets: offsets, data: bytes } as never) as Data;
    }
    case 'decimal': {
      const type = leaf.type as Decimal;
      const bitWidth = type.bitWidth as 128 | 256;
      let words: Uint32Array;
      if (values instanceof Int32Array || values instanceof BigInt64Array) words = decimalsFromInts(values, bitWidth);
      else if ('offsets' in values) words = decimalsFromByteArrays(values.offsets, values.bytes, bitWidth);
      else words = decimalsFromFixed(values as Uint8Array, typeLength ?? 0, (values as Uint8Array).length / (typeLength || 1), bitWidth);
      return make(scatter(words, present, length, bitWidth / 32, validity));
    }
    default:
      throw new ParquetryError('UNSUPPORTED', `leaf kind ${String(leaf.kind)}`);
  }
}
