// Writes the lookup table with Parquetry's encodeParquet (the whole file built in memory: there is
// no streaming writer), in a process of its own so that running out of memory fails only this.
// Usage: tsx lookup-write-parquetry.ts OUT.parquet ROWS; prints `OK <seconds>` when written.
import { encodeParquet } from '@parquetry/parquet';
import { Field, makeData, Schema, Table, RecordBatch, Struct, Int64, TimestampMicrosecond, Float64, Utf8 } from 'apache-arrow';
import { writeFileSync } from 'node:fs';
import { TAGS, TS_START_US, valueOf } from './lookup-data.js';

const [path, rowsText] = process.argv.slice(2);
const rows = Number(rowsText);
const started = performance.now();

const ids = new BigInt64Array(rows);
const ts = new BigInt64Array(rows);
const values = new Float64Array(rows);
const tagBytes = TAGS.map((t) => new TextEncoder().encode(t));
const offsets = new Int32Array(rows + 1);
for (let i = 0; i < rows; i++) offsets[i + 1] = offsets[i] + tagBytes[i % TAGS.length].length;
const text = new Uint8Array(offsets[rows]);
for (let i = 0; i < rows; i++) {
  ids[i] = BigInt(i);
  ts[i] = TS_START_US + BigInt(i) * 1000n;
  values[i] = valueOf(i);
  text.set(tagBytes[i % TAGS.length], offsets[i]);
}

const types = { id: new Int64(), ts: new TimestampMicrosecond(), value: new Float64(), tag: new Utf8() };
const fields = Object.entries(types).map(([name, type]) => new Field(name, type, false));
const children = [
  makeData({ type: types.id, length: rows, data: ids }),
  makeData({ type: types.ts, length: rows, data: ts }),
  makeData({ type: types.value, length: rows, data: values }),
  makeData({ type: types.tag, length: rows, valueOffsets: offsets, data: text }),
];
const schema = new Schema(fields);
const batch = new RecordBatch(schema, makeData({ type: new Struct(fields), length: rows, children }));
const bytes = encodeParquet(new Table(schema, batch), { compression: 'SNAPPY', rowGroupSize: 1_000_000, pageRows: 20_000 });
writeFileSync(path, bytes);
console.log(`OK ${((performance.now() - started) / 1e3).toFixed(1)}`);
