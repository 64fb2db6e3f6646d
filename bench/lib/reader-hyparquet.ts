// hyparquet in the reader benchmark, in its form closest to "a file into columnar memory":
// parquetRead with onChunk (decoded column arrays per row group; no row objects), reading
// through its own asyncBufferFromFile, with hyparquet-compressors for snappy and zstd.
import { asyncBufferFromFile, parquetMetadata, parquetRead, parquetReadObjects, type ColumnData } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { wideColumnIndex, type FooterReader, type ReadResult, type Reader } from './reader-result.js';

/** Every table has `label`, and every projection reads it: its chunks count the rows. */
const COUNT_COLUMN = 'label';

export function hyparquetReader(listColumn?: string): Reader {
  return {
    async read(path, columns, verify) {
      const file = await asyncBufferFromFile(path);
      const result: ReadResult = { rows: 0, ...(verify && { labelSum: 0, listValues: 0 }) };
      const onChunk = ({ columnName, columnData, rowStart, rowEnd }: ColumnData) => {
        if (columnName === COUNT_COLUMN) {
          result.rows += rowEnd - rowStart;
          if (verify) for (let i = 0; i < columnData.length; i++) result.labelSum! += Number(columnData[i]);
        } else if (verify && columnName === listColumn) {
          for (let i = 0; i < columnData.length; i++) result.listValues! += (columnData[i] as unknown[]).length;
        }
      };
      await parquetRead({ file, columns: columns as string[] | undefined, compressors, onChunk });
      return result;
    },
  };
}

/** `parquetMetadata` alone (the target's yardstick), or with a read of the columns as row objects. */
export function hyparquetFooterReader(readColumns: boolean): FooterReader {
  return {
    async run(bytes, columns, verify) {
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      const metadata = parquetMetadata(buffer);
      if (!readColumns) return { rows: Number(metadata.num_rows) };
      const rows = await parquetReadObjects({ file: buffer, metadata, columns: columns as string[] });
      const result: ReadResult = { rows: rows.length };
      if (verify) result.labelSum = columns.reduce((sum, name) => sum + rows.reduce((s, row) => s + Number(row[name]), 0) / (wideColumnIndex(name) + 1), 0);
      return result;
    },
  };
}
