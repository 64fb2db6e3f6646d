"""What pyarrow and DuckDB see in a file Parquetry wrote: field ids, sorting columns, statistics,
and a few aggregates over nested columns (used by test/suites/writer-nested.node.ts).

  writer_checks.py metadata FILE   -> JSON: field ids by dotted path, sorting columns, chunk stats
  writer_checks.py duckdb FILE     -> JSON: DuckDB's row count and aggregates over the sample columns
  writer_checks.py bloom FILE COLUMN VALUES_JSON
                                   -> JSON: per value, the row groups whose bloom filter (read by
                                      DuckDB's parquet_bloom_probe) does NOT exclude it
"""
import json
import sys

import duckdb
import pyarrow.parquet as pq


def field_ids(schema):
    out = {}

    def walk(field, prefix):
        path = prefix + [field.name]
        meta = field.metadata or {}
        if b"PARQUET:field_id" in meta:
            out[".".join(path)] = int(meta[b"PARQUET:field_id"])
        t = field.type
        children = []
        if hasattr(t, "key_field"):
            children = [t.key_field, t.item_field]
        elif hasattr(t, "value_field"):
            children = [t.value_field]
        elif hasattr(t, "num_fields"):
            children = [t.field(i) for i in range(t.num_fields)]
        for child in children:
            walk(child, path)

    for field in schema:
        walk(field, [])
    return out


def scalar(stats, which):
    if not (stats and stats.has_min_max):
        return None
    try:
        return str(getattr(stats, which))
    except ValueError:  # nanosecond timestamps that datetime cannot hold
        return "unconvertible"


def metadata(path):
    f = pq.ParquetFile(path)
    md = f.metadata
    rg = md.row_group(0)
    chunks = {}
    for i in range(rg.num_columns):
        c = rg.column(i)
        s = c.statistics
        chunks[c.path_in_schema] = {
            "has_min_max": bool(s and s.has_min_max),
            "min": scalar(s, "min"),
            "max": scalar(s, "max"),
            "null_count": s.null_count if s else None,
        }
    sorting = [{"column": s.column_index, "descending": s.descending, "nulls_first": s.nulls_first} for s in (rg.sorting_columns or [])]
    return {"field_ids": field_ids(f.schema_arrow), "sorting": sorting, "chunks": chunks, "rows": md.num_rows}


def duck(path):
    con = duckdb.connect()
    q = f"""SELECT count(*), sum(id), sum(len(tags)), count(tags), sum(cardinality(attrs)),
                   sum(len(events)), sum(point.x), count(point)
            FROM read_parquet('{path}')"""
    row = con.execute(q).fetchone()
    return [None if v is None else float(v) for v in row]


def bloom(path, column, values):
    con = duckdb.connect()
    out = []
    for value in values:
        rows = con.execute("SELECT row_group_id, bloom_filter_excludes FROM parquet_bloom_probe(?, ?, ?)", [path, column, value]).fetchall()
        out.append(sorted(group for group, excludes in rows if not excludes))
    return out


if __name__ == "__main__":
    command, path = sys.argv[1], sys.argv[2]
    if command == "bloom":
        print(json.dumps(bloom(path, sys.argv[3], json.loads(sys.argv[4]))))
    else:
        print(json.dumps(metadata(path) if command == "metadata" else duck(path)))
