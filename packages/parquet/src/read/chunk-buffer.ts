// A buffer that the compressed column chunks of a row group are read into, reused row group after
// row group by a whole-file read (two of them, alternating: one is read into while the other's row
// group is decoded): a file's compressed bytes are otherwise the largest allocation a read makes
// (as much as the file), all of it garbage once the row group is decoded. Two buffers hold up to
// two row groups' compressed chunks at once: the price of reading one while decoding the other.
// Only compressed chunks use it: nothing decoded from them views their bytes, except the values of
// a v2 page stored uncompressed, which the page decoder copies (see PageDecoder's `reusedChunk`).
//
// A finished read gives its buffers back for the next read in the process: every allocation counts
// towards the external memory that makes V8 collect, and read after read of one file would
// otherwise grow two new buffers each time.

/** Row groups whose chunks take more than this are read into buffers of their own. */
const MAX_REUSED = 256 << 20;
/** Buffers kept between reads: at most this many, of at most this size (what a process holds idle). */
const MAX_IDLE_BUFFERS = 2;
const MAX_IDLE_SIZE = 32 << 20;

export class ChunkBuffer {
  private buffer = new Uint8Array(0);

  /** The first `length` bytes of the buffer (grown when needed); valid until the next call. */
  take(length: number): Uint8Array {
    if (length > MAX_REUSED) return new Uint8Array(length);
    // Grown with room to spare: row groups of one file differ a little in size, and growing to
    // each larger one exactly would allocate again and again.
    if (this.buffer.length < length) this.buffer = new Uint8Array(Math.min(MAX_REUSED, Math.max(length, Math.ceil(this.buffer.length * 1.5))));
    return this.buffer.subarray(0, length);
  }

  get size(): number {
    return this.buffer.length;
  }
}

const idle: ChunkBuffer[] = [];

/** A buffer for one read: an idle one when there is one. */
export function borrowChunkBuffer(): ChunkBuffer {
  return idle.pop() ?? new ChunkBuffer();
}

/** Gives back a buffer nothing reads into any more (no read in flight, no view kept). */
export function returnChunkBuffer(buffer: ChunkBuffer): void {
  if (idle.length < MAX_IDLE_BUFFERS && buffer.size <= MAX_IDLE_SIZE && !idle.includes(buffer)) idle.push(buffer);
}
