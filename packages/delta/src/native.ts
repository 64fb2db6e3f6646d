// The native implementation, whatever PARQUETRY_BACKEND says; `UNSUPPORTED` where the addon cannot
// load. The streaming decoders (read/skip) are the TypeScript ones on either backend.
import { ParquetryError, requireNativeBinding, type ByteArrays } from '@parquetry/core';
import { deltaOutput } from './ts/delta-binary-packed-decode.js';

export { DeltaBinaryPackedDecoder, DeltaLengthByteArrayDecoder, DeltaByteArrayDecoder, type DeltaType } from './ts/index.js';

function checkCount(count: number): void {
  if (!Number.isInteger(count) || count < 0 || count > 2 ** 31 - 2) {
    throw new ParquetryError('INVALID_ARGUMENT', `count ${count} is not an integer in 0..${2 ** 31 - 2}`);
  }
}

/** The lengths stream's declared count must be `count`: checked before `count` is allocated for. */
function checkDeclaredCount(bytes: Uint8Array, count: number, what: string): void {
  checkCount(count);
  const declared = requireNativeBinding().deltaBinaryPackedCount(bytes);
  if (declared !== count) {
    throw new ParquetryError('CORRUPT', `${what} stream holds ${declared} values, ${count} expected`, { offset: 0 });
  }
}

function checkByteArrays(values: ByteArrays): void {
  if (!(values.offsets instanceof Int32Array) || !(values.bytes instanceof Uint8Array) || values.offsets.length < 1) {
    throw new ParquetryError('INVALID_ARGUMENT', 'byte arrays must be { offsets: Int32Array (count + 1), bytes: Uint8Array }');
  }
}

export function encodeDeltaBinaryPacked(values: Int32Array | BigInt64Array): Uint8Array {
  const binding = requireNativeBinding();
  if (values instanceof Int32Array) return binding.encodeDeltaBinaryPacked32(values);
  if (values instanceof BigInt64Array) return binding.encodeDeltaBinaryPacked64(values);
  throw new ParquetryError('INVALID_ARGUMENT', 'DELTA_BINARY_PACKED encodes an Int32Array or a BigInt64Array');
}

export function decodeDeltaBinaryPacked(bytes: Uint8Array, type: 'INT32', out?: Int32Array): Int32Array;
export function decodeDeltaBinaryPacked(bytes: Uint8Array, type: 'INT64', out?: BigInt64Array): BigInt64Array;
export function decodeDeltaBinaryPacked(bytes: Uint8Array, type: 'INT32' | 'INT64', out?: Int32Array | BigInt64Array): Int32Array | BigInt64Array;
export function decodeDeltaBinaryPacked(bytes: Uint8Array, type: 'INT32' | 'INT64', out?: Int32Array | BigInt64Array): Int32Array | BigInt64Array {
  const binding = requireNativeBinding();
  if (type !== 'INT32' && type !== 'INT64') {
    throw new ParquetryError('INVALID_ARGUMENT', `DELTA_BINARY_PACKED decodes INT32 or INT64, not ${String(type)}`);
  }
  // The header's count is checked against what the input can hold before anything is allocated.
  const values = deltaOutput(type, binding.deltaBinaryPackedCount(bytes), out);
  if (values instanceof Int32Array) binding.decodeDeltaBinaryPacked32(bytes, values);
  else binding.decodeDeltaBinaryPacked64(bytes, values);
  return values;
}

export function encodeDeltaLengthByteArray(values: ByteArrays): Uint8Array {
  checkByteArrays(values);
  return requireNativeBinding().encodeDeltaLengthByteArray(values.offsets, values.bytes);
}

/** The values' bytes are a view of `bytes`: they are stored contiguously after the lengths. */
export function decodeDeltaLengthByteArray(bytes: Uint8Array, count: number): ByteArrays {
  checkDeclaredCount(bytes, count, 'lengths');
  const offsets = new Int32Array(count + 1);
  const [start, end] = requireNativeBinding().decodeDeltaLengthByteArray(bytes, offsets);
  return { offsets, bytes: bytes.subarray(start, end) };
}

export function encodeDeltaByteArray(values: ByteArrays): Uint8Array {
  checkByteArrays(values);
  return requireNativeBinding().encodeDeltaByteArray(values.offsets, values.bytes);
}

export function decodeDeltaByteArray(bytes: Uint8Array, count: number): ByteArrays {
  checkDeclaredCount(bytes, count, 'prefix lengths');
  const binding = requireNativeBinding();
  // Two passes: the size (every length and prefix checked), then the values into memory V8
  // allocates, which it recycles; a Rust-allocated buffer handed to JS costs far more.
  const out = new Uint8Array(binding.deltaByteArraySize(bytes, count));
  const offsets = new Int32Array(count + 1);
  binding.decodeDeltaByteArrayInto(bytes, offsets, out);
  return { offsets, bytes: out };
}
