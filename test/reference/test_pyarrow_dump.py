"""Self-tests of pyarrow_dump.py (python3 -B -m unittest test_pyarrow_dump, from this folder, with
the .venv interpreter): every rule of json_mapping.md on hand-made pyarrow arrays, files written by
pyarrow and read back, and a run over the parquet-testing corpus when it is present."""
import datetime
import decimal
import json
import os
import random
import struct
import subprocess
import sys
import tempfile
import time
import unittest
import uuid

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import pyarrow as pa  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402

import pyarrow_dump as dump  # noqa: E402
from pyarrow_dump import Leaf, Node  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "..", "..", "shared", "conformance", "parquet-testing")
CORPUS = os.environ.get("PARQUET_TEST_DATA", os.path.normpath(CORPUS))


def mapped(arr, leaf):
    return dump.map_array(arr, Node("leaf", leaf=leaf))


def text(arr, leaf):
    return [dump.json_text(v) for v in mapped(arr, leaf)]


class Integers(unittest.TestCase):
    def test_safe_range_is_a_number_beyond_it_a_string(self):
        values = [2**53 - 1, 2**53, 2**53 + 1, -(2**53), -(2**53) - 1, 2**63 - 1, -(2**63), None]
        self.assertEqual(mapped(pa.array(values, pa.int64()), Leaf("int")),
                         [2**53 - 1, 2**53, "9007199254740993", -(2**53), "-9007199254740993",
                          "9223372036854775807", "-9223372036854775808", None])

    def test_unsigned_64_uses_the_unsigned_value(self):
        arr = pa.array([2**64 - 1, 2**63, 2**53, 0], pa.uint64())
        self.assertEqual(mapped(arr, Leaf("int")), ["18446744073709551615", "9223372036854775808", 2**53, 0])

    def test_narrow_types_and_text(self):
        self.assertEqual(text(pa.array([-128, 127, None], pa.int8()), Leaf("int")), ["-128", "127", "null"])
        self.assertEqual(text(pa.array([4294967295], pa.uint32()), Leaf("int")), ["4294967295"])

    def test_duration_restored_from_arrow_schema_is_its_integer(self):
        self.assertEqual(mapped(pa.array([-5, None], pa.duration("ms")), Leaf("int")), [-5, None])


class Floats(unittest.TestCase):
    def test_specials(self):
        values = [float("nan"), float("inf"), float("-inf"), -0.0, 0.0, 1.5, None]
        for arrow_type in (pa.float64(), pa.float32(), pa.float16()):
            arr = pa.array(values, arrow_type)
            self.assertEqual(text(arr, Leaf("float")),
                             ['"NaN"', '"Infinity"', '"-Infinity"', "-0.0", "0", "1.5", "null"], arrow_type)

    def test_float32_prints_its_exact_double(self):
        # Float32Array -> number in JS gives the same double, so String(x) matches
        self.assertEqual(text(pa.array([1.1, 0.1], pa.float32()), Leaf("float")),
                         ["1.100000023841858", "0.10000000149011612"])

    def test_ecmascript_number_to_string(self):
        cases = {
            1.0: "1", -2.0: "-2", 0.1: "0.1", 100.0: "100", 1e21: "1e+21", 1e20: "100000000000000000000",
            123456789012345680000.0: "123456789012345680000", 1e-6: "0.000001", 1e-7: "1e-7",
            1.5e-7: "1.5e-7", 0.0000012345: "0.0000012345", 5e-324: "5e-324", 2.0**53: "9007199254740992",
            1.7976931348623157e308: "1.7976931348623157e+308", -1.25e-10: "-1.25e-10", 1e16: "10000000000000000",
            12345.678: "12345.678", 2.5e25: "2.5e+25",
        }
        for value, expected in cases.items():
            self.assertEqual(dump.js_number_text(value), expected, value)

    def test_negative_zero_reads_back_negative_in_python(self):
        self.assertEqual(str(json.loads(dump.js_number_text(-0.0))), "-0.0")


