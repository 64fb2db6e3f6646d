// Sets of rows as sorted, disjoint, non-adjacent [start, end) intervals: what page pruning yields
// and what a reader reads.
export type RowRange = readonly [start: number, end: number];

export class RowRanges {
  /** Sorted, disjoint and non-adjacent. */
  readonly ranges: readonly RowRange[];

  private constructor(ranges: RowRange[]) {
    this.ranges = ranges;
  }

  static empty(): RowRanges {
    return new RowRanges([]);
  }

  static all(rows: number): RowRanges {
    return rows > 0 ? new RowRanges([[0, rows]]) : RowRanges.empty();
  }

  /** Any intervals, normalized (sorted, merged, empty ones dropped). */
  static of(intervals: Iterable<RowRange>): RowRanges {
    const sorted = [...intervals].filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
    const out: Array<[number, number]> = [];
    for (const [a, b] of sorted) {
      const last = out[out.length - 1];
      if (last && a <= last[1]) last[1] = Math.max(last[1], b);
      else out.push([a, b]);
    }
    return new RowRanges(out);
  }

  get rowCount(): number {
    return this.ranges.reduce((n, [a, b]) => n + b - a, 0);
  }

  get isEmpty(): boolean {
    return this.ranges.length === 0;
  }

  union(other: RowRanges): RowRanges {
    return RowRanges.of([...this.ranges, ...other.ranges]);
  }

  intersect(other: RowRanges): RowRanges {
    const out: RowRange[] = [];
    let i = 0;
    let j = 0;
    while (i < this.ranges.length && j < other.ranges.length) {
      const [a, b] = this.ranges[i];
      const [c, d] = other.ranges[j];
      const start = Math.max(a, c);
      const end = Math.min(b, d);
      if (start < end) out.push([start, end]);
      if (b < d) i++;
      else j++;
    }
    return RowRanges.of(out);
  }

  /** Whether any row of [start, end) is in the set. */
  overlaps(start: number, end: number): boolean {
    return this.ranges.some(([a, b]) => a < end && start < b);
  }

  covers(rows: number): boolean {
    return this.ranges.length === 1 && this.ranges[0][0] <= 0 && this.ranges[0][1] >= rows;
  }
}
