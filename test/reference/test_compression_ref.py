"""Self-tests of compression_ref.py (.venv/bin/python -m unittest discover -s test/reference
-p 'test_compression_ref.py'): the Thrift decoder on hand-built bytes, the Hadoop LZ4 framing,
generate+verify with the reference compressors standing in for ours, and the page walk on files
that pyarrow writes (and on parquet-testing when it is present)."""
import gzip
import hashlib
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import unittest
import zlib

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import lz4.block  # noqa: E402
import zstandard  # noqa: E402

import compression_ref as ref  # noqa: E402
from compression_ref import RefError, decode_struct  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, "compression_ref.py")
CORPUS = os.path.join(os.environ.get("PARQUET_TEST_DATA", os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "conformance", "parquet-testing"))), "data")


class ThriftCompact(unittest.TestCase):
    def test_every_type(self):
        data = bytes([
            0x15, 0x0A,              # field 1 (delta 1), i32: zigzag 10 -> 5
            0x11,                    # field 2, BOOLEAN_TRUE: the value is the type nibble
            0x12,                    # field 3, BOOLEAN_FALSE
            0x13, 0xFF,              # field 4, i8: one raw byte, -1
            0x14, 0x03,              # field 5, i16: zigzag 3 -> -2
            0x16, 0xFE, 0xFF, 0x03,  # field 6, i64: varint 65534 -> zigzag 32767
            0x17, 0, 0, 0, 0, 0, 0, 0xF8, 0x3F,  # field 7, double 1.5 little-endian
            0x18, 0x03, 0x61, 0x62, 0x63,        # field 8, binary: length 3, "abc"
            0x19, 0x35, 0x02, 0x01, 0x04,        # field 9, list: 3 × i32 (0x35), zigzag 2 1 4 -> 1 -1 2
            0x1A, 0x21, 0x01, 0x02,              # field 10, set: 2 × bool (0x21), one byte each: true false
            0x1B, 0x02, 0x85,                    # field 11, map: 2 entries, binary keys (8), i32 values (5)
            0x01, 0x78, 0x06,                    #   "x" -> 3
            0x01, 0x79, 0x08,                    #   "y" -> 4
            0x1C, 0x15, 0x02, 0x00,              # field 12, struct {1: i32 1}, then its STOP
            0x05, 0xC8, 0x01, 0x02,              # long form: i32, id zigzag 200 -> 100, value 1
            0x00,                                # STOP
            0xEE,                                # not part of the struct
        ])
        fields, end = decode_struct(data)
        self.assertEqual(fields, {
            1: 5, 2: True, 3: False, 4: -1, 5: -2, 6: 32767, 7: 1.5, 8: b"abc", 9: [1, -1, 2],
            10: [True, False], 11: [(b"x", 3), (b"y", 4)], 12: {1: 1}, 100: 1,
        })
        self.assertEqual(end, len(data) - 1)

    def test_long_list_and_empty_map(self):
        # list header 0xF6: size nibble 15 = "varint size follows" (16), element type i64 (6)
        data = bytes([0x19, 0xF6, 0x10]) + bytes(range(0, 32, 2)) + bytes([0x1B, 0x00, 0x00])
        fields, end = decode_struct(data)  # zigzag 0 2 4 .. 30 -> 0 1 2 .. 15; empty map: size 0, no type byte
        self.assertEqual(fields, {1: list(range(16)), 2: []})
        self.assertEqual(end, len(data))

    def test_page_header(self):
        # PageHeader{type DATA_PAGE, uncompressed 100, compressed 40, data_page_header{10 values,
        # PLAIN, RLE, RLE}} followed by the page's bytes, which the decoder must not touch.
        header = bytes([0x15, 0x00, 0x15, 0xC8, 0x01, 0x15, 0x50,
                        0x2C,  # field 5 (delta 2), struct
                        0x15, 0x14, 0x15, 0x00, 0x15, 0x06, 0x15, 0x06, 0x00,
                        0x00])
        fields, end = decode_struct(header + b"payload")
        self.assertEqual(fields, {1: 0, 2: 100, 3: 40, 5: {1: 10, 2: 0, 3: 3, 4: 3}})
        self.assertEqual(end, len(header))

    def assert_refused(self, data, message, offset, end=None):
        with self.assertRaises(RefError) as caught:
            decode_struct(data, 0, end)
        self.assertIn(message, str(caught.exception))
        self.assertEqual(caught.exception.offset, offset)

    def test_refusals(self):
        self.assert_refused(bytes([0x15, 0x80]), "ends early", 2)                      # varint cut short
        self.assert_refused(bytes([0x15, 0x0A]), "ends early", 2)                      # no STOP
        self.assert_refused(bytes([0x15, 0x0A, 0x00]), "ends early", 2, end=2)         # STOP beyond end
        self.assert_refused(bytes([0x19, 0x45, 0x02]), "longer than the input", 1)     # 4 elements, 1 byte
        self.assert_refused(bytes([0x18, 0x05, 0x61]), "5 bytes wanted", 2)            # binary past the end
        self.assert_refused(bytes([0x1E, 0x00]), "unknown compact type 14", 0)
        self.assert_refused(bytes([0x16] + [0xFF] * 10 + [0x01]), "longer than 10 bytes", 1)
        self.assert_refused(bytes([0x15, 0x80, 0x80, 0x80, 0x80, 0x10, 0x00]), "does not fit i32", 1)
        self.assert_refused(bytes([0x1C] * 70), "nesting deeper than 64", 65)


