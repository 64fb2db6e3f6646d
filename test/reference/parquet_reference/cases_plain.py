"""Cases for PLAIN (every physical type) and BYTE_STREAM_SPLIT (every type it supports, any width)."""
import random

from .byte_stream_split import encode_byte_stream_split
from .manifest import COUNTS, Manifest
from .plain import encode_plain
from .values import byte_strings, float_bits, ints


def _values(rng: random.Random, physical_type: str, n: int, variant: str, type_length: int | None = None) -> list:
    if physical_type == "BOOLEAN":
        return {"random": lambda: [rng.randint(0, 1) for _ in range(n)],
                "ones": lambda: [1] * n,
                "alternating": lambda: [i % 2 for i in range(n)]}[variant]()
    if physical_type in ("INT32", "INT64"):
        return ints(rng, n, 32 if physical_type == "INT32" else 64, variant)
    if physical_type in ("FLOAT", "DOUBLE"):
        return float_bits(rng, n, physical_type == "DOUBLE")
    if physical_type == "INT96":
        return [rng.randbytes(12) for _ in range(n)]
    if physical_type == "FIXED_LEN_BYTE_ARRAY":
        return [rng.randbytes(type_length) for _ in range(n)]
    if physical_type == "BYTE_ARRAY":
        return byte_strings(rng, n, 40, empty_share=0.2)
    raise ValueError(physical_type)


def plain_cases(m: Manifest) -> None:
    rng = random.Random(1001)

    def add(physical_type: str, values: list, what: str, type_length: int | None = None) -> None:
        name = f"PLAIN {physical_type}{f'({type_length})' if type_length else ''} {what} n={len(values)}"
        m.add(name, "PLAIN", physical_type, values, encode_plain(physical_type, values, type_length), type_length)

    # Booleans: every count around a byte boundary, and the spec's LSB-first order.
    for n in (*COUNTS, 7, 8, 9, 15, 17):
        add("BOOLEAN", _values(rng, "BOOLEAN", n, "random"), "random")
    add("BOOLEAN", _values(rng, "BOOLEAN", 129, "ones"), "all true")
    add("BOOLEAN", _values(rng, "BOOLEAN", 13, "alternating"), "alternating")
    for physical_type in ("INT32", "INT64"):
        for i, n in enumerate(COUNTS):
            add(physical_type, _values(rng, physical_type, n, "random"), "random")
            add(physical_type, _values(rng, physical_type, n, ("extremes", "alternating", "small")[i % 3]),
                ("extremes", "alternating", "small")[i % 3])
    for physical_type in ("INT96", "FLOAT", "DOUBLE", "BYTE_ARRAY"):
        for n in COUNTS:
            what = "specials then random" if physical_type in ("FLOAT", "DOUBLE") else "random"
            add(physical_type, _values(rng, physical_type, n, ""), what)
    for type_length in (1, 3, 16, 17):
        for n in (0, 1, 129, 4097 if type_length < 16 else 1000):
            add("FIXED_LEN_BYTE_ARRAY", _values(rng, "FIXED_LEN_BYTE_ARRAY", n, "", type_length), "random", type_length)
    # Long and empty byte arrays together: 10 kB values between empty ones.
    long_values = [rng.randbytes(10_000) if i % 2 else b"" for i in range(21)]
    add("BYTE_ARRAY", long_values, "10 kB and empty")
    add("BYTE_ARRAY", [b""] * 128, "all empty")


def byte_stream_split_cases(m: Manifest) -> None:
    rng = random.Random(1002)
    # The spec's example: three floats AA BB CC DD | 00 11 22 33 | A3 B4 C5 D6
    example = [0xDDCCBBAA, 0x33221100, 0xD6C5B4A3]
    data = encode_byte_stream_split(encode_plain("FLOAT", example), 4)
    assert data == bytes.fromhex("AA00A3BB11B4CC22C5DD33D6")
    m.add("BYTE_STREAM_SPLIT FLOAT spec example n=3", "BYTE_STREAM_SPLIT", "FLOAT", example, data)

    def add(physical_type: str, values: list, type_length: int | None = None) -> None:
        plain = encode_plain(physical_type, values, type_length)
        width = len(plain) // len(values) if values else (type_length or {"INT32": 4, "FLOAT": 4}.get(physical_type, 8))
        name = f"BYTE_STREAM_SPLIT {physical_type}{f'({type_length})' if type_length else ''} n={len(values)}"
        m.add(name, "BYTE_STREAM_SPLIT", physical_type, values, encode_byte_stream_split(plain, width), type_length)

    for physical_type in ("INT32", "INT64", "FLOAT", "DOUBLE"):
        for n in COUNTS:
            add(physical_type, _values(rng, physical_type, n, "random"))
    for type_length in (1, 2, 3, 5, 7, 12, 16, 33):
        for n in (0, 1, 127, 129, 4097 if type_length < 16 else 999):
            add("FIXED_LEN_BYTE_ARRAY", _values(rng, "FIXED_LEN_BYTE_ARRAY", n, "", type_length), type_length)
