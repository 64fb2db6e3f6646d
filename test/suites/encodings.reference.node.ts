// Node only: Parquetry against an independent reading of Encodings.md, the Python reference in
// test/reference (standard library only, written from the spec text alone). Each encoding family is
// checked both ways: Parquetry decodes the reference's streams (including run shapes, block shapes
// and padding that Parquetry's own encoders never write), and the reference decodes, strictly,
// what Parquetry's encoders write. One test per family, so an unfinished package fails alone.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ByteArrays, PhysicalType } from '@parquetry/core';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

// ---------------------------------------------------------------- the APIs under test
// Typed views of the packages, loaded inside each test: some are still being written, and a package
// that does not load or lacks an export fails only its own family's tests, with a message naming it.
type PlainValues = Uint8Array | Int32Array | BigInt64Array | Float32Array | Float64Array | ByteArrays;
interface PlainApi {
  encodePlain(type: PhysicalType, values: PlainValues, typeLength?: number): Uint8Array;
  decodePlain(type: PhysicalType, bytes: Uint8Array, count: number, typeLength?: number): PlainValues;
}
interface RleApi {
  encodeRleHybrid(values: Int32Array, bitWidth: number): Uint8Array;
  decodeRleHybrid(bytes: Uint8Array, bitWidth: number, count: number, out?: Int32Array): Int32Array;
}
interface DeltaApi {
  encodeDeltaBinaryPacked(values: Int32Array | BigInt64Array): Uint8Array;
  decodeDeltaBinaryPacked(bytes: Uint8Array, type: 'INT32' | 'INT64'): Int32Array | BigInt64Array;
  encodeDeltaLengthByteArray(values: ByteArrays): Uint8Array;
  decodeDeltaLengthByteArray(bytes: Uint8Array, count: number): ByteArrays;
  encodeDeltaByteArray(values: ByteArrays): Uint8Array;
  decodeDeltaByteArray(bytes: Uint8Array, count: number): ByteArrays;
}
interface ByteStreamSplitApi {
  encodeByteStreamSplit(bytes: Uint8Array, width: number): Uint8Array;
  decodeByteStreamSplit(bytes: Uint8Array, width: number): Uint8Array;
}
interface DictionaryApi {
  decodeDictionaryIndices(bytes: Uint8Array, count: number, out?: Int32Array): Int32Array;
  decodeDictionaryPage(type: PhysicalType, bytes: Uint8Array, count: number, typeLength?: number): PlainValues;
  /** Not in the lead's list, but exported by the package: the bit width follows from the size. */
  encodeDictionaryIndices(indices: Int32Array, dictionarySize: number): Uint8Array;
}

/** The package's exports as `T`, after checking that `names` are functions there. */
async function api<T>(pkg: string, load: () => Promise<object>, names: Array<keyof T & string>): Promise<T> {
  let module: object;
  try {
    module = await load();
  } catch (error) {
    throw new Error(`${pkg} does not load: ${describe(error)}`);
  }
  const missing = names.filter((name) => typeof (module as Record<string, unknown>)[name] !== 'function');
  if (missing.length > 0) throw new Error(`${pkg} does not export ${missing.join(', ')} (yet)`);
  return module as T;
}

// ---------------------------------------------------------------- the reference's cases

/** One manifest entry (see test/reference/parquet_encodings.py). */
interface Case {
  name: string;
  encoding: string;
  physicalType: PhysicalType;
  typeLength?: number;
  bitWidth?: number;
  count: number;
  file: string;
  /** Values in the reference's JSON shape: numbers for BOOLEAN/INT32, strings otherwise. */
  expected: Array<number | string>;
  /** The encoded bytes, read from `file`. */
  bytes: Uint8Array;
}

const REFERENCE_DIR = fileURLToPath(new URL('../reference/', import.meta.url));
const SCRIPT = join(REFERENCE_DIR, 'parquet_encodings.py');
let workDir: string | undefined;
let cases: Case[] | undefined;
let batches = 0;

