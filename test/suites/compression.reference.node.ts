// Node only: Parquetry's codecs (the backend in force) against other implementations. Streams made
// at test time by Python's zlib and the PyPI packages python-snappy, zstandard, lz4 and brotli
// decode here; what Parquetry compresses decodes there; and every compressed page of the
// parquet-testing corpus decodes to what the reference libraries make of it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backend, type CompressionCodecName } from '@parquetry/core';
import { compressionCodec } from '@parquetry/compression';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { corpusRoot, runReference } from '../lib/python.js';
import { sameBytes } from '../lib/values.js';

interface GeneratedStream {
  codec: string;
  name: string;
  raw: string;
  compressed: string;
  size: number;
}
interface CorpusPage {
  file: string;
  column: string;
  row_group: number;
  page: number;
  codec: CompressionCodecName;
  compressed: string;
  raw: string;
  size: number;
  form: 'hadoop' | 'raw' | null;
}

/** The reference's stream kinds, by the Parquet codec that must read them. */
const CODEC_OF: Record<string, CompressionCodecName> = {
  snappy: 'SNAPPY',
  gzip: 'GZIP',
  gzip_multi: 'GZIP',
  zlib: 'GZIP',
  zstd: 'ZSTD',
  zstd_multi: 'ZSTD',
  zstd_nosize: 'ZSTD',
  lz4_raw: 'LZ4_RAW',
  lz4_hadoop: 'LZ4',
  brotli: 'BROTLI',
};
const REFERENCE_NAME: Partial<Record<CompressionCodecName, string>> = {
  SNAPPY: 'snappy',
  GZIP: 'gzip',
  ZSTD: 'zstd',
  LZ4_RAW: 'lz4_raw',
  LZ4: 'lz4_hadoop',
  BROTLI: 'brotli',
};

const reference = suite('compression: against the Python reference libraries');
let dir = '';

reference.before(() => {
  dir = mkdtempSync(join(tmpdir(), 'parquetry-compression-'));
});
reference.after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

reference('streams made by zlib, python-snappy, zstandard, lz4 and brotli decode', () => {
  const out = join(dir, 'theirs');
  runReference('compression_ref.py', ['generate', out]);
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as GeneratedStream[];
  const seen = new Set<string>();
  for (const entry of manifest) {
    const codec = CODEC_OF[entry.codec];
    assert.ok(codec, `unknown reference codec ${entry.codec}`);
    const raw = readFileSync(join(out, entry.raw));
    const decoded = compressionCodec(codec).decompress(readFileSync(join(out, entry.compressed)), entry.size);
    if (!sameBytes(decoded, raw)) assert.unreachable(`${entry.codec} ${entry.name}: output differs`);
    seen.add(entry.codec);
  }
  assert.equal([...seen].sort(), Object.keys(CODEC_OF).sort());
  assert.ok(manifest.length >= 100, `${manifest.length} streams`);
});

reference('what Parquetry compresses decodes in the reference libraries', () => {
  const theirs = join(dir, 'theirs');
  const generated = JSON.parse(readFileSync(join(theirs, 'manifest.json'), 'utf8')) as GeneratedStream[];
  const inputs = generated.filter((e) => e.codec === 'snappy' || e.name === 'big_16m');
  const ours = join(dir, 'ours');
  const entries: Array<{ codec: string; compressed: string; raw: string }> = [];
  for (const [codec, name] of Object.entries(REFERENCE_NAME) as Array<[CompressionCodecName, string]>) {
    if (backend() === 'ts' && (codec === 'ZSTD' || codec === 'BROTLI')) continue;
    mkdirSync(join(ours, name), { recursive: true });
    for (const input of inputs) {
      if (codec === 'BROTLI' && input.size > 4 << 20) continue;
      const raw = join(theirs, input.raw);
      const file = `${name}/${input.name}.cmp`;
      writeFileSync(join(ours, file), compressionCodec(codec).compress(readFileSync(raw)));
      entries.push({ codec: name, compressed: file, raw });
    }
  }
  writeFileSync(join(ours, 'manifest.json'), JSON.stringify(entries));
  const result = JSON.parse(runReference('compression_ref.py', ['verify', join(ours, 'manifest.json')])) as { ok: number; failures: unknown[] };
  assert.equal(result.failures, [], 'the reference could not read some of our streams');
  assert.is(result.ok, entries.length);
});

reference('every compressed page of the parquet-testing corpus decodes as the references decode it', () => {
  const out = join(dir, 'corpus');
  runReference('compression_ref.py', ['corpus-pages', join(corpusRoot(), 'data'), out]);
  const { pages } = JSON.parse(readFileSync(join(out, 'pages.json'), 'utf8')) as { pages: CorpusPage[] };
  const perCodec = new Map<string, number>();
  for (const page of pages) {
    const where = `${page.file} rg ${page.row_group} ${page.column} page ${page.page} (${page.codec}${page.form ? ` ${page.form}` : ''})`;
    const decoded = compressionCodec(page.codec).decompress(readFileSync(join(out, page.compressed)), page.size);
    if (!sameBytes(decoded, readFileSync(join(out, page.raw)))) assert.unreachable(`${where}: output differs`);
    const key = page.form ? `${page.codec} ${page.form}` : page.codec;
    perCodec.set(key, (perCodec.get(key) ?? 0) + 1);
  }
  // Both forms of the deprecated LZ4 codec, multi-member gzip and every other codec are present.
  for (const key of ['SNAPPY', 'GZIP', 'ZSTD', 'BROTLI', 'LZ4_RAW', 'LZ4 hadoop', 'LZ4 raw']) {
    assert.ok((perCodec.get(key) ?? 0) > 0, `no corpus page for ${key}: ${JSON.stringify([...perCodec])}`);
  }
  assert.ok(pages.some((p) => p.file === 'concatenated_gzip_members.parquet'), 'the concatenated gzip members page');
});

reference.run();
