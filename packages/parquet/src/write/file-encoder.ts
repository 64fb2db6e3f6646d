// The synchronous core of the writer: the bytes of a Parquet file, produced in order — the magic,
// then one row group at a time (its column chunks, then its bloom filters), then at the end the
// page index (column indexes, then offset indexes, as Arrow C++ and parquet-mr lay it out) and
// the footer. It keeps only metadata between row groups; sinks and buffering are the caller's.
import { ParquetryError } from '@parquetry/core';
import { ColumnIndex, encodeStruct, FileMetaData, OffsetIndex, type ColumnChunk, type ColumnIndex as ColumnIndexValue, type OffsetIndex as OffsetIndexValue, type RowGroup } from '@parquetry/thrift';
import type { RecordBatch, Schema } from 'apache-arrow';
import { concatValues } from '../read/concat-values.js';
import { concatArrays } from '../util/concat.js';
import type { PlainValues } from '@parquetry/plain';
import { writeColumnChunk, type LeafChunk } from './column-writer.js';
import { OutputArena } from './output-arena.js';
import type { LeafPart } from './page-spans.js';
import { leafValues } from './leaf-values.js';
import { shredColumn, type ShreddedLeaf } from './shred.js';
import { resolveColumnOptions, type ResolvedColumn, type WriteOptions } from './write-options.js';
import { writeSchema, type WriteSchema } from './write-schema.js';

const MAGIC = new TextEncoder().encode('PAR1');
export const CREATED_BY = 'parquetry version 0.1.0';

interface IndexEntry {
  chunk: ColumnChunk;
  columnIndex: ColumnIndexValue | undefined;
  offsetIndex: OffsetIndexValue;
}

function definitionLevels(part: ShreddedLeaf): Int32Array {
  return part.def ?? new Int32Array(part.levelCount).fill(part.leaf.maxDef);
}

/** Parts joined into one (small batches, so that pages are not cut at every batch). */
function joinParts(parts: ShreddedLeaf[], values: PlainValues[]): LeafPart {
  const { leaf } = parts[0];
  const join = (arrays: Int32Array[]) => concatArrays(arrays, (n) => new Int32Array(n));
  return {
    def: parts.every((p) => !p.def) ? undefined : join(parts.map(definitionLevels)),
    rep: leaf.maxRep > 0 ? join(parts.map((p) => p.rep!)) : undefined,
    values: concatValues(leaf.type.physical, values),
    levelCount: parts.reduce((s, p) => s + p.levelCount, 0),
    valueCount: parts.reduce((s, p) => s + p.valueCount, 0),
    rows: parts.reduce((s, p) => s + p.rows, 0),
  };
}

/** One leaf over several batches: a part per batch, consecutive batches under `pageRows` rows joined. */
function leafChunk(parts: ShreddedLeaf[], pageRows: number): LeafChunk {
  const { leaf } = parts[0];
  const path = leaf.path.join('.');
  const out: LeafPart[] = [];
  let group: ShreddedLeaf[] = [];
  let groupValues: PlainValues[] = [];
  let groupRows = 0;
  const flush = () => {
    if (group.length === 0) return;
    const only = group[0];
    out.push(group.length === 1 ? { def: only.def, rep: only.rep, values: groupValues[0], levelCount: only.levelCount, valueCount: only.valueCount, rows: only.rows } : joinParts(group, groupValues));
    group = [];
    groupValues = [];
    groupRows = 0;
  };
  for (const part of parts) {
    group.push(part);
    groupValues.push(leafValues(leaf.type, part.data, part.valueIndices, part.valueCount, path));
    groupRows += part.rows;
    if (groupRows >= pageRows) flush();
  }
  flush();
  return {
    leaf,
    parts: out,
    levelCount: parts.reduce((s, p) => s + p.levelCount, 0),
    valueCount: parts.reduce((s, p) => s + p.valueCount, 0),
    rows: parts.reduce((s, p) => s + p.rows, 0),
  };
}

export class ParquetFileEncoder {
  readonly schema: WriteSchema;
  private readonly options: WriteOptions;
  private readonly columns: ResolvedColumn[];
  private readonly rowGroups: RowGroup[] = [];
  private readonly indexes: IndexEntry[] = [];
  private offset = 0;
  private rows = 0;

  constructor(arrowSchema: Schema, options: WriteOptions = {}) {
    this.schema = writeSchema(arrowSchema, options);
    this.options = options;
    this.columns = resolveColumnOptions(this.schema, options);
  }

  /** The file's first bytes. */
  start(): Uint8Array {
    if (this.offset !== 0) throw new ParquetryError('INVALID_ARGUMENT', 'the file was started already');
    this.offset = MAGIC.length;
    return MAGIC;
  }

