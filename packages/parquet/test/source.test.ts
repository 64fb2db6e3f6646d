import { mkdtemp, rm, truncate, writeFile, mkdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  blobSource,
  DEFAULT_GAP,
  fileSource,
  type FileSourceOptions,
  httpSource,
  memorySource,
  planReads,
  readRanges,
  type ByteRange,
  type ByteSource,
  type PlannedRead,
} from '../src/source/node.js';
import { assertBytes, rejection, seededBytes, seededInts } from './source-helpers.js';
import { startServer, type ServerBehaviour, type TestServer } from './source-server.js';

const DATA = seededBytes(10_000, 7);

interface Opened {
  source: ByteSource;
  /** Requests that reached the backing store, where a test can see them (else always 0). */
  requests: () => number;
}

/** The contract every source keeps, run against one kind of source over DATA. */
function sourceContract(name: string, open: () => Promise<Opened>, hooks: { before?: () => Promise<void>; after?: () => Promise<void> } = {}): void {
  const s = suite(`${name} source contract`);
  if (hooks.before) s.before(hooks.before);
  if (hooks.after) s.after(hooks.after);

  s('size is the byte count', async () => {
    const { source } = await open();
    assert.is(source.size, DATA.length);
    assert.is(source.bytesRead, 0);
    await source.close();
  });

  s('reads at the start, middle and end return those bytes', async () => {
    const { source } = await open();
    assertBytes(await source.read(0, 100), DATA.subarray(0, 100), 'start');
    assertBytes(await source.read(4321, 1234), DATA.subarray(4321, 5555), 'middle');
    assertBytes(await source.read(DATA.length - 77, 77), DATA.subarray(DATA.length - 77), 'end');
    assertBytes(await source.read(DATA.length - 1, 1), DATA.subarray(DATA.length - 1), 'last byte');
    assertBytes(await source.read(0, DATA.length), DATA, 'whole');
    await source.close();
  });

  s('zero-length reads return empty arrays and fetch nothing', async () => {
    const { source, requests } = await open();
    const before = requests();
    for (const offset of [0, 5000, DATA.length]) assert.is((await source.read(offset, 0)).length, 0);
    assert.is(source.bytesRead, 0);
    assert.is(requests(), before);
    await source.close();
  });

  s('reads past the end are TRUNCATED at their offset and fetch nothing', async () => {
    const { source, requests } = await open();
    const before = requests();
    for (const [offset, length] of [[DATA.length - 10, 11], [DATA.length, 1], [DATA.length + 1, 0], [0, DATA.length + 1], [2 ** 52, 1]] as const) {
      const error = await rejection(source.read(offset, length));
      assert.is(error.code, 'TRUNCATED', `${offset}+${length}`);
      assert.is(error.offset, offset);
    }
    assert.is(source.bytesRead, 0);
    assert.is(requests(), before);
    await source.close();
  });

  s('negative, fractional, unsafe and non-numeric arguments are INVALID_ARGUMENT', async () => {
    const { source, requests } = await open();
    const before = requests();
    const bad: unknown[] = [-1, 1.5, NaN, Infinity, 2 ** 53, '3', undefined, null];
    for (const value of bad) {
      assert.is((await rejection(source.read(value as number, 1))).code, 'INVALID_ARGUMENT', `offset ${String(value)}`);
      assert.is((await rejection(source.read(0, value as number))).code, 'INVALID_ARGUMENT', `length ${String(value)}`);
    }
    assert.is(source.bytesRead, 0);
    assert.is(requests(), before);
    await source.close();
  });

  s('bytesRead adds up what each read fetched', async () => {
    const { source } = await open();
    await source.read(10, 10);
    assert.is(source.bytesRead, 10);
    await Promise.all([source.read(0, 100), source.read(9000, 1)]);
    assert.is(source.bytesRead, 111);
    await source.read(0, 0);
    assert.is(source.bytesRead, 111);
    await source.close();
  });

  s('reads after close are INVALID_ARGUMENT and a second close is harmless', async () => {
    const { source, requests } = await open();
    assertBytes(await source.read(1, 2), DATA.subarray(1, 3));
    await source.close();
    const before = requests();
    const error = await rejection(source.read(1, 2));
    assert.is(error.code, 'INVALID_ARGUMENT');
    assert.match(error.message, /closed/);
    assert.is((await rejection(source.read(0, 0))).code, 'INVALID_ARGUMENT');
    await source.close();
    assert.is(requests(), before);
    assert.is(source.bytesRead, 2);
  });

  s('readRanges returns the asked bytes in caller order and reads only the merged spans', async () => {
    const { source, requests } = await open();
    const ranges: ByteRange[] = [
      { offset: 9000, length: 500 },
      { offset: 0, length: 16 },
      { offset: 20, length: 30 }, // 4 bytes after the previous: merged with gap 8
      { offset: 9400, length: 200 }, // overlaps the first
      { offset: 5000, length: 0 },
      { offset: 0, length: 16 }, // duplicate
    ];
    const before = requests();
    const views = await readRanges(source, ranges, { gap: 8 });
    assert.is(views.length, ranges.length);
    ranges.forEach((r, i) => assertBytes(views[i]!, DATA.subarray(r.offset, r.offset + r.length), `range ${i}`));
    // Reads: 0..50 and 9000..9600.
    assert.is(source.bytesRead, 50 + 600);
    if (requests() !== 0) assert.is(requests() - before, 2);
    await source.close();
  });

  s.run();
}

