// RLE/bit-packing hybrid benchmark: decode and encode 1M values at several bit widths, bit-packed
// (uniform random values) and RLE-heavy (long repeats), with Parquetry native, Parquetry TS and
// hyparquet on the same bytes, beside a memory copy of the decoded size as the ceiling.
// Run: pnpm bench:rle (BENCH_MAX_TIME=seconds per measurement, default 0.5).
import * as native from '@parquetry/rle/native';
import * as ts from '@parquetry/rle/ts';
import { requireNativeBinding } from '@parquetry/core';
import { readRleBitPackedHybrid } from 'hyparquet/src/encoding.js';
import { writeRleBitPackedHybrid } from 'hyparquet-writer/src/encoding.js';
import { ByteWriter } from 'hyparquet-writer/src/bytewriter.js';
import { arch, cpus, platform } from 'node:os';
import { faultsPerCall, geomean, hz, MAX_TIME, printTable, rng, same } from './lib/measure.js';

const N = 1_000_000;
const WIDTHS = [1, 2, 4, 8, 12, 16, 20, 32];

function makeValues(width: number, pattern: 'bit-packed' | 'rle-heavy'): Int32Array {
  const next = rng(width * 31 + (pattern === 'rle-heavy' ? 1 : 0));
  const out = new Int32Array(N);
  const value = () => (width === 32 ? (next() * 2 ** 32) | 0 : Math.floor(next() * 2 ** width));
  for (let i = 0; i < N; ) {
    const v = value();
    // RLE-heavy: repeats of 16..1000 values, like levels of mostly-present columns or sorted dictionary indices
    const len = pattern === 'rle-heavy' ? 16 + Math.floor(next() * 985) : 1;
    for (let k = 0; k < len && i < N; k++) out[i++] = v;
  }
  return out;
}

interface Row {
  width: number;
  pattern: string;
  op: 'decode' | 'encode';
  bytes: number;
  native: number;
  ts: number;
  hyparquet: number | null;
  memcpy: number;
  faults: { native: number; ts: number; hyparquet: number | null };
}

const rows: Row[] = [];
const source = new Int32Array(N);
const copyTarget = new Int32Array(N);

console.log(`RLE/bit-packing hybrid, ${N.toLocaleString('en')} values per call, ${platform()}-${arch()}, ${cpus()[0]?.model ?? '?'}`);
console.log(`native kernels: ${requireNativeBinding().simdLevel()}; benchmark.js maxTime ${MAX_TIME}s per measurement\n`);

for (const pattern of ['bit-packed', 'rle-heavy'] as const) {
  for (const width of WIDTHS) {
    const values = makeValues(width, pattern);
    source.set(values);
    const encoded = native.encodeRleHybrid(values, width);
    const out = new Int32Array(N);

    // Everyone must decode the same bytes to the same values before being timed.
    const hyparquetDecode = () => readRleBitPackedHybrid({ view: new DataView(encoded.buffer, encoded.byteOffset, encoded.byteLength), offset: 0 }, width, out, encoded.length);
    const checks = {
      native: () => same(native.decodeRleHybrid(encoded, width, N, out), values),
      ts: () => same(ts.decodeRleHybrid(encoded, width, N, out), values),
      hyparquet: () => {
        out.fill(0);
        try {
          hyparquetDecode();
        } catch {
          return false;
        }
        return same(out, values);
      },
    };
    if (!checks.native() || !checks.ts()) throw new Error(`Parquetry decoders disagree at width ${width}, ${pattern}`);
    const hyparquetOk = checks.hyparquet();

    const memcpy = hz('memcpy', () => copyTarget.set(source)) * N;
    const nativeDecode = () => void native.decodeRleHybrid(encoded, width, N, out);
    const tsDecode = () => void ts.decodeRleHybrid(encoded, width, N, out);
    rows.push({
      width,
      pattern,
      op: 'decode',
      bytes: encoded.length,
      native: hz('native', nativeDecode) * N,
      ts: hz('ts', tsDecode) * N,
      hyparquet: hyparquetOk ? hz('hyparquet', hyparquetDecode) * N : null,
      memcpy,
      faults: { native: faultsPerCall(nativeDecode), ts: faultsPerCall(tsDecode), hyparquet: hyparquetOk ? faultsPerCall(hyparquetDecode) : null },
    });

    // Encoders write into a buffer reused across calls, as a page writer does: a fresh output
    // per call would measure page faults (see ARCHITECTURE.md), not encoding.
    const reusedWriter = new ByteWriter(encoded.length + 1024);
    const hyparquetEncode = () => {
      reusedWriter.offset = 0;
      reusedWriter.index = 0;
      writeRleBitPackedHybrid(reusedWriter, values, width);
    };
    const encodeBuffer = new Uint8Array(ts.rleHybridMaxSize(N, width));
    // hyparquet-writer's output is checked by decoding it with ours (its run choices differ).
    const writer = new ByteWriter(encoded.length + 1024);
    writeRleBitPackedHybrid(writer, values, width);
    const theirs = new Uint8Array(writer.buffer, 0, writer.offset);
    let writerOk = false;
    try {
      writerOk = same(ts.decodeRleHybrid(theirs, width, N), values);
    } catch {
      writerOk = false;
    }
    const nativeEncode = () => void native.encodeRleHybridInto(values, width, encodeBuffer);
    const tsEncode = () => void ts.encodeRleHybridInto(values, width, encodeBuffer);
    rows.push({
      width,
      pattern,
      op: 'encode',
      bytes: encoded.length,
      native: hz('native', nativeEncode) * N,
      ts: hz('ts', tsEncode) * N,
      hyparquet: writerOk ? hz('hyparquet-writer', hyparquetEncode) * N : null,
      memcpy,
      faults: { native: faultsPerCall(nativeEncode), ts: faultsPerCall(tsEncode), hyparquet: writerOk ? faultsPerCall(hyparquetEncode) : null },
    });
    process.stderr.write('.');
  }
}
process.stderr.write('\n');

