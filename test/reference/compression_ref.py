#!/usr/bin/env python3
"""Reference harness for the Parquet compression codecs, built on other implementations
(python-snappy/cramjam, zlib, zstandard, lz4, brotli; pinned in requirements.txt).

  compression_ref.py generate OUTDIR
      Deterministic inputs compressed by the reference libraries: OUTDIR/<codec>/<name>.raw|.cmp and
      OUTDIR/manifest.json = [{codec, name, raw, compressed, size}] (paths relative to OUTDIR).
      Identical .raw files are hard links to one copy, which keeps the folder near 60 MB.

  compression_ref.py verify MANIFEST
      MANIFEST = [{codec, compressed, raw}] written by our compressors (paths relative to the
      manifest's folder). Prints {"ok": n, "failures": [{compressed, error}]}; exit 0 either way.

  compression_ref.py corpus-pages CORPUS_DATA_DIR OUTDIR
      Every compressed page of the top-level *.parquet files (e.g. parquet-testing/data), found by
      an independent footer and page-header walk, decompressed by the reference:
      OUTDIR/pages/<n>.cmp|.raw and OUTDIR/pages.json = {"pages": [...], "skipped": [...]}.

Exit status 2 on usage errors.
"""
import glob
import gzip
import hashlib
import itertools
import json
import os
import struct
import sys
import zlib

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree

import brotli  # noqa: E402
import lz4.block  # noqa: E402
import snappy  # noqa: E402
import zstandard  # noqa: E402


class RefError(Exception):
    """A stream or file the reference refuses; offset is a byte offset into it when known."""

    def __init__(self, message, offset=None):
        super().__init__(message if offset is None else f"{message} at byte {offset}")
        self.offset = offset


# ---------------------------------------------------------------------------------------------
# Thrift compact protocol (thrift/doc/specs/thrift-compact-protocol.md), generic: a struct decodes
# to {field_id: value}; lists/sets to lists, maps to lists of (key, value), binary to bytes.

T_STOP, T_TRUE, T_FALSE, T_I8, T_I16, T_I32, T_I64, T_DOUBLE = 0, 1, 2, 3, 4, 5, 6, 7
T_BINARY, T_LIST, T_SET, T_MAP, T_STRUCT, T_UUID = 8, 9, 10, 11, 12, 13
INT_BITS = {T_I16: 16, T_I32: 32, T_I64: 64}
MAX_NESTING = 64


