import { ParquetryError, type ByteArrays } from '@parquetry/core';
import { MAX_COUNT } from './check.js';
import { fmix32, hash64, hashBytes } from './hash.js';

const INITIAL_SLOTS = 1024;
const INITIAL_ENTRIES = 256;
/** Slots of the largest table: an Int32Array of 2^30 entries is 4 GiB. */
const MAX_SLOTS = 2 ** 30;

/**
 * The native hash-table loops (the binding's dictionaryAdd32/64/ByteArrays), run over this
 * table's own buffers with the same hashes and probing; each stops before a new value that needs a
 * buffer to grow, which the TypeScript loop then adds. `state` is [count, plainBytes, limit, stop].
 */
export interface DistinctKernels {
  dictionaryAdd32(values: Int32Array, from: number, slots: Int32Array, hashes: Int32Array, words: Int32Array, out: Int32Array, at: number, state: Float64Array): number;
  dictionaryAdd64(pairs: Int32Array, from: number, slots: Int32Array, hashes: Int32Array, words: Int32Array, out: Int32Array, at: number, state: Float64Array): number;
  dictionaryAddByteArrays(offsets: Int32Array, bytes: Uint8Array, from: number, slots: Int32Array, hashes: Int32Array, entryOffsets: Int32Array, store: Uint8Array, out: Int32Array, at: number, state: Float64Array): number;
}

/** Fewer values left than this stay in TypeScript (a crossing costs about as much). */
const KERNEL_MIN_VALUES = 64;

function tooBig(what: string): ParquetryError {
  return new ParquetryError('LIMIT', `the dictionary's ${what} would exceed 2 GiB`);
}

/**
 * The distinct values of one column chunk in first-seen order, found through an open-addressing
 * hash table (linear probing, at most half full, doubling) keyed by each value's bit pattern:
 * NaN payloads, -0 and +0 are distinct values, and the dictionary gives back exactly the bytes it
 * was given. Storage by shape: `words` for 4- and 8-byte values (`wordsPerValue` words each),
 * `store` for other fixed widths (`width` bytes each) and for byte arrays (`store[offsets[e] ..
 * offsets[e + 1])`). Nothing is allocated per value: every buffer grows by doubling.
 *
 * Each `add*` loop writes the entry number of every value to `out` and returns false as soon as
 * the PLAIN size passes `limit`; `truncate` then forgets the entries added since a mark.
 */
export class DistinctValues {
  /** Values in the dictionary. */
  count = 0;
  /** Their PLAIN-encoded size: `width` each, or 4 + length each for byte arrays. */
  plainBytes = 0;
  words: Int32Array = new Int32Array(0);
  store: Uint8Array = new Uint8Array(0);
  offsets: Int32Array = new Int32Array(0);
  /** Entry number + 1 per slot, 0 for an empty slot. */
  private slots: Int32Array = new Int32Array(INITIAL_SLOTS);
  private mask = INITIAL_SLOTS - 1;
  /** Each entry's hash, for growing and truncating the table without rehashing values. */
  private hashes: Int32Array = new Int32Array(INITIAL_ENTRIES);

  /**
   * `width`: bytes per value, 0 for BYTE_ARRAY. `asWords`: values of 4 or 8 bytes that arrive as
   * typed arrays (INT32, FLOAT, INT64, DOUBLE), kept in `words`; FIXED_LEN_BYTE_ARRAY of those
   * widths arrives as unaligned bytes and is kept in `store`.
   */
  private readonly state = new Float64Array(4);

  constructor(
    readonly width: number,
    readonly asWords: boolean,
    private readonly kernels: DistinctKernels | null = null,
  ) {
    if (asWords) this.words = new Int32Array(INITIAL_ENTRIES * (width >>> 2));
    else if (width === 0) this.offsets = new Int32Array(INITIAL_ENTRIES + 1);
    else this.store = new Uint8Array(Math.min(INITIAL_ENTRIES * width, 1 << 16));
  }

  /** 4-byte values given as Int32 bit patterns. */
  add32(values: Int32Array, out: Int32Array, at: number, limit: number): boolean {
    return this.addWith(values.length, limit, (from, state) => this.kernels!.dictionaryAdd32(values, from, this.slots, this.hashes, this.words, out, at, state), (from, to) => this.add32From(values, out, at, limit, from, to));
  }

