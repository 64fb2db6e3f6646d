// Page-level pruning: the rows of a row group a predicate may match, from the column indexes of
// the columns it names (pages whose min/max/null statistics rule it out are left out). A column
// without a page index contributes every row.
import { checkColumnIndex, pageRows, RowRanges, type ColumnIndex, type OffsetIndex } from '@parquetry/page-index';
import type { LeafNode } from '../schema/parquet-schema.js';
import { statValue, type Order } from './column-order.js';
import type { Predicate } from './predicate.js';
import { isNaNValue, leafMayMatch, type ChunkStats } from './prune.js';

export interface ColumnPageIndex {
  leaf: LeafNode;
  /** The order the file's statistics of the leaf follow ('none' where its column_orders name none). */
  order: Order;
  columnIndex: ColumnIndex | undefined;
  offsetIndex: OffsetIndex | undefined;
}

function pageStats(column: ColumnPageIndex, page: number): ChunkStats {
  const { leaf, order, columnIndex: ci } = column;
  const nullCount = ci!.null_counts?.[page];
  const allNull = ci!.null_pages[page];
  if (allNull || order === 'none') return { leaf, order, numValues: 0, exact: false, nullCount, allNull, min: undefined, max: undefined };
  let min = statValue(leaf, order, ci!.min_values[page]);
  let max = statValue(leaf, order, ci!.max_values[page]);
  if (isNaNValue(min) || isNaNValue(max)) min = max = undefined;
  return { leaf, order, numValues: 0, exact: false, nullCount, allNull, min, max };
}

export function candidateRows(predicate: Predicate, rows: number, columns: Map<string, ColumnPageIndex>): RowRanges {
  switch (predicate.op) {
    case 'and':
      return predicate.predicates.reduce((acc, p) => acc.intersect(candidateRows(p, rows, columns)), RowRanges.all(rows));
    case 'or':
      return predicate.predicates.reduce((acc, p) => acc.union(candidateRows(p, rows, columns)), RowRanges.empty());
    case 'not': {
      const inner = predicate.predicate;
      if (inner.op === 'isNull') return candidateRows({ op: 'isNotNull', column: inner.column }, rows, columns);
      if (inner.op === 'isNotNull') return candidateRows({ op: 'isNull', column: inner.column }, rows, columns);
      return RowRanges.all(rows);
    }
    default: {
      const column = columns.get(predicate.column);
      if (!column?.columnIndex || !column.offsetIndex) return RowRanges.all(rows);
      const spans = pageRows(column.offsetIndex, rows);
      checkColumnIndex(column.columnIndex, spans.length);
      return RowRanges.of(spans.filter((_, i) => leafMayMatch(predicate, pageStats(column, i))));
    }
  }
}
