// hyparquet-writer in the writer benchmark: the Arrow table becomes its columnData (typed arrays for
// numeric columns without nulls, JS arrays with nulls otherwise, strings and booleans as JS values)
// and an explicit schema of the same types, both outside the timer; the timed part is
// parquetWriteFile({ filename, columnData, schema, codec: 'SNAPPY' }). Everything else is its
// default (row groups of 1,000 then 100,000 rows, 1 MB pages). It ships no zstd compressor, so it
// only runs for snappy.
import { DataType, TimeUnit, type Data, type Field, type Table } from 'apache-arrow';
import { parquetWriteFile, type ColumnSource, type SchemaElement } from 'hyparquet-writer';
import type { BenchWriter, WriteCodec } from './writer-contract.js';

const isValid = (data: Data, i: number) => {
  if (!data.nullBitmap || data.nullCount === 0) return true;
  const bit = data.offset + i;
  return ((data.nullBitmap[bit >> 3] >> (bit & 7)) & 1) === 1;
};

function schemaElement(field: Field): SchemaElement {
  const base = { name: field.name, repetition_type: field.nullable ? 'OPTIONAL' : 'REQUIRED' } as const;
  const type = field.type;
  if (DataType.isInt(type) && type.isSigned && (type.bitWidth === 32 || type.bitWidth === 64)) return { ...base, type: type.bitWidth === 32 ? 'INT32' : 'INT64' };
  if (DataType.isFloat(type) && type.precision >= 1) return { ...base, type: type.precision === 1 ? 'FLOAT' : 'DOUBLE' };
  if (DataType.isBool(type)) return { ...base, type: 'BOOLEAN' };
  if (DataType.isUtf8(type)) return { ...base, type: 'BYTE_ARRAY', converted_type: 'UTF8' };
  if (DataType.isTimestamp(type) && type.unit === TimeUnit.MICROSECOND) {
    return { ...base, type: 'INT64', converted_type: 'TIMESTAMP_MICROS', logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: type.timezone != null, unit: 'MICROS' } };
  }
  throw new Error(`hyparquet-writer adapter: no mapping for ${field.name}: ${String(type)}`);
}

/** One column's values in the form hyparquet-writer takes. */
function columnValues(field: Field, chunks: readonly Data[], rows: number): ColumnSource['data'] {
  const type = field.type;
  const nulls = chunks.reduce((s, d) => s + d.nullCount, 0);
  if (DataType.isUtf8(type) || DataType.isBool(type)) {
    const out = new Array<string | boolean | null>(rows);
    const decoder = new TextDecoder();
    let k = 0;
    for (const data of chunks) {
      for (let i = 0; i < data.length; i++, k++) {
        if (!isValid(data, i)) out[k] = null;
        else if (DataType.isBool(type)) {
          const bit = data.offset + i;
          out[k] = ((data.values[bit >> 3] >> (bit & 7)) & 1) === 1;
        } else {
          const offsets = data.valueOffsets;
          out[k] = decoder.decode(data.values.subarray(offsets[data.offset + i], offsets[data.offset + i + 1]));
        }
      }
    }
    return out;
  }
  // Numbers and timestamps: the raw values (BigInt64Array for 64-bit ones), copied into one array.
  const first = chunks[0].values as Int32Array | BigInt64Array | Float32Array | Float64Array;
  const ctor = first.constructor as new (n: number) => typeof first;
  const values = new ctor(rows);
  let k = 0;
  for (const data of chunks) {
    (values as Int32Array).set((data.values as Int32Array).subarray(data.offset, data.offset + data.length), k);
    k += data.length;
  }
  if (nulls === 0) return values;
  const out = Array.from(values as ArrayLike<number | bigint>) as Array<number | bigint | null>;
  k = 0;
  for (const data of chunks) for (let i = 0; i < data.length; i++, k++) if (!isValid(data, i)) out[k] = null;
  return out;
}

export function hyparquetWriter(table: Table, codec: WriteCodec): BenchWriter {
  if (codec !== 'snappy') throw new Error('hyparquet-writer ships no zstd compressor');
  const t0 = performance.now();
  const fields = table.schema.fields;
  const schema: SchemaElement[] = [{ name: 'root', num_children: fields.length }, ...fields.map(schemaElement)];
  const columnData: ColumnSource[] = fields.map((field, i) => ({ name: field.name, data: columnValues(field, table.getChildAt(i)!.data, table.numRows) }));
  const prepareSeconds = (performance.now() - t0) / 1e3;
  return {
    prepareSeconds,
    async write(filename) {
      parquetWriteFile({ filename, columnData, schema, codec: 'SNAPPY' });
    },
  };
}
