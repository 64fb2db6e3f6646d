// The present values of an Arrow leaf as PLAIN-shaped values of its Parquet type: a view over the
// Arrow buffers where they already are that (required INT32/INT64/FLOAT/DOUBLE), a gather of the
// present elements otherwise, with the conversions parquet-type.ts names. Values that do not fit
// their Parquet type (a decimal past its precision, seconds that overflow as milliseconds) are
// INVALID_ARGUMENT, before anything is written.
import { ParquetryError, type ByteArrays } from '@parquetry/core';
import type { PlainValues } from '@parquetry/plain';
import type { Data } from 'apache-arrow';
import type { WriteLeafType } from './parquet-type.js';

type Ints = Int8Array | Int16Array | Int32Array | Uint8Array | Uint16Array | Uint32Array;

const MS_PER_DAY = 86_400_000;
const NS_PER_DAY = 86_400_000_000_000n;
const JULIAN_UNIX_EPOCH = 2_440_588;
const I64_MAX = 2n ** 63n - 1n;

function gather<T extends Int32Array | BigInt64Array | Float32Array | Float64Array | Uint16Array>(src: T, indices: Int32Array | undefined, count: number): T {
  if (!indices) return src.subarray(0, count) as T;
  const out = new (src.constructor as new (n: number) => T)(count);
  for (let k = 0; k < count; k++) out[k] = src[indices[k]];
  return out;
}

function fail(path: string, detail: string): never {
  throw new ParquetryError('INVALID_ARGUMENT', `column ${path}: ${detail}`, { columnPath: path });
}

function byteArrays(data: Data, indices: Int32Array | undefined, count: number, path: string): ByteArrays {
  const raw = data.valueOffsets as unknown as Int32Array | BigInt64Array;
  const src = data.values as Uint8Array;
  if (!indices && raw instanceof Int32Array) {
    const base = raw[0];
    const offsets = base === 0 ? raw.subarray(0, count + 1) : raw.slice(0, count + 1).map((o) => o - base);
    return { offsets, bytes: src.subarray(base, raw[count]) };
  }
  // 32-bit offsets read directly; 64-bit ones narrowed once.
  const src32 = raw instanceof Int32Array ? raw : Int32Array.from(raw, (o) => (o > 0x7fffffffn ? fail(path, 'a large binary offset past 2 GiB') : Number(o)));
  const offsets = new Int32Array(count + 1);
  let size = 0;
  for (let k = 0; k < count; k++) {
    const i = indices ? indices[k] : k;
    size += src32[i + 1] - src32[i];
    if (size > 2 ** 31 - 1) fail(path, 'more than 2 GiB of byte arrays in one row group; lower rowGroupSize');
    offsets[k + 1] = size;
  }
  const bytes = new Uint8Array(size);
  for (let k = 0; k < count; k++) {
    const i = indices ? indices[k] : k;
    const a = src32[i];
    const b = src32[i + 1];
    const at = offsets[k];
    if (b - a <= 16) for (let j = a; j < b; j++) bytes[at + j - a] = src[j];
    else bytes.set(src.subarray(a, b), at);
  }
  return { offsets, bytes };
}

function decimals(type: WriteLeafType, data: Data, indices: Int32Array | undefined, count: number, path: string): PlainValues {
  const words = data.values as Uint32Array;
  const per = ((data.type as unknown as { bitWidth?: number }).bitWidth ?? 128) / 32;
  const precision = type.precision!;
  const limit = 10n ** BigInt(precision);
  const value = (i: number): bigint => {
    let v = 0n;
    for (let w = per - 1; w >= 0; w--) v = (v << 32n) | BigInt(words[i * per + w]);
    v = BigInt.asIntN(per * 32, v);
    if (v >= limit || v <= -limit) fail(path, `decimal ${v} (unscaled) does not fit precision ${precision}`);
    return v;
  };
  if (type.physical === 'INT32' || type.physical === 'INT64') {
    const out = type.physical === 'INT32' ? new Int32Array(count) : new BigInt64Array(count);
    for (let k = 0; k < count; k++) {
      const v = value(indices ? indices[k] : k);
      if (out instanceof Int32Array) out[k] = Number(v);
      else out[k] = v;
    }
    return out;
  }
  const width = type.typeLength!;
  const out = new Uint8Array(count * width);
  for (let k = 0; k < count; k++) {
    let v = value(indices ? indices[k] : k);
    for (let b = width - 1; b >= 0; b--) {
      out[k * width + b] = Number(v & 0xffn);
      v >>= 8n;
    }
  }
  return out;
}

