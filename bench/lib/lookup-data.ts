// The lookup table's rows as functions of the row position, shared by the writers and the checks:
// id = row (sorted, 0..rows-1), ts = a fixed start + row milliseconds (µs), value a scrambled but
// exact double, tag one of a few strings. lookup-write.py computes the same columns.
export const TS_START_US = 1_700_000_000_000_000n;
export const TAGS = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta'];

/** ((id * 7919) mod 1000003) / 8: below 2^53 before the division, so exact in JS and numpy alike. */
export const valueOf = (id: number): number => ((id * 7919) % 1000003) / 8;
