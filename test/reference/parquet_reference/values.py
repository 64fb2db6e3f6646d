"""Seeded value generators for the cases: every sequence reproduces from its random.Random."""
import random
import struct

from .types import signed_range

INT_DISTRIBUTIONS = ("random", "sorted", "descending", "constant", "extremes", "alternating", "small")


def ints(rng: random.Random, n: int, bits: int, dist: str) -> list[int]:
    """Signed `bits`-bit integers. 'extremes' and 'alternating' make deltas that wrap."""
    low, high = signed_range(bits)
    if dist == "random":
        return [rng.randint(low, high) for _ in range(n)]
    if dist == "sorted":
        v = rng.randint(low // 2, 0)
        out = []
        for _ in range(n):
            v += rng.randint(0, 1000)
            out.append(v)
        return out
    if dist == "descending":
        v = high - rng.randint(0, 1000)
        out = []
        for _ in range(n):
            v -= rng.randint(0, 70000)
            out.append(max(v, low))
        return out
    if dist == "constant":
        return [rng.randint(low, high)] * n
    if dist == "extremes":
        return [rng.choice((low, high)) for _ in range(n)]
    if dist == "alternating":
        return [low if i % 2 == 0 else high for i in range(n)]
    if dist == "small":
        return [rng.randint(-100, 100) for _ in range(n)]
    raise ValueError(dist)


UNSIGNED_DISTRIBUTIONS = ("random", "runs", "constant", "extremes", "counting")


def unsigned(rng: random.Random, n: int, width: int, dist: str) -> list[int]:
    """Values below 2**width, as hybrid and dictionary index streams carry them."""
    top = (1 << width) - 1
    if dist == "random":
        return [rng.getrandbits(width) if width else 0 for _ in range(n)]
    if dist == "runs":
        out: list[int] = []
        while len(out) < n:
            out += [rng.getrandbits(width) if width else 0] * rng.choice((1, 2, 3, 7, 8, 9, 15, 16, 17, 40))
        return out[:n]
    if dist == "constant":
        return [top if width else 0] * n
    if dist == "extremes":
        return [rng.choice((0, top)) for _ in range(n)]
    if dist == "counting":
        return [i & top for i in range(n)]
    raise ValueError(dist)


FLOAT_SPECIALS = [
    0x00000000, 0x80000000, 0x3F800000, 0xBF800000,  # +0, -0, 1, -1
    0x7F800000, 0xFF800000, 0x7FC00000, 0xFFC00000,  # +inf, -inf, quiet NaN, negative quiet NaN
    0x7F800001, 0x7FA5A5A5, 0xFFFFFFFF, 0x7FFFFFFF,  # signalling NaN, NaN payloads
    0x00000001, 0x807FFFFF, 0x00800000, 0x7F7FFFFF,  # subnormals, smallest normal, largest finite
]
DOUBLE_SPECIALS = [
    0x0000000000000000, 0x8000000000000000, 0x3FF0000000000000, 0xBFF0000000000000,
    0x7FF0000000000000, 0xFFF0000000000000, 0x7FF8000000000000, 0xFFF8000000000000,
    0x7FF0000000000001, 0x7FF4A5A5A5A5A5A5, 0xFFFFFFFFFFFFFFFF, 0x7FFFFFFFFFFFFFFF,
    0x0000000000000001, 0x800FFFFFFFFFFFFF, 0x0010000000000000, 0x7FEFFFFFFFFFFFFF,
]


def float_bits(rng: random.Random, n: int, double: bool) -> list[int]:
    """IEEE bit patterns: the special values first, then ordinary numbers and raw random bits."""
    specials = DOUBLE_SPECIALS if double else FLOAT_SPECIALS
    fmt, width = ("<d", 64) if double else ("<f", 32)
    out = specials[:n]
    while len(out) < n:
        if rng.random() < 0.5:
            out.append(int.from_bytes(struct.pack(fmt, rng.uniform(-1e6, 1e6)), "little"))
        else:
            out.append(rng.getrandbits(width))
    return out


def byte_strings(rng: random.Random, n: int, max_length: int, empty_share: float = 0.0) -> list[bytes]:
    return [b"" if rng.random() < empty_share else rng.randbytes(rng.randint(0, max_length)) for _ in range(n)]


def sorted_keys(rng: random.Random, n: int, max_length: int) -> list[bytes]:
    """Sorted strings over a small alphabet: long shared prefixes, as sorted keys have."""
    keys = [bytes(rng.choice(b"abc/") for _ in range(rng.randint(0, max_length))) for _ in range(n)]
    return sorted(keys)
