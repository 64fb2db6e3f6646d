// The pages of one column chunk, decoded one at a time: page headers (Thrift), CRC, decompression,
// levels and values. The dictionary page is kept for the data pages after it; index pages are
// skipped. At most one data page's decoded contents are alive at a time.
import { compressionCodec } from '@parquetry/compression';
import { crc32, DEFAULT_MAX_UNCOMPRESSED_SIZE, ParquetryError, rebaseErrorOffset, type CompressionCodec } from '@parquetry/core';
import { decodeDictionaryPage } from '@parquetry/dictionary';
import type { PlainValues } from '@parquetry/plain';
import { decodeStruct, ENCODING, PAGE_TYPE, PageHeader, type ColumnMetaData } from '@parquetry/thrift';
import { pathString, type LeafNode } from '../schema/parquet-schema.js';
import { countAtMax, countRowStarts, readLevelsV1, readLevelsV2 } from './levels.js';
import { decodePageValues, type PageValueContext, type PageValues } from './page-values.js';
import { detachFromScratch, pageScratch, transientScratch } from './page-scratch.js';

export interface ReadOptions {
  /** Cap on any page's declared uncompressed size (default 1 GiB). */
  maxPageSize?: number;
  /** Check PageHeader.crc where present (default true). */
  verifyCrc?: boolean;
}

/** One data page: levels for each of its slots, values for the slots at the maximum definition level. */
export interface DecodedPage {
  slots: number;
  /** Undefined where every slot is at the maximum definition level (no null, no empty list). */
  definitionLevels: Int32Array | undefined;
  repetitionLevels: Int32Array | undefined;
  values: PageValues;
  /** How many values `values` holds. */
  valueCount: number;
  /** Repeated columns: how many rows start in this page (repetition level 0). */
  rowStarts?: number;
}

/** PLAIN_DICTIONARY or RLE_DICTIONARY: values that are indices into the dictionary page. */
export function isDictionaryEncoding(encoding: number): boolean {
  const name = ENCODING[encoding];
  return name === 'PLAIN_DICTIONARY' || name === 'RLE_DICTIONARY';
}

const TYPED_WIDTH: Partial<Record<string, number>> = { INT32: 4, FLOAT: 4, INT64: 8, DOUBLE: 8 };

/**
 * How far PLAIN typed values after a v1 page's levels (at `pos`) were moved back, over the levels
 * already decoded, to start aligned for their type: a typed array can view them there, where an
 * unaligned start needs a copy (an allocation as large as the values). `data` is the page's own
 * buffer; other encodings and types are left where they are (0).
 */
function alignPlainValues(data: Uint8Array, pos: number, encoding: number, type: string): number {
  const width = TYPED_WIDTH[type];
  if (width === undefined || ENCODING[encoding] !== 'PLAIN') return 0;
  const shift = (data.byteOffset + pos) % width;
  if (shift > pos) return 0;
  if (shift > 0) data.copyWithin(pos - shift, pos);
  return shift;
}

