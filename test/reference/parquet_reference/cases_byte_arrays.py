"""Cases for DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY: the spec's examples, empty and 10 kB
values, shared prefixes, prefix lengths shorter than the longest shared prefix, FIXED_LEN_BYTE_ARRAY."""
import random

from .byte_arrays import encode_delta_byte_array, encode_delta_length_byte_array
from .delta_binary_packed import DeltaShape
from .manifest import COUNTS, Manifest
from .values import byte_strings, sorted_keys


def _long_and_empty(rng: random.Random) -> list[bytes]:
    return [rng.randbytes(10_000) if i % 3 == 1 else b"" for i in range(16)]


def delta_length_byte_array_cases(m: Manifest) -> None:
    rng = random.Random(4001)

    def add(name: str, values: list[bytes], shape: DeltaShape = DeltaShape()) -> None:
        data = encode_delta_length_byte_array(values, shape)
        m.add(f"DELTA_LENGTH_BYTE_ARRAY {name} block={shape.block_size}/{shape.miniblocks} n={len(values)}",
              "DELTA_LENGTH_BYTE_ARRAY", "BYTE_ARRAY", values, data)

    add("spec example", [b"Hello", b"World", b"Foobar", b"ABCDEF"])
    for i, n in enumerate(COUNTS):
        add("random up to 40 bytes", byte_strings(rng, n, 40, empty_share=0.1), DeltaShape(*((128, 4), (256, 8), (1024, 1))[i % 3]))
    add("all empty", [b""] * 129)
    add("10 kB and empty", _long_and_empty(rng))
    add("one 10 kB value", [rng.randbytes(10_000)])
    add("random up to 40 bytes, garbage padding", byte_strings(rng, 300, 40), DeltaShape(384, 3, garbage_seed=7))


def delta_byte_array_cases(m: Manifest) -> None:
    rng = random.Random(4002)

    def add(name: str, values: list[bytes], prefix: str = "longest", shape: DeltaShape = DeltaShape(),
            type_length: int | None = None) -> None:
        physical_type = "FIXED_LEN_BYTE_ARRAY" if type_length else "BYTE_ARRAY"
        data = encode_delta_byte_array(values, shape, prefix, seed=len(m.cases))
        what = f"{physical_type}{f'({type_length})' if type_length else ''} {name} prefix={prefix}"
        m.add(f"DELTA_BYTE_ARRAY {what} block={shape.block_size}/{shape.miniblocks} n={len(values)}",
              "DELTA_BYTE_ARRAY", physical_type, values, data, type_length)

    # Encodings.md: prefix lengths 0 2 0 3, suffix lengths 4 2 6 5, then "axislebabbleyhood"
    example = [b"axis", b"axle", b"babble", b"babyhood"]
    add("spec example", example)
    assert encode_delta_byte_array(example).endswith(b"axislebabbleyhood")
    for i, n in enumerate(COUNTS):
        add("sorted keys", sorted_keys(rng, n, 30), shape=DeltaShape(*((128, 4), (256, 2), (1024, 8))[i % 3]))
        add("random", byte_strings(rng, n, 20, empty_share=0.2))
    for prefix in ("none", "random"):
        add("sorted keys", sorted_keys(rng, 4097, 30), prefix)
        add("sorted keys", sorted_keys(rng, 129, 30), prefix, DeltaShape(384, 12))
    add("identical values", [b"same value"] * 200)
    add("all empty", [b""] * 128)
    add("empty between values", [b"abc", b"", b"abc", b"abd", b"", b""])
    add("prefix is the whole previous value", [b"a", b"ab", b"abc", b"abcd", b"abcd", b"abcde"])
    base = rng.randbytes(10_000)
    long_keys = sorted(base[:rng.randint(5_000, 10_000)] + rng.randbytes(rng.randint(0, 50)) for _ in range(12))
    add("10 kB values with long shared prefixes", long_keys)
    add("10 kB and empty", _long_and_empty(rng))
    add("random, garbage padding", byte_strings(rng, 200, 20), "random", DeltaShape(128, 2, garbage_seed=3))
    for type_length in (1, 4, 16):
        for n in (0, 1, 129, 4097):
            values = sorted(rng.randbytes(type_length // 2) + bytes(type_length - type_length // 2) if rng.random() < 0.5
                            else rng.randbytes(type_length) for _ in range(n))
            add("sorted", values, type_length=type_length)