class HadoopFraming(unittest.TestCase):
    HELLO_BLOCK = bytes([0x50]) + b"hello"  # LZ4 token 0x50: 5 literals, no match (last sequence)
    HELLO = bytes([0, 0, 0, 5, 0, 0, 0, 6]) + HELLO_BLOCK  # BE uncompressed 5, BE compressed 6

    def test_one_chunk(self):
        self.assertEqual(ref.split_hadoop_lz4(self.HELLO), [(5, self.HELLO_BLOCK)])
        self.assertEqual(ref.decompress_hadoop_lz4(self.HELLO, 5), b"hello")
        self.assertEqual(ref.decompress_parquet_lz4(self.HELLO, 5), (b"hello", "hadoop"))

    def test_two_chunks(self):
        world = bytes([0, 0, 0, 6, 0, 0, 0, 7, 0x60]) + b"world!"
        self.assertEqual(ref.decompress_parquet_lz4(self.HELLO + world, 11), (b"helloworld!", "hadoop"))

    def test_not_framing_falls_back_to_a_raw_block(self):
        # 6 bytes: less than one chunk header, so Arrow reads it as one raw block.
        self.assertEqual(ref.decompress_parquet_lz4(self.HELLO_BLOCK, 5), (b"hello", "raw"))
        # Framing whose total differs from the page size is not taken either; the raw block
        # attempt then fails on the header bytes (token 0, match offset 0).
        with self.assertRaises(lz4.block.LZ4BlockError):
            ref.decompress_parquet_lz4(self.HELLO, 6)

    def test_framing_refusals(self):
        with self.assertRaisesRegex(RefError, "2 bytes left"):
            ref.split_hadoop_lz4(self.HELLO + b"\x00\x01")
        with self.assertRaisesRegex(RefError, "runs past the end"):
            ref.split_hadoop_lz4(bytes([0, 0, 0, 5, 0, 0, 0, 7]) + self.HELLO_BLOCK)
        wrong_size = bytes([0, 0, 0, 4, 0, 0, 0, 6]) + self.HELLO_BLOCK  # says 4, block gives 5
        with self.assertRaises((RefError, lz4.block.LZ4BlockError)):
            ref.decompress_hadoop_lz4(wrong_size, 100)
        with self.assertRaisesRegex(RefError, "exceeds 4"):
            ref.decompress_hadoop_lz4(self.HELLO, 4)

    def test_writer_chunks(self):
        raw = ref.stream("chunks", 600 << 10)
        framed = ref.frame_hadoop_lz4(raw)
        self.assertEqual([size for size, _ in ref.split_hadoop_lz4(framed)], [256 << 10, 256 << 10, 88 << 10])
        self.assertEqual(ref.decompress_hadoop_lz4(framed, len(raw)), raw)
        # Empty input: one chunk holding LZ4's one-byte empty block, as Hadoop writes it.
        self.assertEqual(ref.frame_hadoop_lz4(b""), bytes([0, 0, 0, 0, 0, 0, 0, 1, 0]))
        self.assertEqual(ref.decompress_hadoop_lz4(ref.frame_hadoop_lz4(b""), 0), b"")


