"""Spark (pyspark, local, one thread, UTC) reads every Parquet file of a directory; each file's rows
are compared with what pyarrow reads from it, value by value (used by test/suites/engines.node.ts).

  spark_reads.py DIR  -> JSON: { file: "ok N" | "differs: ..." | "error: ..." }

Values are compared in one neutral form: timestamps as UTC ISO text, decimals as text, bytes as
hex, maps as key-sorted pairs, structs as dicts, NaN as text.
"""
import datetime
import decimal
import json
import math
import os
import sys

import pyarrow.parquet as pq


def neutral(v):
    """A scalar in a form both readers' values compare equal in."""
    if v is None or isinstance(v, (bool, int, str)):
        return v
    if isinstance(v, float):
        return "NaN" if math.isnan(v) else ("inf" if v == math.inf else "-inf" if v == -math.inf else v)
    if isinstance(v, decimal.Decimal):
        # Spark reads UINT64 as DECIMAL(20, 0): whole decimals compare as integers.
        return int(v) if v.as_tuple().exponent == 0 else str(v)
    if isinstance(v, datetime.datetime):
        if v.tzinfo is not None:
            v = v.astimezone(datetime.timezone.utc).replace(tzinfo=None)
        return v.isoformat()
    if isinstance(v, (datetime.date, datetime.time)):
        return v.isoformat()
    if isinstance(v, (bytes, bytearray, memoryview)):
        return bytes(v).hex()
    raise TypeError(f"no neutral form for {type(v).__name__}")


def pairs(entries):
    return sorted(entries, key=lambda p: json.dumps(p[0]))


def from_spark(v):
    """Spark: maps are dicts, structs are Rows."""
    if isinstance(v, dict):
        return pairs([[from_spark(k), from_spark(x)] for k, x in v.items()])
    if hasattr(v, "asDict"):
        return {k: from_spark(x) for k, x in v.asDict(recursive=False).items()}
    if isinstance(v, list):
        return [from_spark(x) for x in v]
    return neutral(v)


def from_arrow(v):
    """pyarrow: structs are dicts, maps are lists of (key, value) tuples."""
    if isinstance(v, dict):
        return {k: from_arrow(x) for k, x in v.items()}
    if isinstance(v, list):
        if v and all(isinstance(x, tuple) for x in v):
            return pairs([[from_arrow(k), from_arrow(x)] for k, x in v])
        return [from_arrow(x) for x in v]
    return neutral(v)


def first_difference(got, want):
    if len(got) != len(want):
        return f"{len(got)} rows in Spark, {len(want)} in pyarrow"
    for i, (x, y) in enumerate(zip(got, want)):
        if x != y:
            for k in y:
                if x.get(k) != y.get(k):
                    return f"row {i} column {k}: Spark {json.dumps(x.get(k))[:200]}, pyarrow {json.dumps(y.get(k))[:200]}"
            return f"row {i}: Spark {json.dumps(x)[:300]}, pyarrow {json.dumps(y)[:300]}"
    return None


def root_cause(error):
    """The innermost Java exception behind a Py4J error, else the Python message's first line."""
    cause = getattr(error, "java_exception", None)
    if cause is None:
        return str(error).strip().split("\n")[0]
    while cause.getCause() is not None:
        cause = cause.getCause()
    return cause.toString()


def main():
    directory = sys.argv[1]
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master("local[1]")
        .appName("parquetry-spark-reads")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.memory", "1g")
        .config("spark.sql.files.maxPartitionBytes", str(1 << 30))
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("OFF")
    results = {}
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".parquet"):
            continue
        path = os.path.join(directory, name)
        try:
            got = [from_spark(r) for r in spark.read.parquet(path).collect()]
            want = [{k: from_arrow(v) for k, v in r.items()} for r in pq.read_table(path).to_pylist()]
            difference = first_difference(got, want)
            results[name] = f"differs: {difference}" if difference else f"ok {len(got)}"
        except Exception as error:  # noqa: BLE001 - reported per file
            results[name] = "error: " + root_cause(error)[:400]
    spark.stop()
    print(json.dumps(results))


if __name__ == "__main__":
    main()
