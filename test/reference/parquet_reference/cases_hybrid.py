"""Cases for the RLE/bit-packing hybrid (bare, as dictionary indices and v2 levels use it) and for
dictionary indices (bit-width byte + hybrid): every width 0..32 under several run plans."""
import random

from .dictionary import encode_dictionary_indices
from .hybrid import encode_hybrid
from .hybrid_plans import plan_bit_packed, plan_random, plan_rle_threshold
from .manifest import COUNTS, Manifest
from .values import unsigned


def _plans(rng: random.Random):
    """(name, value distribution, plan maker): run shapes from ordinary to odd."""
    return [
        ("one group per bit-packed run", "random", lambda v: plan_bit_packed(len(v), 1)),
        ("bit-packed runs of 300 groups", "random", lambda v: plan_bit_packed(len(v), 300)),
        ("RLE for 8+ repeats", "runs", lambda v: plan_rle_threshold(v, 8)),
        ("RLE for every repeat, even 1", "extremes", lambda v: plan_rle_threshold(v, 1)),
        ("random runs", "runs", lambda v: plan_random(v, rng)),
    ]


def hybrid_cases(m: Manifest) -> None:
    rng = random.Random(2001)

    # Encodings.md note 1: 0..7 at width 3 packs to 10001000 11000110 11111010, after the
    # bit-packed header varint(1 << 1 | 1) = 0x03.
    spec = encode_hybrid(list(range(8)), 3, [("bit-packed", 8)])
    assert spec == bytes([0x03, 0b10001000, 0b11000110, 0b11111010])
    m.add("RLE spec example 0..7 width=3", "RLE", "INT32", list(range(8)), spec, bit_width=3)

    for width in range(33):
        for p, (plan_name, dist, make_plan) in enumerate(_plans(rng)):
            n = COUNTS[(width + p) % len(COUNTS)]
            values = unsigned(rng, n, width, dist)
            data = encode_hybrid(values, width, make_plan(values))
            m.add(f"RLE width={width} {plan_name} {dist} n={n}", "RLE", "INT32", values, data, bit_width=width)

    # Long RLE runs: 3-byte header varints, and the widest value (2**32 - 1, an int32 -1).
    for width, value in ((1, 1), (17, 0x1ABCD), (32, 0xFFFFFFFF), (0, 0)):
        values = [value] * 20_000
        data = encode_hybrid(values, width, [("rle", 20_000)])
        m.add(f"RLE width={width} one run of 20000", "RLE", "INT32", values, data, bit_width=width)
    # A long run split in two RLE runs of the same value, then a lone bit-packed group.
    values = [5] * 300 + list(range(8))
    data = encode_hybrid(values, 4, [("rle", 100), ("rle", 200), ("bit-packed", 8)])
    m.add("RLE width=4 split repeat then a group", "RLE", "INT32", values, data, bit_width=4)


def dictionary_index_cases(m: Manifest) -> None:
    rng = random.Random(2002)
    m.add("RLE_DICTIONARY width=0 n=0 (bit-width byte only)", "RLE_DICTIONARY", "INT32", [], bytes([0]))
    m.add("RLE_DICTIONARY width=5 n=0 (bit-width byte only)", "RLE_DICTIONARY", "INT32", [], bytes([5]))
    plans = _plans(rng)
    for i, width in enumerate((0, 1, 2, 3, 5, 8, 9, 13, 16, 17, 24, 31, 32)):
        for p in (i % len(plans), (i + 2) % len(plans)):
            plan_name, dist, make_plan = plans[p]
            n = COUNTS[(i + p) % len(COUNTS)] or 1
            values = unsigned(rng, n, width, dist)
            data = encode_dictionary_indices(values, width, make_plan(values))
            m.add(f"RLE_DICTIONARY width={width} {plan_name} {dist} n={n}", "RLE_DICTIONARY", "INT32", values, data,
                  bit_width=width)
