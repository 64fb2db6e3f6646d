// An output file written under a temporary name beside it and renamed into place on commit, so a
// failed or interrupted conversion never leaves a partial file under the name asked for. Writes are
// gathered into 1 MiB blocks and awaited (backpressure).
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const BLOCK = 1 << 20;

export class AtomicFile {
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private done = false;
  bytesWritten = 0;

  private constructor(readonly path: string, readonly temporary: string, private readonly handle: FileHandle) {}

  static async create(path: string): Promise<AtomicFile> {
    const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
    return new AtomicFile(path, temporary, await open(temporary, 'wx'));
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (!bytes.length) return;
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    if (this.pendingBytes >= BLOCK) await this.flush();
  }

  writeText(text: string): Promise<void> {
    return this.write(Buffer.from(text, 'utf8'));
  }

  private async flush(): Promise<void> {
    const parts = this.pending;
    const bytes = parts.length === 1 ? parts[0] : Buffer.concat(parts, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    for (let at = 0; at < bytes.length; ) at += (await this.handle.write(bytes, at, bytes.length - at)).bytesWritten;
    this.bytesWritten += bytes.length;
  }

  /** Flushes, closes and renames the file into place. */
  async commit(): Promise<void> {
    await this.flush();
    await this.handle.close();
    this.done = true;
    await rename(this.temporary, this.path);
  }

  /** Closes and removes the temporary file; safe to call after a failed commit. */
  async abort(): Promise<void> {
    if (!this.done) {
      this.done = true;
      await this.handle.close().catch(() => undefined);
    }
    await unlink(this.temporary).catch(() => undefined);
  }
}
