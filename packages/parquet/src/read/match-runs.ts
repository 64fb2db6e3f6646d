// The rows a predicate matched, as runs [start, end) of row-group rows: from a mask over the
// candidate rows, or from a test of each candidate.
import type { RowRanges } from '@parquetry/page-index';

/** Row-group rows [start, end) where `mask` (one byte per candidate row, in order) is 1: found with indexOf, not row by row. */
export function maskRuns(mask: Uint8Array, candidates: RowRanges): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let k = 0;
  for (const [a, b] of candidates.ranges) {
    const part = mask.subarray(k, k + (b - a));
    k += b - a;
    for (let i = part.indexOf(1); i !== -1; i = part.indexOf(1, i)) {
      let j = part.indexOf(0, i);
      if (j === -1) j = part.length;
      const last = runs[runs.length - 1];
      if (last && last[1] === a + i) last[1] = a + j;
      else runs.push([a + i, a + j]);
      i = j;
    }
  }
  return runs;
}

/** The same runs, from a test of each candidate (by its index among the candidates). */
export function testedRuns(test: (k: number) => boolean, candidates: RowRanges): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let k = 0;
  for (const [a, b] of candidates.ranges) {
    for (let row = a; row < b; row++, k++) {
      if (!test(k)) continue;
      const last = runs[runs.length - 1];
      if (last && last[1] === row) last[1] = row + 1;
      else runs.push([row, row + 1]);
    }
  }
  return runs;
}