const m = (v: number | null) => (v === null ? 'wrong' : (v / 1e6).toFixed(0));
const x = (a: number, b: number | null) => (b === null || b === 0 ? '-' : `${(a / b).toFixed(1)}x`);
const f = (v: number | null) => (v === null ? '-' : v.toFixed(0));
const header = ['op', 'pattern', 'width', 'bytes', 'native M/s', 'ts M/s', 'peer M/s', 'memcpy M/s', 'native/peer', 'ts/peer', 'native/memcpy', 'faults n/t/p'];
const table = rows.map((r) => [
  r.op,
  r.pattern,
  String(r.width),
  String(r.bytes),
  m(r.native),
  m(r.ts),
  m(r.hyparquet),
  m(r.memcpy),
  x(r.native, r.hyparquet),
  x(r.ts, r.hyparquet),
  (r.native / r.memcpy).toFixed(2),
  `${f(r.faults.native)}/${f(r.faults.ts)}/${f(r.faults.hyparquet)}`,
]);
printTable(header, table);
console.log('\nM/s = million values per second. peer = hyparquet readRleBitPackedHybrid (decode) / hyparquet-writer writeRleBitPackedHybrid (encode);\nencoders write into a buffer reused across calls;');
console.log('"wrong" where the peer does not reproduce the values. memcpy = Int32Array.set of the 4 MB decoded size into a touched buffer.');
console.log('faults = minor page faults per call (native/ts/peer).');

// Targets from the issue, checked on this run's numbers.
const decodes = rows.filter((r) => r.op === 'decode' && r.hyparquet !== null);
const nativeVsPeer = decodes.map((r) => r.native / (r.hyparquet as number));
const tsVsPeer = decodes.map((r) => r.ts / (r.hyparquet as number));
const nativeVsCopy = rows.filter((r) => r.op === 'decode' && r.width <= 16).map((r) => r.native / r.memcpy);
console.log('\ntargets (decode):');
console.log(`  native >= 10x hyparquet: min ${Math.min(...nativeVsPeer).toFixed(1)}x, geomean ${geomean(nativeVsPeer).toFixed(1)}x -> ${Math.min(...nativeVsPeer) >= 10 ? 'met' : 'NOT met'}`);
console.log(`  native within 2x of memcpy at widths <= 16: min ${Math.min(...nativeVsCopy).toFixed(2)} of memcpy -> ${Math.min(...nativeVsCopy) >= 0.5 ? 'met' : 'NOT met'}`);
console.log(`  ts >= 2x hyparquet: min ${Math.min(...tsVsPeer).toFixed(1)}x, geomean ${geomean(tsVsPeer).toFixed(1)}x -> ${Math.min(...tsVsPeer) >= 2 ? 'met' : 'NOT met'}`);
