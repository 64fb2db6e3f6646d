// The deprecated LZ4 codec, in both forms real files carry: Hadoop framing (parquet-mr, Arrow C++
// since 0.17: blocks of big-endian uncompressed size, compressed size, LZ4 block) or one bare
// block (older Arrow C++). Detection as Arrow C++ does it: try the framing, else a bare block.
import { ParquetryError } from '@parquetry/core';
import { compressLz4Block, decompressLz4Block, lz4BlockMaxCompressedLength } from './block.js';

const PREFIX = 8;

function u32BE(bytes: Uint8Array, at: number): number {
  return ((bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]) >>> 0;
}

/** Fills `out` from Hadoop framing; false when the input is not framed so (or not exactly). */
function tryHadoop(input: Uint8Array, out: Uint8Array): boolean {
  let at = 0;
  let produced = 0;
  while (input.length - at >= PREFIX) {
    const rawLength = u32BE(input, at);
    const blockLength = u32BE(input, at + 4);
    at += PREFIX;
    if (blockLength > input.length - at || rawLength > out.length - produced) return false;
    try {
      if (decompressLz4Block(input.subarray(at, at + blockLength), out.subarray(produced, produced + rawLength)) !== rawLength) return false;
    } catch (error) {
      if (ParquetryError.is(error)) return false;
      throw error;
    }
    at += blockLength;
    produced += rawLength;
  }
  return at === input.length && produced === out.length;
}

export function decompressLz4LegacyInto(input: Uint8Array, out: Uint8Array): void {
  if (tryHadoop(input, out)) return;
  try {
    const written = decompressLz4Block(input, out);
    if (written !== out.length) {
      throw new ParquetryError('CORRUPT', `LZ4_RAW stream holds ${written} bytes but the page declares ${out.length}`);
    }
  } catch (error) {
    if (!ParquetryError.is(error)) throw error;
    throw new ParquetryError(error.code, `LZ4 (neither Hadoop-framed nor a bare block): ${error.detail}`, { offset: error.offset }, { cause: error });
  }
}

export function lz4HadoopMaxCompressedLength(n: number): number {
  return PREFIX + lz4BlockMaxCompressedLength(n);
}

/** One Hadoop frame around one block, as Arrow C++ and parquet-mr write a page. */
export function compressLz4HadoopInto(input: Uint8Array, out: Uint8Array): number {
  const n = compressLz4Block(input, out.subarray(PREFIX));
  const view = new DataView(out.buffer, out.byteOffset, PREFIX);
  view.setUint32(0, input.length);
  view.setUint32(4, n);
  return PREFIX + n;
}
