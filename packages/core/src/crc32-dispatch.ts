// Node: page checksums go native (libdeflate's folding CRC, tens of GB/s) whenever the native
// backend is in force for a buffer that size; the table-driven TypeScript CRC otherwise.
import { nativeBinding, useNative } from './backend.js';
import { crc32Ts } from './crc32.js';

export function crc32(bytes: Uint8Array): number {
  if (bytes.length >= 256 && useNative(bytes.length)) return nativeBinding()!.crc32(bytes) >>> 0;
  return crc32Ts(bytes);
}
