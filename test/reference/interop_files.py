#!/usr/bin/env python3
"""Writes the interop matrix: Parquet files that pyarrow and DuckDB write, with every codec, both
data page versions and every encoding they offer, for the Node suite test/suites/interop.node.ts to
read with Parquetry and compare with pyarrow's reading (pyarrow_dump.py).

  interop_files.py write OUTDIR [--rows N]
      OUTDIR/pyarrow/*.parquet, OUTDIR/duckdb/*.parquet and OUTDIR/manifest.json: a list of
      {file, writer, compression, page_version, encoding, skipped_columns, options, rows,
      row_groups}. page_version is pyarrow's data_page_version ("1.0", "2.0") or DuckDB's
      PARQUET_VERSION ("V1", "V2": encodings only; DuckDB writes DATA_PAGE headers either way).
      skipped_columns lists {column, reason} for each column a writer refused, or pyarrow could not
      read back, in that file's settings (the file is written without it). Deterministic: the same N gives the same
      bytes. N defaults to 1800. Every file is read back with pq.read_table before it is listed.

Exit status 2 on usage errors, 1 when a writer fails on a whole file or a file does not read back.
"""
import argparse
import decimal
import io
import json
import math
import os
import random
import struct
import sys
import time

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree

import duckdb  # noqa: E402
import pyarrow as pa  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402

SEED = 20250611
DEFAULT_ROWS = 1800  # "about 2,000": keeps the whole matrix under ~30 MB
NULL_SHARE = 0.1
LONG_TEXT = 10_000  # bytes: a value longer than any small page

# pyarrow's codec names; its 'lz4' writes LZ4_RAW (Parquet codec 7), never the Hadoop-framed LZ4.
PYARROW_CODECS = ("NONE", "SNAPPY", "GZIP", "BROTLI", "ZSTD", "LZ4")
DUCKDB_CODECS = ("uncompressed", "snappy", "gzip", "zstd", "brotli", "lz4")
PAGE_VERSIONS = ("1.0", "2.0")
# Many pages and row groups: write_batch_size bounds how often pyarrow checks data_page_size.
SMALL_PAGES = {"data_page_size": 1024, "write_batch_size": 64, "row_group_size": 500}


class WriterRefused(Exception):
    """A writer refused a whole file (not one column): a gap in this script's matrix."""


# ---------------------------------------------------------------------------------------------
# Seeded values. Every maker returns one value; `nullable` wraps one to give ~10% nulls.

def nullable(rng, make):
    return lambda: None if rng.random() < NULL_SHARE else make()


def integers(rng, lo, hi):
    """Extremes, full-range values and small ones (narrow delta bit widths) mixed."""
    extremes = [lo, hi, lo + 1, hi - 1, 0] + ([-1] if lo < 0 else [])

    def make():
        r = rng.random()
        if r < 0.1:
            return rng.choice(extremes)
        if r < 0.25:
            return rng.randint(lo, hi)
        return rng.randint(max(lo, -1000), min(hi, 1000))
    return make


def floats(rng, bits):
    """Random bit patterns (every exponent; NaN payloads) and the special values."""
    fmt, width = {16: ("<e", 2), 32: ("<f", 4), 64: ("<d", 8)}[bits]
    specials = [math.nan, -0.0, 0.0, math.inf, -math.inf, 1.0, -1.5]

    def make():
        r = rng.random()
        if r < 0.15:
            return rng.choice(specials)
        if r < 0.4:
            return struct.unpack(fmt, rng.randbytes(width))[0]
        return struct.unpack(fmt, struct.pack(fmt, round(rng.uniform(-1e4, 1e4), 3)))[0]
    return make


WORDS = ["", "a", "parquet", "naïve café", "日本語のテキスト", "Ελληνικά", "emoji 🎉🚀", "tab\there\nnewline",
         "nul\x00inside", 'quote " and \\ backslash', "line\u2028separator", "ümlaut", "z" * 40]
ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789 é€𝄞ß中"