class Decimals(unittest.TestCase):
    def test_scale_digits_sign_and_width(self):
        D = decimal.Decimal
        arr = pa.array([D("1.00"), D("-1.50"), D("0.05"), D("-0.05"), D("0.00"), None], pa.decimal128(5, 2))
        self.assertEqual(mapped(arr, Leaf("decimal", scale=2)), ["1.00", "-1.50", "0.05", "-0.05", "0.00", None])

    def test_scale_zero_has_no_point(self):
        arr = pa.array([decimal.Decimal(-12), decimal.Decimal(0)], pa.decimal128(4, 0))
        self.assertEqual(mapped(arr, Leaf("decimal", scale=0)), ["-12", "0"])

    def test_38_and_76_digits_exact(self):
        nines = "9" * 38
        arr = pa.array([decimal.Decimal(nines), decimal.Decimal("-" + nines)], pa.decimal128(38, 0))
        self.assertEqual(mapped(arr, Leaf("decimal", scale=0)), [nines, "-" + nines])
        arr = pa.array([decimal.Decimal("-0." + "1" * 38)], pa.decimal128(38, 38))
        self.assertEqual(mapped(arr, Leaf("decimal", scale=38)), ["-0." + "1" * 38])
        big = "1234567890" * 7 + "123456"
        arr = pa.array([decimal.Decimal(big[:-10] + "." + big[-10:])], pa.decimal256(76, 10))
        self.assertEqual(mapped(arr, Leaf("decimal", scale=10)), [big[:-10] + "." + big[-10:]])

    def test_decimal_text_directly(self):
        self.assertEqual(dump.decimal_text(-5, 3), "-0.005")
        self.assertEqual(dump.decimal_text(12345, 2), "123.45")
        self.assertEqual(dump.decimal_text(7, -2), "700")


DAY = 86400


class Dates(unittest.TestCase):
    def test_known_days(self):
        days = {0: "1970-01-01", -1: "1969-12-31", 2932896: "9999-12-31", 2932897: "+010000-01-01",
                -719162: "0001-01-01", -719163: "0000-12-31", -719528: "0000-01-01", -719529: "-000001-12-31",
                105201161: "+290000-12-30", 11016: "2000-02-29", -141427: "1582-10-15"}
        arr = pa.array(list(days) + [None], pa.date32())
        self.assertEqual(mapped(arr, Leaf("date")), list(days.values()) + [None])

    def test_random_days_agree_with_datetime(self):
        rng = random.Random(53)
        epoch = datetime.date(1970, 1, 1)
        for _ in range(20000):
            n = rng.randint(-719162, 2932896)  # datetime.date's whole range
            self.assertEqual(dump.date_text(n), (epoch + datetime.timedelta(days=n)).isoformat(), n)

    def test_date64_becomes_whole_days(self):
        arr = pa.array([DAY * 1000, -DAY * 1000], pa.date64())
        self.assertEqual(mapped(arr, Leaf("date")), ["1970-01-02", "1969-12-31"])

    def test_year_text(self):
        self.assertEqual([dump.year_text(y) for y in (0, 9999, 10000, -1, 290000, -290000, 12345678)],
                         ["0000", "9999", "+010000", "-000001", "+290000", "-290000", "+12345678"])


