"""ULEB128 and zigzag, as Encodings.md uses them (RLE headers, DELTA_BINARY_PACKED headers).

Encodings.md, "Run Length Encoding / Bit-Packing Hybrid", note 2: varint-encode() is ULEB-128.
"Delta Encoding": unsigned values are ULEB128; signed values are zigzag-mapped, then ULEB128.
"""
from . import ReferenceError


def uleb128(value: int) -> bytes:
    if value < 0:
        raise ValueError(f"uleb128 of a negative value {value}")
    out = bytearray()
    while True:
        low = value & 0x7F
        value >>= 7
        if value:
            out.append(low | 0x80)
        else:
            out.append(low)
            return bytes(out)


def read_uleb128(data: bytes, pos: int, max_bytes: int = 10) -> tuple[int, int]:
    """Returns (value, position after it). At most `max_bytes` bytes (10 holds any 64-bit value)."""
    value = 0
    shift = 0
    for i in range(max_bytes):
        if pos + i >= len(data):
            raise ReferenceError(f"varint at offset {pos} runs past the end ({len(data)} bytes)")
        byte = data[pos + i]
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, pos + i + 1
    raise ReferenceError(f"varint at offset {pos} is longer than {max_bytes} bytes")


def zigzag(value: int) -> int:
    """Maps 0, -1, 1, -2, 2 ... to 0, 1, 2, 3, 4 ... (any size of signed integer)."""
    return value * 2 if value >= 0 else -value * 2 - 1


def unzigzag(value: int) -> int:
    return value >> 1 if value % 2 == 0 else -((value + 1) >> 1)


def zigzag_uleb128(value: int) -> bytes:
    return uleb128(zigzag(value))


def read_zigzag_uleb128(data: bytes, pos: int) -> tuple[int, int]:
    raw, pos = read_uleb128(data, pos)
    return unzigzag(raw), pos