// ---- memory ----

sourceContract('memory', async () => ({ source: memorySource(DATA), requests: () => 0 }));

const memory = suite('memory source');
memory('reads are views of the given bytes, not copies', async () => {
  const source = memorySource(DATA);
  const view = await source.read(5, 10);
  assert.ok(view.buffer === DATA.buffer);
  assert.is(view.byteOffset, 5);
  assert.is(view.length, 10);
});
memory('a non-Uint8Array is INVALID_ARGUMENT', () => {
  try {
    memorySource([1, 2, 3] as unknown as Uint8Array);
    assert.unreachable('accepted an array');
  } catch (error) {
    assert.is((error as { code?: string }).code, 'INVALID_ARGUMENT');
  }
});
memory.run();

// ---- file ----

let tempDir = '';
let dataPath = '';

// Both ways of reading a file: through Node's thread pool (the default) and with synchronous calls.
for (const [label, options] of [['file', {}], ['file (syncReads)', { syncReads: true }]] as Array<[string, FileSourceOptions]>) {
  const open = (path: string) => fileSource(path, options);
  const last = options.syncReads === true;

  sourceContract(label, async () => ({ source: await open(dataPath), requests: () => 0 }), {
    before: async () => {
      if (tempDir) return;
      tempDir = await mkdtemp(join(tmpdir(), 'parquetry-source-'));
      dataPath = join(tempDir, 'data.bin');
      await writeFile(dataPath, DATA);
    },
  });

  const file = suite(`${label} source`);
  file('a file that shrinks after opening is TRUNCATED where it now ends', async () => {
    const path = join(tempDir, `shrinks-${label}.bin`);
    await writeFile(path, DATA);
    const source = await open(path);
    await truncate(path, 6000);
    assertBytes(await source.read(5000, 1000), DATA.subarray(5000, 6000));
    const error = await rejection(source.read(5500, 1000));
    assert.is(error.code, 'TRUNCATED');
    assert.is(error.offset, 6000);
    assert.is(source.bytesRead, 1000 + 500); // the 500 bytes that were there were fetched
    await source.close();
  });
  file('a path Node refuses before any system call (a NUL byte) is INVALID_ARGUMENT too', async () => {
    assert.is((await rejection(open('nul\0byte'))).code, 'INVALID_ARGUMENT');
  });
  file('a missing path, a directory and an empty path are INVALID_ARGUMENT', async () => {
    const missing = await rejection(open(join(tempDir, 'missing.bin')));
    assert.is(missing.code, 'INVALID_ARGUMENT');
    assert.is((missing.cause as { code?: string }).code, 'ENOENT');
    const dir = join(tempDir, `folder-${label}`);
    await mkdir(dir);
    assert.is((await rejection(open(dir))).code, 'INVALID_ARGUMENT');
    assert.is((await rejection(open(''))).code, 'INVALID_ARGUMENT');
  });
  file('close releases the file descriptor, also after a failed open', async () => {
    if (!existsSync('/proc/self/fd')) return; // only observable where /proc is
    const openFds = (): number => readdirSync('/proc/self/fd').length;
    const before = openFds();
    const source = await open(dataPath);
    assert.is(openFds(), before + 1);
    await source.close();
    assert.is(openFds(), before);
    await rejection(open(tempDir)); // a directory: opened, refused, closed
    assert.is(openFds(), before);
  });
  file('a FIFO is INVALID_ARGUMENT at once, not an open waiting for a writer', async () => {
    if (process.platform !== 'linux') return; // mkfifo as the test makes it
    const fifo = join(tempDir, `fifo-${label}`);
    execFileSync('mkfifo', [fifo]);
    const openFds = (): number => readdirSync('/proc/self/fd').length;
    const before = openFds();
    assert.is((await rejection(open(fifo))).code, 'INVALID_ARGUMENT');
    assert.is(openFds(), before, 'the FIFO opened for the check is closed');
  });
  file('an empty file has size 0 and reads only zero bytes', async () => {
    const path = join(tempDir, `empty-${label}.bin`);
    await writeFile(path, new Uint8Array(0));
    const source = await open(path);
    assert.is(source.size, 0);
    assert.is((await source.read(0, 0)).length, 0);
    assert.is((await rejection(source.read(0, 1))).code, 'TRUNCATED');
    await source.close();
  });
  if (last) {
    file.after(async () => {
      await rm(tempDir, { recursive: true, force: true });
    });
  }
  file.run();
}