class Timestamps(unittest.TestCase):
    def test_each_unit_with_and_without_utc(self):
        for unit, digits in (("ms", 3), ("us", 6), ("ns", 9)):
            for utc, z in ((False, ""), (True, "Z")):
                arr = pa.array([0, 1, -1, None], pa.timestamp(unit, tz="UTC" if utc else None))
                self.assertEqual(mapped(arr, Leaf("timestamp", digits=digits, utc=utc)), [
                    "1970-01-01T00:00:00." + "0" * digits + z,
                    "1970-01-01T00:00:00." + "0" * (digits - 1) + "1" + z,
                    "1969-12-31T23:59:59." + "9" * digits + z,
                    None], (unit, utc))

    def test_arrow_seconds_rescale_to_the_parquet_unit(self):
        arr = pa.array([1, -1], pa.timestamp("s"))
        self.assertEqual(mapped(arr, Leaf("timestamp", digits=3)), ["1970-01-01T00:00:01.000", "1969-12-31T23:59:59.000"])

    def test_int64_ends_in_nanoseconds(self):
        arr = pa.array([2**63 - 1, -(2**63)], pa.timestamp("ns"))
        self.assertEqual(mapped(arr, Leaf("timestamp", digits=9)),
                         ["2262-04-11T23:47:16.854775807", "1677-09-21T00:12:43.145224192"])

    def test_years_9999_10000_290000_and_minus_one(self):
        us = 10**6
        cases = {
            253402300799 * us + 999999: "9999-12-31T23:59:59.999999Z",
            253402300800 * us: "+010000-01-01T00:00:00.000000Z",
            9089380393200000000: "+290000-12-30T23:00:00.000000Z",  # int96_from_spark.md's microseconds
            (-719529 * DAY) * us: "-000001-12-31T00:00:00.000000Z",
            (-719528 * DAY) * us - 1: "-000001-12-31T23:59:59.999999Z",
        }
        arr = pa.array(list(cases), pa.timestamp("us", tz="UTC"))
        self.assertEqual(mapped(arr, Leaf("timestamp", digits=6, utc=True)), list(cases.values()))

    def test_random_instants_agree_with_datetime(self):
        rng = random.Random(96)
        epoch = datetime.datetime(1970, 1, 1)
        for _ in range(20000):
            us = rng.randint(-62135596800 * 10**6, 253402300799 * 10**6 + 999999)
            expected = (epoch + datetime.timedelta(microseconds=us)).isoformat(timespec="microseconds")
            self.assertEqual(dump.timestamp_text(us, 6, False), expected, us)


class Times(unittest.TestCase):
    def test_each_unit(self):
        cases = [
            (pa.time32("ms"), 3, [0, 86399999, 45296789], ["00:00:00.000", "23:59:59.999", "12:34:56.789"]),
            (pa.time64("us"), 6, [1, 86399999999], ["00:00:00.000001", "23:59:59.999999"]),
            (pa.time64("ns"), 9, [1, 86399999999999], ["00:00:00.000000001", "23:59:59.999999999"]),
            (pa.time32("s"), 3, [1, 86399], ["00:00:01.000", "23:59:59.000"]),  # Arrow [s] on Parquet millis
        ]
        for arrow_type, digits, values, expected in cases:
            self.assertEqual(mapped(pa.array(values + [None], arrow_type), Leaf("time", digits=digits, utc=True)),
                             expected + [None], arrow_type)

    def test_out_of_day_counts(self):
        self.assertEqual(dump.time_text(90000000, 3), "25:00:00.000")
        self.assertEqual(dump.time_text(-1, 3), "-00:00:00.001")


class BytesAndText(unittest.TestCase):
    def test_binary_is_padded_base64(self):
        arr = pa.array([b"", b"\x00", b"\xff\xfe", b"abc", None], pa.binary())
        self.assertEqual(mapped(arr, Leaf("binary")), ["", "AA==", "//4=", "YWJj", None])
        self.assertEqual(mapped(pa.array([b"\x01\x02\x03\x04\x05"], pa.binary(5)), Leaf("binary")), ["AQIDBAU="])

    def test_strings_from_string_or_binary_arrays(self):
        self.assertEqual(mapped(pa.array(["é", "", None]), Leaf("string")), ["é", "", None])
        self.assertEqual(mapped(pa.array([b"ok\xff", b"\xe2\x82"], pa.binary()), Leaf("string")),
                         ["ok\ufffd", "\ufffd"])
        self.assertEqual(mapped(pa.array([b"a", b"b", b"a"]).dictionary_encode(), Leaf("string")), ["a", "b", "a"])

    def test_a_string_array_on_a_plain_byte_array_column_is_base64(self):
        self.assertEqual(mapped(pa.array(["hi"]), Leaf("binary")), ["aGk="])

    def test_uuid(self):
        raw = bytes(range(16))
        for arr in (pa.array([raw, None], pa.binary(16)), pa.array([raw, None], pa.uuid())):
            self.assertEqual(mapped(arr, Leaf("uuid")), ["00010203-0405-0607-0809-0a0b0c0d0e0f", None])

    def test_interval_is_three_unsigned_little_endian_fields(self):
        arr = pa.array([struct.pack("<III", 1, 2, 3), struct.pack("<III", 2**32 - 1, 0, 7), None], pa.binary(12))
        self.assertEqual(mapped(arr, Leaf("interval")), [
            {"months": 1, "days": 2, "milliseconds": 3}, {"months": 4294967295, "days": 0, "milliseconds": 7}, None])

    def test_booleans_and_null_type(self):
        self.assertEqual(text(pa.array([True, False, None]), Leaf("bool")), ["true", "false", "null"])
        self.assertEqual(mapped(pa.array([None, None], pa.null()), Leaf("null")), [None, None])


