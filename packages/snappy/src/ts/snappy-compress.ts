import { ParquetryError } from '@parquetry/core';
import { writeSnappyPreamble } from './snappy-preamble.js';

// Like the reference encoder: input is cut into 64 KiB fragments so every copy offset
// fits the 2-byte form, and each fragment gets a fresh hash table of up to 2^14 entries.
const FRAGMENT_SIZE = 1 << 16;
const MAX_HASH_BITS = 14;
const MIN_HASH_BITS = 8;
// Matching stops this far before a fragment's end, so 4-byte loads never run past it
// and short tails go out as one literal.
const INPUT_MARGIN = 15;
const LITERAL_LOOP_MAX = 16;

// Positions relative to the fragment start; reused across calls, cleared per fragment.
const table = new Uint16Array(1 << MAX_HASH_BITS);

/** Worst-case size of a snappy stream for `n` input bytes (the reference's bound). */
export function snappyMaxCompressedLength(n: number): number {
  return 32 + n + Math.floor(n / 6);
}

/**
 * Writes a snappy raw-format stream for `input` into `out` and returns its length.
 * `out` must hold snappyMaxCompressedLength(input.length) bytes. Output is deterministic.
 */
export function compressSnappy(input: Uint8Array, out: Uint8Array): number {
  const n = input.length;
  if (n > 0xffffffff) {
    throw new ParquetryError('INVALID_ARGUMENT', `snappy input of ${n} bytes is 2^32 or more`);
  }
  const bound = snappyMaxCompressedLength(n);
  if (out.length < bound) {
    throw new ParquetryError('INVALID_ARGUMENT', `snappy output holds ${out.length} bytes, needs ${bound}`);
  }
  let op = writeSnappyPreamble(out, 0, n);
  // One unaligned 4-byte load through a DataView beats assembling it from bytes.
  const view = new DataView(input.buffer, input.byteOffset, n);
  for (let base = 0; base < n; base += FRAGMENT_SIZE) {
    op = compressFragment(input, view, base, Math.min(base + FRAGMENT_SIZE, n), out, op);
  }
  return op;
}

function hash32(word: number, shift: number): number {
  return Math.imul(word, 0x1e35a7bd) >>> shift;
}

/** Greedy matcher over src[base, end); copies only reach back inside the fragment. */
function compressFragment(
  src: Uint8Array, view: DataView, base: number, end: number, out: Uint8Array, op: number,
): number {
  const len = end - base;
  if (len < INPUT_MARGIN) return emitLiteral(src, base, len, out, op);
  let bits = MIN_HASH_BITS;
  while (bits < MAX_HASH_BITS && 1 << bits < len) bits++;
  const shift = 32 - bits;
  table.fill(0, 0, 1 << bits);

  const ipLimit = end - INPUT_MARGIN;
  let nextEmit = base;
  let ip = base + 1;
  let nextHash = hash32(view.getInt32(ip, true), shift);
  search: for (;;) {
    // Each miss adds 1/32 to the stride, so incompressible runs are skipped quickly.
    let skip = 32;
    let nextIp = ip;
    let candidate: number;
    do {
      ip = nextIp;
      const h = nextHash;
      nextIp = ip + (skip++ >> 5);
      if (nextIp > ipLimit) break search;
      nextHash = hash32(view.getInt32(nextIp, true), shift);
      candidate = base + table[h];
      table[h] = ip - base;
    } while (view.getInt32(ip, true) !== view.getInt32(candidate, true));

    op = emitLiteral(src, nextEmit, ip - nextEmit, out, op);
    // Emit the match, then keep going while the next position matches straight away.
    do {
      let a = candidate + 4;
      let b = ip + 4;
      while (b <= end - 4 && view.getInt32(a, true) === view.getInt32(b, true)) {
        a += 4;
        b += 4;
      }
      while (b < end && src[a] === src[b]) {
        a++;
        b++;
      }
      op = emitCopy(out, op, ip - candidate, b - ip);
      ip = b;
      nextEmit = ip;
      if (ip >= ipLimit) break search;
      table[hash32(view.getInt32(ip - 1, true), shift)] = ip - 1 - base;
      const h = hash32(view.getInt32(ip, true), shift);
      candidate = base + table[h];
      table[h] = ip - base;
    } while (view.getInt32(ip, true) === view.getInt32(candidate, true));
    ip++;
    nextHash = hash32(view.getInt32(ip, true), shift);
  }
  if (nextEmit < end) op = emitLiteral(src, nextEmit, end - nextEmit, out, op);
  return op;
}

/** Literal element: tag holds length-1 below 60; 60/61 mean 1 or 2 length bytes follow. */
function emitLiteral(src: Uint8Array, start: number, len: number, out: Uint8Array, op: number): number {
  if (len === 0) return op;
  const m = len - 1;
  if (m < 60) {
    out[op++] = m << 2;
  } else if (m < 0x100) {
    out[op++] = 60 << 2;
    out[op++] = m;
  } else {
    // Fragments are at most 64 KiB, so two length bytes always suffice.
    out[op++] = 61 << 2;
    out[op++] = m & 0xff;
    out[op++] = m >>> 8;
  }
  if (len <= LITERAL_LOOP_MAX) {
    for (let i = 0; i < len; i++) out[op++] = src[start + i];
  } else {
    out.set(src.subarray(start, start + len), op);
    op += len;
  }
  return op;
}

/**
 * Copy elements carry at most 64 bytes, so long matches are split; the split keeps
 * every piece at 4 bytes or more so the short 1-byte-offset form stays usable.
 */
function emitCopy(out: Uint8Array, op: number, offset: number, len: number): number {
  while (len >= 68) {
    op = emitCopy2(out, op, offset, 64);
    len -= 64;
  }
  if (len > 64) {
    op = emitCopy2(out, op, offset, 60);
    len -= 60;
  }
  if (len < 12 && offset < 2048) {
    out[op++] = 1 | ((len - 4) << 2) | ((offset >>> 8) << 5);
    out[op++] = offset & 0xff;
    return op;
  }
  return emitCopy2(out, op, offset, len);
}

function emitCopy2(out: Uint8Array, op: number, offset: number, len: number): number {
  out[op++] = 2 | ((len - 1) << 2);
  out[op++] = offset & 0xff;
  out[op++] = offset >>> 8;
  return op;
}
