// Row-group pruning: whether a row group's statistics allow any row to satisfy a predicate. The
// answer errs towards "may": missing, unusable or untrustworthy statistics never prune.
import { ParquetryError } from '@parquetry/core';
import { listAt } from '@parquetry/thrift';
import type { ParquetFile } from '../read/parquet-file.js';
import { pathString, type LeafNode } from '../schema/parquet-schema.js';
import { compare, leafOrder, predicateValue, statValue, type Comparable, type Order } from './column-order.js';
import type { Predicate, Scalar } from './predicate.js';

export interface ChunkStats {
  leaf: LeafNode;
  order: Order;
  min: Comparable | undefined;
  max: Comparable | undefined;
  nullCount: number | undefined;
  numValues: number;
  /** Whether min and max are actual values (not truncated bounds). */
  exact: boolean;
  /** Known to hold only nulls (a page index's null_pages), when that is said directly. */
  allNull?: boolean;
}

/** Each file's leaves by dotted path, built on the first lookup (pruning asks once per row group and page). */
const leavesByPath = new WeakMap<ParquetFile, Map<string, LeafNode>>();

export function findLeaf(file: ParquetFile, column: string): LeafNode {
  let byPath = leavesByPath.get(file);
  if (!byPath) leavesByPath.set(file, (byPath = new Map()));
  let leaf = byPath.get(column);
  if (!leaf) {
    leaf = file.schema.leaves.find((l) => pathString(l) === column);
    if (!leaf) throw new ParquetryError('INVALID_ARGUMENT', `filter names column ${column}, which the file does not have`);
    byPath.set(column, leaf);
  }
  if (leaf.repetitionLevel > 0) throw new ParquetryError('INVALID_ARGUMENT', `filter on repeated column ${column} is not supported`);
  return leaf;
}

export function isNaNValue(v: Comparable | undefined): boolean {
  return typeof v === 'number' && Number.isNaN(v);
}

/** The order a file's statistics of `leaf` follow: the type's, or 'none' where the file's column_orders name none. */
export function fileOrder(file: ParquetFile, leaf: LeafNode): Order {
  const orders = file.metadata.column_orders;
  const columnOrder = orders && leaf.columnIndex < orders.length ? listAt(orders, leaf.columnIndex) : undefined;
  return columnOrder && !columnOrder.TYPE_ORDER && !columnOrder.IEEE_754_TOTAL_ORDER ? 'none' : leafOrder(leaf);
}

function chunkStats(file: ParquetFile, rowGroup: number, leaf: LeafNode, order: Order): ChunkStats {
  const meta = listAt(file.metadata.row_groups[rowGroup].columns, leaf.columnIndex).meta_data;
  const stats = meta?.statistics;
  const exact = order !== 'bytes' || (stats?.is_min_value_exact === true && stats?.is_max_value_exact === true);
  const nullCount = stats?.null_count;
  const numValues = meta?.num_values ?? 0;
  if (!stats || order === 'none') return { leaf, order, nullCount, numValues, exact, min: undefined, max: undefined };
  // The deprecated min/max are signed comparisons: right only for signed numbers and booleans.
  const legacyOk = order === 'signed' || order === 'float' || order === 'boolean';
  const minBytes = stats.min_value ?? (legacyOk ? stats.min : undefined);
  const maxBytes = stats.max_value ?? (legacyOk ? stats.max : undefined);
  let min = minBytes && statValue(leaf, order, minBytes);
  let max = maxBytes && statValue(leaf, order, maxBytes);
  if (isNaNValue(min) || isNaNValue(max)) min = max = undefined;
  return { leaf, order, nullCount, numValues, exact, min, max };
}

function allNull(s: ChunkStats): boolean {
  return s.allNull ?? (s.nullCount !== undefined && s.nullCount === s.numValues);
}

export function rowGroupMayMatch(file: ParquetFile, rowGroup: number, predicate: Predicate): boolean {
  return rowGroupPruner(file, predicate)(rowGroup);
}

