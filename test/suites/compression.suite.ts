// Compression conformance suite: every codec through the registry, defined once and run on the
// native backend, the TS backend in Node and the TS build in Chromium. Only the public API.
import { backend, ParquetryError, type CompressionCodecName } from '@parquetry/core';
import { COMPRESSION_CODEC_NAMES, compressionCodec, compressionCodecName } from '@parquetry/compression';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { hex, throwsParquetry } from '../lib/expect.js';
import { PAGE_KINDS, pageData } from '../lib/page-data.js';
import { rng } from '../lib/random.js';
import { sameBytes } from '../lib/values.js';

type Named = Exclude<CompressionCodecName, 'LZO'>;
const CODECS: readonly Named[] = ['UNCOMPRESSED', 'SNAPPY', 'GZIP', 'BROTLI', 'LZ4', 'ZSTD', 'LZ4_RAW'];
const fromHex = (s: string) => Uint8Array.from(s.trim().split(/\s+/), (b) => parseInt(b, 16));
const text = (s: string) => new TextEncoder().encode(s);

/** The TypeScript build decodes ZSTD and BROTLI but cannot encode them. */
function canCompress(name: Named): boolean {
  return backend() === 'native' || (name !== 'ZSTD' && name !== 'BROTLI');
}

// ---------------------------------------------------------------- hand-built streams

const vectors = suite('compression: hand-built streams');

const HAND_BUILT: ReadonlyArray<readonly [Named, string, string, string]> = [
  // preamble 05 (5 bytes), literal tag (5-1)<<2 = 0x10, "hello"
  ['SNAPPY', 'a literal', '05 10 68 65 6c 6c 6f', 'hello'],
  // preamble 0c (12), literal "abc" (tag 0x08), copy with 1-byte offset: ((9-4)<<2)|1 = 0x15, offset 3
  ['SNAPPY', 'an overlapping copy', '0c 08 61 62 63 15 03', 'abcabcabcabc'],
  // token 0x36: 3 literals "abc", match length 6+4 = 10 at offset 3 (overlapping); token 0x50: 5 literals
  ['LZ4_RAW', 'literals, an overlapping match, last literals', '36 61 62 63 03 00 50 78 79 7a 7a 79', 'abcabcabcabcaxyzzy'],
  // Hadoop framing: BE uncompressed size 18, BE compressed size 12, then the block above
  ['LZ4', 'Hadoop framing around one block', '00 00 00 12 00 00 00 0c 36 61 62 63 03 00 50 78 79 7a 7a 79', 'abcabcabcabcaxyzzy'],
  // the same block bare, as old Arrow C++ wrote the LZ4 codec
  ['LZ4', 'a bare block', '36 61 62 63 03 00 50 78 79 7a 7a 79', 'abcabcabcabcaxyzzy'],
  // gzip header (no flags, mtime 0, OS unknown), a final stored deflate block of 5 bytes (len 0005,
  // nlen fffa), "hello", CRC-32 3610a686 and ISIZE 5, both little endian
  ['GZIP', 'one member with a stored block', '1f 8b 08 00 00 00 00 00 00 ff 01 05 00 fa ff 68 65 6c 6c 6f 86 a6 10 36 05 00 00 00', 'hello'],
  // two such members back to back decode as one stream
  [
    'GZIP',
    'two concatenated members',
    '1f 8b 08 00 00 00 00 00 00 ff 01 05 00 fa ff 68 65 6c 6c 6f 86 a6 10 36 05 00 00 00 1f 8b 08 00 00 00 00 00 00 ff 01 05 00 fa ff 68 65 6c 6c 6f 86 a6 10 36 05 00 00 00',
    'hellohello',
  ],
  // zlib header 78 01, the stored block, Adler-32 062c0215 big endian
  ['GZIP', 'a zlib-wrapped stream', '78 01 01 05 00 fa ff 68 65 6c 6c 6f 06 2c 02 15', 'hello'],
  // magic 28 b5 2f fd, descriptor 0x20 (single segment, 1-byte content size) 05, a last raw block
  // of 5 bytes: header (5<<3)|1 = 0x29 00 00, "hello"
  ['ZSTD', 'a raw block', '28 b5 2f fd 20 05 29 00 00 68 65 6c 6c 6f', 'hello'],
  // content size 10, a last RLE block of 10 'a': header (10<<3)|(1<<1)|1 = 0x53 00 00, byte 61
  ['ZSTD', 'an RLE block', '28 b5 2f fd 20 0a 53 00 00 61', 'aaaaaaaaaa'],
  // a skippable frame (magic 184d2a50, 3 bytes) before the raw-block frame
  ['ZSTD', 'a skippable frame first', '50 2a 4d 18 03 00 00 00 01 02 03 28 b5 2f fd 20 05 29 00 00 68 65 6c 6c 6f', 'hello'],
  // bits from the least significant: WBITS 16 (bit 0 = 0), ISLAST 0 (bit 1), MNIBBLES 4 (bits 2-3
  // = 0), MLEN-1 = 4 (bits 4-19), ISUNCOMPRESSED 1 (bit 20), padding: 40 00 10; "hello"; then an
  // empty last meta-block, ISLAST 1 and ISLASTEMPTY 1: 03
  ['BROTLI', 'an uncompressed meta-block', '40 00 10 68 65 6c 6c 6f 03', 'hello'],
  ['UNCOMPRESSED', 'the payload itself', '68 65 6c 6c 6f', 'hello'],
];

