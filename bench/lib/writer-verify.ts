// The writer benchmark's check that an output file holds the input: read back with Parquetry
// (one row group at a time) into a digest of every column — row count, null count and a value
// checksum per column — compared with the digest of the source file read the same way.
// Also the footer facts the report shows: row groups and the largest row group's encoded size.
import { fileSource, openParquet, readArrow } from '@parquetry/parquet';
import { makeVector, type Data, type Vector } from 'apache-arrow';

export interface ColumnDigest {
  type: string;
  nulls: number;
  /** Integers and timestamps: the sum as a decimal string (exact); floats: a float64 sum in row order;
   * booleans: the count of true; strings and binaries: FNV-1a over the bytes with a separator. */
  checksum: string;
}

export interface FileDigest {
  rows: number;
  columns: Record<string, ColumnDigest>;
}

export interface FooterFacts {
  rowGroups: number;
  /** Largest row group: sum of its column chunks' total_compressed_size, and its total_byte_size. */
  maxRowGroupCompressed: number;
  maxRowGroupUncompressed: number;
  createdBy?: string;
}

const valid = (data: Data, i: number) => {
  const bitmap = data.nullBitmap;
  if (!bitmap || data.nullCount === 0) return true;
  const bit = data.offset + i;
  return ((bitmap[bit >> 3] >> (bit & 7)) & 1) === 1;
};

/** A running checksum of one column over the batches of a file. */
class ColumnSum {
  nulls = 0;
  int = 0n;
  float = 0;
  trues = 0;
  hash = 0x811c9dc5;
  kind: 'int' | 'float' | 'bool' | 'bytes' | 'other' = 'other';

  add(vector: Vector): void {
    for (const data of vector.data) this.addData(data);
  }

