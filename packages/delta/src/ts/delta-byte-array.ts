// DELTA_BYTE_ARRAY (Encodings.md, "Delta Strings"): <prefix lengths, DELTA_BINARY_PACKED INT32>
// <suffixes, DELTA_LENGTH_BYTE_ARRAY>; value i = the first prefix[i] bytes of value i - 1, then suffix i.
// Encoder: prefix i = the whole common prefix of values i - 1 and i (0 for the first value), no cap;
// both streams with the DELTA_BINARY_PACKED choices of delta-binary-packed-encode.ts.
import { ParquetryError, type ByteArrays } from '@parquetry/core';
import { DeltaBinaryPackedDecoder } from './delta-binary-packed-decoder.js';
import { encodeDeltaBinaryPacked32 } from './delta-binary-packed-encode.js';
import { readLengths, type Lengths } from './lengths.js';
import { checkByteArrays, checkCount, copyBytes, MAX_TOTAL_BYTES } from './validate.js';

/**
 * Streaming DELTA_BYTE_ARRAY decoder. The constructor decodes both length streams (8 bytes per
 * value) and checks every prefix against the length of the value before it, so each read can
 * allocate exactly the bytes its values take. Skipping still rebuilds the last skipped value
 * (the next prefix refers to it), copying at most that value's length.
 */
export class DeltaByteArrayDecoder {
  readonly count: number;
  private readonly bytes: Uint8Array;
  private readonly prefixes: Int32Array;
  private readonly suffixes: Lengths;
  /** The longest value: what `previous` must hold. At most the suffix bytes, so within the input. */
  private readonly maxLength: number;
  private next = 0;
  /** The value before `next` when that one was not returned by read() as the last of its batch. */
  private previous: Uint8Array = new Uint8Array(0);
  private previousLength = 0;

  /** Decodes `count` values from the stream at `bytes[byteOffset..byteEnd)`. */
  constructor(bytes: Uint8Array, count: number, byteOffset = 0, byteEnd = bytes.length) {
    checkCount(count);
    const prefixStream = new DeltaBinaryPackedDecoder(bytes, 'INT32', byteOffset, byteEnd);
    if (prefixStream.count !== count) {
      throw new ParquetryError('CORRUPT', `prefix lengths stream holds ${prefixStream.count} values, ${count} expected`, { offset: byteOffset });
    }
    const prefixes = new Int32Array(count);
    prefixStream.read(prefixes, 0, count);
    const suffixes = readLengths(bytes, count, prefixStream.byteOffset, byteEnd, 'suffix lengths');
    const so = suffixes.offsets;
    let previousLength = 0;
    let maxLength = 0;
    for (let i = 0; i < count; i++) {
      const p = prefixes[i];
      if (p < 0 || p > previousLength) {
        throw new ParquetryError('CORRUPT', `value ${i}: prefix of ${p} bytes is longer than the previous value (${previousLength})`, {
          offset: byteOffset,
        });
      }
      previousLength = p + so[i + 1] - so[i];
      if (previousLength > maxLength) maxLength = previousLength;
    }
    this.count = count;
    this.bytes = bytes;
    this.prefixes = prefixes;
    this.suffixes = suffixes;
    this.maxLength = maxLength;
  }

  /** Values not yet read or skipped. */
  get remaining(): number {
    return this.count - this.next;
  }

  /** Position after the suffixes read or skipped so far; once all are, where the stream ends. */
  get byteOffset(): number {
    const { offsets, valuesAt, end } = this.suffixes;
    return this.next === this.count ? end : valuesAt + offsets[this.next];
  }

  /** The next `n` values, rebuilt into one buffer sized exactly for them (offsets from 0). */
  read(n: number = this.remaining): ByteArrays {
    this.checkRequest(n);
    const prefixes = this.prefixes;
    const so = this.suffixes.offsets;
    const first = this.next;
    const stop = first + n;
    let total = 0;
    for (let i = first; i < stop; i++) total += prefixes[i] + so[i + 1] - so[i];
    if (total > MAX_TOTAL_BYTES) {
      throw new ParquetryError('LIMIT', `${n} values take ${total} bytes, more than one batch holds (${MAX_TOTAL_BYTES})`);
    }
    const out = new Uint8Array(total);
    const offsets = new Int32Array(n + 1);
    const view = new DataView(out.buffer);
    const src = this.bytes;
    const srcView = new DataView(src.buffer, src.byteOffset, src.byteLength);
    const valuesAt = this.suffixes.valuesAt;
    let at = 0;
    let previousAt = 0;
    for (let i = first, j = 1; i < stop; i++, j++) {
      const p = prefixes[i];
      if (p > 0) {
        if (i === first) copyBytes(this.previous, 0, out, 0, p);
        else copyRun(out, view, previousAt, out, view, at, p);
      }
      const s = so[i];
      const suffixLength = so[i + 1] - s;
      copyRun(src, srcView, valuesAt + s, out, view, at + p, suffixLength);
      previousAt = at;
      at += p + suffixLength;
      offsets[j] = at;
    }
    this.next = stop;
    if (n > 0 && stop < this.count) this.keepPrevious(out, previousAt, at - previousAt);
    return { offsets, bytes: out };
  }

