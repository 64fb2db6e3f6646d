// A leaf's values as Arrow Data: the values of the present slots scattered into an array of every
// slot, with a validity bitmap when some are missing. Without missing slots, fixed-width values
// are used in place.
import { ParquetryError, type ByteArrays } from '@parquetry/core';
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

/** `values` (one per present slot, `stride` elements each) spread over `length` slots. */
function scatter<T extends Fixed | BigUint64Array | Uint32Array | Uint16Array>(values: T, present: Uint8Array | undefined, length: number, stride = 1): T {
  if (!present) return values;
  const Ctor = values.constructor as new (n: number) => T;
  const out = new Ctor(length * stride);
  let v = 0;
  for (let i = 0; i < length; i++) {
    if (!present[i]) continue;
    if (stride === 1) (out as Uint8Array)[i] = (values as Uint8Array)[v++];
    else {
      (out as Uint8Array).set((values as Uint8Array).subarray(v * stride, v * stride + stride), i * stride);
      v++;
    }
  }
  return out;
}

function bitsFromBytes(values: Uint8Array, present: Uint8Array | undefined, length: number): Uint8Array {
  const bits = new Uint8Array((length + 7) >> 3);
  let v = 0;
  for (let i = 0; i < length; i++) {
    if (present && !present[i]) continue;
    if (values[v++]) bits[i >> 3] |= 1 << (i & 7);
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

export function leafData(leaf: LeafType, typeLength: number | undefined, values: PlainValues, present: Uint8Array | undefined, length: number, options: LeafDataOptions): Data {
  const validity = present ? packValidity(present) : { bitmap: undefined, nullCount: 0 };
  const common = { type: leaf.type as DataType, length, nullCount: validity.nullCount, nullBitmap: validity.bitmap };
  const fixed = values as Fixed;
  const make = (data: ArrayLike<unknown> & ArrayBufferView) => makeData({ ...common, data } as never) as Data;
  switch (leaf.kind) {
    case 'null':
      return makeData({ type: leaf.type as never, length, nullCount: length }) as Data;
    case 'bool':
      return make(bitsFromBytes(values as Uint8Array, present, length));
    case 'int32':
    case 'int64':
    case 'float32':
    case 'float64':
      return make(scatter(fixed, present, length));
    case 'uint64': {
      const v = values as BigInt64Array;
      return make(scatter(new BigUint64Array(v.buffer, v.byteOffset, v.length), present, length));
    }
    case 'narrow': {
      const Ctor = (leaf.type as unknown as { ArrayType: new (src: ArrayLike<number>) => Fixed }).ArrayType;
      return make(scatter(new Ctor(values as Int32Array), present, length));
    }
    case 'float16': {
      const bytes = values as Uint8Array;
      // A copy: `bytes` may be a view into a larger buffer (and Buffer.slice does not copy).
      return make(scatter(new Uint16Array(new Uint8Array(bytes).buffer, 0, bytes.length / 2), present, length));
    }
    case 'int96': {
      const bytes = values as Uint8Array;
      return make(scatter(int96ToEpoch(bytes, bytes.length / 12, options.int96Unit === 'raw' ? 'ns' : options.int96Unit), present, length));
    }
    case 'fixed': {
      // INT96 kept raw has no typeLength; the Arrow type knows its width.
      const width = (leaf.type as unknown as { byteWidth: number }).byteWidth;
      return make(scatter(values as Uint8Array, present, length, width));
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
      return make(scatter(words, present, length, bitWidth / 32));
    }
    default:
      throw new ParquetryError('UNSUPPORTED', `leaf kind ${String(leaf.kind)}`);
  }
}