// ---- blob ----

/** A Blob that counts the slices read from it (blobSource duck-types, so a wrapper works). */
function countingBlob(blob: Blob): { blob: Blob; slices: () => number } {
  let slices = 0;
  const wrapper = {
    size: blob.size,
    slice(start?: number, end?: number) {
      slices++;
      return blob.slice(start, end);
    },
  };
  return { blob: wrapper as Blob, slices: () => slices };
}

sourceContract('blob', async () => {
  const { blob, slices } = countingBlob(new Blob([DATA]));
  return { source: blobSource(blob), requests: slices };
});
sourceContract('File', async () => ({ source: blobSource(new File([DATA], 'data.parquet')), requests: () => 0 }));

const blob = suite('blob source');
blob('a blob that fails to read is TRUNCATED with the cause kept', async () => {
  const cause = new Error('NotReadableError');
  const broken = { size: 100, slice: () => ({ arrayBuffer: () => Promise.reject(cause) }) } as unknown as Blob;
  const error = await rejection(blobSource(broken).read(10, 5));
  assert.is(error.code, 'TRUNCATED');
  assert.is(error.offset, 10);
  assert.is(error.cause, cause);
});
blob('a blob that answers with too few bytes is TRUNCATED', async () => {
  const short = { size: 100, slice: () => new Blob([new Uint8Array(3)]) } as unknown as Blob;
  const error = await rejection(blobSource(short).read(10, 5));
  assert.is(error.code, 'TRUNCATED');
  assert.is(error.offset, 13);
});
blob('a non-blob is INVALID_ARGUMENT', () => {
  try {
    blobSource(DATA as unknown as Blob);
    assert.unreachable('accepted bytes');
  } catch (error) {
    assert.is((error as { code?: string }).code, 'INVALID_ARGUMENT');
  }
});
blob.run();

// ---- http ----

/** A contract run against a server behaving as described, started and stopped around the suite. */
function httpContract(name: string, behaviour: ServerBehaviour): void {
  let server: TestServer | undefined;
  sourceContract(
    `http (${name})`,
    async () => {
      const source = await httpSource(server!.url);
      return { source, requests: () => server!.requests.length };
    },
    {
      before: async () => {
        server = await startServer(DATA, behaviour);
      },
      after: async () => server!.close(),
    },
  );
}

httpContract('HEAD and Range', {});
httpContract('no HEAD', { head: 'refuse' });
httpContract('HEAD without Content-Length', { head: 'no-length' });

/** Runs `body` against a fresh server, closing it even when the body fails. */
async function withServer(bytes: Uint8Array, behaviour: ServerBehaviour, body: (server: TestServer) => Promise<void>): Promise<void> {
  const server = await startServer(bytes, behaviour);
  try {
    await body(server);
  } finally {
    await server.close();
  }
}

