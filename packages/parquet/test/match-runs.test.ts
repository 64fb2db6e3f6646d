// Runs of matching rows found in a mask with indexOf equal the runs a row-by-row test finds, over
// candidate ranges with gaps, masks of every density, and matches at range edges.
import { RowRanges } from '@parquetry/page-index';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { maskRuns, testedRuns } from '../src/read/match-runs.js';

test('maskRuns equals testedRuns on random candidates and masks', () => {
  let seed = 99;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let round = 0; round < 500; round++) {
    const ranges: Array<[number, number]> = [];
    let at = Math.floor(next() * 5);
    for (let r = Math.floor(next() * 6); r >= 0; r--) {
      const length = 1 + Math.floor(next() * 40);
      ranges.push([at, at + length]);
      at += length + Math.floor(next() * 3); // 0 leaves adjacent ranges that RowRanges merges
    }
    const candidates = RowRanges.of(ranges);
    const density = [0, 0.02, 0.5, 0.98, 1][round % 5];
    const mask = Uint8Array.from({ length: candidates.rowCount }, () => (next() < density ? 1 : 0));
    assert.equal(maskRuns(mask, candidates), testedRuns((k) => mask[k] === 1, candidates), `round ${round}`);
  }
});

test('a run ends where its candidate range ends: rows between ranges never match', () => {
  const candidates = RowRanges.of([[0, 4], [10, 14]]);
  const mask = Uint8Array.of(0, 0, 1, 1, 1, 1, 0, 0);
  assert.equal(maskRuns(mask, candidates), [[2, 4], [10, 12]]);
  assert.equal(testedRuns((k) => mask[k] === 1, candidates), [[2, 4], [10, 12]]);
});

test.run();
