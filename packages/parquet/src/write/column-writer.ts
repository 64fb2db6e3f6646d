// One column chunk of a row group, built as batches arrive: each part is cut into data pages
// (v1 or v2, at row boundaries, by a row and a byte limit) that are encoded and compressed at once,
// so a row group is held as encoded pages, not as its Arrow input. A part's short tail waits for
// the next one. Pages are dictionary-encoded while the dictionary fits and pays (dropped after the
// first page when it does not beat PLAIN, as parquet-mr does; later pages fall back to the value
// encoding when it outgrows its limit, as Arrow C++ does). At the end the dictionary page is laid
// out first, then the data pages, with page statistics for the page index and a bloom filter.
import { SplitBlockBloomFilter, encodeBloomFilter, hashValues } from '@parquetry/bloom';
import { compressionCodec } from '@parquetry/compression';
import { crc32, type CompressionCodecName } from '@parquetry/core';
import { DictionaryEncoder } from '@parquetry/dictionary';
import { encodePlainInto, plainEncodedSize } from '@parquetry/plain';
import { COMPRESSION_CODEC, encodeStruct, PageHeader, type ColumnIndex, type ColumnMetaData, type OffsetIndex, type PageLocation, type Statistics } from '@parquetry/thrift';
import { emptyValues } from '../read/concat-values.js';
import { OutputArena } from './output-arena.js';
import { levelsMaxSize, pageBuffer, writeLevels } from './page-buffer.js';
import { joinParts, partSpans, plainBytes, sliceValues, tailOf, takeRows, type LeafPart, type PageSpan } from './page-spans.js';
import { chunkStatistics, columnStatistics, statisticsOrder, type StatisticsOrder } from './statistics.js';
import { ENCODING_ID, encodeValues, type ValueEncoding } from './value-encoding.js';
import type { WriteLeaf } from './write-schema.js';

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

interface EncodedPage {
  header: Uint8Array;
  body: Uint8Array;
  uncompressedSize: number;
  firstRow: number;
  stats: Statistics | undefined;
  valueCount: number;
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

export class ColumnChunkWriter {
  private readonly codec;
  private readonly level: { level: number } | undefined;
  private readonly order: StatisticsOrder;
  private readonly pages: EncodedPage[] = [];
  private readonly encodings = new Set<number>();
  private pending: LeafPart[] = [];
  private pendingRows = 0;
  private rows = 0;
  private levelCount = 0;
  private valueCount = 0;
  /** 'untried' until a page has values; 'active' while pages take the dictionary; then 'closed'. */
  private dictionaryState: 'untried' | 'active' | 'closed';
  private encoder: DictionaryEncoder | undefined;
  private dictionaryPages = 0;
  /** Hashes of the chunk's values for its bloom filter, sized at the end (by `ndv`, else the value count). */
  private readonly bloomHashes: BigUint64Array[] | undefined;
  private bloomValues = 0;

  /**
   * `reuse` holds the column's dictionary encoder from one chunk to the next (reset, its buffers
   * kept), so each row group does not grow a new hash table.
   */
  constructor(
    readonly leaf: WriteLeaf,
    private readonly options: ChunkOptions,
    private readonly arena: OutputArena,
    private readonly reuse: { encoder?: DictionaryEncoder } = {},
  ) {
    this.codec = compressionCodec(options.compression);
    this.level = options.level === undefined ? undefined : { level: options.level };
    this.order = statisticsOrder(leaf.type);
    this.dictionaryState = options.dictionary && leaf.type.physical !== 'BOOLEAN' ? 'untried' : 'closed';
    if (options.bloom && leaf.type.physical !== 'BOOLEAN') this.bloomHashes = [];
  }

  /** Takes a part; encodes every page it completes. */
  add(part: LeafPart): void {
    if (part.levelCount === 0) return;
    if (this.bloomHashes && part.valueCount > 0) {
      this.bloomHashes.push(hashValues(this.leaf.type.physical, part.values as never, this.leaf.type.typeLength));
      this.bloomValues += part.valueCount;
    }
    this.levelCount += part.levelCount;
    this.valueCount += part.valueCount;
    this.pending.push(part);
    this.pendingRows += part.rows;
    if (this.pendingRows >= this.options.pageRows) this.encodePending(false);
  }

