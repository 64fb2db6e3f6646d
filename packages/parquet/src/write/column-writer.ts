// One column chunk of a row group: a dictionary page while the dictionary fits (falling back to
// the column's value encoding for the pages after it, as Arrow C++ and parquet-mr do), then data
// pages (v1 or v2) cut at row boundaries by a row and a byte limit, each compressed with the
// column's codec; with per-page statistics for the page index and, when asked, a bloom filter.
import { SplitBlockBloomFilter, encodeBloomFilter, hashValues } from '@parquetry/bloom';
import { compressionCodec } from '@parquetry/compression';
import { crc32, type CompressionCodecName } from '@parquetry/core';
import { DictionaryEncoder } from '@parquetry/dictionary';
import type { PlainValues } from '@parquetry/plain';
import { encodeRleHybrid, encodeRleHybridLengthPrefixed } from '@parquetry/rle';
import { COMPRESSION_CODEC, encodeStruct, PageHeader, type ColumnIndex, type ColumnMetaData, type OffsetIndex, type PageLocation, type Statistics } from '@parquetry/thrift';
import { concatBytes } from '../util/concat.js';
import { chunkStatistics, columnStatistics, statisticsOrder } from './statistics.js';
import { ENCODING_ID, encodeValues, type ValueEncoding } from './value-encoding.js';
import { pageSpans, plainBytes, sliceValues, type LeafPart, type PageSpan } from './page-spans.js';
import { OutputArena } from './output-arena.js';
import type { WriteLeaf } from './write-schema.js';

/** A leaf's levels and present values for one row group, in parts (see page-spans.ts). */
export interface LeafChunk {
  leaf: WriteLeaf;
  parts: LeafPart[];
  levelCount: number;
  valueCount: number;
  rows: number;
}

export interface BloomOptions {
  /** Expected distinct values per column chunk (default: the chunk's value count). */
  ndv?: number;
  /** False-positive rate (default 0.01). */
  fpp?: number;
}

export interface ChunkOptions {
  compression: CompressionCodecName;
  level?: number;
  pageRows: number;
  pageBytes: number;
  /** Try a dictionary first (not for booleans). */
  dictionary: boolean;
  maxDictionaryBytes: number;
  /** The value encoding of pages not dictionary-encoded (default PLAIN). */
  encoding: ValueEncoding;
  pageVersion: 1 | 2;
  statistics: boolean;
  bloom: BloomOptions | undefined;
}

export interface WrittenChunk {
  parts: Uint8Array[];
  meta: ColumnMetaData;
  /** The chunk's page index (PageIndex.md), written by the file writer after the row groups. */
  columnIndex: ColumnIndex | undefined;
  offsetIndex: OffsetIndex;
  /** The serialized bloom filter (header and bitset), when asked for. */
  bloomFilter: Uint8Array | undefined;
}

/** Whether the dictionary page plus the indices of `span`'s values take fewer bytes than PLAIN. */
function dictionaryPays(leaf: WriteLeaf, encoder: DictionaryEncoder, span: PageSpan): boolean {
  const count = span.valueEnd - span.valueStart;
  const plain = plainBytes(leaf, span.part.values, span.valueStart, span.valueEnd);
  const indexBits = Math.max(1, bitWidth(encoder.size - 1));
  return encoder.dictionaryBytes + Math.ceil((count * indexBits) / 8) < plain;
}

/**
 * Levels all equal to `value` (a column without nulls): a reused buffer, since the RLE encoder
 * turns them into one run whatever they are backed by.
 */
let constant = new Int32Array(0);
function constantLevels(count: number, value: number): Int32Array {
  if (constant.length < count || constant[0] !== value) constant = new Int32Array(Math.max(count, constant.length)).fill(value);
  return constant.subarray(0, count);
}

function bitWidth(max: number): number {
  return max === 0 ? 0 : 32 - Math.clz32(max);
}

