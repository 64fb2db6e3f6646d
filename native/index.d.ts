/**
 * The native addon's surface. Written by hand so the TypeScript build does not depend on a
 * Rust build; napi-rs writes its own view to binding.generated.d.ts at build time for comparison.
 */
export interface NativeBinding {
  /** Decodes `out.length` RLE/bit-packing hybrid values into `out`; returns the bytes consumed. */
  decodeRleHybrid(bytes: Uint8Array, bitWidth: number, out: Int32Array): number;
  encodeRleHybrid(values: Int32Array, bitWidth: number, lengthPrefixed: boolean): Uint8Array;
  /** Encodes into `out` from `offset`; returns the bytes written (`LIMIT` when `out` is too small). */
  encodeRleHybridInto(values: Int32Array, bitWidth: number, out: Uint8Array, offset: number): number;
  /** Decodes `out.length` deprecated BIT_PACKED values into `out`; returns the bytes consumed. */
  decodeBitPacked(bytes: Uint8Array, bitWidth: number, out: Int32Array): number;
  encodeBitPacked(values: Int32Array, bitWidth: number): Uint8Array;
  /** `avx2` or `scalar`: the kernels in use now. */
  simdLevel(): string;
  /** Pins the scalar kernels (true) or returns to the detected level (false). */
  forceScalar(on: boolean): void;
}

declare const binding: NativeBinding;
export = binding;
