"""The RLE / bit-packing hybrid (Encodings.md, "Run Length Encoding / Bit-Packing Hybrid (RLE = 3)").

    encoded-data      := <run>*
    bit-packed-run    := varint(groups << 1 | 1)  <groups * 8 values, LSB-first packed>
    rle-run           := varint(run-len << 1)     <value in ceil(bit-width / 8) bytes, little endian>
    run lengths are in [1, 2**31 - 1]

The encoder takes a run *plan* (see hybrid_plans.py), so streams can have shapes that a typical
writer never produces: RLE runs of length 1, runs split at odd places, one group per bit-packed run.
The optional 4-byte length prefix is not part of this module (it depends on the page kind).
"""
from . import ReferenceError
from .bitpack import pack, unpack
from .varint import read_uleb128, uleb128

MAX_RUN = 2**31 - 1


def encode_hybrid(values: list[int], bit_width: int, plan: list[tuple[str, int]]) -> bytes:
    """Writes `values` as the runs of `plan`: ('rle', length) or ('bit-packed', length) in order.

    A bit-packed run's length must be a multiple of 8 unless it is the last run (it is then padded
    with zero values to whole groups, as the spec's "we always bit-pack a multiple of 8 values").
    """
    if not 0 <= bit_width <= 32:
        raise ValueError(f"bit width {bit_width} outside 0..32")
    if sum(length for _, length in plan) != len(values):
        raise ValueError("the run plan does not cover the values exactly")
    value_bytes = (bit_width + 7) // 8
    out = bytearray()
    pos = 0
    for index, (kind, length) in enumerate(plan):
        if not 1 <= length <= (MAX_RUN if kind == "rle" else MAX_RUN // 8 * 8):
            raise ValueError(f"run length {length} out of range")
        run = values[pos:pos + length]
        if kind == "rle":
            if any(v != run[0] for v in run):
                raise ValueError(f"RLE run at value {pos} holds different values")
            if run[0] >> bit_width:
                raise ValueError(f"value {run[0]} does not fit in {bit_width} bits")
            out += uleb128(length << 1)
            out += run[0].to_bytes(value_bytes, "little")
        else:
            if length % 8 and index != len(plan) - 1:
                raise ValueError("only the last bit-packed run may end in a partial group")
            groups = (length + 7) // 8
            out += uleb128(groups << 1 | 1)
            out += pack(run + [0] * (groups * 8 - length), bit_width)
        pos += length
    return bytes(out)


def decode_hybrid(data: bytes, pos: int, end: int, bit_width: int, count: int,
                  strict: bool = False) -> tuple[list[int], int]:
    """Reads `count` values from data[pos:end]. Returns (values, position after the last run read).

    `strict` (used on encoders under test) also demands: the padding values of a final partial
    bit-packed group are zero, and no run is longer than the values still expected.
    """
    if not 0 <= bit_width <= 32:
        raise ReferenceError(f"bit width {bit_width} outside 0..32")
    data = data[:end]
    value_bytes = (bit_width + 7) // 8
    values: list[int] = []
    while len(values) < count:
        run_at = pos
        header, pos = read_uleb128(data, pos, max_bytes=5)
        length = header >> 1
        if header & 1:
            groups = length
            if groups == 0:
                raise ReferenceError(f"bit-packed run of zero groups at offset {run_at}")
            if groups * 8 > MAX_RUN:
                raise ReferenceError(f"bit-packed run of {groups} groups at offset {run_at} exceeds 2**31 - 1 values")
            run = unpack(data, pos, groups * 8, bit_width)
            pos += groups * bit_width
            wanted = count - len(values)
            if len(run) > wanted:
                if strict and (any(run[wanted:]) or groups * 8 - wanted >= 8):
                    raise ReferenceError(f"bit-packed run at offset {run_at}: {groups * 8 - wanted} values past the count, padding {run[wanted:]}")
                run = run[:wanted]
            values += run
        else:
            if length == 0:
                raise ReferenceError(f"RLE run of length zero at offset {run_at}")
            if pos + value_bytes > len(data):
                raise ReferenceError(f"RLE value at offset {pos} runs past the end")
            value = int.from_bytes(data[pos:pos + value_bytes], "little")
            pos += value_bytes
            if value >> bit_width:
                raise ReferenceError(f"RLE value {value} at offset {run_at} does not fit in {bit_width} bits")
            wanted = count - len(values)
            if length > wanted:
                if strict:
                    raise ReferenceError(f"RLE run of {length} at offset {run_at} but only {wanted} values remain")
                length = wanted
            values += [value] * length
    return values, pos