  /**
   * Moves past the next `n` values, rebuilding only the last of them: walking back from it, each
   * value supplies the bytes of the last one from its prefix length up to what is still missing.
   * Bytes are only written above the positions still needed, so the old previous value supplies
   * the rest in place.
   */
  skip(n: number): void {
    this.checkRequest(n);
    if (n === 0) return;
    const first = this.next;
    const last = first + n - 1;
    this.next = last + 1;
    if (this.next === this.count) return; // nothing refers to it any more
    const prefixes = this.prefixes;
    const so = this.suffixes.offsets;
    const valuesAt = this.suffixes.valuesAt;
    if (this.previous.length < this.maxLength) this.previous = grow(this.previous, this.previousLength, this.maxLength);
    const previous = this.previous;
    const length = prefixes[last] + so[last + 1] - so[last];
    let missing = length; // positions [0, missing) still to come from earlier values
    for (let i = last; i >= first && missing > 0; i--) {
      const p = prefixes[i];
      if (missing > p) {
        copyBytes(this.bytes, valuesAt + so[i], previous, p, missing - p);
        missing = p;
      }
    }
    this.previousLength = length;
  }

  private keepPrevious(out: Uint8Array, from: number, length: number): void {
    if (this.previous.length < this.maxLength) this.previous = new Uint8Array(this.maxLength);
    copyBytes(out, from, this.previous, 0, length);
    this.previousLength = length;
  }

  private checkRequest(n: number): void {
    if (!Number.isInteger(n) || n < 0 || n > this.count - this.next) {
      throw new ParquetryError('INVALID_ARGUMENT', `asked for ${n} values but ${this.count - this.next} remain`);
    }
  }
}

/**
 * Copies `n` bytes from `src[from..]` to `dst[to..]` (not overlapping; `*View` view the same bytes
 * from the same index). Short runs go 4 bytes at a time through the DataViews, which V8 inlines
 * (unaligned is fine): a native copy costs more than the copy itself for a few dozen bytes.
 */
function copyRun(src: Uint8Array, srcView: DataView, from: number, dst: Uint8Array, dstView: DataView, to: number, n: number): void {
  if (n > 64) {
    dst.set(src.subarray(from, from + n), to);
    return;
  }
  let k = 0;
  for (; k + 4 <= n; k += 4) dstView.setInt32(to + k, srcView.getInt32(from + k));
  for (; k < n; k++) dst[to + k] = src[from + k];
}

/** A buffer of `size` bytes holding the first `keep` bytes of `old`. */
function grow(old: Uint8Array, keep: number, size: number): Uint8Array {
  const bigger = new Uint8Array(size);
  bigger.set(old.subarray(0, keep));
  return bigger;
}

/** Decodes `count` values into one buffer sized exactly from the (checked) lengths. */
export function decodeDeltaByteArray(bytes: Uint8Array, count: number): ByteArrays {
  return new DeltaByteArrayDecoder(bytes, count).read(count);
}

export function encodeDeltaByteArray(values: ByteArrays): Uint8Array {
  checkByteArrays(values);
  const { offsets, bytes } = values;
  const n = offsets.length - 1;
  const prefixes = new Int32Array(n);
  const suffixLengths = new Int32Array(n);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let suffixTotal = 0;
  let previousAt = 0;
  let previousLength = 0;
  for (let i = 0; i < n; i++) {
    const at = offsets[i];
    const length = offsets[i + 1] - at;
    const limit = length < previousLength ? length : previousLength;
    // common prefix: 4 bytes at a time, then byte by byte
    let p = 0;
    while (p + 4 <= limit && view.getInt32(at + p) === view.getInt32(previousAt + p)) p += 4;
    while (p < limit && bytes[at + p] === bytes[previousAt + p]) p++;
    prefixes[i] = p;
    suffixLengths[i] = length - p;
    suffixTotal += length - p;
    previousAt = at;
    previousLength = length;
  }
  const prefixStream = encodeDeltaBinaryPacked32(prefixes);
  const suffixLengthStream = encodeDeltaBinaryPacked32(suffixLengths);
  const out = new Uint8Array(prefixStream.length + suffixLengthStream.length + suffixTotal);
  out.set(prefixStream);
  out.set(suffixLengthStream, prefixStream.length);
  let pos = prefixStream.length + suffixLengthStream.length;
  for (let i = 0; i < n; i++) {
    const suffixLength = suffixLengths[i];
    copyBytes(bytes, offsets[i + 1] - suffixLength, out, pos, suffixLength);
    pos += suffixLength;
  }
  return out;
}