class Nesting(unittest.TestCase):
    def nested(self):
        # list<struct<m: map<string, int64>, t: int32>>
        map_type = pa.map_(pa.string(), pa.int64())
        item = pa.struct([("m", map_type), ("t", pa.int32())])
        rows = [
            [{"m": [("a", 1), ("b", 2**60)], "t": 1}, None, {"m": None, "t": None}],
            None,
            [],
            [{"m": [], "t": 2}],
        ]
        arr = pa.array(rows, pa.list_(item))
        node = dump.bind_type(arr.type, iter([Leaf("string"), Leaf("int"), Leaf("int")]))
        return arr, node

    def test_list_struct_map(self):
        arr, node = self.nested()
        self.assertEqual(dump.map_array(arr, node), [
            [{"m": [{"key": "a", "value": 1}, {"key": "b", "value": "1152921504606846976"}], "t": 1}, None,
             {"m": None, "t": None}],
            None,
            [],
            [{"m": [], "t": 2}],
        ])

    def test_sliced_arrays_keep_their_offsets(self):
        arr, node = self.nested()
        self.assertEqual(dump.map_array(arr.slice(2), node), [[], [{"m": [], "t": 2}]])
        struct_arr = pa.StructArray.from_arrays([pa.array([1, 2, 3]), pa.array(["x", "y", "z"])], names=["a", "b"],
                                                mask=pa.array([False, True, False]))
        node = dump.bind_type(struct_arr.type, iter([Leaf("int"), Leaf("string")]))
        self.assertEqual(dump.map_array(struct_arr.slice(1), node), [None, {"a": 3, "b": "z"}])

    def test_fixed_size_and_large_lists(self):
        fixed = pa.array([[1, 2], None, [3, 4]], pa.list_(pa.int8(), 2)).slice(1)
        node = dump.bind_type(fixed.type, iter([Leaf("int")]))
        self.assertEqual(dump.map_array(fixed, node), [None, [3, 4]])
        large = pa.array([["a"], None, []], pa.large_list(pa.string()))
        node = dump.bind_type(large.type, iter([Leaf("string")]))
        self.assertEqual(dump.map_array(large, node), [["a"], None, []])

    def test_struct_field_order_and_json_text(self):
        arr = pa.array([{"z": 1, "a": None}], pa.struct([("z", pa.int32()), ("a", pa.float64())]))
        node = dump.bind_type(arr.type, iter([Leaf("int"), Leaf("float")]))
        self.assertEqual(dump.json_text(dump.map_array(arr, node)[0]), '{"z":1,"a":null}')

    def test_leaf_count_mismatch_is_refused(self):
        with self.assertRaises(dump.DumpError):
            dump.bind_type(pa.struct([("a", pa.int32()), ("b", pa.int32())]), iter([Leaf("int")]))


