"""An Iceberg table (pyiceberg, a SQLite catalog in a directory) whose data files Parquetry writes
(used by test/suites/engines.node.ts).

  iceberg_check.py schema DIR OUT.parquet
      creates the catalog and table ns.events in DIR; writes an empty Parquet file whose Arrow
      schema is the table's, field ids included (PARQUET:field_id), for the writer to take
  iceberg_check.py append DIR FILE...
      appends the files as data files of ns.events, the way an engine that wrote them commits them
      (metrics from each file's footer, columns matched by field id), then reads the table back
      -> JSON: the scan's rows and whether they equal the files' rows (pyarrow), and how many files
         Iceberg plans for two filters its metrics (our statistics) must prune with
"""
import json
import sys

import pyarrow as pa
import pyarrow.parquet as pq
from pyiceberg.catalog.sql import SqlCatalog
from pyiceberg.expressions import EqualTo, GreaterThanOrEqual, LessThan
from pyiceberg.io.pyarrow import (
    _check_pyarrow_schema_compatible,
    compute_statistics_plan,
    data_file_statistics_from_parquet_metadata,
    parquet_path_to_id_mapping,
    schema_to_pyarrow,
)
from pyiceberg.manifest import DataFile, DataFileContent, FileFormat
from pyiceberg.schema import Schema
from pyiceberg.types import (
    BinaryType,
    BooleanType,
    DateType,
    DecimalType,
    DoubleType,
    FloatType,
    ListType,
    LongType,
    MapType,
    NestedField,
    StringType,
    StructType,
    TimestamptzType,
)

SCHEMA = Schema(
    NestedField(1, "id", LongType(), required=True),
    NestedField(2, "user", StringType()),
    NestedField(3, "score", DoubleType()),
    NestedField(4, "ratio", FloatType()),
    NestedField(5, "flag", BooleanType()),
    NestedField(6, "day", DateType()),
    NestedField(7, "ts", TimestamptzType()),
    NestedField(8, "amount", DecimalType(10, 2)),
    NestedField(9, "payload", BinaryType()),
    NestedField(10, "tags", ListType(11, StringType(), element_required=False)),
    NestedField(12, "props", MapType(13, StringType(), 14, LongType(), value_required=False)),
    NestedField(15, "point", StructType(NestedField(16, "x", DoubleType(), required=True), NestedField(17, "y", DoubleType()))),
)


def catalog(directory):
    return SqlCatalog("parquetry", uri=f"sqlite:///{directory}/catalog.db", warehouse=f"file://{directory}/warehouse")


def schema_file(directory, out):
    cat = catalog(directory)
    cat.create_namespace("ns")
    table = cat.create_table("ns.events", schema=SCHEMA)
    arrow = schema_to_pyarrow(table.schema())
    pq.write_table(pa.Table.from_batches([], schema=arrow), out)


def data_file(table, path):
    metadata = pq.read_metadata(path)
    schema = table.schema()
    _check_pyarrow_schema_compatible(schema, metadata.schema.to_arrow_schema())
    statistics = data_file_statistics_from_parquet_metadata(
        parquet_metadata=metadata,
        stats_columns=compute_statistics_plan(schema, table.metadata.properties),
        parquet_column_mapping=parquet_path_to_id_mapping(schema),
    )
    return DataFile.from_args(
        content=DataFileContent.DATA,
        file_path=path,
        file_format=FileFormat.PARQUET,
        partition=statistics.partition(table.metadata.spec(), schema),
        file_size_in_bytes=len(table.io.new_input(path)),
        sort_order_id=None,
        spec_id=table.metadata.default_spec_id,
        equality_ids=None,
        key_metadata=None,
        **statistics.to_serialized_dict(),
    )


def rows_of(table):
    return sorted(table.to_pylist(), key=lambda r: r["id"])


def append(directory, files):
    table = catalog(directory).load_table("ns.events")
    with table.transaction() as tx:
        with tx.update_snapshot().fast_append() as snapshot:
            for path in files:
                snapshot.append_data_file(data_file(table, path))
    table = catalog(directory).load_table("ns.events")
    scanned = table.scan().to_arrow()
    expected = pa.concat_tables([pq.read_table(p).cast(scanned.schema) for p in files])
    ids = sorted(r["id"] for r in expected.select(["id"]).to_pylist())
    # The first file holds the smallest ids: a filter above them all must skip it by its metrics.
    first_max = max(r["id"] for r in pq.read_table(files[0], columns=["id"]).to_pylist())
    print(
        json.dumps(
            {
                "rows": scanned.num_rows,
                "equal": rows_of(scanned) == rows_of(expected),
                "files": len(list(table.scan().plan_files())),
                "files_above_first": len(list(table.scan(row_filter=GreaterThanOrEqual("id", first_max + 1)).plan_files())),
                "rows_above_first": table.scan(row_filter=GreaterThanOrEqual("id", first_max + 1)).to_arrow().num_rows,
                "files_below_all": len(list(table.scan(row_filter=LessThan("id", ids[0])).plan_files())),
                "files_user_none": len(list(table.scan(row_filter=EqualTo("user", "~nobody")).plan_files())),
            }
        )
    )


if __name__ == "__main__":
    command, directory = sys.argv[1], sys.argv[2]
    if command == "schema":
        schema_file(directory, sys.argv[3])
    elif command == "append":
        append(directory, sys.argv[3:])
    else:
        raise SystemExit(f"unknown command {command}")