for (const [name, what, stream, expected] of HAND_BUILT) {
  vectors(`${name}: ${what}`, () => {
    const out = compressionCodec(name).decompress(fromHex(stream), expected.length);
    assert.is(new TextDecoder().decode(out), expected);
  });
}

vectors('codec names and the numbers files store', () => {
  assert.equal([...COMPRESSION_CODEC_NAMES], ['UNCOMPRESSED', 'SNAPPY', 'GZIP', 'LZO', 'BROTLI', 'LZ4', 'ZSTD', 'LZ4_RAW']);
  assert.is(compressionCodec(1).name, 'SNAPPY');
  assert.is(compressionCodec(7).name, 'LZ4_RAW');
  assert.is(compressionCodecName(6), 'ZSTD');
  throwsParquetry(() => compressionCodec('LZO'), 'UNSUPPORTED', 'LZO');
  throwsParquetry(() => compressionCodec(3), 'UNSUPPORTED', 'LZO by number');
  throwsParquetry(() => compressionCodec(8), 'CORRUPT', 'codec 8');
  throwsParquetry(() => compressionCodec(-1), 'CORRUPT', 'codec -1');
});

// ---------------------------------------------------------------- round trips

const roundTrips = suite('compression: round trips');

const SIZES = [0, 1, 2, 3, 15, 16, 17, 255, 4096, 65535, 65536, 65537, 1 << 20];

for (const name of CODECS) {
  roundTrips(`${name}: every page kind at sizes 0 .. 1 MiB`, () => {
    const codec = compressionCodec(name);
    if (!canCompress(name)) {
      const e = throwsParquetry(() => codec.compress(text('hello')), 'UNSUPPORTED', `${name} compress in the TS build`);
      assert.match(e.message, /TypeScript/);
      return;
    }
    for (const kind of PAGE_KINDS) {
      for (const size of SIZES) {
        const input = pageData(kind, size, size + 7);
        const stream = codec.compress(input);
        assert.ok(stream.length <= codec.maxCompressedLength(size), `${name} ${kind} ${size}: over the bound`);
        const out = codec.decompress(stream, size);
        if (!sameBytes(out, input)) assert.unreachable(`${name} ${kind} ${size}: output differs`);
        if (name !== 'UNCOMPRESSED' && kind === 'zeros' && size >= 65536) {
          assert.ok(stream.length * 20 < size, `${name} zeros ${size}: ${stream.length} bytes`);
        }
      }
    }
  });
}

roundTrips('a 16 MiB page, and compressInto a reused buffer', () => {
  const input = pageData('ids', 16 << 20, 3);
  for (const name of CODECS) {
    if (!canCompress(name) || name === 'BROTLI') continue;
    const codec = compressionCodec(name);
    const buffer = new Uint8Array(codec.maxCompressedLength(input.length)).fill(0xee);
    const n = codec.compressInto(input, buffer);
    const out = codec.decompress(buffer.subarray(0, n), input.length);
    assert.ok(sameBytes(out, input), `${name}: 16 MiB differs`);
  }
});

