// Encodings benchmark: decode (and encode) 1M values per call for PLAIN, dictionary gathers,
// DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY and BYTE_STREAM_SPLIT, with
// Parquetry native and TS beside hyparquet's decoders on the same bytes and a memory copy of the
// decoded size as the ceiling. Run: pnpm bench:encodings (BENCH_MAX_TIME=seconds per measurement;
// BENCH_CASES=text runs only the cases whose name contains it).
import type { ByteArrays } from '@parquetry/core';
import { requireNativeBinding } from '@parquetry/core';
import * as bssNative from '@parquetry/byte-stream-split/native';
import * as bssTs from '@parquetry/byte-stream-split/ts';
import * as deltaNative from '@parquetry/delta/native';
import * as deltaTs from '@parquetry/delta/ts';
import * as dictNative from '@parquetry/dictionary/native';
import * as dictTs from '@parquetry/dictionary/ts';
import * as plainNative from '@parquetry/plain/native';
import * as plainTs from '@parquetry/plain/ts';
import { deltaBinaryUnpack, deltaByteArray, deltaLengthByteArray } from 'hyparquet/src/delta.js';
import { byteStreamSplit } from 'hyparquet/src/encoding.js';
import { readPlain } from 'hyparquet/src/plain.js';
import { arch, cpus, platform } from 'node:os';
import { faultsPerCall, geomean, hz, MAX_TIME, printTable, rng } from './lib/measure.js';

const N = 1_000_000;

interface Case {
  name: string;
  /** Decoded bytes per call (what the memory copy moves). */
  decodedBytes: number;
  native: () => unknown;
  ts: () => unknown;
  peer: (() => unknown) | null;
  /** Every implementation's result must equal the expected values before timing. */
  check: (result: unknown) => boolean;
  /** Targets that apply: 'copy' = within 2x of memory copy. */
  copyTarget?: boolean;
}

const reader = (bytes: Uint8Array) => ({ view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 });
const sameTyped = (a: ArrayLike<unknown>, b: ArrayLike<unknown>) => a.length === b.length && Array.prototype.every.call(a, (v: unknown, i: number) => v === b[i]);
function sameArrays(result: unknown, expected: ByteArrays): boolean {
  const r = result as ByteArrays | Uint8Array[];
  const n = expected.offsets.length - 1;
  const value = (i: number) => (Array.isArray(r) ? r[i] : r.bytes.subarray(r.offsets[i], r.offsets[i + 1]));
  for (let i = 0; i < n; i++) {
    const v = value(i);
    const e = expected.bytes.subarray(expected.offsets[i], expected.offsets[i + 1]);
    if (v.length !== e.length) return false;
    for (let k = 0; k < e.length; k++) if (v[k] !== e[k]) return false;
  }
  return true;
}

function ids(n: number, seed: number): ByteArrays {
  // 36-character ids (UUID-like hex), as recommendation tables carry
  const next = rng(seed);
  const offsets = new Int32Array(n + 1);
  const bytes = new Uint8Array(n * 36);
  const hex = '0123456789abcdef';
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < 36; k++) bytes[i * 36 + k] = k === 8 || k === 13 || k === 18 || k === 23 ? 45 : hex.charCodeAt(Math.floor(next() * 16));
    offsets[i + 1] = (i + 1) * 36;
  }
  return { offsets, bytes };
}

function sortedKeys(n: number): ByteArrays {
  // sorted string keys with long shared prefixes: what DELTA_BYTE_ARRAY is for
  const enc = new TextEncoder();
  const parts = Array.from({ length: n }, (_, i) => enc.encode(`user/region-${String(i >> 12).padStart(4, '0')}/item-${String(i).padStart(9, '0')}`));
  const offsets = new Int32Array(n + 1);
  parts.forEach((p, i) => (offsets[i + 1] = offsets[i] + p.length));
  const bytes = new Uint8Array(offsets[n]);
  parts.forEach((p, i) => bytes.set(p, offsets[i]));
  return { offsets, bytes };
}

const cases: Case[] = [];
const next = rng(42);