const http = suite('http source');

http('reads send one exact Range request each and the size comes from HEAD', async () => {
  await withServer(DATA, {}, async (server) => {
    const source = await httpSource(new URL(server.url));
    assert.equal(server.requests, [{ method: 'HEAD', range: undefined }]);
    await source.read(100, 50);
    assert.equal(server.requests.slice(1), [{ method: 'GET', range: 'bytes=100-149' }]);
    await source.close();
  });
});

http('without HEAD the size comes from a bytes=0-0 GET, which bytesRead does not count', async () => {
  await withServer(DATA, { head: 'refuse' }, async (server) => {
    const source = await httpSource(server.url);
    assert.is(source.size, DATA.length);
    assert.equal(server.requests, [
      { method: 'HEAD', range: undefined },
      { method: 'GET', range: 'bytes=0-0' },
    ]);
    assert.is(source.bytesRead, 0);
  });
});

http('a HEAD without a usable Content-Length (none, or a compressed one) falls back to the bytes=0-0 GET', async () => {
  for (const head of ['no-length', 'gzip'] as const) {
    await withServer(DATA, { head }, async (server) => {
      const source = await httpSource(server.url);
      assert.is(source.size, DATA.length, head);
      assert.equal(server.requests.map((r) => `${r.method} ${r.range ?? ''}`), ['HEAD ', 'GET bytes=0-0'], head);
    });
  }
});

http('a server that ignores Range on a small file: the whole body is accepted and sliced', async () => {
  await withServer(DATA, { ranges: 'ignore' }, async (server) => {
    const source = await httpSource(server.url);
    assertBytes(await source.read(4000, 300), DATA.subarray(4000, 4300));
    // The whole file came over the wire, and bytesRead says so.
    assert.is(source.bytesRead, DATA.length);
    assertBytes(await source.read(DATA.length - 3, 3), DATA.subarray(DATA.length - 3));
    assert.is(source.bytesRead, 2 * DATA.length);
  });
});

http('a server that ignores Range on a big file: reads are UNSUPPORTED, except the whole file', async () => {
  await withServer(DATA, { ranges: 'ignore' }, async (server) => {
    const source = await httpSource(server.url, { maxWholeBody: DATA.length - 1 });
    const error = await rejection(source.read(4000, 300));
    assert.is(error.code, 'UNSUPPORTED');
    assert.is(error.offset, 4000);
    assert.is(source.bytesRead, 0); // the body was declined unread
    assertBytes(await source.read(0, DATA.length), DATA, 'a whole-file read answered whole');
  });
  // The default limit (4 MiB), with a file one byte over it.
  const big = seededBytes(4 * 1024 * 1024 + 1, 3);
  await withServer(big, { ranges: 'ignore' }, async (server) => {
    const source = await httpSource(server.url);
    assert.is(source.size, big.length);
    assert.is((await rejection(source.read(10, 10))).code, 'UNSUPPORTED');
    assert.is(source.bytesRead, 0);
  });
});

http('no HEAD and no Range support: small files open, big ones are UNSUPPORTED at open', async () => {
  await withServer(DATA, { head: 'refuse', ranges: 'ignore' }, async (server) => {
    const source = await httpSource(server.url);
    assert.is(source.size, DATA.length);
    assertBytes(await source.read(10, 20), DATA.subarray(10, 30));
    const error = await rejection(httpSource(server.url, { maxWholeBody: 1000 }));
    assert.is(error.code, 'UNSUPPORTED');
  });
});

http('a short body is TRUNCATED where it ends', async () => {
  await withServer(DATA, { body: 'short' }, async (server) => {
    const source = await httpSource(server.url);
    const error = await rejection(source.read(1000, 100));
    assert.is(error.code, 'TRUNCATED');
    assert.is(error.offset, 1099);
    assert.is(source.bytesRead, 99);
  });
});

http('a connection dropped mid-body is TRUNCATED with the network error as cause', async () => {
  await withServer(DATA, { body: 'cut' }, async (server) => {
    const source = await httpSource(server.url);
    const error = await rejection(source.read(1000, 4000));
    assert.is(error.code, 'TRUNCATED');
    assert.ok(error.cause instanceof Error);
    assert.ok(error.offset! >= 1000 && error.offset! < 5000);
  });
});

