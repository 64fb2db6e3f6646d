// Where compressed pages are written: large blocks handed out in pieces, so a page is compressed
// straight into the memory it is kept in (no fresh worst-case buffer per page, no copy after).
// Once a row group's bytes have gone to a sink that is done with them, `recycle` lets the next
// row group write over the same blocks: memory stays at one row group's worth instead of waiting
// for the garbage collector (and the allocator) to hand the old blocks back.
const BLOCK_BYTES = 8 << 20;

export class OutputArena {
  private readonly blocks: Uint8Array[] = [];
  /** The block being filled (an index into `blocks`; -1 before the first reservation). */
  private current = -1;
  private used = 0;

  /** A buffer of at least `bytes` bytes at the arena's free end; `commit` what was written. */
  reserve(bytes: number): Uint8Array {
    if (this.current < 0 || this.blocks[this.current].length - this.used < bytes) {
      const next = this.current + 1;
      if (next >= this.blocks.length || this.blocks[next].length < bytes) this.blocks.splice(next, 0, new Uint8Array(Math.max(BLOCK_BYTES, bytes)));
      this.current = next;
      this.used = 0;
    }
    return this.blocks[this.current].subarray(this.used);
  }

  /** Keeps the first `bytes` of the last reservation; returns them. */
  commit(bytes: number): Uint8Array {
    const kept = this.blocks[this.current].subarray(this.used, this.used + bytes);
    this.used += bytes;
    return kept;
  }

  /** Every block is free again: what `commit` returned so far must no longer be read. */
  recycle(): void {
    this.current = -1;
    this.used = 0;
  }
}
