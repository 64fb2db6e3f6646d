"""The JSON shape of values that the Node suite compares exactly.

  BOOLEAN                 0 or 1
  INT32                   number (hybrid and dictionary indices too: the int32 bit pattern, so
                          2**32 - 1 at bit width 32 is -1, as an Int32Array holds it)
  INT64                   decimal string ("-9223372036854775808")
  INT96                   hex of the 12 bytes, in file order
  FLOAT, DOUBLE           hex of the IEEE bit pattern, most significant first, 8 / 16 digits
                          ("3f800000" is 1.0f; NaN payloads and -0 compare by bits)
  BYTE_ARRAY,
  FIXED_LEN_BYTE_ARRAY    hex of the bytes ("" for an empty value)
"""
from .types import to_signed


def to_json(physical_type: str, values: list) -> list:
    if physical_type == "BOOLEAN":
        return [int(bool(v)) for v in values]
    if physical_type == "INT32":
        return [to_signed(v, 32) for v in values]
    if physical_type == "INT64":
        return [str(v) for v in values]
    if physical_type == "FLOAT":
        return [f"{v:08x}" for v in values]
    if physical_type == "DOUBLE":
        return [f"{v:016x}" for v in values]
    if physical_type in ("INT96", "BYTE_ARRAY", "FIXED_LEN_BYTE_ARRAY"):
        return [v.hex() for v in values]
    raise ValueError(f"unknown physical type {physical_type}")
