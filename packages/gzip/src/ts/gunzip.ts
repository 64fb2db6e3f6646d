// GZIP decoding: one or more concatenated members (each trailer's CRC-32 and length checked), or a
// zlib-wrapped stream, which Arrow C++ also accepts under this codec.
import { Gunzip, Unzlib } from 'fflate';
import { ParquetryError } from '@parquetry/core';
import { crc32 } from '@parquetry/core';
import { inflateInto } from './inflate-stream.js';

const CODEC = 'GZIP';
const TRAILER = 8;

function isZlibHeader(input: Uint8Array): boolean {
  return input.length >= 2 && (input[0] & 0x0f) === 8 && ((input[0] << 8) | input[1]) % 31 === 0;
}

function readU32LE(bytes: Uint8Array, at: number): number {
  return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
}

function checkFilled(written: number, out: Uint8Array): void {
  if (written !== out.length) {
    throw new ParquetryError('CORRUPT', `${CODEC} stream holds ${written} bytes but the page declares ${out.length}`);
  }
}

/** Member i spans input [inputStarts[i], inputStarts[i+1]) and output [outputStarts[i], ...). */
function checkTrailers(input: Uint8Array, out: Uint8Array, inputStarts: number[], outputStarts: number[]): void {
  for (let i = 0; i < inputStarts.length; i++) {
    const inputEnd = i + 1 < inputStarts.length ? inputStarts[i + 1] : input.length;
    const outputEnd = i + 1 < outputStarts.length ? outputStarts[i + 1] : out.length;
    const trailer = inputEnd - TRAILER;
    if (trailer < inputStarts[i]) throw new ParquetryError('TRUNCATED', `${CODEC} member ${i} has no trailer`, { offset: inputEnd });
    const member = out.subarray(outputStarts[i], outputEnd);
    if (readU32LE(input, trailer + 4) !== member.length % 2 ** 32) {
      throw new ParquetryError('CORRUPT', `${CODEC} member ${i} trailer says ${readU32LE(input, trailer + 4)} bytes, it holds ${member.length}`, { offset: trailer + 4 });
    }
    if (readU32LE(input, trailer) !== crc32(member)) {
      throw new ParquetryError('CORRUPT', `${CODEC} member ${i} fails its CRC-32`, { offset: trailer });
    }
  }
}

export function gunzipInto(input: Uint8Array, out: Uint8Array): void {
  if (input.length >= 2 && input[0] === 0x1f && input[1] === 0x8b) {
    const inputStarts = [0];
    const outputStarts = [0];
    const progress = { written: 0 };
    const stream = new Gunzip();
    stream.onmember = (offset: number) => {
      inputStarts.push(offset);
      outputStarts.push(progress.written);
    };
    checkFilled(inflateInto(CODEC, stream, input, out, progress), out);
    checkTrailers(input, out, inputStarts, outputStarts);
    return;
  }
  if (isZlibHeader(input)) {
    checkFilled(inflateInto(CODEC, new Unzlib(), input, out), out);
    return;
  }
  throw new ParquetryError('CORRUPT', `${CODEC} stream starts with neither a gzip nor a zlib header`, { offset: 0 });
}