  /** The bytes of one row group made of `batches` (all of the encoder's schema), in file order. */
  rowGroup(batches: readonly RecordBatch[]): Uint8Array[] {
    if (this.offset === 0) throw new ParquetryError('INVALID_ARGUMENT', 'start() the file before its row groups');
    const rows = batches.reduce((s, b) => s + b.numRows, 0);
    const rowGroupStart = this.offset;
    const out: Uint8Array[] = [];
    const blooms: Array<{ chunk: ColumnChunk; bytes: Uint8Array }> = [];
    const chunks: ColumnChunk[] = [];
    const ordinal = this.rowGroups.length;
    const arena = new OutputArena();
    this.schema.fields.forEach((field, i) => {
      const shredded = batches.map((b) => shredColumn(field, b.data.children[i]));
      const leafCount = shredded[0]?.length ?? 0;
      for (let k = 0; k < leafCount; k++) {
        const leafParts = shredded.map((s) => s[k]);
        const column = this.columns[leafParts[0].leaf.index];
        let written;
        try {
          written = writeColumnChunk(leafChunk(leafParts, column.chunk.pageRows), this.offset, column.chunk, arena);
        } catch (error) {
          throw ParquetryError.is(error) ? error.withLocation({ rowGroup: ordinal, columnPath: column.path }) : error;
        }
        out.push(...written.parts);
        this.offset += written.meta.total_compressed_size;
        const chunk: ColumnChunk = { file_offset: written.meta.dictionary_page_offset ?? written.meta.data_page_offset, meta_data: written.meta };
        if (written.bloomFilter) blooms.push({ chunk, bytes: written.bloomFilter });
        this.indexes.push({ chunk, columnIndex: written.columnIndex, offsetIndex: written.offsetIndex });
        chunks.push(chunk);
      }
    });
    const chunksEnd = this.offset;
    for (const { chunk, bytes } of blooms) {
      Object.assign(chunk.meta_data!, { bloom_filter_offset: this.offset, bloom_filter_length: bytes.length });
      out.push(bytes);
      this.offset += bytes.length;
    }
    this.rowGroups.push({
      columns: chunks,
      total_byte_size: chunks.reduce((s, c) => s + c.meta_data!.total_uncompressed_size, 0),
      num_rows: rows,
      file_offset: rowGroupStart,
      total_compressed_size: chunksEnd - rowGroupStart,
      ordinal,
      sorting_columns: this.options.sortingColumns?.map((s) => ({ column_idx: this.leafIndex(s.column), descending: !!s.descending, nulls_first: !!s.nullsFirst })),
    });
    this.rows += rows;
    return out;
  }

  /** The page index and the footer: the file's last bytes. */
  finish(): Uint8Array[] {
    const out: Uint8Array[] = [];
    if (this.options.pageIndex !== false) {
      for (const entry of this.indexes) {
        if (!entry.columnIndex) continue;
        const bytes = encodeStruct(ColumnIndex, entry.columnIndex);
        Object.assign(entry.chunk, { column_index_offset: this.offset, column_index_length: bytes.length });
        out.push(bytes);
        this.offset += bytes.length;
      }
      for (const entry of this.indexes) {
        const bytes = encodeStruct(OffsetIndex, entry.offsetIndex);
        Object.assign(entry.chunk, { offset_index_offset: this.offset, offset_index_length: bytes.length });
        out.push(bytes);
        this.offset += bytes.length;
      }
    }
    const metadata: FileMetaData = {
      version: 1,
      schema: this.schema.elements,
      num_rows: this.rows,
      row_groups: this.rowGroups,
      key_value_metadata: this.options.keyValueMetadata ? Object.entries(this.options.keyValueMetadata).map(([key, value]) => ({ key, value })) : undefined,
      created_by: CREATED_BY,
      column_orders: this.schema.leaves.map(() => ({ TYPE_ORDER: {} })),
    };
    const footer = encodeStruct(FileMetaData, metadata);
    const length = new Uint8Array(4);
    new DataView(length.buffer).setUint32(0, footer.length, true);
    out.push(footer, length, MAGIC);
    this.offset += footer.length + 8;
    return out;
  }

  get bytesWritten(): number {
    return this.offset;
  }

  get rowsWritten(): number {
    return this.rows;
  }

  private leafIndex(column: string): number {
    const found = this.columns.find((c) => c.path === column || (c.topLevel === column && this.columns.filter((d) => d.topLevel === column).length === 1));
    if (!found) throw new ParquetryError('INVALID_ARGUMENT', `sortingColumns names ${column}, which is not a leaf column of the schema`);
    return found.leaf.index;
  }
}
