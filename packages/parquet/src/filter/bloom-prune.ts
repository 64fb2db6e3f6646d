// Row-group pruning by bloom filters: an `eq` or `in` on a column with a bloom filter rules the
// row group out when none of the values can be in it. Filters are fetched only when a predicate
// can use them, each with one read (two when the writer left out bloom_filter_length).
import { decodeBloomFilter, hashValue } from '@parquetry/bloom';
import { ParquetryError } from '@parquetry/core';
import { BloomFilterHeader, decodeStruct, listAt } from '@parquetry/thrift';
import type { ParquetFile } from '../read/parquet-file.js';
import type { LeafNode } from '../schema/parquet-schema.js';
import { leafOrder, predicateValue } from './column-order.js';
import type { Predicate, Scalar } from './predicate.js';
import { findLeaf } from './prune.js';

/** Bytes read first when a filter's length is unknown: enough for any header. */
const HEADER_GUESS = 64;

type Filter = ReturnType<typeof decodeBloomFilter>['filter'];

async function loadFilter(file: ParquetFile, rowGroup: number, leaf: LeafNode): Promise<Filter | undefined> {
  const meta = listAt(file.metadata.row_groups[rowGroup].columns, leaf.columnIndex).meta_data;
  const offset = meta?.bloom_filter_offset;
  if (offset === undefined || offset < 4 || offset >= file.source.size) return undefined;
  let length = meta?.bloom_filter_length;
  if (length === undefined) {
    const head = await file.source.read(offset, Math.min(HEADER_GUESS, file.source.size - offset));
    const { value, end } = decodeStruct(BloomFilterHeader, head);
    length = end + value.numBytes;
  }
  if (length <= 0 || offset + length > file.source.size) throw new ParquetryError('CORRUPT', `bloom filter ${offset}+${length} lies outside the file`, { columnPath: leaf.path.join('.') });
  return decodeBloomFilter(await file.source.read(offset, length)).filter;
}

/** The value as the column stores it, for hashing (undefined: the filter cannot be asked). */
function storedValue(leaf: LeafNode, value: Scalar): number | bigint | Uint8Array | undefined {
  const order = leafOrder(leaf);
  if (order === 'none' || order === 'boolean') return undefined;
  const v = predicateValue(leaf, order, value);
  if (leaf.physicalType === 'INT32') return Number(v) | 0;
  if (leaf.physicalType === 'INT64') return BigInt.asIntN(64, v as bigint);
  return v as number | Uint8Array;
}

export async function bloomMayMatch(file: ParquetFile, rowGroup: number, predicate: Predicate, cache = new Map<LeafNode, Filter | undefined>()): Promise<boolean> {
  switch (predicate.op) {
    case 'and':
      for (const p of predicate.predicates) if (!(await bloomMayMatch(file, rowGroup, p, cache))) return false;
      return true;
    case 'or':
      for (const p of predicate.predicates) if (await bloomMayMatch(file, rowGroup, p, cache)) return true;
      return false;
    case 'eq':
    case 'in': {
      const leaf = findLeaf(file, predicate.column);
      const values: readonly Scalar[] = predicate.op === 'in' ? predicate.values : [predicate.value];
      const stored = values.map((v) => storedValue(leaf, v));
      if (stored.some((v) => v === undefined || (typeof v === 'number' && Number.isNaN(v)))) return true;
      if (!cache.has(leaf)) cache.set(leaf, await loadFilter(file, rowGroup, leaf));
      const filter = cache.get(leaf);
      if (!filter) return true;
      return stored.some((v) => filter.checkHash(hashValue(leaf.physicalType, v!, leaf.typeLength)));
    }
    default:
      return true;
  }
}
