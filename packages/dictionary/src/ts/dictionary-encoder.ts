import { ParquetryError, type ByteArrays, type PhysicalType } from '@parquetry/core';
import type { PlainValues, PlainValuesOf } from '@parquetry/plain/ts';
import { MAX_COUNT, valueWidth } from './check.js';
import { DistinctValues, type DistinctKernels } from './distinct-values.js';
import { dictionaryIndicesMaxSize, encodeIndicesWith, type RleEncodeInto } from './indices-encode.js';
import { dictionaryValues, plainDictionaryPage } from './dictionary-values.js';

// Encoder choices the native encoder must copy to write identical bytes:
// - The dictionary holds each distinct BIT PATTERN once, in first-seen order (NaN payloads, -0 and
//   +0 are distinct; Arrow C++ would merge NaNs and the zeros). The hash function does not matter.
// - Size limit: add(batch) is refused (returns false, state as before the batch) exactly when the
//   PLAIN size of the dictionary after the batch would exceed maxDictionaryBytes (default 1 MiB,
//   Arrow C++'s dictionary_pagesize_limit); PLAIN size = width per value, 4 + length per byte array.
//   Arrow C++ keeps the batch that crosses its limit and falls back afterwards; refusing the whole
//   batch instead keeps every dictionary page within the limit.
// - Indices: see indices-encode.ts (bit-width byte by Arrow's rule, then @parquetry/rle's runs).

/** Arrow C++'s default dictionary page size limit (WriterProperties::dictionary_pagesize_limit). */
export const DEFAULT_MAX_DICTIONARY_BYTES = 1024 * 1024;

export interface DictionaryEncoderOptions {
  /** FIXED_LEN_BYTE_ARRAY: bytes per value (the schema's type_length). */
  typeLength?: number;
  /** Largest PLAIN size of the dictionary; a batch that would pass it is refused. */
  maxDictionaryBytes?: number;
  /** Native hash-table loops (the Node entry passes the addon's when the native backend is in force). */
  kernels?: DistinctKernels | null;
  /** The RLE/bit-packing hybrid encoder for the indices (default the TypeScript one; the Node entry passes the addon's). */
  rleEncodeInto?: RleEncodeInto;
}

/**
 * Builds a column chunk's dictionary and the indices of its values (Encodings.md, "Dictionary
 * Encoding"). A writer adds batches while `add` returns true, writes `dictionaryPage()` first and
 * `encodeIndices()` for each data page (then `clearIndices()`); when `add` returns false it writes
 * that batch and the rest of the chunk PLAIN, as Arrow C++ and parquet-mr fall back.
 */
export class DictionaryEncoder<T extends PhysicalType = PhysicalType> {
  readonly type: T;
  /** Bytes per value; 0 for BYTE_ARRAY. */
  readonly width: number;
  readonly maxDictionaryBytes: number;
  private readonly distinct: DistinctValues;
  /** INT32, FLOAT, INT64, DOUBLE: values hashed and kept as 32-bit words. */
  private readonly asWords: boolean;
  private indexBuffer: Int32Array = new Int32Array(1024);
  private indexCount = 0;
  private refused = false;
  private scratch: Uint8Array | null = null;
  private readonly rle: RleEncodeInto | undefined;

  constructor(type: T, options: DictionaryEncoderOptions = {}) {
    if (type === 'BOOLEAN') {
      // Read, never written: a dictionary of at most two values saves nothing over bit-packed
      // booleans, and Arrow C++ and parquet-mr never write one either.
      throw new ParquetryError('UNSUPPORTED', 'the dictionary encoder does not write BOOLEAN dictionaries (write PLAIN or RLE booleans)');
    }
    this.type = type;
    this.width = valueWidth(type, options.typeLength);
    const max = options.maxDictionaryBytes ?? DEFAULT_MAX_DICTIONARY_BYTES;
    if (!(max >= 0) || (!Number.isInteger(max) && max !== Infinity)) {
      throw new ParquetryError('INVALID_ARGUMENT', `maxDictionaryBytes ${max} is not a non-negative integer`);
    }
    this.maxDictionaryBytes = max;
    this.asWords = type === 'INT32' || type === 'FLOAT' || type === 'INT64' || type === 'DOUBLE';
    this.distinct = new DistinctValues(this.width, this.asWords, options.kernels ?? null);
    this.rle = options.rleEncodeInto;
  }

  /**
   * Adds a batch of values; false (and nothing changed) when the dictionary would pass
   * `maxDictionaryBytes`. Values in the wrong representation are INVALID_ARGUMENT, also with
   * nothing changed.
   */
  add(values: PlainValuesOf<T>): boolean {
    const n = this.checkBatch(values);
    if (this.indexCount + n > MAX_COUNT) {
      throw new ParquetryError('LIMIT', `more than ${MAX_COUNT} values buffered: encode and clear the indices per page`);
    }
    if (this.indexCount + n > this.indexBuffer.length) {
      const bigger = new Int32Array(Math.min(MAX_COUNT, Math.max(this.indexCount + n, this.indexBuffer.length * 2)));
      bigger.set(this.indexBuffer.subarray(0, this.indexCount));
      this.indexBuffer = bigger;
    }
    const distinct = this.distinct;
    const mark = distinct.count;
    const out = this.indexBuffer;
    const at = this.indexCount;
    const limit = this.maxDictionaryBytes;
    let fits: boolean;
    try {
      if (this.asWords && this.width === 4) {
        const v = values as Int32Array | Float32Array;
        fits = distinct.add32(v instanceof Int32Array ? v : new Int32Array(v.buffer, v.byteOffset, v.length), out, at, limit);
      } else if (this.asWords) {
        const v = values as BigInt64Array | Float64Array;
        fits = distinct.add64(new Int32Array(v.buffer, v.byteOffset, v.length * 2), out, at, limit);
      } else if (this.width === 0) {
        fits = distinct.addByteArrays(values as ByteArrays, out, at, limit);
      } else {
        fits = distinct.addFixed(values as Uint8Array, out, at, limit);
      }
    } catch (error) {
      distinct.truncate(mark);
      throw error;
    }
    if (!fits) {
      distinct.truncate(mark);
      this.refused = true;
      return false;
    }
    this.indexCount = at + n;
    return true;
  }

