// A filter as a file stores it (BloomFilter.md "File Format"): a Thrift compact BloomFilterHeader
// (numBytes, algorithm BLOCK, hash XXHASH, compression UNCOMPRESSED) followed by numBytes of
// bitset, at the column chunk's bloom_filter_offset.
import { ParquetryError } from '@parquetry/core';
import { BloomFilterHeader, decodeStruct, encodeStruct } from '@parquetry/thrift';
import { SplitBlockBloomFilter } from './filter.js';
import { MAX_BLOOM_FILTER_BYTES, isFilterSize } from './sizing.js';

export interface DecodeBloomFilterOptions {
  /** The largest bitset accepted (LIMIT above it): 128 MiB, or less. */
  maxBytes?: number;
}

/** The header and bitset of `filter`, ready to write at a column chunk's bloom_filter_offset. */
export function encodeBloomFilter(filter: SplitBlockBloomFilter): Uint8Array {
  if (!(filter instanceof SplitBlockBloomFilter)) throw new ParquetryError('INVALID_ARGUMENT', 'encodeBloomFilter takes a SplitBlockBloomFilter');
  const header = encodeStruct(BloomFilterHeader, {
    numBytes: filter.bitset.length,
    algorithm: { BLOCK: {} },
    hash: { XXHASH: {} },
    compression: { UNCOMPRESSED: {} },
  });
  const out = new Uint8Array(header.length + filter.bitset.length);
  out.set(header);
  out.set(filter.bitset, header.length);
  return out;
}

/**
 * Whether `bytes` at `offset` looks like the format before the Thrift header (parquet-format
 * 54839ad): three little-endian int32s (numBytes, algorithm 0 = block, hash 0 = Murmur3), then
 * the bitset. Only said in an error: nothing writes it since 2019.
 */
function looksLikeMurmur3Layout(bytes: Uint8Array, offset: number): boolean {
  if (bytes.length - offset < 12) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, 12);
  const numBytes = view.getInt32(0, true);
  return isFilterSize(numBytes) && view.getInt32(4, true) === 0 && view.getInt32(8, true) === 0 && numBytes <= bytes.length - offset - 12;
}

function readHeader(bytes: Uint8Array, offset: number): { value: BloomFilterHeader; end: number } {
  try {
    return decodeStruct(BloomFilterHeader, bytes, offset);
  } catch (error) {
    if (ParquetryError.is(error) && looksLikeMurmur3Layout(bytes, offset)) {
      throw new ParquetryError(
        'UNSUPPORTED',
        'this is the deprecated Bloom filter layout (int32 numBytes, algorithm, hash; Murmur3 hashing), not a Thrift BloomFilterHeader with XXH64',
        { offset },
        { cause: error },
      );
    }
    throw error;
  }
}

/**
 * The bitset (a copy) of the filter whose header starts at `bytes[offset]`, and how many bytes the
 * header and bitset take. Errors: a header Thrift cannot read is CORRUPT or TRUNCATED; an
 * algorithm, hash or compression other than BLOCK, XXHASH and UNCOMPRESSED is UNSUPPORTED; a
 * numBytes that is not a power of two of at least 32 is CORRUPT, above `maxBytes` LIMIT, and past
 * the end of `bytes` TRUNCATED.
 */
export function decodeBloomFilterBitset(bytes: Uint8Array, offset = 0, options: DecodeBloomFilterOptions = {}): { bitset: Uint8Array; bytesRead: number } {
  if (!(bytes instanceof Uint8Array)) throw new ParquetryError('INVALID_ARGUMENT', 'a Bloom filter is read from a Uint8Array');
  if (!Number.isInteger(offset) || offset < 0 || offset > bytes.length) {
    throw new ParquetryError('INVALID_ARGUMENT', `offset ${offset} is outside ${bytes.length} bytes`);
  }
  const maxBytes = options.maxBytes ?? MAX_BLOOM_FILTER_BYTES;
  if (!Number.isInteger(maxBytes) || maxBytes < 32 || maxBytes > MAX_BLOOM_FILTER_BYTES) {
    throw new ParquetryError('INVALID_ARGUMENT', `maxBytes ${maxBytes} is not an integer from 32 to ${MAX_BLOOM_FILTER_BYTES}`);
  }
  const { value: header, end } = readHeader(bytes, offset);
  if (header.algorithm.BLOCK === undefined) throw new ParquetryError('UNSUPPORTED', 'the Bloom filter algorithm is not the split block one (BLOCK)', { offset });
  if (header.hash.XXHASH === undefined) throw new ParquetryError('UNSUPPORTED', 'the Bloom filter hash is not XXHASH', { offset });
  if (header.compression.UNCOMPRESSED === undefined) throw new ParquetryError('UNSUPPORTED', 'the Bloom filter bitset is compressed', { offset });
  const { numBytes } = header;
  if (numBytes <= 0 || numBytes < 32 || (numBytes & (numBytes - 1)) !== 0) {
    throw new ParquetryError('CORRUPT', `numBytes ${numBytes} is not a power of two of at least 32`, { offset });
  }
  if (numBytes > maxBytes) throw new ParquetryError('LIMIT', `a ${numBytes}-byte Bloom filter is over the ${maxBytes}-byte limit`, { offset });
  if (numBytes > bytes.length - end) {
    throw new ParquetryError('TRUNCATED', `the ${numBytes}-byte bitset has only ${bytes.length - end} bytes`, { offset: end });
  }
  return { bitset: bytes.slice(end, end + numBytes), bytesRead: end + numBytes - offset };
}

/** The filter whose header starts at `bytes[offset]` (see decodeBloomFilterBitset for the errors). */
export function decodeBloomFilter(bytes: Uint8Array, offset = 0, options: DecodeBloomFilterOptions = {}): { filter: SplitBlockBloomFilter; bytesRead: number } {
  const { bitset, bytesRead } = decodeBloomFilterBitset(bytes, offset, options);
  return { filter: new SplitBlockBloomFilter(bitset), bytesRead };
}
