"""Self-tests of the reference (python3 -B -m unittest test_parquet_reference, from this folder):
the spec's own examples byte for byte, strictness, and the CLI. The reference is only worth
something if it is right on its own, so these do not use any other implementation."""
import json
import os
import random
import subprocess
import sys
import tempfile
import unittest

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from parquet_reference import ReferenceError  # noqa: E402
from parquet_reference.bitpack import pack, unpack  # noqa: E402
from parquet_reference.byte_arrays import encode_delta_byte_array, encode_delta_length_byte_array  # noqa: E402
from parquet_reference.byte_stream_split import encode_byte_stream_split  # noqa: E402
from parquet_reference.codecs import decode  # noqa: E402
from parquet_reference.delta_binary_packed import DeltaShape, encode_delta_binary_packed  # noqa: E402
from parquet_reference.hybrid import encode_hybrid  # noqa: E402
from parquet_reference.hybrid_plans import plan_random, plan_rle_threshold  # noqa: E402
from parquet_reference.plain import encode_plain  # noqa: E402
from parquet_reference.varint import read_zigzag_uleb128, uleb128, zigzag  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


class SpecExamples(unittest.TestCase):
    def test_hybrid_bit_packing_order(self):
        # Encodings.md note 1: 0..7 at width 3 -> 10001000 11000110 11111010
        self.assertEqual(pack(list(range(8)), 3), bytes([0b10001000, 0b11000110, 0b11111010]))
        self.assertEqual(unpack(bytes([0b10001000, 0b11000110, 0b11111010]), 0, 8, 3), list(range(8)))

    def test_rle_run(self):
        # varint(40 << 1) = 0x50, value 0x012345 at width 17 in 3 little-endian bytes
        self.assertEqual(encode_hybrid([0x12345] * 40, 17, [("rle", 40)]), bytes([0x50, 0x45, 0x23, 0x01]))

    def test_plain_types(self):
        self.assertEqual(encode_plain("BOOLEAN", [1, 0, 1, 1, 0, 0, 0, 0, 1]), bytes([0b00001101, 0b1]))
        self.assertEqual(encode_plain("INT32", [-2]), bytes([0xFE, 0xFF, 0xFF, 0xFF]))
        self.assertEqual(encode_plain("DOUBLE", [0x3FF0000000000000]), bytes.fromhex("000000000000f03f"))
        self.assertEqual(encode_plain("BYTE_ARRAY", [b"ab", b""]), bytes([2, 0, 0, 0]) + b"ab" + bytes(4))

    def test_delta_example_1(self):
        # 1 2 3 4 5: header 128 (80 01), 1 miniblock, 5 values, first 1 (zigzag 2);
        # block: min delta 1 (zigzag 2), width 0, no data
        data = encode_delta_binary_packed([1, 2, 3, 4, 5], 32, DeltaShape(128, 1))
        self.assertEqual(data, bytes([0x80, 0x01, 1, 5, 2, 2, 0]))
        self.assertEqual(decode("DELTA_BINARY_PACKED", "INT32", data, 5, strict=True), [1, 2, 3, 4, 5])

    def test_delta_length_and_delta_strings(self):
        dlba = encode_delta_length_byte_array([b"Hello", b"World", b"Foobar", b"ABCDEF"])
        self.assertTrue(dlba.endswith(b"HelloWorldFoobarABCDEF"))
        self.assertEqual(dlba[:-22], encode_delta_binary_packed([5, 5, 6, 6], 32))
        dba = encode_delta_byte_array([b"axis", b"axle", b"babble", b"babyhood"])
        prefixes = encode_delta_binary_packed([0, 2, 0, 3], 32)
        suffix_lengths = encode_delta_binary_packed([4, 2, 6, 5], 32)
        self.assertEqual(dba, prefixes + suffix_lengths + b"axislebabbleyhood")

    def test_byte_stream_split(self):
        plain = bytes.fromhex("AABBCCDD00112233A3B4C5D6")
        self.assertEqual(encode_byte_stream_split(plain, 4), bytes.fromhex("AA00A3BB11B4CC22C5DD33D6"))


