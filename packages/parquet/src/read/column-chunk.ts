// One column chunk, page by page: page headers (Thrift), decompression, levels and values. The
// result keeps the column's shape apart from its values: levels for every slot, values only for
// the slots that hold one (definition level at its maximum).
import { compressionCodec } from '@parquetry/compression';
import { crc32, ParquetryError, rebaseErrorOffset } from '@parquetry/core';
import { decodeDictionaryPage } from '@parquetry/dictionary';
import type { PlainValues } from '@parquetry/plain';
import { decodeStruct, PAGE_TYPE, PageHeader, type ColumnMetaData } from '@parquetry/thrift';
import { pathString, type LeafNode } from '../schema/parquet-schema.js';
import { concatValues } from './concat-values.js';
import { countAtMax, readLevelsV1, readLevelsV2 } from './levels.js';
import { decodePageValues } from './page-values.js';

export interface ReadOptions {
  /** Cap on any page's declared uncompressed size (default 1 GiB). */
  maxPageSize?: number;
  /** Check PageHeader.crc where present (default true). */
  verifyCrc?: boolean;
}

export interface ColumnChunkData {
  leaf: LeafNode;
  /** Slots: one per level pair (values and nulls, and for repeated columns, empty lists). */
  numSlots: number;
  definitionLevels: Int32Array | undefined;
  repetitionLevels: Int32Array | undefined;
  /** Values of the slots whose definition level is the maximum, in order. */
  values: PlainValues;
  pages: number;
}

/** The byte range of a chunk: from its dictionary page if it has one, else its first data page. */
export function chunkRange(meta: ColumnMetaData): { start: number; length: number } {
  const dict = meta.dictionary_page_offset;
  // Some writers store 0 for "no dictionary page"; a real one comes before the data pages.
  const start = dict !== undefined && dict > 0 && dict < meta.data_page_offset ? dict : meta.data_page_offset;
  return { start, length: meta.total_compressed_size };
}

