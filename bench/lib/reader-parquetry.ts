// Parquetry in the reader benchmark: stream a file into Arrow record batches (one per row group,
// each dropped once counted), and open the wide file's footer and read 10 columns from memory.
// The backend (native or TS) is whatever PARQUETRY_BACKEND said when this process loaded.
import { fileSource, memorySource, openParquet, readArrow, readTable } from '@parquetry/parquet';
import { arrowBytes, listValueCount, sumInt32Vector, wideColumnIndex, type FooterReader, type ReadResult, type Reader } from './reader-result.js';

export function parquetryReader(listColumn?: string): Reader {
  return {
    async read(path, columns, verify) {
      const source = await fileSource(path);
      try {
        const file = await openParquet(source);
        const result: ReadResult = { rows: 0 };
        if (verify) Object.assign(result, { labelSum: 0, listValues: 0, maxBatchBytes: 0 });
        for await (const batch of readArrow(file, { columns })) {
          result.rows += batch.numRows;
          if (!verify) continue;
          result.labelSum! += sumInt32Vector(batch.getChild('label'));
          if (listColumn && batch.schema.fields.some((f) => f.name === listColumn)) result.listValues! += listValueCount(batch.getChild(listColumn));
          result.maxBatchBytes = Math.max(result.maxBatchBytes!, arrowBytes(batch.data));
        }
        return result;
      } finally {
        await source.close();
      }
    },
  };
}

export function parquetryFooterReader(): FooterReader {
  return {
    async run(bytes, columns, verify) {
      const file = await openParquet(memorySource(bytes));
      const table = await readTable(file, { columns });
      const result: ReadResult = { rows: table.numRows };
      if (verify) result.labelSum = columns.reduce((sum, name) => sum + sumInt32Vector(table.getChild(name)) / (wideColumnIndex(name) + 1), 0);
      return result;
    },
  };
}
