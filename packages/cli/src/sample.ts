// `parquetry sample FILE [--rows N] [--compression C]`: a deterministic recommendation sample
// (user and item ids, an event time, a label, a click flag, nine float features, a category and a
// 36-character request id) written by Parquetry itself, for trying the other commands on.
import { encodeParquet, type WriteOptions } from '@parquetry/parquet';
import { Bool, Field, Float32, Int32, Int64, makeData, RecordBatch, Schema, Struct, Table, TimestampMicrosecond, Utf8, type Data } from 'apache-arrow';

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORIES = ['news', 'sports', 'music', 'video', 'shopping', 'travel', 'food', 'games'];
const encoder = new TextEncoder();

function strings(values: string[], valid: Uint8Array): Data {
  const parts = values.map((v) => encoder.encode(v));
  const offsets = new Int32Array(values.length + 1);
  parts.forEach((p, i) => (offsets[i + 1] = offsets[i] + (valid[i] ? p.length : 0)));
  const bytes = new Uint8Array(offsets[values.length]);
  parts.forEach((p, i) => valid[i] && bytes.set(p, offsets[i]));
  const bitmap = new Uint8Array((values.length + 7) >> 3);
  let nulls = 0;
  valid.forEach((v, i) => (v ? (bitmap[i >> 3] |= 1 << (i & 7)) : nulls++));
  return makeData({ type: new Utf8(), length: values.length, nullCount: nulls, nullBitmap: bitmap, valueOffsets: offsets, data: bytes });
}

export function sampleTable(rows: number, seed = 42): Table {
  const next = random(seed);
  const userIds = new BigInt64Array(rows);
  const itemIds = new BigInt64Array(rows);
  const times = new BigInt64Array(rows);
  const labels = new Int32Array(rows);
  const clicked = new Uint8Array((rows + 7) >> 3);
  const features = Array.from({ length: 9 }, () => new Float32Array(rows));
  const categories: string[] = [];
  const requests: string[] = [];
  const hasCategory = new Uint8Array(rows);
  let time = 1_767_225_600_000_000n; // 2026-01-01T00:00:00Z in microseconds
  for (let i = 0; i < rows; i++) {
    userIds[i] = BigInt(1_000_000 + Math.floor(next() * 50_000));
    itemIds[i] = BigInt(Math.floor(next() ** 3 * 2_000_000));
    time += BigInt(Math.floor(next() * 2000));
    times[i] = time;
    labels[i] = next() < 0.07 ? 1 : 0;
    if (labels[i] || next() < 0.2) clicked[i >> 3] |= 1 << (i & 7);
    for (const f of features) f[i] = Math.round(next() * 1000) / 1000;
    hasCategory[i] = next() < 0.95 ? 1 : 0;
    categories.push(CATEGORIES[Math.floor(next() * CATEGORIES.length)]);
    const hex = () => Math.floor(next() * 2 ** 32).toString(16).padStart(8, '0');
    const h = hex() + hex() + hex() + hex();
    requests.push(`${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`);
  }
  const fields = [
    new Field('user_id', new Int64(), false),
    new Field('item_id', new Int64(), false),
    new Field('event_time', new TimestampMicrosecond('UTC'), false),
    new Field('label', new Int32(), false),
    new Field('clicked', new Bool(), false),
    ...features.map((_, k) => new Field(`f${k}`, new Float32(), false)),
    new Field('category', new Utf8(), true),
    new Field('request_id', new Utf8(), false),
  ];
  const children: Data[] = [
    makeData({ type: new Int64(), length: rows, data: userIds }),
    makeData({ type: new Int64(), length: rows, data: itemIds }),
    makeData({ type: new TimestampMicrosecond('UTC'), length: rows, data: times }),
    makeData({ type: new Int32(), length: rows, data: labels }),
    makeData({ type: new Bool(), length: rows, data: clicked }),
    ...features.map((f) => makeData({ type: new Float32(), length: rows, data: f })),
    strings(categories, hasCategory),
    strings(requests, new Uint8Array(rows).fill(1)),
  ];
  const schema = new Schema(fields);
  return new Table([new RecordBatch(schema, makeData({ type: new Struct(fields), length: rows, nullCount: 0, children }))]);
}

export function writeSample(rows: number, options: WriteOptions = {}): Uint8Array {
  return encodeParquet(sampleTable(rows), { rowGroupSize: 250_000, ...options });
}