export function decodeColumnChunk(bytes: Uint8Array, fileOffset: number, meta: ColumnMetaData, leaf: LeafNode, options: ReadOptions = {}): ColumnChunkData {
  const codec = compressionCodec(meta.codec);
  const maxDef = leaf.definitionLevel;
  const maxRep = leaf.repetitionLevel;
  const numSlots = meta.num_values;
  if (!Number.isSafeInteger(numSlots) || numSlots < 0) throw new ParquetryError('CORRUPT', `column chunk declares ${numSlots} values`);
  const ctx = { type: leaf.physicalType, typeLength: leaf.typeLength, dictionary: undefined as PlainValues | undefined };
  const defParts: Int32Array[] = [];
  const repParts: Int32Array[] = [];
  const valueParts: PlainValues[] = [];
  let slots = 0;
  let at = 0;
  let page = 0;
  const decompress = (body: Uint8Array, size: number) => codec.decompress(body, size, { maxUncompressedSize: options.maxPageSize });
  while (at < bytes.length && slots < numSlots) {
    const pageStart = at;
    try {
      const { value: header, end } = decodeStruct(PageHeader, bytes, at);
      const { compressed_page_size: compressedSize, uncompressed_page_size: uncompressedSize } = header;
      if (compressedSize < 0 || uncompressedSize < 0) throw new ParquetryError('CORRUPT', `page sizes ${compressedSize} / ${uncompressedSize} are negative`);
      if (compressedSize > bytes.length - end) {
        throw new ParquetryError('TRUNCATED', `page of ${compressedSize} bytes runs past the column chunk (${bytes.length - end} left)`, { offset: end });
      }
      const body = bytes.subarray(end, end + compressedSize);
      at = end + compressedSize;
      if (header.crc !== undefined && options.verifyCrc !== false && crc32(body) !== header.crc >>> 0) {
        throw new ParquetryError('CORRUPT', 'page CRC-32 does not match its bytes', { offset: end });
      }
      const type = PAGE_TYPE[header.type];
      if (type === 'DICTIONARY_PAGE') {
        const dict = header.dictionary_page_header;
        if (!dict) throw new ParquetryError('CORRUPT', 'dictionary page without its header');
        if (ctx.dictionary) throw new ParquetryError('CORRUPT', 'a second dictionary page in one column chunk');
        if (dict.num_values < 0) throw new ParquetryError('CORRUPT', `dictionary of ${dict.num_values} values`);
        ctx.dictionary = decodeDictionaryPage(leaf.physicalType, decompress(body, uncompressedSize), dict.num_values, leaf.typeLength);
      } else if (type === 'DATA_PAGE') {
        const h = header.data_page_header;
        if (!h) throw new ParquetryError('CORRUPT', 'data page without its header');
        if (h.num_values < 0 || h.num_values > numSlots - slots) throw new ParquetryError('CORRUPT', `data page of ${h.num_values} values where ${numSlots - slots} remain in the chunk`);
        const data = decompress(body, uncompressedSize);
        let pos = 0;
        if (maxRep > 0) {
          const r = readLevelsV1(data, h.repetition_level_encoding, maxRep, h.num_values);
          repParts.push(r.levels);
          countAtMax(r.levels, maxRep, 'repetition');
          pos += r.bytesRead;
        }
        let present = h.num_values;
        if (maxDef > 0) {
          const d = readLevelsV1(data.subarray(pos), h.definition_level_encoding, maxDef, h.num_values);
          defParts.push(d.levels);
          present = countAtMax(d.levels, maxDef, 'definition');
          pos += d.bytesRead;
        }
        valueParts.push(decodePageValues(data.subarray(pos), h.encoding, present, ctx));
        slots += h.num_values;
      } else if (type === 'DATA_PAGE_V2') {
        const h = header.data_page_header_v2;
        if (!h) throw new ParquetryError('CORRUPT', 'data page v2 without its header');
        if (h.num_values < 0 || h.num_values > numSlots - slots) throw new ParquetryError('CORRUPT', `data page of ${h.num_values} values where ${numSlots - slots} remain in the chunk`);
        const repLength = h.repetition_levels_byte_length;
        const defLength = h.definition_levels_byte_length;
        if (repLength < 0 || defLength < 0 || repLength + defLength > body.length || repLength + defLength > uncompressedSize) {
          throw new ParquetryError('CORRUPT', `level lengths ${repLength} + ${defLength} do not fit a page of ${body.length} bytes`);
        }
        if (maxRep > 0) {
          const levels = readLevelsV2(body.subarray(0, repLength), maxRep, h.num_values);
          countAtMax(levels, maxRep, 'repetition');
          repParts.push(levels);
        }
        let present = h.num_values;
        if (maxDef > 0) {
          const levels = readLevelsV2(body.subarray(repLength, repLength + defLength), maxDef, h.num_values);
          present = countAtMax(levels, maxDef, 'definition');
          defParts.push(levels);
        }
        if (h.num_nulls < 0 || h.num_values - h.num_nulls !== present) {
          // num_nulls counts undefined slots; for nested columns empty lists are not "present" either.
          if (maxRep === 0) throw new ParquetryError('CORRUPT', `data page v2 says ${h.num_nulls} nulls but its levels hold ${h.num_values - present}`);
        }
        const rest = body.subarray(repLength + defLength);
        const valueSize = uncompressedSize - repLength - defLength;
        const values = h.is_compressed === false ? rest : decompress(rest, valueSize);
        valueParts.push(decodePageValues(values, h.encoding, present, ctx));
        slots += h.num_values;
      } else if (type !== 'INDEX_PAGE') {
        throw new ParquetryError('CORRUPT', `page type ${header.type}`);
      }
      page++;
    } catch (error) {
      const located = rebaseErrorOffset(error, fileOffset + (ParquetryError.is(error) && error.offset !== undefined ? 0 : pageStart));
      throw ParquetryError.is(located) ? located.withLocation({ columnPath: pathString(leaf), page, offset: fileOffset + pageStart }) : located;
    }
  }
  if (slots !== numSlots) {
    throw new ParquetryError('CORRUPT', `column chunk declares ${numSlots} values but its pages hold ${slots}`, { columnPath: pathString(leaf) });
  }
  const join = (parts: Int32Array[]) => (parts.length === 1 ? parts[0] : concatInt32(parts));
  return {
    leaf,
    numSlots,
    definitionLevels: maxDef > 0 ? join(defParts) : undefined,
    repetitionLevels: maxRep > 0 ? join(repParts) : undefined,
    values: concatValues(leaf.physicalType, valueParts),
    pages: page,
  };
}

function concatInt32(parts: Int32Array[]): Int32Array {
  const out = new Int32Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