class CompactReader:
    def __init__(self, data, pos=0, end=None):
        self.data, self.pos = data, pos
        self.end = len(data) if end is None else end

    def byte(self):
        if self.pos >= self.end:
            raise RefError("thrift: input ends early", self.pos)
        self.pos += 1
        return self.data[self.pos - 1]

    def take(self, n):
        if n > self.end - self.pos:
            raise RefError(f"thrift: {n} bytes wanted, {self.end - self.pos} left", self.pos)
        self.pos += n
        return bytes(self.data[self.pos - n:self.pos])

    def varint(self):
        start, shift, value = self.pos, 0, 0
        while True:
            b = self.byte()
            value |= (b & 0x7F) << shift
            if b < 0x80:
                return value
            shift += 7
            if shift >= 70:
                raise RefError("thrift: varint longer than 10 bytes", start)

    def zigzag(self, bits):
        start = self.pos
        n = self.varint()
        value = (n >> 1) ^ -(n & 1)
        if not -(1 << (bits - 1)) <= value < (1 << (bits - 1)):
            raise RefError(f"thrift: {value} does not fit i{bits}", start)
        return value

    def struct(self, depth=0):
        if depth > MAX_NESTING:
            raise RefError("thrift: nesting deeper than 64", self.pos)
        fields, last_id = {}, 0
        while True:
            header = self.byte()
            if header == T_STOP:
                return fields
            kind, delta = header & 0x0F, header >> 4
            # Short form: the high nibble is the id delta; long form (0): an i16 id follows.
            field_id = last_id + delta if delta else self.zigzag(16)
            # A struct field's boolean lives in the type nibble; there are no value bytes.
            fields[field_id] = kind == T_TRUE if kind in (T_TRUE, T_FALSE) else self.value(kind, depth + 1)
            last_id = field_id

    def value(self, kind, depth):
        if kind in (T_TRUE, T_FALSE):  # a container element: one byte, 1 = true
            return self.byte() == T_TRUE
        if kind == T_I8:
            return struct.unpack("b", self.take(1))[0]
        if kind in INT_BITS:
            return self.zigzag(INT_BITS[kind])
        if kind == T_DOUBLE:
            return struct.unpack("<d", self.take(8))[0]
        if kind == T_BINARY:
            return self.take(self.varint())
        if kind == T_UUID:
            return self.take(16)
        if kind in (T_LIST, T_SET):
            return self.list(depth)
        if kind == T_MAP:
            return self.map(depth)
        if kind == T_STRUCT:
            return self.struct(depth)
        raise RefError(f"thrift: unknown compact type {kind}", self.pos - 1)

    def list(self, depth):
        at = self.pos
        header = self.byte()
        size, kind = header >> 4, header & 0x0F
        if size == 15:  # sizes of 15 and more follow as a varint
            size = self.varint()
        if size > self.end - self.pos:  # every element takes at least one byte
            raise RefError(f"thrift: list of {size} elements is longer than the input", at)
        return [self.value(kind, depth + 1) for _ in range(size)]

    def map(self, depth):
        at = self.pos
        size = self.varint()
        if size == 0:  # an empty map has no key/value type byte
            return []
        types = self.byte()
        if 2 * size > self.end - self.pos:
            raise RefError(f"thrift: map of {size} entries is longer than the input", at)
        return [(self.value(types >> 4, depth + 1), self.value(types & 0x0F, depth + 1)) for _ in range(size)]


def decode_struct(data, pos=0, end=None):
    """Decodes one compact-protocol struct at pos; returns (fields, position after its STOP)."""
    reader = CompactReader(data, pos, end)
    fields = reader.struct()
    return fields, reader.pos


# ---------------------------------------------------------------------------------------------
# Hadoop LZ4 framing (Parquet's deprecated LZ4 codec as parquet-mr writes it): per chunk a
# big-endian u32 uncompressed size, a big-endian u32 compressed size, then one raw LZ4 block.

HADOOP_CHUNK = 256 * 1024


def frame_hadoop_lz4(raw, chunk_size=HADOOP_CHUNK):
    out = bytearray()
    for start in range(0, max(len(raw), 1), chunk_size):  # empty input: one empty chunk, as Hadoop
        block = lz4.block.compress(raw[start:start + chunk_size], store_size=False)
        out += struct.pack(">II", len(raw[start:start + chunk_size]), len(block)) + block
    return bytes(out)


def split_hadoop_lz4(data):
    """[(uncompressed_size, block)] or RefError when the bytes are not exactly a chain of chunks."""
    chunks, pos = [], 0
    while len(data) - pos >= 8:
        uncompressed, compressed = struct.unpack_from(">II", data, pos)
        if compressed > len(data) - pos - 8:
            raise RefError(f"hadoop lz4: block of {compressed} bytes runs past the end", pos)
        chunks.append((uncompressed, bytes(data[pos + 8:pos + 8 + compressed])))
        pos += 8 + compressed
    if pos != len(data):
        raise RefError(f"hadoop lz4: {len(data) - pos} bytes left after the last chunk", pos)
    return chunks


def decompress_hadoop_lz4(data, limit):
    out = bytearray()
    for uncompressed, block in split_hadoop_lz4(data):
        if uncompressed > limit - len(out):
            raise RefError(f"hadoop lz4: output exceeds {limit} bytes")
        piece = lz4.block.decompress(block, uncompressed_size=uncompressed)
        if len(piece) != uncompressed:
            raise RefError(f"hadoop lz4: block gave {len(piece)} bytes, header says {uncompressed}")
        out += piece
    return bytes(out)


