import { ParquetryError } from '@parquetry/core';

/**
 * Decodes one LZ4 block (the LZ4_RAW payload) into `out` and returns the bytes written,
 * which may be fewer than out.length; the caller decides whether that is an error.
 * Bytes of `out` past the returned count may hold scratch (at most 7), never bytes outside `out`.
 * Sequence: token (literal length << 4 | match length - 4), length bytes while 255,
 * literals, 2-byte little-endian offset, match length bytes. The last sequence stops after its literals.
 */
export function decompressLz4Block(input: Uint8Array, out: Uint8Array): number {
  // Short literal runs and matches are copied 8 bytes at a time, running up to 7 bytes
  // past their end; later sequences overwrite those bytes before anything reads them.
  // (Local constants: V8 folds these, but loads module-level ones on every use.)
  const STEP = 8;
  const WILD_MAX = 64;
  // Below this a byte loop beats the call overhead of set/copyWithin.
  const LOOP_MAX = 32;
  const n = input.length;
  const outLen = out.length;
  if (n === 0) throw new ParquetryError('TRUNCATED', 'LZ4 block is empty; it needs at least one token', { offset: 0 });
  // DataViews bound every access to the arrays' own ranges, even the over-copies.
  const inView = new DataView(input.buffer, input.byteOffset, n);
  const outView = new DataView(out.buffer, out.byteOffset, outLen);
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
      const end = op + lit;
      if (lit <= WILD_MAX && ip + lit + STEP <= n && end + STEP <= outLen) {
        do {
          outView.setInt32(op, inView.getInt32(ip, true), true);
          outView.setInt32(op + 4, inView.getInt32(ip + 4, true), true);
          op += STEP;
          ip += STEP;
        } while (op < end);
        ip -= op - end;
        op = end;
      } else if (lit <= LOOP_MAX) {
        while (op < end) out[op++] = input[ip++];
      } else {
        out.set(input.subarray(ip, ip + lit), op);
        ip += lit;
        op = end;
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
    const end = op + len;
    let from = op - offset;
    // With offset >= 8 each 8-byte step reads only bytes already final.
    if (offset >= STEP && len <= WILD_MAX && end + STEP <= outLen) {
      do {
        outView.setInt32(op, outView.getInt32(from, true), true);
        outView.setInt32(op + 4, outView.getInt32(from + 4, true), true);
        op += STEP;
        from += STEP;
      } while (op < end);
      op = end;
    } else if (len <= LOOP_MAX) {
      while (op < end) out[op++] = out[from++];
    } else {
      op = copyLongMatch(out, op, offset, len);
    }
  }
}

/** A long match; when offset < len it repeats a pattern of `offset` bytes. */
function copyLongMatch(out: Uint8Array, op: number, offset: number, len: number): number {
  const end = op + len;
  if (offset === 1) {
    out.fill(out[op - 1], op, end);
    return end;
  }
  // Copying from the pattern's start, the source doubles each round and never
  // reaches the bytes being written, so copyWithin's non-overlap semantics hold.
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
