import { ParquetryError } from '@parquetry/core';
import { readSnappyPreamble } from './snappy-preamble.js';

/**
 * Decodes a snappy raw-format stream (preamble + elements, not the framing format)
 * into `out`, whose length must be the declared uncompressed length.
 * Element tags: low two bits 00 literal, 01 copy with 1-byte offset, 10 with 2-byte, 11 with 4-byte.
 */
export function decompressSnappy(input: Uint8Array, out: Uint8Array): void {
  const preamble = readSnappyPreamble(input);
  const outLen = out.length;
  if (preamble.length !== outLen) {
    throw new ParquetryError(
      'CORRUPT',
      `snappy stream declares ${preamble.length} bytes but the output holds ${outLen}`,
      { offset: 0 },
    );
  }
  const end = decodeElements(input, preamble.size, out);
  if (end !== outLen) {
    throw new ParquetryError('TRUNCATED', `snappy stream ends after ${end} of ${outLen} declared bytes`, {
      offset: input.length,
    });
  }
}

/** Decodes the elements that follow the preamble; returns how many bytes were written. */
function decodeElements(input: Uint8Array, ip: number, out: Uint8Array): number {
  // Short elements dominate real pages (literals of 1-4 bytes, copies of 4-11), so they are
  // copied 8 bytes at a time, running past the element's end. The extra bytes land where
  // later elements write, before anything reads them. This needs slack at both ends:
  // the longest one-byte-tag element (64) plus one step.
  // (Local constants: V8 folds these, but loads module-level ones on every use.)
  const STEP = 8;
  const SLACK = 72;
  // Literals below this go byte by byte near the buffer ends; longer ones use set().
  const LITERAL_LOOP_MAX = 16;
  const n = input.length;
  const outLen = out.length;
  // DataViews bound every access to the arrays' own ranges, even the over-copies.
  const inView = new DataView(input.buffer, input.byteOffset, n);
  const outView = new DataView(out.buffer, out.byteOffset, outLen);
  const inFast = n - SLACK;
  const outFast = outLen - SLACK;
  let op = 0;
  while (ip < n) {
    const at = ip;
    const tag = input[ip++];
    const kind = tag & 3;
    if (kind === 0) {
      let len = (tag >>> 2) + 1;
      if (len <= 60 && ip <= inFast && op <= outFast) {
        if (len <= STEP) {
          // Numeric pages are full of literals of a few bytes: one 8-byte step, no loop.
          outView.setInt32(op, inView.getInt32(ip, true), true);
          outView.setInt32(op + 4, inView.getInt32(ip + 4, true), true);
          op += len;
          ip += len;
          continue;
        }
        const end = op + len;
        do {
          outView.setInt32(op, inView.getInt32(ip, true), true);
          outView.setInt32(op + 4, inView.getInt32(ip + 4, true), true);
          op += STEP;
          ip += STEP;
        } while (op < end);
        ip -= op - end;
        op = end;
        continue;
      }
      if (len > 60) {
        // 61..64: the length minus one follows in 1..4 little-endian bytes.
        const extra = len - 60;
        if (extra > n - ip) throw truncated(at, 'a literal length');
        len = input[ip];
        if (extra > 1) len |= input[ip + 1] << 8;
        if (extra > 2) len |= input[ip + 2] << 16;
        if (extra > 3) len += input[ip + 3] * 0x1000000;
        len += 1;
        ip += extra;
      }
      if (len > outLen - op) throw exceeds(at, 'literal', len, outLen);
      if (len > n - ip) throw truncated(at, 'a literal');
      if (len <= LITERAL_LOOP_MAX) {
        const end = ip + len;
        while (ip < end) out[op++] = input[ip++];
      } else {
        out.set(input.subarray(ip, ip + len), op);
        ip += len;
        op += len;
      }
      continue;
    }
    let len: number;
    let offset: number;
    if (kind === 1) {
      // 3 bits of length-4, and the offset's top 3 bits in the tag; low 8 bits follow.
      if (ip >= n) throw truncated(at, 'a copy offset');
      len = ((tag >>> 2) & 7) + 4;
      offset = ((tag >>> 5) << 8) | input[ip++];
      // The commonest element of numeric pages: 4-11 bytes from 8 or more back, one or two 8-byte
      // steps (the output's end is at least SLACK away, so len <= outLen - op holds).
      if (offset >= STEP && offset <= op && op <= outFast) {
        const from = op - offset;
        outView.setInt32(op, outView.getInt32(from, true), true);
        outView.setInt32(op + 4, outView.getInt32(from + 4, true), true);
        if (len > STEP) {
          outView.setInt32(op + 8, outView.getInt32(from + 8, true), true);
          outView.setInt32(op + 12, outView.getInt32(from + 12, true), true);
        }
        op += len;
        continue;
      }
    } else if (kind === 2) {
      if (ip + 2 > n) throw truncated(at, 'a copy offset');
      len = (tag >>> 2) + 1;
      offset = input[ip] | (input[ip + 1] << 8);
      ip += 2;
    } else {
      if (ip + 4 > n) throw truncated(at, 'a copy offset');
      len = (tag >>> 2) + 1;
      offset = (input[ip] | (input[ip + 1] << 8) | (input[ip + 2] << 16) | (input[ip + 3] << 24)) >>> 0;
      ip += 4;
    }
    if (offset === 0 || offset > op) {
      throw new ParquetryError('CORRUPT', `snappy copy offset ${offset} with only ${op} bytes decoded`, { offset: at });
    }
    if (len > outLen - op) throw exceeds(at, 'copy', len, outLen);
    let from = op - offset;
    const end = op + len;
    // With offset >= 8 each 8-byte step reads only bytes already final; closer sources
    // overlap the bytes being written (a repeating pattern) and go byte by byte.
    if (offset >= STEP && op <= outFast) {
      do {
        outView.setInt32(op, outView.getInt32(from, true), true);
        outView.setInt32(op + 4, outView.getInt32(from + 4, true), true);
        op += STEP;
        from += STEP;
      } while (op < end);
      op = end;
    } else {
      while (op < end) out[op++] = out[from++];
    }
  }
  return op;
}

function truncated(at: number, what: string): ParquetryError {
  return new ParquetryError('TRUNCATED', `snappy stream ends inside ${what}`, { offset: at });
}

function exceeds(at: number, what: string, len: number, outLen: number): ParquetryError {
  return new ParquetryError('CORRUPT', `snappy ${what} of ${len} bytes exceeds declared size ${outLen}`, { offset: at });
}
