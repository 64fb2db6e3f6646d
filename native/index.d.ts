/**
 * The native addon's surface. Kept by hand so the TypeScript build does not need a Rust build;
 * napi-rs writes its own view to binding.generated.d.ts at build time, and
 * scripts/check-binding-types.mjs fails the build when the two disagree.
 */
export interface NativeBinding {
  /** `out[i]` = 1 where hash i may be in the filter, 0 where it is certainly not. */
  bloomCheckHashes(bitset: Uint8Array, hashes: BigUint64Array, out: Uint8Array): void;
  /** Sets the bits of every hash in `bitset` (whole 32-byte blocks). */
  bloomInsertHashes(bitset: Uint8Array, hashes: BigUint64Array): void;
  /** Decodes `out.length` deprecated BIT_PACKED values; returns the bytes consumed. */
  decodeBitPacked(bytes: Uint8Array, bitWidth: number, out: Int32Array): number;
  /** Compresses `input` into `out` (at least maxCompressedLength bytes); returns the bytes written. `level` is ignored by SNAPPY and LZ4. */
  compressInto(codec: string, input: Uint8Array, out: Uint8Array, level: number): number;
  /** Decompresses into `out`, whose length is the declared uncompressed size; more or fewer bytes is an error. LZ4 is the deprecated codec (Hadoop framing or a bare block). */
  decompressInto(codec: string, input: Uint8Array, out: Uint8Array): void;
  /** CRC-32 (IEEE) of `input` (Parquet page checksums). */
  crc32(input: Uint8Array): number;
  /** The worst-case compressed size of `n` bytes for a codec (SNAPPY, LZ4_RAW, LZ4, ZSTD, GZIP, BROTLI). */
  maxCompressedLength(codec: string, n: number): number;
  decodeByteStreamSplit(bytes: Uint8Array, width: number, out: Uint8Array): void;
  /** Decodes into `out` (exactly the header's count); returns the bytes consumed. */
  decodeDeltaBinaryPacked32(bytes: Uint8Array, out: Int32Array): number;
  decodeDeltaBinaryPacked64(bytes: Uint8Array, out: BigInt64Array): number;
  /** Rebuilds the values into `out` and `offsets` (count + 1); returns the input bytes consumed. */
  decodeDeltaByteArrayInto(bytes: Uint8Array, offsets: Int32Array, out: Uint8Array): number;
  /** The bytes `count` values take once rebuilt: the output to allocate before decodeDeltaByteArrayInto. */
  deltaByteArraySize(bytes: Uint8Array, count: number): number;
  /** Copies the gathered values into `out` (the total the offsets pass returned). */
  gatherDictionaryByteArrayBytes(dictionaryOffsets: Int32Array, dictionaryBytes: Uint8Array, indices: Int32Array, out: Uint8Array): void;
  /** Fills `outOffsets` (indices.length + 1) and returns the bytes the gathered values take. */
  gatherDictionaryByteArrayOffsets(dictionaryOffsets: Int32Array, dictionaryByteLength: number, indices: Int32Array, outOffsets: Int32Array): number;
  /** Fills `offsets` (count + 1) from the lengths; returns [start, end) of the value bytes. */
  decodeDeltaLengthByteArray(bytes: Uint8Array, offsets: Int32Array): Array<number>;
  /** Unpacks `out.length` booleans (0/1 bytes) from bit `bitOffset`; returns the bytes spanned. */
  decodePlainBooleans(bytes: Uint8Array, bitOffset: number, out: Uint8Array): number;
  /** Decodes `out.length` values into `out`; returns the bytes consumed. */
  decodeRleHybrid(bytes: Uint8Array, bitWidth: number, out: Int32Array): number;
  /** The value count a stream's header declares, checked against what the input can hold. */
  deltaBinaryPackedCount(bytes: Uint8Array): number;
  encodeBitPacked(values: Int32Array, bitWidth: number): Uint8Array;
  encodeByteStreamSplit(bytes: Uint8Array, width: number, out: Uint8Array): void;
  encodeDeltaBinaryPacked32(values: Int32Array): Uint8Array;
  encodeDeltaBinaryPacked64(values: BigInt64Array): Uint8Array;
  encodeDeltaByteArray(offsets: Int32Array, bytes: Uint8Array): Uint8Array;
  encodeDeltaLengthByteArray(offsets: Int32Array, bytes: Uint8Array): Uint8Array;
  encodePlainBooleans(values: Uint8Array): Uint8Array;
  encodePlainByteArrays(offsets: Int32Array, bytes: Uint8Array): Uint8Array;
  /** Encodes into `out` from `offset` (a buffer reused across pages); returns the bytes written. */
  encodePlainByteArraysInto(offsets: Int32Array, bytes: Uint8Array, out: Uint8Array, offset: number): number;
  encodeRleHybrid(values: Int32Array, bitWidth: number, lengthPrefixed: boolean): Uint8Array;
  /** Encodes into `out` from `offset` (a buffer reused across pages); returns the bytes written. */
  encodeRleHybridInto(values: Int32Array, bitWidth: number, out: Uint8Array, offset: number): number;
  /** Pins the scalar kernels (true) or returns to the detected level (false). */
  forceScalar(on: boolean): void;
  /** 4-byte values (any 4-byte type viewed as an Int32Array). */
  gatherDictionary32(dictionary: Int32Array, indices: Int32Array, out: Int32Array): void;
  /** 8-byte values (any 8-byte type viewed as a Float64Array: only bits are moved, never numbers). */
  gatherDictionary64(dictionary: Float64Array, indices: Int32Array, out: Float64Array): void;
  gatherDictionaryFixed(dictionary: Uint8Array, width: number, indices: Int32Array, out: Uint8Array): void;
  /** Copies the scanned values' bytes into `out` (offsets[count] bytes). */
  gatherPlainByteArrays(bytes: Uint8Array, offsets: Int32Array, out: Uint8Array): void;
  /**
   * Opens `path` read-only on the calling thread when the kernel's caches suffice (openat2
   * RESOLVE_CACHED, O_NONBLOCK for the open only; never waits for the disk): the descriptor of a
   * regular file, its size written to size[0]; -1 when it cannot now or the path is not a regular
   * file, -2 when this system cannot open this way.
   */
  openCached(path: string, size: Float64Array): number;
  /**
   * Reads into `out` from descriptor `fd` at `position` what the page cache holds, never waiting for
   * the disk (Linux preadv2 RWF_NOWAIT): the bytes read (0 at the end of the file, fewer than asked
   * when only a first part is cached), -1 when nothing can be read now, -2 when this system cannot,
   * -3 when this file's file system cannot.
   */
  readCached(fd: number, out: Uint8Array, position: number): number;
  /** Fills `offsets` (count + 1) from the length prefixes; returns the input bytes spanned. */
  scanPlainByteArrays(bytes: Uint8Array, offsets: Int32Array): number;
  /** The instruction set the kernels use now: `avx2` or `scalar`. */
  simdLevel(): string;
  /** XXH64 of `bytes` with `seed` (0 to 2^64 - 1). */
  xxhash64(bytes: Uint8Array, seed: bigint): bigint;
  /** One XXH64 per value of an (offsets, bytes) pair into `out` (offsets.length - 1). */
  xxhash64ByteArrays(offsets: Int32Array, bytes: Uint8Array, seed: bigint, out: BigUint64Array): void;
  /** One XXH64 per `width`-byte value of `bytes` into `out` (exactly bytes.length / width). */
  xxhash64FixedWidth(bytes: Uint8Array, width: number, seed: bigint, out: BigUint64Array): void;
  /** Min and max of int32, uint32 (the same bytes read unsigned), float or double values into `out`, NaN left out; false when no value counts. */
  valueRange(kind: string, values: Uint8Array, out: Float64Array): boolean;
  /** Min and max of 64-bit integers (signed or unsigned order) into `out`; false when there are none. */
  valueRange64(values: BigInt64Array, unsigned: boolean, out: BigInt64Array): boolean;
  /** How many levels equal `value`; CORRUPT naming the first level outside 0..max (`what` names the levels in the message). */
  levelsCountAt(levels: Int32Array, max: number, value: number, what: string): number;
  /** Positions of the levels that are 0 (rows that start, in repetition levels) into `out` while it has room; returns how many there are. */
  levelsZeroPositions(levels: Int32Array, out: Int32Array): number;
  /** A dictionary-encoded page of 4-byte values in one call: the bit-width byte, the indices, the gather into `out` (the page's value count). */
  decodeDictionaryPage32(bytes: Uint8Array, dictionary: Int32Array, out: Int32Array): void;
  /** As decodeDictionaryPage32 for 8-byte values viewed as a Float64Array. */
  decodeDictionaryPage64(bytes: Uint8Array, dictionary: Float64Array, out: Float64Array): void;
  /** Spreads `values` (`words` 32-bit words each, one per level at `max`) over one slot per level into `out` (zero below `max`) and fills `bitmap`; returns the values placed. */
  scatterByLevels(levels: Int32Array, max: number, values: Int32Array, words: number, out: Int32Array, bitmap: Uint8Array): number;
  /** The dictionary encoder's hash-table loop over 4-byte values, on its own buffers; `state` is [count, plainBytes, limit, stop]. Returns the first value not done. */
  dictionaryAdd32(values: Int32Array, from: number, slots: Int32Array, hashes: Int32Array, words: Int32Array, out: Int32Array, at: number, state: Float64Array): number;
  /** As dictionaryAdd32 for 8-byte values given as (low, high) word pairs. */
  dictionaryAdd64(pairs: Int32Array, from: number, slots: Int32Array, hashes: Int32Array, words: Int32Array, out: Int32Array, at: number, state: Float64Array): number;
  /** As dictionaryAdd32 for byte strings, kept back to back in `store` at `entryOffsets`. */
  dictionaryAddByteArrays(offsets: Int32Array, bytes: Uint8Array, from: number, slots: Int32Array, hashes: Int32Array, entryOffsets: Int32Array, store: Uint8Array, out: Int32Array, at: number, state: Float64Array): number;
  /** Indices of the least and the greatest byte string (unsigned lexicographic order; the first of equals) into `out`; false when there are none. */
  byteArrayRange(offsets: Int32Array, bytes: Uint8Array, out: Int32Array): boolean;
}

declare const binding: NativeBinding;
export = binding;
