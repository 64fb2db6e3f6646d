import { ParquetryError } from '@parquetry/core';

const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * The bitset's words and a hash's halves are read through typed-array views, which are in host
 * order; the file's order is little-endian. Every JavaScript host in use is little-endian; a
 * big-endian one is refused rather than given wrong answers.
 */
export function requireLittleEndian(): void {
  if (!LITTLE_ENDIAN) throw new ParquetryError('UNSUPPORTED', 'Bloom filters need a little-endian host');
}
