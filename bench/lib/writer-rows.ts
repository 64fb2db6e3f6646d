// Batches of a recommendation-sample table generated on the fly, for the writer benchmark's
// streaming-memory run: the reader tables' columns and types (ids, a timestamp, a label, a boolean,
// nine float features of which three ~10% null, two strings), from a 32-bit hash of the row
// number, so any batch can be made alone and the whole table is never in memory.
import { Bool, Field, Float32, Int32, Int64, makeData, RecordBatch, Schema, Struct, TimestampMicrosecond, Utf8, type Data } from 'apache-arrow';

const SURFACES = ['home', 'search', 'email', 'push', 'related', 'trending', 'ads', 'other'].map((s) => new TextEncoder().encode(s));
const HEX = new TextEncoder().encode('0123456789abcdef');
/** 2024-06-01 00:00:00 in microseconds. */
const TS_START_US = Date.UTC(2024, 5, 1) * 1000;
const TWO_32 = 2 ** 32;

const types = {
  user_id: new Int64(),
  item_id: new Int64(),
  ts: new TimestampMicrosecond(),
  label: new Int32(),
  clicked: new Bool(),
  ...Object.fromEntries(Array.from({ length: 9 }, (_, k) => [`f${k}`, new Float32()])),
  surface: new Utf8(),
  request_id: new Utf8(),
};
export const recSchema = new Schema(Object.entries(types).map(([name, type]) => new Field(name, type, true)));

/** murmur3's finalizer over the row number and a salt: the same value on every run. */
function mix(i: number, salt: number): number {
  let h = Math.imul(i ^ Math.imul(salt, 0x27d4eb2f), 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A BigInt64Array filled through its 32-bit halves (no BigInt per value). */
function int64s(n: number, value: (i: number) => number): BigInt64Array {
  const out = new BigInt64Array(n);
  const words = new Uint32Array(out.buffer);
  for (let i = 0; i < n; i++) {
    const v = value(i);
    words[2 * i] = v % TWO_32;
    words[2 * i + 1] = Math.floor(v / TWO_32);
  }
  return out;
}

function bits(n: number, set: (i: number) => boolean): { bytes: Uint8Array; unset: number } {
  const bytes = new Uint8Array((n + 7) >> 3);
  let unset = 0;
  for (let i = 0; i < n; i++) {
    if (set(i)) bytes[i >> 3] |= 1 << (i & 7);
    else unset++;
  }
  return { bytes, unset };
}

/** Rows [start, start + n) of the table, and the sum of their `label` column. */
export function recBatch(start: number, n: number): { batch: RecordBatch; labelSum: number } {
  const row = (i: number) => start + i;
  const children: Data[] = [];
  const fields = recSchema.fields;
  children.push(makeData({ type: types.user_id, length: n, data: int64s(n, (i) => mix(row(i), 1) % 1_000_000) }));
  children.push(makeData({ type: types.item_id, length: n, data: int64s(n, (i) => mix(row(i), 2) % 5_000_000) }));
  children.push(makeData({ type: types.ts, length: n, data: int64s(n, (i) => TS_START_US + row(i) * 7000 + (mix(row(i), 3) % 5) * 1000) }));
  const label = new Int32Array(n);
  let labelSum = 0;
  for (let i = 0; i < n; i++) labelSum += label[i] = mix(row(i), 4) & 1;
  children.push(makeData({ type: types.label, length: n, data: label }));
  children.push(makeData({ type: types.clicked, length: n, data: bits(n, (i) => mix(row(i), 5) % 10 < 3).bytes }));
  for (let k = 0; k < 9; k++) {
    const values = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const u = (mix(row(i), 10 + k) % 1_000_000) / 1_000_000;
      values[i] = k >= 3 && k < 6 ? Math.round(u * 100) / 100 : u;
    }
    if (k < 6) children.push(makeData({ type: new Float32(), length: n, data: values }));
    else {
      const valid = bits(n, (i) => mix(row(i), 20 + k) % 10 !== 0);
      children.push(makeData({ type: new Float32(), length: n, data: values, nullBitmap: valid.bytes, nullCount: valid.unset }));
    }
  }
  const surfaceOffsets = new Int32Array(n + 1);
  const picks = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    picks[i] = mix(row(i), 30) % SURFACES.length;
    surfaceOffsets[i + 1] = surfaceOffsets[i] + SURFACES[picks[i]].length;
  }
  const surfaceBytes = new Uint8Array(surfaceOffsets[n]);
  for (let i = 0; i < n; i++) surfaceBytes.set(SURFACES[picks[i]], surfaceOffsets[i]);
  children.push(makeData({ type: types.surface, length: n, valueOffsets: surfaceOffsets, data: surfaceBytes }));
  // request_id: 32 hex digits from four hashes, as 8-4-4-4-12 (36 bytes).
  const idOffsets = new Int32Array(n + 1);
  const idBytes = new Uint8Array(36 * n);
  for (let i = 0; i < n; i++) {
    idOffsets[i + 1] = 36 * (i + 1);
    let p = 36 * i;
    for (let w = 0; w < 4; w++) {
      const h = mix(row(i), 40 + w);
      for (let d = 0; d < 8; d++) {
        const digit = w * 8 + d;
        if (digit === 8 || digit === 12 || digit === 16 || digit === 20) idBytes[p++] = 0x2d; // '-'
        idBytes[p++] = HEX[(h >>> (28 - 4 * d)) & 15];
      }
    }
  }
  children.push(makeData({ type: types.request_id, length: n, valueOffsets: idOffsets, data: idBytes }));
  const batch = new RecordBatch(recSchema, makeData({ type: new Struct(fields), length: n, children }));
  return { batch, labelSum };
}
