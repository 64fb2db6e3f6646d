"""PLAIN (Encodings.md, "Plain: (PLAIN = 0)").

 - BOOLEAN: bit-packed, LSB first (the RLE/bit-packing hybrid's packing), the last byte padded
 - INT32 / INT64 / INT96: 4 / 8 / 12 bytes little endian
 - FLOAT / DOUBLE: 4 / 8 bytes IEEE little endian (values here are bit patterns, see __init__)
 - BYTE_ARRAY: length as 4 bytes little endian, then the bytes
 - FIXED_LEN_BYTE_ARRAY: the bytes
"""
from . import ReferenceError
from .bitpack import pack, unpack
from .types import signed_range, value_width


def encode_plain(physical_type: str, values: list, type_length: int | None = None) -> bytes:
    if physical_type == "BOOLEAN":
        return pack([int(v) for v in values], 1)
    if physical_type in ("INT32", "INT64"):
        width = value_width(physical_type, None)
        low, high = signed_range(width * 8)
        for v in values:
            if not low <= v <= high:
                raise ValueError(f"{v} is not an {physical_type}")
        return b"".join(v.to_bytes(width, "little", signed=True) for v in values)
    if physical_type in ("FLOAT", "DOUBLE"):
        width = value_width(physical_type, None)
        return b"".join(bits.to_bytes(width, "little") for bits in values)
    if physical_type in ("INT96", "FIXED_LEN_BYTE_ARRAY"):
        width = value_width(physical_type, type_length)
        for v in values:
            if len(v) != width:
                raise ValueError(f"{physical_type} value of {len(v)} bytes, expected {width}")
        return b"".join(values)
    if physical_type == "BYTE_ARRAY":
        return b"".join(len(v).to_bytes(4, "little") + v for v in values)
    raise ValueError(f"unknown physical type {physical_type}")


def decode_plain(physical_type: str, data: bytes, pos: int, count: int, type_length: int | None = None,
                 strict: bool = False) -> tuple[list, int]:
    """Returns (values, position after them). `strict` also demands zero BOOLEAN padding bits."""
    if physical_type == "BOOLEAN":
        values = unpack(data, pos, count, 1)
        end = pos + (count + 7) // 8
        if strict and count % 8 and data[end - 1] >> (count % 8):
            raise ReferenceError(f"BOOLEAN padding bits are not zero (byte {data[end - 1]:#04x} at offset {end - 1})")
        return values, end
    if physical_type == "BYTE_ARRAY":
        values = []
        for i in range(count):
            if pos + 4 > len(data):
                raise ReferenceError(f"BYTE_ARRAY value {i}: length at offset {pos} runs past the end")
            length = int.from_bytes(data[pos:pos + 4], "little")
            pos += 4
            if pos + length > len(data):
                raise ReferenceError(f"BYTE_ARRAY value {i}: {length} bytes at offset {pos} run past the end")
            values.append(bytes(data[pos:pos + length]))
            pos += length
        return values, pos
    width = value_width(physical_type, type_length)
    end = pos + width * count
    if end > len(data):
        raise ReferenceError(f"{count} {physical_type} values need {width * count} bytes at offset {pos}; {len(data) - pos} remain")
    chunks = [bytes(data[p:p + width]) for p in range(pos, end, width)]
    if physical_type in ("INT32", "INT64"):
        return [int.from_bytes(c, "little", signed=True) for c in chunks], end
    if physical_type in ("FLOAT", "DOUBLE"):
        return [int.from_bytes(c, "little") for c in chunks], end
    if physical_type in ("INT96", "FIXED_LEN_BYTE_ARRAY"):
        return chunks, end
    raise ValueError(f"unknown physical type {physical_type}")