def texts(rng):
    calls = [0]

    def make():
        calls[0] += 1
        r = rng.random()
        if calls[0] % 600 == 300:  # a few, on a schedule: chance alone may give none
            char = rng.choice("xé")
            return "long:" + char * (LONG_TEXT // len(char.encode()))
        if r < 0.3:
            return rng.choice(WORDS)
        if r < 0.65:
            return f"key-{rng.randint(0, 99999):05d}"  # shared prefixes for DELTA_BYTE_ARRAY
        return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 30)))
    return make


def decimals(rng, precision, scale):
    unscaled = integers(rng, -(10**precision - 1), 10**precision - 1)
    return lambda: decimal.Decimal(f"{unscaled()}E-{scale}")  # the string form is exact


def uuids(rng):
    def make():
        raw = bytearray(rng.randbytes(16))
        raw[6] = (raw[6] & 0x0F) | 0x40  # version 4
        raw[8] = (raw[8] & 0x3F) | 0x80  # RFC 4122 variant
        return bytes(raw)
    return make


def lists(rng, make, max_len=6):
    """[] about 10% of the time, else 1..max_len values."""
    return lambda: [] if rng.random() < NULL_SHARE else [make() for _ in range(rng.randint(1, max_len))]


def column(rng, rows, make, null=True):
    maker = nullable(rng, make) if null else make
    return [maker() for _ in range(rows)]


