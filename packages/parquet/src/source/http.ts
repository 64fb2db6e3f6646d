import { ParquetryError } from '@parquetry/core';
import type { ByteSource } from './byte-source.js';
import { allocateBytes, guardedSource, isByteCount } from './memory.js';

export interface HttpSourceOptions {
  /** Defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /** Sent with every request (authorization, for instance); `Range` is ours. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /**
   * The largest file read whole when the server ignores `Range` (answers 200 with the whole body):
   * every read then downloads the file, so past this size that is UNSUPPORTED. Default 4 MiB.
   */
  maxWholeBody?: number;
}

export const DEFAULT_MAX_WHOLE_BODY = 4 * 1024 * 1024;

/**
 * A source over a URL, read with HTTP range requests. The size comes from a HEAD's Content-Length
 * or, failing that, from the total in a `Range: bytes=0-0` GET's Content-Range (in a browser,
 * cross-origin servers must expose Content-Range for that). `bytesRead` counts bytes of read
 * responses, not the size probe. Failures: a 4xx is INVALID_ARGUMENT (the caller's URL or
 * credentials); a network error, abort, 5xx or short body is TRUNCATED (the bytes did not arrive),
 * with the underlying error as `cause`.
 */
export async function httpSource(url: string | URL, options: HttpSourceOptions = {}): Promise<ByteSource> {
  const request = new HttpRequester(resolveUrl(url), options);
  const size = await request.probeSize();
  return guardedSource(size, (offset, length, fetched) => request.readRange(size, offset, length, fetched));
}

function resolveUrl(url: string | URL): string {
  // A relative URL is fine in a page; resolve it against the page as fetch would.
  const base = typeof location === 'undefined' ? undefined : location.href;
  try {
    return new URL(String(url), base).href;
  } catch (error) {
    throw new ParquetryError('INVALID_ARGUMENT', `not a URL: ${String(url)}`, {}, { cause: error });
  }
}

class HttpRequester {
  private readonly fetch: typeof fetch;
  private readonly maxWholeBody: number;

  constructor(
    private readonly url: string,
    private readonly options: HttpSourceOptions,
  ) {
    const fetchFn = options.fetch ?? globalThis.fetch;
    if (typeof fetchFn !== 'function') throw new ParquetryError('INVALID_ARGUMENT', 'no fetch: pass options.fetch');
    this.fetch = fetchFn;
    const max = options.maxWholeBody ?? DEFAULT_MAX_WHOLE_BODY;
    if (!isByteCount(max)) throw new ParquetryError('INVALID_ARGUMENT', `maxWholeBody must be a non-negative safe integer, got ${String(max)}`);
    this.maxWholeBody = max;
  }

  async probeSize(): Promise<number> {
    const headSize = await this.sizeFromHead();
    if (headSize !== undefined) return headSize;
    const response = await this.send('GET', 0, 'bytes=0-0');
    await discard(response);
    if (response.status === 206) {
      const range = parseContentRange(response.headers.get('content-range'));
      if (range?.total === undefined) throw new ParquetryError('UNSUPPORTED', `${this.url}: the server did not say the file's size`);
      return range.total;
    }
    if (response.status === 416) {
      // `bytes=0-0` is unsatisfiable only for an empty file; the server says `bytes */0`.
      const total = parseUnsatisfiedRange(response.headers.get('content-range'));
      if (total === 0) return 0;
      throw new ParquetryError('UNSUPPORTED', `${this.url}: 416 for bytes=0-0 without a size of 0`);
    }
    if (response.status === 200) {
      const size = contentLength(response);
      if (size === undefined) throw new ParquetryError('UNSUPPORTED', `${this.url}: no HEAD size, no range support and no Content-Length`);
      if (size > this.maxWholeBody) throw this.ignoresRanges(size, 0);
      return size;
    }
    throw statusError(response, this.url, 0);
  }

  async readRange(size: number, offset: number, length: number, fetched: (bytes: number) => void): Promise<Uint8Array> {
    const last = offset + length - 1;
    const response = await this.send('GET', offset, `bytes=${offset}-${last}`);
    if (response.status === 206) {
      const range = parseContentRange(response.headers.get('content-range'));
      if (range !== undefined && (range.first !== offset || range.last !== last)) {
        await discard(response);
        throw new ParquetryError('CORRUPT', `asked for bytes ${offset}-${last}, the server sent ${range.first}-${range.last}`, { offset });
      }
      if (range?.total !== undefined && range.total !== size) {
        await discard(response);
        throw new ParquetryError('CORRUPT', `the file was ${size} bytes when opened and is now ${range.total}`, { offset });
      }
      return readBody(response, length, offset, fetched);
    }
    if (response.status === 200) {
      // The server ignored Range and sent the whole file. Accept it only when it is what we asked for
      // or small enough to download per read, and only if the body is exactly `size` bytes; then slice.
      const declared = contentLength(response);
      if (length !== size && Math.max(size, declared ?? 0) > this.maxWholeBody) {
        await discard(response);
        throw this.ignoresRanges(size, offset);
      }
      const whole = await readBody(response, size, 0, fetched);
      return whole.subarray(offset, offset + length);
    }
    await discard(response);
    if (response.status === 416) throw new ParquetryError('TRUNCATED', `the server says bytes ${offset}-${last} are past the end`, { offset });
    throw statusError(response, this.url, offset);
  }

