"""Cases for DELTA_BINARY_PACKED: the spec's examples, every legal block shape worth trying
(including block sizes that are not powers of two), every miniblock width 0..32 / 0..64, deltas
that wrap, widths wider than needed, and garbage where the spec says readers must accept it."""
import random

from .delta_binary_packed import DeltaShape, encode_delta_binary_packed
from .manifest import COUNTS, Manifest
from .types import signed_range, to_signed
from .values import INT_DISTRIBUTIONS, ints

SHAPES = [(128, 1), (128, 2), (128, 4), (256, 1), (256, 2), (256, 4), (256, 8), (1024, 1), (1024, 2),
          (1024, 4), (1024, 8), (1024, 32), (384, 3), (384, 12), (640, 5), (1152, 9)]


def _add(m: Manifest, name: str, physical_type: str, values: list[int], shape: DeltaShape) -> None:
    bits = 32 if physical_type == "INT32" else 64
    data = encode_delta_binary_packed(values, bits, shape)
    extras = (f" widen={shape.widen}" if shape.widen else "") + (" garbage padding" if shape.garbage_seed is not None else "")
    m.add(f"DELTA_BINARY_PACKED {physical_type} {name} block={shape.block_size}/{shape.miniblocks}{extras} n={len(values)}",
          "DELTA_BINARY_PACKED", physical_type, values, data)


def crafted_widths(rng: random.Random, bits: int, shape: DeltaShape, widths: list[int]) -> list[int]:
    """Values whose miniblocks need exactly `widths` bits, in order. Each block's first miniblock
    is width 0 (all deltas equal to the block's min delta), so the frame of reference is known."""
    per_miniblock = shape.block_size // shape.miniblocks
    low, high = signed_range(bits)
    queue = list(widths)
    values = [rng.randint(low, high)]
    while queue:
        block_widths = [0] + [queue.pop(0) if queue else rng.randint(0, bits) for _ in range(shape.miniblocks - 1)]
        widest = (1 << max(block_widths)) - 1
        min_delta = rng.randint(low, high - widest)  # so min_delta + relative never leaves the range
        for w in block_widths:
            relative = [rng.getrandbits(w) if w else 0 for _ in range(per_miniblock)]
            if w:
                relative[rng.randrange(per_miniblock)] = (1 << w) - 1
            for r in relative:
                values.append(to_signed(values[-1] + min_delta + r, bits))
    return values


def delta_binary_packed_cases(m: Manifest) -> None:
    rng = random.Random(3001)
    # Encodings.md examples 1 and 2 (values; the spec's block size 8 is not legal, so real shapes)
    for shape in (DeltaShape(128, 1), DeltaShape(128, 4)):
        _add(m, "spec example 1", "INT32", [1, 2, 3, 4, 5], shape)
        _add(m, "spec example 2", "INT32", [7, 5, 3, 1, 2, 3, 4, 5], shape)
    example = encode_delta_binary_packed([7, 5, 3, 1, 2, 3, 4, 5], 32, DeltaShape(128, 4))
    # header 128 = 80 01, 4 miniblocks, 8 values, first 7 = zigzag 14; min delta -2 = zigzag 3;
    # widths 2 0 0 0; 32 two-bit relative deltas 0 0 0 3 | 3 3 3 (then zero padding)
    assert example == bytes([0x80, 0x01, 4, 8, 14, 3, 2, 0, 0, 0, 0b11000000, 0b00111111] + [0] * 6)

    # Every shape, distribution and count, for both types.
    for physical_type, bits in (("INT32", 32), ("INT64", 64)):
        for s, (block_size, miniblocks) in enumerate(SHAPES):
            for d, dist in enumerate(INT_DISTRIBUTIONS):
                if (s + d) % 2:
                    continue  # half the grid is plenty
                n = COUNTS[(s + d) % len(COUNTS)] if dist != "random" else 4097
                _add(m, dist, physical_type, ints(rng, n, bits, dist), DeltaShape(block_size, miniblocks))
        for n in (0, 1, 2, 3, 127, 128, 129, 130, 4097):
            _add(m, "random, count sweep", physical_type, ints(rng, n, bits, "random"), DeltaShape(128, 4))

    # Every miniblock width: 0..32 for INT32, 0..64 for INT64, in shapes of 32-value miniblocks.
    for physical_type, bits, shape in (("INT32", 32, DeltaShape(1024, 32)), ("INT32", 32, DeltaShape(256, 8)),
                                       ("INT64", 64, DeltaShape(1024, 32)), ("INT64", 64, DeltaShape(128, 4))):
        widths = list(range(1, bits + 1))
        rng.shuffle(widths)
        _add(m, "every miniblock width", physical_type, crafted_widths(rng, bits, shape, widths), shape)

    # Extremes: deltas that wrap, the widest min delta, first values at both ends.
    for physical_type, bits in (("INT32", 32), ("INT64", 64)):
        low, high = signed_range(bits)
        for name, values in (("min max alternating", [low, high] * 70),
                             ("max min alternating", [high, low] * 70 + [high]),
                             ("min then 0", [low, 0, low, 0]), ("0 then min", [0, low]),
                             ("min delta is the type minimum", [high, -1] + [0] * 5),
                             ("single min", [low]), ("single max", [high])):
            _add(m, name, physical_type, values, DeltaShape(128, 4))

    # Writers may use wider miniblocks than needed (up to the type width).
    for physical_type, bits in (("INT32", 32), ("INT64", 64)):
        for widen in (3, bits):
            _add(m, "sorted", physical_type, ints(rng, 1000, bits, "sorted"), DeltaShape(256, 8, widen=widen))

    # Padding bits and the widths of unused miniblocks may be anything (readers must accept them).
    for physical_type, bits in (("INT32", 32), ("INT64", 64)):
        for n, (block_size, miniblocks) in ((130, (128, 4)), (2, (256, 8)), (300, (1024, 4)), (4000, (384, 12))):
            _add(m, "random", physical_type, ints(rng, n, bits, "random"),
                 DeltaShape(block_size, miniblocks, garbage_seed=n))
