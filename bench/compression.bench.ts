// Compression benchmark: compress and decompress MB/s (uncompressed bytes per second) and size
// ratio of every codec on ~1 MiB realistic pages, Parquetry native and TS beside the peers that
// JS Parquet readers use. Every decoder decodes the same bytes (the native codec's output) and is
// checked once against the page before it is timed; every compressor's output is checked by
// decoding it. Run: pnpm bench:compression (BENCH_MAX_TIME=seconds per measurement).
import type { CompressionCodec } from '@parquetry/core';
import { requireNativeBinding } from '@parquetry/core';
import { BROTLI as nativeBrotli } from '@parquetry/brotli/native';
import { BROTLI as tsBrotli } from '@parquetry/brotli/ts';
import { GZIP as nativeGzip } from '@parquetry/gzip/native';
import { GZIP as tsGzip } from '@parquetry/gzip/ts';
import { LZ4 as nativeLz4, LZ4_RAW as nativeLz4Raw } from '@parquetry/lz4/native';
import { LZ4 as tsLz4, LZ4_RAW as tsLz4Raw } from '@parquetry/lz4/ts';
import { SNAPPY as nativeSnappy } from '@parquetry/snappy/native';
import { SNAPPY as tsSnappy } from '@parquetry/snappy/ts';
import { ZSTD as nativeZstd } from '@parquetry/zstd/native';
import { ZSTD as tsZstd } from '@parquetry/zstd/ts';
import { decompress as brotliJsDecompress } from 'brotli/decompress';
import { gunzipSync, gzipSync } from 'fflate';
import { decompress as fzstdDecompress } from 'fzstd';
import { snappyUncompress as hyparquetSnappyUncompress } from 'hyparquet';
import { compressors as hpc } from 'hyparquet-compressors';
import { snappyCompressor, snappyUncompressor } from 'hysnappy';
import lz4js from 'lz4js';
import snappyjs from 'snappyjs';
import { arch, cpus, platform } from 'node:os';
import { geomean, hz, MAX_TIME, printTable } from './lib/measure.js';
import { pageSamples, type PageSample } from './lib/page-samples.js';

type Runtime = 'native' | 'TS' | 'JS' | 'WASM';
/** A decoder made once per page: the closure it returns decompresses `compressed` and returns the bytes. */
interface Decoder {
  name: string;
  runtime: Runtime;
  make(compressed: Uint8Array, size: number): () => Uint8Array;
}
/** A compressor made once per page: the closure it returns compresses `input` and returns the stream. */
interface Compressor {
  name: string;
  runtime: Runtime;
  make(input: Uint8Array): () => Uint8Array;
}
interface CodecSetup {
  name: string;
  level?: number;
  native: CompressionCodec;
  decoders: Decoder[];
  /** Our TS compressor is absent where it cannot compress (ZSTD, BROTLI): printed n/a. */
  compressors: Compressor[];
}

const levelOption = (level?: number) => (level === undefined ? undefined : { level });
// Ours decode into an output reused across pages (what the reader does); so do the peers that take one.
const ours = (name: 'native' | 'ts', codec: CompressionCodec): Decoder => ({
  name,
  runtime: name === 'native' ? 'native' : 'TS',
  make: (compressed, size) => {
    const out = new Uint8Array(size);
    return () => codec.decompress(compressed, size, { out });
  },
});
const oursCompress = (name: 'native' | 'ts', codec: CompressionCodec, level?: number): Compressor => ({
  name,
  runtime: name === 'native' ? 'native' : 'TS',
  make: (input) => {
    const out = new Uint8Array(codec.maxCompressedLength(input.length));
    return () => out.subarray(0, codec.compressInto(input, out, levelOption(level)));
  },
});
/** A peer with hyparquet's `(input, outputLength) => Uint8Array` shape: allocates per call. */
const hpcDecoder = (codec: 'SNAPPY' | 'GZIP' | 'ZSTD' | 'LZ4_RAW' | 'LZ4' | 'BROTLI', runtime: Runtime): Decoder => ({
  name: 'hpc',
  runtime,
  make: (compressed, size) => () => hpc[codec]!(compressed, size),
});

