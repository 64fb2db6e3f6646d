// Where compressed pages are written: large blocks handed out in pieces, so a page is compressed
// straight into the memory it is kept in (no fresh worst-case buffer per page, no copy after).
const BLOCK_BYTES = 8 << 20;

export class OutputArena {
  private block = new Uint8Array(0);
  private used = 0;

  /** A buffer of at least `bytes` bytes at the arena's free end; `commit` what was written. */
  reserve(bytes: number): Uint8Array {
    if (this.block.length - this.used < bytes) {
      this.block = new Uint8Array(Math.max(BLOCK_BYTES, bytes));
      this.used = 0;
    }
    return this.block.subarray(this.used);
  }

  /** Keeps the first `bytes` of the last reservation; returns them. */
  commit(bytes: number): Uint8Array {
    const kept = this.block.subarray(this.used, this.used + bytes);
    this.used += bytes;
    return kept;
  }
}
