// One lookup (rows with lo <= id <= hi; lo = hi is a point lookup) per reader, each opening the
// file afresh, so that the bytes counted include the footer and the indexes the lookup needed:
// Parquetry through its source's bytesRead, hyparquet through a counting AsyncBuffer, DuckDB by
// the process's /proc/self/io rchar around the query (its file reads; nothing else reads then),
// parquet-wasm the whole file (it reads from a Uint8Array of all of it).
import { readFileSync } from 'node:fs';

export interface LookupResult {
  ids: number[];
  values: number[];
  /** Bytes read from the file for this lookup. */
  bytes: number;
}

export interface Lookup {
  run(path: string, lo: number, hi: number): Promise<LookupResult>;
}

export async function parquetryLookup(): Promise<Lookup> {
  const { between, emptyReadStats, eq, fileSource, openParquet, readArrow } = await import('@parquetry/parquet');
  return {
    async run(path, lo, hi) {
      const source = await fileSource(path, { syncReads: process.env.LOOKUP_SYNC_READS === '1' });
      try {
        const file = await openParquet(source);
        const filter = lo === hi ? eq('id', BigInt(lo)) : between('id', BigInt(lo), BigInt(hi));
        const out: LookupResult = { ids: [], values: [], bytes: 0 };
        for await (const batch of readArrow(file, { filter, stats: emptyReadStats() })) {
          const ids = batch.getChild('id')!.toArray() as BigInt64Array;
          const values = batch.getChild('value')!.toArray() as Float64Array;
          for (let i = 0; i < ids.length; i++) out.ids.push(Number(ids[i]));
          for (let i = 0; i < values.length; i++) out.values.push(values[i]);
        }
        out.bytes = source.bytesRead;
        return out;
      } finally {
        await source.close();
      }
    },
  };
}

/** parquetReadObjects with a filter on id, page-index pruning of the filter column and offset-index reads of the rest. */
export async function hyparquetLookup(): Promise<Lookup> {
  const { asyncBufferFromFile, parquetReadObjects } = await import('hyparquet');
  const { compressors } = await import('hyparquet-compressors');
  return {
    async run(path, lo, hi) {
      const inner = await asyncBufferFromFile(path);
      let bytes = 0;
      const file = {
        byteLength: inner.byteLength,
        async slice(start: number, end?: number) {
          const got = await inner.slice(start, end);
          bytes += got.byteLength;
          return got;
        },
      };
      const filter = lo === hi ? { id: { $eq: BigInt(lo) } } : { id: { $gte: BigInt(lo), $lte: BigInt(hi) } };
      const rows = await parquetReadObjects({ file, filter, compressors, usePageIndex: true, useOffsetIndex: true });
      return { ids: rows.map((r) => Number(r.id)), values: rows.map((r) => Number(r.value)), bytes };
    },
  };
}

function readChars(): number {
  // rchar counts bytes returned by read/pread, page cache or not (read_bytes would miss cached reads).
  const io = readFileSync('/proc/self/io', 'utf8');
  return Number(/rchar:\s*(\d+)/.exec(io)![1]);
}

export async function duckdbLookup(): Promise<Lookup> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  return {
    async run(path, lo, hi) {
      const where = lo === hi ? `id = ${lo}` : `id BETWEEN ${lo} AND ${hi}`;
      const before = readChars();
      const reader = await c.runAndReadAll(`SELECT * FROM read_parquet('${path.replaceAll("'", "''")}') WHERE ${where}`);
      const bytes = readChars() - before;
      const id = reader.getColumns()[reader.columnNames().indexOf('id')];
      const value = reader.getColumns()[reader.columnNames().indexOf('value')];
      return { ids: id.map(Number), values: value.map(Number), bytes };
    },
  };
}

/**
 * parquet-wasm has no predicate and exposes no statistics, so the row groups are picked from their
 * row counts, using that id is the row position (a favour the other readers do not get); the whole
 * file is read into memory (readParquet takes a Uint8Array), then the batch is filtered.
 */
export async function parquetWasmLookup(): Promise<Lookup> {
  const { openAsBlob } = await import('node:fs');
  const { readFile } = await import('node:fs/promises');
  const { ParquetFile, readParquet } = await import('parquet-wasm');
  const { tableFromIPC } = await import('apache-arrow');
  // Row counts per row group, read once per process from the footer (not counted in bytes or time).
  const rowCounts = new Map<string, number[]>();
  const countsOf = async (path: string) => {
    if (!rowCounts.has(path)) {
      const meta = (await ParquetFile.fromFile(await openAsBlob(path))).metadata();
      rowCounts.set(path, meta.rowGroups().map((g) => g.numRows()));
    }
    return rowCounts.get(path)!;
  };
  return {
    async run(path, lo, hi) {
      const counts = await countsOf(path);
      const bytes = await readFile(path);
      const rowGroups: number[] = [];
      let start = 0;
      counts.forEach((n, g) => {
        if (start <= hi && lo < start + n) rowGroups.push(g);
        start += n;
      });
      const table = tableFromIPC(readParquet(bytes, { rowGroups, batchSize: 1 << 20 }).intoIPCStream());
      const ids = table.getChild('id')!.toArray() as BigInt64Array;
      const values = table.getChild('value')!.toArray() as Float64Array;
      const out: LookupResult = { ids: [], values: [], bytes: bytes.byteLength };
      for (let i = 0; i < ids.length; i++) {
        const id = Number(ids[i]);
        if (id >= lo && id <= hi) {
          out.ids.push(id);
          out.values.push(values[i]);
        }
      }
      return out;
    },
  };
}