  /** The HEAD's Content-Length, or undefined when HEAD fails or does not give a usable one. */
  private async sizeFromHead(): Promise<number | undefined> {
    let response: Response;
    try {
      response = await this.send('HEAD', 0);
    } catch {
      return undefined; // a network failure will show again, and be reported, on the GET
    }
    await discard(response);
    // A compressed representation's Content-Length is not the file's size.
    const encoding = response.headers.get('content-encoding');
    if (!response.ok || (encoding !== null && encoding !== 'identity')) return undefined;
    return contentLength(response);
  }

  private async send(method: 'GET' | 'HEAD', offset: number, range?: string): Promise<Response> {
    const headers = new Headers(this.options.headers);
    if (range !== undefined) headers.set('Range', range);
    try {
      return await this.fetch(this.url, { method, headers, signal: this.options.signal });
    } catch (error) {
      throw new ParquetryError('TRUNCATED', `${method} ${this.url} failed`, { offset }, { cause: error });
    }
  }

  private ignoresRanges(size: number, offset: number): ParquetryError {
    return new ParquetryError(
      'UNSUPPORTED',
      `${this.url} ignores Range requests and is ${size} bytes, over the ${this.maxWholeBody}-byte limit for downloading it whole per read`,
      { offset },
    );
  }
}

/** Streams a body into exactly `expected` bytes: TRUNCATED when it ends early, CORRUPT when it runs over. */
async function readBody(response: Response, expected: number, offset: number, fetched: (bytes: number) => void): Promise<Uint8Array> {
  const out = allocateBytes(expected, offset);
  let filled = 0;
  const reader = response.body?.getReader();
  while (reader !== undefined) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (error) {
      throw new ParquetryError('TRUNCATED', 'response body failed', { offset: offset + filled }, { cause: error });
    }
    if (chunk.done) break;
    fetched(chunk.value.length);
    if (chunk.value.length > expected - filled) {
      await reader.cancel().catch(() => undefined);
      throw new ParquetryError('CORRUPT', `response body is longer than the ${expected} bytes expected`, { offset: offset + expected });
    }
    out.set(chunk.value, filled);
    filled += chunk.value.length;
  }
  if (filled < expected) {
    throw new ParquetryError('TRUNCATED', `response body ended ${expected - filled} bytes early`, { offset: offset + filled });
  }
  return out;
}

/** Frees the connection without reading a body we do not want. */
async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

function contentLength(response: Response): number | undefined {
  return parseCount(response.headers.get('content-length'));
}

function parseCount(text: string | null | undefined): number | undefined {
  if (text == null || !/^\d+$/.test(text.trim())) return undefined;
  const value = Number(text.trim());
  return Number.isSafeInteger(value) ? value : undefined;
}

/** `bytes first-last/total` (RFC 9110 §14.4); total is undefined for `*`. */
function parseContentRange(text: string | null): { first: number; last: number; total: number | undefined } | undefined {
  const match = text === null ? null : /^\s*bytes\s+(\d+)-(\d+)\/(\d+|\*)\s*$/i.exec(text);
  if (match === null) return undefined;
  const first = parseCount(match[1]);
  const last = parseCount(match[2]);
  if (first === undefined || last === undefined) return undefined;
  return { first, last, total: parseCount(match[3]) };
}

/** `bytes *\/total`, the Content-Range of a 416. */
function parseUnsatisfiedRange(text: string | null): number | undefined {
  const match = text === null ? null : /^\s*bytes\s+\*\/(\d+)\s*$/i.exec(text);
  return match === null ? undefined : parseCount(match[1]);
}

function statusError(response: Response, url: string, offset: number): ParquetryError {
  const { status } = response;
  const code = status >= 400 && status < 500 ? 'INVALID_ARGUMENT' : 'TRUNCATED';
  const text = response.statusText ? ` ${response.statusText}` : '';
  return new ParquetryError(code, `HTTP ${status}${text} from ${url}`, { offset });
}
