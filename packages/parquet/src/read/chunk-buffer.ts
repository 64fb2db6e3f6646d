// A buffer that the compressed column chunks of a row group are read into, reused row group after
// row group by a whole-file read (two of them, alternating: one is read into while the other's row
// group is decoded): a file's compressed bytes are otherwise the largest allocation a read makes
// (as much as the file), all of it garbage once the row group is decoded. Two buffers hold up to
// two row groups' compressed chunks at once: the price of reading one while decoding the other.
// Only compressed chunks use it: nothing decoded from them views their bytes, except the values of
// a v2 page stored uncompressed, which the page decoder copies (see PageDecoder's `reusedChunk`).

/** Row groups whose chunks take more than this are read into buffers of their own. */
const MAX_REUSED = 256 << 20;

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
}