/** Runs python3 (from PATH; -B keeps __pycache__ out of the tree) with `args`; stderr on failure. */
function python(...args: string[]): string {
  try {
    return execFileSync('python3', ['-B', ...args], { cwd: REFERENCE_DIR, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`python3 ${args.join(' ')} failed (python3 3.11+ must be on PATH): ${String(error)}\n${stderr}`);
  }
}

/** Generates the cases once per run (the reference takes well under a second). */
function allCases(): Case[] {
  if (cases) return cases;
  workDir = mkdtempSync(join(tmpdir(), 'parquetry-reference-'));
  python(SCRIPT, 'generate', workDir);
  const manifest = JSON.parse(readFileSync(join(workDir, 'manifest.json'), 'utf8')) as { cases: Array<Omit<Case, 'bytes'>> };
  cases = manifest.cases.map((c) => ({ ...c, bytes: new Uint8Array(readFileSync(join(workDir!, c.file))) }));
  return cases;
}

function casesOf(...encodings: string[]): Case[] {
  const found = allCases().filter((c) => encodings.includes(c.encoding));
  assert.ok(found.length > 0, `the reference generated no ${encodings.join('/')} cases`);
  return found;
}

/** Results of the reference decoding Parquetry's bytes, strictly (decode-batch, one process). */
function referenceDecode(requests: Array<{ c: Case; bytes: Uint8Array }>): Map<string, { values?: Array<number | string>; error?: string }> {
  allCases();
  const tag = `${++batches}`;
  const listed = requests.map(({ c, bytes }, i) => {
    const file = `ours-${tag}-${i}.bin`;
    writeFileSync(join(workDir!, file), bytes);
    return { name: c.name, encoding: c.encoding, physicalType: c.physicalType, typeLength: c.typeLength, bitWidth: c.bitWidth, count: c.count, file };
  });
  const requestFile = join(workDir!, `request-${tag}.json`);
  const resultFile = join(workDir!, `result-${tag}.json`);
  writeFileSync(requestFile, JSON.stringify(listed));
  python(SCRIPT, 'decode-batch', requestFile, resultFile);
  const results = JSON.parse(readFileSync(resultFile, 'utf8')) as Array<{ name: string; values?: Array<number | string>; error?: string }>;
  return new Map(results.map((r) => [r.name, r]));
}

// ---------------------------------------------------------------- values in one comparable form

const hexByte = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
function hexOf(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let s = '';
  for (let i = start; i < end; i++) s += hexByte[bytes[i]];
  return s;
}
function bytesOfHex(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function valueWidth(c: Case): number {
  const widths: Partial<Record<PhysicalType, number>> = { INT32: 4, INT64: 8, INT96: 12, FLOAT: 4, DOUBLE: 8 };
  return c.physicalType === 'FIXED_LEN_BYTE_ARRAY' ? c.typeLength! : widths[c.physicalType]!;
}

function kindCheck(values: unknown, kind: { name: string; prototype: object }, c: Case): void {
  if (!(values instanceof (kind as unknown as new () => object))) {
    throw new Error(`${c.physicalType} decoded to ${Object.prototype.toString.call(values)}, expected ${kind.name}`);
  }
}

/** A decoded column (the PlainValues shape) as one string per value, in the reference's JSON form. */
function canonical(c: Case, values: PlainValues): string[] {
  const out: string[] = [];
  switch (c.physicalType) {
    case 'BOOLEAN':
    case 'INT32':
    case 'INT64': {
      kindCheck(values, { BOOLEAN: Uint8Array, INT32: Int32Array, INT64: BigInt64Array }[c.physicalType], c);
      for (const v of values as Uint8Array | Int32Array | BigInt64Array) out.push(String(v));
      return out;
    }
    case 'FLOAT':
    case 'DOUBLE': {
      const double = c.physicalType === 'DOUBLE';
      kindCheck(values, double ? Float64Array : Float32Array, c);
      const array = values as Float32Array | Float64Array;
      // the bits as stored, never through a JS number (which may quiet a signalling NaN)
      const bits = double ? new BigUint64Array(array.buffer, array.byteOffset, array.length) : new Uint32Array(array.buffer, array.byteOffset, array.length);
      for (const b of bits) out.push(b.toString(16).padStart(double ? 16 : 8, '0'));
      return out;
    }
    case 'INT96':
    case 'FIXED_LEN_BYTE_ARRAY': {
      kindCheck(values, Uint8Array, c);
      const bytes = values as Uint8Array;
      const width = valueWidth(c);
      if (bytes.length % width !== 0) throw new Error(`${bytes.length} bytes are not whole ${width}-byte values`);
      for (let p = 0; p < bytes.length; p += width) out.push(hexOf(bytes, p, p + width));
      return out;
    }
    case 'BYTE_ARRAY':
      return canonicalByteArrays(values as ByteArrays);
  }
}

function canonicalByteArrays(values: ByteArrays): string[] {
  if (!(values?.offsets instanceof Int32Array) || !(values.bytes instanceof Uint8Array)) {
    throw new Error(`decoded to ${Object.prototype.toString.call(values)}, expected { offsets: Int32Array, bytes: Uint8Array }`);
  }
  const out: string[] = [];
  for (let i = 0; i + 1 < values.offsets.length; i++) out.push(hexOf(values.bytes, values.offsets[i], values.offsets[i + 1]));
  return out;
}

/** PLAIN-layout bytes (what BYTE_STREAM_SPLIT decodes to) as one string per value. */
function canonicalPlainBytes(c: Case, bytes: Uint8Array): string[] {
  if (c.physicalType === 'FIXED_LEN_BYTE_ARRAY') return canonical(c, bytes);
  const width = valueWidth(c);
  if (bytes.length % width !== 0) throw new Error(`${bytes.length} bytes are not whole ${width}-byte values`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: string[] = [];
  for (let p = 0; p < bytes.length; p += width) {
    if (c.physicalType === 'INT32') out.push(String(view.getInt32(p, true)));
    else if (c.physicalType === 'INT64') out.push(String(view.getBigInt64(p, true)));
    else if (c.physicalType === 'FLOAT') out.push(view.getUint32(p, true).toString(16).padStart(8, '0'));
    else out.push(view.getBigUint64(p, true).toString(16).padStart(16, '0'));
  }
  return out;
}

/** The expected values as Parquetry's encoders take them (bit patterns copied, never converted). */
function toPlainValues(c: Case): PlainValues {
  const e = c.expected;
  switch (c.physicalType) {
    case 'BOOLEAN':
      return Uint8Array.from(e as number[]);
    case 'INT32':
      return Int32Array.from(e as number[]);
    case 'INT64':
      return BigInt64Array.from(e as string[], (s) => BigInt(s));
    case 'FLOAT':
      return new Float32Array(Uint32Array.from(e as string[], (s) => parseInt(s, 16)).buffer);
    case 'DOUBLE':
      return new Float64Array(BigUint64Array.from(e as string[], (s) => BigInt(`0x${s}`)).buffer);
    case 'INT96':
    case 'FIXED_LEN_BYTE_ARRAY':
      return bytesOfHex((e as string[]).join(''));
    case 'BYTE_ARRAY':
      return toByteArrays(c);
  }
}

function toByteArrays(c: Case): ByteArrays {
  const offsets = new Int32Array(c.expected.length + 1);
  c.expected.forEach((h, i) => (offsets[i + 1] = offsets[i] + (h as string).length / 2));
  return { offsets, bytes: bytesOfHex((c.expected as string[]).join('')) };
}

/** PLAIN-layout bytes of the expected values (little endian, as BYTE_STREAM_SPLIT takes them). */
function toPlainBytes(c: Case): Uint8Array {
  const values = toPlainValues(c) as Exclude<PlainValues, ByteArrays>;
  return new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
}

// ---------------------------------------------------------------- checking and reporting

function shorten(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}... (${s.length / 2} bytes)` : s;
}

/** Undefined when equal; otherwise where they first differ. */
function difference(actual: string[], expected: Array<number | string>): string | undefined {
  const n = Math.min(actual.length, expected.length);
  for (let i = 0; i < n; i++) {
    if (actual[i] !== String(expected[i])) return `first difference at index ${i}: got ${shorten(actual[i])}, expected ${shorten(String(expected[i]))}`;
  }
  return actual.length === expected.length ? undefined : `got ${actual.length} values, expected ${expected.length}`;
}

function describe(error: unknown): string {
  const e = error as { name?: string; code?: string; message?: string };
  return e && e.message ? `${e.name ?? 'Error'}${e.code ? ` ${e.code}` : ''}: ${e.message}` : String(error);
}

/** Runs `check` on every case; returns one line per failing case (a throw counts). */
function collect(what: string, list: Case[], check: (c: Case) => string | undefined): string[] {
  const failures: string[] = [];
  for (const c of list) {
    try {
      const problem = check(c);
      if (problem) failures.push(`${what} ${c.name}: ${problem}`);
    } catch (error) {
      failures.push(`${what} ${c.name}: threw ${describe(error)}`);
    }
  }
  return failures;
}

/** Encodes every case with `encode` and has the reference decode the bytes strictly (one python
 * process for all); `exactBytes` where the encoding leaves a writer no choice (PLAIN, BSS). */
function collectEncoder(what: string, list: Case[], encode: (c: Case) => Uint8Array, exactBytes = false): string[] {
  const encoded: Array<{ c: Case; bytes: Uint8Array }> = [];
  const problems = new Map<string, string>();
  for (const c of list) {
    try {
      const bytes = encode(c);
      if (exactBytes && hexOf(bytes) !== hexOf(c.bytes)) problems.set(c.name, `bytes differ from the reference's (${bytes.length} vs ${c.bytes.length} bytes)`);
      encoded.push({ c, bytes });
    } catch (error) {
      problems.set(c.name, `threw ${describe(error)}`);
    }
  }
  const results = encoded.length > 0 ? referenceDecode(encoded) : new Map<string, { values?: Array<number | string>; error?: string }>();
  return collect(what, list, (c) => {
    if (problems.has(c.name)) return problems.get(c.name);
    const result = results.get(c.name);
    if (!result) return 'the reference returned nothing';
    if (result.error !== undefined) return `the reference rejects our bytes: ${result.error}`;
    return difference(result.values!.map(String), c.expected);
  });
}

