import { ParquetryError } from '@parquetry/core';

// Block-format end rules: the last 5 bytes are literals, and the last match starts
// at least 12 bytes before the end; shorter inputs are one literal run.
const LAST_LITERALS = 5;
const MF_LIMIT = 12;
const MIN_MATCH = 4;
const MAX_OFFSET = 0xffff;
const MAX_HASH_BITS = 14;
const MIN_HASH_BITS = 8;
// The stride grows by one after every 2^6 misses in a row: fast through incompressible data.
const SKIP_TRIGGER = 6;
const LITERAL_LOOP_MAX = 16;

// Absolute input positions; reused across calls, cleared per call.
const table = new Int32Array(1 << MAX_HASH_BITS);

/** Worst-case size of an LZ4 block for `n` input bytes. */
export function lz4BlockMaxCompressedLength(n: number): number {
  return n + Math.floor(n / 255) + 16;
}

/**
 * Writes `input` as one LZ4 block into `out` and returns its length. Greedy hash matcher;
 * `out` must hold lz4BlockMaxCompressedLength(input.length) bytes. Output is deterministic.
 */
export function compressLz4Block(input: Uint8Array, out: Uint8Array): number {
  const n = input.length;
  const bound = lz4BlockMaxCompressedLength(n);
  if (out.length < bound) {
    throw new ParquetryError('INVALID_ARGUMENT', `LZ4 output holds ${out.length} bytes, needs ${bound}`);
  }
  let op = 0;
  let anchor = 0;
  if (n > MF_LIMIT) {
    const mfLimit = n - MF_LIMIT;
    const matchLimit = n - LAST_LITERALS;
    let bits = MIN_HASH_BITS;
    while (bits < MAX_HASH_BITS && 1 << bits < n) bits++;
    const shift = 32 - bits;
    table.fill(0, 0, 1 << bits);
    // One unaligned 4-byte load through a DataView beats assembling it from bytes.
    const view = new DataView(input.buffer, input.byteOffset, n);

    let ip = 1;
    search: for (;;) {
      let attempts = 1 << SKIP_TRIGGER;
      let candidate: number;
      let word: number;
      for (;;) {
        if (ip > mfLimit) break search;
        word = view.getInt32(ip, true);
        const h = Math.imul(word, -1640531535) >>> shift;
        candidate = table[h];
        table[h] = ip;
        if (ip - candidate <= MAX_OFFSET && view.getInt32(candidate, true) === word) break;
        ip += attempts++ >> SKIP_TRIGGER;
      }
      // Grow the match backwards into the pending literals, then forwards.
      while (ip > anchor && candidate > 0 && input[ip - 1] === input[candidate - 1]) {
        ip--;
        candidate--;
      }
      let a = candidate + MIN_MATCH;
      let b = ip + MIN_MATCH;
      while (b <= matchLimit - 4 && view.getInt32(a, true) === view.getInt32(b, true)) {
        a += 4;
        b += 4;
      }
      while (b < matchLimit && input[a] === input[b]) {
        a++;
        b++;
      }
      op = emitSequence(input, anchor, ip - anchor, ip - candidate, b - ip, out, op);
      ip = b;
      anchor = ip;
      if (ip > mfLimit) break;
      // Hash a position inside the match so the next one can start right after it.
      table[Math.imul(view.getInt32(ip - 2, true), -1640531535) >>> shift] = ip - 2;
    }
  }
  return emitLastLiterals(input, anchor, n - anchor, out, op);
}

/** A length nibble of 15 continues in bytes of 255 and a final byte below 255. */
function writeLengthTail(out: Uint8Array, op: number, rest: number): number {
  while (rest >= 255) {
    out[op++] = 255;
    rest -= 255;
  }
  out[op++] = rest;
  return op;
}

function emitSequence(
  src: Uint8Array, start: number, lit: number, offset: number, matchLen: number, out: Uint8Array, op: number,
): number {
  const tokenAt = op++;
  const litNibble = lit < 15 ? lit : 15;
  if (lit >= 15) op = writeLengthTail(out, op, lit - 15);
  op = copyLiterals(src, start, lit, out, op);
  out[op++] = offset & 0xff;
  out[op++] = offset >>> 8;
  const m = matchLen - MIN_MATCH;
  const matchNibble = m < 15 ? m : 15;
  if (m >= 15) op = writeLengthTail(out, op, m - 15);
  out[tokenAt] = (litNibble << 4) | matchNibble;
  return op;
}

function emitLastLiterals(src: Uint8Array, start: number, lit: number, out: Uint8Array, op: number): number {
  if (lit < 15) {
    out[op++] = lit << 4;
  } else {
    out[op++] = 0xf0;
    op = writeLengthTail(out, op, lit - 15);
  }
  return copyLiterals(src, start, lit, out, op);
}

function copyLiterals(src: Uint8Array, start: number, len: number, out: Uint8Array, op: number): number {
  if (len <= LITERAL_LOOP_MAX) {
    for (let i = 0; i < len; i++) out[op++] = src[start + i];
    return op;
  }
  out.set(src.subarray(start, start + len), op);
  return op + len;
}
