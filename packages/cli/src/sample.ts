// `parquetry sample FILE [--rows N] [--compression C]`: a deterministic recommendation sample
// (user and item ids, an event time, a label, a click flag, nine float features, a category and a
// 36-character request id) written by Parquetry itself, for trying the other commands on.
import { createParquetWriter, type WriteOptions } from '@parquetry/parquet';
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

const START_TIME = 1_767_225_600_000_000n; // 2026-01-01T00:00:00Z in microseconds
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

/** The sample as record batches of `batchRows` rows, made as they are consumed (one PRNG stream). */
export function* sampleBatches(rows: number, seed = 42, batchRows = 65_536): Generator<RecordBatch> {
  const next = random(seed);
  const state = { time: START_TIME };
  for (let done = 0; done < rows; done += batchRows) yield sampleBatch(Math.min(batchRows, rows - done), next, state);
}

export function sampleTable(rows: number, seed = 42): Table {
  return new Table([sampleBatch(rows, random(seed), { time: START_TIME })]);
}

function sampleBatch(rows: number, next: () => number, state: { time: bigint }): RecordBatch {
  const userIds = new BigInt64Array(rows);
  const itemIds = new BigInt64Array(rows);
  const times = new BigInt64Array(rows);
  const labels = new Int32Array(rows);
  const clicked = new Uint8Array((rows + 7) >> 3);
  const features = Array.from({ length: 9 }, () => new Float32Array(rows));
  const categories: string[] = [];
  const requests: string[] = [];
  const hasCategory = new Uint8Array(rows);
  let time = state.time;
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
  state.time = time;
  const schema = new Schema(fields);
  return new RecordBatch(schema, makeData({ type: new Struct(fields), length: rows, nullCount: 0, children }));
}

export interface SampleWritten {
  rows: number;
  /** Bytes of Arrow data handed to the writer. */
  arrowBytes: number;
  fileBytes: number;
  /** Seconds spent in the writer (the sample's generation left out). */
  seconds: number;
}

/** Streams the sample into `path` in batches, timing the writer alone. */
export async function writeSample(path: string, rows: number, options: WriteOptions = {}): Promise<SampleWritten> {
  const batches = sampleBatches(rows);
  const first = batches.next();
  const schema = first.done ? sampleTable(0).schema : first.value.schema;

  const writer = createParquetWriter(path, schema, { rowGroupSize: 250_000, ...options });
  let seconds = 0;
  let arrowBytes = 0;
  const timed = async (step: () => Promise<void>) => {
    const started = performance.now();
    await step();
    seconds += (performance.now() - started) / 1000;
  };
  try {
    for (let b = first; !b.done; b = batches.next()) {
      const batch = b.value;
      arrowBytes += arrowDataBytes(batch.data);
      await timed(() => writer.write(batch));
    }
    await timed(() => writer.close());
  } catch (error) {
    await writer.abort(error);
    throw error;
  }
  return { rows, arrowBytes, fileBytes: writer.bytesWritten, seconds };
}

export function arrowDataBytes(data: Data): number {
  let n = 0;
  for (const buffer of [data.values, data.valueOffsets, data.nullBitmap] as Array<ArrayBufferView | undefined>) n += buffer?.byteLength ?? 0;
  return data.children.reduce((s, c) => s + arrowDataBytes(c), n);
}
