import { ParquetryError } from '@parquetry/core';
import type { ByteSource } from './byte-source.js';
import { checkRange, isByteCount } from './memory.js';

export interface ByteRange {
  offset: number;
  length: number;
}

export interface CoalesceOptions {
  /** Ranges this many bytes apart or closer are read together; the gap is read and dropped. Default 64 KiB. */
  gap?: number;
  /** No merged read grows past this many bytes (a single larger range is still read, alone). Default 64 MiB. */
  maxMerged?: number;
}

/** One read serving several requested ranges: `parts` are their indices, in offset order. */
export interface PlannedRead {
  offset: number;
  length: number;
  parts: number[];
}

export const DEFAULT_GAP = 64 * 1024;
export const DEFAULT_MAX_MERGED = 64 * 1024 * 1024;

/**
 * Groups ranges into as few reads as the options allow: sorted by offset, each range joins the
 * current read when it starts at most `gap` bytes after its end (overlap counts as no gap) and the
 * read stays within `maxMerged`. Every non-empty range is in exactly one read; zero-length ranges
 * need no bytes and are in none.
 */
export function planReads(ranges: ReadonlyArray<ByteRange>, options: CoalesceOptions = {}): PlannedRead[] {
  const gap = optionValue(options.gap, DEFAULT_GAP, 'gap');
  const maxMerged = optionValue(options.maxMerged, DEFAULT_MAX_MERGED, 'maxMerged');
  if (maxMerged === 0) throw new ParquetryError('INVALID_ARGUMENT', 'maxMerged must be at least 1');
  const order: number[] = [];
  ranges.forEach((range, index) => {
    checkShape(range, index);
    if (range.length > 0) order.push(index);
  });
  order.sort((a, b) => ranges[a]!.offset - ranges[b]!.offset || ranges[a]!.length - ranges[b]!.length);

  const reads: PlannedRead[] = [];
  let current: PlannedRead | undefined;
  for (const index of order) {
    const { offset, length } = ranges[index]!;
    const end = offset + length;
    if (current !== undefined) {
      const currentEnd = current.offset + current.length;
      const mergedEnd = Math.max(currentEnd, end);
      if (offset - currentEnd <= gap && mergedEnd - current.offset <= maxMerged) {
        current.length = mergedEnd - current.offset;
        current.parts.push(index);
        continue;
      }
    }
    current = { offset, length, parts: [index] };
    reads.push(current);
  }
  return reads;
}

/**
 * Reads many ranges with few requests: the reads `planReads` plans, all at once, then one view
 * (not a copy) per requested range, in the caller's order. Every range is checked against the
 * source's size before anything is fetched. With `into` and a source that can fill a caller's
 * buffer, the reads land back to back in the buffer `into` gives for their total length. Settles
 * only once every read has: when one fails, the others may still be writing into that buffer,
 * which its owner may lend to another read as soon as this one is over.
 */
export async function readRanges(
  source: ByteSource,
  ranges: ReadonlyArray<ByteRange>,
  options: CoalesceOptions = {},
  into?: (length: number) => Uint8Array,
): Promise<Uint8Array[]> {
  ranges.forEach((range, index) => {
    checkShape(range, index);
    checkRange(source.size, range.offset, range.length);
  });
  const plan = planReads(ranges, options);
  const views: Uint8Array[] = ranges.map(() => new Uint8Array(0));
  const target = into && source.readInto ? into(plan.reduce((n, read) => n + read.length, 0)) : undefined;
  let at = 0;
  const reads = await Promise.allSettled(
    plan.map(async (read) => {
      const slot = target?.subarray(at, (at += read.length));
      const bytes = await (slot ? source.readInto!(read.offset, read.length, slot) : source.read(read.offset, read.length));
      for (const index of read.parts) {
        const { offset, length } = ranges[index]!;
        const start = offset - read.offset;
        views[index] = bytes.subarray(start, start + length);
      }
    }),
  );
  const failed = reads.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return views;
}

function checkShape(range: ByteRange, index: number): void {
  const offset = range?.offset;
  const length = range?.length;
  if (!isByteCount(offset) || !isByteCount(length) || length > Number.MAX_SAFE_INTEGER - offset) {
    throw new ParquetryError(
      'INVALID_ARGUMENT',
      `range ${index} needs a non-negative safe integer offset and length with a safe end, got ${String(offset)}+${String(length)}`,
    );
  }
}

function optionValue(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!isByteCount(value)) throw new ParquetryError('INVALID_ARGUMENT', `${name} must be a non-negative safe integer, got ${String(value)}`);
  return value;
}
