"""BYTE_STREAM_SPLIT (Encodings.md, "Byte Stream Split: (BYTE_STREAM_SPLIT = 9)").

K streams of N bytes: byte k of every value goes to stream k; the streams are concatenated in
order, with no header and no padding. K is the value width in bytes (any width for
FIXED_LEN_BYTE_ARRAY). Works on the values' PLAIN bytes.
"""
from . import ReferenceError


def encode_byte_stream_split(plain: bytes, width: int) -> bytes:
    if width < 1 or len(plain) % width:
        raise ValueError(f"{len(plain)} bytes are not whole values of {width} bytes")
    return b"".join(plain[k::width] for k in range(width))


def decode_byte_stream_split(data: bytes, width: int) -> bytes:
    if width < 1:
        raise ReferenceError(f"width {width} is not positive")
    if len(data) % width:
        raise ReferenceError(f"{len(data)} bytes are not whole values of {width} bytes")
    count = len(data) // width
    out = bytearray(len(data))
    for k in range(width):
        out[k::width] = data[k * count:(k + 1) * count]
    return bytes(out)