// hysnappy's snappyUncompress/snappyCompress instantiate the WASM module on every call; its
// ...or() factories instantiate once, which is how hyparquet-compressors uses it.
const hysnappyUncompress = snappyUncompressor();
const hysnappyCompress = snappyCompressor();

const codecs: CodecSetup[] = [
  {
    name: 'SNAPPY',
    native: nativeSnappy,
    decoders: [
      ours('native', nativeSnappy),
      ours('ts', tsSnappy),
      hpcDecoder('SNAPPY', 'WASM'),
      { name: 'hysnappy', runtime: 'WASM', make: (c, size) => () => hysnappyUncompress(c, size) },
      { name: 'snappyjs', runtime: 'JS', make: (c, size) => () => snappyjs.uncompress(c, size) },
      {
        name: 'hyparquet',
        runtime: 'JS',
        make: (c, size) => {
          const out = new Uint8Array(size);
          return () => (hyparquetSnappyUncompress(c, out), out);
        },
      },
    ],
    compressors: [
      oursCompress('native', nativeSnappy),
      oursCompress('ts', tsSnappy),
      { name: 'hysnappy', runtime: 'WASM', make: (input) => () => hysnappyCompress(input) },
      { name: 'snappyjs', runtime: 'JS', make: (input) => () => snappyjs.compress(input) },
    ],
  },
  {
    name: 'GZIP',
    level: 6,
    native: nativeGzip,
    decoders: [
      ours('native', nativeGzip),
      ours('ts', tsGzip),
      hpcDecoder('GZIP', 'JS'),
      {
        name: 'fflate',
        runtime: 'JS',
        make: (c, size) => {
          const out = new Uint8Array(size);
          return () => gunzipSync(c, { out });
        },
      },
    ],
    compressors: [
      oursCompress('native', nativeGzip, 6),
      oursCompress('ts', tsGzip, 6),
      { name: 'fflate', runtime: 'JS', make: (input) => () => gzipSync(input, { level: 6 }) },
    ],
  },
  {
    name: 'ZSTD',
    level: 3,
    native: nativeZstd,
    decoders: [
      ours('native', nativeZstd),
      ours('ts', tsZstd),
      hpcDecoder('ZSTD', 'JS'),
      {
        name: 'fzstd',
        runtime: 'JS',
        make: (c, size) => {
          const out = new Uint8Array(size);
          return () => fzstdDecompress(c, out);
        },
      },
    ],
    compressors: [oursCompress('native', nativeZstd, 3)],
  },
  {
    name: 'LZ4_RAW',
    native: nativeLz4Raw,
    decoders: [
      ours('native', nativeLz4Raw),
      ours('ts', tsLz4Raw),
      hpcDecoder('LZ4_RAW', 'JS'),
      {
        name: 'lz4js',
        runtime: 'JS',
        make: (c, size) => {
          const out = new Uint8Array(size);
          return () => {
            const end = lz4js.decompressBlock(c, out, 0, c.length, 0);
            return end === size ? out : out.subarray(0, end);
          };
        },
      },
    ],
    compressors: [
      oursCompress('native', nativeLz4Raw),
      oursCompress('ts', tsLz4Raw),
      {
        name: 'lz4js',
        runtime: 'JS',
        make: (input) => {
          const out = new Uint8Array(lz4js.compressBound(input.length));
          const table = new Uint32Array(1 << 16);
          return () => {
            table.fill(0); // a block starts from an empty table, as lz4js's own frame writer does
            return out.subarray(0, lz4js.compressBlock(input, out, 0, input.length, table));
          };
        },
      },
    ],
  },
  {
    name: 'LZ4 (Hadoop)',
    native: nativeLz4,
    decoders: [ours('native', nativeLz4), ours('ts', tsLz4), hpcDecoder('LZ4', 'JS')],
    compressors: [oursCompress('native', nativeLz4), oursCompress('ts', tsLz4)],
  },
  {
    name: 'BROTLI',
    level: 5,
    native: nativeBrotli,
    decoders: [
      ours('native', nativeBrotli),
      ours('ts', tsBrotli),
      hpcDecoder('BROTLI', 'JS'),
      { name: 'brotli.js', runtime: 'JS', make: (c, size) => () => brotliJsDecompress(c, size) },
    ],
    compressors: [oursCompress('native', nativeBrotli, 5)],
  },
];

