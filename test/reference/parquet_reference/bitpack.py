"""Bit-packing, least significant bit first, as Encodings.md note 1 of the RLE section describes:
values fill each byte from its least significant bit upwards; a value's own bits keep their order.
The same packing serves PLAIN BOOLEAN, hybrid bit-packed runs and DELTA_BINARY_PACKED miniblocks.

Packed 8 values at a time: 8 values of width w fill exactly w bytes, so each group is one small
integer shifted together and written little endian.
"""
from . import ReferenceError


def pack(values: list[int], width: int) -> bytes:
    """Packs `values` (each below 2**width) into ceil(len * width / 8) bytes."""
    limit = 1 << width
    out = bytearray()
    for start in range(0, len(values), 8):
        group = values[start:start + 8]
        acc = 0
        for i, v in enumerate(group):
            if v < 0 or v >= limit:
                raise ValueError(f"value {v} does not fit in {width} bits")
            acc |= v << (i * width)
        out += acc.to_bytes((len(group) * width + 7) // 8, "little")
    return bytes(out)


def unpack(data: bytes, pos: int, count: int, width: int) -> list[int]:
    """Reads `count` values of `width` bits starting at byte `pos` (ceil(count * width / 8) bytes)."""
    size = (count * width + 7) // 8
    if pos + size > len(data):
        raise ReferenceError(f"{count} values of {width} bits at offset {pos} need {size} bytes; {len(data) - pos} remain")
    mask = (1 << width) - 1
    out = []
    for start in range(0, count, 8):
        n = min(8, count - start)
        at = pos + (start * width) // 8
        acc = int.from_bytes(data[at:at + (n * width + 7) // 8], "little")
        for i in range(n):
            out.append((acc >> (i * width)) & mask)
    return out