def float16_array(values):
    """pyarrow builds float16 only from numpy, which the venv lacks: pack the halves by hand."""
    data = b"".join(struct.pack("<e", 0.0 if v is None else v) for v in values)
    valid = sum(1 << i for i, v in enumerate(values) if v is not None)
    bitmap = pa.py_buffer(valid.to_bytes((len(values) + 7) // 8, "little"))
    return pa.Array.from_buffers(pa.float16(), len(values), [bitmap, pa.py_buffer(data)],
                                 null_count=sum(v is None for v in values))


# ---------------------------------------------------------------------------------------------
# The pyarrow table.

INT_TYPES = [("i8", pa.int8(), 8, True), ("i16", pa.int16(), 16, True), ("i32", pa.int32(), 32, True),
             ("i64", pa.int64(), 64, True), ("u8", pa.uint8(), 8, False), ("u16", pa.uint16(), 16, False),
             ("u32", pa.uint32(), 32, False), ("u64", pa.uint64(), 64, False)]
DAY, INT64_MIN, INT64_MAX = 86400, -(2**63), 2**63 - 1


def temporal(rng, rows, arrow_type, storage, lo, hi):
    counts = column(rng, rows, integers(rng, lo, hi))
    return pa.array(counts, storage).cast(arrow_type)


def pyarrow_table(rows, seed=SEED):
    rng = random.Random(seed)
    cols = {"id": pa.array(range(rows), pa.int64())}
    for name, arrow_type, bits, signed in INT_TYPES:
        lo, hi = (-(2 ** (bits - 1)), 2 ** (bits - 1) - 1) if signed else (0, 2**bits - 1)
        cols[name] = pa.array(column(rng, rows, integers(rng, lo, hi)), arrow_type)
    f32 = floats(rng, 32)
    cols["f32"] = pa.array(column(rng, rows, f32), pa.float32())
    cols["f64"] = pa.array(column(rng, rows, floats(rng, 64)), pa.float64())
    cols["f16"] = float16_array(column(rng, rows, floats(rng, 16)))
    cols["flag"] = pa.array(column(rng, rows, lambda: rng.random() < 0.5), pa.bool_())
    cols["str"] = pa.array(column(rng, rows, texts(rng)), pa.string())
    cols["req_str"] = pa.array(column(rng, rows, texts(rng), null=False), pa.string())
    cols["bin"] = pa.array(column(rng, rows, lambda: rng.randbytes(rng.randint(0, 24))), pa.binary())
    cols["large_str"] = pa.array(column(rng, rows, texts(rng)), pa.large_string())
    cols["fsb16"] = pa.array(column(rng, rows, lambda: rng.randbytes(16)), pa.binary(16))
    for precision, scale, arrow_type in [(9, 2, pa.decimal128(9, 2)), (18, 6, pa.decimal128(18, 6)),
                                         (38, 10, pa.decimal128(38, 10)), (50, 20, pa.decimal256(50, 20))]:
        cols[f"dec{precision}"] = pa.array(column(rng, rows, decimals(rng, precision, scale)), arrow_type)
    cols["date"] = temporal(rng, rows, pa.date32(), pa.int32(), -719162, 2932896)  # 0001-01-01 .. 9999-12-31
    cols["time_ms"] = temporal(rng, rows, pa.time32("ms"), pa.int32(), 0, DAY * 10**3 - 1)
    cols["time_us"] = temporal(rng, rows, pa.time64("us"), pa.int64(), 0, DAY * 10**6 - 1)
    cols["time_ns"] = temporal(rng, rows, pa.time64("ns"), pa.int64(), 0, DAY * 10**9 - 1)
    for unit in ("ms", "us", "ns"):
        for tz, suffix in ((None, ""), ("UTC", "_utc")):
            cols[f"ts_{unit}{suffix}"] = temporal(rng, rows, pa.timestamp(unit, tz), pa.int64(), INT64_MIN, INT64_MAX)
    cols["uuid"] = pa.ExtensionArray.from_storage(pa.uuid(), pa.array(column(rng, rows, uuids(rng)), pa.binary(16)))
    palette = WORDS + [f"category {k}" for k in range(12)]
    cols["dict_str"] = pa.array(column(rng, rows, lambda: rng.choice(palette)), pa.string()).dictionary_encode()
    small_int = nullable(rng, integers(rng, -(2**31), 2**31 - 1))
    cols["list_i32"] = pa.array(column(rng, rows, lists(rng, small_int)), pa.list_(pa.int32()))
    cols["list_req"] = pa.array(column(rng, rows, lists(rng, integers(rng, -100, 100))),
                                pa.list_(pa.field("element", pa.int32(), nullable=False)))
    word = nullable(rng, lambda: rng.choice(WORDS))
    cols["list_list_str"] = pa.array(column(rng, rows, lists(rng, nullable(rng, lists(rng, word, 3)), 3)),
                                     pa.list_(pa.list_(pa.string())))
    pair = nullable(rng, lambda: {"a": nullable(rng, integers(rng, INT64_MIN, INT64_MAX))(), "b": word()})
    cols["list_struct"] = pa.array(column(rng, rows, lists(rng, pair, 4)),
                                   pa.list_(pa.struct([("a", pa.int64()), ("b", pa.string())])))
    inner = nullable(rng, lambda: {"z": word()})
    point = lambda: {"x": nullable(rng, floats(rng, 64))(), "y": inner()}  # noqa: E731
    cols["struct"] = pa.array(column(rng, rows, point),
                              pa.struct([("x", pa.float64()), ("y", pa.struct([("z", pa.string())]))]))
    value = nullable(rng, integers(rng, -(2**31), 2**31 - 1))
    entries = lambda: [(f"k{k}", value()) for k in rng.sample(range(20), rng.randint(0, 5))]  # noqa: E731
    cols["map"] = pa.array(column(rng, rows, entries), pa.map_(pa.string(), pa.int32()))
    quad = lambda: [nullable(rng, f32)() for _ in range(4)]  # noqa: E731
    cols["fsl"] = pa.array(column(rng, rows, quad), pa.list_(pa.float32(), 4))
    schema = pa.schema([pa.field(name, arr.type, nullable=name not in ("id", "req_str")) for name, arr in cols.items()])
    return pa.Table.from_arrays(list(cols.values()), schema=schema)


# ---------------------------------------------------------------------------------------------
# pyarrow's settings: an encoding variant names an encoding per Parquet leaf, by physical type.

def leaf_columns(table, compliant):
    """(dotted path, ColumnSchema) of every Parquet leaf pyarrow makes for the table."""
    sink = io.BytesIO()
    pq.write_table(table.slice(0, 0), sink, use_compliant_nested_type=compliant, store_decimal_as_integer=True)
    schema = pq.ParquetFile(io.BytesIO(sink.getvalue())).schema
    return [(schema.column(i).path, schema.column(i)) for i in range(len(schema))]


def delta_encoding(leaf):
    physical = leaf.physical_type
    if physical in ("INT32", "INT64"):
        return "DELTA_BINARY_PACKED"
    if physical in ("FLOAT", "DOUBLE") or leaf.logical_type.type == "FLOAT16":
        return "BYTE_STREAM_SPLIT"
    if physical == "BYTE_ARRAY":
        return "DELTA_BYTE_ARRAY" if leaf.logical_type.type == "STRING" else "DELTA_LENGTH_BYTE_ARRAY"
    if physical == "FIXED_LEN_BYTE_ARRAY":
        return "DELTA_BYTE_ARRAY"
    return "RLE"  # BOOLEAN


def split_encoding(leaf):
    physical = leaf.physical_type
    if physical in ("INT32", "INT64", "FLOAT", "DOUBLE", "FIXED_LEN_BYTE_ARRAY"):
        return "BYTE_STREAM_SPLIT"
    if physical == "BYTE_ARRAY":
        return "DELTA_LENGTH_BYTE_ARRAY" if leaf.logical_type.type == "STRING" else "DELTA_BYTE_ARRAY"
    return "PLAIN"  # BOOLEAN


# name -> (write_table options, per-leaf encoding or None, small pages?, codecs). The last two
# variants add encodings, not codec coverage: two codecs each keep the matrix under ~30 MB.
PYARROW_VARIANTS = {
    "dict": ({}, None, False, PYARROW_CODECS),
    "plain": ({"use_dictionary": False}, None, False, PYARROW_CODECS),
    "delta": ({"use_dictionary": False, "store_decimal_as_integer": True}, delta_encoding, True, PYARROW_CODECS),
    # a 2 kB dictionary page limit makes high-cardinality chunks fall back to PLAIN mid-chunk
    "dict-small": ({"dictionary_pagesize_limit": 2048}, None, True, ("NONE", "ZSTD")),
    "split": ({"use_dictionary": False}, split_encoding, False, ("NONE", "ZSTD")),
}
# One file each, ZSTD unless named: settings that change the file's layout or schema, not its encodings.
PYARROW_EXTRAS = {
    "legacy-nested": {"use_compliant_nested_type": False, "compression": "SNAPPY"},
    "checksums-index-bloom": {"write_page_checksum": True, "write_page_index": True, "data_page_version": "2.0",
                              "bloom_filter_options": {"str": {"ndv": 2000}, "i64": True}},
    # legacy converted types only (no nanosecond timestamps: pyarrow refuses ts_ns's values in µs)
    "format-1.0": {"version": "1.0"},
    "int96": {"use_deprecated_int96_timestamps": True},
    "content-defined-chunking": {"use_content_defined_chunking": True, "data_page_version": "2.0"},
    "rows-per-page": {"max_rows_per_page": 37, "row_group_size": 777, "data_page_version": "2.0",
                      "store_decimal_as_integer": True},
}


def pyarrow_options(table, variant, codec, page_version):
    options, encode, small, _ = PYARROW_VARIANTS[variant]
    kwargs = {"compression": codec, "data_page_version": page_version, "write_statistics": True, **options}
    if small:
        kwargs.update(SMALL_PAGES)
    if encode is not None:
        kwargs["column_encoding"] = {path: encode(leaf) for path, leaf in leaf_columns(table, True)}
    return kwargs


def without_columns(table, kwargs, dropped):
    """The table and options with the top-level columns `dropped` removed."""
    keep = [name for name in table.column_names if name not in dropped]
    kwargs = dict(kwargs)
    if "column_encoding" in kwargs:
        kwargs["column_encoding"] = {p: e for p, e in kwargs["column_encoding"].items() if p.split(".")[0] in keep}
    return table.select(keep), kwargs


def refused_columns(table, kwargs):
    """{column: reason} for each top-level column pyarrow will not write with these options, or
    not read back (the dumper reads with pyarrow, so such a column has no reference)."""
    refused = {}
    for name in table.column_names:
        others = [n for n in table.column_names if n != name]
        one, one_kwargs = without_columns(table.slice(0, 64), kwargs, set(others))
        sink = io.BytesIO()
        try:
            pq.write_table(one, sink, **one_kwargs)
        except (pa.ArrowException, OSError, ValueError, TypeError) as e:
            refused[name] = f"write: {type(e).__name__}: {e}"
            continue
        try:
            pq.read_table(io.BytesIO(sink.getvalue()))
        except (pa.ArrowException, OSError, ValueError, TypeError) as e:
            refused[name] = f"read back: {type(e).__name__}: {e}"
    return refused


def write_pyarrow(table, path, kwargs):
    """Writes the file, leaving out the columns pyarrow refuses; returns their [{column, reason}]."""
    refused = refused_columns(table, kwargs)
    table, kwargs = without_columns(table, kwargs, set(refused))
    try:
        pq.write_table(table, path, **kwargs)
    except (pa.ArrowException, OSError, ValueError, TypeError) as e:
        raise WriterRefused(f"{path}: {type(e).__name__}: {e}") from e
    return [{"column": c, "reason": r} for c, r in refused.items()]


def pyarrow_files(outdir, rows):
    table = pyarrow_table(rows)
    folder = os.path.join(outdir, "pyarrow")
    os.makedirs(folder, exist_ok=True)
    for variant, (_, _, _, codecs) in PYARROW_VARIANTS.items():
        for codec in codecs:
            for page_version in PAGE_VERSIONS:
                name = f"{variant}-{codec.lower()}-v{page_version[0]}.parquet"
                kwargs = pyarrow_options(table, variant, codec, page_version)
                skipped = write_pyarrow(table, os.path.join(folder, name), kwargs)
                yield entry(f"pyarrow/{name}", "pyarrow", codec, page_version, variant, skipped, kwargs)
    for extra, options in PYARROW_EXTRAS.items():
        kwargs = {"compression": "ZSTD", "data_page_version": "1.0", "write_statistics": True, **options}
        skipped = write_pyarrow(table, os.path.join(folder, f"{extra}.parquet"), kwargs)
        yield entry(f"pyarrow/{extra}.parquet", "pyarrow", kwargs["compression"], kwargs["data_page_version"],
                    extra, skipped, kwargs)


def entry(file, writer, compression, page_version, encoding, skipped, options):
    shown = {k: v for k, v in options.items() if k not in ("compression", "data_page_version", "column_encoding")}
    if "column_encoding" in options:
        shown["column_encoding"] = sorted(set(options["column_encoding"].values()))
    return {"file": file, "writer": writer, "compression": compression, "page_version": page_version,
            "encoding": encoding, "skipped_columns": skipped, "options": shown}


# ---------------------------------------------------------------------------------------------
# The DuckDB table, built in SQL from range(rows): pseudo-random values are multiplicative hashes
# of the row number (deterministic, unlike random() under several threads).

def rnd(k):
    """SQL for a pseudo-random integer in [0, 4294967291), stream k."""
    return f"((i + {k * 7919}) * {2654435761 + 2 * k} % 4294967291)"


def maybe_null(k, expr):
    return f"CASE WHEN {rnd(k)} % 10 = 0 THEN NULL ELSE {expr} END"


def wide(k):
    """SQL for a pseudo-random HUGEINT in [0, 2**64)."""
    return f"(({rnd(k)}::HUGEINT << 32) + {rnd(k + 500)})"


def special_float(k, kind):
    return (f"CASE {rnd(k)} % 23 WHEN 0 THEN 'nan'::{kind} WHEN 1 THEN 'inf'::{kind} WHEN 2 THEN '-inf'::{kind} "
            f"WHEN 3 THEN '-0.0'::{kind} WHEN 4 THEN 0::{kind} "  # the literal -0.0 is a DECIMAL: +0
            f"ELSE ((({rnd(k + 1)} % 2000001) - 1000000) / 997.0 * pow(10, {rnd(k + 2)} % 21 - 10))::{kind} END")


def duckdb_text(k):
    return (f"CASE {rnd(k)} % 9 WHEN 0 THEN '' WHEN 1 THEN 'naïve café' WHEN 2 THEN '日本語 🎉' "
            f"WHEN 3 THEN 'tab' || chr(9) || 'nul' || chr(0) WHEN 4 THEN 'key-' || lpad(({rnd(k + 1)} % 100000)::VARCHAR, 5, '0') "
            f"ELSE CASE WHEN {rnd(k + 2)} % 300 = 0 THEN 'long:' || repeat('é', {LONG_TEXT // 2}) "
            f"ELSE 'text ' || ({rnd(k + 3)} % 100000)::VARCHAR END END")


def duckdb_word(outer):
    """SQL for a short nullable string inside a list comprehension over x (and `outer`)."""
    return (f"CASE (x + {outer} * 3 + i) % 5 WHEN 0 THEN NULL WHEN 1 THEN '' WHEN 2 THEN 'ß中' "
            f"ELSE 'w' || (x * {outer})::VARCHAR END")


def decimal_sql(unscaled, precision, scale):
    """SQL for DECIMAL(precision, scale) with this unscaled HUGEINT, through its exact text (a
    DECIMAL division would go through DOUBLE)."""
    digits = f"(repeat('0', {scale}) || abs({unscaled})::VARCHAR)"
    return (f"(CASE WHEN {unscaled} < 0 THEN '-' ELSE '' END || left({digits}, length({digits}) - {scale}) "
            f"|| '.' || right({digits}, {scale}))::DECIMAL({precision},{scale})")


# (name, SQL type, lowest value, span). i32 and u32 keep their deltas within 32 bits; the full
# ranges are the *_full columns, left out of V2 files (DUCKDB_V1_ONLY).
DUCKDB_INTEGERS = [("i8", "TINYINT", -(2**7), 2**8), ("i16", "SMALLINT", -(2**15), 2**16),
                   ("i32", "INTEGER", -(2**30), 2**31), ("i32_full", "INTEGER", -(2**31), 2**32),
                   ("i64", "BIGINT", -(2**63), 2**64), ("u8", "UTINYINT", 0, 2**8), ("u16", "USMALLINT", 0, 2**16),
                   ("u32", "UINTEGER", 0, 2**31), ("u32_full", "UINTEGER", 0, 2**32), ("u64", "UBIGINT", 0, 2**64)]
DUCKDB_V1_ONLY = {
    name: "DuckDB's V2 writer computes INT32 DELTA_BINARY_PACKED deltas in 64 bits (33-bit miniblocks, "
          "min delta below -2**31) and pyarrow 26.0.1 refuses the column (OSError: Unexpected end of "
          "stream: InitBlock EOF)"
    for name in ("i32_full", "u32_full")
}


def duckdb_columns():
    cols = {"id": "i::BIGINT"}
    for n, (name, sql_type, lo, span) in enumerate(DUCKDB_INTEGERS):
        cols[name] = maybe_null(n, f"(CASE {rnd(n + 30)} % 40 WHEN 0 THEN {lo} WHEN 1 THEN {lo + span - 1} "
                                   f"ELSE {wide(n + 10)} % {span} + {lo} END)::{sql_type}")
    cols["huge"] = maybe_null(20, f"({wide(21)} * ({wide(22)} % {2**60}) - (1::HUGEINT << 120))")  # written as DOUBLE
    cols["f32"] = maybe_null(23, special_float(24, "FLOAT"))
    cols["f64"] = maybe_null(27, special_float(28, "DOUBLE"))
    cols["flag"] = maybe_null(31, f"{rnd(32)} % 2 = 0")
    cols["str"] = maybe_null(33, duckdb_text(34))
    cols["blob"] = maybe_null(38, f"CASE WHEN {rnd(39)} % 11 = 0 THEN ''::BLOB ELSE unhex(printf('%08x%04x', {rnd(40)}, {rnd(41)} % 65536)) END")
    for n, (precision, scale) in enumerate([(4, 1), (9, 2), (18, 3), (38, 10)]):
        top = 10**precision - 1
        product = f"({wide(45 + n)} % {2**62} * ({wide(49 + n)} % {2**63}))"  # < 2**125: no INT128 overflow
        unscaled = (f"(CASE {rnd(53 + n)} % 40 WHEN 0 THEN {top}::HUGEINT WHEN 1 THEN -{top}::HUGEINT "
                    f"ELSE {product} % {top + 1} - {(top + 1) // 2} END)")
        cols[f"dec{precision}"] = maybe_null(42 + n * 10, decimal_sql(unscaled, precision, scale))
    cols["date"] = maybe_null(90, f"DATE '1970-01-01' + ({rnd(91)} % 3652059 - 719162)::INTEGER")
    cols["time"] = maybe_null(92, f"TIME '00:00:00' + to_microseconds(({wide(93)} % 86400000000)::BIGINT)")
    cols["ts"] = maybe_null(94, f"make_timestamp(({wide(95)} % 200000000000000000 - 100000000000000000)::BIGINT)")
    cols["ts_ms"] = f"({cols['ts']})::TIMESTAMP_MS"
    cols["ts_s"] = f"({cols['ts']})::TIMESTAMP_S"
    cols["ts_ns"] = maybe_null(96, f"make_timestamp(({wide(97)} % 18000000000000000 - 9000000000000000)::BIGINT)::TIMESTAMP_NS")
    cols["tstz"] = maybe_null(98, f"make_timestamp(({wide(99)} % 4000000000000000 - 2000000000000000)::BIGINT)::TIMESTAMPTZ")
    cols["uuid"] = maybe_null(100, f"printf('%08x-%04x-4%03x-a%03x-%08x%04x', {rnd(101)}, {rnd(102)} % 65536, "
                                   f"{rnd(103)} % 4096, {rnd(104)} % 4096, {rnd(105)}, {rnd(106)} % 65536)::UUID")
    cols["span"] = maybe_null(107, f"to_months(({rnd(108)} % 1000)::INTEGER) + to_days(({rnd(109)} % 100000)::INTEGER) "
                                   f"+ to_microseconds((({rnd(110)} % 86400000) * 1000)::BIGINT)")
    cols["mood"] = maybe_null(111, f"(['sad', 'ok', 'happy', 'ünïcode'])[{rnd(112)} % 4 + 1]::ENUM('sad', 'ok', 'happy', 'ünïcode')")
    cols["doc"] = maybe_null(113, f"json_object('k', {rnd(114)} % 100, 's', 'ü')::JSON")
    element = f"CASE WHEN (x * 31 + i) % 7 = 0 THEN NULL ELSE ((x + 1) * {rnd(116)} % 2147483647 - 1073741823)::INTEGER END"
    cols["list_i32"] = maybe_null(115, f"CASE WHEN {rnd(117)} % 10 = 0 THEN []::INTEGER[] "
                                       f"ELSE [{element} for x in range({rnd(118)} % 6 + 1)] END")
    inner = f"CASE WHEN (y + i) % 6 = 0 THEN NULL ELSE [{duckdb_word('y')} for x in range((y + i) % 4)] END"
    cols["list_list_str"] = maybe_null(119, f"[{inner} for y in range({rnd(120)} % 4)]::VARCHAR[][]")
    a = f"CASE WHEN x = 1 THEN NULL ELSE (x * {rnd(122)})::BIGINT END"
    pair = f"CASE WHEN (x + i) % 9 = 0 THEN NULL ELSE {{'a': {a}, 'b': {duckdb_word('1')}}} END"
    cols["list_struct"] = maybe_null(121, f"[{pair} for x in range({rnd(123)} % 4)]::STRUCT(a BIGINT, b VARCHAR)[]")
    y = maybe_null(129, f"{{'z': {maybe_null(130, duckdb_text(131))}}}")
    cols["struct"] = maybe_null(124, f"{{'x': {maybe_null(125, special_float(126, 'DOUBLE'))}, 'y': {y}}}"
                                     f"::STRUCT(x DOUBLE, y STRUCT(z VARCHAR))")
    keys = f"['k' || ((x * 7 + {rnd(136)}) % 20)::VARCHAR for x in range({rnd(137)} % 5)]"
    values = f"[CASE WHEN (x + i) % 5 = 0 THEN NULL ELSE (x * {rnd(138)} % 65536)::INTEGER END for x in range({rnd(137)} % 5)]"
    cols["map"] = maybe_null(135, f"MAP({keys}, {values})::MAP(VARCHAR, INTEGER)")
    quad = f"[CASE WHEN (x + i) % 8 = 0 THEN NULL ELSE (({rnd(140)} % 20001) / 8.0 - 1250 + x)::FLOAT END for x in range(4)]"
    # No null arrays: DuckDB writes a null FLOAT[4] with 4 level entries and pyarrow refuses the
    # column ("Length spanned by list offsets larger than values array").
    cols["arr"] = f"({quad})::FLOAT[4]"
    return cols


# (name, COPY options, codecs, page versions)
DUCKDB_VARIANTS = [
    ("default", "", DUCKDB_CODECS, ("V1", "V2")),
    ("small-row-groups", ", ROW_GROUP_SIZE 500, ROW_GROUP_SIZE_BYTES 65536", ("zstd",), ("V2",)),
]


def duckdb_table(rows):
    """A DuckDB connection holding the table `interop`."""
    con = duckdb.connect()
    con.execute("SET threads = 1")  # one writer thread: the same bytes every run
    con.execute("SET TimeZone = 'UTC'")
    select = ", ".join(f"{expr} AS {name}" for name, expr in duckdb_columns().items())
    con.execute(f"CREATE TABLE interop AS SELECT {select} FROM range({rows}) t(i) ORDER BY i")
    return con


def duckdb_files(outdir, rows):
    folder = os.path.join(outdir, "duckdb")
    os.makedirs(folder, exist_ok=True)
    con = duckdb_table(rows)
    for variant, options, codecs, versions in DUCKDB_VARIANTS:
        for codec in codecs:
            for version in versions:
                prefix = "" if variant == "default" else f"{variant}-"
                name = f"{prefix}{codec}-{version.lower()}.parquet"
                path = os.path.join(folder, name)
                skipped = DUCKDB_V1_ONLY if version == "V2" else {}
                source = f"SELECT * EXCLUDE ({', '.join(skipped)}) FROM interop" if skipped else "SELECT * FROM interop"
                try:
                    con.execute(f"COPY ({source}) TO '{path}' (FORMAT parquet, COMPRESSION {codec}, "
                                f"PARQUET_VERSION {version}{options})")
                except duckdb.Error as e:
                    raise WriterRefused(f"{name}: {type(e).__name__}: {e}") from e
                yield entry(f"duckdb/{name}", "duckdb", codec.upper(), version, f"duckdb-{version.lower()}",
                            [{"column": c, "reason": r} for c, r in skipped.items()],
                            {"copy": f"COMPRESSION {codec}, PARQUET_VERSION {version}{options}"})


# ---------------------------------------------------------------------------------------------

def read_back(outdir, item):
    """pq.read_table must read the file (the dumper is the reference); adds rows and row_groups."""
    path = os.path.join(outdir, item["file"])
    try:
        table = pq.read_table(path)
    except (pa.ArrowException, OSError) as e:
        raise WriterRefused(f"{item['file']} does not read back: {type(e).__name__}: {e}") from e
    item["rows"] = table.num_rows
    item["row_groups"] = pq.ParquetFile(path).metadata.num_row_groups
    return item


def write_matrix(outdir, rows):
    started = time.monotonic()
    os.makedirs(outdir, exist_ok=True)
    manifest = []
    for files in (pyarrow_files(outdir, rows), duckdb_files(outdir, rows)):
        for item in files:
            manifest.append(read_back(outdir, item))
    with open(os.path.join(outdir, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
        f.write("\n")
    size = sum(os.path.getsize(os.path.join(outdir, m["file"])) for m in manifest)
    return manifest, size, time.monotonic() - started


def main(argv):
    parser = argparse.ArgumentParser(prog="interop_files.py", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    write = sub.add_parser("write")
    write.add_argument("outdir")
    write.add_argument("--rows", type=int, default=DEFAULT_ROWS)
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:
        return 2 if e.code else 0
    if args.rows < 1:
        print("interop_files.py: --rows must be >= 1", file=sys.stderr)
        return 2
    try:
        manifest, size, seconds = write_matrix(args.outdir, args.rows)
    except (WriterRefused, pa.ArrowException, OSError) as e:
        print(f"interop_files.py: {e}", file=sys.stderr)
        return 1
    writers = {w: sum(m["writer"] == w for m in manifest) for w in ("pyarrow", "duckdb")}
    skipped = sum(len(m["skipped_columns"]) for m in manifest)
    print(json.dumps({**writers, "bytes": size, "skipped_columns": skipped, "seconds": round(seconds, 2)}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