  /** The chunk laid out from `fileOffset`: dictionary page, data pages; and its metadata. */
  finish(fileOffset: number): WrittenChunk {
    this.encodePending(true);
    if (this.pages.length === 0) this.encodeEmptyPage();
    const { leaf, options } = this;
    const parts: Uint8Array[] = [];
    let offset = fileOffset;
    let uncompressedTotal = 0;
    let dictionaryPageOffset: number | undefined;
    if (this.encoder && this.dictionaryPages > 0) {
      const dictionary = this.encoder.dictionaryPage();
      const body = this.compress(dictionary);
      const header = encodeStruct(PageHeader, { type: 2, uncompressed_page_size: dictionary.length, compressed_page_size: body.length, crc: crc32(body) | 0, dictionary_page_header: { num_values: this.encoder.size, encoding: ENCODING_ID.PLAIN } });
      dictionaryPageOffset = offset;
      parts.push(header, body);
      offset += header.length + body.length;
      uncompressedTotal += header.length + dictionary.length;
      this.encodings.add(ENCODING_ID.PLAIN);
    }
    const dataPageOffset = offset;
    const locations: PageLocation[] = [];
    for (const page of this.pages) {
      locations.push({ offset, compressed_page_size: page.header.length + page.body.length, first_row_index: page.firstRow });
      parts.push(page.header, page.body);
      offset += page.header.length + page.body.length;
      uncompressedTotal += page.header.length + page.uncompressedSize;
    }
    if (leaf.maxDef > 0 || leaf.maxRep > 0) this.encodings.add(ENCODING_ID.RLE);
    const pageStats = this.pages.map((p) => p.stats!);
    const statistics = options.statistics ? chunkStatistics(this.order, pageStats) : undefined;
    // A dictionary over the whole chunk counts its distinct values, where equal bits mean equal values.
    const physical = leaf.type.physical;
    if (statistics && this.encoder && this.dictionaryPages === this.pages.length && physical !== 'FLOAT' && physical !== 'DOUBLE' && leaf.type.conversion !== 'float16') statistics.distinct_count = this.encoder.size;
    const meta: ColumnMetaData = {
      type: leaf.element.type!,
      encodings: [...this.encodings].sort((a, b) => a - b),
      path_in_schema: leaf.path,
      codec: COMPRESSION_CODEC.indexOf(options.compression as never),
      num_values: this.levelCount,
      total_uncompressed_size: uncompressedTotal,
      total_compressed_size: offset - fileOffset,
      data_page_offset: dataPageOffset,
      dictionary_page_offset: dictionaryPageOffset,
      statistics,
    };
    return {
      parts,
      meta,
      columnIndex: options.statistics ? columnIndexOf(pageStats, this.pages.map((p) => p.valueCount)) : undefined,
      offsetIndex: { page_locations: locations },
      bloomFilter: this.bloomHashes ? this.bloomFilter(this.bloomHashes) : undefined,
    };
  }

  private bloomFilter(hashes: BigUint64Array[]): Uint8Array {
    const bloom = this.options.bloom!;
    const filter = SplitBlockBloomFilter.forNdv(Math.max(1, bloom.ndv ?? this.bloomValues), bloom.fpp ?? 0.01);
    for (const h of hashes) filter.insertHashes(h);
    return encodeBloomFilter(filter);
  }

  /** Bytes of encoded pages held. */
  get encodedBytes(): number {
    return this.pages.reduce((n, p) => n + p.header.length + p.body.length, 0);
  }

  /** `prefix` (uncompressed), then `body` compressed, straight into the arena. */
  private compress(body: Uint8Array, prefix: readonly Uint8Array[] = []): Uint8Array {
    let at = 0;
    const out = this.arena.reserve(prefix.reduce((n, p) => n + p.length, 0) + this.codec.maxCompressedLength(body.length));
    for (const p of prefix) {
      out.set(p, at);
      at += p.length;
    }
    return this.arena.commit(at + this.codec.compressInto(body, out.subarray(at), this.level));
  }

  /** Encodes the pending parts' complete pages (every page when `final`); a short tail waits. */
  private encodePending(final: boolean): void {
    const { leaf, options } = this;
    let rest = this.pending;
    this.pending = [];
    this.pendingRows = 0;
    const spans: PageSpan[] = [];
    // A page that runs from one part into the next is cut from a join of at most a page's rows;
    // the rest of the parts stay views. Cutting is greedy from a page's first row, so the pages
    // are those of one joined part, whatever the batches were.
    while (rest.length > 1) {
      const head = joinParts(leaf, takeRows(leaf, rest, options.pageRows, 'head'));
      spans.length = 0;
      partSpans(leaf, head, this.rows, options.pageRows, options.pageBytes, spans);
      if (!spans[0].complete) {
        rest = [head]; // fewer rows than a page in all: the head holds every one
        break;
      }
      this.encodePage(spans[0]);
      rest = takeRows(leaf, rest, spans[0].rows, 'rest');
    }
    if (rest.length === 0) return;
    const part = rest[0];
    spans.length = 0;
    partSpans(leaf, part, this.rows, options.pageRows, options.pageBytes, spans);
    const last = spans[spans.length - 1];
    const keep = !final && last && !last.complete;
    for (const span of keep ? spans.slice(0, -1) : spans) this.encodePage(span);
    this.pending = keep ? [tailOf(leaf, part, last)] : [];
    this.pendingRows = keep ? last.rows : 0;
  }

