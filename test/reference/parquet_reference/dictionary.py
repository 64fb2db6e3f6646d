"""Dictionary encoding (Encodings.md, "Dictionary Encoding (PLAIN_DICTIONARY = 2 and RLE_DICTIONARY = 8)").

The dictionary page is PLAIN (see plain.py). A data page's indices are one byte holding the bit
width (at most 32), then the RLE/bit-packing hybrid at that width, with no length prefix.
"""
from . import ReferenceError
from .hybrid import decode_hybrid, encode_hybrid


def encode_dictionary_indices(indices: list[int], bit_width: int, plan: list[tuple[str, int]]) -> bytes:
    return bytes([bit_width]) + encode_hybrid(indices, bit_width, plan)


def decode_dictionary_indices(data: bytes, pos: int, count: int, strict: bool = False) -> tuple[list[int], int]:
    if pos >= len(data):
        if count == 0:
            return [], pos
        raise ReferenceError(f"bit-width byte at offset {pos} missing")
    bit_width = data[pos]
    if bit_width > 32:
        raise ReferenceError(f"dictionary index bit width {bit_width} exceeds 32")
    return decode_hybrid(data, pos + 1, len(data), bit_width, count, strict)
