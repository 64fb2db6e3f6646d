// Realistic ~1 MiB page bodies for the compression benchmark, shaped like the columns of a
// recommendation sample table (user ids, event timestamps, float features, dictionary-encoded
// categories, UUID-like item ids). Deterministic: every run compresses the same bytes.
import { rng } from './measure.js';

export interface PageSample {
  /** What the page holds, as the tables print it. */
  name: string;
  /** The uncompressed page body. */
  bytes: Uint8Array;
}

const PAGE_BYTES = 1 << 20;

/** INT64 user ids, PLAIN little-endian: sorted, gaps of 1..16 (ids of one user shard). */
export function userIdsPage(seed = 1): PageSample {
  const next = rng(seed);
  const values = new BigInt64Array(PAGE_BYTES / 8);
  let id = 48_000_000_000n;
  for (let i = 0; i < values.length; i++) values[i] = id += BigInt(1 + Math.floor(next() * 16));
  return { name: 'INT64 user ids', bytes: new Uint8Array(values.buffer) };
}

/** INT64 event timestamps in ms, PLAIN little-endian: increasing, 0..99 ms apart. */
export function timestampsPage(seed = 2): PageSample {
  const next = rng(seed);
  const values = new BigInt64Array(PAGE_BYTES / 8);
  let t = 1_700_000_000_000n;
  for (let i = 0; i < values.length; i++) values[i] = t += BigInt(Math.floor(next() * 100));
  return { name: 'INT64 timestamps ms', bytes: new Uint8Array(values.buffer) };
}

/** FLOAT features, PLAIN little-endian float32 rounded to 2 decimals (scores like 0.37), skewed low. */
export function featuresPage(seed = 3): PageSample {
  const next = rng(seed);
  const values = new Float32Array(PAGE_BYTES / 4);
  for (let i = 0; i < values.length; i++) {
    const u = next();
    values[i] = Math.round(u * u * 100) / 100;
  }
  return { name: 'FLOAT features', bytes: new Uint8Array(values.buffer) };
}

/**
 * Dictionary indices into 1,000 categories, zipf-like (log-uniform: index k about as likely as
 * 1/(k+1)). Stored as little-endian int32, the honest simple proxy for an RLE/bit-packed index
 * page before its hybrid encoding.
 */
export function dictionaryIndicesPage(seed = 4): PageSample {
  const next = rng(seed);
  const values = new Int32Array(PAGE_BYTES / 4);
  for (let i = 0; i < values.length; i++) values[i] = Math.min(999, Math.floor(Math.pow(1001, next())) - 1);
  return { name: 'dictionary indices', bytes: new Uint8Array(values.buffer) };
}

/**
 * UTF-8 item ids, PLAIN BYTE_ARRAY (4-byte little-endian length, then the bytes): 36-character
 * UUID-like hex ids drawn zipf-like from 5,000 distinct ones, so popular items repeat.
 */
export function itemIdsPage(seed = 5): PageSample {
  const next = rng(seed);
  const hex = '0123456789abcdef';
  const pool = Array.from({ length: 5000 }, () => {
    const id = new Uint8Array(36);
    for (let k = 0; k < 36; k++) id[k] = k === 8 || k === 13 || k === 18 || k === 23 ? 45 : hex.charCodeAt(Math.floor(next() * 16));
    return id;
  });
  const count = Math.floor(PAGE_BYTES / 40);
  const bytes = new Uint8Array(count * 40);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < count; i++) {
    view.setUint32(i * 40, 36, true);
    bytes.set(pool[Math.min(pool.length - 1, Math.floor(Math.pow(pool.length + 1, next())) - 1)], i * 40 + 4);
  }
  return { name: 'UTF-8 item ids', bytes };
}

/** Every sample page, in the order the tables print them. */
export function pageSamples(): PageSample[] {
  return [userIdsPage(), timestampsPage(), featuresPage(), dictionaryIndicesPage(), itemIdsPage()];
}
