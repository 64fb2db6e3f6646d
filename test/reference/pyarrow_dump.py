#!/usr/bin/env python3
"""Dumps what pyarrow reads from every Parquet file of a corpus, in the JSON mapping of
json_mapping.md (the mapping `parquetry cat --format jsonl` prints), so the TypeScript reader can be
compared with it value for value.

  pyarrow_dump.py dump CORPUS_ROOT OUTDIR [--max-rows N]
      Every *.parquet below CORPUS_ROOT (recursive; bad_data/ and *.parquet.encrypted are left out)
      becomes OUTDIR/<relative path>.json; OUTDIR/index.json lists every file with its status.
      N defaults to 1000. See json_mapping.md for both shapes.

Exit status 2 on usage errors, 1 when a file's Arrow form has no mapping here (a gap in this
script; pyarrow's own read failures are recorded in the file's JSON instead).
"""
import argparse
import base64
import json
import math
import os
import sys
import time

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree

import pyarrow as pa  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402

MAX_SAFE_INTEGER = 2**53
SKIP_UNCOMPRESSED_BYTES = 256 * 1024 * 1024
DEFAULT_MAX_ROWS = 1000
UNIT_DIGITS = {"s": 0, "ms": 3, "us": 6, "ns": 9}
PARQUET_UNIT_DIGITS = {"milliseconds": 3, "microseconds": 6, "nanoseconds": 9}


class DumpError(Exception):
    """A file whose Arrow form the dumper cannot map (a gap in this script, not in pyarrow)."""


# ---------------------------------------------------------------------------------------------
# Leaf values -> JSON model values (int, float, str, bool, None, dict, list). Dates and times are
# integer arithmetic throughout: Python's datetime stops at year 9999.

def integer_value(v):
    return v if -MAX_SAFE_INTEGER <= v <= MAX_SAFE_INTEGER else str(v)


def float_value(v):
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return v


def decimal_text(unscaled, scale):
    if scale <= 0:
        return str(unscaled * 10**-scale)
    digits = str(abs(unscaled)).rjust(scale + 1, "0")
    return ("-" if unscaled < 0 else "") + digits[:-scale] + "." + digits[-scale:]


def decimal_unscaled(value, scale):
    """The exact unscaled integer of a decimal.Decimal at `scale` (no context rounding)."""
    sign, digits, exponent = value.as_tuple()
    magnitude = int("".join(map(str, digits)) or "0")
    shift = exponent + scale
    if shift >= 0:
        magnitude *= 10**shift
    else:
        magnitude, rest = divmod(magnitude, 10**-shift)
        if rest:
            raise DumpError(f"decimal {value} has more than {scale} fraction digits")
    return -magnitude if sign else magnitude