class ReferenceDecoders(unittest.TestCase):
    def test_deflate_headers_and_members(self):
        text = b"parquet " * 100
        two_members = gzip.compress(text[:300], mtime=0) + gzip.compress(text[300:], mtime=0)
        self.assertEqual(ref.DECOMPRESSORS["gzip"](two_members, len(text)), text)
        self.assertEqual(ref.CORPUS_DECOMPRESSORS["GZIP"](zlib.compress(text), len(text)), text)  # auto-detect
        with self.assertRaises(zlib.error):
            ref.DECOMPRESSORS["gzip"](zlib.compress(text), len(text))  # ours must write gzip headers
        with self.assertRaisesRegex(RefError, "ends early"):
            ref.DECOMPRESSORS["gzip"](two_members[:-3], len(text))
        with self.assertRaises(zlib.error):
            ref.DECOMPRESSORS["gzip"](two_members + b"junk", len(text))
        with self.assertRaisesRegex(RefError, "exceeds 799"):
            ref.DECOMPRESSORS["gzip"](two_members, len(text) - 1)

    def test_zstd_frames_and_limits(self):
        zeros = bytes(1 << 20)
        two = ref.COMPRESSORS["zstd_multi"](zeros)
        self.assertEqual(ref.decompress_zstd(two, len(zeros)), zeros)
        with self.assertRaisesRegex(RefError, "exceeds"):
            ref.decompress_zstd(two, len(zeros) - 1)
        with self.assertRaisesRegex(RefError, "frame ends early"):
            ref.decompress_zstd(two[:-2], len(zeros))
        with self.assertRaisesRegex(RefError, "frame ends early"):
            ref.decompress_zstd(b"", 0)

    def test_snappy_and_brotli_limits(self):
        with self.assertRaisesRegex(RefError, "preamble says 3 bytes"):
            ref.decompress_snappy(ref.COMPRESSORS["snappy"](b"abc"), 2)
        with self.assertRaisesRegex(RefError, "exceeds 99"):
            ref.decompress_brotli(ref.COMPRESSORS["brotli"](bytes(100)), 99)
        with self.assertRaisesRegex(RefError, "ends early"):
            ref.decompress_brotli(ref.COMPRESSORS["brotli"](b"x" * 100)[:-1], 100)


def count_gzip_members(data):
    members = 0
    while data:
        inflater = zlib.decompressobj(31)
        inflater.decompress(data)
        data, members = inflater.unused_data, members + 1
    return members


