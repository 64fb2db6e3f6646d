// Deterministic page-like inputs for the compression suites: the kinds of bytes Parquet pages hold.
import { rng } from './random.js';

export type PageKind = 'zeros' | 'random' | 'text' | 'ids' | 'floats';
export const PAGE_KINDS: readonly PageKind[] = ['zeros', 'random', 'text', 'ids', 'floats'];

const WORDS = ['user', 'item', 'click', 'view', 'cart', 'feature', 'embedding', 'score', 'label', ' ', ',', '\n'];

export function pageData(kind: PageKind, size: number, seed = 1): Uint8Array {
  const next = rng(seed);
  const out = new Uint8Array(size);
  if (kind === 'zeros') return out;
  if (kind === 'random') {
    for (let i = 0; i < size; i++) out[i] = (next() * 256) | 0;
    return out;
  }
  if (kind === 'text') {
    const encoder = new TextEncoder();
    for (let at = 0; at < size; ) {
      const word = encoder.encode(WORDS[(next() * WORDS.length) | 0]);
      out.set(word.subarray(0, size - at), at);
      at += word.length;
    }
    return out;
  }
  const view = new DataView(out.buffer);
  if (kind === 'ids') {
    // Sorted INT64 ids with small gaps, little endian: what a page of a key column holds.
    let id = 1_000_000_000;
    for (let at = 0; at + 8 <= size; at += 8) {
      id += 1 + ((next() * 16) | 0);
      view.setBigInt64(at, BigInt(id), true);
    }
    return out;
  }
  for (let at = 0; at + 4 <= size; at += 4) view.setFloat32(at, Math.round(next() * 1000) / 100, true);
  return out;
}
