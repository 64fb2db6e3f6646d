// The synchronous core of the writer: the bytes of a Parquet file, produced in order — the magic,
// then one row group at a time (batches are encoded into pages as they are added; at the end of
// the row group its column chunks are laid out, then its bloom filters), then at the end the page
// index (column indexes, then offset indexes, as Arrow C++ and parquet-mr lay it out) and the
// footer. Between row groups it keeps only metadata; sinks are the caller's.
import { ParquetryError } from '@parquetry/core';
import { ColumnIndex, encodeStruct, FileMetaData, OffsetIndex, type ColumnChunk, type ColumnIndex as ColumnIndexValue, type OffsetIndex as OffsetIndexValue, type RowGroup } from '@parquetry/thrift';
import type { RecordBatch, Schema } from 'apache-arrow';
import type { DictionaryEncoder } from '@parquetry/dictionary';
import { ColumnChunkWriter } from './column-writer.js';
import { OutputArena } from './output-arena.js';
import { leafValues } from './leaf-values.js';
import { shredColumn } from './shred.js';
import { resolveColumnOptions, type ResolvedColumn, type WriteOptions } from './write-options.js';
import { writeSchema, type WriteSchema } from './write-schema.js';

const MAGIC = new TextEncoder().encode('PAR1');
export const CREATED_BY = 'parquetry version 0.1.0';

interface IndexEntry {
  chunk: ColumnChunk;
  columnIndex: ColumnIndexValue | undefined;
  offsetIndex: OffsetIndexValue;
}

export class ParquetFileEncoder {
  readonly schema: WriteSchema;
  private readonly options: WriteOptions;
  private readonly columns: ResolvedColumn[];
  private readonly rowGroups: RowGroup[] = [];
  private readonly indexes: IndexEntry[] = [];
  private offset = 0;
  private rows = 0;
  private current: { rows: number; writers: ColumnChunkWriter[] } | undefined;
  /** Where every row group's pages are compressed into; reused only when `recycleOutput` says so. */
  private arena = new OutputArena();
  /** Each column's dictionary encoder, kept from one row group to the next. */
  private readonly dictionaryEncoders: Array<{ encoder?: DictionaryEncoder }>;

  constructor(arrowSchema: Schema, options: WriteOptions = {}) {
    this.schema = writeSchema(arrowSchema, options);
    this.options = options;
    this.columns = resolveColumnOptions(this.schema, options);
    this.dictionaryEncoders = this.columns.map(() => ({}));
  }

  /** The file's first bytes. */
  start(): Uint8Array {
    if (this.offset !== 0) throw new ParquetryError('INVALID_ARGUMENT', 'the file was started already');
    this.offset = MAGIC.length;
    return MAGIC;
  }

  /** The bytes of one row group made of `batches` (all of the encoder's schema), in file order. */
  rowGroup(batches: readonly RecordBatch[]): Uint8Array[] {
    this.beginRowGroup();
    for (const batch of batches) this.addBatch(batch);
    return this.endRowGroup();
  }

  /** Starts a row group. */
  beginRowGroup(): void {
    if (this.offset === 0) throw new ParquetryError('INVALID_ARGUMENT', 'start() the file before its row groups');
    if (this.current) throw new ParquetryError('INVALID_ARGUMENT', 'a row group is open already');
    this.current = { rows: 0, writers: this.columns.map((c) => new ColumnChunkWriter(c.leaf, c.chunk, this.arena, this.dictionaryEncoders[c.leaf.index])) };
  }

  /** Encodes a batch into the open row group's pages. */
  addBatch(batch: RecordBatch): void {
    const current = this.current;
    if (!current) throw new ParquetryError('INVALID_ARGUMENT', 'no row group is open');
    const ordinal = this.rowGroups.length;
    this.schema.fields.forEach((field, i) => {
      for (const shredded of shredColumn(field, batch.data.children[i])) {
        const column = this.columns[shredded.leaf.index];
        try {
          const values = leafValues(shredded.leaf.type, shredded.data, shredded.valueIndices, shredded.valueCount, column.path);
          current.writers[shredded.leaf.index].add({ def: shredded.def, rep: shredded.rep, values, levelCount: shredded.levelCount, valueCount: shredded.valueCount, rows: shredded.rows });
        } catch (error) {
          throw ParquetryError.is(error) ? error.withLocation({ rowGroup: ordinal, columnPath: column.path }) : error;
        }
      }
    });
    current.rows += batch.numRows;
  }

  /** Rows in the open row group. */
  get openRows(): number {
    return this.current?.rows ?? 0;
  }

  /** Bytes of encoded pages the open row group holds. */
  get openBytes(): number {
    return this.current?.writers.reduce((n, w) => n + w.encodedBytes, 0) ?? 0;
  }

  /** Lays out the open row group: its column chunks, then their bloom filters. */
  endRowGroup(): Uint8Array[] {
    const current = this.current;
    if (!current) throw new ParquetryError('INVALID_ARGUMENT', 'no row group is open');
    this.current = undefined;
    const rows = current.rows;
    const rowGroupStart = this.offset;
    const out: Uint8Array[] = [];
    const blooms: Array<{ chunk: ColumnChunk; bytes: Uint8Array }> = [];
    const chunks: ColumnChunk[] = [];
    const ordinal = this.rowGroups.length;
    current.writers.forEach((writer, k) => {
      let written;
      try {
        written = writer.finish(this.offset);
      } catch (error) {
        throw ParquetryError.is(error) ? error.withLocation({ rowGroup: ordinal, columnPath: this.columns[k].path }) : error;
      }
      out.push(...written.parts);
      this.offset += written.meta.total_compressed_size;
      const chunk: ColumnChunk = { file_offset: written.meta.dictionary_page_offset ?? written.meta.data_page_offset, meta_data: written.meta };
      if (written.bloomFilter) blooms.push({ chunk, bytes: written.bloomFilter });
      this.indexes.push({ chunk, columnIndex: written.columnIndex, offsetIndex: written.offsetIndex });
      chunks.push(chunk);
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

  /**
   * The bytes the last `endRowGroup` returned are no longer read by anyone (a sink wrote them out
   * and keeps no reference): the next row group compresses its pages into the same memory.
   */
  recycleOutput(): void {
    if (this.current) throw new ParquetryError('INVALID_ARGUMENT', 'a row group is open');
    this.arena.recycle();
  }

  /** The page index and the footer: the file's last bytes. */
  finish(): Uint8Array[] {
    if (this.current) throw new ParquetryError('INVALID_ARGUMENT', 'end the open row group before finishing the file');
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
