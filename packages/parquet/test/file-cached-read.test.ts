// Reads the page cache holds, done on the calling thread (fileSource's default mode, native
// backend on Linux): the decision logic with a stand-in for the native call, then the native call.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { backend, requireNativeBinding } from '@parquetry/core';
import { fileSource } from '../src/source/file.js';
import { pooledCalls, type CachedRead } from '../src/source/file-calls.js';
import { assertBytes, seededBytes } from './source-helpers.js';

const DATA = seededBytes(3 << 20, 11);
let dir = '';
let path = '';
let fd = -1;

const s = suite('file source cached reads');
s.before(() => {
  dir = mkdtempSync(join(tmpdir(), 'parquetry-cached-'));
  path = join(dir, 'data.bin');
  writeFileSync(path, DATA);
  fd = openSync(path, 'r');
});
s.after(() => {
  closeSync(fd);
  rmSync(dir, { recursive: true, force: true });
});

/** A stand-in for readCached that answers from `script` in turn (a count copies that many bytes of DATA). */
function scripted(script: number[]): { read: CachedRead; calls: number[] } {
  const calls: number[] = [];
  const read: CachedRead = (_fd, out, position) => {
    calls.push(position);
    const answer = script.shift() ?? -1;
    if (answer > 0) out.set(DATA.subarray(position, position + answer));
    return answer;
  };
  return { read, calls };
}

async function readThrough(read: CachedRead, offset: number, length: number): Promise<Uint8Array> {
  return pooledCalls(fd, false, read).readFully(offset, length, () => undefined);
}

s('a cached read is the answer; what it leaves goes through the pool', async () => {
  const { read, calls } = scripted([1000, -1]);
  assertBytes(await readThrough(read, 5000, 4096), DATA.subarray(5000, 9096));
  assert.equal(calls, [5000, 6000]); // the rest asked again, then read by the pool
});

s('"not now" and the end of the file go to the pool; "not here" stops asking', async () => {
  for (const answer of [-1, 0]) {
    const { read, calls } = scripted([answer]);
    assertBytes(await readThrough(read, 123, 777), DATA.subarray(123, 900));
    assert.is(calls.length, 1);
  }
  const { read, calls } = scripted([-2, 500, 500]);
  const calls2 = pooledCalls(fd, false, read);
  assertBytes(await calls2.readFully(0, 100, () => undefined), DATA.subarray(0, 100));
  assertBytes(await calls2.readFully(100, 100, () => undefined), DATA.subarray(100, 200));
  assert.is(calls.length, 1);
});

s('"not on this file" stops asking for this file only', async () => {
  const { read, calls } = scripted([-3, 100]);
  const first = pooledCalls(fd, false, read);
  assertBytes(await first.readFully(0, 100, () => undefined), DATA.subarray(0, 100));
  assertBytes(await first.readFully(100, 100, () => undefined), DATA.subarray(100, 200));
  assert.is(calls.length, 1);
  assertBytes(await pooledCalls(fd, false, read).readFully(300, 100, () => undefined), DATA.subarray(300, 400));
  assert.is(calls.length, 2); // another file's calls still ask
});

s('a read begun before close completes, however many system calls it takes; one after it is refused', async () => {
  // The first 100 bytes come from the stand-in, the rest from the pool after close was called.
  const { read } = scripted([100, -1]);
  const calls = pooledCalls(openSync(path, 'r'), true, read); // closed on this thread: at once, were it not for the wait
  const pending = calls.readFully(2000, 5000, () => undefined);
  const closing = calls.close();
  assert.is(calls.close(), closing);
  assertBytes(await pending, DATA.subarray(2000, 7000));
  await closing;
  const refused = await calls.readFully(0, 10, () => undefined).then(
    () => undefined,
    (error: { code?: string }) => error.code,
  );
  assert.is(refused, 'INVALID_ARGUMENT');
});

s('reads over 1 MiB always go through the pool', async () => {
  const { read, calls } = scripted([]);
  assertBytes(await readThrough(read, 7, (1 << 20) + 1), DATA.subarray(7, 7 + (1 << 20) + 1));
  assert.is(calls.length, 0);
  assertBytes(await readThrough(read, 7, 1 << 20), DATA.subarray(7, 7 + (1 << 20)));
  assert.is(calls.length, 1);
});