/** A figure (MB/s or ratio), or why there is none. */
type Cell = number | 'n/a' | 'WRONG' | 'ERROR';
interface PageResult {
  page: string;
  ratio: Map<string, Cell>;
  decompress: Map<string, Cell>;
  compress: Map<string, Cell>;
}

const failures: string[] = [];

function firstDifference(a: Uint8Array, b: Uint8Array): string {
  if (a.length !== b.length) return `${a.length} bytes instead of ${b.length}`;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return `byte ${i} is ${a[i]}, expected ${b[i]}`;
  return '';
}

/** Runs `fn` once and checks the result with `wrong` (a reason, or ''); only a right one is timed. */
function verified(label: string, fn: () => Uint8Array, wrong: (result: Uint8Array) => string): { result?: Uint8Array; cell: Cell } {
  let result: Uint8Array;
  try {
    result = fn();
  } catch (error) {
    failures.push(`${label}: threw ${(error as Error).message}`);
    return { cell: 'ERROR' };
  }
  const reason = wrong(result);
  if (reason) {
    failures.push(`${label}: wrong bytes (${reason})`);
    return { cell: 'WRONG' };
  }
  return { result, cell: 0 };
}

function benchPage(codec: CodecSetup, page: PageSample): PageResult {
  const input = page.bytes;
  const size = input.length;
  const mbps = (label: string, fn: () => unknown) => (hz(label, fn) * size) / 1e6;
  const result: PageResult = { page: page.name, ratio: new Map(), decompress: new Map(), compress: new Map() };
  for (const c of codec.compressors) {
    const label = `${codec.name} ${page.name}: ${c.name} compress`;
    const fn = c.make(input);
    // a stream is right when our native decoder gives the page back from it
    const check = verified(label, fn, (stream) => firstDifference(codec.native.decompress(stream.slice(), size), input));
    result.ratio.set(c.name, check.result ? size / check.result.length : check.cell);
    result.compress.set(c.name, check.result ? mbps(label, fn) : check.cell);
    process.stderr.write('.');
  }
  const compressed = codec.native.compress(input, levelOption(codec.level));
  for (const d of codec.decoders) {
    const label = `${codec.name} ${page.name}: ${d.name} decompress`;
    const fn = d.make(compressed, size);
    const check = verified(label, fn, (out) => firstDifference(out, input));
    result.decompress.set(d.name, check.result ? mbps(label, fn) : check.cell);
    process.stderr.write('.');
  }
  return result;
}

const pages = pageSamples();
console.log(`Compression, ${pages.length} pages of ~1 MiB, ${platform()}-${arch()}, ${cpus()[0]?.model ?? '?'}, Node ${process.version}`);
console.log(`native kernels: ${requireNativeBinding().simdLevel()}; benchmark.js maxTime ${MAX_TIME}s per measurement; one thread`);
console.log(`levels: GZIP 6 (native, TS, fflate), ZSTD 3, BROTLI 5 (native; TS cannot compress either)\n`);

const src = new Uint8Array(1 << 20).fill(1);
const dst = new Uint8Array(1 << 20);
const memcpy = (hz('memcpy', () => dst.set(src)) * src.length) / 1e6;

const results = new Map<CodecSetup, PageResult[]>();
for (const codec of codecs) results.set(codec, pages.map((page) => benchPage(codec, page)));
process.stderr.write('\n');

const fmt = (cell: Cell | undefined, digits = 0) => (cell === undefined ? 'n/a' : typeof cell === 'number' ? cell.toFixed(digits) : cell);
/** Geomean over pages of one column, or the first reason there is none. */
function overPages(rows: PageResult[], pick: (r: PageResult) => Cell | undefined): Cell {
  const cells = rows.map(pick);
  const bad = cells.find((c) => typeof c !== 'number');
  return bad === undefined ? geomean(cells as number[]) : bad;
}
const names = (list: Array<{ name: string }>) => list.map((x) => x.name);