class JsonText(unittest.TestCase):
    def test_strings_escape_like_json_stringify(self):
        self.assertEqual(dump.json_text("a\"\\\n\x01\x7fé\u2028/"), '"a\\"\\\\\\n\\u0001\x7fé\u2028/"')

    def test_file_text_has_one_row_per_line(self):
        result = {"file": "x.parquet", "num_rows": 2, "schema": ["s"], "truncated": False, "rows": [{"a": 1}, {"a": -0.0}]}
        out = dump.dump_text(result)
        self.assertEqual(out, '{"file":"x.parquet","num_rows":2,"schema":["s"],"truncated":false,"rows":[\n'
                              '{"a":1},\n{"a":-0.0}\n]}\n')
        self.assertEqual(json.loads(out)["rows"][1]["a"], 0.0)
        empty = dump.dump_text({**result, "num_rows": 0, "rows": []})
        self.assertTrue(empty.endswith('"rows":[]}\n'))


# ---------------------------------------------------------------------------------------------
# Files written by pyarrow and read back through dump_file (Parquet leaf binding included).

def patch_converted_type(path, column_name, converted_type):
    """Adds SchemaElement.converted_type (field 6) to the leaf `column_name` of a file pyarrow wrote
    with no annotation, to get INTERVAL / ENUM / BSON columns pyarrow cannot write. The name is the
    leaf's last field, so the new field goes between it and the struct's stop byte (compact protocol:
    delta 2, type i32 = 0x25, then the zigzag varint)."""
    with open(path, "rb") as f:
        data = f.read()
    length = struct.unpack("<I", data[-8:-4])[0]
    footer = data[-8 - length:-8]
    name = bytes([len(column_name)]) + column_name.encode()
    at = footer.index(name) + len(name)
    assert footer[at] == 0, "the name is not the leaf's last field"
    footer = footer[:at] + bytes([0x25, converted_type * 2]) + footer[at:]
    with open(path, "wb") as f:
        f.write(data[:-8 - length] + footer + struct.pack("<I", len(footer)) + b"PAR1")


