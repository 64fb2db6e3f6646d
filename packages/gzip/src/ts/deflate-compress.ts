// A DEFLATE compressor (RFC 1951) written to be repeated step for step in Rust
// (native/crates/compression/src/deflate.rs), so both backends write the same bytes for the same
// input and level. zlib's design: hash chains in a 32 KiB window (positions found by their first
// four bytes: three match too often to search well), lazy matching with zlib's good/lazy/nice
// parameters and shorter chains (32 at level 6, not 128: up to 1.5x faster on page data for the
// same ratio within 0.2%), length-3 matches farther than 4 KiB dropped; blocks of 16,384 symbols,
// each written stored, with the fixed codes or with its own codes, whichever takes fewest bits
// (ties: stored, then fixed).
import { canonicalCodes, huffmanLengths } from './deflate-huffman.js';

const WINDOW = 1 << 15;
const WINDOW_MASK = WINDOW - 1;
const HASH_BITS = 15;
const MIN_MATCH = 3;
/** Bytes a position is hashed by. */
const HASHED = 4;
const MAX_MATCH = 258;
const TOO_FAR = 4096;
const BLOCK_SYMBOLS = 1 << 14;
const STORED_MAX = 65535;

/** [good, lazy, nice, chain] for levels 1..9 (level 0 stores). */
const LEVELS: ReadonlyArray<readonly [number, number, number, number]> = [
  [0, 0, 0, 0],
  [4, 4, 8, 4],
  [4, 5, 16, 8],
  [4, 6, 32, 16],
  [4, 4, 16, 16],
  [8, 16, 32, 24],
  [8, 16, 64, 32],
  [8, 32, 128, 64],
  [32, 128, 258, 256],
  [32, 258, 258, 1024],
];

// Length codes 257..285: base lengths and extra bits; distance codes 0..29 likewise.
const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
/** The order code-length code lengths are sent in. */
const CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** Length code index (0..28) of each match length 3..258. */
const LENGTH_CODE = new Uint8Array(MAX_MATCH + 1);
for (let c = 0; c < 29; c++) for (let l = LENGTH_BASE[c]; l < (c === 28 ? 259 : LENGTH_BASE[c + 1]); l++) LENGTH_CODE[l] = c;
LENGTH_CODE[258] = 28;

/** Distance code of each distance: 1..256 directly, larger ones by (d - 1) >> 7 (zlib's table). */
const DIST_CODE = new Uint8Array(512);
for (let c = 0; c < 30; c++) {
  for (let d = DIST_BASE[c]; d < DIST_BASE[c] + (1 << DIST_EXTRA[c]); d++) DIST_CODE[d <= 256 ? d - 1 : 256 + ((d - 1) >> 7)] = c;
}

function distCode(d: number): number {
  return DIST_CODE[d <= 256 ? d - 1 : 256 + ((d - 1) >> 7)];
}

const FIXED_LIT = new Uint8Array(288).fill(8, 0, 144).fill(9, 144, 256).fill(7, 256, 280).fill(8, 280, 288);
const FIXED_DIST = new Uint8Array(30).fill(5);
const FIXED_LIT_CODES = canonicalCodes(FIXED_LIT);
const FIXED_DIST_CODES = canonicalCodes(FIXED_DIST);

/** The most bytes `deflateInto` can write for `n` bytes (and room for a gzip wrapper). */
export function deflateBound(n: number): number {
  return n + Math.floor(n / 1024) + 128;
}

class BitWriter {
  bits = 0;
  count = 0;
  constructor(
    readonly out: Uint8Array,
    public op: number,
  ) {}

  put(value: number, n: number): void {
    this.bits |= value << this.count;
    this.count += n;
    while (this.count >= 8) {
      this.out[this.op++] = this.bits & 0xff;
      this.bits >>>= 8;
      this.count -= 8;
    }
  }

  /** Pads with zero bits to a byte boundary. */
  align(): void {
    if (this.count > 0) this.out[this.op++] = this.bits & 0xff;
    this.bits = 0;
    this.count = 0;
  }
}

/** The symbols of one block: literal bytes and (length, distance) pairs, and their frequencies. */
class Symbols {
  readonly litLen = new Uint16Array(BLOCK_SYMBOLS);
  readonly dist = new Uint16Array(BLOCK_SYMBOLS);
  readonly litFreq = new Int32Array(286);
  readonly distFreq = new Int32Array(30);
  n = 0;

  literal(byte: number): void {
    this.litLen[this.n] = byte;
    this.dist[this.n++] = 0;
    this.litFreq[byte]++;
  }

  match(length: number, distance: number): void {
    this.litLen[this.n] = length;
    this.dist[this.n++] = distance;
    this.litFreq[257 + LENGTH_CODE[length]]++;
    this.distFreq[distCode(distance)]++;
  }

