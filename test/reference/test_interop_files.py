"""Self-tests of interop_files.py (python3 -B -m unittest test_interop_files, from this folder, with
the .venv interpreter): the matrix holds the files the manifest names, each written the way its
entry says (codec, data page version, encodings, checksums: read from the page headers with the
independent Thrift decoder of compression_ref.py), the same bytes on every run, and tables with the
values the interop suite relies on (NaN, -0.0, 10 kB strings, null and empty lists and maps ...)."""
import json
import math
import os
import subprocess
import sys
import tempfile
import unittest
import zlib

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import pyarrow as pa  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402

import compression_ref  # noqa: E402
import interop_files as interop  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROWS = 600  # smaller files, still past a row group of 500 and a 2 kB dictionary page; the value
# checks below use the full-size tables

# Thrift enums (parquet.thrift)
DATA_PAGE, DICTIONARY_PAGE, DATA_PAGE_V2 = 0, 2, 3
PLAIN, RLE, DBP, DLBA, DBA, RLE_DICTIONARY, BSS = 0, 3, 5, 6, 7, 8, 9
PLAIN_DICTIONARY = 2
CODEC_IDS = {"NONE": 0, "UNCOMPRESSED": 0, "SNAPPY": 1, "GZIP": 2, "BROTLI": 4, "ZSTD": 6, "LZ4": 7}  # LZ4 = LZ4_RAW


def page_headers(path):
    """{column path: [(page header fields, page body bytes), ...]} over every row group, in order."""
    with open(path, "rb") as f:
        data = f.read()
    meta, footer_start = compression_ref.read_footer(data)
    pages = {}
    for group in meta[4]:
        for chunk in group[1]:
            cm = chunk[3]
            column = ".".join(part.decode() for part in cm[3])
            pos = cm[11] if 0 < cm.get(11, 0) < cm[9] else cm[9]
            end = pos + cm[7]
            assert end <= footer_start
            while pos < end:
                header, body = compression_ref.decode_struct(data, pos, end)
                pos = body + header[3]
                pages.setdefault(column, []).append((header, data[body:pos]))
    return pages


def codecs(path):
    with open(path, "rb") as f:
        meta, _ = compression_ref.read_footer(f.read())
    return {chunk[3][4] for group in meta[4] for chunk in group[1]}


def data_encodings(pages):
    """Encodings of the data pages of one column."""
    found = set()
    for header, _ in pages:
        if header[1] == DATA_PAGE:
            found.add(header[5][2])
        elif header[1] == DATA_PAGE_V2:
            found.add(header[8][4])
    return found