class Wrapping(unittest.TestCase):
    def test_int32_deltas_wrap_at_32_bits(self):
        values = [-2**31, 2**31 - 1, -2**31]
        data = encode_delta_binary_packed(values, 32)
        # delta 2**32 - 1 wraps to -1, the next to +1: min delta -1, so no width above 1
        min_delta, _ = read_zigzag_uleb128(data, 2 + 1 + 1 + 5)
        self.assertEqual(min_delta, -1)
        self.assertEqual(decode("DELTA_BINARY_PACKED", "INT32", data, 3, strict=True), values)

    def test_int64_every_width(self):
        rng = random.Random(5)
        for width in range(65):
            values = [0]
            for _ in range(40):
                values.append(((values[-1] + rng.getrandbits(width) + 2**63) % 2**64) - 2**63 if width else values[-1])
            data = encode_delta_binary_packed(values, 64, DeltaShape(128, 4))
            self.assertEqual(decode("DELTA_BINARY_PACKED", "INT64", data, len(values), strict=True), values)

    def test_zigzag(self):
        self.assertEqual([zigzag(v) for v in (0, -1, 1, -2, 2)], [0, 1, 2, 3, 4])
        self.assertEqual(uleb128(300), bytes([0xAC, 0x02]))


class Strictness(unittest.TestCase):
    def test_garbage_padding_is_read_but_not_strictly(self):
        values = list(range(0, 3000, 7))
        data = encode_delta_binary_packed(values, 32, DeltaShape(256, 8, garbage_seed=1))
        self.assertEqual(decode("DELTA_BINARY_PACKED", "INT32", data, len(values)), values)
        with self.assertRaises(ReferenceError):
            decode("DELTA_BINARY_PACKED", "INT32", data, len(values), strict=True)

    def test_trailing_bytes_and_boolean_padding(self):
        with self.assertRaises(ReferenceError):
            decode("PLAIN", "INT32", bytes(5), 1, strict=True)
        with self.assertRaises(ReferenceError):
            decode("PLAIN", "BOOLEAN", bytes([0b11111111]), 3, strict=True)
        self.assertEqual(decode("PLAIN", "BOOLEAN", bytes([0b11111111]), 3), [1, 1, 1])

    def test_bad_streams(self):
        with self.assertRaises(ReferenceError):  # block size 8 (the spec's own examples say so)
            decode("DELTA_BINARY_PACKED", "INT32", bytes([8, 1, 5, 2, 2, 0]), 5)
        with self.assertRaises(ReferenceError):  # RLE value 5 at width 2
            decode("RLE", "INT32", bytes([0x10, 0x05]), 8, bit_width=2)
        with self.assertRaises(ReferenceError):  # prefix longer than the previous value
            decode("DELTA_BYTE_ARRAY", "BYTE_ARRAY", encode_delta_binary_packed([1], 32) + encode_delta_length_byte_array([b"x"]), 1)

    def test_run_plans_round_trip(self):
        rng = random.Random(9)
        for width in (0, 1, 5, 32):
            values = [rng.choice((0, (1 << width) - 1)) for _ in range(500)]
            for plan in (plan_rle_threshold(values, 1), plan_rle_threshold(values, 8), plan_random(values, rng)):
                data = encode_hybrid(values, width, plan)
                self.assertEqual(decode("RLE", "INT32", data, 500, bit_width=width, strict=True), values)


class CommandLine(unittest.TestCase):
    def test_generate_then_decode(self):
        with tempfile.TemporaryDirectory() as tmp:
            script = os.path.join(HERE, "parquet_encodings.py")
            subprocess.run([sys.executable, "-B", script, "generate", tmp], check=True, capture_output=True)
            with open(os.path.join(tmp, "manifest.json")) as f:
                cases = json.load(f)["cases"]
            encodings = {c["encoding"] for c in cases}
            self.assertEqual(encodings, {"PLAIN", "RLE", "RLE_DICTIONARY", "DELTA_BINARY_PACKED",
                                         "DELTA_LENGTH_BYTE_ARRAY", "DELTA_BYTE_ARRAY", "BYTE_STREAM_SPLIT"})
            case = next(c for c in cases if c["encoding"] == "RLE" and c["bitWidth"] == 32 and c["count"] == 129)
            out = subprocess.run([sys.executable, "-B", script, "decode", "RLE", "INT32", str(case["count"]),
                                  "32", os.path.join(tmp, case["file"])], check=True, capture_output=True, text=True)
            self.assertEqual(json.loads(out.stdout), case["expected"])
            # the garbage-padding cases really carry garbage: a strict reading refuses every one
            garbage = [c for c in cases if "garbage" in c["name"]]
            self.assertGreaterEqual(len(garbage), 8)
            for c in garbage:
                with open(os.path.join(tmp, c["file"]), "rb") as f:
                    data = f.read()
                with self.assertRaises(ReferenceError, msg=c["name"]):
                    decode(c["encoding"], c["physicalType"], data, c["count"], c.get("typeLength"), strict=True)


if __name__ == "__main__":
    unittest.main()
