// Node only, native runs: the native and TypeScript codecs side by side. What one compresses the
// other decodes, on every page kind from empty to 16 MiB; TS ZSTD and BROTLI, which only decode,
// read what native writes; SNAPPY and LZ4 compress to the same bytes in both.
import type { CompressionCodec } from '@parquetry/core';
import * as nativeBrotli from '@parquetry/brotli/native';
import * as tsBrotli from '@parquetry/brotli/ts';
import * as nativeGzip from '@parquetry/gzip/native';
import * as tsGzip from '@parquetry/gzip/ts';
import * as nativeLz4 from '@parquetry/lz4/native';
import * as tsLz4 from '@parquetry/lz4/ts';
import * as nativeSnappy from '@parquetry/snappy/native';
import * as tsSnappy from '@parquetry/snappy/ts';
import * as nativeZstd from '@parquetry/zstd/native';
import * as tsZstd from '@parquetry/zstd/ts';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { PAGE_KINDS, pageData } from '../lib/page-data.js';
import { sameBytes } from '../lib/values.js';

const PAIRS: ReadonlyArray<readonly [native: CompressionCodec, ts: CompressionCodec, tsCompresses: boolean]> = [
  [nativeSnappy.SNAPPY, tsSnappy.SNAPPY, true],
  [nativeGzip.GZIP, tsGzip.GZIP, true],
  [nativeLz4.LZ4_RAW, tsLz4.LZ4_RAW, true],
  [nativeLz4.LZ4, tsLz4.LZ4, true],
  [nativeZstd.ZSTD, tsZstd.ZSTD, false],
  [nativeBrotli.BROTLI, tsBrotli.BROTLI, false],
];
const SIZES = [0, 1, 7, 64, 1000, 65535, 65536, 65537, 1 << 20];

const cross = suite('compression: native <-> TypeScript');

function check(from: CompressionCodec, to: CompressionCodec, input: Uint8Array, what: string, level?: number): void {
  const stream = from.compress(input, level === undefined ? undefined : { level });
  const out = to.decompress(stream, input.length);
  if (!sameBytes(out, input)) assert.unreachable(`${what}: output differs`);
}

for (const [native, ts, tsCompresses] of PAIRS) {
  cross(`${native.name}: native -> TS${tsCompresses ? ' and TS -> native' : ''}, every kind and size`, () => {
    for (const kind of PAGE_KINDS) {
      for (const size of SIZES) {
        const input = pageData(kind, size, size ^ 0x55);
        check(native, ts, input, `${native.name} native->ts ${kind} ${size}`);
        if (tsCompresses) check(ts, native, input, `${native.name} ts->native ${kind} ${size}`);
      }
    }
  });
}

// SNAPPY, LZ4 and GZIP compress with the same algorithm in Rust and TypeScript: the same bytes, so
// a file written by either backend is the same file.
cross('GZIP: native and TypeScript compress to identical bytes at every level', () => {
  for (let level = 0; level <= 9; level++) {
    for (const kind of PAGE_KINDS) {
      // Sizes around the stored-block limit and past one block of 16,384 symbols.
      for (const size of [0, 1, 2, 3, 4, 5, 258, 259, 65535, 65536, 70_000, 300_000]) {
        const input = pageData(kind, size, size ^ (level << 4));
        const a = nativeGzip.GZIP.compress(input, { level });
        if (!sameBytes(a, tsGzip.GZIP.compress(input, { level }))) assert.unreachable(`GZIP level ${level} ${kind} ${size}: native and TS bytes differ`);
      }
    }
  }
  const big = pageData('text', 4 << 20, 17);
  assert.ok(sameBytes(nativeGzip.GZIP.compress(big), tsGzip.GZIP.compress(big)), 'GZIP 4 MiB of text');
});

cross('SNAPPY, LZ4_RAW and LZ4: native and TypeScript compress to identical bytes', () => {
  for (const [native, ts] of [
    [nativeSnappy.SNAPPY, tsSnappy.SNAPPY],
    [nativeLz4.LZ4_RAW, tsLz4.LZ4_RAW],
    [nativeLz4.LZ4, tsLz4.LZ4],
  ] as const) {
    for (const kind of PAGE_KINDS) {
      for (const size of [...SIZES, 12, 13, 14, 15, 16, 3 << 16, (1 << 20) + 3]) {
        const input = pageData(kind, size, size ^ 0x3c);
        if (!sameBytes(native.compress(input), ts.compress(input))) assert.unreachable(`${native.name} ${kind} ${size}: native and TS bytes differ`);
      }
    }
    const big = pageData('ids', 16 << 20, 13);
    assert.ok(sameBytes(native.compress(big), ts.compress(big)), `${native.name} 16 MiB`);
  }
});

cross('16 MiB pages both ways, and every level of the leveled codecs', () => {
  const big = pageData('ids', 16 << 20, 11);
  for (const [native, ts, tsCompresses] of PAIRS) {
    if (native.name === 'BROTLI') continue;
    check(native, ts, big, `${native.name} native->ts 16 MiB`);
    if (tsCompresses) check(ts, native, big, `${native.name} ts->native 16 MiB`);
  }
  const text = pageData('text', 200_000, 12);
  for (let level = 0; level <= 9; level++) {
    check(nativeGzip.GZIP, tsGzip.GZIP, text, `GZIP native level ${level}`, level);
    check(tsGzip.GZIP, nativeGzip.GZIP, text, `GZIP ts level ${level}`, level);
  }
  for (const level of [-7, -1, 1, 3, 9, 19, 22]) check(nativeZstd.ZSTD, tsZstd.ZSTD, text, `ZSTD level ${level}`, level);
  for (let level = 0; level <= 11; level++) check(nativeBrotli.BROTLI, tsBrotli.BROTLI, text, `BROTLI level ${level}`, level);
});

cross.run();