s('the native call reads what the file holds, 0 at its end, never past it', () => {
  const readCached = requireNativeBinding().readCached;
  const out = new Uint8Array(70_000).fill(0xee);
  // A file just written is in the page cache. Only Linux reads this way (elsewhere: -2, always).
  const got = readCached(fd, out.subarray(1000, 66_536), 4096);
  if (process.platform !== 'linux') {
    assert.is(got, -2);
    return;
  }
  assert.is(got, 65_536);
  assertBytes(out.subarray(1000, 66_536), DATA.subarray(4096, 4096 + 65_536));
  assert.is(out[999], 0xee);
  assert.is(out[66_536], 0xee);
  const end = DATA.length;
  assert.is(readCached(fd, out, end - 10), 10);
  assertBytes(out.subarray(0, 10), DATA.subarray(end - 10));
  assert.is(readCached(fd, out, end), 0);
  assert.is(readCached(fd, out, end + 5), 0);
  assert.is(readCached(fd, out.subarray(0, 0), 0), 0);
});

s('the native call refuses a negative descriptor or position and a fractional one', () => {
  const readCached = requireNativeBinding().readCached;
  for (const [d, p] of [[-1, 0], [fd, -1], [fd, 1.5], [fd, Number.NaN], [fd, 2 ** 53]]) {
    try {
      readCached(d, new Uint8Array(8), p);
      assert.unreachable(`accepted ${d}, ${p}`);
    } catch (error) {
      assert.is((error as { code?: string }).code, 'INVALID_ARGUMENT', `${d}, ${p}`);
    }
  }
});

s('the native open opens a regular file for blocking reads, and refuses the rest without waiting', () => {
  const openCached = requireNativeBinding().openCached;
  const size = new Float64Array(1);
  const opened = openCached(path, size);
  if (process.platform !== 'linux') {
    assert.is(opened, -2);
    return;
  }
  assert.ok(opened >= 0, `opened ${opened}`);
  assert.is(size[0], DATA.length);
  try {
    const out = new Uint8Array(100);
    assert.is(readSync(opened, out, 0, 100, 1234), 100);
    assertBytes(out, DATA.subarray(1234, 1334));
    // O_NONBLOCK (04000) was for the open only; O_CLOEXEC stays (/proc shows it as 02000000).
    const flags = parseInt(/flags:\s*(\d+)/.exec(readFileSync(`/proc/self/fdinfo/${opened}`, 'utf8'))![1], 8);
    assert.is(flags & 0o4000, 0);
    assert.is(flags & 0o2000000, 0o2000000);
  } finally {
    closeSync(opened);
  }
  const folder = join(dir, 'folder');
  mkdirSync(folder);
  const fifo = join(dir, 'fifo');
  execFileSync('mkfifo', [fifo]); // a FIFO without a writer: a blocking open would never return
  for (const other of [folder, fifo, join(dir, 'missing'), 'nul\0byte']) assert.is(openCached(other, size), -1, other);
});

s('the default file source opens and makes small reads on this thread when the caches hold them', async () => {
  const binding = requireNativeBinding();
  const { openCached, readCached } = binding;
  const answers: number[] = [];
  binding.openCached = (p, size) => {
    const fd = openCached(p, size);
    answers.push(fd >= 0 ? 1 : fd);
    return fd;
  };
  binding.readCached = (d, out, position) => {
    const got = readCached(d, out, position);
    answers.push(got);
    return got;
  };
  try {
    const source = await fileSource(path);
    assert.is(source.size, DATA.length);
    assertBytes(await source.read(777, 5000), DATA.subarray(777, 5777));
    assertBytes(await source.read(100, (1 << 20) + 1), DATA.subarray(100, 100 + (1 << 20) + 1)); // over 1 MiB: the pool
    await source.close();
    // The TS backend never calls the addon; elsewhere than Linux it answers "not on this system".
    if (backend() !== 'native') assert.equal(answers, []);
    else if (process.platform === 'linux') assert.equal(answers, [1, 5000]);
    else assert.ok(answers.every((a) => a === -2));
  } finally {
    binding.openCached = openCached;
    binding.readCached = readCached;
  }
});

s('close waits for a read in flight, so the descriptor is not reused under it', async () => {
  const other = join(dir, 'other.bin');
  writeFileSync(other, new Uint8Array(DATA.length).fill(0xbb));
  const big = 2 << 20; // over 1 MiB: a pool read
  // Keep every pool thread busy, so that the read below waits in the pool's queue.
  const busy = await fileSource(path);
  const load = Array.from({ length: 8 }, (_, i) => busy.read(i * 1000, big));
  const source = await fileSource(path);
  const pending = source.read(5, big);
  const closing = source.close();
  const closingAgain = source.close(); // the same close: settled only when the descriptor is closed
  const next = await fileSource(other); // would get the same descriptor number, were it closed already
  assertBytes(await pending, DATA.subarray(5, 5 + big), 'the read in flight');
  assert.is(closingAgain, closing);
  await closing;
  const after = await source.read(0, 10).then(
    () => undefined,
    (error: { code?: string }) => error.code,
  );
  assert.is(after, 'INVALID_ARGUMENT');
  await Promise.all(load);
  await Promise.all([busy.close(), next.close()]);
});

s.run();
