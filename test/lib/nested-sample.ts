// The nested sample of the writer tests: a schema with lists, structs and maps at several depths
// and the logical types, and deterministic rows with nulls, empty lists and maps, and null
// elements at every level (shared by writer-nested.node.ts and write-fixture.ts).
import type { Row } from '@parquetry/parquet';
import {
  Binary,
  Bool,
  DateDay,
  Decimal,
  Field,
  FixedSizeBinary,
  Float16,
  Float64,
  Int16,
  Int32,
  Int64,
  List,
  Map_,
  Schema,
  Struct,
  TimeMicrosecond,
  TimestampMicrosecond,
  TimestampNanosecond,
  Uint64,
  Uint8,
  Utf8,
} from 'apache-arrow';
import { rng } from './random.js';

export const f = (name: string, type: unknown, nullable = true) => new Field(name, type as never, nullable);
export const SCHEMA = new Schema([
  f('id', new Int64(), false),
  f('tags', new List(f('item', new Utf8()))),
  f('matrix', new List(f('row', new List(f('v', new Int32(), false)))), false),
  f('point', new Struct([f('x', new Float64(), false), f('y', new Float64()), f('labels', new List(f('l', new Utf8(), false)))])),
  f('attrs', new Map_(f('entries', new Struct([f('key', new Utf8(), false), f('value', new Int64())]), false))),
  f('events', new List(f('e', new Struct([f('ts', new TimestampMicrosecond(), false), f('kind', new Utf8())])))),
  f('price', new Decimal(2, 9, 128)),
  f('big', new Decimal(4, 30, 128)),
  f('half', new Float16()),
  f('day', new DateDay()),
  f('tod', new TimeMicrosecond()),
  f('ns', new TimestampNanosecond()),
  f('raw', new Binary()),
  f('fixed', new FixedSizeBinary(4)),
  f('tiny', new Uint8()),
  f('small', new Int16(), false),
  f('huge', new Uint64()),
  f('flag', new Bool()),
]);

/** Rows with nulls, empty lists and maps, and null elements at every level. */
export function sampleRows(n: number, seed: number, from = 0): Row[] {
  const next = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)];
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    const m = i % 6;
    return {
      id: BigInt(i) * 1_000_003n - 7n,
      tags: m === 0 ? null : m === 1 ? [] : m === 2 ? ['a', null, 'b'] : [`t${i % 13}`, pick(['x', 'y', 'ü'])],
      matrix: m === 3 ? [] : [[i, -i], m === 4 ? null : [], [7]].slice(0, 1 + (i % 3)),
      point: m === 5 ? null : { x: i / 3, y: m === 2 ? null : -i, labels: m === 1 ? null : m === 2 ? [] : ['p', `q${i % 4}`] },
      attrs: m === 0 ? null : m === 1 ? new Map() : new Map<string, bigint | null>([['k1', BigInt(i)], [`k${i % 5}x`, m === 2 ? null : -5n]]),
      events: m === 4 ? null : Array.from({ length: i % 4 }, (_, e) => (e === 1 && m === 3 ? null : { ts: Date.UTC(2026, 0, 1) + i * 1000 + e, kind: e === 2 ? null : pick(['view', 'click']) })),
      price: m === 1 ? null : BigInt(i * 101 - 50_000),
      big: m === 2 ? null : 10n ** 29n - BigInt(i) * 7919n * (i % 2 ? 1n : -1n),
      half: m === 3 ? null : pick([0.5, -2, 65504, 1 / 1024, -0]),
      day: m === 4 ? null : new Date(Date.UTC(1969 + (i % 60), i % 12, 1 + (i % 28))),
      tod: m === 5 ? null : BigInt(i) * 1_000_003n % 86_400_000_000n,
      ns: m === 0 ? null : Date.UTC(2000, 0, 1) + i * 17,
      raw: m === 1 ? null : new Uint8Array([i & 255, 0, 255].slice(0, i % 4)),
      fixed: m === 2 ? null : new Uint8Array([i & 255, (i >> 8) & 255, 1, 2]),
      tiny: m === 3 ? null : i % 256,
      small: (i % 65536) - 32768,
      huge: m === 4 ? null : 2n ** 64n - 1n - BigInt(i),
      flag: m === 5 ? null : i % 3 === 0,
    };
  });
}

