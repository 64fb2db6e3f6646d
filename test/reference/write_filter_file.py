"""Writes Parquet files with page indexes for the filter tests: 10,000 rows in row groups of 3,000,
small pages, every page indexed (write_page_index=True).

Columns: id int64 0..9999 (sorted), x int32 random with ~10% nulls, s string sorted by id
("s00000".."s09999"), f double with some NaN, flag bool, tags list<string> (some null, some
empty), and a struct st {a: int32, b: string}. filter-fallback.parquet: id, x and s in one row group whose
dictionaries pass their 4 KiB limit, so the pages after the first few are plain.
Usage: write_filter_file.py OUT_DIR
       write_filter_file.py --check-index FILE   (prints how many chunks pyarrow sees page indexes for)
"""

import os
import random
import sys

import pyarrow as pa
import pyarrow.parquet as pq


def check_index(path):
    meta = pq.ParquetFile(path).metadata
    chunks = [meta.row_group(g).column(c) for g in range(meta.num_row_groups) for c in range(meta.num_columns)]
    column = sum(1 for c in chunks if c.has_column_index)
    offset = sum(1 for c in chunks if c.has_offset_index)
    rows = pq.read_table(path).num_rows
    print(f"column index: {column} of {len(chunks)} chunks, offset index: {offset} of {len(chunks)} chunks, rows: {rows}")
    return 0


def main(argv):
    if len(argv) == 3 and argv[1] == "--check-index":
        return check_index(argv[2])
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    rng = random.Random(7)
    n = 10_000
    table = pa.table({
        "id": pa.array(range(n), pa.int64()),
        "x": pa.array([None if rng.random() < 0.1 else rng.randrange(-1000, 1000) for _ in range(n)], pa.int32()),
        "s": pa.array([f"s{i:05d}" for i in range(n)], pa.string()),
        "f": pa.array([float("nan") if i % 97 == 0 else rng.uniform(-5, 5) for i in range(n)], pa.float64()),
        "flag": pa.array([i % 3 == 0 for i in range(n)], pa.bool_()),
        "tags": pa.array([None if i % 11 == 0 else [f"t{j}" for j in range(i % 4)] for i in range(n)], pa.list_(pa.string())),
        "st": pa.array([{"a": i % 50, "b": f"b{i % 7}"} if i % 13 else None for i in range(n)], pa.struct([("a", pa.int32()), ("b", pa.string())])),
    })
    os.makedirs(argv[1], exist_ok=True)
    for version in ("1.0", "2.0"):
        pq.write_table(table, os.path.join(argv[1], f"filter-v{version[0]}.parquet"), row_group_size=3000,
                       data_page_size=2048, write_batch_size=200, write_page_index=True,
                       data_page_version=version, compression="snappy",
                       # v1 without dictionaries (many small pages), v2 with them (fewer pages).
                       use_dictionary=version == "2.0")
    # Dictionaries that outgrow 4 KiB: the first pages are dictionary-encoded, the rest plain.
    pq.write_table(table.select(["id", "x", "s"]), os.path.join(argv[1], "filter-fallback.parquet"), row_group_size=10_000,
                   data_page_size=2048, write_batch_size=200, write_page_index=True, compression="snappy",
                   use_dictionary=True, dictionary_pagesize_limit=4096)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
