// Drives one of fflate's streaming decoders over a whole page into a buffer of the declared size.
// The input goes in small slices so a decompression bomb is stopped near the declared size instead
// of being inflated whole first.
import { ParquetryError } from '@parquetry/core';

const SLICE = 16 * 1024;

export interface FflateStream {
  ondata?: (chunk: Uint8Array<ArrayBuffer>, final: boolean) => void;
  push(chunk: Uint8Array, final?: boolean): void;
}

/** How much output the stream has produced so far, readable from fflate's callbacks. */
export interface InflateProgress {
  written: number;
}

/** fflate's error codes: 0 is "unexpected EOF". */
function fromFflateError(codec: string, error: unknown, at: number): unknown {
  if (ParquetryError.is(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: number }).code === 0 ? 'TRUNCATED' : 'CORRUPT';
  return new ParquetryError(code, `${codec} stream is corrupt: ${message}`, { offset: at }, { cause: error });
}

/** Returns the bytes written; throws when the stream holds more than `out` can take. */
export function inflateInto(codec: string, stream: FflateStream, input: Uint8Array, out: Uint8Array, progress: InflateProgress = { written: 0 }): number {
  stream.ondata = (chunk) => {
    if (chunk.length > out.length - progress.written) {
      throw new ParquetryError('CORRUPT', `${codec} stream decompresses to more than the declared ${out.length} bytes`);
    }
    out.set(chunk, progress.written);
    progress.written += chunk.length;
  };
  let at = 0;
  try {
    for (; at < input.length; at += SLICE) {
      const end = Math.min(input.length, at + SLICE);
      stream.push(input.subarray(at, end), end === input.length);
    }
  } catch (error) {
    throw fromFflateError(codec, error, at);
  }
  return progress.written;
}
