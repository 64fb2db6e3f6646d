"""Writes a small Parquet file with pyarrow for the reader API tests: 1,000 rows in 10 row groups
of 100, with statistics, so row-group pruning has something to prune.

Columns: id int64 0..999 (sorted), u uint32 descending from 4,000,000,000, f float32 (a NaN in row
group 2), s string sorted ("k0000".."k0999"), n int32 (all null in row group 3, some nulls
elsewhere), b bool (row group 5 all true, the rest alternating), t timestamp[us, UTC].
Usage: write_stats_file.py OUT
"""

import sys

import pyarrow as pa
import pyarrow.parquet as pq


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    rows = range(1000)
    table = pa.table({
        "id": pa.array(list(rows), pa.int64()),
        "u": pa.array([4_000_000_000 - i for i in rows], pa.uint32()),
        "f": pa.array([float("nan") if i == 250 else i / 10 for i in rows], pa.float32()),
        "s": pa.array([f"k{i:04d}" for i in rows], pa.string()),
        "n": pa.array([None if (300 <= i < 400 or i % 7 == 0) else i % 50 for i in rows], pa.int32()),
        "b": pa.array([True if 500 <= i < 600 else i % 2 == 0 for i in rows], pa.bool_()),
        "t": pa.array([1_700_000_000_000_000 + i * 1_000_000 for i in rows], pa.timestamp("us", tz="UTC")),
    })
    pq.write_table(table, argv[1], row_group_size=100, write_statistics=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
