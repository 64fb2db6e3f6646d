import { ParquetryError } from '@parquetry/core';

// Below these lengths a byte loop beats the call overhead of set/copyWithin
// (measured in Node 20 with /tmp/ts-codecs-bench.mjs).
const LITERAL_LOOP_MAX = 16;
const COPY_LOOP_MAX = 32;

/**
 * Decodes one LZ4 block (the LZ4_RAW payload) into `out` and returns the bytes written,
 * which may be fewer than out.length; the caller decides whether that is an error.
 * Sequence: token (literal length << 4 | match length - 4), length bytes while 255,
 * literals, 2-byte little-endian offset, match length bytes. The last sequence stops after its literals.
 */
export function decompressLz4Block(input: Uint8Array, out: Uint8Array): number {
  const n = input.length;
  const outLen = out.length;
  if (n === 0) throw new ParquetryError('TRUNCATED', 'LZ4 block is empty; it needs at least one token', { offset: 0 });
  let ip = 0;
  let op = 0;
  for (;;) {
    const at = ip;
    if (ip >= n) throw truncated(at, 'a sequence: the last one must end with literals, not a match');
    const token = input[ip++];

    let lit = token >>> 4;
    if (lit === 15) {
      let b: number;
      do {
        if (ip >= n) throw truncated(at, 'a literal length');
        b = input[ip++];
        lit += b;
      } while (b === 255);
    }
    if (lit > 0) {
      if (lit > outLen - op) throw exceeds(at, 'literal run', lit, outLen);
      if (lit > n - ip) throw truncated(at, 'a literal run');
      if (lit <= LITERAL_LOOP_MAX) {
        const end = ip + lit;
        while (ip < end) out[op++] = input[ip++];
      } else {
        out.set(input.subarray(ip, ip + lit), op);
        ip += lit;
        op += lit;
      }
    }
    if (ip === n) return op;

    if (ip + 2 > n) throw truncated(at, 'a match offset');
    const offset = input[ip] | (input[ip + 1] << 8);
    ip += 2;
    if (offset === 0 || offset > op) {
      throw new ParquetryError('CORRUPT', `LZ4 match offset ${offset} with only ${op} bytes decoded`, { offset: at });
    }
    let len = token & 15;
    if (len === 15) {
      let b: number;
      do {
        if (ip >= n) throw truncated(at, 'a match length');
        b = input[ip++];
        len += b;
      } while (b === 255);
    }
    len += 4;
    if (len > outLen - op) throw exceeds(at, 'match', len, outLen);
    op = copyMatch(out, op, offset, len);
  }
}

/** Copies `len` bytes from `offset` back; the source may overlap the bytes being written. */
function copyMatch(out: Uint8Array, op: number, offset: number, len: number): number {
  const end = op + len;
  if (len <= COPY_LOOP_MAX) {
    let from = op - offset;
    while (op < end) out[op++] = out[from++];
    return op;
  }
  if (offset === 1) {
    out.fill(out[op - 1], op, end);
    return end;
  }
  // Overlap means a repeating pattern of `offset` bytes. Copying from the pattern's
  // start, the source doubles each round and never reaches the bytes being written.
  const from = op - offset;
  while (op < end) {
    const chunk = Math.min(op - from, end - op);
    out.copyWithin(op, from, from + chunk);
    op += chunk;
  }
  return end;
}

function truncated(at: number, what: string): ParquetryError {
  return new ParquetryError('TRUNCATED', `LZ4 block ends inside ${what}`, { offset: at });
}

function exceeds(at: number, what: string, len: number, outLen: number): ParquetryError {
  return new ParquetryError('CORRUPT', `LZ4 ${what} of ${len} bytes exceeds declared size ${outLen}`, { offset: at });
}
