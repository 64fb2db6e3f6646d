// One column chunk of a row group: a dictionary page when the values fit one (byte arrays), then
// data pages v1 of at most `pageRows` rows, each compressed with the file's codec.
import { compressionCodec } from '@parquetry/compression';
import { crc32, type ByteArrays, type CompressionCodecName } from '@parquetry/core';
import { DictionaryEncoder } from '@parquetry/dictionary';
import type { PlainValues } from '@parquetry/plain';
import { encodeRleHybrid, encodeRleHybridLengthPrefixed } from '@parquetry/rle';
import { ENCODING_ID, encodeValues, type ValueEncoding } from './value-encoding.js';
import { concatBytes } from '../util/concat.js';
import { COMPRESSION_CODEC, encodeStruct, PageHeader, type ColumnIndex, type ColumnMetaData, type OffsetIndex, type PageLocation, type Statistics } from '@parquetry/thrift';
import type { LeafColumn } from './arrow-leaf.js';
import { columnStatistics } from './statistics.js';

export interface ChunkOptions {
  compression: CompressionCodecName;
  level?: number;
  pageRows: number;
  dictionary: boolean;
  /** The value encoding; undefined: RLE_DICTIONARY for byte arrays (with `dictionary`), else PLAIN. */
  encoding?: ValueEncoding;
  pageVersion: 1 | 2;
}


function sliceValues(column: LeafColumn, values: PlainValues, from: number, to: number): PlainValues {
  if ('offsets' in values) {
    const base = values.offsets[from];
    const offsets = values.offsets.slice(from, to + 1).map((o) => o - base);
    return { offsets, bytes: values.bytes.subarray(base, values.offsets[to]) };
  }
  const width = column.physicalType === 'FIXED_LEN_BYTE_ARRAY' ? (column.typeLength ?? 1) : column.physicalType === 'INT96' ? 12 : 1;
  return values.subarray(from * width, to * width) as PlainValues;
}


export interface WrittenChunk {
  parts: Uint8Array[];
  meta: ColumnMetaData;
  /** The chunk's page index (PageIndex.md), written by the file writer after the row groups. */
  columnIndex: ColumnIndex | undefined;
  offsetIndex: OffsetIndex;
}