export class PageDecoder {
  readonly leaf: LeafNode;
  /** Slots the chunk declares (ColumnMetaData.num_values). */
  readonly totalSlots: number;
  private readonly codec: CompressionCodec;
  private readonly ctx: PageValueContext;
  private at = 0;
  private page = 0;
  private slots = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly fileOffset: number,
    meta: ColumnMetaData,
    leaf: LeafNode,
    private readonly options: ReadOptions = {},
    /** `bytes` is a buffer the next row group is read into (see ChunkBuffer): nothing may keep viewing it. */
    private readonly reusedChunk = false,
  ) {
    this.leaf = leaf;
    this.codec = compressionCodec(meta.codec);
    this.totalSlots = meta.num_values;
    if (!Number.isSafeInteger(this.totalSlots) || this.totalSlots < 0) {
      throw new ParquetryError('CORRUPT', `column chunk declares ${this.totalSlots} values`, { columnPath: pathString(leaf) });
    }
    this.ctx = { type: leaf.physicalType, typeLength: leaf.typeLength, dictionary: undefined };
  }

  /** The next data page, or undefined after the last one (CORRUPT if the chunk ends short). */
  next(): DecodedPage | undefined {
    while (this.slots < this.totalSlots) {
      if (this.at >= this.bytes.length) {
        throw new ParquetryError('CORRUPT', `column chunk declares ${this.totalSlots} values but its pages hold ${this.slots}`, { columnPath: pathString(this.leaf) });
      }
      const pageStart = this.at;
      try {
        const page = this.readChunkPage();
        this.page++;
        if (page) {
          this.slots += page.slots;
          return page;
        }
      } catch (error) {
        const located = rebaseErrorOffset(error, this.fileOffset + (ParquetryError.is(error) && error.offset !== undefined ? 0 : pageStart));
        throw ParquetryError.is(located) ? located.withLocation({ columnPath: pathString(this.leaf), page: this.page, offset: this.fileOffset + pageStart }) : located;
      }
    }
    return undefined;
  }

  /** The page's bytes decompressed: into `scratch` when given (scratchFor never gives one for UNCOMPRESSED). */
  private decompress(body: Uint8Array, size: number, scratch?: Uint8Array): Uint8Array {
    return this.codec.decompress(body, size, { maxUncompressedSize: this.options.maxPageSize, out: scratch });
  }

  /**
   * Where a data page of `encoding` decompresses to `size` bytes: the scratch, or undefined (a
   * buffer of its own). A transient page goes to the scratch whatever its encoding.
   */
  private scratchFor(encoding: number, size: number, transient: boolean): Uint8Array | undefined {
    if (this.codec.name === 'UNCOMPRESSED') return undefined;
    const limit = this.options.maxPageSize ?? DEFAULT_MAX_UNCOMPRESSED_SIZE;
    return transient ? transientScratch(size, limit) : pageScratch(encoding, this.leaf.physicalType, size, limit);
  }

  /**
   * Decodes the one page in `bytes` (a page located by the OffsetIndex, or the dictionary page),
   * which starts at `fileOffset` in the file; undefined for a dictionary or index page.
   */
  pageAt(bytes: Uint8Array, fileOffset: number, at = 0, transient = false): { page: DecodedPage | undefined; end: number } {
    try {
      return this.readPage(bytes, at, Infinity, transient);
    } catch (error) {
      throw this.located(error, fileOffset);
    }
  }

  /**
   * As pageAt for a data page, whose values may view the process's page scratch: the caller copies
   * what it keeps before it decodes another page or gives up the thread.
   */
  transientPageAt(bytes: Uint8Array, fileOffset: number): DecodedPage | undefined {
    return this.pageAt(bytes, fileOffset, 0, true).page;
  }

  /**
   * Whether the data page at the start of `bytes` (at `fileOffset` in the file) is dictionary-encoded
   * while no dictionary page has been read; only its header is decoded.
   */
  needsDictionary(bytes: Uint8Array, fileOffset: number): boolean {
    if (this.ctx.dictionary) return false;
    try {
      const { value: header } = decodeStruct(PageHeader, bytes);
      const encoding = header.data_page_header?.encoding ?? header.data_page_header_v2?.encoding;
      return encoding !== undefined && isDictionaryEncoding(encoding);
    } catch (error) {
      throw this.located(error, fileOffset);
    }
  }

  /** An error from a page at `fileOffset`, its offset made a file offset and the column named. */
  private located(error: unknown, fileOffset: number): unknown {
    const located = rebaseErrorOffset(error, ParquetryError.is(error) && error.offset !== undefined ? fileOffset : 0);
    return ParquetryError.is(located) ? located.withLocation({ columnPath: pathString(this.leaf), offset: fileOffset }) : located;
  }

  /** Reads the page at `at` of the chunk. */
  private readChunkPage(): DecodedPage | undefined {
    const { page, end } = this.readPage(this.bytes, this.at, this.totalSlots - this.slots, false);
    this.at = end;
    return page;
  }

  /** Reads the page at `at` of `bytes`; a data page's contents, or undefined for a dictionary or index page. */
  /** With `transient`, a data page decompresses into the scratch whatever its encoding (see transientPageAt). */
  private readPage(bytes: Uint8Array, at: number, remaining: number, transient: boolean): { page: DecodedPage | undefined; end: number } {
    const { leaf, ctx } = this;
    const maxDef = leaf.definitionLevel;
    const maxRep = leaf.repetitionLevel;
    const { value: header, end } = decodeStruct(PageHeader, bytes, at);
    const { compressed_page_size: compressedSize, uncompressed_page_size: uncompressedSize } = header;
    if (compressedSize < 0 || uncompressedSize < 0) throw new ParquetryError('CORRUPT', `page sizes ${compressedSize} / ${uncompressedSize} are negative`);
    if (compressedSize > bytes.length - end) {
      throw new ParquetryError('TRUNCATED', `page of ${compressedSize} bytes runs past the column chunk (${bytes.length - end} left)`, { offset: end });
    }
    const body = bytes.subarray(end, end + compressedSize);
    const pageEnd = end + compressedSize;
    if (header.crc !== undefined && this.options.verifyCrc !== false && crc32(body) !== header.crc >>> 0) {
      throw new ParquetryError('CORRUPT', 'page CRC-32 does not match its bytes', { offset: end });
    }
    const type = PAGE_TYPE[header.type];
    if (type === 'DICTIONARY_PAGE') {
      const dict = header.dictionary_page_header;
      if (!dict) throw new ParquetryError('CORRUPT', 'dictionary page without its header');
      if (ctx.dictionary) throw new ParquetryError('CORRUPT', 'a second dictionary page in one column chunk');
      if (dict.num_values < 0) throw new ParquetryError('CORRUPT', `dictionary of ${dict.num_values} values`);
      ctx.dictionary = decodeDictionaryPage(leaf.physicalType, this.decompress(body, uncompressedSize), dict.num_values, leaf.typeLength);
      return { page: undefined, end: pageEnd };
    }
    if (type === 'DATA_PAGE') {
      const h = header.data_page_header;
      if (!h) throw new ParquetryError('CORRUPT', 'data page without its header');
      if (h.num_values < 0 || h.num_values > remaining) throw new ParquetryError('CORRUPT', `data page of ${h.num_values} values where ${remaining} remain in the chunk`);
      const scratch = this.scratchFor(h.encoding, uncompressedSize, transient);
      const data = this.decompress(body, uncompressedSize, scratch);
      let pos = 0;
      let rowStarts: number | undefined;
      let repetitionLevels: Int32Array | undefined;
      let definitionLevels: Int32Array | undefined;
      if (maxRep > 0) {
        const r = readLevelsV1(data, h.repetition_level_encoding, maxRep, h.num_values);
        repetitionLevels = r.levels!;
        rowStarts = countRowStarts(repetitionLevels, maxRep);
        pos += r.bytesRead;
      }
      let present = h.num_values;
      if (maxDef > 0) {
        // Levels all at the maximum (no null in this page) are neither decoded nor counted.
        const d = readLevelsV1(data.subarray(pos), h.definition_level_encoding, maxDef, h.num_values, true);
        if (d.levels) present = countAtMax(d.levels, maxDef, 'definition');
        definitionLevels = d.levels;
        pos += d.bytesRead;
      }
      // A page decompressed into a buffer of its own may be rearranged: its values become a view.
      // Moved back by `shift` bytes, they end as many bytes before the page does.
      const shift = !scratch && this.codec.name !== 'UNCOMPRESSED' ? alignPlainValues(data, pos, h.encoding, leaf.physicalType) : 0;
      const values = detachFromScratch(decodePageValues(data.subarray(pos - shift, data.length - shift), h.encoding, present, ctx));
      return { page: { slots: h.num_values, definitionLevels, repetitionLevels, values, valueCount: present, rowStarts }, end: pageEnd };
    }
    if (type === 'DATA_PAGE_V2') {
      const h = header.data_page_header_v2;
      if (!h) throw new ParquetryError('CORRUPT', 'data page v2 without its header');
      if (h.num_values < 0 || h.num_values > remaining) throw new ParquetryError('CORRUPT', `data page of ${h.num_values} values where ${remaining} remain in the chunk`);
      const repLength = h.repetition_levels_byte_length;
      const defLength = h.definition_levels_byte_length;
      if (repLength < 0 || defLength < 0 || repLength + defLength > body.length || repLength + defLength > uncompressedSize) {
        throw new ParquetryError('CORRUPT', `level lengths ${repLength} + ${defLength} do not fit a page of ${body.length} bytes`);
      }
      let rowStarts: number | undefined;
      let repetitionLevels: Int32Array | undefined;
      let definitionLevels: Int32Array | undefined;
      if (maxRep > 0) {
        repetitionLevels = readLevelsV2(body.subarray(0, repLength), maxRep, h.num_values)!;
        rowStarts = countRowStarts(repetitionLevels, maxRep);
      }
      let present = h.num_values;
      if (maxDef > 0) {
        definitionLevels = readLevelsV2(body.subarray(repLength, repLength + defLength), maxDef, h.num_values, true);
        if (definitionLevels) present = countAtMax(definitionLevels, maxDef, 'definition');
      }
      // num_nulls counts undefined slots; in nested columns empty lists are not values either.
      if (maxRep === 0 && (h.num_nulls < 0 || h.num_values - h.num_nulls !== present)) {
        throw new ParquetryError('CORRUPT', `data page v2 says ${h.num_nulls} nulls but its levels hold ${h.num_values - present}`);
      }
      const rest = body.subarray(repLength + defLength);
      const valuesSize = uncompressedSize - repLength - defLength;
      // Values stored uncompressed are decoded from the chunk's own bytes: copied first when those are reused.
      const valueBytes = h.is_compressed !== false ? this.decompress(rest, valuesSize, this.scratchFor(h.encoding, valuesSize, transient)) : this.reusedChunk ? rest.slice() : rest;
      const values = detachFromScratch(decodePageValues(valueBytes, h.encoding, present, ctx));
      return { page: { slots: h.num_values, definitionLevels, repetitionLevels, values, valueCount: present, rowStarts }, end: pageEnd };
    }
    if (type !== 'INDEX_PAGE') throw new ParquetryError('CORRUPT', `page type ${header.type}`);
    return { page: undefined, end: pageEnd };
  }
}
