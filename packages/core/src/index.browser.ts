export { ParquetryError, ERROR_CODES, rebaseErrorOffset, type ErrorCode, type ErrorLocation } from './error.js';
export { ByteCursor, writeUleb32 } from './cursor.js';
export { crc32 } from './crc32.js';
export { PHYSICAL_TYPES, type PhysicalType, type ByteArrays } from './types.js';
export { parseBackendMode, type BackendMode, type BackendName } from './backend-mode.js';
export { backend, backendMode, nativeBinding, requireNativeBinding, useNative, NATIVE_MIN_VALUES } from './backend.browser.js';
export {
  DEFAULT_MAX_UNCOMPRESSED_SIZE,
  checkLevel,
  compressedResult,
  decompressTarget,
  decompressWith,
  type CompressOptions,
  type CompressionCodecName,
  type DecompressOptions,
  type NativeCodecName,
} from './compression.js';
export { cannotCompress, defineCodec, type CodecParts, type CompressionCodec } from './codec.js';
export { fromNativeError } from './native-errors.js';
export type { NativeBinding } from '@parquetry/native';
export { uninitializedArray, uninitializedBytes } from './uninitialized.browser.js';