// One detailed table per codec: a row per page and a geomean row.
for (const codec of codecs) {
  const rows = results.get(codec)!;
  const cNames = ['native', 'ts', ...names(codec.compressors).filter((n) => n !== 'native' && n !== 'ts')];
  const dNames = names(codec.decoders);
  const line = (page: string, pick: (m: 'ratio' | 'decompress' | 'compress', name: string) => Cell | undefined) => [
    page,
    ...cNames.map((n) => fmt(pick('ratio', n), 2)),
    ...dNames.map((n) => fmt(pick('decompress', n))),
    ...cNames.map((n) => fmt(pick('compress', n))),
  ];
  const table = rows.map((r) => line(r.page, (m, n) => r[m].get(n)));
  table.push(line('geomean', (m, n) => (rows.some((r) => r[m].has(n)) ? overPages(rows, (r) => r[m].get(n)) : undefined)));
  console.log(`${codec.name}${codec.level === undefined ? '' : ` level ${codec.level}`}: ratio = uncompressed/compressed; dec/cmp = MB/s of uncompressed bytes`);
  printTable(['page', ...cNames.map((n) => `ratio ${n}`), ...dNames.map((n) => `dec ${n}`), ...cNames.map((n) => `cmp ${n}`)], table, 1);
  console.log('');
}

interface Best {
  name: string;
  mbps: number;
}
/** The fastest of `candidates` by geomean over pages (a peer that failed on any page is left out). */
function fastest(rows: PageResult[], which: 'decompress' | 'compress', candidates: string[]): Best | undefined {
  let best: Best | undefined;
  for (const name of candidates) {
    const g = overPages(rows, (r) => r[which].get(name));
    if (typeof g === 'number' && (!best || g > best.mbps)) best = { name, mbps: g };
  }
  return best;
}
const peersOf = (list: Array<{ name: string; runtime: Runtime }>, runtimes: Runtime[]) => list.filter((x) => runtimes.includes(x.runtime)).map((x) => x.name);
const times = (a: Cell, b?: Best) => (typeof a === 'number' && b ? `${(a / b.mbps).toFixed(1)}x` : '-');
const bestLabel = (b?: Best) => (b ? `${b.name} ${b.mbps.toFixed(0)}` : '-');
function slowestPage(rows: PageResult[], name: string): string {
  const cells = rows.map((r) => ({ page: r.page, v: r.decompress.get(name) }));
  const numeric = cells.filter((c): c is { page: string; v: number } => typeof c.v === 'number');
  if (numeric.length < cells.length) return 'failed';
  const min = numeric.reduce((a, b) => (b.v < a.v ? b : a));
  return `${min.v.toFixed(0)} (${min.page})`;
}

const decRows: string[][] = [];
const cmpRows: string[][] = [];
for (const codec of codecs) {
  const rows = results.get(codec)!;
  const native = overPages(rows, (r) => r.decompress.get('native'));
  const ts = overPages(rows, (r) => r.decompress.get('ts'));
  const peer = fastest(rows, 'decompress', peersOf(codec.decoders, ['JS', 'WASM']));
  const jsPeer = fastest(rows, 'decompress', peersOf(codec.decoders, ['JS']));
  decRows.push([
    codec.name,
    fmt(overPages(rows, (r) => r.ratio.get('native')), 2),
    fmt(native),
    slowestPage(rows, 'native'),
    fmt(ts),
    bestLabel(peer),
    times(native, peer),
    bestLabel(jsPeer),
    times(ts, jsPeer),
    typeof native === 'number' ? (native / memcpy).toFixed(3) : '-',
  ]);
  const nativeC = overPages(rows, (r) => r.compress.get('native'));
  const tsC = rows.some((r) => r.compress.has('ts')) ? overPages(rows, (r) => r.compress.get('ts')) : 'n/a';
  const peerC = fastest(rows, 'compress', peersOf(codec.compressors, ['JS', 'WASM']));
  cmpRows.push([codec.name, codec.level === undefined ? '-' : String(codec.level), fmt(nativeC), fmt(tsC), bestLabel(peerC), times(nativeC, peerC), times(tsC, peerC)]);
}
console.log(`Decompression, geomean over the ${pages.length} pages (MB/s of uncompressed bytes); memcpy of 1 MiB: ${memcpy.toFixed(0)} MB/s`);
printTable(['codec', 'ratio', 'native', 'native min (page)', 'ts', 'best peer', 'native/peer', 'best JS peer', 'ts/JS peer', 'native/memcpy'], decRows, 1);
console.log('\nCompression, geomean over the pages (MB/s of uncompressed bytes)');
printTable(['codec', 'level', 'native', 'ts', 'best peer', 'native/peer', 'ts/peer'], cmpRows, 1);
console.log(`
Peers: hpc = hyparquet-compressors 1.1.2 (its SNAPPY is hysnappy WASM, ZSTD is fzstd, GZIP/LZ4/BROTLI its own JS);
hysnappy 1.1.1 (WASM; module instantiated once), snappyjs 0.7.0, hyparquet 1.33.0 snappyUncompress (JS),
fflate 0.8.3, fzstd 0.1.1, lz4js 0.2.0 (one raw block), brotli.js 2.0.0 decompress (JS).
Every decoder decodes the native codec's stream. Ours, hyparquet, fflate, fzstd and lz4js decode into a reused
output; hpc, hysnappy, snappyjs and brotli.js allocate their output per call, as their APIs do.
fzstd given an output buffer runs ~10x slower than when it allocates (its own behaviour); hpc ZSTD is
fzstd allocating, so the best-peer figures use fzstd's fast path.
Peer compressors are checked by decoding their streams with our native decoder; brotli.js compresses only
asynchronously (emscripten), so no peer compresses ZSTD, BROTLI or Hadoop LZ4.`);