roundTrips('levels: each level decodes; out-of-range levels are refused', () => {
  const input = pageData('text', 50_000, 9);
  for (const [name, levels, bad] of [['GZIP', [0, 1, 9], [-1, 10, 1.5]], ['BROTLI', [0, 11], [12]], ['ZSTD', [-5, 1, 19], [23]]] as const) {
    if (!canCompress(name)) continue;
    const codec = compressionCodec(name);
    for (const level of levels) assert.ok(sameBytes(codec.decompress(codec.compress(input, { level }), input.length), input), `${name} level ${level}`);
    for (const level of bad) throwsParquetry(() => codec.compress(input, { level }), 'INVALID_ARGUMENT', `${name} level ${level}`);
  }
});

// ---------------------------------------------------------------- sizes, caps, bombs

const safety = suite('compression: declared sizes, caps and bad streams');

/** A stream of `input` for `name`: made here when this backend can, else hand-built by test helpers. */
function streamOf(name: Named, input: Uint8Array): Uint8Array | undefined {
  return canCompress(name) ? compressionCodec(name).compress(input) : undefined;
}

safety('a declared size other than the stream holds is an error, and nothing is written past it', () => {
  const input = pageData('text', 100_000, 4);
  for (const name of CODECS) {
    const stream = streamOf(name, input);
    if (!stream) continue;
    for (const declared of [0, 1, input.length - 1, input.length + 1, input.length * 2]) {
      const out = new Uint8Array(declared + 64).fill(0x5a);
      try {
        compressionCodec(name).decompress(stream, declared, { out });
        assert.unreachable(`${name}: declared ${declared} decoded`);
      } catch (error) {
        if (!ParquetryError.is(error)) throw error;
        assert.ok(['CORRUPT', 'TRUNCATED'].includes(error.code), `${name} ${declared}: ${error.message}`);
      }
      assert.ok(out.subarray(declared).every((b) => b === 0x5a), `${name} ${declared}: wrote past the declared size`);
    }
  }
});

safety('a declared size over the cap is LIMIT before anything is allocated; the cap is configurable', () => {
  for (const name of CODECS) {
    const codec = compressionCodec(name);
    throwsParquetry(() => codec.decompress(text('x'), 2 ** 40), 'LIMIT', `${name} 1 TiB`);
    throwsParquetry(() => codec.decompress(text('x'), 2 ** 30 + 1), 'LIMIT', `${name} just over 1 GiB`);
    throwsParquetry(() => codec.decompress(text('xyz'), 100, { maxUncompressedSize: 99 }), 'LIMIT', `${name} cap 99`);
    throwsParquetry(() => codec.decompress(text('x'), -1), 'INVALID_ARGUMENT', `${name} size -1`);
    throwsParquetry(() => codec.decompress(text('x'), 1.5), 'INVALID_ARGUMENT', `${name} size 1.5`);
  }
});

safety('a decompression bomb stops at the declared size', () => {
  const zeros = new Uint8Array(32 << 20);
  for (const name of CODECS) {
    if (name === 'UNCOMPRESSED') continue;
    const stream = streamOf(name, zeros);
    if (!stream) continue;
    throwsParquetry(() => compressionCodec(name).decompress(stream, 4096), 'CORRUPT', `${name} bomb`);
  }
  // A hand-built zstd bomb for the TS build: a frame with no content size and 256 RLE blocks of
  // 128 KiB each (header ((128Ki)<<3)|(1<<1) = 02 00 10 for all but the last, 03 00 10 for it).
  const blocks: number[] = [];
  for (let i = 0; i < 256; i++) blocks.push(i === 255 ? 0x03 : 0x02, 0x00, 0x10, 0x00);
  // descriptor 0x00 (no content size, window descriptor follows), window 0x38 = 2^(10+7) = 128 KiB
  const bomb = Uint8Array.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x38, ...blocks]);
  assert.is(compressionCodec('ZSTD').decompress(bomb, 256 * 131072).length, 256 * 131072);
  throwsParquetry(() => compressionCodec('ZSTD').decompress(bomb, 1 << 20), 'CORRUPT', 'zstd RLE bomb');
});