  private encodeEmptyPage(): void {
    const part: LeafPart = { def: undefined, rep: undefined, values: emptyValues(this.leaf.type.physical), levelCount: 0, valueCount: 0, rows: 0 };
    this.encodePage({ part, levelStart: 0, levelEnd: 0, valueStart: 0, valueEnd: 0, firstRow: this.rows, rows: 0, complete: true });
  }

  private encodePage(span: PageSpan): void {
    const { leaf, options } = this;
    const { part } = span;
    const physical = leaf.type.physical;
    const levelEntries = span.levelEnd - span.levelStart;
    const valueCount = span.valueEnd - span.valueStart;
    const def = leaf.maxDef === 0 ? undefined : (part.def?.subarray(span.levelStart, span.levelEnd) ?? constantLevels(levelEntries, leaf.maxDef));
    const rep = part.rep?.subarray(span.levelStart, span.levelEnd);
    const nulls = levelEntries - valueCount;
    const values = sliceValues(leaf, part.values, span.valueStart, span.valueEnd);
    let encoding = ENCODING_ID[options.encoding];
    if (this.dictionaryState === 'untried' && valueCount > 0) {
      this.encoder = this.reuse.encoder ??= new DictionaryEncoder(physical, { typeLength: leaf.type.typeLength, maxDictionaryBytes: options.maxDictionaryBytes });
      this.encoder.reset();
      this.dictionaryState = 'active';
    }
    let indexed = false;
    if (this.dictionaryState === 'active' && valueCount > 0) {
      const encoder = this.encoder!;
      if (!encoder.add(values as never) || (this.dictionaryPages === 0 && !dictionaryPays(leaf, encoder, span))) {
        this.dictionaryState = 'closed';
        encoder.clearIndices();
      } else {
        indexed = true;
        encoding = ENCODING_ID.RLE_DICTIONARY;
        this.dictionaryPages++;
      }
    }
    // PLAIN values and dictionary indices are written straight into the page buffer; the other
    // encodings hand back bytes that are copied in.
    const plain = !indexed && options.encoding === 'PLAIN';
    const encoded = indexed || plain ? undefined : encodeValues(physical, values, leaf.type.typeLength, options.encoding);
    const valuesMax = indexed ? this.encoder!.maxIndicesBytes() : plain ? plainEncodedSize(physical, values as never, leaf.type.typeLength) : encoded!.length;
    this.encodings.add(encoding);
    const stats = options.statistics ? columnStatistics(this.order, values, nulls, leaf.type.typeLength) : undefined;
    const prefixed = options.pageVersion === 1; // v1 prefixes each level run with its byte length
    const defWidth = bitWidth(leaf.maxDef);
    const repWidth = bitWidth(leaf.maxRep);
    const out = pageBuffer(levelsMaxSize(rep, repWidth, prefixed) + levelsMaxSize(def, defWidth, prefixed) + valuesMax);
    // Repetition levels first.
    const repBytes = writeLevels(rep, repWidth, prefixed, out, 0);
    const defBytes = writeLevels(def, defWidth, prefixed, out, repBytes);
    const levelBytes = repBytes + defBytes;
    let valueBytes: number;
    if (indexed) {
      valueBytes = this.encoder!.encodeIndicesInto(out, levelBytes);
      this.encoder!.clearIndices();
    } else if (plain) valueBytes = encodePlainInto(physical, values as never, out, levelBytes, leaf.type.typeLength);
    else {
      out.set(encoded!, levelBytes);
      valueBytes = encoded!.length;
    }
    const uncompressedSize = levelBytes + valueBytes;
    let header: PageHeader;
    let body: Uint8Array;
    if (options.pageVersion === 2) {
      // v2 levels stay uncompressed, ahead of the compressed values.
      body = this.compress(out.subarray(levelBytes, uncompressedSize), [out.subarray(0, levelBytes)]);
      header = {
        type: 3,
        uncompressed_page_size: uncompressedSize,
        compressed_page_size: body.length,
        crc: crc32(body) | 0,
        data_page_header_v2: {
          num_values: levelEntries,
          num_nulls: nulls,
          num_rows: span.rows,
          encoding,
          definition_levels_byte_length: defBytes,
          repetition_levels_byte_length: repBytes,
          is_compressed: true,
        },
      };
    } else {
      body = this.compress(out.subarray(0, uncompressedSize));
      header = {
        type: 0,
        uncompressed_page_size: uncompressedSize,
        compressed_page_size: body.length,
        crc: crc32(body) | 0,
        data_page_header: { num_values: levelEntries, encoding, definition_level_encoding: ENCODING_ID.RLE, repetition_level_encoding: ENCODING_ID.RLE },
      };
    }
    this.pages.push({ header: encodeStruct(PageHeader, header), body, uncompressedSize, firstRow: span.firstRow, stats, valueCount });
    this.rows += span.rows;
  }
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