def civil_from_days(days):
    """(year, month, day) of a day count from 1970-01-01, proleptic Gregorian, any range
    (the days-from-civil inverse; every division floors)."""
    z = days + 719468  # shift the epoch to 0000-03-01 so leap days end each cycle
    era = z // 146097
    day_of_era = z - era * 146097
    year_of_era = (day_of_era - day_of_era // 1460 + day_of_era // 36524 - day_of_era // 146096) // 365
    day_of_year = day_of_era - (365 * year_of_era + year_of_era // 4 - year_of_era // 100)
    month_from_march = (5 * day_of_year + 2) // 153
    day = day_of_year - (153 * month_from_march + 2) // 5 + 1
    month = month_from_march + 3 if month_from_march < 10 else month_from_march - 9
    return year_of_era + era * 400 + (1 if month <= 2 else 0), month, day


def year_text(year):
    # ECMAScript toISOString's rule: 4 digits for 0..9999, else a sign and at least 6 digits
    if 0 <= year <= 9999:
        return f"{year:04d}"
    return ("-" if year < 0 else "+") + f"{abs(year):06d}"


def date_text(days):
    year, month, day = civil_from_days(days)
    return f"{year_text(year)}-{month:02d}-{day:02d}"


def clock_text(seconds_of_day, fraction, digits):
    hours, rest = divmod(seconds_of_day, 3600)
    minutes, seconds = divmod(rest, 60)
    text = f"{hours:02d}:{minutes:02d}:{seconds:02d}"
    return text + f".{fraction:0{digits}d}" if digits else text


def time_text(count, digits):
    """A TIME of `count` units (10**-digits s) after midnight; out-of-day counts keep counting
    hours (25:00:00.000) and negatives get a leading '-' on the absolute value."""
    seconds, fraction = divmod(abs(count), 10**digits)
    return ("-" if count < 0 else "") + clock_text(seconds, fraction, digits)


def timestamp_text(count, digits, utc):
    days, rest = divmod(count, 86400 * 10**digits)
    seconds, fraction = divmod(rest, 10**digits)
    return date_text(days) + "T" + clock_text(seconds, fraction, digits) + ("Z" if utc else "")


def binary_text(data):
    return base64.b64encode(data).decode("ascii")


def uuid_text(data):
    h = data.hex()
    return f"{h[0:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}"


def interval_value(data):
    return {
        "months": int.from_bytes(data[0:4], "little"),
        "days": int.from_bytes(data[4:8], "little"),
        "milliseconds": int.from_bytes(data[8:12], "little"),
    }


def utf8_text(data):
    # TextDecoder's default (non-fatal) decoding replaces bad sequences the same way
    return data.decode("utf-8", "replace")


# ---------------------------------------------------------------------------------------------
# JSON text. ECMAScript's Number::toString for floats, so the TS side's String(x) is byte-identical.

def js_number_text(x):
    """Number.prototype.toString(x) for finite x; -0 is '-0.0' (JSON that both JSON.parse and
    Python's json.loads read back as negative zero)."""
    if x == 0:
        return "-0.0" if math.copysign(1.0, x) < 0 else "0"
    mantissa, _, exponent = repr(abs(x)).partition("e")  # repr is the shortest round-trip digits
    whole, _, fraction = mantissa.partition(".")
    digits = whole + fraction
    point = len(whole) + (int(exponent) if exponent else 0)  # value = 0.digits * 10**point
    significant = digits.lstrip("0")
    point -= len(digits) - len(significant)
    significant = significant.rstrip("0")
    k, n = len(significant), point
    if k <= n <= 21:
        body = significant + "0" * (n - k)
    elif 0 < n <= 21:
        body = significant[:n] + "." + significant[n:]
    elif -6 < n <= 0:
        body = "0." + "0" * -n + significant
    else:
        e = f"{'+' if n >= 1 else '-'}{abs(n - 1)}"
        body = significant + "e" + e if k == 1 else significant[0] + "." + significant[1:] + "e" + e
    return ("-" if x < 0 else "") + body


def json_text(value):
    """Compact JSON of a mapped value: no spaces, object keys in insertion order, strings as
    JSON.stringify writes them (non-ASCII kept, controls as \\u00XX lowercase)."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return js_number_text(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ",".join(json_text(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ",".join(json.dumps(k, ensure_ascii=False) + ":" + json_text(v) for k, v in value.items()) + "}"
    raise DumpError(f"no JSON form for {type(value).__name__}")


# ---------------------------------------------------------------------------------------------
# Parquet leaf columns: what kind of value each one holds, from its logical / physical type.

class Leaf:
    """How to format one Parquet leaf column. kind: bool int float decimal date time timestamp
    int96 string binary uuid interval null. digits: fraction digits of time/timestamp units."""

    __slots__ = ("kind", "scale", "digits", "utc")

    def __init__(self, kind, scale=0, digits=0, utc=False):
        self.kind, self.scale, self.digits, self.utc = kind, scale, digits, utc

    def __repr__(self):
        return f"Leaf({self.kind!r}, scale={self.scale}, digits={self.digits}, utc={self.utc})"


PHYSICAL_KINDS = {
    "BOOLEAN": "bool", "INT32": "int", "INT64": "int", "INT96": "int96", "FLOAT": "float",
    "DOUBLE": "float", "BYTE_ARRAY": "binary", "FIXED_LEN_BYTE_ARRAY": "binary",
}
LOGICAL_KINDS = {
    "String": "string", "Enum": "string", "JSON": "string", "BSON": "binary", "UUID": "uuid",
    "Interval": "interval", "Date": "date", "Int": "int", "Float16": "float", "Null": "null",
    "Geometry": "binary", "Geography": "binary",
}


def leaf_from_column(column):
    """column: a pyarrow.parquet ColumnSchema. pyarrow fills its logical type from a legacy
    converted type (UTF8 -> String, TIMESTAMP_MILLIS -> Timestamp(UTC, ms)), so only that is read."""
    logical = json.loads(column.logical_type.to_json())
    name = logical.get("Type")
    if name == "Decimal":
        return Leaf("decimal", scale=column.scale)
    if name in ("Time", "Timestamp"):
        return Leaf(name.lower(), digits=PARQUET_UNIT_DIGITS[logical["timeUnit"]], utc=bool(logical["isAdjustedToUTC"]))
    if name in LOGICAL_KINDS:
        return Leaf(LOGICAL_KINDS[name])
    kind = PHYSICAL_KINDS[column.physical_type]  # None, Undefined (unknown), Variant leaves ...
    return Leaf(kind, digits=9 if kind == "int96" else 0)


# ---------------------------------------------------------------------------------------------
# Arrow types paired with Parquet leaves: pyarrow turns each Parquet leaf into exactly one Arrow
# leaf, in the same depth-first order, so the two walks line up.

class Node:
    __slots__ = ("shape", "children", "leaf", "names")

    def __init__(self, shape, children=(), leaf=None, names=()):
        self.shape, self.children, self.leaf, self.names = shape, list(children), leaf, list(names)


LIST_TYPES = (pa.types.is_list, pa.types.is_large_list, pa.types.is_fixed_size_list)


def bind_type(arrow_type, leaves):
    """Node tree for an Arrow type; `leaves` is an iterator of Leaf, consumed in order."""
    if isinstance(arrow_type, pa.BaseExtensionType):
        return bind_type(arrow_type.storage_type, leaves)
    if pa.types.is_dictionary(arrow_type):
        return bind_type(arrow_type.value_type, leaves)
    if pa.types.is_struct(arrow_type):
        fields = [arrow_type.field(i) for i in range(arrow_type.num_fields)]
        names = [f.name for f in fields]
        if len(set(names)) != len(names):
            raise DumpError(f"duplicate field names in {arrow_type}")
        return Node("struct", [bind_type(f.type, leaves) for f in fields], names=names)
    if pa.types.is_map(arrow_type):
        return Node("map", [bind_type(arrow_type.key_type, leaves), bind_type(arrow_type.item_type, leaves)])
    if any(is_list(arrow_type) for is_list in LIST_TYPES):
        return Node("list", [bind_type(arrow_type.value_type, leaves)])
    if pa.types.is_nested(arrow_type):
        raise DumpError(f"unsupported Arrow type {arrow_type}")
    leaf = next(leaves, None)
    if leaf is None:
        raise DumpError("more Arrow leaves than Parquet columns")
    return Node("leaf", leaf=leaf)


def bind_schema(arrow_schema, parquet_schema):
    leaves = iter([leaf_from_column(parquet_schema.column(i)) for i in range(len(parquet_schema))])
    if len(set(arrow_schema.names)) != len(arrow_schema.names):
        raise DumpError(f"duplicate top-level names {arrow_schema.names}")
    nodes = [bind_type(field.type, leaves) for field in arrow_schema]
    if next(leaves, None) is not None:
        raise DumpError("more Parquet columns than Arrow leaves")
    return nodes


# ---------------------------------------------------------------------------------------------
# Arrow arrays -> lists of mapped values, a column at a time.

class Int96Part:
    """An INT96 count that is only half the answer: pyarrow's nanosecond read wraps past
    int64 (year 2262), so the exact count is rebuilt from a second, millisecond read."""

    __slots__ = ("unit", "count")

    def __init__(self, unit, count):
        self.unit, self.count = unit, count


def unwrap(arr):
    if isinstance(arr.type, pa.BaseExtensionType):
        return unwrap(arr.storage)
    if pa.types.is_dictionary(arr.type):
        return unwrap(arr.dictionary_decode())
    return arr


def valid_mask(arr):
    return None if arr.null_count == 0 else arr.is_valid().to_pylist()


def map_array(arr, node):
    """Mapped values of an Arrow array (any offset) along `node`."""
    arr = unwrap(arr)
    if pa.types.is_null(arr.type):
        return [None] * len(arr)
    if node.shape == "leaf":
        return map_leaf(arr, node.leaf)
    valid = valid_mask(arr)
    if node.shape == "struct":
        columns = [map_array(arr.field(i), child) for i, child in enumerate(node.children)]
        rows = [dict(zip(node.names, values)) for values in zip(*columns)] if columns else [{} for _ in range(len(arr))]
    elif pa.types.is_fixed_size_list(arr.type):
        size = arr.type.list_size
        values = map_array(arr.values.slice(arr.offset * size, len(arr) * size), node.children[0])
        rows = [values[i * size:(i + 1) * size] for i in range(len(arr))]
    else:  # list, large list, map: offsets are absolute into the whole child array
        offsets = arr.offsets.to_pylist()
        base = offsets[0]
        children = arr.values.slice(base, offsets[-1] - base)
        if node.shape == "map":
            entries = unwrap(children)
            keys = map_array(entries.field(0), node.children[0])
            items = map_array(entries.field(1), node.children[1])
            values = [{"key": k, "value": v} for k, v in zip(keys, items)]
        else:
            values = map_array(children, node.children[0])
        rows = slices(values, [o - base for o in offsets])
    return rows if valid is None else [row if ok else None for row, ok in zip(rows, valid)]


def slices(values, offsets):
    return [values[offsets[i]:offsets[i + 1]] for i in range(len(offsets) - 1)]


def integer_counts(arr):
    """Integer storage of a temporal / duration array (no datetime objects, no overflow)."""
    width = pa.int32() if pa.types.is_date32(arr.type) or pa.types.is_time32(arr.type) else pa.int64()
    return arr.cast(width).to_pylist()


def rescale(count, from_digits, to_digits):
    if from_digits <= to_digits:
        return count * 10 ** (to_digits - from_digits)
    whole, rest = divmod(count, 10 ** (from_digits - to_digits))
    if rest:
        raise DumpError(f"{count} does not fit a coarser unit")
    return whole


def arrow_unit_digits(arrow_type):
    if pa.types.is_date64(arrow_type):
        return 3
    return UNIT_DIGITS[arrow_type.unit]


def is_bytes(t):
    return (pa.types.is_binary(t) or pa.types.is_large_binary(t) or pa.types.is_fixed_size_binary(t)
            or pa.types.is_binary_view(t) or is_text(t))


def is_text(t):
    return pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_string_view(t)


# Which Arrow types pyarrow may give each Parquet leaf kind (ARROW:schema can restore a few more)
ARROW_FITS = {
    "bool": pa.types.is_boolean, "float": pa.types.is_floating, "decimal": pa.types.is_decimal,
    "int": lambda t: pa.types.is_integer(t) or pa.types.is_duration(t),
    "date": pa.types.is_date, "time": pa.types.is_time, "timestamp": pa.types.is_timestamp,
    "int96": pa.types.is_timestamp, "string": is_bytes, "binary": is_bytes, "uuid": is_bytes, "interval": is_bytes,
}
LEAF_FORMATS = {
    "bool": lambda v, leaf: v,
    "int": lambda v, leaf: integer_value(v),
    "float": lambda v, leaf: float_value(v),
    "decimal": lambda v, leaf: decimal_text(decimal_unscaled(v, leaf.scale), leaf.scale),
    "string": lambda v, leaf: utf8_text(v),
    "binary": lambda v, leaf: binary_text(v),
    "uuid": lambda v, leaf: uuid_text(v),
    "interval": lambda v, leaf: interval_value(v),
}


def map_leaf(arr, leaf):
    if leaf.kind == "null":
        return [None] * len(arr)
    if not ARROW_FITS[leaf.kind](arr.type):
        raise DumpError(f"Parquet {leaf.kind} column read as Arrow {arr.type}")
    if leaf.kind in ("date", "time", "timestamp", "int96"):
        return map_temporal(arr, leaf)
    if is_text(arr.type):
        arr = arr.cast(pa.large_binary())  # decode ourselves: invalid UTF-8 is replaced, never raised
    values = integer_counts(arr) if pa.types.is_duration(arr.type) else arr.to_pylist()
    fmt = LEAF_FORMATS[leaf.kind]
    return [None if v is None else fmt(v, leaf) for v in values]


def map_temporal(arr, leaf):
    counts = integer_counts(arr)
    if leaf.kind == "date":
        if pa.types.is_date32(arr.type):
            return [None if c is None else date_text(c) for c in counts]
        per_day = 86400 * 10 ** arrow_unit_digits(arr.type)
        return [None if c is None else date_text(c // per_day) for c in counts]
    digits = arrow_unit_digits(arr.type)
    if leaf.kind == "int96" and arr.type.unit in ("ns", "ms"):
        return [None if c is None else Int96Part(arr.type.unit, c) for c in counts]
    if leaf.kind == "time":
        return [None if c is None else time_text(rescale(c, digits, leaf.digits), leaf.digits) for c in counts]
    return [None if c is None else timestamp_text(rescale(c, digits, leaf.digits), leaf.digits, leaf.utc)
            for c in counts]


def exact_int96_nanos(wrapped_ns, ms):
    """The nanosecond count n with n = wrapped_ns (mod 2**64) and n within 1 ms of ms * 10**6
    (pyarrow's millisecond read floors or truncates); the window is far narrower than 2**64."""
    base = ms * 10**6
    rest = (wrapped_ns - base) % 2**64
    if rest < 10**6:
        return base + rest
    if rest - 2**64 > -(10**6):
        return base + rest - 2**64
    raise DumpError(f"INT96 reads disagree: {wrapped_ns} ns vs {ms} ms")


def resolve_int96(ns_value, ms_value):
    """Merges the nanosecond-read and millisecond-read mappings of the same rows."""
    if isinstance(ns_value, Int96Part):
        if not isinstance(ms_value, Int96Part) or ns_value.unit != "ns" or ms_value.unit != "ms":
            raise DumpError("INT96 reads do not line up")
        return timestamp_text(exact_int96_nanos(ns_value.count, ms_value.count), 9, False)
    if isinstance(ns_value, dict):
        return {k: resolve_int96(v, ms_value[k]) for k, v in ns_value.items()}
    if isinstance(ns_value, list):
        if len(ns_value) != len(ms_value):
            raise DumpError("INT96 reads do not line up")
        return [resolve_int96(a, b) for a, b in zip(ns_value, ms_value)]
    return ns_value


# ---------------------------------------------------------------------------------------------
# Files.

def total_uncompressed_bytes(metadata):
    return sum(metadata.row_group(r).column(c).total_uncompressed_size
               for r in range(metadata.num_row_groups) for c in range(metadata.num_columns))


def read_rows(path, max_rows, int96_unit):
    """Up to max_rows mapped rows, reading batch by batch so big files stop early."""
    pf = pq.ParquetFile(path, coerce_int96_timestamp_unit=int96_unit)
    nodes = bind_schema(pf.schema_arrow, pf.schema)
    names = pf.schema_arrow.names
    rows = []
    if max_rows == 0 or pf.metadata.num_rows == 0:
        return rows
    for batch in pf.iter_batches(batch_size=min(max_rows, 65536), use_threads=False):
        batch = batch.slice(0, max_rows - len(rows))
        try:
            columns = [map_array(batch.column(i), node) for i, node in enumerate(nodes)]
        except DumpError:
            raise
        except Exception as e:  # a bug here must not pass for pyarrow failing to read the file
            raise DumpError(f"mapping failed: {type(e).__name__}: {e}") from e
        rows.extend(dict(zip(names, values)) for values in zip(*columns))
        if not columns:
            rows.extend({} for _ in range(batch.num_rows))
        if len(rows) >= max_rows:
            break
    return rows


def has_int96(parquet_schema):
    return any(parquet_schema.column(i).physical_type == "INT96" for i in range(len(parquet_schema)))


def dump_file(path, rel, max_rows):
    """The per-file JSON object of json_mapping.md (rows as mapped values)."""
    try:
        pf = pq.ParquetFile(path)
        metadata = pf.metadata
        head = {"file": rel, "num_rows": metadata.num_rows, "schema": [str(f) for f in pf.schema_arrow]}
        size = total_uncompressed_bytes(metadata)
        if size > SKIP_UNCOMPRESSED_BYTES:
            return {**head, "skipped": f"total uncompressed size {size} B exceeds {SKIP_UNCOMPRESSED_BYTES} B"}
        rows = read_rows(path, max_rows, None)
        if has_int96(pf.schema):
            rows = resolve_int96(rows, read_rows(path, max_rows, "ms"))
    except DumpError:
        raise
    except Exception as e:  # whatever pyarrow raises is the file's recorded failure
        return {"file": rel, "error": f"{type(e).__name__}: {e}"}
    return {**head, "truncated": metadata.num_rows > len(rows), "rows": rows}


def dump_text(result):
    """The file JSON with one row per line, so a row's text can be compared line by line."""
    head = {k: v for k, v in result.items() if k != "rows"}
    text = json.dumps(head, ensure_ascii=False, separators=(",", ":"))
    if "rows" not in result:
        return text + "\n"
    rows = ",\n".join(json_text(row) for row in result["rows"])
    return text[:-1] + ',"rows":[' + ("\n" + rows + "\n" if rows else "") + "]}\n"


def corpus_files(root):
    found = []
    for folder, dirs, files in os.walk(root):
        if os.path.relpath(folder, root) == ".":
            dirs[:] = [d for d in dirs if d != "bad_data"]
        found.extend(os.path.relpath(os.path.join(folder, f), root).replace(os.sep, "/")
                     for f in files if f.endswith(".parquet"))
    return sorted(found)


def index_entry(result):
    entry = {"file": result["file"]}
    if "error" in result:
        return {**entry, "status": "error", "error": result["error"]}
    entry["num_rows"] = result["num_rows"]
    if "skipped" in result:
        return {**entry, "status": "skipped", "skipped": result["skipped"]}
    return {**entry, "status": "ok", "rows": len(result["rows"]), "truncated": result["truncated"]}


def dump_corpus(root, outdir, max_rows):
    started = time.monotonic()
    os.makedirs(outdir, exist_ok=True)
    entries = []
    for rel in corpus_files(root):
        try:
            result = dump_file(os.path.join(root, rel), rel, max_rows)
        except DumpError as e:
            raise DumpError(f"{rel}: {e}") from e
        target = os.path.join(outdir, rel + ".json")
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as f:
            f.write(dump_text(result))
        entries.append(index_entry(result))
    counts = {s: sum(e["status"] == s for e in entries) for s in ("ok", "error", "skipped")}
    index = {"pyarrow": pa.__version__, "max_rows": max_rows, "counts": counts, "files": entries}
    with open(os.path.join(outdir, "index.json"), "w", encoding="utf-8") as f:
        json.dump(index, f, ensure_ascii=False, indent=1)
        f.write("\n")
    return index, time.monotonic() - started


def main(argv):
    parser = argparse.ArgumentParser(prog="pyarrow_dump.py", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    dump = sub.add_parser("dump")
    dump.add_argument("corpus_root")
    dump.add_argument("outdir")
    dump.add_argument("--max-rows", type=int, default=DEFAULT_MAX_ROWS)
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:
        return 2 if e.code else 0
    if args.max_rows < 0 or not os.path.isdir(args.corpus_root):
        print("pyarrow_dump.py: --max-rows must be >= 0 and CORPUS_ROOT a folder", file=sys.stderr)
        return 2
    try:
        index, seconds = dump_corpus(args.corpus_root, args.outdir, args.max_rows)
    except DumpError as e:
        print(f"pyarrow_dump.py: {e}", file=sys.stderr)
        return 1
    print(json.dumps({**index["counts"], "seconds": round(seconds, 2)}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