  clear(): void {
    this.n = 0;
    this.litFreq.fill(0);
    this.distFreq.fill(0);
  }
}

/** Raw DEFLATE of `input` at `level` (0..9) into `out` from `at` (deflateBound bytes of room); returns the end. */
export function deflateInto(input: Uint8Array, out: Uint8Array, at: number, level: number): number {
  const w = new BitWriter(out, at);
  if (level === 0) {
    writeStored(w, input, 0, input.length, true);
    w.align();
    return w.op;
  }
  const [good, lazy, nice, maxChain] = LEVELS[level];
  const n = input.length;
  const head = new Int32Array(1 << HASH_BITS);
  const prev = new Int32Array(WINDOW);
  const syms = new Symbols();
  let blockStart = 0;
  const hashAt = (p: number) => Math.imul(input[p] | (input[p + 1] << 8) | (input[p + 2] << 16) | (input[p + 3] << 24), 0x9e3779b1) >>> (32 - HASH_BITS);
  // Returns the chain's first candidate + 1 (0: none) and enters position p.
  const insert = (p: number): number => {
    const h = hashAt(p);
    const first = head[h];
    prev[p & WINDOW_MASK] = first;
    head[h] = p + 1;
    return first;
  };
  let matchLength = 0;
  let matchDistance = 0;
  const longest = (p: number, candidate: number, chain: number, previous: number): void => {
    const limit = Math.min(MAX_MATCH, n - p);
    matchLength = MIN_MATCH - 1;
    matchDistance = 0;
    if (previous >= limit) return;
    let best = previous;
    let bestDistance = 0;
    let c = candidate - 1;
    while (c >= 0 && p - c <= WINDOW && chain-- > 0) {
      if (input[c + best] === input[p + best] && input[c] === input[p] && input[c + 1] === input[p + 1]) {
        let l = 2;
        while (l < limit && input[c + l] === input[p + l]) l++;
        if (l > best) {
          best = l;
          bestDistance = p - c;
          if (l >= nice || l >= limit) break;
        }
      }
      c = prev[c & WINDOW_MASK] - 1;
    }
    matchLength = bestDistance > 0 ? best : MIN_MATCH - 1;
    matchDistance = bestDistance;
  };
  const flush = (end: number, last: boolean) => {
    writeBlock(w, syms, input, blockStart, end, last);
    syms.clear();
    blockStart = end;
  };

  let prevLength = MIN_MATCH - 1;
  let prevDistance = 0;
  let pending = false;
  let p = 0;
  while (p < n) {
    let length = MIN_MATCH - 1;
    let distance = 0;
    if (p + HASHED <= n) {
      const candidate = insert(p);
      if (candidate > 0 && prevLength < lazy) {
        longest(p, candidate, prevLength >= good ? maxChain >> 2 : maxChain, prevLength);
        length = matchLength;
        distance = matchDistance;
        if (length === MIN_MATCH && distance > TOO_FAR) length = MIN_MATCH - 1;
      }
    }
    if (prevLength >= MIN_MATCH && length <= prevLength) {
      // The match found at p - 1 is at least as long: take it; enter the positions it covers.
      syms.match(prevLength, prevDistance);
      const end = p - 1 + prevLength;
      for (let q = p + 1; q < end; q++) if (q + HASHED <= n) insert(q);
      p = end;
      pending = false;
      prevLength = MIN_MATCH - 1;
      if (syms.n === BLOCK_SYMBOLS) flush(p, false);
    } else {
      if (pending) {
        syms.literal(input[p - 1]);
        if (syms.n === BLOCK_SYMBOLS) flush(p, false);
      }
      pending = true;
      prevLength = length;
      prevDistance = distance;
      p++;
    }
  }
  if (pending) syms.literal(input[n - 1]);
  flush(n, true);
  w.align();
  return w.op;
}

function writeStored(w: BitWriter, input: Uint8Array, start: number, end: number, last: boolean): void {
  let at = start;
  do {
    const len = Math.min(STORED_MAX, end - at);
    const final = last && at + len === end;
    w.put(final ? 1 : 0, 3);
    w.align();
    const out = w.out;
    out[w.op] = len & 0xff;
    out[w.op + 1] = len >>> 8;
    out[w.op + 2] = ~len & 0xff;
    out[w.op + 3] = (~len >>> 8) & 0xff;
    out.set(input.subarray(at, at + len), w.op + 4);
    w.op += 4 + len;
    at += len;
  } while (at < end);
}

/** Bits of a stored rendering of `len` bytes starting at bit offset `bitCount` within a byte. */
function storedBits(len: number, bitCount: number): number {
  const chunks = Math.max(1, Math.ceil(len / STORED_MAX));
  return 3 + ((8 - ((bitCount + 3) & 7)) & 7) + 32 + (chunks - 1) * 40 + 8 * len;
}