/** Fails once, listing the first failures of every check in the test (decoders and encoders). */
function report(list: Case[], ...failureGroups: string[][]): void {
  const failures = failureGroups.flat();
  if (failures.length === 0) return;
  const shown = failures.slice(0, 20).join('\n    ');
  assert.unreachable(`${failures.length} failures over ${list.length} cases:\n    ${shown}${failures.length > 20 ? '\n    ...' : ''}`);
}

// ---------------------------------------------------------------- the tests

const test = suite('encodings vs Python reference');

test.after(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

test('the reference generates cases for every encoding', () => {
  const encodings = new Set(allCases().map((c) => c.encoding));
  for (const e of ['PLAIN', 'RLE', 'RLE_DICTIONARY', 'DELTA_BINARY_PACKED', 'DELTA_LENGTH_BYTE_ARRAY', 'DELTA_BYTE_ARRAY', 'BYTE_STREAM_SPLIT']) {
    assert.ok(encodings.has(e), `no ${e} cases`);
  }
});

test('the reference passes its own tests (the spec examples byte for byte, strictness, the CLI)', () => {
  python('-m', 'unittest', '-q', 'test_parquet_reference');
});

test('RLE/bit-packing hybrid: decodeRleHybrid reads the reference, the reference reads encodeRleHybrid', async () => {
  const rle = await api<RleApi>('@parquetry/rle', () => import('@parquetry/rle'), ['encodeRleHybrid', 'decodeRleHybrid']);
  const list = casesOf('RLE');
  report(
    list,
    collect('decodeRleHybrid', list, (c) => difference(canonical(c, rle.decodeRleHybrid(c.bytes, c.bitWidth!, c.count)), c.expected)),
    // into a reused, dirty output array: every value overwritten
    collect('decodeRleHybrid(out)', list, (c) => {
      const out = new Int32Array(c.count).fill(0x5a5a5a5a);
      return difference(canonical(c, rle.decodeRleHybrid(c.bytes, c.bitWidth!, c.count, out)), c.expected);
    }),
    collectEncoder('encodeRleHybrid', list, (c) => rle.encodeRleHybrid(Int32Array.from(c.expected as number[]), c.bitWidth!)),
  );
});

test('PLAIN: decodePlain reads the reference, encodePlain writes its exact bytes', async () => {
  const plain = await api<PlainApi>('@parquetry/plain', () => import('@parquetry/plain'), ['encodePlain', 'decodePlain']);
  const list = casesOf('PLAIN');
  report(
    list,
    collect('decodePlain', list, (c) => difference(canonical(c, plain.decodePlain(c.physicalType, c.bytes, c.count, c.typeLength)), c.expected)),
    collectEncoder('encodePlain', list, (c) => plain.encodePlain(c.physicalType, toPlainValues(c), c.typeLength), true),
  );
});

test('dictionary: decodeDictionaryIndices and decodeDictionaryPage read the reference', async () => {
  const dictionary = await api<DictionaryApi>('@parquetry/dictionary', () => import('@parquetry/dictionary'), ['decodeDictionaryIndices', 'decodeDictionaryPage']);
  const indices = casesOf('RLE_DICTIONARY');
  // a dictionary page is PLAIN, for every physical type (Encodings.md, "Dictionary Encoding")
  const pages = casesOf('PLAIN');
  report(
    [...indices, ...pages],
    collect('decodeDictionaryIndices', indices, (c) => difference(canonical(c, dictionary.decodeDictionaryIndices(c.bytes, c.count)), c.expected)),
    collect('decodeDictionaryPage', pages, (c) =>
      difference(canonical(c, dictionary.decodeDictionaryPage(c.physicalType, c.bytes, c.count, c.typeLength)), c.expected),
    ),
  );
});

test('dictionary: the reference reads encodeDictionaryIndices', async () => {
  const dictionary = await api<DictionaryApi>('@parquetry/dictionary', () => import('@parquetry/dictionary'), ['encodeDictionaryIndices']);
  // Each case's indices as a dictionary of the smallest size they fit. A dictionary holds at most
  // 2**31 - 1 entries (an Int32 index), so the width-31/32 cases with larger indices are decode-only.
  const sizeOf = (c: Case) => (c.expected as number[]).reduce((max, i) => Math.max(max, (i >>> 0) + 1), 1);
  const list = casesOf('RLE_DICTIONARY').filter((c) => sizeOf(c) <= 2 ** 31 - 1);
  report(
    list,
    collectEncoder('encodeDictionaryIndices', list, (c) => dictionary.encodeDictionaryIndices(Int32Array.from(c.expected as number[]), sizeOf(c))),
  );
});

test('DELTA_BINARY_PACKED: decodeDeltaBinaryPacked reads the reference, the reference reads encodeDeltaBinaryPacked', async () => {
  const delta = await api<DeltaApi>('@parquetry/delta', () => import('@parquetry/delta'), ['encodeDeltaBinaryPacked', 'decodeDeltaBinaryPacked']);
  const list = casesOf('DELTA_BINARY_PACKED');
  report(
    list,
    collect('decodeDeltaBinaryPacked', list, (c) =>
      difference(canonical(c, delta.decodeDeltaBinaryPacked(c.bytes, c.physicalType as 'INT32' | 'INT64')), c.expected),
    ),
    collectEncoder('encodeDeltaBinaryPacked', list, (c) => delta.encodeDeltaBinaryPacked(toPlainValues(c) as Int32Array | BigInt64Array)),
  );
});

test('DELTA_LENGTH_BYTE_ARRAY: decode reads the reference, the reference reads encode', async () => {
  const delta = await api<DeltaApi>('@parquetry/delta', () => import('@parquetry/delta'), ['encodeDeltaLengthByteArray', 'decodeDeltaLengthByteArray']);
  const list = casesOf('DELTA_LENGTH_BYTE_ARRAY');
  report(
    list,
    collect('decodeDeltaLengthByteArray', list, (c) => difference(canonicalByteArrays(delta.decodeDeltaLengthByteArray(c.bytes, c.count)), c.expected)),
    collectEncoder('encodeDeltaLengthByteArray', list, (c) => delta.encodeDeltaLengthByteArray(toByteArrays(c))),
  );
});

test('DELTA_BYTE_ARRAY: decode reads the reference (BYTE_ARRAY and FIXED_LEN_BYTE_ARRAY), the reference reads encode', async () => {
  const delta = await api<DeltaApi>('@parquetry/delta', () => import('@parquetry/delta'), ['encodeDeltaByteArray', 'decodeDeltaByteArray']);
  const list = casesOf('DELTA_BYTE_ARRAY');
  report(
    list,
    collect('decodeDeltaByteArray', list, (c) => difference(canonicalByteArrays(delta.decodeDeltaByteArray(c.bytes, c.count)), c.expected)),
    collectEncoder('encodeDeltaByteArray', list, (c) => delta.encodeDeltaByteArray(toByteArrays(c))),
  );
});

test('BYTE_STREAM_SPLIT: decode reads the reference, encode writes its exact bytes', async () => {
  const bss = await api<ByteStreamSplitApi>('@parquetry/byte-stream-split', () => import('@parquetry/byte-stream-split'), ['encodeByteStreamSplit', 'decodeByteStreamSplit']);
  const list = casesOf('BYTE_STREAM_SPLIT');
  report(
    list,
    collect('decodeByteStreamSplit', list, (c) => difference(canonicalPlainBytes(c, bss.decodeByteStreamSplit(c.bytes, valueWidth(c))), c.expected)),
    collectEncoder('encodeByteStreamSplit', list, (c) => bss.encodeByteStreamSplit(toPlainBytes(c), valueWidth(c)), true),
  );
});

test.run();