def decompress_parquet_lz4(data, size):
    """Codec LZ4 (5) as Arrow C++ reads it: Hadoop framing when the whole page parses as such and
    gives exactly `size` bytes, otherwise one raw LZ4 block. Returns (raw, 'hadoop' | 'raw')."""
    try:
        raw = decompress_hadoop_lz4(data, size)
        if len(raw) == size:
            return raw, "hadoop"
    except (RefError, lz4.block.LZ4BlockError):
        pass
    return decompress_lz4_raw(data, size), "raw"


# ---------------------------------------------------------------------------------------------
# Reference decompressors: (data, limit) -> bytes, never producing more than limit bytes.

def read_snappy_length(data):
    value, shift = 0, 0
    for b in data[:5]:  # the preamble is a varint u32
        value |= (b & 0x7F) << shift
        if b < 0x80:
            return value
        shift += 7
    raise RefError("snappy: bad length preamble", 0)


def decompress_snappy(data, limit):
    declared = read_snappy_length(data)
    if declared > limit:
        raise RefError(f"snappy: preamble says {declared} bytes, limit {limit}")
    return snappy.decompress(bytes(data))


def decompress_deflate(data, limit, wbits):
    """Concatenated members/streams, each read to its end; wbits 31 = gzip, 15 = zlib, 47 = either
    (Arrow's GZIP decoder auto-detects the header)."""
    out, pos = bytearray(), 0
    while pos < len(data) or pos == 0:
        inflater = zlib.decompressobj(wbits)
        out += inflater.decompress(data[pos:], limit + 1 - len(out))
        if len(out) > limit:
            raise RefError(f"deflate: output exceeds {limit} bytes")
        if not inflater.eof:
            raise RefError("deflate: stream ends early", len(data))
        pos = len(data) - len(inflater.unused_data)
    return bytes(out)


def decompress_zstd(data, limit):
    """Every frame, fed in small steps so that output beyond limit stops the decode early."""
    out, pos, step = bytearray(), 0, 4096
    while pos < len(data) or pos == 0:
        frame_start = pos
        inflater = zstandard.ZstdDecompressor().decompressobj()
        while not inflater.eof:
            if pos >= len(data):
                raise RefError("zstd: frame ends early", frame_start)
            piece = data[pos:pos + step]
            out += inflater.decompress(piece)
            if len(out) > limit:
                raise RefError(f"zstd: output exceeds {limit} bytes")
            pos += len(piece) - len(inflater.unused_data)
    return bytes(out)


def decompress_lz4_raw(data, limit):
    return lz4.block.decompress(bytes(data), uncompressed_size=limit)


def decompress_brotli(data, limit):
    inflater = brotli.Decompressor()
    out = inflater.process(bytes(data), output_buffer_limit=limit + 1)
    if len(out) > limit:
        raise RefError(f"brotli: output exceeds {limit} bytes")
    if not inflater.is_finished():
        raise RefError("brotli: stream ends early", len(data))
    return out


# Our codec names (and generate's variants) -> reference decompressor.
DECOMPRESSORS = {
    "snappy": decompress_snappy,
    "gzip": lambda data, limit: decompress_deflate(data, limit, 31),
    "gzip_multi": lambda data, limit: decompress_deflate(data, limit, 31),
    "zlib": lambda data, limit: decompress_deflate(data, limit, 15),
    "zstd": decompress_zstd,
    "zstd_multi": decompress_zstd,
    "zstd_nosize": decompress_zstd,
    "lz4_raw": decompress_lz4_raw,
    "lz4_hadoop": decompress_hadoop_lz4,
    "brotli": decompress_brotli,
}


# ---------------------------------------------------------------------------------------------
# Deterministic inputs. SHAKE-128 of a label is the byte source: fixed by the standard, unlike
# the random module's helpers, so the inputs never change with the Python version.

def stream(label, n):
    return hashlib.shake_128(label.encode()).digest(n)


