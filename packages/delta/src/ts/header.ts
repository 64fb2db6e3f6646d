import { ParquetryError } from '@parquetry/core';
import { readUleb64, readZigzag64, varint } from './varint64.js';

/** Largest block size accepted: the spec sets none, this keeps per-block work bounded. */
export const MAX_BLOCK_SIZE = 1 << 20;
/** Largest value count one stream may declare: a page's values fit a typed array. */
export const MAX_COUNT = 2 ** 31 - 1;

/** The header of a DELTA_BINARY_PACKED stream (Encodings.md, "Delta Encoding"). */
export interface DeltaHeader {
  blockSize: number;
  miniblocks: number;
  /** Values per miniblock: blockSize / miniblocks, a multiple of 32. */
  perMiniblock: number;
  count: number;
  /** The first value, as int32 halves (INT32 streams use `firstLo` alone: arithmetic mod 2^32). */
  firstLo: number;
  firstHi: number;
  /** Position after the header. */
  end: number;
}

/**
 * Reads `<block size> <miniblocks per block> <total count> <first value>` at `pos` and checks it:
 * block size a positive multiple of 128 (at most MAX_BLOCK_SIZE), miniblocks dividing it into
 * multiples of 32 (else `CORRUPT`), and a count the input can hold (else `TRUNCATED`): every block
 * after the first value takes at least 1 + miniblocks bytes (a min delta and the bit widths), so
 * `count <= 1 + floor(bytes left / (1 + miniblocks)) * blockSize`. Callers allocate for `count`
 * only after this check.
 */
export function readDeltaHeader(bytes: Uint8Array, pos: number, end: number): DeltaHeader {
  const start = pos;
  pos = readUleb64(bytes, pos, end, 'block size');
  const blockLo = varint.lo >>> 0;
  const blockHi = varint.hi;
  pos = readUleb64(bytes, pos, end, 'miniblock count');
  const miniLo = varint.lo >>> 0;
  const miniHi = varint.hi;
  pos = readUleb64(bytes, pos, end, 'value count');
  const countLo = varint.lo >>> 0;
  const countHi = varint.hi;
  pos = readZigzag64(bytes, pos, end, 'first value');
  const firstLo = varint.lo;
  const firstHi = varint.hi;

  if (blockHi !== 0 || blockLo === 0 || blockLo % 128 !== 0 || blockLo > MAX_BLOCK_SIZE) {
    const shown = blockHi !== 0 ? 'over 2^32' : String(blockLo);
    throw new ParquetryError('CORRUPT', `block size ${shown} is not a positive multiple of 128 up to ${MAX_BLOCK_SIZE}`, { offset: start });
  }
  const blockSize = blockLo;
  if (miniHi !== 0 || miniLo === 0 || blockSize % miniLo !== 0 || (blockSize / miniLo) % 32 !== 0) {
    const shown = miniHi !== 0 ? 'over 2^32' : String(miniLo);
    throw new ParquetryError('CORRUPT', `${shown} miniblocks do not split a block of ${blockSize} into multiples of 32 values`, { offset: start });
  }
  const miniblocks = miniLo;
  const blocksPossible = Math.floor((end - pos) / (1 + miniblocks));
  const maxCount = 1 + blocksPossible * blockSize;
  if (countHi !== 0 || countLo > maxCount || countLo > MAX_COUNT) {
    const shown = countHi !== 0 ? 'over 2^32' : String(countLo);
    throw new ParquetryError('TRUNCATED', `header declares ${shown} values but the input holds at most ${Math.min(maxCount, MAX_COUNT)}`, {
      offset: start,
    });
  }
  return { blockSize, miniblocks, perMiniblock: blockSize / miniblocks, count: countLo, firstLo, firstHi, end: pos };
}