  /** 8-byte values given as pairs of Int32 words (low, high). */
  add64(pairs: Int32Array, out: Int32Array, at: number, limit: number): boolean {
    return this.addWith(pairs.length >>> 1, limit, (from, state) => this.kernels!.dictionaryAdd64(pairs, from, this.slots, this.hashes, this.words, out, at, state), (from, to) => this.add64From(pairs, out, at, limit, from, to));
  }

  /** Byte strings, hashed and compared over their bytes (never as JS strings). */
  addByteArrays(values: ByteArrays, out: Int32Array, at: number, limit: number): boolean {
    return this.addWith(
      values.offsets.length - 1,
      limit,
      (from, state) => this.kernels!.dictionaryAddByteArrays(values.offsets, values.bytes, from, this.slots, this.hashes, this.offsets, this.store, out, at, state),
      (from, to) => this.addByteArraysFrom(values, out, at, limit, from, to),
    );
  }

  /**
   * Runs the native loop while it goes, and the TypeScript loop for each value the native one
   * stops at (a buffer must grow) or for the whole batch without kernels. False when the limit
   * was passed.
   */
  private addWith(n: number, limit: number, native: (from: number, state: Float64Array) => number, ts: (from: number, to: number) => boolean): boolean {
    const state = this.state;
    for (let k = 0; k < n; ) {
      if (this.kernels && n - k >= KERNEL_MIN_VALUES) {
        state[0] = this.count;
        state[1] = this.plainBytes;
        state[2] = limit;
        state[3] = 0;
        k = native(k, state);
        this.count = state[0];
        this.plainBytes = state[1];
        if (state[3] !== 0) return false;
        if (k >= n) return true;
        if (!ts(k, k + 1)) return false;
        k++;
      } else {
        return ts(k, n);
      }
    }
    return true;
  }

  private add32From(values: Int32Array, out: Int32Array, at: number, limit: number, from: number, to: number): boolean {
    let { slots, mask, words } = this;
    for (let k = from; k < to; k++) {
      const x = values[k];
      const h = fmix32(x);
      let s = h & mask;
      let e = slots[s] - 1;
      while (e >= 0 && words[e] !== x) e = slots[(s = (s + 1) & mask)] - 1;
      if (e < 0) {
        e = this.newEntry(h, s, 1);
        words = this.words;
        words[e] = x;
        ({ slots, mask } = this);
        this.plainBytes += 4;
        if (this.plainBytes > limit) return false;
      }
      out[at + k] = e;
    }
    return true;
  }

  private add64From(pairs: Int32Array, out: Int32Array, at: number, limit: number, from: number, to: number): boolean {
    let { slots, mask, words } = this;
    for (let k = from; k < to; k++) {
      const lo = pairs[2 * k];
      const hi = pairs[2 * k + 1];
      const h = hash64(lo, hi);
      let s = h & mask;
      let e = slots[s] - 1;
      while (e >= 0 && (words[2 * e] !== lo || words[2 * e + 1] !== hi)) e = slots[(s = (s + 1) & mask)] - 1;
      if (e < 0) {
        e = this.newEntry(h, s, 2);
        words = this.words;
        words[2 * e] = lo;
        words[2 * e + 1] = hi;
        ({ slots, mask } = this);
        this.plainBytes += 8;
        if (this.plainBytes > limit) return false;
      }
      out[at + k] = e;
    }
    return true;
  }

  /** Values of `width` bytes back to back (INT96, FIXED_LEN_BYTE_ARRAY). */
  addFixed(bytes: Uint8Array, out: Int32Array, at: number, limit: number): boolean {
    const width = this.width;
    let { slots, mask, store, hashes } = this;
    for (let k = 0, p = 0, n = bytes.length / width; k < n; k++, p += width) {
      const h = hashBytes(bytes, p, p + width);
      let s = h & mask;
      let e = slots[s] - 1;
      while (e >= 0 && (hashes[e] !== h || !sameBytes(store, e * width, bytes, p, width))) e = slots[(s = (s + 1) & mask)] - 1;
      if (e < 0) {
        e = this.newEntry(h, s, 0);
        this.reserveStore((e + 1) * width);
        store = this.store;
        copyBytes(bytes, p, store, e * width, width);
        ({ slots, mask, hashes } = this);
        this.plainBytes += width;
        if (this.plainBytes > limit) return false;
      }
      out[at + k] = e;
    }
    return true;
  }