{
  // DELTA_BINARY_PACKED INT64 timestamps (sorted, small jitter) and INT32 random
  const ts64 = new BigInt64Array(N);
  let t = 1_700_000_000_000_000n;
  for (let i = 0; i < N; i++) ts64[i] = t += BigInt(Math.floor(next() * 2000));
  const enc64 = deltaNative.encodeDeltaBinaryPacked(ts64);
  cases.push({
    name: 'DELTA_BINARY_PACKED INT64 timestamps',
    decodedBytes: N * 8,
    native: () => deltaNative.decodeDeltaBinaryPacked(enc64, 'INT64'),
    ts: () => deltaTs.decodeDeltaBinaryPacked(enc64, 'INT64'),
    peer: () => {
      const out = new BigInt64Array(N);
      deltaBinaryUnpack(reader(enc64), N, out);
      return out;
    },
    check: (r) => sameTyped(r as BigInt64Array, ts64),
  });
  // The same decode into an output reused across calls, as a reader decoding page after page can:
  // the row above also pays for a fresh 8 MB array (zeroing and page faults) every call.
  const out64 = new BigInt64Array(N);
  cases.push({
    name: 'DELTA_BINARY_PACKED INT64 timestamps (reused output)',
    decodedBytes: N * 8,
    native: () => deltaNative.decodeDeltaBinaryPacked(enc64, 'INT64', out64),
    ts: () => deltaTs.decodeDeltaBinaryPacked(enc64, 'INT64', out64),
    peer: () => {
      const out = new BigInt64Array(N);
      deltaBinaryUnpack(reader(enc64), N, out);
      return out;
    },
    check: (r) => sameTyped(r as BigInt64Array, ts64),
  });
  const i32 = new Int32Array(N);
  for (let i = 0; i < N; i++) i32[i] = Math.floor(next() * 2 ** 20);
  const enc32 = deltaNative.encodeDeltaBinaryPacked(i32);
  cases.push({
    name: 'DELTA_BINARY_PACKED INT32 random 20-bit',
    decodedBytes: N * 4,
    native: () => deltaNative.decodeDeltaBinaryPacked(enc32, 'INT32'),
    ts: () => deltaTs.decodeDeltaBinaryPacked(enc32, 'INT32'),
    peer: () => {
      const out = new Int32Array(N);
      deltaBinaryUnpack(reader(enc32), N, out);
      return out;
    },
    check: (r) => sameTyped(r as Int32Array, i32),
  });
  const out32 = new Int32Array(N);
  cases.push({
    name: 'DELTA_BINARY_PACKED INT32 random 20-bit (reused output)',
    decodedBytes: N * 4,
    native: () => deltaNative.decodeDeltaBinaryPacked(enc32, 'INT32', out32),
    ts: () => deltaTs.decodeDeltaBinaryPacked(enc32, 'INT32', out32),
    peer: () => {
      const out = new Int32Array(N);
      deltaBinaryUnpack(reader(enc32), N, out);
      return out;
    },
    check: (r) => sameTyped(r as Int32Array, i32),
  });
}
{
  const values = ids(N, 7);
  const dlba = deltaNative.encodeDeltaLengthByteArray(values);
  cases.push({
    name: 'DELTA_LENGTH_BYTE_ARRAY 36-char ids',
    decodedBytes: values.bytes.length + 4 * (N + 1),
    native: () => deltaNative.decodeDeltaLengthByteArray(dlba, N),
    ts: () => deltaTs.decodeDeltaLengthByteArray(dlba, N),
    peer: () => {
      const out: Uint8Array[] = new Array(N);
      deltaLengthByteArray(reader(dlba), N, out);
      return out;
    },
    check: (r) => sameArrays(r, values),
  });
  const keys = sortedKeys(N);
  const dba = deltaNative.encodeDeltaByteArray(keys);
  cases.push({
    name: 'DELTA_BYTE_ARRAY sorted keys',
    decodedBytes: keys.bytes.length + 4 * (N + 1),
    native: () => deltaNative.decodeDeltaByteArray(dba, N),
    ts: () => deltaTs.decodeDeltaByteArray(dba, N),
    peer: () => {
      const out: Uint8Array[] = new Array(N);
      deltaByteArray(reader(dba), N, out);
      return out;
    },
    check: (r) => sameArrays(r, keys),
  });
  const plain = plainNative.encodePlain('BYTE_ARRAY', values);
  cases.push({
    name: 'PLAIN BYTE_ARRAY 36-char ids',
    decodedBytes: values.bytes.length + 4 * (N + 1),
    native: () => plainNative.decodePlain('BYTE_ARRAY', plain, N),
    ts: () => plainTs.decodePlain('BYTE_ARRAY', plain, N),
    peer: () => readPlain(reader(plain), 'BYTE_ARRAY', N, undefined),
    check: (r) => sameArrays(r, values),
  });
}
{
  const bools = new Uint8Array(N);
  for (let i = 0; i < N; i++) bools[i] = next() < 0.3 ? 1 : 0;
  const enc = plainNative.encodePlain('BOOLEAN', bools);
  cases.push({
    name: 'PLAIN BOOLEAN',
    decodedBytes: N,
    native: () => plainNative.decodePlain('BOOLEAN', enc, N),
    ts: () => plainTs.decodePlain('BOOLEAN', enc, N),
    peer: () => readPlain(reader(enc), 'BOOLEAN', N, undefined),
    check: (r) => Array.prototype.every.call(r, (v: unknown, i: number) => Number(v) === bools[i]),
  });
  const doubles = new Float64Array(N);
  for (let i = 0; i < N; i++) doubles[i] = next() * 100 - 50;
  const raw = new Uint8Array(doubles.buffer);
  const bss = bssNative.encodeByteStreamSplit(raw, 8);
  const out = new Uint8Array(N * 8);
  cases.push({
    name: 'BYTE_STREAM_SPLIT DOUBLE (reused output)',
    decodedBytes: N * 8,
    native: () => bssNative.decodeByteStreamSplit(bss, 8, out),
    ts: () => bssTs.decodeByteStreamSplit(bss, 8, out),
    peer: () => new Uint8Array((byteStreamSplit(reader(bss), N, 'DOUBLE', undefined) as Float64Array).buffer),
    check: (r) => sameTyped(r as Uint8Array, raw),
    copyTarget: true,
  });
  const floats = new Float32Array(N);
  for (let i = 0; i < N; i++) floats[i] = next();
  const fraw = new Uint8Array(floats.buffer);
  const fbss = bssNative.encodeByteStreamSplit(fraw, 4);
  const fout = new Uint8Array(N * 4);
  cases.push({
    name: 'BYTE_STREAM_SPLIT FLOAT (reused output)',
    decodedBytes: N * 4,
    native: () => bssNative.decodeByteStreamSplit(fbss, 4, fout),
    ts: () => bssTs.decodeByteStreamSplit(fbss, 4, fout),
    peer: () => new Uint8Array((byteStreamSplit(reader(fbss), N, 'FLOAT', undefined) as Float32Array).buffer),
    check: (r) => sameTyped(r as Uint8Array, fraw),
    copyTarget: true,
  });
}
{
  // Dictionary gathers: 1M indices into 1,000 distinct values. hyparquet's gather is a plain loop
  // `out[i] = dictionary[indices[i]]` (convertWithDictionary); the peer column runs that loop.
  const indices = new Int32Array(N);
  for (let i = 0; i < N; i++) indices[i] = Math.floor(next() * 1000);
  const dict64 = new Float64Array(1000).map(() => next());
  const expected64 = Float64Array.from(indices, (i) => dict64[i]);
  // Parquetry gathers into an output reused across pages, as its reader does; the peer loop
  // allocates per call, as hyparquet does.
  const out64 = new Float64Array(N);
  cases.push({
    name: 'dictionary gather DOUBLE (reused output)',
    decodedBytes: N * 8,
    native: () => dictNative.gatherDictionary(dict64, indices, 'DOUBLE', undefined, out64),
    ts: () => dictTs.gatherDictionary(dict64, indices, 'DOUBLE', undefined, out64),
    peer: () => {
      const out = new Float64Array(N);
      for (let i = 0; i < N; i++) out[i] = dict64[indices[i]];
      return out;
    },
    check: (r) => sameTyped(r as Float64Array, expected64),
    copyTarget: true,
  });
  const dict32 = new Int32Array(1000).map(() => Math.floor(next() * 2 ** 31));
  const expected32 = Int32Array.from(indices, (i) => dict32[i]);
  const out32 = new Int32Array(N);
  cases.push({
    name: 'dictionary gather INT32 (reused output)',
    decodedBytes: N * 4,
    native: () => dictNative.gatherDictionary(dict32, indices, 'INT32', undefined, out32),
    ts: () => dictTs.gatherDictionary(dict32, indices, 'INT32', undefined, out32),
    peer: () => {
      const out = new Int32Array(N);
      for (let i = 0; i < N; i++) out[i] = dict32[indices[i]];
      return out;
    },
    check: (r) => sameTyped(r as Int32Array, expected32),
    copyTarget: true,
  });
  const dictStrings = ids(1000, 9);
  const expectedStrings = dictTs.gatherDictionary(dictStrings, indices, 'BYTE_ARRAY') as ByteArrays;
  const dictArray = Array.from({ length: 1000 }, (_, i) => dictStrings.bytes.subarray(dictStrings.offsets[i], dictStrings.offsets[i + 1]));
  cases.push({
    name: 'dictionary gather BYTE_ARRAY ids',
    decodedBytes: expectedStrings.bytes.length + 4 * (N + 1),
    native: () => dictNative.gatherDictionary(dictStrings, indices, 'BYTE_ARRAY'),
    ts: () => dictTs.gatherDictionary(dictStrings, indices, 'BYTE_ARRAY'),
    peer: () => {
      const out: Uint8Array[] = new Array(N);
      for (let i = 0; i < N; i++) out[i] = dictArray[indices[i]];
      return out;
    },
    check: (r) => sameArrays(r, expectedStrings),
  });
}