/** rowGroupMayMatch for one predicate over many row groups: its columns' leaves and orders found once. */
export function rowGroupPruner(file: ParquetFile, predicate: Predicate): (rowGroup: number) => boolean {
  const orders = new Map<string, { leaf: LeafNode; order: Order }>();
  const column = (name: string) => {
    let found = orders.get(name);
    if (!found) {
      const leaf = findLeaf(file, name);
      orders.set(name, (found = { leaf, order: fileOrder(file, leaf) }));
    }
    return found;
  };
  return (rowGroup) =>
    predicateMayMatch(predicate, (name) => {
      const { leaf, order } = column(name);
      return chunkStats(file, rowGroup, leaf, order);
    });
}

/** Whether rows whose statistics `stats` gives (per column) may satisfy `predicate`. */
export function predicateMayMatch(predicate: Predicate, stats: (column: string) => ChunkStats): boolean {
  switch (predicate.op) {
    case 'and':
      return predicate.predicates.every((p) => predicateMayMatch(p, stats));
    case 'or':
      return predicate.predicates.some((p) => predicateMayMatch(p, stats));
    case 'not': {
      const inner = predicate.predicate;
      if (inner.op === 'isNull') return predicateMayMatch({ op: 'isNotNull', column: inner.column }, stats);
      if (inner.op === 'isNotNull') return predicateMayMatch({ op: 'isNull', column: inner.column }, stats);
      return true;
    }
    default:
      return leafMayMatch(predicate, stats(predicate.column));
  }
}

type LeafPredicate = Exclude<Predicate, { op: 'and' | 'or' | 'not' }>;

/** A predicate value in the statistics' order (undefined when they have none). */
function statsOperand(s: ChunkStats, v: Scalar): Comparable | undefined {
  return s.order === 'none' ? undefined : predicateValue(s.leaf, s.order, v);
}

/** Whether the statistics cannot rule anything out for predicate value `v`. */
function cannotRuleOut(s: ChunkStats, v: Comparable | undefined): boolean {
  return v === undefined || isNaNValue(v) || s.min === undefined || s.max === undefined;
}

export function leafMayMatch(predicate: LeafPredicate, s: ChunkStats): boolean {
  switch (predicate.op) {
    case 'isNull':
      return s.allNull === true || s.nullCount === undefined || s.nullCount > 0;
    case 'isNotNull':
      return !allNull(s);
    case 'in': {
      if (allNull(s)) return false;
      return predicate.values.some((v) => {
        const x = statsOperand(s, v);
        return cannotRuleOut(s, x) || (compare(s.min!, x!) <= 0 && compare(x!, s.max!) <= 0);
      });
    }
    case 'between': {
      if (allNull(s)) return false;
      const low = statsOperand(s, predicate.low);
      const high = statsOperand(s, predicate.high);
      if (cannotRuleOut(s, low) || cannotRuleOut(s, high)) return true;
      return compare(s.max!, low!) >= 0 && compare(s.min!, high!) <= 0;
    }
    default: {
      if (allNull(s)) return false;
      const v = statsOperand(s, predicate.value);
      if (cannotRuleOut(s, v)) return true;
      const { min, max } = s as { min: Comparable; max: Comparable };
      switch (predicate.op) {
        case 'eq':
          return compare(min, v!) <= 0 && compare(v!, max) <= 0;
        case 'ne':
          // Every value equals v only when min = max = v exactly (truncated bytes prove nothing).
          return !(s.exact && compare(min, v!) === 0 && compare(max, v!) === 0);
        case 'lt':
          return compare(min, v!) < 0;
        case 'le':
          return compare(min, v!) <= 0;
        case 'gt':
          return compare(max, v!) > 0;
        case 'ge':
          return compare(max, v!) >= 0;
      }
    }
  }
}

/** Indices of the row groups whose statistics allow a match. */
export function pruneRowGroups(file: ParquetFile, predicate: Predicate): number[] {
  const mayMatch = rowGroupPruner(file, predicate);
  return file.metadata.row_groups.map((_, i) => i).filter(mayMatch);
}