class GenerateAndVerify(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.mkdtemp(prefix="compression_ref_")
        cls.manifest = ref.generate(cls.folder)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.folder)

    def stream_of(self, codec, name):
        return ref.read_file(os.path.join(self.folder, codec, f"{name}.cmp"))

    def test_manifest(self):
        self.assertEqual(len(self.manifest), 10 * 10 + 4)
        with open(os.path.join(self.folder, "manifest.json")) as f:
            self.assertEqual(json.load(f), self.manifest)
        big = sorted(e["codec"] for e in self.manifest if e["name"] == "big_16m")
        self.assertEqual(big, ["gzip", "lz4_raw", "snappy", "zstd"])
        sizes = {e["name"]: e["size"] for e in self.manifest}
        self.assertEqual(sizes, {"empty": 0, "one_byte": 1, "text_64k": 65536, "random_64k": 65536,
                                 "zeros_1m": 1 << 20, "int64_ids": 1 << 20, "floats": 1 << 20,
                                 "around_64k_65535": 65535, "around_64k_65536": 65536,
                                 "around_64k_65537": 65537, "big_16m": 16 << 20})
        for entry in self.manifest:
            self.assertEqual(os.path.getsize(os.path.join(self.folder, entry["raw"])), entry["size"])

    def test_inputs_are_fixed(self):
        # SHAKE-128 of each input's label drives its bytes, so they are the same on every machine
        # and Python version; a change to a generator shows up here.
        digest = hashlib.sha256(b"".join(raw for _, raw in ref.inputs())).hexdigest()
        self.assertEqual(digest, "2ea070eebd3dd4c294de1bb7256a3363d2078f407dbfb187cd54b496d21b5bc1")
        ids = struct.unpack("<131072q", ref.read_file(os.path.join(self.folder, "zstd", "int64_ids.raw")))
        self.assertTrue(all(0 < b - a <= 1000 for a, b in zip(ids, ids[1:])))
        text = ref.read_file(os.path.join(self.folder, "zstd", "text_64k.raw"))
        self.assertTrue(text.startswith(b"From but day at should good, made first an could she because"))
        floats = struct.unpack("<8f", ref.read_file(os.path.join(self.folder, "zstd", "floats.raw"))[:32])
        means, spreads = (0.5, 20, 100, -3, 1500, 0.01, 7, 42), (0.2, 5, 50, 1, 300, 0.005, 3, 10)
        # within its spread of its mean, give or take the rounding to 2 decimals
        self.assertTrue(all(abs(v - m) <= s + 0.01 for v, m, s in zip(floats, means, spreads)), floats)

    def test_stream_shapes(self):
        text = "text_64k"
        self.assertEqual(count_gzip_members(self.stream_of("gzip_multi", text)), 3)
        self.assertEqual(count_gzip_members(self.stream_of("gzip", text)), 1)
        self.assertEqual(self.stream_of("zlib", text)[0], 0x78)  # CMF: deflate, 32 KiB window
        self.assertEqual(zstandard.get_frame_parameters(self.stream_of("zstd", text)).content_size, 65536)
        no_size = zstandard.get_frame_parameters(self.stream_of("zstd_nosize", text)).content_size
        self.assertEqual(no_size, zstandard.CONTENTSIZE_UNKNOWN)
        first = zstandard.get_frame_parameters(self.stream_of("zstd_multi", text)).content_size
        self.assertEqual(first, 32768)  # two frames of half the input each
        self.assertEqual(self.stream_of("snappy", text)[:3], bytes([0x80, 0x80, 0x04]))  # raw: varint 65536
        self.assertEqual(len(ref.split_hadoop_lz4(self.stream_of("lz4_hadoop", "zeros_1m"))), 4)
        self.assertEqual(len(ref.split_hadoop_lz4(self.stream_of("lz4_hadoop", text))), 1)

    def test_round_trip(self):
        path = os.path.join(self.folder, "manifest.json")
        self.assertEqual(ref.verify(path, self.manifest), {"ok": len(self.manifest), "failures": []})

    def test_failures_are_reported(self):
        folder = os.path.join(self.folder, "bad")
        os.makedirs(folder, exist_ok=True)
        good = self.stream_of("zstd", "text_64k")
        streams = {"flipped.cmp": good[:100] + bytes([good[100] ^ 0xFF]) + good[101:],
                   "cut.cmp": good[:-5], "good.cmp": good}
        for name, data in streams.items():
            ref.write_file(os.path.join(folder, name), data)
        raw = os.path.relpath(os.path.join(self.folder, "zstd", "text_64k.raw"), folder)
        manifest = [{"codec": "zstd", "compressed": name, "raw": raw} for name in streams]
        manifest.append({"codec": "lzo", "compressed": "good.cmp", "raw": raw})
        path = os.path.join(folder, "manifest.json")
        with open(path, "w") as f:
            json.dump(manifest, f)
        run = subprocess.run([sys.executable, SCRIPT, "verify", path], capture_output=True, text=True)
        self.assertEqual(run.returncode, 0)
        result = json.loads(run.stdout)
        self.assertEqual(result["ok"], 1)
        self.assertEqual([f["compressed"] for f in result["failures"]], ["flipped.cmp", "cut.cmp", "good.cmp"])
        self.assertIn("frame ends early", result["failures"][1]["error"])
        self.assertIn("unknown codec 'lzo'", result["failures"][2]["error"])

    def test_usage_errors(self):
        bad_json = os.path.join(self.folder, "not.json")
        ref.write_file(bad_json, b"{")
        for args in ([], ["verify"], ["verify", bad_json], ["verify", os.path.join(self.folder, "none.json")],
                     ["corpus-pages", os.path.join(self.folder, "none")], ["compress", "x"]):
            run = subprocess.run([sys.executable, SCRIPT, *args], capture_output=True, text=True)
            self.assertEqual(run.returncode, 2, args)
            self.assertIn("usage:", run.stderr)