class Matrix(unittest.TestCase):
    """One small matrix, written once for all the tests of this class."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.out = os.path.join(cls.tmp.name, "files")
        cls.manifest, cls.size, _ = interop.write_matrix(cls.out, ROWS)
        cls.by_file = {m["file"]: m for m in cls.manifest}

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def pages(self, file):
        return page_headers(os.path.join(self.out, file))

    def test_manifest_lists_every_file_once_and_nothing_else(self):
        self.assertEqual(len(self.by_file), len(self.manifest))
        on_disk = sorted(f"{w}/{n}" for w in ("pyarrow", "duckdb") for n in os.listdir(os.path.join(self.out, w)))
        self.assertEqual(on_disk, sorted(self.by_file))
        self.assertEqual(sum(m["writer"] == "pyarrow" for m in self.manifest), 6 * 2 * 3 + 2 * 2 * 2 + 6)
        self.assertEqual(sum(m["writer"] == "duckdb" for m in self.manifest), 6 * 2 + 1)
        with open(os.path.join(self.out, "manifest.json"), encoding="utf-8") as f:
            self.assertEqual(json.load(f), self.manifest)

    def test_every_file_reads_back_with_every_row_and_without_its_skipped_columns(self):
        full = interop.pyarrow_table(ROWS).column_names
        for m in self.manifest:
            table = pq.read_table(os.path.join(self.out, m["file"]))
            self.assertEqual((table.num_rows, m["rows"]), (ROWS, ROWS), m["file"])
            skipped = {s["column"] for s in m["skipped_columns"]}
            self.assertTrue(skipped.isdisjoint(table.column_names), m["file"])
            self.assertTrue(all(s["reason"] for s in m["skipped_columns"]), m["file"])
            if m["writer"] == "pyarrow":
                self.assertEqual(table.column_names, [c for c in full if c not in skipped], m["file"])

    def test_codec_of_every_column_chunk_is_the_manifests(self):
        for m in self.manifest:
            self.assertEqual(codecs(os.path.join(self.out, m["file"])), {CODEC_IDS[m["compression"]]}, m["file"])

    def test_pyarrow_data_pages_are_v1_or_v2_as_the_manifest_says(self):
        for m in self.manifest:
            want = DATA_PAGE_V2 if m["writer"] == "pyarrow" and m["page_version"] == "2.0" else DATA_PAGE
            kinds = {h[1] for pages in self.pages(m["file"]).values() for h, _ in pages} - {DICTIONARY_PAGE}
            self.assertEqual(kinds, {want}, m["file"])

    def test_dictionary_variant_encodes_with_dictionaries(self):
        pages = self.pages("pyarrow/dict-zstd-v2.parquet")
        self.assertEqual(pages["i64"][0][0][1], DICTIONARY_PAGE)
        self.assertEqual(data_encodings(pages["i64"]), {RLE_DICTIONARY})
        self.assertEqual(data_encodings(pages["list_list_str.list.element.list.element"]), {RLE_DICTIONARY})

    def test_plain_variant_has_no_dictionary_pages(self):
        for version in ("1", "2"):
            pages = self.pages(f"pyarrow/plain-gzip-v{version}.parquet")
            kinds = {h[1] for column in pages.values() for h, _ in column}
            self.assertNotIn(DICTIONARY_PAGE, kinds)
            everything = set().union(*(data_encodings(column) for column in pages.values()))
            self.assertEqual(everything, {PLAIN} if version == "1" else {PLAIN, RLE})  # v2 booleans: RLE

    def test_delta_variant_uses_the_delta_encodings_byte_stream_split_and_many_pages(self):
        pages = self.pages("pyarrow/delta-brotli-v1.parquet")
        expected = {"i32": DBP, "u64": DBP, "ts_ns": DBP, "dec9": DBP, "dec18": DBP, "str": DBA, "fsb16": DBA,
                    "dec38": DBA, "bin": DLBA, "large_str": DBA, "f32": BSS, "f64": BSS, "f16": BSS, "flag": RLE,
                    "list_i32.list.element": DBP, "map.key_value.key": DBA, "struct.y.z": DBA}
        for column, encoding in expected.items():
            self.assertEqual(data_encodings(pages[column]), {encoding}, column)
        self.assertEqual(self.by_file["pyarrow/delta-brotli-v1.parquet"]["row_groups"], math.ceil(ROWS / 500))
        self.assertGreater(len(pages["str"]), len(pages["flag"]))  # 1 kB pages split the strings

    def test_split_variant_uses_byte_stream_split_on_every_fixed_width_type(self):
        pages = self.pages("pyarrow/split-none-v2.parquet")
        for column in ("i8", "i64", "u32", "f32", "f64", "f16", "fsb16", "dec38", "dec50", "uuid", "ts_us", "date"):
            self.assertEqual(data_encodings(pages[column]), {BSS}, column)
        self.assertEqual(data_encodings(pages["str"]), {DLBA})
        self.assertEqual(data_encodings(pages["bin"]), {DBA})

    def test_small_dictionary_pages_fall_back_to_plain_within_a_chunk(self):
        m = self.by_file["pyarrow/dict-small-zstd-v1.parquet"]
        self.assertEqual(m["row_groups"], math.ceil(ROWS / 500))
        pages = self.pages(m["file"])
        self.assertEqual(pages["i64"][0][0][1], DICTIONARY_PAGE)
        self.assertEqual(data_encodings(pages["i64"]), {RLE_DICTIONARY, PLAIN})

    def test_checksummed_file_has_a_correct_crc_on_every_page(self):
        pages = self.pages("pyarrow/checksums-index-bloom.parquet")
        count = 0
        for column in pages.values():
            for header, body in column:
                self.assertIn(4, header)
                self.assertEqual(header[4] & 0xFFFFFFFF, zlib.crc32(body))
                count += 1
        self.assertGreater(count, len(pages))
        other = self.pages("pyarrow/dict-zstd-v1.parquet")
        self.assertFalse(any(4 in h for column in other.values() for h, _ in column))

    def test_one_off_files_have_their_layouts(self):
        self.assertIn("list_i32.list.item", self.pages("pyarrow/legacy-nested.parquet"))
        self.assertIn("list_i32.list.element", self.pages("pyarrow/dict-zstd-v1.parquet"))
        schema = pq.ParquetFile(os.path.join(self.out, "pyarrow/int96.parquet")).schema
        self.assertEqual(schema.column(schema.names.index("ts_ms")).physical_type, "INT96")
        self.assertEqual(self.by_file["pyarrow/rows-per-page.parquet"]["row_groups"], math.ceil(ROWS / 777))
        self.assertGreaterEqual(len(self.pages("pyarrow/rows-per-page.parquet")["i64"]), ROWS // 37)

    def test_duckdb_v2_uses_the_v2_encodings_and_v1_does_not(self):
        v1 = self.pages("duckdb/zstd-v1.parquet")
        v2 = self.pages("duckdb/zstd-v2.parquet")
        self.assertEqual(data_encodings(v2["i64"]), {DBP})
        self.assertEqual(data_encodings(v2["f64"]), {BSS})
        self.assertEqual(data_encodings(v2["str"]), {DLBA})
        used_v1 = set().union(*(data_encodings(column) for column in v1.values()))
        self.assertTrue(used_v1 <= {PLAIN, PLAIN_DICTIONARY, RLE_DICTIONARY}, used_v1)
        self.assertIn("i32_full", v1)
        self.assertNotIn("i32_full", v2)

    def test_duckdb_small_row_groups(self):
        self.assertGreater(self.by_file["duckdb/small-row-groups-zstd-v2.parquet"]["row_groups"], 1)


class Deterministic(unittest.TestCase):
    def test_two_runs_write_the_same_bytes(self):
        with tempfile.TemporaryDirectory() as tmp:
            a, b = os.path.join(tmp, "a"), os.path.join(tmp, "b")
            interop.write_matrix(a, 40)
            interop.write_matrix(b, 40)
            for folder in ("pyarrow", "duckdb"):
                for name in sorted(os.listdir(os.path.join(a, folder))):
                    with open(os.path.join(a, folder, name), "rb") as fa, open(os.path.join(b, folder, name), "rb") as fb:
                        self.assertEqual(fa.read(), fb.read(), f"{folder}/{name}")


def values(table, name):
    return table.column(name).to_pylist()


class PyarrowTable(unittest.TestCase):
    """The full-size table has every case the brief names."""

    @classmethod
    def setUpClass(cls):
        cls.table = interop.pyarrow_table(interop.DEFAULT_ROWS)

    def test_about_ten_percent_nulls_in_nullable_columns_none_in_required_ones(self):
        for field in self.table.schema:
            share = self.table.column(field.name).null_count / self.table.num_rows
            if field.nullable:
                self.assertTrue(0.06 <= share <= 0.14, f"{field.name}: {share}")
            else:
                self.assertEqual(share, 0, field.name)

    def test_floats_hold_nan_negative_zero_and_infinities(self):
        for name in ("f32", "f64", "f16"):
            present = [v for v in values(self.table, name) if v is not None]
            self.assertTrue(any(math.isnan(v) for v in present), name)
            self.assertTrue(any(v == 0 and math.copysign(1, v) < 0 for v in present), name)
            self.assertTrue(math.inf in present and -math.inf in present, name)

    def test_strings_hold_empty_non_ascii_and_10_kb_values(self):
        for name in ("str", "req_str", "large_str"):
            present = [v for v in values(self.table, name) if v is not None]
            self.assertIn("", present, name)
            self.assertTrue(any(not v.isascii() for v in present), name)
            self.assertTrue(any(len(v.encode()) >= interop.LONG_TEXT for v in present), name)

    def test_integers_reach_both_ends_of_their_range(self):
        for name, arrow_type, bits, signed in interop.INT_TYPES:
            present = [v for v in values(self.table, name) if v is not None]
            lo, hi = (-(2 ** (bits - 1)), 2 ** (bits - 1) - 1) if signed else (0, 2**bits - 1)
            self.assertEqual((min(present), max(present)), (lo, hi), name)

    def test_lists_hold_null_lists_empty_lists_and_null_elements(self):
        lists = values(self.table, "list_i32")
        self.assertIn(None, lists)
        self.assertIn([], lists)
        self.assertTrue(any(None in v for v in lists if v))
        nested = values(self.table, "list_list_str")
        self.assertTrue(any(None in v for v in nested if v))  # a null inner list
        self.assertTrue(any([] in v for v in nested if v))
        pairs = [p for v in values(self.table, "list_struct") if v for p in v]
        self.assertIn(None, pairs)
        self.assertTrue(any(p is not None and p["a"] is None for p in pairs))

    def test_structs_and_maps_hold_nulls_at_every_level(self):
        structs = values(self.table, "struct")
        self.assertIn(None, structs)
        self.assertTrue(any(s is not None and s["y"] is None for s in structs))
        self.assertTrue(any(s is not None and s["y"] is not None and s["y"]["z"] is None for s in structs))
        maps = values(self.table, "map")
        self.assertIn(None, maps)
        self.assertIn([], maps)
        self.assertTrue(any(value is None for m in maps if m for _, value in m))
        quads = values(self.table, "fsl")
        self.assertIn(None, quads)
        self.assertTrue(all(len(q) == 4 for q in quads if q is not None))

    def test_types_are_the_ones_asked_for(self):
        schema = self.table.schema
        self.assertEqual(schema.field("dec50").type, pa.decimal256(50, 20))
        self.assertEqual(schema.field("fsb16").type, pa.binary(16))
        self.assertEqual(schema.field("f16").type, pa.float16())
        self.assertEqual(schema.field("ts_ns_utc").type, pa.timestamp("ns", "UTC"))
        self.assertEqual(schema.field("large_str").type, pa.large_string())
        self.assertEqual(schema.field("fsl").type, pa.list_(pa.float32(), 4))
        self.assertTrue(pa.types.is_dictionary(schema.field("dict_str").type))
        self.assertIsInstance(schema.field("uuid").type, pa.UuidType)


class DuckdbTable(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.con = interop.duckdb_table(interop.DEFAULT_ROWS)

    def scalar(self, sql):
        return self.con.execute(sql).fetchone()[0]

    def test_nulls_special_floats_long_and_empty_strings(self):
        rows = interop.DEFAULT_ROWS
        for column in ("i8", "u64", "f64", "str", "dec38", "ts", "uuid", "span", "list_i32", "map", "struct"):
            nulls = self.scalar(f"SELECT count(*) FROM interop WHERE {column} IS NULL") / rows
            self.assertTrue(0.06 <= nulls <= 0.14, f"{column}: {nulls}")
        self.assertGreater(self.scalar("SELECT count(*) FROM interop WHERE isnan(f64)"), 0)
        self.assertGreater(self.scalar("SELECT count(*) FROM interop WHERE f32 = 'inf'::FLOAT"), 0)
        self.assertGreater(self.scalar("SELECT count(*) FROM interop WHERE f64 = 0 AND signbit(f64)"), 0)
        self.assertGreater(self.scalar(f"SELECT count(*) FROM interop WHERE strlen(str) >= {interop.LONG_TEXT}"), 0)
        self.assertGreater(self.scalar("SELECT count(*) FROM interop WHERE str = ''"), 0)

    def test_integers_reach_both_ends(self):
        for name, sql_type, lo, span in interop.DUCKDB_INTEGERS:
            self.assertEqual(self.con.execute(f"SELECT min({name})::HUGEINT, max({name})::HUGEINT FROM interop").fetchone(),
                             (lo, lo + span - 1), name)

    def test_nested_columns_hold_empty_and_null_parts(self):
        self.assertGreater(self.scalar("SELECT count(*) FROM interop WHERE len(list_i32) = 0"), 0)
        self.assertGreater(self.scalar("SELECT count(*) FROM interop WHERE list_has_any(list_transform(list_i32, lambda x: x IS NULL), [true])"), 0)
        self.assertGreater(self.scalar("SELECT count(*) FROM interop WHERE cardinality(map) = 0"), 0)
        self.assertGreater(self.scalar("SELECT count(*) FROM interop WHERE list_has_any(list_transform(map_values(map), lambda v: v IS NULL), [true])"), 0)
        self.assertGreater(self.scalar("SELECT count(*) FROM interop WHERE struct IS NOT NULL AND struct.y IS NULL"), 0)
        self.assertGreater(self.scalar("SELECT count(*) FROM interop WHERE list_has_any(list_transform(list_list_str, lambda l: l IS NULL), [true])"), 0)


class Cli(unittest.TestCase):
    def run_cli(self, *args):
        return subprocess.run([sys.executable, "-B", os.path.join(HERE, "interop_files.py"), *args],
                              capture_output=True, text=True)

    def test_usage_errors_exit_2(self):
        self.assertEqual(self.run_cli().returncode, 2)
        self.assertEqual(self.run_cli("write").returncode, 2)
        with tempfile.TemporaryDirectory() as tmp:
            self.assertEqual(self.run_cli("write", tmp, "--rows", "0").returncode, 2)

    def test_write_prints_a_summary(self):
        with tempfile.TemporaryDirectory() as tmp:
            done = self.run_cli("write", tmp, "--rows", "16")
            self.assertEqual(done.returncode, 0, done.stderr)
            summary = json.loads(done.stdout)
            self.assertEqual((summary["pyarrow"], summary["duckdb"]), (50, 13))
            self.assertGreater(summary["bytes"], 0)


if __name__ == "__main__":
    unittest.main()
