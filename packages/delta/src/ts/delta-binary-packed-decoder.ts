import { ParquetryError } from '@parquetry/core';
import { unpackGroup } from './bitpack64.js';
import { DELTA32 } from './delta32.generated.js';
import { readDeltaHeader } from './header.js';
import { HI, int64Words, LO } from './int64-words.js';
import { readZigzag64, varint } from './varint64.js';

/** The physical types DELTA_BINARY_PACKED supports. */
export type DeltaType = 'INT32' | 'INT64';

/** One group's unpacked deltas (before the min delta is added). */
const groupLo = new Int32Array(32);
const groupHi = new Int32Array(32);
/** Where skip() decodes to: skipped values still move the running value. */
const skipped32 = new Int32Array(1024);
const skipped64 = new BigInt64Array(512);
const skipped64Words = int64Words(skipped64);

/**
 * Streaming DELTA_BINARY_PACKED decoder (Encodings.md, "Delta Encoding"): reads or skips any number
 * of values at a time, so a page reader can jump over rows the page index rules out.
 *
 * Accepts every layout the spec allows: block sizes that are multiples of 128 (up to 2^20),
 * miniblocks of any multiple of 32 values, bit widths 0..32 (INT32) or 0..64 (INT64), arbitrary
 * padding bits, arbitrary bit-width bytes for the unneeded miniblocks of the last block, a last
 * miniblock whose padding bytes are cut off. Arithmetic wraps (mod 2^32 for INT32, 2^64 for INT64).
 * INT32 never touches BigInt; INT64 adds int32 halves with carries and no per-value BigInt.
 */
export class DeltaBinaryPackedDecoder {
  /** Values the header declares. */
  readonly count: number;
  readonly type: DeltaType;
  private readonly bytes: Uint8Array;
  private readonly end: number;
  private readonly miniblocks: number;
  private readonly perMiniblock: number;
  private readonly maxWidth: number;
  /** Where the next block or miniblock starts. */
  private pos: number;
  /** Values not yet read or skipped. */
  private left: number;
  /** The last value produced (at first, the header's first value), as int32 halves. */
  private valLo: number;
  private valHi: number;
  /** The current block: min delta, where its bit widths are, the next miniblock's index in it. */
  private minLo = 0;
  private minHi = 0;
  private widthsAt = 0;
  private miniIndex: number;
  /** The current miniblock: first byte, bit width, index of its next value, values left in it. */
  private mbBase = 0;
  private mbWidth = 0;
  private mbIndex = 0;
  private mbLeft = 0;

  /** Decodes the stream that starts at `bytes[byteOffset]` and lies within `bytes[..byteEnd)`. */
  constructor(bytes: Uint8Array, type: DeltaType, byteOffset = 0, byteEnd = bytes.length) {
    if (type !== 'INT32' && type !== 'INT64') {
      throw new ParquetryError('INVALID_ARGUMENT', `DELTA_BINARY_PACKED decodes INT32 or INT64, not ${String(type)}`);
    }
    if (!(bytes instanceof Uint8Array)) throw new ParquetryError('INVALID_ARGUMENT', 'DELTA_BINARY_PACKED decodes a Uint8Array');
    if (!(Number.isInteger(byteOffset) && Number.isInteger(byteEnd) && byteOffset >= 0 && byteOffset <= byteEnd && byteEnd <= bytes.length)) {
      throw new ParquetryError('INVALID_ARGUMENT', `byte range ${byteOffset}..${byteEnd} is outside a buffer of ${bytes.length} bytes`);
    }
    const header = readDeltaHeader(bytes, byteOffset, byteEnd);
    this.type = type;
    this.bytes = bytes;
    this.end = byteEnd;
    this.count = header.count;
    this.left = header.count;
    this.miniblocks = header.miniblocks;
    this.perMiniblock = header.perMiniblock;
    this.maxWidth = type === 'INT32' ? 32 : 64;
    this.pos = header.end;
    this.valLo = header.firstLo;
    this.valHi = type === 'INT32' ? 0 : header.firstHi;
    this.miniIndex = header.miniblocks; // the first miniblock needs a block header
  }

  /** Values not yet read or skipped. */
  get remaining(): number {
    return this.left;
  }

  /**
   * Position after the blocks and miniblocks started so far; once every value is read or skipped,
   * where the stream ends (after the last miniblock holding values: unneeded miniblocks take no bytes).
   */
  get byteOffset(): number {
    return this.pos;
  }

  /** Decodes the next `n` values into `out` (Int32Array for INT32, BigInt64Array for INT64) from `outOffset`. */
  read(out: Int32Array | BigInt64Array, outOffset = 0, n: number = this.left): void {
    this.checkRequest(n);
    if (!Number.isInteger(outOffset) || outOffset < 0 || outOffset + n > out.length) {
      throw new ParquetryError('INVALID_ARGUMENT', `${n} values from index ${outOffset} do not fit an output of ${out.length}`);
    }
    if (this.type === 'INT32') {
      if (!(out instanceof Int32Array)) throw new ParquetryError('INVALID_ARGUMENT', 'INT32 values decode into an Int32Array');
      this.read32(out, outOffset, n);
    } else {
      if (!(out instanceof BigInt64Array)) throw new ParquetryError('INVALID_ARGUMENT', 'INT64 values decode into a BigInt64Array');
      this.read64(int64Words(out), outOffset * 2, n);
    }
  }

  /** Moves past the next `n` values. They are still decoded: each value is the sum of those before. */
  skip(n: number): void {
    this.checkRequest(n);
    while (n > 0) {
      if (this.type === 'INT32') {
        const k = n < skipped32.length ? n : skipped32.length;
        this.read32(skipped32, 0, k);
        n -= k;
      } else {
        const k = n < skipped64.length ? n : skipped64.length;
        this.read64(skipped64Words, 0, k);
        n -= k;
      }
    }
  }

