// A walk over the frames and blocks of a zstd stream (RFC 8878, section 3.1), done before
// decoding: it checks every size against the input and the declared output, so the decoder is
// never asked to allocate a window or produce output the page cannot hold.
import { ParquetryError } from '@parquetry/core';

const ZSTD_MAGIC = 0xfd2fb528;
const SKIPPABLE_MASK = 0xfffffff0;
const SKIPPABLE_MAGIC = 0x184d2a50;
/** libzstd's default limit on the window a decoder accepts (ZSTD_WINDOWLOG_LIMIT_DEFAULT). */
export const MAX_WINDOW = 1 << 27;
const BLOCK_HEADER = 3;

export interface ZstdFrame {
  start: number;
  end: number;
  /** Frame_Content_Size, when the header carries it. */
  contentSize: number | undefined;
  windowSize: number;
  /** Input offsets where each block ends, for feeding the decoder a few blocks at a time. */
  blockEnds: number[];
}

function u32(bytes: Uint8Array, at: number): number {
  return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
}

function need(input: Uint8Array, at: number, n: number, what: string): void {
  if (at + n > input.length) throw new ParquetryError('TRUNCATED', `ZSTD stream ends inside ${what}`, { offset: input.length });
}

function readLE(input: Uint8Array, at: number, n: number): number {
  let v = 0;
  for (let i = n - 1; i >= 0; i--) v = v * 256 + input[at + i];
  return v;
}

function parseFrame(input: Uint8Array, start: number): ZstdFrame {
  let at = start + 4;
  need(input, at, 1, 'a frame header');
  const descriptor = input[at++];
  const fcsFlag = descriptor >> 6;
  const singleSegment = (descriptor >> 5) & 1;
  const hasChecksum = (descriptor >> 2) & 1;
  const dictFlag = descriptor & 3;
  if (descriptor & 0x08) throw new ParquetryError('CORRUPT', 'ZSTD frame header sets its reserved bit', { offset: at - 1 });
  let windowSize = 0;
  if (!singleSegment) {
    need(input, at, 1, 'a frame header');
    const exponent = input[at] >> 3;
    const base = 2 ** (10 + exponent);
    windowSize = base + (base / 8) * (input[at] & 7);
    at++;
  }
  const dictBytes = [0, 1, 2, 4][dictFlag];
  need(input, at, dictBytes, 'a frame header');
  if (dictBytes && readLE(input, at, dictBytes) !== 0) {
    throw new ParquetryError('UNSUPPORTED', 'ZSTD frame needs a dictionary; Parquet pages do not use them', { offset: at });
  }
  at += dictBytes;
  const fcsBytes = fcsFlag === 0 ? singleSegment : 1 << fcsFlag;
  need(input, at, fcsBytes, 'a frame header');
  let contentSize: number | undefined;
  if (fcsBytes) {
    contentSize = readLE(input, at, fcsBytes) + (fcsBytes === 2 ? 256 : 0);
    at += fcsBytes;
  }
  if (singleSegment) windowSize = contentSize ?? 0;
  const blockEnds: number[] = [];
  for (let last = 0; !last; ) {
    need(input, at, BLOCK_HEADER, 'a block header');
    const header = input[at] | (input[at + 1] << 8) | (input[at + 2] << 16);
    last = header & 1;
    const type = (header >> 1) & 3;
    const size = header >>> 3;
    if (type === 3) throw new ParquetryError('CORRUPT', 'ZSTD block has the reserved type', { offset: at });
    at += BLOCK_HEADER + (type === 1 ? 1 : size);
    need(input, 0, at, 'a block');
    blockEnds.push(at);
  }
  if (hasChecksum) {
    need(input, at, 4, 'a frame checksum');
    at += 4;
    blockEnds[blockEnds.length - 1] = at;
  }
  return { start, end: at, contentSize, windowSize, blockEnds };
}

/** The zstd frames of `input`, skippable frames left out. */
export function zstdFrames(input: Uint8Array): ZstdFrame[] {
  const frames: ZstdFrame[] = [];
  for (let at = 0; at < input.length; ) {
    need(input, at, 4, 'a frame magic number');
    const magic = u32(input, at);
    if ((magic & SKIPPABLE_MASK) >>> 0 === SKIPPABLE_MAGIC) {
      need(input, at + 4, 4, 'a skippable frame');
      at += 8 + u32(input, at + 4);
      need(input, 0, at, 'a skippable frame');
      continue;
    }
    if (magic !== ZSTD_MAGIC) throw new ParquetryError('CORRUPT', `ZSTD frame starts with 0x${magic.toString(16)}, not the zstd magic number`, { offset: at });
    const frame = parseFrame(input, at);
    frames.push(frame);
    at = frame.end;
  }
  return frames;
}