/** Dictionary-typed data: the present keys mapped to rows of the dictionary, read from there. */
function undictionary(type: WriteLeafType, data: Data, indices: Int32Array | undefined, count: number, path: string): PlainValues {
  const chunks = data.dictionary?.data ?? [];
  if (chunks.length !== 1) throw new ParquetryError('UNSUPPORTED', `column ${path}: a dictionary in ${chunks.length} chunks`, { columnPath: path });
  const dictionary = chunks[0];
  const keys = data.values as Int32Array | Int8Array | Int16Array | Uint8Array | Uint16Array | Uint32Array | BigInt64Array;
  const rows = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    const key = Number(keys[indices ? indices[k] : k]);
    if (!(key >= 0 && key < dictionary.length)) fail(path, `dictionary key ${key} is outside its ${dictionary.length} values`);
    rows[k] = key;
  }
  return leafValues(type, dictionary, rows, count, path);
}

export function leafValues(type: WriteLeafType, data: Data, indices: Int32Array | undefined, count: number, path: string): PlainValues {
  if (data.dictionary) return undictionary(type, data, indices, count, path);
  switch (type.conversion) {
    case 'null':
      return new Int32Array(0);
    case 'bool': {
      const bits = data.values as Uint8Array;
      const out = new Uint8Array(count);
      for (let k = 0; k < count; k++) {
        const at = data.offset + (indices ? indices[k] : k);
        out[k] = (bits[at >> 3] >> (at & 7)) & 1;
      }
      return out;
    }
    case 'int32':
      return gather(data.values as Int32Array, indices, count);
    case 'narrow': {
      const src = data.values as Ints;
      const out = new Int32Array(count);
      for (let k = 0; k < count; k++) out[k] = src[indices ? indices[k] : k] | 0;
      return out;
    }
    case 'time32s': {
      const src = data.values as Int32Array;
      const out = new Int32Array(count);
      for (let k = 0; k < count; k++) {
        const ms = src[indices ? indices[k] : k] * 1000;
        if (ms !== (ms | 0)) fail(path, `time of ${ms / 1000} s does not fit INT32 milliseconds`);
        out[k] = ms;
      }
      return out;
    }
    case 'int64': {
      const src = data.values as BigInt64Array | BigUint64Array;
      const signed = src instanceof BigInt64Array ? src : new BigInt64Array(src.buffer, src.byteOffset, src.length);
      return gather(signed, indices, count);
    }
    case 'seconds': {
      const src = data.values as BigInt64Array;
      const out = new BigInt64Array(count);
      for (let k = 0; k < count; k++) {
        const s = src[indices ? indices[k] : k];
        if (s * 1000n > I64_MAX || s * 1000n < -I64_MAX - 1n) fail(path, `timestamp ${s} s overflows INT64 milliseconds`);
        out[k] = s * 1000n;
      }
      return out;
    }
    case 'date64': {
      const src = data.values as BigInt64Array;
      const out = new Int32Array(count);
      for (let k = 0; k < count; k++) out[k] = Math.floor(Number(src[indices ? indices[k] : k]) / MS_PER_DAY);
      return out;
    }
    case 'int96': {
      const src = data.values as BigInt64Array;
      const out = new Uint8Array(count * 12);
      const view = new DataView(out.buffer);
      for (let k = 0; k < count; k++) {
        const ns = src[indices ? indices[k] : k];
        let days = ns / NS_PER_DAY;
        if (ns % NS_PER_DAY < 0n) days -= 1n;
        view.setBigInt64(k * 12, ns - days * NS_PER_DAY, true);
        view.setInt32(k * 12 + 8, Number(days) + JULIAN_UNIX_EPOCH, true);
      }
      return out;
    }
    case 'float':
      return gather(data.values as Float32Array | Float64Array, indices, count);
    case 'float16': {
      const words = gather(data.values as Uint16Array, indices, count);
      return new Uint8Array(words.buffer, words.byteOffset, count * 2);
    }
    case 'decimal':
      return decimals(type, data, indices, count, path);
    case 'binary':
    case 'large-binary':
      return byteArrays(data, indices, count, path);
    case 'fixed': {
      const width = type.physical === 'INT96' ? 12 : type.typeLength!;
      const src = data.values as Uint8Array;
      if (!indices) return src.subarray(0, count * width);
      const out = new Uint8Array(count * width);
      for (let k = 0; k < count; k++) out.set(src.subarray(indices[k] * width, (indices[k] + 1) * width), k * width);
      return out;
    }
  }
}