http('a 206 for other bytes than asked is CORRUPT', async () => {
  await withServer(DATA, { body: 'shifted' }, async (server) => {
    const source = await httpSource(server.url);
    const error = await rejection(source.read(1000, 100));
    assert.is(error.code, 'CORRUPT');
    assert.is(error.offset, 1000);
  });
});

http('4xx is INVALID_ARGUMENT and 5xx is TRUNCATED', async () => {
  await withServer(DATA, { status: 404 }, async (server) => {
    const error = await rejection(httpSource(server.url));
    assert.is(error.code, 'INVALID_ARGUMENT');
    assert.match(error.message, /HTTP 404/);
  });
  await withServer(DATA, { status: 503 }, async (server) => {
    assert.is((await rejection(httpSource(server.url))).code, 'TRUNCATED');
  });
});

http('a refused connection is TRUNCATED with the fetch error as cause', async () => {
  const server = await startServer(DATA);
  await server.close();
  const error = await rejection(httpSource(server.url));
  assert.is(error.code, 'TRUNCATED');
  assert.ok(error.cause instanceof TypeError); // what fetch throws for network failures
});

http('headers go with every request; an injected fetch is used', async () => {
  await withServer(DATA, { requireHeader: ['x-token', 'secret'] }, async (server) => {
    assert.is((await rejection(httpSource(server.url))).code, 'INVALID_ARGUMENT'); // 401 without it
    const seen: string[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      seen.push(`${init?.method} ${new Headers(init?.headers).get('range') ?? ''}`);
      return fetch(input, init);
    };
    const source = await httpSource(server.url, { fetch: recordingFetch, headers: { 'x-token': 'secret' } });
    assertBytes(await source.read(7, 7), DATA.subarray(7, 14));
    assert.equal(seen, ['HEAD ', 'GET bytes=7-13']);
  });
});

http('an aborted signal fails with a ParquetryError whose cause is the abort', async () => {
  await withServer(DATA, {}, async (server) => {
    const controller = new AbortController();
    const source = await httpSource(server.url, { signal: controller.signal });
    controller.abort();
    const error = await rejection(source.read(0, 10));
    assert.is(error.code, 'TRUNCATED');
    assert.is((error.cause as Error).name, 'AbortError');
  });
});

http('an empty file: size 0 from HEAD, and from a 416 without HEAD', async () => {
  for (const behaviour of [{}, { head: 'refuse' }] as ServerBehaviour[]) {
    await withServer(new Uint8Array(0), behaviour, async (server) => {
      const source = await httpSource(server.url);
      assert.is(source.size, 0);
      assert.is((await source.read(0, 0)).length, 0);
    });
  }
});

http('a malformed URL is INVALID_ARGUMENT', async () => {
  assert.is((await rejection(httpSource('http://['))).code, 'INVALID_ARGUMENT');
});

http('readRanges over HTTP sends one request per merged read', async () => {
  await withServer(DATA, {}, async (server) => {
    const source = await httpSource(server.url);
    const ranges = [{ offset: 5000, length: 10 }, { offset: 0, length: 10 }, { offset: 5020, length: 10 }];
    const views = await readRanges(source, ranges, { gap: 100 });
    ranges.forEach((r, i) => assertBytes(views[i]!, DATA.subarray(r.offset, r.offset + r.length)));
    const gets = server.requests.filter((r) => r.method === 'GET').map((r) => r.range).sort();
    assert.equal(gets, ['bytes=0-9', 'bytes=5000-5029']);
    assert.is(source.bytesRead, 40);
  });
});

http.run();

// ---- planReads ----

const plan = suite('planReads');
const r = (offset: number, length: number): ByteRange => ({ offset, length });

plan('adjacent ranges merge even with gap 0; a one-byte gap does not', () => {
  assert.equal(planReads([r(0, 10), r(10, 5)], { gap: 0 }), [{ offset: 0, length: 15, parts: [0, 1] }]);
  assert.equal(planReads([r(0, 10), r(11, 5)], { gap: 0 }), [
    { offset: 0, length: 10, parts: [0] },
    { offset: 11, length: 5, parts: [1] },
  ]);
});

