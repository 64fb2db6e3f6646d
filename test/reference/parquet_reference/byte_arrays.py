"""DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY (Encodings.md, "Delta-length byte array" and
"Delta Strings").

    DELTA_LENGTH_BYTE_ARRAY := DELTA_BINARY_PACKED(lengths) <the bytes, concatenated>
    DELTA_BYTE_ARRAY        := DELTA_BINARY_PACKED(prefix lengths) DELTA_LENGTH_BYTE_ARRAY(suffixes)

Lengths are INT32 delta streams. A prefix length is how many leading bytes a value shares with the
previous one; the spec does not require the longest shared prefix, so the encoder can also be told
to share less (prefix policy), which a reader must handle the same way.
"""
import random

from . import ReferenceError
from .delta_binary_packed import DeltaShape, decode_delta_binary_packed, encode_delta_binary_packed


def encode_delta_length_byte_array(values: list[bytes], shape: DeltaShape = DeltaShape()) -> bytes:
    return encode_delta_binary_packed([len(v) for v in values], 32, shape) + b"".join(values)


def decode_delta_length_byte_array(data: bytes, pos: int, count: int, strict: bool = False) -> tuple[list[bytes], int]:
    lengths, pos = decode_delta_binary_packed(data, pos, 32, strict)
    if len(lengths) != count:
        raise ReferenceError(f"the lengths stream holds {len(lengths)} values, expected {count}")
    values = []
    for i, length in enumerate(lengths):
        if length < 0:
            raise ReferenceError(f"value {i} has negative length {length}")
        if pos + length > len(data):
            raise ReferenceError(f"value {i}: {length} bytes at offset {pos} run past the end")
        values.append(bytes(data[pos:pos + length]))
        pos += length
    return values, pos


def shared_prefix(a: bytes, b: bytes) -> int:
    n = 0
    limit = min(len(a), len(b))
    while n < limit and a[n] == b[n]:
        n += 1
    return n


def encode_delta_byte_array(values: list[bytes], shape: DeltaShape = DeltaShape(), prefix: str = "longest",
                            seed: int = 0) -> bytes:
    """prefix: 'longest' (the usual choice), 'none' (every prefix length 0), or 'random' (any
    length up to the longest shared prefix)."""
    rng = random.Random(seed)
    prefixes = []
    previous = b""
    for v in values:
        longest = shared_prefix(previous, v)
        prefixes.append({"longest": longest, "none": 0, "random": rng.randint(0, longest)}[prefix])
        previous = v
    suffixes = [v[p:] for v, p in zip(values, prefixes)]
    return encode_delta_binary_packed(prefixes, 32, shape) + encode_delta_length_byte_array(suffixes, shape)


def decode_delta_byte_array(data: bytes, pos: int, count: int, strict: bool = False) -> tuple[list[bytes], int]:
    prefixes, pos = decode_delta_binary_packed(data, pos, 32, strict)
    if len(prefixes) != count:
        raise ReferenceError(f"the prefix lengths stream holds {len(prefixes)} values, expected {count}")
    suffixes, pos = decode_delta_length_byte_array(data, pos, count, strict)
    values = []
    previous = b""
    for i, (p, suffix) in enumerate(zip(prefixes, suffixes)):
        if not 0 <= p <= len(previous):
            raise ReferenceError(f"value {i}: prefix length {p} but the previous value has {len(previous)} bytes")
        previous = previous[:p] + suffix
        values.append(previous)
    return values, pos