WORDS = ("the of and to in a is that for it as was with be by on not he this are or his from at "
         "which but have an they you were her she there been one all we their has would when if so "
         "no will more can out other into time only some could new them these two may first then do "
         "any like my now over such our man me even most made after also did many before must "
         "through back years where much your way well down should because each just those people "
         "how too little state good very make world still own see men work long get here between "
         "both life being under never day same another know while last might us great old year "
         "off come since against go came right used take three parquet column page").split()


def english_text(label, size):
    """Words drawn with a skew towards the common ones, in sentences with commas and full stops."""
    noise = stream(label, 3 * size)  # 3 bytes a word; a word with its space takes 2 bytes or more
    words, length, capital = [], 0, True
    for i in range(0, len(noise), 3):
        if length >= size:
            break
        word = WORDS[min(noise[i], noise[i + 1]) % len(WORDS)]
        word = word.capitalize() if capital else word
        capital = noise[i + 2] < 24
        word += "." if capital else "," if noise[i + 2] < 48 else ""
        words.append(word)
        length += len(word) + 1
    return " ".join(words).encode()[:size]


PSEUDO_LETTERS = bytes((b"abcdefghijklmnopqrstuvwxyz" + b" " * 6)[b % 32] for b in range(256))


def random_ish_text(label, size):
    """Letters and spaces in random order: text-shaped but compresses poorly."""
    return stream(label, size).translate(PSEUDO_LETTERS)


def sorted_ids(label, count):
    """Sorted little-endian int64 ids with small gaps and the odd jump."""
    gaps = [1 + (b & 7) if b < 250 else 1000 for b in stream(label, count)]
    return struct.pack(f"<{count}q", *itertools.accumulate(gaps[:-1], initial=10**12))


def float_features(label, count):
    """Little-endian float32 rows of 8 features, each around its own mean at 2 decimals."""
    noise = struct.unpack(f"<{count}H", stream(label, 2 * count))
    means, spreads = (0.5, 20.0, 100.0, -3.0, 1500.0, 0.01, 7.0, 42.0), (0.2, 5.0, 50.0, 1.0, 300.0, 0.005, 3.0, 10.0)
    values = [round(means[i % 8] + spreads[i % 8] * (n / 32768 - 1), 2) for i, n in enumerate(noise)]
    return struct.pack(f"<{count}f", *values)


def big_mix():
    """16 MiB of 1 MiB units: half text, then ids, floats, zeros and a little noise."""
    text = english_text("big_text", 1 << 20)
    ids = sorted_ids("big_ids", 1 << 19)
    floats = float_features("big_floats", 1 << 17)
    units = []
    for i in range(16):
        start = (i * 32771) % (512 << 10)
        units += [text[start:start + (512 << 10)], ids[i << 18:(i + 1) << 18],
                  floats[(i % 4) << 17:((i % 4) + 1) << 17], bytes(96 << 10), stream(f"big_noise_{i}", 32 << 10)]
    return b"".join(units)


def inputs():
    """[(name, bytes)] in manifest order."""
    return [
        ("empty", b""),
        ("one_byte", b"P"),
        ("text_64k", english_text("text_64k", 1 << 16)),
        ("random_64k", stream("random_64k", 1 << 16)),
        ("zeros_1m", bytes(1 << 20)),
        ("int64_ids", sorted_ids("int64_ids", 1 << 17)),
        ("floats", float_features("floats", 1 << 18)),
        ("around_64k_65535", random_ish_text("around_64k_65535", 65535)),
        ("around_64k_65536", random_ish_text("around_64k_65536", 65536)),
        ("around_64k_65537", random_ish_text("around_64k_65537", 65537)),
        ("big_16m", big_mix()),
    ]