plan('a gap equal to the threshold merges, one byte more does not; the default is 64 KiB', () => {
  assert.equal(planReads([r(0, 10), r(110, 10)], { gap: 100 }), [{ offset: 0, length: 120, parts: [0, 1] }]);
  assert.is(planReads([r(0, 10), r(111, 10)], { gap: 100 }).length, 2);
  assert.is(DEFAULT_GAP, 65536);
  assert.equal(planReads([r(0, 10), r(10 + 65536, 1)]), [{ offset: 0, length: 65547, parts: [0, 1] }]);
  assert.is(planReads([r(0, 10), r(10 + 65537, 1)]).length, 2);
});

plan('maxMerged splits a run of ranges; a single range larger than it is read alone', () => {
  assert.equal(planReads([r(0, 10), r(10, 10), r(20, 10)], { maxMerged: 20 }), [
    { offset: 0, length: 20, parts: [0, 1] },
    { offset: 20, length: 10, parts: [2] },
  ]);
  assert.equal(planReads([r(0, 5), r(5, 100), r(105, 5)], { maxMerged: 50 }), [
    { offset: 0, length: 5, parts: [0] },
    { offset: 5, length: 100, parts: [1] },
    { offset: 105, length: 5, parts: [2] },
  ]);
  // The gap counts toward the merged size.
  assert.is(planReads([r(0, 10), r(40, 10)], { gap: 100, maxMerged: 49 }).length, 2);
  assert.is(planReads([r(0, 10), r(40, 10)], { gap: 100, maxMerged: 50 }).length, 1);
});

plan('unsorted input is planned in offset order and parts name the caller indices', () => {
  assert.equal(planReads([r(100, 10), r(0, 10), r(50, 10)], { gap: 40 }), [{ offset: 0, length: 110, parts: [1, 2, 0] }]);
  assert.equal(planReads([r(900, 10), r(0, 10)], { gap: 40 }), [
    { offset: 0, length: 10, parts: [1] },
    { offset: 900, length: 10, parts: [0] },
  ]);
});

plan('overlapping and contained ranges merge without growing the read past their union', () => {
  assert.equal(planReads([r(0, 20), r(10, 5), r(15, 20)], { gap: 0 }), [{ offset: 0, length: 35, parts: [0, 1, 2] }]);
  assert.equal(planReads([r(0, 100), r(10, 5)], { gap: 0, maxMerged: 100 }), [{ offset: 0, length: 100, parts: [0, 1] }]);
});

plan('duplicate ranges share one read', () => {
  assert.equal(planReads([r(5, 5), r(5, 5), r(5, 5)], { gap: 0 }), [{ offset: 5, length: 5, parts: [0, 1, 2] }]);
});

plan('zero-length ranges are in no read; an empty list plans nothing', () => {
  assert.equal(planReads([r(1000, 0), r(0, 4)], { gap: 0 }), [{ offset: 0, length: 4, parts: [1] }]);
  assert.equal(planReads([]), []);
});

plan('bad ranges and options are INVALID_ARGUMENT', () => {
  const codeOf = (fn: () => unknown): string | undefined => {
    try {
      fn();
    } catch (error) {
      return (error as { code?: string }).code;
    }
    return undefined;
  };
  for (const bad of [r(-1, 1), r(0, -1), r(0.5, 1), r(0, NaN), r(2 ** 53 - 1, 1), null]) {
    assert.is(codeOf(() => planReads([r(0, 1), bad as ByteRange])), 'INVALID_ARGUMENT', JSON.stringify(bad));
  }
  assert.is(codeOf(() => planReads([r(0, 1)], { gap: -1 })), 'INVALID_ARGUMENT');
  assert.is(codeOf(() => planReads([r(0, 1)], { maxMerged: 0 })), 'INVALID_ARGUMENT');
  assert.is(codeOf(() => planReads([r(0, 1)], { maxMerged: 1.5 })), 'INVALID_ARGUMENT');
});