  private addByteArraysFrom(values: ByteArrays, out: Int32Array, at: number, limit: number, from: number, to: number): boolean {
    const { offsets: inOffsets, bytes } = values;
    let { slots, mask, store, offsets, hashes } = this;
    for (let k = from; k < to; k++) {
      const a = inOffsets[k];
      const length = inOffsets[k + 1] - a;
      const h = hashBytes(bytes, a, a + length);
      let s = h & mask;
      let e = slots[s] - 1;
      while (
        e >= 0 &&
        (hashes[e] !== h || offsets[e + 1] - offsets[e] !== length || !sameBytes(store, offsets[e], bytes, a, length))
      ) {
        e = slots[(s = (s + 1) & mask)] - 1;
      }
      if (e < 0) {
        e = this.newEntry(h, s, 0);
        offsets = this.offsets;
        const start = offsets[e];
        if (start + length > MAX_COUNT) throw tooBig('bytes');
        this.reserveStore(start + length);
        store = this.store;
        copyBytes(bytes, a, store, start, length);
        offsets[e + 1] = start + length;
        ({ slots, mask, hashes } = this);
        this.plainBytes += 4 + length;
        if (this.plainBytes > limit) return false;
      }
      out[at + k] = e;
    }
    return true;
  }

  /**
   * Forgets every entry from `mark` on. Newest first: with linear probing an entry's probe path
   * crosses only older entries (a rehash reinserts in entry order too), so emptying the slots of
   * newer entries never cuts the path to an older one.
   */
  truncate(mark: number): void {
    const { slots, mask, hashes } = this;
    for (let e = this.count - 1; e >= mark; e--) {
      let s = hashes[e] & mask;
      while (slots[s] !== e + 1) s = (s + 1) & mask;
      slots[s] = 0;
    }
    this.count = mark;
    this.plainBytes = this.width === 0 ? this.offsets[mark] + 4 * mark : this.width * mark;
  }

  /** Empties the dictionary, keeping the buffers for the next column chunk. */
  clear(): void {
    this.slots.fill(0);
    this.count = 0;
    this.plainBytes = 0;
  }

  /**
   * Claims empty slot `s` for a new entry with hash `h`, growing the table and the per-entry
   * arrays first when needed (`words` grows by `wordsPerValue` per entry, `offsets` when 0 and
   * this holds byte arrays). Returns the new entry's number.
   */
  private newEntry(h: number, s: number, wordsPerValue: number): number {
    const e = this.count;
    if ((e + 1) * 2 > this.slots.length) s = this.growSlots(h);
    if (e === this.hashes.length) this.hashes = grow32(this.hashes, e * 2);
    if (wordsPerValue > 0 && (e + 1) * wordsPerValue > this.words.length) this.words = grow32(this.words, this.words.length * 2);
    if (this.width === 0 && e + 2 > this.offsets.length) this.offsets = grow32(this.offsets, this.offsets.length * 2);
    this.hashes[e] = h;
    this.slots[s] = e + 1;
    this.count = e + 1;
    return e;
  }

  /** Doubles the table, reinserting entries in order; returns the empty slot for hash `h`. */
  private growSlots(h: number): number {
    const size = this.slots.length * 2;
    if (size > MAX_SLOTS) throw tooBig('hash table');
    const slots = new Int32Array(size);
    const mask = size - 1;
    const hashes = this.hashes;
    for (let e = 0; e < this.count; e++) {
      let s = hashes[e] & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = e + 1;
    }
    this.slots = slots;
    this.mask = mask;
    let s = h & mask;
    while (slots[s] !== 0) s = (s + 1) & mask;
    return s;
  }

  private reserveStore(bytes: number): void {
    if (bytes <= this.store.length) return;
    if (bytes > MAX_COUNT) throw tooBig('bytes');
    const bigger = new Uint8Array(Math.min(MAX_COUNT, Math.max(bytes, this.store.length * 2)));
    bigger.set(this.store);
    this.store = bigger;
  }
}

function grow32(a: Int32Array, size: number): Int32Array {
  const bigger = new Int32Array(size);
  bigger.set(a);
  return bigger;
}

function sameBytes(a: Uint8Array, i: number, b: Uint8Array, j: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (a[i + k] !== b[j + k]) return false;
  return true;
}

/** Copies `n` bytes; long runs with `set` (one view per value, amortised over its length). */
function copyBytes(from: Uint8Array, i: number, to: Uint8Array, j: number, n: number): void {
  if (n >= 256) to.set(from.subarray(i, i + n), j);
  else for (let k = 0; k < n; k++) to[j + k] = from[i + k];
}