export function writeColumnChunk(chunk: LeafChunk, fileOffset: number, options: ChunkOptions, arena = new OutputArena()): WrittenChunk {
  const { leaf } = chunk;
  const physical = leaf.type.physical;
  const codec = compressionCodec(options.compression);
  const level = options.level === undefined ? undefined : { level: options.level };
  /** `prefix` (uncompressed), then `body` compressed, straight into the arena. */
  const compress = (body: Uint8Array, prefix: readonly Uint8Array[] = []) => {
    let at = 0;
    const out = arena.reserve(prefix.reduce((n, p) => n + p.length, 0) + codec.maxCompressedLength(body.length));
    for (const p of prefix) {
      out.set(p, at);
      at += p.length;
    }
    return arena.commit(at + codec.compressInto(body, out.subarray(at), level));
  };
  const parts: Uint8Array[] = [];
  let offset = fileOffset;
  let uncompressedTotal = 0;
  const encodings = new Set<number>();
  const order = statisticsOrder(leaf.type);
  const locations: PageLocation[] = [];
  const pageStats: Statistics[] = [];
  const pageValues: number[] = [];
  const emit = (header: PageHeader, body: Uint8Array, uncompressedSize: number, firstRow?: number) => {
    const bytes = encodeStruct(PageHeader, header);
    if (firstRow !== undefined) locations.push({ offset, compressed_page_size: bytes.length + body.length, first_row_index: firstRow });
    parts.push(bytes, body);
    offset += bytes.length + body.length;
    uncompressedTotal += bytes.length + uncompressedSize;
  };

  const spans = pageSpans(leaf, chunk.parts, options.pageRows, options.pageBytes);
  // The dictionary takes pages while it fits; `dictionaryPages` of them are dictionary-encoded.
  let encoder: DictionaryEncoder | undefined;
  let dictionaryPages = 0;
  let indices: Int32Array | undefined;
  if (options.dictionary && physical !== 'BOOLEAN' && chunk.valueCount > 0) {
    encoder = new DictionaryEncoder(physical, { typeLength: leaf.type.typeLength, maxDictionaryBytes: options.maxDictionaryBytes });
    for (const span of spans) {
      if (!encoder.add(sliceValues(leaf, span.part.values, span.valueStart, span.valueEnd) as never)) break;
      dictionaryPages++;
      // After the first page, as parquet-mr does: a dictionary that does not beat PLAIN (distinct
      // values such as ids, timestamps, random floats) is dropped for the whole chunk.
      if (dictionaryPages === 1 && !dictionaryPays(leaf, encoder, span)) {
        dictionaryPages = 0;
        break;
      }
    }
    if (dictionaryPages === 0) encoder = undefined;
    else indices = encoder.indices();
  }
  let dictionaryPageOffset: number | undefined;
  if (encoder) {
    const dictionary = encoder.dictionaryPage();
    const compressed = compress(dictionary);
    dictionaryPageOffset = offset;
    emit({ type: 2, uncompressed_page_size: dictionary.length, compressed_page_size: compressed.length, crc: crc32(compressed) | 0, dictionary_page_header: { num_values: encoder.size, encoding: ENCODING_ID.PLAIN } }, compressed, dictionary.length);
    encodings.add(ENCODING_ID.PLAIN);
  }

  const dataPageOffset = offset;
  const defWidth = bitWidth(leaf.maxDef);
  const repWidth = bitWidth(leaf.maxRep);
  let indexAt = 0;
  spans.forEach((span, p) => {
    const { part } = span;
    const levelEntries = span.levelEnd - span.levelStart;
    const def = leaf.maxDef === 0 ? undefined : (part.def?.subarray(span.levelStart, span.levelEnd) ?? constantLevels(levelEntries, leaf.maxDef));
    const rep = part.rep?.subarray(span.levelStart, span.levelEnd);
    const nulls = levelEntries - (span.valueEnd - span.valueStart);
    const values = sliceValues(leaf, part.values, span.valueStart, span.valueEnd);
    let encoded: Uint8Array;
    let encoding: number;
    if (encoder && p < dictionaryPages) {
      // The encoder numbered the values of every page it took, in order.
      encoded = encoder.encodeIndices(indices!.subarray(indexAt, indexAt + span.valueEnd - span.valueStart));
      indexAt += span.valueEnd - span.valueStart;
      encoding = ENCODING_ID.RLE_DICTIONARY;
    } else {
      encoded = encodeValues(physical, values, leaf.type.typeLength, options.encoding);
      encoding = ENCODING_ID[options.encoding];
    }
    encodings.add(encoding);
    if (options.statistics) {
      pageStats.push(columnStatistics(order, values, nulls, leaf.type.typeLength));
      pageValues.push(span.valueEnd - span.valueStart);
    }
    if (options.pageVersion === 2) {
      const repBytes = rep ? encodeRleHybrid(rep, repWidth) : new Uint8Array(0);
      const defBytes = def ? encodeRleHybrid(def, defWidth) : new Uint8Array(0);
      const body = compress(encoded, [repBytes, defBytes]);
      emit(
        {
          type: 3,
          uncompressed_page_size: repBytes.length + defBytes.length + encoded.length,
          compressed_page_size: body.length,
          crc: crc32(body) | 0,
          data_page_header_v2: {
            num_values: levelEntries,
            num_nulls: nulls,
            num_rows: span.rows,
            encoding,
            definition_levels_byte_length: defBytes.length,
            repetition_levels_byte_length: repBytes.length,
            is_compressed: true,
          },
        },
        body,
        repBytes.length + defBytes.length + encoded.length,
        span.firstRow,
      );
    } else {
      // v1 prefixes each level run with its byte length; repetition levels first.
      const repBytes = rep ? encodeRleHybridLengthPrefixed(rep, repWidth) : new Uint8Array(0);
      const defBytes = def ? encodeRleHybridLengthPrefixed(def, defWidth) : new Uint8Array(0);
      const body = repBytes.length + defBytes.length === 0 ? encoded : concatBytes([repBytes, defBytes, encoded]);
      const compressed = compress(body);
      emit(
        {
          type: 0,
          uncompressed_page_size: body.length,
          compressed_page_size: compressed.length,
          crc: crc32(compressed) | 0,
          data_page_header: { num_values: levelEntries, encoding, definition_level_encoding: ENCODING_ID.RLE, repetition_level_encoding: ENCODING_ID.RLE },
        },
        compressed,
        body.length,
        span.firstRow,
      );
    }
  });
  if (leaf.maxDef > 0 || leaf.maxRep > 0) encodings.add(ENCODING_ID.RLE);

  let bloomFilter: Uint8Array | undefined;
  if (options.bloom && physical !== 'BOOLEAN') {
    const filter = SplitBlockBloomFilter.forNdv(Math.max(1, options.bloom.ndv ?? chunk.valueCount), options.bloom.fpp ?? 0.01);
    for (const part of chunk.parts) filter.insertHashes(hashValues(physical, part.values as never, leaf.type.typeLength));
    bloomFilter = encodeBloomFilter(filter);
  }
  const statistics = options.statistics ? chunkStatistics(order, pageStats) : undefined;
  // A dictionary over the whole chunk counts its distinct values, where equal bits mean equal values.
  if (statistics && encoder && dictionaryPages === spans.length && physical !== 'FLOAT' && physical !== 'DOUBLE' && leaf.type.conversion !== 'float16') statistics.distinct_count = encoder.size;
  const meta: ColumnMetaData = {
    type: leaf.element.type!,
    encodings: [...encodings].sort((a, b) => a - b),
    path_in_schema: leaf.path,
    codec: COMPRESSION_CODEC.indexOf(options.compression as never),
    num_values: chunk.levelCount,
    total_uncompressed_size: uncompressedTotal,
    total_compressed_size: offset - fileOffset,
    data_page_offset: dataPageOffset,
    dictionary_page_offset: dictionaryPageOffset,
    statistics,
  };
  return { parts, meta, columnIndex: options.statistics ? columnIndexOf(pageStats, pageValues) : undefined, offsetIndex: { page_locations: locations }, bloomFilter };
}

/**
 * A ColumnIndex from per-page statistics; none when a page has values but no min/max (byte arrays
 * over the statistics limit, INT96, or only NaN), since every entry must then be valid.
 */
function columnIndexOf(pages: Statistics[], valueCounts: number[]): ColumnIndex | undefined {
  const nullPages = pages.map((p, i) => valueCounts[i] === 0 && (p.null_count ?? 0) > 0);
  if (pages.some((p, i) => !nullPages[i] && (p.min_value === undefined || p.max_value === undefined))) return undefined;
  return {
    null_pages: nullPages,
    min_values: pages.map((p) => p.min_value ?? new Uint8Array(0)),
    max_values: pages.map((p) => p.max_value ?? new Uint8Array(0)),
    boundary_order: 0,
    null_counts: pages.map((p) => p.null_count ?? 0),
  };
}