safety('empty input is an empty page for every codec, and nothing else', () => {
  for (const name of CODECS) {
    assert.is(compressionCodec(name).decompress(new Uint8Array(0), 0).length, 0, name);
    const e = throwsParquetry(() => compressionCodec(name).decompress(new Uint8Array(0), 10), name === 'UNCOMPRESSED' ? 'CORRUPT' : 'TRUNCATED', `${name} empty for 10`);
    assert.ok(e.message.includes(name));
    if (canCompress(name)) assert.is(compressionCodec(name).decompress(compressionCodec(name).compress(new Uint8Array(0)), 0).length, 0, `${name} compressed empty`);
  }
});

safety('every truncation of a stream fails with a ParquetryError', () => {
  const input = pageData('text', 3000, 5);
  for (const name of CODECS) {
    if (name === 'UNCOMPRESSED') continue;
    const stream = streamOf(name, input) ?? fromHex(HAND_BUILT.find(([n]) => n === name)![2]);
    const size = canCompress(name) ? input.length : HAND_BUILT.find(([n]) => n === name)![3].length;
    for (let cut = 1; cut < stream.length; cut++) {
      try {
        compressionCodec(name).decompress(stream.subarray(0, cut), size);
        assert.unreachable(`${name}: prefix ${cut} of ${stream.length} decoded`);
      } catch (error) {
        if (!ParquetryError.is(error)) assert.unreachable(`${name} prefix ${cut}: ${String(error)}`);
      }
    }
  }
});

safety('random bytes decode or fail with a ParquetryError, never anything else', () => {
  const next = rng(77);
  for (const name of CODECS) {
    for (let i = 0; i < 1500; i++) {
      const junk = Uint8Array.from({ length: (next() * 48) | 0 }, () => (next() * 256) | 0);
      const size = (next() * 300) | 0;
      try {
        compressionCodec(name).decompress(junk, size);
      } catch (error) {
        if (!ParquetryError.is(error)) assert.unreachable(`${name} ${hex(junk)} size ${size}: ${String(error)}`);
      }
    }
  }
});

roundTrips('GZIP writes the smallest of stored, fixed-code and own-code blocks, byte for byte', () => {
  if (!canCompress('GZIP')) return;
  const gzip = compressionCodec('GZIP');
  const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join(' ');
  // Nothing: one final fixed-code block holding only end-of-block (bits 1, 01, 0000000).
  assert.is(hex(gzip.compress(new Uint8Array(0), { level: 6 })), '1f 8b 08 00 00 00 00 00 00 ff 03 00 00 00 00 00 00 00 00 00');
  // Level 0: one final stored block.
  assert.is(hex(gzip.compress(new TextEncoder().encode('hello'), { level: 0 })), '1f 8b 08 00 00 00 00 00 00 ff 01 05 00 fa ff 68 65 6c 6c 6f 86 a6 10 36 05 00 00 00');
  // "aaaaaaaaaa": fixed codes (1, 01), literal 'a' (10010001), length 9 = code 263 (0000111),
  // distance 1 = code 0 (00000), end of block (0000000), packed from the low bit up: 4b 84 03 00.
  assert.is(hex(gzip.compress(new TextEncoder().encode('aaaaaaaaaa'), { level: 6 })).slice(30, 41), '4b 84 03 00');
});

safety('a flipped byte inside a gzip member is caught by its CRC-32', () => {
  if (!canCompress('GZIP')) return;
  const input = pageData('text', 20_000, 6);
  const stream = compressionCodec('GZIP').compress(input, { level: 0 });
  stream[100] ^= 0x01;
  const e = throwsParquetry(() => compressionCodec('GZIP').decompress(stream, input.length), 'CORRUPT', 'flipped literal');
  assert.match(e.message, /CRC|checksum/i);
});

vectors.run();
roundTrips.run();
safety.run();