console.log(`Encodings, ${N.toLocaleString('en')} values per call, ${platform()}-${arch()}, ${cpus()[0]?.model ?? '?'}`);
console.log(`native kernels: ${requireNativeBinding().simdLevel()}; benchmark.js maxTime ${MAX_TIME}s per measurement\n`);

const rows: string[][] = [];
const nativeVsPeer: number[] = [];
const tsVsPeer: number[] = [];
const copyRatios: Array<[string, number]> = [];
const deltaRates: Array<[string, number]> = [];
for (const c of cases.filter((k) => k.name.includes(process.env.BENCH_CASES ?? ''))) {
  for (const impl of ['native', 'ts', 'peer'] as const) {
    const fn = c[impl];
    if (fn && !c.check(fn())) throw new Error(`${c.name}: ${impl} decodes different values`);
  }
  const src = new Uint8Array(c.decodedBytes).fill(1);
  const dst = new Uint8Array(c.decodedBytes);
  const copy = hz('memcpy', () => dst.set(src));
  const native = hz('native', c.native);
  const ts = hz('ts', c.ts);
  const peer = c.peer ? hz('peer', c.peer) : 0;
  const faults = [c.native, c.ts, c.peer].map((f) => (f ? faultsPerCall(f).toFixed(0) : '-')).join('/');
  if (peer) {
    nativeVsPeer.push(native / peer);
    tsVsPeer.push(ts / peer);
  }
  if (c.copyTarget) copyRatios.push([c.name, native / copy]);
  if (c.name.startsWith('DELTA_BINARY_PACKED')) deltaRates.push([c.name, (native * N) / 1e9]);
  const mv = (v: number) => ((v * N) / 1e6).toFixed(0);
  const mb = (v: number) => ((v * c.decodedBytes) / 1e6).toFixed(0);
  rows.push([c.name, mv(native), mv(ts), peer ? mv(peer) : '-', mb(native), mb(copy), peer ? `${(native / peer).toFixed(1)}x` : '-', peer ? `${(ts / peer).toFixed(1)}x` : '-', (native / copy).toFixed(2), faults]);
  process.stderr.write('.');
}
process.stderr.write('\n');
printTable(['decode', 'native M/s', 'ts M/s', 'peer M/s', 'native MB/s', 'memcpy MB/s', 'native/peer', 'ts/peer', 'native/memcpy', 'faults n/t/p'], rows, 1);
console.log('\nM/s = million values per second; MB/s = decoded bytes per second. peer = hyparquet (its gather loop for dictionaries).');
console.log('faults = minor page faults per call (native/ts/peer): each call allocates its output unless the row says otherwise.');
console.log('\ntargets:');
console.log(`  native >= 5x hyparquet on every decoder: min ${Math.min(...nativeVsPeer).toFixed(1)}x, geomean ${geomean(nativeVsPeer).toFixed(1)}x -> ${Math.min(...nativeVsPeer) >= 5 ? 'met' : 'NOT met'}`);
console.log(`  ts >= 1.5x hyparquet: min ${Math.min(...tsVsPeer).toFixed(1)}x, geomean ${geomean(tsVsPeer).toFixed(1)}x -> ${Math.min(...tsVsPeer) >= 1.5 ? 'met' : 'NOT met'}`);
for (const [name, ratio] of copyRatios) console.log(`  ${name} within 2x of memory copy: ${ratio.toFixed(2)} of memcpy -> ${ratio >= 0.5 ? 'met' : 'NOT met'}`);
for (const [name, rate] of deltaRates) console.log(`  ${name} native >= 1 billion values/s: ${rate.toFixed(2)} billion -> ${rate >= 1 ? 'met' : 'NOT met'}`);
