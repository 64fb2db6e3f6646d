import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the test server misbehaves; the default is a well-behaved static file server. */
export interface ServerBehaviour {
  /** HEAD with Content-Length (default), without one, with a gzip-encoded one (not the file's size), or 405. */
  head?: 'length' | 'no-length' | 'gzip' | 'refuse';
  /** Honour `Range` with 206 (default), or ignore it and send the whole file with 200. */
  ranges?: 'honour' | 'ignore';
  /**
   * The 206 body: the asked bytes (default); one byte fewer with a matching Content-Length; half of
   * them then a dropped connection; or the bytes one past those asked, labelled as such.
   */
  body?: 'full' | 'short' | 'cut' | 'shifted';
  /** Answer every request with this status and no body. */
  status?: number;
  /** Answer 401 unless this header has this value. */
  requireHeader?: [name: string, value: string];
}

export interface LoggedRequest {
  method: string;
  range: string | undefined;
}

export interface TestServer {
  url: string;
  requests: LoggedRequest[];
  close(): Promise<void>;
}

/** A static-file HTTP server on 127.0.0.1 and a free port, serving `bytes` as described. */
export async function startServer(bytes: Uint8Array, behaviour: ServerBehaviour = {}): Promise<TestServer> {
  const requests: LoggedRequest[] = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', range: req.headers.range });
    res.on('error', () => undefined); // the client may cancel a body it does not want
    answer(bytes, behaviour, req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/data.parquet`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections(); // fetch keeps connections alive; do not wait for them
      }),
  };
}

function answer(bytes: Uint8Array, behaviour: ServerBehaviour, req: IncomingMessage, res: ServerResponse): void {
  const size = bytes.length;
  if (behaviour.status !== undefined) return void res.writeHead(behaviour.status).end();
  const required = behaviour.requireHeader;
  if (required !== undefined && req.headers[required[0].toLowerCase()] !== required[1]) return void res.writeHead(401).end();
  if (req.method === 'HEAD') {
    if (behaviour.head === 'refuse') return void res.writeHead(405).end();
    // Chunked framing is how a response says nothing about its length.
    const framing =
      behaviour.head === 'no-length'
        ? { 'transfer-encoding': 'chunked' }
        : behaviour.head === 'gzip'
          ? { 'content-encoding': 'gzip', 'content-length': String(size >> 1) }
          : { 'content-length': String(size) };
    return void res.writeHead(200, { 'accept-ranges': 'bytes', ...framing }).end();
  }
  if (req.method !== 'GET') return void res.writeHead(405).end();
  const match = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
  if (match === null || behaviour.ranges === 'ignore') {
    return void res.writeHead(200, { 'content-length': String(size) }).end(bytes);
  }
  const first = Number(match[1]);
  const last = Math.min(Number(match[2]), size - 1);
  if (first >= size) return void res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
  const body = bytes.subarray(first, last + 1);
  const range = { 'content-range': `bytes ${first}-${last}/${size}` };
  switch (behaviour.body ?? 'full') {
    case 'full':
      return void res.writeHead(206, { ...range, 'content-length': String(body.length) }).end(body);
    case 'short':
      return void res.writeHead(206, { ...range, 'content-length': String(body.length - 1) }).end(body.subarray(1));
    case 'cut':
      res.writeHead(206, { ...range, 'content-length': String(body.length) });
      res.write(body.subarray(0, body.length >> 1), () => res.destroy());
      return;
    case 'shifted': {
      const shifted = bytes.subarray(first + 1, last + 2);
      const label = { 'content-range': `bytes ${first + 1}-${first + shifted.length}/${size}` };
      return void res.writeHead(206, { ...label, 'content-length': String(shifted.length) }).end(shifted);
    }
  }
}
