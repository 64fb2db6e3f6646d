import { ParquetryError } from '@parquetry/core';
import { readSnappyPreamble } from './snappy-preamble.js';

// Below these lengths a byte loop beats the call overhead of set/copyWithin
// (measured in Node 20 with /tmp/ts-codecs-bench.mjs).
const LITERAL_LOOP_MAX = 16;
const COPY_LOOP_MAX = 32;

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
  const n = input.length;
  let ip = preamble.size;
  let op = 0;
  while (ip < n) {
    const at = ip;
    const tag = input[ip++];
    const kind = tag & 3;
    if (kind === 0) {
      let len = tag >>> 2;
      if (len >= 60) {
        // 60..63: the length minus one follows in 1..4 little-endian bytes.
        const extra = len - 59;
        if (extra > n - ip) throw truncated(at, 'a literal length');
        len = input[ip];
        if (extra > 1) len |= input[ip + 1] << 8;
        if (extra > 2) len |= input[ip + 2] << 16;
        if (extra > 3) len += input[ip + 3] * 0x1000000;
        ip += extra;
      }
      len += 1;
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
    // A copy may overlap its own output (offset < len repeats a pattern); copyWithin would not.
    if (len <= COPY_LOOP_MAX || offset < len) {
      const end = op + len;
      while (op < end) out[op++] = out[from++];
    } else {
      out.copyWithin(op, from, from + len);
      op += len;
    }
  }
  if (op !== outLen) {
    throw new ParquetryError('TRUNCATED', `snappy stream ends after ${op} of ${outLen} declared bytes`, { offset: n });
  }
}

function truncated(at: number, what: string): ParquetryError {
  return new ParquetryError('TRUNCATED', `snappy stream ends inside ${what}`, { offset: at });
}

function exceeds(at: number, what: string, len: number, outLen: number): ParquetryError {
  return new ParquetryError('CORRUPT', `snappy ${what} of ${len} bytes exceeds declared size ${outLen}`, { offset: at });
}
