"""Parquet physical types (parquet.thrift `Type`) and the facts about them the encodings need."""

PHYSICAL_TYPES = ("BOOLEAN", "INT32", "INT64", "INT96", "FLOAT", "DOUBLE", "BYTE_ARRAY", "FIXED_LEN_BYTE_ARRAY")

# Bytes per value in PLAIN for the fixed-width types (FIXED_LEN_BYTE_ARRAY: its typeLength).
FIXED_WIDTH = {"INT32": 4, "INT64": 8, "INT96": 12, "FLOAT": 4, "DOUBLE": 8}


def value_width(physical_type: str, type_length: int | None) -> int:
    """Bytes per value for the fixed-width types; FIXED_LEN_BYTE_ARRAY needs its typeLength."""
    if physical_type == "FIXED_LEN_BYTE_ARRAY":
        if type_length is None or type_length < 1:
            raise ValueError("FIXED_LEN_BYTE_ARRAY needs a typeLength of at least 1")
        return type_length
    if physical_type not in FIXED_WIDTH:
        raise ValueError(f"{physical_type} has no fixed width")
    return FIXED_WIDTH[physical_type]


def to_signed(value: int, bits: int) -> int:
    """The two's complement reading of the low `bits` bits of `value` (wrapping arithmetic)."""
    value &= (1 << bits) - 1
    return value - (1 << bits) if value >> (bits - 1) else value


def signed_range(bits: int) -> tuple[int, int]:
    return -(1 << (bits - 1)), (1 << (bits - 1)) - 1
