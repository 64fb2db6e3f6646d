// Joins the values of a chunk's pages into one PLAIN-shaped value set.
import type { ByteArrays, PhysicalType } from '@parquetry/core';
import type { PlainValues } from '@parquetry/plain';

function isByteArrays(v: PlainValues): v is ByteArrays {
  return 'offsets' in v;
}

export function emptyValues(type: PhysicalType): PlainValues {
  switch (type) {
    case 'INT32':
      return new Int32Array(0);
    case 'INT64':
      return new BigInt64Array(0);
    case 'FLOAT':
      return new Float32Array(0);
    case 'DOUBLE':
      return new Float64Array(0);
    case 'BYTE_ARRAY':
      return { offsets: new Int32Array(1), bytes: new Uint8Array(0) };
    default:
      return new Uint8Array(0);
  }
}

export function concatValues(type: PhysicalType, parts: PlainValues[]): PlainValues {
  if (parts.length === 0) return emptyValues(type);
  if (parts.length === 1) return parts[0];
  if (isByteArrays(parts[0])) {
    const arrays = parts as ByteArrays[];
    let count = 0;
    let size = 0;
    for (const p of arrays) {
      count += p.offsets.length - 1;
      size += p.offsets[p.offsets.length - 1] - p.offsets[0];
    }
    const offsets = new Int32Array(count + 1);
    const bytes = new Uint8Array(size);
    let at = 0;
    let n = 0;
    for (const p of arrays) {
      const base = p.offsets[0];
      const end = p.offsets[p.offsets.length - 1];
      bytes.set(p.bytes.subarray(base, end), at);
      for (let i = 1; i < p.offsets.length; i++) offsets[++n] = at + p.offsets[i] - base;
      at += end - base;
    }
    return { offsets, bytes };
  }
  const typed = parts as Array<Exclude<PlainValues, ByteArrays>>;
  const total = typed.reduce((s, p) => s + p.length, 0);
  const Ctor = typed[0].constructor as new (n: number) => Exclude<PlainValues, ByteArrays>;
  const out = new Ctor(total);
  let at = 0;
  for (const p of typed) {
    (out as Uint8Array).set(p as Uint8Array, at);
    at += p.length;
  }
  return out;
}