  /** Distinct values in the dictionary. */
  get size(): number {
    return this.distinct.count;
  }

  /** The PLAIN size of the dictionary: what `dictionaryPage()` returns. */
  get dictionaryBytes(): number {
    return this.distinct.plainBytes;
  }

  /** Whether an `add` was refused for the size limit since construction or `reset()`. */
  get overflowed(): boolean {
    return this.refused;
  }

  /** A copy of the indices of every value added since the last `clearIndices()` / `reset()`. */
  indices(): Int32Array {
    return this.indexBuffer.slice(0, this.indexCount);
  }

  /** A copy of the distinct values in first-seen order, as `decodeDictionaryPage` returns them. */
  dictionary(): PlainValuesOf<T> {
    return dictionaryValues(this.type, this.distinct) as PlainValuesOf<T>;
  }

  /** The dictionary page's data: the distinct values PLAIN-encoded in first-seen order. */
  dictionaryPage(): Uint8Array {
    return plainDictionaryPage(this.distinct);
  }

  /**
   * A data page's RLE_DICTIONARY data for `indices` (default: the buffered ones): the bit-width
   * byte for the current dictionary size, then the RLE/bit-packing hybrid.
   */
  encodeIndices(indices?: Int32Array): Uint8Array {
    // The buffered indices are the encoder's own: known to be in range.
    const view = encodeIndicesWith(indices ?? this.indexBuffer.subarray(0, this.indexCount), this.distinct.count, this.scratch, this.rle, indices === undefined);
    if (this.scratch === null || view.buffer !== this.scratch.buffer) this.scratch = new Uint8Array(view.buffer);
    return view.slice();
  }

  /** The most bytes `encodeIndicesInto` can write for the buffered indices. */
  maxIndicesBytes(): number {
    return dictionaryIndicesMaxSize(this.indexCount, this.distinct.count);
  }

  /** `encodeIndices()`'s bytes for the buffered indices, written into `out` from `offset`; returns how many. */
  encodeIndicesInto(out: Uint8Array, offset: number): number {
    const max = this.maxIndicesBytes();
    if (!(offset >= 0 && offset <= out.length) || out.length - offset < max) {
      throw new ParquetryError('INVALID_ARGUMENT', `the output holds ${out.length - offset} bytes from offset ${offset}; the indices may take ${max}`);
    }
    return encodeIndicesWith(this.indexBuffer.subarray(0, this.indexCount), this.distinct.count, out.subarray(offset), this.rle, true).length;
  }

  /** Forgets the buffered indices (after a data page is written); the dictionary stays. */
  clearIndices(): void {
    this.indexCount = 0;
  }

  /** Starts a new column chunk: no values, no indices, not overflowed; buffers are kept. */
  reset(): void {
    this.distinct.clear();
    this.indexCount = 0;
    this.refused = false;
  }

  /** The batch's value count; INVALID_ARGUMENT unless `values` is this type's representation. */
  private checkBatch(values: PlainValues): number {
    const type = this.type;
    const width = this.width;
    if (type === 'INT32' && values instanceof Int32Array) return values.length;
    if (type === 'FLOAT' && values instanceof Float32Array) return values.length;
    if (type === 'INT64' && values instanceof BigInt64Array) return values.length;
    if (type === 'DOUBLE' && values instanceof Float64Array) return values.length;
    if ((type === 'INT96' || type === 'FIXED_LEN_BYTE_ARRAY') && values instanceof Uint8Array) {
      if (values.length % width !== 0) {
        throw new ParquetryError('INVALID_ARGUMENT', `${values.length} bytes are not whole ${width}-byte ${type} values`);
      }
      return values.length / width;
    }
    if (type === 'BYTE_ARRAY' && typeof values === 'object' && values !== null && 'offsets' in values) {
      return checkByteArrays(values);
    }
    throw new ParquetryError('INVALID_ARGUMENT', `values are not in the ${type} representation`);
  }
}

/** The count of well-formed byte arrays: offsets non-decreasing, within the bytes. */
function checkByteArrays(values: ByteArrays): number {
  const { offsets, bytes } = values;
  if (!(offsets instanceof Int32Array) || !(bytes instanceof Uint8Array) || offsets.length === 0) {
    throw new ParquetryError('INVALID_ARGUMENT', 'byte arrays need offsets (Int32Array of count + 1) and bytes (Uint8Array)');
  }
  let previous = offsets[0];
  if (previous < 0) throw new ParquetryError('INVALID_ARGUMENT', `byte array offset ${previous} is negative`);
  for (let i = 1; i < offsets.length; i++) {
    const o = offsets[i];
    if (o < previous) throw new ParquetryError('INVALID_ARGUMENT', `byte array offsets decrease at ${i}`);
    previous = o;
  }
  if (previous > bytes.length) {
    throw new ParquetryError('INVALID_ARGUMENT', `byte array offsets end at ${previous}, past ${bytes.length} bytes`);
  }
  return offsets.length - 1;
}