class CorpusPages(unittest.TestCase):
    """Files written by pyarrow: a required INT64 column without dictionary has pages whose
    uncompressed payload is exactly the little-endian values, in v1 and v2 alike."""

    @classmethod
    def setUpClass(cls):
        import pyarrow as pa
        import pyarrow.parquet as pq
        cls.folder = tempfile.mkdtemp(prefix="corpus_pages_")
        cls.values = list(range(0, 3000 * 7, 7))
        schema = pa.schema([pa.field("n", pa.int64(), nullable=False), pa.field("s", pa.string())])
        table = pa.table({"n": cls.values, "s": ["ab", "c", None] * 1000}, schema=schema)
        cls.written = {}
        os.makedirs(os.path.join(cls.folder, "in"))
        for codec in ("snappy", "gzip", "brotli", "zstd", "lz4", "none"):
            for version in ("1.0", "2.0"):
                name = f"{codec}_v{version[0]}.parquet"
                path = os.path.join(cls.folder, "in", name)
                pq.write_table(table, path, compression=codec, data_page_version=version, data_page_size=4096,
                               use_dictionary=["s"], write_statistics=False)
                cls.written[name] = pq.ParquetFile(path).metadata
        pq.write_table(table, os.path.join(cls.folder, "in", "many_pages.parquet"), compression="snappy",
                       data_page_size=16, write_batch_size=10, use_dictionary=False)  # 300 pages a column
        ref.write_file(os.path.join(cls.folder, "in", "encrypted.parquet"), b"PAR1" + bytes(20) + b"PARE")
        ref.write_file(os.path.join(cls.folder, "in", "garbage.parquet"),
                       b"PAR1" + bytes([0x19, 0x45, 0x02]) + struct.pack("<I", 3) + b"PAR1")
        cls.result = ref.corpus_pages(os.path.join(cls.folder, "in"), os.path.join(cls.folder, "out"))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.folder)

    def pages(self, file, column):
        return [p for p in self.result["pages"] if p["file"] == file and p["column"] == column]

    def test_footer_matches_pyarrow(self):
        for name, metadata in self.written.items():
            meta, _ = ref.read_footer(ref.read_file(os.path.join(self.folder, "in", name)))
            chunk = metadata.row_group(0).column(0)
            mine = meta[4][0][1][0][3]
            self.assertEqual((mine[9], mine[7], mine[3]), (chunk.data_page_offset, chunk.total_compressed_size, [b"n"]))
            self.assertEqual(meta[3], 3000)  # FileMetaData.num_rows

    def test_values_pages(self):
        expected = struct.pack(f"<{len(self.values)}q", *self.values)
        names = {"snappy": "SNAPPY", "gzip": "GZIP", "brotli": "BROTLI", "zstd": "ZSTD", "lz4": "LZ4_RAW"}
        for codec, parquet_name in names.items():
            for version in "12":
                pages = self.pages(f"{codec}_v{version}.parquet", "n")
                self.assertGreater(len(pages), 1)  # 24000 bytes in pages of about 4 KiB
                self.assertEqual([p["page"] for p in pages], list(range(len(pages))))
                self.assertEqual({p["codec"] for p in pages}, {parquet_name})
                raw = b"".join(ref.read_file(os.path.join(self.folder, "out", p["raw"])) for p in pages)
                self.assertEqual(raw, expected, f"{codec} v{version}")
                self.assertEqual([p["size"] for p in pages], [len(ref.read_file(
                    os.path.join(self.folder, "out", p["raw"]))) for p in pages])

    def test_dictionary_page_first(self):
        for version in "12":
            first = self.pages(f"zstd_v{version}.parquet", "s")[0]
            # PLAIN BYTE_ARRAY dictionary: u32 length + bytes, "ab" then "c"
            self.assertEqual(ref.read_file(os.path.join(self.folder, "out", first["raw"])),
                             b"\x02\x00\x00\x00ab\x01\x00\x00\x00c")

    def test_page_cap(self):
        for column in ("n", "s"):
            self.assertEqual([p["page"] for p in self.pages("many_pages.parquet", column)], list(range(50)))
        capped = [s for s in self.result["skipped"] if s["file"] == "many_pages.parquet"]
        self.assertEqual([(s["column"], s["page"]) for s in capped], [("n", 50), ("s", 50)])
        self.assertIn("cap: pages from 50 on", capped[0]["reason"])

    def test_uncompressed_and_broken_files(self):
        self.assertFalse([p for p in self.result["pages"] if p["file"].startswith("none_")])
        reasons = {s["file"]: s["reason"] for s in self.result["skipped"]}
        self.assertEqual(reasons["encrypted.parquet"], "footer: encrypted footer (PARE)")
        self.assertIn("longer than the input", reasons["garbage.parquet"])
        self.assertEqual(len(self.result["skipped"]), 4)
        with open(os.path.join(self.folder, "out", "pages.json")) as f:
            self.assertEqual(json.load(f), self.result)


def varint(n):
    out = bytearray()
    while n >= 0x80:
        out.append(n & 0x7F | 0x80)
        n >>= 7
    return bytes(out + bytes([n]))


