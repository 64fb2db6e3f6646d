"""DELTA_BINARY_PACKED (Encodings.md, "Delta Encoding (DELTA_BINARY_PACKED = 5)").

    header := <block size: ULEB128> <miniblocks per block: ULEB128> <total count: ULEB128>
              <first value: zigzag ULEB128>
    block  := <min delta: zigzag ULEB128> <one bit-width byte per miniblock> <miniblocks>

Block size a multiple of 128; values per miniblock (block size / miniblocks) a multiple of 32.
Deltas wrap in two's complement at the type's width (32 bits for INT32, 64 for INT64). The last
miniblock used is padded to full length; the width bytes of unused miniblocks in the last block are
present but their bodies are not. A block is written only for deltas, so 0 or 1 values are a
header alone.
"""
import random
from dataclasses import dataclass

from . import ReferenceError
from .bitpack import pack, unpack
from .types import signed_range, to_signed
from .varint import read_uleb128, read_zigzag_uleb128, uleb128, zigzag_uleb128


@dataclass
class DeltaShape:
    """Writer choices. The defaults are the plain ones; the others make legal but unusual streams."""
    block_size: int = 128
    miniblocks: int = 4
    # extra bits added to each miniblock's needed width (capped at the type width): legal, wasteful
    widen: int = 0
    # fill the padding of the last miniblock and the unused width bytes with random bits, which
    # the spec says readers must accept ("should be zero, but readers must accept arbitrary ...")
    garbage_seed: int | None = None

    def check(self) -> None:
        if self.block_size <= 0 or self.block_size % 128:
            raise ValueError(f"block size {self.block_size} is not a positive multiple of 128")
        if self.miniblocks <= 0 or self.block_size % self.miniblocks or (self.block_size // self.miniblocks) % 32:
            raise ValueError(f"{self.miniblocks} miniblocks do not split {self.block_size} into multiples of 32")


def encode_delta_binary_packed(values: list[int], bits: int, shape: DeltaShape = DeltaShape()) -> bytes:
    shape.check()
    low, high = signed_range(bits)
    if any(not low <= v <= high for v in values):
        raise ValueError(f"a value is outside the {bits}-bit range")
    garbage = random.Random(shape.garbage_seed) if shape.garbage_seed is not None else None
    out = bytearray()
    out += uleb128(shape.block_size) + uleb128(shape.miniblocks) + uleb128(len(values))
    out += zigzag_uleb128(values[0] if values else 0)
    # step 1: deltas between consecutive values, wrapping at the type width
    deltas = [to_signed(values[i] - values[i - 1], bits) for i in range(1, len(values))]
    per_miniblock = shape.block_size // shape.miniblocks
    for start in range(0, len(deltas), shape.block_size):
        block = deltas[start:start + shape.block_size]
        # step 2: frame of reference; d - min_delta is in [0, 2**bits) because both are in range
        min_delta = min(block)
        relative = [d - min_delta for d in block]
        widths = bytearray()
        bodies = bytearray()
        for m in range(shape.miniblocks):
            chunk = relative[m * per_miniblock:(m + 1) * per_miniblock]
            if not chunk:
                widths.append(garbage.randrange(256) if garbage else 0)
                continue
            width = min(bits, max(chunk).bit_length() + shape.widen)
            padding = per_miniblock - len(chunk)
            chunk = chunk + [garbage.getrandbits(width) if garbage else 0 for _ in range(padding)]
            widths.append(width)
            bodies += pack(chunk, width)
        # step 3
        out += zigzag_uleb128(min_delta) + widths + bodies
    return bytes(out)


def decode_delta_binary_packed(data: bytes, pos: int, bits: int, strict: bool = False) -> tuple[list[int], int]:
    """Returns (values, position after the last miniblock read). `strict` (for encoders under
    test) also demands what the spec says writers should do: zero padding, zero unused widths,
    first value and min deltas within the type's range."""
    header_at = pos
    block_size, pos = read_uleb128(data, pos)
    miniblocks, pos = read_uleb128(data, pos)
    total, pos = read_uleb128(data, pos)
    first, pos = read_zigzag_uleb128(data, pos)
    if block_size == 0 or block_size % 128:
        raise ReferenceError(f"block size {block_size} at offset {header_at} is not a positive multiple of 128")
    if miniblocks == 0 or block_size % miniblocks or (block_size // miniblocks) % 32:
        raise ReferenceError(f"{miniblocks} miniblocks per block of {block_size}: not whole multiples of 32 values")
    low, high = signed_range(bits)
    if strict and not low <= first <= high:
        raise ReferenceError(f"first value {first} outside the {bits}-bit range")
    per_miniblock = block_size // miniblocks
    values = [to_signed(first, bits)] if total else []
    last = values[0] if values else 0
    while len(values) < total:
        block_at = pos
        min_delta, pos = read_zigzag_uleb128(data, pos)
        if strict and not low <= min_delta <= high:
            raise ReferenceError(f"min delta {min_delta} at offset {block_at} outside the {bits}-bit range")
        if pos + miniblocks > len(data):
            raise ReferenceError(f"bit widths of the block at offset {block_at} run past the end")
        widths = data[pos:pos + miniblocks]
        pos += miniblocks
        for m, width in enumerate(widths):
            remaining = total - len(values)
            if remaining == 0:
                if strict and width != 0:
                    raise ReferenceError(f"unused miniblock {m} of the block at offset {block_at} has width {width}, not 0")
                continue
            if width > bits:
                raise ReferenceError(f"miniblock {m} of the block at offset {block_at}: width {width} exceeds {bits} bits")
            chunk = unpack(data, pos, per_miniblock, width)
            pos += per_miniblock * width // 8
            if strict and any(chunk[remaining:]):
                raise ReferenceError(f"padding of miniblock {m} in the block at offset {block_at} is not zero")
            for r in chunk[:remaining]:
                last = to_signed(last + min_delta + r, bits)
                values.append(last)
    return values, pos
