import type { ByteArrays, PhysicalType } from '@parquetry/core';

/**
 * PLAIN values of one physical type:
 * BOOLEAN one 0/1 byte per value, INT96 and FIXED_LEN_BYTE_ARRAY their stored bytes back to back
 * (12 or typeLength per value), BYTE_ARRAY an (offsets, bytes) pair, the rest a typed array.
 */
export type PlainValues = Uint8Array | Int32Array | BigInt64Array | Float32Array | Float64Array | ByteArrays;

/** The PlainValues shape of physical type `T` (distributes over unions, so `PhysicalType` gives PlainValues). */
export type PlainValuesOf<T extends PhysicalType> = T extends 'INT32'
  ? Int32Array
  : T extends 'INT64'
    ? BigInt64Array
    : T extends 'FLOAT'
      ? Float32Array
      : T extends 'DOUBLE'
        ? Float64Array
        : T extends 'BYTE_ARRAY'
          ? ByteArrays
          : Uint8Array;

/**
 * The loops of PLAIN that a native kernel can take over. The signatures are the native binding's
 * own (`@parquetry/native`), so `requireNativeBinding()` can be passed wherever these are taken;
 * TS_PLAIN_KERNELS is the pure-TypeScript set. Error offsets are relative to the `bytes` passed.
 */
export interface PlainKernels {
  /** Unpacks `out.length` booleans (0/1 bytes) from bit `bitOffset` of `bytes`; returns the bytes spanned. */
  decodePlainBooleans(bytes: Uint8Array, bitOffset: number, out: Uint8Array): number;
  /** Packs 0/1 bytes LSB first, the last byte padded with zero bits; a value above 1 is INVALID_ARGUMENT. */
  encodePlainBooleans(values: Uint8Array): Uint8Array;
  /** Fills `offsets` (count + 1, from 0) from the length prefixes at the start of `bytes`; returns the bytes spanned. */
  scanPlainByteArrays(bytes: Uint8Array, offsets: Int32Array): number;
  /** Copies the value bytes of the values `scanPlainByteArrays` scanned into `out` (offsets[count] bytes). */
  gatherPlainByteArrays(bytes: Uint8Array, offsets: Int32Array, out: Uint8Array): void;
  /** Length-prefixed values from an (offsets, bytes) pair. */
  encodePlainByteArrays(offsets: Int32Array, bytes: Uint8Array): Uint8Array;
  /** The same bytes written into `out` from `offset`; returns how many. */
  encodePlainByteArraysInto(offsets: Int32Array, bytes: Uint8Array, out: Uint8Array, offset: number): number;
}
