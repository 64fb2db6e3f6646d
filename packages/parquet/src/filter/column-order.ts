// How a leaf's values order, for comparing statistics with predicate values: the sort order
// parquet.thrift's ColumnOrder defines per logical/physical type.
import { ParquetryError } from '@parquetry/core';
import type { LeafNode } from '../schema/parquet-schema.js';
import type { Scalar } from './predicate.js';

export type Comparable = number | bigint | Uint8Array | boolean;
export type Order = 'signed' | 'unsigned' | 'float' | 'bytes' | 'boolean' | 'none';

export function leafOrder(leaf: LeafNode): Order {
  const l = leaf.logicalType;
  const c = leaf.convertedType;
  if (l?.DECIMAL || c === 'DECIMAL') return leaf.physicalType === 'INT32' || leaf.physicalType === 'INT64' ? 'signed' : 'none';
  if (l?.INTEGER) return l.INTEGER.isSigned ? 'signed' : 'unsigned';
  if (c?.startsWith('UINT')) return 'unsigned';
  if (c === 'INTERVAL' || l?.FLOAT16 || l?.UUID) return l?.UUID ? 'bytes' : 'none';
  switch (leaf.physicalType) {
    case 'BOOLEAN':
      return 'boolean';
    case 'INT32':
    case 'INT64':
      return 'signed';
    case 'FLOAT':
    case 'DOUBLE':
      return 'float';
    case 'BYTE_ARRAY':
    case 'FIXED_LEN_BYTE_ARRAY':
      return 'bytes';
    default:
      return 'none';
  }
}

/** Decodes a statistics value (PLAIN without a length prefix) into a comparable. */
export function statValue(leaf: LeafNode, order: Order, bytes: Uint8Array): Comparable | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (leaf.physicalType) {
    case 'BOOLEAN':
      return bytes.length >= 1 ? bytes[0] !== 0 : undefined;
    case 'INT32':
      if (bytes.length !== 4) return undefined;
      return order === 'unsigned' ? view.getUint32(0, true) : view.getInt32(0, true);
    case 'INT64':
      if (bytes.length !== 8) return undefined;
      return order === 'unsigned' ? view.getBigUint64(0, true) : view.getBigInt64(0, true);
    case 'FLOAT':
      return bytes.length === 4 ? view.getFloat32(0, true) : undefined;
    case 'DOUBLE':
      return bytes.length === 8 ? view.getFloat64(0, true) : undefined;
    default:
      return bytes;
  }
}

const encoder = new TextEncoder();

/** A predicate value as a comparable of the leaf's order; INVALID_ARGUMENT when it cannot be. */
export function predicateValue(leaf: LeafNode, order: Order, value: Scalar): Comparable {
  const fail = (): never => {
    throw new ParquetryError('INVALID_ARGUMENT', `filter value ${String(value)} does not fit column ${leaf.path.join('.')} (${leaf.physicalType})`);
  };
  switch (order) {
    case 'boolean':
      return typeof value === 'boolean' ? value : fail();
    case 'signed':
    case 'unsigned':
      if (leaf.physicalType === 'INT64') {
        if (typeof value === 'bigint') return value;
        return typeof value === 'number' && Number.isInteger(value) ? BigInt(value) : fail();
      }
      if (typeof value === 'number') return value;
      return typeof value === 'bigint' ? Number(value) : fail();
    case 'float':
      return typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : fail();
    case 'bytes':
      return typeof value === 'string' ? encoder.encode(value) : value instanceof Uint8Array ? value : fail();
    default:
      return fail();
  }
}

/** Compares two comparables of one order: negative, zero or positive. */
export function compare(a: Comparable, b: Comparable): number {
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
    return a.length - b.length;
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
