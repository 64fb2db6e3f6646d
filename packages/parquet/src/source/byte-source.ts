/**
 * Where a Parquet file's bytes come from. A reader asks for the footer, then only the ranges the
 * projection needs; `bytesRead` counts what was fetched, so callers (and tests) can see it.
 */
export interface ByteSource {
  /** The file's size in bytes. */
  readonly size: number;
  /** Exactly `length` bytes from `offset`; TRUNCATED when the range passes the end. */
  read(offset: number, length: number): Promise<Uint8Array>;
  /**
   * As `read`, into the first `length` bytes of `out` (a buffer the caller reuses), where the
   * source can fill a caller's buffer; sources that cannot leave this out.
   */
  readInto?(offset: number, length: number, out: Uint8Array): Promise<Uint8Array>;
  /** Bytes fetched so far. */
  readonly bytesRead: number;
  /** Releases what the source holds (a file handle); reads fail after. */
  close(): Promise<void>;
}