// Targets
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
const targetLines: string[] = [];
const find = (name: string) => codecs.find((c) => c.name === name)!;
for (const [name, floor] of [
  ['SNAPPY', 1500],
  ['LZ4_RAW', 1500],
  ['ZSTD', 800],
] as const) {
  const rows = results.get(find(name))!;
  const g = overPages(rows, (r) => r.decompress.get('native'));
  targetLines.push(`native ${name} decompress >= ${floor} MB/s: geomean ${fmt(g)} MB/s, min ${slowestPage(rows, 'native')} -> ${verdict(typeof g === 'number' && g >= floor)}`);
}
for (const codec of codecs) {
  const rows = results.get(codec)!;
  const native = overPages(rows, (r) => r.decompress.get('native'));
  const peer = fastest(rows, 'decompress', peersOf(codec.decoders, ['JS', 'WASM']));
  const ok = typeof native === 'number' && peer !== undefined && native >= 3 * peer.mbps;
  let text = `native ${codec.name} decompress >= 3x fastest peer: ${times(native, peer)} ${peer?.name ?? '(no peer)'} -> ${verdict(ok)}`;
  const peerC = fastest(rows, 'compress', peersOf(codec.compressors, ['JS', 'WASM']));
  if (peerC) {
    const nativeC = overPages(rows, (r) => r.compress.get('native'));
    text += `; compress ${times(nativeC, peerC)} ${peerC.name} -> ${verdict(typeof nativeC === 'number' && nativeC >= 3 * peerC.mbps)}`;
  }
  targetLines.push(text);
}
{
  const rows = results.get(find('SNAPPY'))!;
  const ts = overPages(rows, (r) => r.decompress.get('ts'));
  const jsPeer = fastest(rows, 'decompress', ['snappyjs', 'hyparquet']);
  const wasmPeer = fastest(rows, 'decompress', ['hysnappy', 'hpc']);
  const ok = typeof ts === 'number' && jsPeer !== undefined && ts >= jsPeer.mbps;
  targetLines.push(`TS SNAPPY decompress >= fastest JS peer: ${fmt(ts)} vs ${bestLabel(jsPeer)} MB/s = ${times(ts, jsPeer)} -> ${verdict(ok)}`);
  targetLines.push(`  (not a target) TS SNAPPY vs WASM ${bestLabel(wasmPeer)} MB/s = ${times(ts, wasmPeer)}`);
}
console.log('\ntargets (decompression figures are geomeans over the pages, one core):');
for (const line of targetLines) console.log(`  ${line}`);

if (failures.length) {
  console.log('\nFAILED checks (these cells are WRONG/ERROR above and were not timed):');
  for (const f of failures) console.log(`  ${f}`);
  process.exitCode = 1;
}
