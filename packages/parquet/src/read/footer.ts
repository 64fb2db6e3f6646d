// The footer: the last 8 bytes (footer length, "PAR1"), then the FileMetaData before them. One
// read of the file's tail usually covers both; every length is checked against the file first.
import { ParquetryError, rebaseErrorOffset } from '@parquetry/core';
import { decodeStruct, FileMetaData } from '@parquetry/thrift';
import type { ByteSource } from '../source/byte-source.js';

const MAGIC = 0x31524150; // "PAR1" little endian
const ENCRYPTED_MAGIC = 0x45524150; // "PARE"
/** Bytes read from the end in the first request: most footers fit. */
const TAIL_GUESS = 64 * 1024;

export interface Footer {
  metadata: FileMetaData;
  /** File offset where the FileMetaData starts, and its length. */
  offset: number;
  length: number;
}

function u32(bytes: Uint8Array, at: number): number {
  return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
}

export async function readFooter(source: ByteSource): Promise<Footer> {
  const size = source.size;
  if (size < 12) throw new ParquetryError('CORRUPT', `a Parquet file is at least 12 bytes; this one is ${size}`, { offset: 0 });
  const tailLength = Math.min(size, TAIL_GUESS);
  const tail = await source.read(size - tailLength, tailLength);
  const magic = u32(tail, tail.length - 4);
  if (magic === ENCRYPTED_MAGIC) {
    throw new ParquetryError('UNSUPPORTED', 'the file is encrypted (PARE footer); Parquet modular encryption is not supported yet', { offset: size - 4 });
  }
  if (magic !== MAGIC) throw new ParquetryError('CORRUPT', 'the file does not end with the PAR1 magic', { offset: size - 4 });
  const length = u32(tail, tail.length - 8);
  const offset = size - 8 - length;
  if (length > size - 12) {
    throw new ParquetryError('CORRUPT', `footer length ${length} is more than the ${size - 12} bytes between the magic numbers`, { offset: size - 8 });
  }
  const bytes = length + 8 <= tail.length ? tail.subarray(tail.length - 8 - length, tail.length - 8) : await source.read(offset, length);
  try {
    const { value } = decodeStruct(FileMetaData, bytes);
    if (value.encryption_algorithm) {
      throw new ParquetryError('UNSUPPORTED', 'the file has encrypted columns (plaintext footer); Parquet modular encryption is not supported yet');
    }
    return { metadata: value, offset, length };
  } catch (error) {
    throw rebaseErrorOffset(error, offset);
  }
}