export function writeColumnChunk(column: LeafColumn, fileOffset: number, options: ChunkOptions): WrittenChunk {
  const codec = compressionCodec(options.compression);
  const compress = (body: Uint8Array) => codec.compress(body, options.level === undefined ? undefined : { level: options.level });
  const parts: Uint8Array[] = [];
  let offset = fileOffset;
  let uncompressedTotal = 0;
  const encodings = new Set<number>([ENCODING_ID.RLE]);
  let dictionaryPageOffset: number | undefined;
  let indices: Int32Array | undefined;
  let encoder: DictionaryEncoder | undefined;
  const locations: PageLocation[] = [];
  const pageStats: Statistics[] = [];
  const page = (header: PageHeader, body: Uint8Array, uncompressedSize: number, firstRow?: number) => {
    const bytes = encodeStruct(PageHeader, header);
    if (firstRow !== undefined) locations.push({ offset, compressed_page_size: bytes.length + body.length, first_row_index: firstRow });
    parts.push(bytes, body);
    offset += bytes.length + body.length;
    uncompressedTotal += bytes.length + uncompressedSize;
  };
  const unsigned = column.element.logicalType?.INTEGER?.isSigned === false;
  const wantsDictionary =
    options.encoding === 'RLE_DICTIONARY' ||
    (options.encoding === undefined && options.dictionary && (column.physicalType === 'BYTE_ARRAY' || column.physicalType === 'FIXED_LEN_BYTE_ARRAY'));
  const valueEncoding: ValueEncoding = options.encoding && options.encoding !== 'RLE_DICTIONARY' ? options.encoding : 'PLAIN';
  if (wantsDictionary) {
    encoder = new DictionaryEncoder(column.physicalType, { typeLength: column.typeLength });
    if (encoder.add(column.values as ByteArrays)) {
      const dictionary = encoder.dictionaryPage();
      const compressed = compress(dictionary);
      dictionaryPageOffset = offset;
      page({ type: 2, uncompressed_page_size: dictionary.length, compressed_page_size: compressed.length, crc: crc32(compressed) | 0, dictionary_page_header: { num_values: encoder.size, encoding: ENCODING_ID.PLAIN } }, compressed, dictionary.length);
      indices = encoder.indices();
      encodings.add(ENCODING_ID.PLAIN);
      encodings.add(ENCODING_ID.RLE_DICTIONARY);
    }
  }
  const dataPageOffset = offset;
  const slots = column.definitionLevels?.length ?? ('offsets' in column.values ? column.values.offsets.length - 1 : column.values.length / (column.physicalType === 'FIXED_LEN_BYTE_ARRAY' ? column.typeLength! : 1));
  let value = 0;
  for (let start = 0; start < slots || (slots === 0 && start === 0); start += options.pageRows) {
    const end = Math.min(slots, start + options.pageRows);
    const def = column.definitionLevels?.subarray(start, end);
    let present = end - start;
    if (def) present = def.reduce((s, d) => s + d, 0);
    // v1 prefixes the levels with their length; v2 gives it in the header and leaves them uncompressed.
    const levels = !def ? new Uint8Array(0) : options.pageVersion === 1 ? encodeRleHybridLengthPrefixed(def, 1) : encodeRleHybrid(def, 1);
    let encoded: Uint8Array;
    let encoding: number;
    if (indices && encoder) {
      encoded = encoder.encodeIndices(indices.subarray(value, value + present));
      encoding = ENCODING_ID.RLE_DICTIONARY;
    } else {
      encoded = encodeValues(column.physicalType, sliceValues(column, column.values, value, value + present), column.typeLength, valueEncoding);
      encoding = ENCODING_ID[valueEncoding];
      encodings.add(encoding);
    }
    const pageValues = sliceValues(column, column.values, value, value + present);
    pageStats.push(columnStatistics(column.physicalType, pageValues, end - start - present, unsigned, column.typeLength));
    value += present;
    if (options.pageVersion === 2) {
      const compressed = compress(encoded);
      const body = concatBytes([levels, compressed]);
      page(
        {
          type: 3,
          uncompressed_page_size: levels.length + encoded.length,
          compressed_page_size: body.length,
          crc: crc32(body) | 0,
          data_page_header_v2: {
            num_values: end - start,
            num_nulls: end - start - present,
            num_rows: end - start,
            encoding,
            definition_levels_byte_length: levels.length,
            repetition_levels_byte_length: 0,
            is_compressed: true,
          },
        },
        body,
        levels.length + encoded.length,
        start,
      );
    } else {
      const body = concatBytes([levels, encoded]);
      const compressed = compress(body);
      page(
        {
          type: 0,
          uncompressed_page_size: body.length,
          compressed_page_size: compressed.length,
          crc: crc32(compressed) | 0,
          data_page_header: { num_values: end - start, encoding, definition_level_encoding: ENCODING_ID.RLE, repetition_level_encoding: ENCODING_ID.RLE },
        },
        compressed,
        body.length,
        start,
      );
    }
    if (slots === 0) break;
  }
  const meta: ColumnMetaData = {
    type: column.element.type!,
    encodings: [...encodings].sort((a, b) => a - b),
    path_in_schema: [column.element.name],
    codec: COMPRESSION_CODEC.indexOf(options.compression as never),
    num_values: slots,
    total_uncompressed_size: uncompressedTotal,
    total_compressed_size: offset - fileOffset,
    data_page_offset: dataPageOffset,
    dictionary_page_offset: dictionaryPageOffset,
    statistics: columnStatistics(column.physicalType, column.values, column.nullCount, unsigned, column.typeLength),
  };
  return { parts, meta, columnIndex: columnIndexOf(pageStats), offsetIndex: { page_locations: locations } };
}

/**
 * A ColumnIndex from per-page statistics; none when a page has values but no min/max (byte arrays
 * over the statistics limit, INT96, or only NaN), since every entry must then be valid.
 */
function columnIndexOf(pages: Statistics[]): ColumnIndex | undefined {
  const nullPages = pages.map((p) => p.min_value === undefined && p.null_count !== undefined && p.null_count > 0 && p.max_value === undefined);
  if (pages.some((p, i) => !nullPages[i] && (p.min_value === undefined || p.max_value === undefined))) return undefined;
  return {
    null_pages: nullPages,
    min_values: pages.map((p) => p.min_value ?? new Uint8Array(0)),
    max_values: pages.map((p) => p.max_value ?? new Uint8Array(0)),
    boundary_order: 0,
    null_counts: pages.map((p) => p.null_count ?? 0),
  };
}
