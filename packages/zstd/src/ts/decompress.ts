// ZSTD decoding in pure TypeScript over fzstd's streaming decoder, fed a few blocks at a time so
// output past the declared size is refused as it appears (a block yields at most 128 KiB).
import { Decompress } from 'fzstd';
import { ParquetryError } from '@parquetry/core';
import { MAX_WINDOW, zstdFrames, type ZstdFrame } from './frames.js';

const BLOCKS_PER_PUSH = 16;

function decodeFrame(input: Uint8Array, frame: ZstdFrame, out: Uint8Array, written: number): number {
  const room = out.length - written;
  if (frame.contentSize !== undefined && frame.contentSize > room) {
    throw new ParquetryError('CORRUPT', `ZSTD frame declares ${frame.contentSize} bytes, more than the ${out.length} the page declares`, { offset: frame.start });
  }
  if (frame.windowSize > MAX_WINDOW) {
    throw new ParquetryError('LIMIT', `ZSTD frame asks for a ${frame.windowSize}-byte window, over ${MAX_WINDOW}`, { offset: frame.start });
  }
  let produced = 0;
  const stream = new Decompress((chunk) => {
    if (chunk.length > room - produced) {
      throw new ParquetryError('CORRUPT', `ZSTD stream decompresses to more than the declared ${out.length} bytes`, { offset: frame.start });
    }
    out.set(chunk, written + produced);
    produced += chunk.length;
  });
  let from = frame.start;
  try {
    for (let i = 0; i < frame.blockEnds.length; i += BLOCKS_PER_PUSH) {
      const last = Math.min(frame.blockEnds.length, i + BLOCKS_PER_PUSH) - 1;
      const to = frame.blockEnds[last];
      stream.push(input.subarray(from, to), last === frame.blockEnds.length - 1);
      from = to;
    }
  } catch (error) {
    if (ParquetryError.is(error)) throw error;
    throw new ParquetryError('CORRUPT', `ZSTD stream is corrupt: ${error instanceof Error ? error.message : String(error)}`, { offset: from }, { cause: error });
  }
  if (frame.contentSize !== undefined && produced !== frame.contentSize) {
    throw new ParquetryError('CORRUPT', `ZSTD frame declares ${frame.contentSize} bytes but holds ${produced}`, { offset: frame.start });
  }
  return written + produced;
}

export function zstdDecompressInto(input: Uint8Array, out: Uint8Array): void {
  let written = 0;
  for (const frame of zstdFrames(input)) written = decodeFrame(input, frame, out, written);
  if (written !== out.length) {
    throw new ParquetryError('CORRUPT', `ZSTD stream holds ${written} bytes but the page declares ${out.length}`);
  }
}