def thirds(raw):
    return [raw[:len(raw) // 3], raw[len(raw) // 3:2 * len(raw) // 3], raw[2 * len(raw) // 3:]]


def zstd_frame(raw, with_size=True):
    # Without the size the frame is what a streaming compressor writes: readers must not rely on it.
    return zstandard.ZstdCompressor(level=3, write_content_size=with_size).compress(raw)


COMPRESSORS = {
    "snappy": lambda raw: snappy.compress(raw),  # raw block format, not the framed one
    "gzip": lambda raw: gzip.compress(raw, compresslevel=6, mtime=0),
    "gzip_multi": lambda raw: b"".join(gzip.compress(part, compresslevel=6, mtime=0) for part in thirds(raw)),
    "zlib": lambda raw: zlib.compress(raw, 6),
    "zstd": zstd_frame,
    "zstd_multi": lambda raw: zstd_frame(raw[:len(raw) // 2]) + zstd_frame(raw[len(raw) // 2:]),
    "zstd_nosize": lambda raw: zstd_frame(raw, with_size=False),
    "lz4_raw": lambda raw: lz4.block.compress(raw, store_size=False),
    "lz4_hadoop": frame_hadoop_lz4,
    "brotli": lambda raw: brotli.compress(raw, quality=5),
}
BIG_INPUT_CODECS = ("snappy", "zstd", "lz4_raw", "gzip")  # keeps the folder small and generate fast


def write_file(path, data):
    with open(path, "wb") as f:
        f.write(data)


def link_or_copy(source, target):
    if os.path.lexists(target):
        os.remove(target)
    try:
        os.link(source, target)
    except OSError:
        write_file(target, read_file(source))


def read_file(path):
    with open(path, "rb") as f:
        return f.read()


def generate(outdir):
    """Writes the streams and manifest.json; returns the manifest."""
    manifest, total = [], 0
    for name, raw in inputs():
        first_raw = None
        for codec, compress in COMPRESSORS.items():
            if name == "big_16m" and codec not in BIG_INPUT_CODECS:
                continue
            os.makedirs(os.path.join(outdir, codec), exist_ok=True)
            raw_path, cmp_path = f"{codec}/{name}.raw", f"{codec}/{name}.cmp"
            if first_raw is None:
                write_file(os.path.join(outdir, raw_path), raw)
                first_raw = raw_path
                total += len(raw)
            else:
                link_or_copy(os.path.join(outdir, first_raw), os.path.join(outdir, raw_path))
            compressed = compress(raw)
            write_file(os.path.join(outdir, cmp_path), compressed)
            total += len(compressed)
            manifest.append({"codec": codec, "name": name, "raw": raw_path, "compressed": cmp_path, "size": len(raw)})
    with open(os.path.join(outdir, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
    print(f"generate: {len(manifest)} streams, {total / 1e6:.1f} MB on disk in {outdir}", file=sys.stderr)
    return manifest


# ---------------------------------------------------------------------------------------------
# verify: our streams through the reference decoders.

def verify(manifest_path, entries):
    folder = os.path.dirname(os.path.abspath(manifest_path))
    ok, failures = 0, []
    for entry in entries:
        label = entry.get("compressed") if isinstance(entry, dict) else repr(entry)
        try:
            if entry.get("codec") not in DECOMPRESSORS:
                raise RefError(f"unknown codec {entry.get('codec')!r}")
            raw = read_file(os.path.join(folder, entry["raw"]))
            got = DECOMPRESSORS[entry["codec"]](read_file(os.path.join(folder, entry["compressed"])), len(raw))
            if got != raw:
                raise RefError(f"decoded {len(got)} bytes differ from the {len(raw)} raw bytes "
                               f"(first difference at byte {first_difference(got, raw)})")
            ok += 1
        except Exception as error:  # every failure is a finding to report, not a crash
            failures.append({"compressed": label, "error": f"{type(error).__name__}: {error}"})
    return {"ok": ok, "failures": failures}


def first_difference(a, b):
    return next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))


# ---------------------------------------------------------------------------------------------
# corpus-pages. Field ids from parquet.thrift.

CODEC_NAMES = {0: "UNCOMPRESSED", 1: "SNAPPY", 2: "GZIP", 3: "LZO", 4: "BROTLI", 5: "LZ4", 6: "ZSTD", 7: "LZ4_RAW"}
CORPUS_DECOMPRESSORS = {
    "SNAPPY": decompress_snappy,
    "GZIP": lambda data, size: decompress_deflate(data, size, 47),
    "BROTLI": decompress_brotli,
    "ZSTD": decompress_zstd,
    "LZ4_RAW": decompress_lz4_raw,
}
DATA_PAGE, INDEX_PAGE, DICTIONARY_PAGE, DATA_PAGE_V2 = 0, 1, 2, 3
MAX_PAGES_PER_CHUNK = 50
MAX_PAGE_SIZE = 64 << 20


def read_footer(data):
    """FileMetaData as {field_id: value}."""
    if len(data) < 12:
        raise RefError(f"{len(data)} bytes is too short for a Parquet file")
    if data[-4:] == b"PARE":
        raise RefError("encrypted footer (PARE)")
    if data[:4] != b"PAR1" or data[-4:] != b"PAR1":
        raise RefError("no PAR1 magic")
    footer_length = struct.unpack_from("<I", data, len(data) - 8)[0]
    footer_start = len(data) - 8 - footer_length
    if footer_start < 4:
        raise RefError(f"footer length {footer_length} exceeds the file", len(data) - 8)
    meta, _ = decode_struct(data, footer_start, len(data) - 8)
    return meta, footer_start


def page_payload(header, body):
    """(compressed bytes to feed the codec, uncompressed size, reason to skip or None)."""
    kind, size = header.get(1), header.get(2)
    if kind in (DATA_PAGE, DICTIONARY_PAGE):
        return body, size, None
    if kind == DATA_PAGE_V2:
        v2 = header.get(8, {})
        levels = v2.get(5, 0) + v2.get(6, 0)  # rep+def levels are stored uncompressed in front
        if not 0 <= levels <= min(len(body), size):
            return None, None, f"v2 level lengths {levels} exceed the page"
        if v2.get(7, True) is False:
            return None, None, "v2 page with is_compressed=false"
        return body[levels:], size - levels, None
    return None, None, f"page type {kind} ({'INDEX_PAGE' if kind == INDEX_PAGE else 'unknown'}) has no codec payload"


def decompress_page(codec, data, size):
    if codec == "LZ4":
        return decompress_parquet_lz4(data, size)
    return CORPUS_DECOMPRESSORS[codec](data, size), None


class PageWriter:
    def __init__(self, outdir):
        self.outdir, self.pages, self.skipped = outdir, [], []
        os.makedirs(os.path.join(outdir, "pages"), exist_ok=True)

    def add(self, where, codec, compressed, raw, form):
        n = len(self.pages)
        write_file(os.path.join(self.outdir, "pages", f"{n}.cmp"), compressed)
        write_file(os.path.join(self.outdir, "pages", f"{n}.raw"), raw)
        self.pages.append({**where, "codec": codec, "compressed": f"pages/{n}.cmp", "raw": f"pages/{n}.raw",
                           "size": len(raw), "form": form})

    def skip(self, where, reason):
        self.skipped.append({**where, "reason": reason})


def walk_chunk(data, limit, chunk, where, codec, writer):
    """Writes the pages of one column chunk; limit is where the footer starts."""
    meta = chunk[3]
    data_offset, dict_offset = meta.get(9, 0), meta.get(11, 0)
    # Readers trust dictionary_page_offset only when it points before the first data page.
    pos = dict_offset if 0 < dict_offset < data_offset else data_offset
    end = pos + meta.get(7, 0)
    if not 4 <= pos <= end <= limit:
        return writer.skip(where, f"column chunk [{pos}, {end}) is outside the file's data")
    for index in itertools.count():
        if pos >= end:
            return
        at = {**where, "page": index}
        if index == MAX_PAGES_PER_CHUNK:
            return writer.skip(at, f"cap: pages from {MAX_PAGES_PER_CHUNK} on are not extracted")
        try:
            header, body_start = decode_struct(data, pos, end)
        except RefError as error:
            return writer.skip(at, f"page header: {error}")
        size, length = header.get(2), header.get(3)
        if not (isinstance(size, int) and isinstance(length, int) and size >= 0 and 0 <= length <= end - body_start):
            return writer.skip(at, f"page header sizes {size}/{length} do not fit the chunk at byte {pos}")
        pos = body_start + length
        compressed, expected, reason = page_payload(header, data[body_start:pos])
        if reason is None and expected > MAX_PAGE_SIZE:
            reason = f"uncompressed size {expected} exceeds the {MAX_PAGE_SIZE} byte cap"
        if reason is None and len(compressed) == 0:
            reason = f"0-byte compressed payload for {expected} bytes: readers must not call the codec"
        if reason is not None:
            writer.skip(at, reason)
            continue
        try:
            raw, form = decompress_page(codec, compressed, expected)
            if len(raw) != expected:
                raise RefError(f"decoded {len(raw)} bytes, page header says {expected}")
        except Exception as error:  # the reference refusing a page is a finding, not a crash
            writer.skip(at, f"reference {codec} decode failed: {type(error).__name__}: {error}")
            continue
        writer.add(at, codec, compressed, raw, form)


def walk_column(data, limit, where, chunk, writer):
    meta_data = chunk.get(3)
    if meta_data is None:
        return writer.skip(where, "column chunk without meta_data (encrypted column?)")
    where["column"] = ".".join(part.decode("utf-8", "replace") for part in meta_data.get(3, []))
    codec = CODEC_NAMES.get(meta_data.get(4), f"codec {meta_data.get(4)}")
    if codec == "UNCOMPRESSED":
        return None
    if codec != "LZ4" and codec not in CORPUS_DECOMPRESSORS:
        return writer.skip(where, f"{codec} has no reference here")
    if chunk.get(1) is not None:
        return writer.skip(where, "column chunk lives in another file (file_path)")
    return walk_chunk(data, limit, chunk, where, codec, writer)


def walk_file(path, writer):
    data = read_file(path)
    name = os.path.basename(path)
    try:
        meta, footer_start = read_footer(data)
        chunks = [(g, chunk) for g, group in enumerate(meta.get(4, [])) for chunk in group.get(1, [])]
    except (RefError, AttributeError, TypeError) as error:
        return writer.skip({"file": name}, f"footer: {error}")
    for group, chunk in chunks:
        where = {"file": name, "row_group": group}
        try:
            walk_column(data, footer_start, where, chunk, writer)
        except (AttributeError, TypeError) as error:  # a field of the wrong Thrift type
            writer.skip(where, f"column metadata: {type(error).__name__}: {error}")


def corpus_pages(corpus_dir, outdir):
    writer = PageWriter(outdir)
    files = sorted(glob.glob(os.path.join(corpus_dir, "*.parquet")))
    for path in files:
        walk_file(path, writer)
    with open(os.path.join(outdir, "pages.json"), "w") as f:
        json.dump({"pages": writer.pages, "skipped": writer.skipped}, f, indent=1)
    counts = {}
    for page in writer.pages:
        key = page["codec"] + (f"/{page['form']}" if page["form"] else "")
        counts[key] = counts.get(key, 0) + 1
    summary = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    print(f"corpus-pages: {len(writer.pages)} pages from {len(files)} files ({summary}), "
          f"{len(writer.skipped)} skipped -> {os.path.join(outdir, 'pages.json')}", file=sys.stderr)
    return {"pages": writer.pages, "skipped": writer.skipped}


def load_manifest(path):
    """The manifest's JSON, or None when it cannot be read (a usage error)."""
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


USAGE = __doc__.split("\n\n")[1:4]


def main(argv):
    command, args = (argv[0], argv[1:]) if argv else (None, [])
    manifest = load_manifest(args[0]) if command == "verify" and len(args) == 1 else None
    if command == "generate" and len(args) == 1:
        generate(args[0])
    elif isinstance(manifest, list):
        print(json.dumps(verify(args[0], manifest)))
    elif command == "corpus-pages" and len(args) == 2 and os.path.isdir(args[0]):
        corpus_pages(args[0], args[1])
    else:
        print("usage:\n" + "\n".join(line for block in USAGE for line in block.splitlines()[:1]), file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