  private addData(data: Data): void {
    const typeId = String(data.type);
    const values = data.values as ArrayLike<number | bigint> | undefined;
    if (data.valueOffsets && data.values instanceof Uint8Array && data.dictionary === undefined && !data.children.length) {
      this.kind = 'bytes';
      const offsets = data.valueOffsets as ArrayLike<number | bigint>;
      const bytes = data.values;
      let h = this.hash;
      for (let i = 0; i < data.length; i++) {
        if (!valid(data, i)) {
          this.nulls++;
          continue;
        }
        const end = Number(offsets[data.offset + i + 1]);
        for (let k = Number(offsets[data.offset + i]); k < end; k++) h = Math.imul(h ^ bytes[k], 0x01000193);
        h = Math.imul(h ^ 0xff, 0x01000193); // a separator: "ab","c" differs from "a","bc"
      }
      this.hash = h;
      return;
    }
    if (typeId === 'Bool') {
      this.kind = 'bool';
      const bits = data.values as Uint8Array;
      for (let i = 0; i < data.length; i++) {
        if (!valid(data, i)) this.nulls++;
        else {
          const bit = data.offset + i;
          this.trues += (bits[bit >> 3] >> (bit & 7)) & 1;
        }
      }
      return;
    }
    if (values instanceof Float32Array || values instanceof Float64Array) {
      this.kind = 'float';
      for (let i = 0; i < data.length; i++) {
        if (!valid(data, i)) this.nulls++;
        else this.float += values[data.offset + i];
      }
      return;
    }
    if (values instanceof BigInt64Array || values instanceof BigUint64Array) {
      this.kind = 'int';
      let sum = 0n;
      for (let i = 0; i < data.length; i++) {
        if (!valid(data, i)) this.nulls++;
        else sum += values[data.offset + i];
      }
      this.int += sum;
      return;
    }
    if (values && ArrayBuffer.isView(values) && data.children.length === 0 && data.dictionary === undefined) {
      this.kind = 'int';
      let sum = 0;
      for (let i = 0; i < data.length; i++) {
        if (!valid(data, i)) this.nulls++;
        else sum += values[data.offset + i] as number;
      }
      this.int += BigInt(sum);
      return;
    }
    // Anything else (dictionaries, nested; no column of the benchmark's tables): each value's JSON, hashed.
    const vector = makeVector(data);
    const encoder = new TextEncoder();
    let h = this.hash;
    for (let i = 0; i < data.length; i++) {
      if (!valid(data, i)) {
        this.nulls++;
        continue;
      }
      const json = JSON.stringify(vector.get(i), (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
      for (const b of encoder.encode(json)) h = Math.imul(h ^ b, 0x01000193);
      h = Math.imul(h ^ 0xff, 0x01000193);
    }
    this.hash = h;
  }

  checksum(): string {
    switch (this.kind) {
      case 'int':
        return this.int.toString();
      case 'float':
        return this.float.toPrecision(17);
      case 'bool':
        return `${this.trues} true`;
      default:
        return `fnv ${(this.hash >>> 0).toString(16).padStart(8, '0')}`;
    }
  }
}

/** Reads the whole file with Parquetry, a row group at a time, and digests every column. */
export async function digestFile(path: string): Promise<FileDigest> {
  const source = await fileSource(path);
  try {
    const file = await openParquet(source);
    const sums = new Map<string, { type: string; sum: ColumnSum }>();
    let rows = 0;
    for await (const batch of readArrow(file)) {
      rows += batch.numRows;
      for (const [i, field] of batch.schema.fields.entries()) {
        let entry = sums.get(field.name);
        if (!entry) sums.set(field.name, (entry = { type: String(field.type), sum: new ColumnSum() }));
        entry.sum.add(batch.getChildAt(i)!);
      }
    }
    const columns: Record<string, ColumnDigest> = {};
    for (const [name, { type, sum }] of sums) columns[name] = { type, nulls: sum.nulls, checksum: sum.checksum() };
    return { rows, columns };
  } finally {
    await source.close();
  }
}

/** What differs between a digest and the reference: values are errors, Arrow types only notes. */
export function compareDigests(reference: FileDigest, got: FileDigest): { errors: string[]; notes: string[] } {
  const errors: string[] = [];
  const notes: string[] = [];
  if (got.rows !== reference.rows) errors.push(`${got.rows} rows, expected ${reference.rows}`);
  const names = Object.keys(reference.columns);
  const gotNames = Object.keys(got.columns);
  if (names.join(',') !== gotNames.join(',')) errors.push(`columns [${gotNames.join(', ')}], expected [${names.join(', ')}]`);
  for (const name of names) {
    const want = reference.columns[name];
    const have = got.columns[name];
    if (!have) continue;
    if (have.nulls !== want.nulls) errors.push(`${name}: ${have.nulls} nulls, expected ${want.nulls}`);
    if (have.checksum !== want.checksum) errors.push(`${name}: checksum ${have.checksum}, expected ${want.checksum}`);
    if (have.type !== want.type) notes.push(`${name} reads back as ${have.type} (source ${want.type})`);
  }
  return { errors, notes };
}

export async function footerFacts(path: string): Promise<FooterFacts> {
  const source = await fileSource(path);
  try {
    const { metadata } = await openParquet(source);
    let maxRowGroupCompressed = 0;
    let maxRowGroupUncompressed = 0;
    for (const rowGroup of metadata.row_groups) {
      let compressed = 0;
      for (const chunk of rowGroup.columns) compressed += Number(chunk.meta_data?.total_compressed_size ?? 0);
      maxRowGroupCompressed = Math.max(maxRowGroupCompressed, compressed);
      maxRowGroupUncompressed = Math.max(maxRowGroupUncompressed, Number(rowGroup.total_byte_size));
    }
    return { rowGroups: metadata.row_groups.length, maxRowGroupCompressed, maxRowGroupUncompressed, createdBy: metadata.created_by };
  } finally {
    await source.close();
  }
}

/** Rows and the sum of one integer column, read alone (the streaming-memory run's check). */
export async function columnTotal(path: string, column: string): Promise<{ rows: number; sum: number }> {
  const source = await fileSource(path);
  try {
    const file = await openParquet(source);
    let rows = 0;
    let sum = 0;
    for await (const batch of readArrow(file, { columns: [column] })) {
      rows += batch.numRows;
      for (const data of batch.getChildAt(0)!.data) {
        const values = data.values as Int32Array;
        for (let i = 0; i < data.length; i++) if (valid(data, i)) sum += values[data.offset + i];
      }
    }
    return { rows, sum };
  } finally {
    await source.close();
  }
}