class HandBuiltFile(unittest.TestCase):
    """One SNAPPY column chunk of three pages, each a case the walk must tell apart."""

    def test_walk(self):
        too_big = bytes([0x15, 0x00,                           # type DATA_PAGE
                         0x15]) + varint(2 << 27) + bytes([    # uncompressed 2^27: zigzag 2^28
                         0x15, 0x06,                           # compressed 3
                         0x00]) + b"xyz"
        stored = bytes([0x15, 0x06,                            # type DATA_PAGE_V2 (zigzag 6 = 3)
                        0x15, 0x04, 0x15, 0x04,                # uncompressed 2, compressed 2
                        0x5C,                                  # field 8 (delta 5): DataPageHeaderV2
                        0x15, 0x02, 0x15, 0x00, 0x15, 0x02, 0x15, 0x00,  # 1 value, 0 nulls, 1 row, PLAIN
                        0x15, 0x00, 0x15, 0x00,                # level lengths 0 and 0
                        0x12,                                  # field 7 is_compressed = false
                        0x00, 0x00]) + b"hi"
        snappy_abc = bytes([0x15, 0x00, 0x15, 0x06, 0x15, 0x0A, 0x00,  # DATA_PAGE, 3 bytes from 5
                            0x03, 0x08]) + b"abc"  # snappy: length 3, literal tag (3-1)<<2, "abc"
        pages = too_big + stored + snappy_abc
        footer = bytes([0x49, 0x1C,                            # field 4 row_groups: list of 1 struct
                        0x19, 0x1C,                            # RowGroup field 1 columns: list of 1 struct
                        0x26, 0x08,                            # ColumnChunk field 2 file_offset 4
                        0x1C,                                  # field 3 meta_data
                        0x39, 0x18, 0x01, 0x78,                # field 3 path_in_schema ["x"]
                        0x15, 0x02,                            # field 4 codec SNAPPY (1)
                        0x36]) + varint(2 * len(pages)) + bytes([  # field 7 total_compressed_size
                        0x26, 0x08,                            # field 9 data_page_offset 4
                        0x00, 0x00, 0x00, 0x00])               # STOPs: metadata, chunk, row group, file
        folder = tempfile.mkdtemp(prefix="hand_built_")
        self.addCleanup(shutil.rmtree, folder)
        ref.write_file(os.path.join(folder, "three.parquet"),
                       b"PAR1" + pages + footer + struct.pack("<I", len(footer)) + b"PAR1")
        result = ref.corpus_pages(folder, folder)
        where = {"file": "three.parquet", "row_group": 0, "column": "x"}
        self.assertEqual(result["pages"], [{**where, "page": 2, "codec": "SNAPPY", "compressed": "pages/0.cmp",
                                            "raw": "pages/0.raw", "size": 3, "form": None}])
        self.assertEqual(ref.read_file(os.path.join(folder, "pages", "0.raw")), b"abc")
        self.assertEqual(result["skipped"], [
            {**where, "page": 0, "reason": "uncompressed size 134217728 exceeds the 67108864 byte cap"},
            {**where, "page": 1, "reason": "v2 page with is_compressed=false"}])


class ParquetTestingPages(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.mkdtemp(prefix="corpus_pages_")
        cls.result = ref.corpus_pages(CORPUS, cls.folder)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.folder)

    def forms(self, file):
        return {p["form"] for p in self.result["pages"] if p["file"] == file}

    def test_lz4_forms(self):
        self.assertEqual(self.forms("hadoop_lz4_compressed.parquet"), {"hadoop"})
        self.assertEqual(self.forms("hadoop_lz4_compressed_larger.parquet"), {"hadoop"})
        self.assertEqual(self.forms("non_hadoop_lz4_compressed.parquet"), {"raw"})
        self.assertEqual(self.forms("lz4_raw_compressed.parquet"), {None})

    def test_concatenated_gzip_members(self):
        [page] = [p for p in self.result["pages"] if p["file"] == "concatenated_gzip_members.parquet"]
        self.assertGreater(count_gzip_members(ref.read_file(os.path.join(self.folder, page["compressed"]))), 1)
        self.assertEqual(page["size"], 4104)  # v2 page: 513 UINT64 values, levels excluded

    def test_every_codec_and_expected_skips(self):
        self.assertEqual({p["codec"] for p in self.result["pages"]},
                         {"SNAPPY", "GZIP", "BROTLI", "LZ4", "ZSTD", "LZ4_RAW"})
        skipped = {(s["file"], s.get("page")): s["reason"] for s in self.result["skipped"]}
        self.assertIn("0-byte compressed payload", skipped[("datapage_v2_empty_datapage.snappy.parquet", 0)])
        self.assertIn("exceeds the 67108864 byte cap", skipped[("large_string_map.brotli.parquet", 0)])


if __name__ == "__main__":
    unittest.main()
