// A column chunk read a number of rows at a time: pages are decoded as the rows need them, and a
// page's rows may be split between batches. Holds at most one decoded page beyond what it returns.
import { ParquetryError, type PhysicalType } from '@parquetry/core';
import type { PlainValues } from '@parquetry/plain';
import type { ColumnMetaData } from '@parquetry/thrift';
import { pathString, type LeafNode } from '../schema/parquet-schema.js';
import { concatValues } from './concat-values.js';
import { concatArrays } from '../util/concat.js';
import { PageDecoder, type DecodedPage, type ReadOptions } from './page-decoder.js';
import { isDictionaryIndices, materialize, type DictionaryIndices, type PageValues } from './page-values.js';

export interface ColumnChunkData {
  leaf: LeafNode;
  /** Slots: one per level pair (values and nulls, and for repeated columns, empty lists). */
  numSlots: number;
  /** Undefined where every level would be the maximum (see chunkLevels). */
  definitionLevels: Int32Array | undefined;
  repetitionLevels: Int32Array | undefined;
  /** Values of the slots whose definition level is the maximum, in order. */
  values: PlainValues;
}

const FIXED: Partial<Record<PhysicalType, number>> = { INT96: 12 };

/** Values [from, from + count) of a page's values. */
export function sliceValues(leaf: LeafNode, values: PageValues, from: number, count: number): PageValues {
  if (isDictionaryIndices(values)) return { dictionary: values.dictionary, indices: values.indices.subarray(from, from + count) };
  if ('offsets' in values) return { offsets: values.offsets.subarray(from, from + count + 1), bytes: values.bytes };
  const width = leaf.physicalType === 'FIXED_LEN_BYTE_ARRAY' ? (leaf.typeLength ?? 0) : (FIXED[leaf.physicalType] ?? 1);
  return values.subarray(from * width, (from + count) * width) as PlainValues;
}

function concatLevels(parts: Int32Array[]): Int32Array {
  return concatArrays(parts, (n) => new Int32Array(n));
}

/** Levels of a run of slots: an array, or how many slots are all at the maximum definition level. */
export type LevelPart = Int32Array | number;

/**
 * A chunk's levels from its pages' parts. Definition levels are left out where every one would be
 * the maximum: an optional column without repetition whose every slot holds a value reads as if
 * required (no validity, values in place), and a repeated one without a null or empty list needs
 * none either. Pages that came without levels (all at the maximum) are filled in when others have some.
 */
export function chunkLevels(leaf: LeafNode, defParts: LevelPart[], repParts: Int32Array[], slots: number, valueCount: number): Pick<ColumnChunkData, 'definitionLevels' | 'repetitionLevels'> {
  const repeated = leaf.repetitionLevel > 0;
  const maxDef = leaf.definitionLevel;
  const needed = maxDef > 0 && (repeated || valueCount < slots) && defParts.some((p) => typeof p !== 'number');
  return {
    definitionLevels: needed ? concatLevels(defParts.map((p) => (typeof p === 'number' ? new Int32Array(p).fill(maxDef) : p))) : undefined,
    repetitionLevels: repeated ? concatLevels(repParts.length ? repParts : [new Int32Array(0)]) : undefined,
  };
}

/** A batch's values: runs of indices into one dictionary are joined before one gather. */
export function joinValues(leaf: LeafNode, parts: PageValues[]): PlainValues {
  const { physicalType: type, typeLength } = leaf;
  if (parts.length > 1 && parts.every((p) => isDictionaryIndices(p) && p.dictionary === (parts[0] as DictionaryIndices).dictionary)) {
    const all = parts as DictionaryIndices[];
    const indices = new Int32Array(all.reduce((n, p) => n + p.indices.length, 0));
    let at = 0;
    for (const p of all) {
      indices.set(p.indices, at);
      at += p.indices.length;
    }
    return materialize({ dictionary: all[0].dictionary, indices }, type, typeLength);
  }
  return concatValues(type, parts.map((p) => materialize(p, type, typeLength)));
}

export class ColumnCursor {
  private readonly pages: PageDecoder;
  private page: DecodedPage | undefined;
  /** Next slot and next value of `page`. */
  private slot = 0;
  private value = 0;

  constructor(bytes: Uint8Array, fileOffset: number, meta: ColumnMetaData, readonly leaf: LeafNode, options: ReadOptions = {}, reusedChunk = false) {
    this.pages = new PageDecoder(bytes, fileOffset, meta, leaf, options, reusedChunk);
  }

  /** The next `rows` rows (CORRUPT if the chunk holds fewer). */
  takeRows(rows: number): ColumnChunkData {
    const { leaf } = this;
    const maxDef = leaf.definitionLevel;
    const repeated = leaf.repetitionLevel > 0;
    const defParts: LevelPart[] = [];
    const repParts: Int32Array[] = [];
    const valueParts: PageValues[] = [];
    let taken = 0;
    let slots = 0;
    let valueCount = 0;
    for (;;) {
      if (!this.page || this.slot >= this.page.slots) {
        // A repeated column's row may continue on the next page; look before stopping.
        if (taken >= rows && !repeated) break;
        this.page = this.pages.next();
        this.slot = 0;
        this.value = 0;
        if (!this.page) {
          if (taken < rows) throw new ParquetryError('CORRUPT', `column ${pathString(leaf)} ends after ${taken} of ${rows} rows`);
          break;
        }
      }
      const page = this.page;
      const rep = page.repetitionLevels;
      const def = page.definitionLevels;
      const start = this.slot;
      let end = start;
      if (!repeated) {
        end = Math.min(page.slots, start + (rows - taken));
        taken += end - start;
      } else if (start === 0 && page.rowStarts !== undefined && taken + page.rowStarts <= rows) {
        // The whole page, without a scan for row boundaries: its rows all fit.
        end = page.slots;
        taken += page.rowStarts;
      } else {
        while (end < page.slots) {
          if (rep![end] === 0) {
            if (taken === rows) break;
            taken++;
          }
          end++;
        }
      }
      let values = end - start;
      if (def && start === 0 && end === page.slots && page.valueCount >= 0) values = page.valueCount;
      else if (def) {
        values = 0;
        for (let i = start; i < end; i++) if (def[i] === maxDef) values++;
      }
      if (end > start) {
        defParts.push(def ? def.subarray(start, end) : end - start);
        if (rep) repParts.push(rep.subarray(start, end));
        valueParts.push(sliceValues(leaf, page.values, this.value, values));
        slots += end - start;
        valueCount += values;
      }
      this.slot = end;
      this.value += values;
      if (end < page.slots) break; // stopped at the start of row `rows + 1`
    }
    return {
      leaf,
      numSlots: slots,
      ...chunkLevels(leaf, defParts, repParts, slots, valueCount),
      values: joinValues(leaf, valueParts),
    };
  }
}
