"""What DuckDB reads from every Parquet file of a folder: the row count and, per top-level column,
how many values are not null (used by test/suites/writer-property.node.ts). Every value is fetched
(into Arrow), so a page DuckDB cannot decode fails the file, not just a count from the footer.

  duckdb_count.py DIR  -> JSON: [{"file", "rows", "non_null": {column: n}} | {"file", "error"}, ...]
"""
import json
import os
import sys

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree

import duckdb  # noqa: E402


def count(con, path):
    table = con.read_parquet(path).to_arrow_table()
    return {"rows": table.num_rows, "non_null": {name: table.num_rows - table.column(name).null_count for name in table.column_names}}


def main(folder):
    con = duckdb.connect()
    out = []
    for name in sorted(f for f in os.listdir(folder) if f.endswith(".parquet")):
        try:
            out.append({"file": name, **count(con, os.path.join(folder, name))})
        except Exception as e:  # DuckDB's failure is the file's result
            out.append({"file": name, "error": f"{type(e).__name__}: {e}"})
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    if len(sys.argv) != 2 or not os.path.isdir(sys.argv[1]):
        print("usage: duckdb_count.py DIR", file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