/** The code-length symbols (0..18, with their extra bits) that describe `lengths[0..n)`. */
function runLengths(lengths: Uint8Array, n: number, symbols: number[], extras: number[]): void {
  for (let i = 0; i < n; ) {
    const cur = lengths[i];
    let run = 1;
    while (i + run < n && lengths[i + run] === cur) run++;
    i += run;
    if (cur === 0) {
      while (run >= 11) {
        const r = Math.min(run, 138);
        symbols.push(18);
        extras.push(r - 11);
        run -= r;
      }
      if (run >= 3) {
        symbols.push(17);
        extras.push(run - 3);
        run = 0;
      }
    } else {
      symbols.push(cur);
      extras.push(0);
      run--;
      while (run >= 3) {
        const r = Math.min(run, 6);
        symbols.push(16);
        extras.push(r - 3);
        run -= r;
      }
    }
    for (; run > 0; run--) {
      symbols.push(cur);
      extras.push(0);
    }
  }
}

const CL_EXTRA_BITS = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 7];

function dataBits(syms: Symbols, lit: Uint8Array, dist: Uint8Array): number {
  let bits = 0;
  for (let s = 0; s < 286; s++) bits += syms.litFreq[s] * (lit[s] + (s > 256 ? LENGTH_EXTRA[s - 257] : 0));
  for (let d = 0; d < 30; d++) bits += syms.distFreq[d] * (dist[d] + DIST_EXTRA[d]);
  return bits;
}

function writeBlock(w: BitWriter, syms: Symbols, input: Uint8Array, start: number, end: number, last: boolean): void {
  syms.litFreq[256]++; // end of block
  const lit = huffmanLengths(syms.litFreq, 15);
  const dist = huffmanLengths(syms.distFreq, 15);
  let hlit = 286;
  while (hlit > 257 && lit[hlit - 1] === 0) hlit--;
  let hdist = 30;
  while (hdist > 1 && dist[hdist - 1] === 0) hdist--;
  const clSymbols: number[] = [];
  const clExtras: number[] = [];
  runLengths(lit, hlit, clSymbols, clExtras);
  runLengths(dist, hdist, clSymbols, clExtras);
  const clFreq = new Int32Array(19);
  for (const s of clSymbols) clFreq[s]++;
  const cl = huffmanLengths(clFreq, 7);
  let hclen = 19;
  while (hclen > 4 && cl[CL_ORDER[hclen - 1]] === 0) hclen--;
  let headerBits = 3 + 14 + 3 * hclen;
  for (let s = 0; s < 19; s++) headerBits += clFreq[s] * (cl[s] + CL_EXTRA_BITS[s]);
  const dynamicBits = headerBits + dataBits(syms, lit, dist);
  const fixedBits = 3 + dataBits(syms, FIXED_LIT, FIXED_DIST);
  const stored = storedBits(end - start, w.count);
  if (stored < Math.min(dynamicBits, fixedBits)) {
    writeStored(w, input, start, end, last);
    return;
  }
  let litCodes: Uint16Array;
  let litLens: Uint8Array;
  let distCodes: Uint16Array;
  let distLens: Uint8Array;
  if (fixedBits <= dynamicBits) {
    w.put(last ? 1 : 0, 1);
    w.put(1, 2);
    [litCodes, litLens, distCodes, distLens] = [FIXED_LIT_CODES, FIXED_LIT, FIXED_DIST_CODES, FIXED_DIST];
  } else {
    w.put(last ? 1 : 0, 1);
    w.put(2, 2);
    w.put(hlit - 257, 5);
    w.put(hdist - 1, 5);
    w.put(hclen - 4, 4);
    for (let k = 0; k < hclen; k++) w.put(cl[CL_ORDER[k]], 3);
    const clCodes = canonicalCodes(cl);
    for (let k = 0; k < clSymbols.length; k++) {
      const s = clSymbols[k];
      w.put(clCodes[s], cl[s]);
      if (s >= 16) w.put(clExtras[k], CL_EXTRA_BITS[s]);
    }
    [litCodes, litLens, distCodes, distLens] = [canonicalCodes(lit), lit, canonicalCodes(dist), dist];
  }
  for (let k = 0; k < syms.n; k++) {
    const d = syms.dist[k];
    const v = syms.litLen[k];
    if (d === 0) {
      w.put(litCodes[v], litLens[v]);
      continue;
    }
    const lc = LENGTH_CODE[v];
    w.put(litCodes[257 + lc], litLens[257 + lc]);
    if (LENGTH_EXTRA[lc]) w.put(v - LENGTH_BASE[lc], LENGTH_EXTRA[lc]);
    const dc = distCode(d);
    w.put(distCodes[dc], distLens[dc]);
    if (DIST_EXTRA[dc]) w.put(d - DIST_BASE[dc], DIST_EXTRA[dc]);
  }
  w.put(litCodes[256], litLens[256]);
}