class WrittenFiles(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, table, name="t.parquet", **options):
        path = os.path.join(self.tmp.name, name)
        pq.write_table(table, path, **options)
        return path

    def rows(self, path, max_rows=1000):
        result = dump.dump_file(path, "t.parquet", max_rows)
        self.assertNotIn("error", result)
        return result["rows"]

    def test_arrow_schema_restored_types_follow_the_parquet_column(self):
        table = pa.table({
            "ts_s": pa.array([1, None], pa.timestamp("s")),
            "ts_ny": pa.array([0, None], pa.timestamp("ms", tz="America/New_York")),
            "t_s": pa.array([3661, None], pa.time32("s")),
            "d64": pa.array([86400000, None], pa.date64()),
            "dur": pa.array([-7, None], pa.duration("us")),
            "u": pa.array([uuid.UUID(int=255).bytes, None], pa.uuid()),
            "j": pa.array(['{"a":1}', None], pa.json_(pa.string())),
            "dict": pa.array(["x", None]).dictionary_encode(),
            "d32": pa.array([decimal.Decimal("-1.5"), None], pa.decimal32(5, 1)),
            "fsl": pa.array([[1, 2], None], pa.list_(pa.int16(), 2)),
            "u8": pa.array([255, None], pa.uint8()),
            "h": pa.array([-0.0, None], pa.float16()),
        })
        self.assertEqual(self.rows(self.write(table)), [
            {"ts_s": "1970-01-01T00:00:01.000", "ts_ny": "1970-01-01T00:00:00.000Z", "t_s": "01:01:01.000",
             "d64": "1970-01-02", "dur": -7, "u": "00000000-0000-0000-0000-0000000000ff", "j": '{"a":1}',
             "dict": "x", "d32": "-1.5", "fsl": [1, 2], "u8": 255, "h": -0.0},
            {k: None for k in table.column_names},
        ])

    def test_converted_type_only_columns(self):
        cases = [(21, pa.binary(12), struct.pack("<III", 5, 6, 7), {"months": 5, "days": 6, "milliseconds": 7}),
                 (4, pa.binary(), b"RED\xff", "RED\ufffd"),
                 (20, pa.binary(), b"\x05\x00\x00\x00\x00", "BQAAAAA="),
                 (19, pa.binary(), b'{"k":[1]}', '{"k":[1]}')]
        for converted, arrow_type, raw, expected in cases:
            path = self.write(pa.table({"patched_col": pa.array([raw, None], arrow_type)}), store_schema=False,
                              compression="none", write_statistics=False)
            patch_converted_type(path, "patched_col", converted)
            self.assertEqual(self.rows(path), [{"patched_col": expected}, {"patched_col": None}], converted)

    def test_int96_past_the_nanosecond_range_is_exact(self):
        us = pa.array([253402300799 * 10**6 + 999999, -(10**6) * 86400 * 365 * 400, 1, None], pa.timestamp("us"))
        ns = pa.array([1, -1, 2**62, None], pa.timestamp("ns"))
        path = self.write(pa.table({"us": us, "ns": ns}), use_deprecated_int96_timestamps=True)
        self.assertEqual(self.rows(path), [
            {"us": "9999-12-31T23:59:59.999999000", "ns": "1970-01-01T00:00:00.000000001"},
            {"us": "1570-04-08T00:00:00.000000000", "ns": "1969-12-31T23:59:59.999999999"},
            {"us": "1970-01-01T00:00:00.000001000", "ns": "2116-02-20T23:53:38.427387904"},
            {"us": None, "ns": None},
        ])

    def test_exact_int96_from_the_two_reads(self):
        true_ns = 361746257437964157935616
        self.assertEqual(dump.exact_int96_nanos((true_ns + 2**63) % 2**64 - 2**63, true_ns // 10**6), true_ns)
        with self.assertRaises(dump.DumpError):
            dump.exact_int96_nanos(5, 10**9)

    def test_max_rows_stops_early_across_row_groups(self):
        table = pa.table({"n": pa.array(range(2500), pa.int32()), "l": pa.array([[i] for i in range(2500)])})
        path = self.write(table, row_group_size=700)
        result = dump.dump_file(path, "t.parquet", 1000)
        self.assertTrue(result["truncated"])
        self.assertEqual([r["n"] for r in result["rows"]], list(range(1000)))
        self.assertEqual(result["rows"][999]["l"], [999])
        self.assertEqual(dump.dump_file(path, "t.parquet", 0)["rows"], [])
        self.assertFalse(dump.dump_file(path, "t.parquet", 2500)["truncated"])

    def test_unreadable_file_is_an_error_entry(self):
        path = os.path.join(self.tmp.name, "bad.parquet")
        with open(path, "wb") as f:
            f.write(b"PAR1 not really")
        result = dump.dump_file(path, "bad.parquet", 10)
        self.assertEqual(list(result), ["file", "error"])
        self.assertTrue(result["error"].startswith("ArrowInvalid"))


# ---------------------------------------------------------------------------------------------
# The real corpus.

class Corpus(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        started = time.monotonic()
        proc = subprocess.run([sys.executable, "-B", os.path.join(HERE, "pyarrow_dump.py"), "dump", CORPUS, cls.tmp.name],
                              capture_output=True, text=True, check=False)
        cls.seconds = time.monotonic() - started
        cls.proc = proc
        with open(os.path.join(cls.tmp.name, "index.json"), encoding="utf-8") as f:
            cls.index = json.load(f)
        cls.by_file = {e["file"]: e for e in cls.index["files"]}

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def load(self, rel):
        with open(os.path.join(self.tmp.name, rel + ".json"), encoding="utf-8") as f:
            return json.load(f)

    def test_cli_summary_and_speed(self):
        self.assertEqual(self.proc.returncode, 0, self.proc.stderr)
        summary = json.loads(self.proc.stdout)
        self.assertEqual({k: summary[k] for k in ("ok", "error", "skipped")}, self.index["counts"])
        self.assertLess(self.seconds, 20)

    def test_every_file_listed_and_known_ones_present(self):
        names = set(self.by_file)
        self.assertGreaterEqual(len(names), 210)
        self.assertFalse(any(n.startswith("bad_data/") or n.endswith(".encrypted") for n in names))
        for rel in ("data/alltypes_plain.parquet", "data/int96_from_spark.parquet", "data/nested_maps.snappy.parquet",
                    "data/geospatial/geospatial.parquet", "shredded_variant/case-001.parquet",
                    "data/large_string_map.brotli.parquet", "data/float16_nonzeros_and_nans.parquet"):
            self.assertIn(rel, names)
            self.assertTrue(os.path.exists(os.path.join(self.tmp.name, rel + ".json")), rel)

    def test_statuses(self):
        self.assertEqual(self.by_file["data/large_string_map.brotli.parquet"]["status"], "skipped")
        skipped = self.load("data/large_string_map.brotli.parquet")
        self.assertEqual((skipped["num_rows"], len(skipped["schema"])), (2, 1))
        self.assertEqual(self.by_file["data/incorrect_map_schema.parquet"],
                         {"file": "data/incorrect_map_schema.parquet", "status": "error",
                          "error": "ArrowInvalid: Map keys must be annotated as required."})
        for entry in self.index["files"]:
            if entry["status"] == "ok":
                self.assertEqual(entry["rows"], min(entry["num_rows"], 1000), entry["file"])
                self.assertEqual(entry["truncated"], entry["num_rows"] > 1000, entry["file"])

    def test_int96_from_spark_including_the_overflowed_row(self):
        rows = [r["a"] for r in self.load("data/int96_from_spark.parquet")["rows"]]
        self.assertEqual(rows, ["2024-01-01T20:34:56.123456000", "2024-01-01T01:00:00.000000000",
                                "9999-12-31T03:00:00.000000000", "2024-12-30T23:00:00.000000000", None,
                                # Spark's writer overflowed int64 microseconds on the year-290000 value; Arrow
                                # reads its Julian day and nanos as unsigned (json_mapping.md, INT96)
                                "+11465252-07-22T14:32:44.157935616"])

    def test_values_of_known_files(self):
        first = self.load("data/alltypes_plain.parquet")["rows"][0]
        self.assertEqual(first, {"id": 4, "bool_col": True, "tinyint_col": 0, "smallint_col": 0, "int_col": 0,
                                 "bigint_col": 0, "float_col": 0, "double_col": 0, "date_string_col": "MDMvMDEvMDk=",
                                 "string_col": "MA==", "timestamp_col": "2009-03-01T00:00:00.000000000"})
        halves = [r["x"] for r in self.load("data/float16_nonzeros_and_nans.parquet")["rows"]]
        self.assertEqual(halves, [None, 1, -2, "NaN", 0, -1, 0.0, 2])
        with open(os.path.join(self.tmp.name, "data/float16_nonzeros_and_nans.parquet.json"), encoding="utf-8") as f:
            self.assertIn('{"x":-0.0},', f.read().splitlines())
        self.assertEqual(self.load("shredded_variant/case-037.parquet")["rows"][0]["var"]["typed_value"],
                         "f24f9b64-81fa-49d1-b74e-8c09a6e31c56")
        self.assertEqual(self.load("shredded_variant/case-028.parquet")["rows"][0]["var"]["typed_value"],
                         "9876543210.123456789")
        self.assertEqual(self.load("data/map_no_value.parquet")["rows"][0],
                         {"my_map": [{"key": 1, "value": None}, {"key": 2, "value": None}, {"key": 3, "value": None}],
                          "my_map_no_v": [1, 2, 3], "my_list": [1, 2, 3]})
        geometry = self.load("data/geospatial/geospatial.parquet")["rows"][0]
        self.assertEqual((geometry["wkt"], geometry["geometry"]), ("POINT (30 10)", "AQEAAAAAAAAAAAA+QAAAAAAAACRA"))
        self.assertEqual(len(self.load("data/alltypes_tiny_pages.parquet")["rows"]), 1000)


if __name__ == "__main__":
    unittest.main()