plan('seeded random plans: every range in exactly one read that covers it, reads disjoint, limits kept', () => {
  const next = seededInts(20240601);
  for (let trial = 0; trial < 300; trial++) {
    const ranges = Array.from({ length: 1 + next(40) }, () => r(next(5000), next(4) === 0 ? 0 : next(300)));
    const gap = next(200);
    const maxMerged = 1 + next(1500);
    const reads = planReads(ranges, { gap, maxMerged });
    const seen = new Map<number, PlannedRead>();
    for (const read of reads) {
      if (read.parts.length > 1) assert.ok(read.length <= maxMerged, 'merged read within maxMerged');
      let union = 0;
      for (const i of read.parts) {
        assert.not.ok(seen.has(i), `range ${i} in two reads`);
        seen.set(i, read);
        const { offset, length } = ranges[i]!;
        assert.ok(offset >= read.offset && offset + length <= read.offset + read.length, 'read covers its part');
        union = Math.max(union, offset + length);
      }
      assert.is(union, read.offset + read.length, 'read ends where its last part ends');
      assert.is(read.offset, Math.min(...read.parts.map((i) => ranges[i]!.offset)), 'read starts at its first part');
    }
    ranges.forEach((range, i) => assert.is(seen.has(i), range.length > 0, `range ${i} planned iff non-empty`));
    for (let k = 1; k < reads.length; k++) {
      const prev = reads[k - 1]!;
      const cur = reads[k]!;
      // Split only where the gap is too wide or merging would pass maxMerged.
      const prevEnd = prev.offset + prev.length;
      assert.ok(cur.offset - prevEnd > gap || Math.max(prevEnd, cur.offset + cur.length) - prev.offset > maxMerged, 'needless split');
      assert.ok(cur.offset >= prev.offset, 'reads in offset order');
    }
  }
});

plan.run();

// ---- readRanges ----

const ranges = suite('readRanges');

ranges('seeded random ranges: caller order, right bytes, bytesRead equals the planned total', async () => {
  const next = seededInts(99);
  for (let trial = 0; trial < 100; trial++) {
    const asked = Array.from({ length: 1 + next(30) }, () => {
      const offset = next(DATA.length + 1);
      return r(offset, next(Math.min(400, DATA.length - offset) + 1));
    });
    const options = { gap: next(300), maxMerged: 1 + next(2000) };
    const source = memorySource(DATA);
    const views = await readRanges(source, asked, options);
    asked.forEach((range, i) => assertBytes(views[i]!, DATA.subarray(range.offset, range.offset + range.length), `trial ${trial} range ${i}`));
    const planned = planReads(asked, options).reduce((sum, read) => sum + read.length, 0);
    assert.is(source.bytesRead, planned);
  }
});

ranges('all merged reads are issued before any completes', async () => {
  const pending: Array<{ offset: number; length: number; resolve: () => void }> = [];
  const inner = memorySource(DATA);
  const deferred: ByteSource = {
    size: inner.size,
    get bytesRead() {
      return inner.bytesRead;
    },
    read: (offset, length) =>
      new Promise<Uint8Array>((resolve, reject) => {
        pending.push({ offset, length, resolve: () => inner.read(offset, length).then(resolve, reject) });
      }),
    close: () => inner.close(),
  };
  const asked = [r(8000, 10), r(0, 10), r(4000, 10)];
  const result = readRanges(deferred, asked, { gap: 0 });
  assert.equal(pending.map((p) => p.offset).sort((a, b) => a - b), [0, 4000, 8000]);
  for (const p of pending.reverse()) p.resolve();
  const views = await result;
  asked.forEach((range, i) => assertBytes(views[i]!, DATA.subarray(range.offset, range.offset + range.length)));
});

ranges('a range past the end is TRUNCATED before anything is read', async () => {
  const source = memorySource(DATA);
  const error = await rejection(readRanges(source, [r(0, 10), r(DATA.length - 5, 6)]));
  assert.is(error.code, 'TRUNCATED');
  assert.is(error.offset, DATA.length - 5);
  assert.is(source.bytesRead, 0);
  assert.is((await rejection(readRanges(source, [r(0, -1)]))).code, 'INVALID_ARGUMENT');
});

ranges('views share the merged read rather than copying it', async () => {
  const source = memorySource(DATA);
  const [a, b] = await readRanges(source, [r(10, 5), r(20, 5)], { gap: 5 });
  assert.ok(a!.buffer === b!.buffer);
  assert.is(b!.byteOffset - a!.byteOffset, 10);
});

ranges.run();