  private checkRequest(n: number): void {
    if (!Number.isInteger(n) || n < 0 || n > this.left) {
      throw new ParquetryError('INVALID_ARGUMENT', `asked for ${n} values but ${this.left} remain`);
    }
  }

  private read32(out: Int32Array, q: number, n: number): void {
    if (n === 0) return;
    const bytes = this.bytes;
    let v = this.valLo | 0; // `| 0` on loads: V8 then keeps the sums in word32 arithmetic
    if (this.left === this.count) {
      out[q++] = v;
      n--;
      this.left--;
    }
    while (n > 0) {
      if (this.mbLeft === 0) this.nextMiniblock();
      let take = n < this.mbLeft ? n : this.mbLeft;
      n -= take;
      this.mbLeft -= take;
      this.left -= take;
      let i = this.mbIndex;
      this.mbIndex = i + take;
      const w = this.mbWidth;
      const m = this.minLo | 0;
      if (w === 0) {
        for (const stop = q + take; q < stop; q++) out[q] = v = (v + m) | 0;
        continue;
      }
      while (take > 0) {
        const j = i & 31;
        if (j === 0 && take >= 32) {
          // whole groups: the generated straight-line unpack + prefix sum
          const group = DELTA32[w];
          const step = 4 * w;
          let p = this.mbBase + (i >>> 5) * step;
          for (; take >= 32; take -= 32, i += 32, q += 32, p += step) v = group(bytes, p, out, q, v, m);
          continue;
        }
        // part of a group (a read that starts or stops inside one): unpack it aside
        const k = take < 32 - j ? take : 32 - j;
        unpackGroup(bytes, this.mbBase + (i >>> 5) * 4 * w, this.end, w, groupLo, groupHi);
        for (let t = j, stop = j + k; t < stop; t++) {
          v = (v + groupLo[t]) | 0;
          out[q++] = v = (v + m) | 0;
        }
        i += k;
        take -= k;
      }
    }
    this.valLo = v;
  }

  /** Like read32 on int32 halves: `words` views the BigInt64Array, `q` indexes its words. */
  private read64(words: Int32Array, q: number, n: number): void {
    if (n === 0) return;
    const bytes = this.bytes;
    let vLo = this.valLo | 0;
    let vHi = this.valHi | 0;
    if (this.left === this.count) {
      words[q + LO] = vLo;
      words[q + HI] = vHi;
      q += 2;
      n--;
      this.left--;
    }
    while (n > 0) {
      if (this.mbLeft === 0) this.nextMiniblock();
      let take = n < this.mbLeft ? n : this.mbLeft;
      n -= take;
      this.mbLeft -= take;
      this.left -= take;
      let i = this.mbIndex;
      this.mbIndex = i + take;
      const w = this.mbWidth;
      const mLo = this.minLo | 0;
      const mHi = this.minHi | 0;
      while (take > 0) {
        const j = i & 31;
        const k = take < 32 - j ? take : 32 - j;
        unpackGroup(bytes, this.mbBase + (i >>> 5) * 4 * w, this.end, w, groupLo, groupHi);
        // value += unpacked + min on halves: a carry out of a low word is an unsigned wrap-around
        for (let t = j, stop = j + k; t < stop; t++) {
          const a = groupLo[t];
          const d = (a + mLo) | 0;
          const s = (vLo + d) | 0;
          const carry = (d >>> 0 < a >>> 0 ? 1 : 0) + (s >>> 0 < d >>> 0 ? 1 : 0);
          vLo = s;
          vHi = (vHi + mHi) | 0;
          vHi = (vHi + carry) | 0;
          if (w > 32) vHi = (vHi + groupHi[t]) | 0;
          words[q + LO] = vLo;
          words[q + HI] = vHi;
          q += 2;
        }
        i += k;
        take -= k;
      }
    }
    this.valLo = vLo;
    this.valHi = vHi;
  }

  /** Enters the next miniblock (reading a block header first when the block is done) and checks it. */
  private nextMiniblock(): void {
    const bytes = this.bytes;
    const end = this.end;
    let pos = this.pos;
    if (this.miniIndex === this.miniblocks) {
      const blockAt = pos;
      pos = readZigzag64(bytes, pos, end, 'min delta');
      this.minLo = varint.lo;
      this.minHi = this.type === 'INT32' ? 0 : varint.hi;
      if (this.miniblocks > end - pos) {
        throw new ParquetryError('TRUNCATED', `block ends before its ${this.miniblocks} miniblock bit widths`, { offset: blockAt });
      }
      this.widthsAt = pos;
      pos += this.miniblocks;
      this.miniIndex = 0;
    }
    const widthAt = this.widthsAt + this.miniIndex;
    const w = bytes[widthAt];
    if (w > this.maxWidth) {
      throw new ParquetryError('CORRUPT', `miniblock bit width ${w} is over ${this.maxWidth} for ${this.type}`, { offset: widthAt });
    }
    // only the values still expected must be present: the last miniblock's padding may be cut off
    const n = this.perMiniblock < this.left ? this.perMiniblock : this.left;
    const needed = (n * w + 7) >>> 3;
    const available = end - pos;
    if (needed > available) {
      throw new ParquetryError('TRUNCATED', `miniblock of ${n} values at ${w} bits needs ${needed} bytes but ${available} remain`, { offset: pos });
    }
    this.mbBase = pos;
    this.mbWidth = w;
    this.mbIndex = 0;
    this.mbLeft = n;
    this.miniIndex++;
    const full = (this.perMiniblock >>> 3) * w;
    this.pos = pos + (full < available ? full : available);
  }
}
