"""One entry point per direction over every encoding, keyed by the spec's encoding names, as the
CLI and the case generator call them."""
from . import ReferenceError
from .byte_arrays import decode_delta_byte_array, decode_delta_length_byte_array
from .byte_stream_split import decode_byte_stream_split
from .delta_binary_packed import decode_delta_binary_packed
from .dictionary import decode_dictionary_indices
from .hybrid import decode_hybrid
from .plain import decode_plain
from .types import value_width

ENCODINGS = ("PLAIN", "RLE", "RLE_DICTIONARY", "DELTA_BINARY_PACKED", "DELTA_LENGTH_BYTE_ARRAY",
             "DELTA_BYTE_ARRAY", "BYTE_STREAM_SPLIT")

# Which physical types each encoding supports (Encodings.md, "Supported Encodings"); RLE and
# RLE_DICTIONARY here are bare index / level streams, typed INT32.
SUPPORTED = {
    "PLAIN": ("BOOLEAN", "INT32", "INT64", "INT96", "FLOAT", "DOUBLE", "BYTE_ARRAY", "FIXED_LEN_BYTE_ARRAY"),
    "RLE": ("INT32",),
    "RLE_DICTIONARY": ("INT32",),
    "DELTA_BINARY_PACKED": ("INT32", "INT64"),
    "DELTA_LENGTH_BYTE_ARRAY": ("BYTE_ARRAY",),
    "DELTA_BYTE_ARRAY": ("BYTE_ARRAY", "FIXED_LEN_BYTE_ARRAY"),
    "BYTE_STREAM_SPLIT": ("INT32", "INT64", "FLOAT", "DOUBLE", "FIXED_LEN_BYTE_ARRAY"),
}


def decode(encoding: str, physical_type: str, data: bytes, count: int, type_length: int | None = None,
           bit_width: int | None = None, strict: bool = False) -> list:
    """Decodes a whole page body of `count` values. `strict` (for encoders under test) demands
    everything the spec says a writer should do, and that no byte is left over."""
    if physical_type not in SUPPORTED.get(encoding, ()):
        raise ReferenceError(f"{encoding} does not apply to {physical_type}")
    if encoding == "PLAIN":
        values, end = decode_plain(physical_type, data, 0, count, type_length, strict)
    elif encoding == "RLE":
        if bit_width is None:
            raise ReferenceError("RLE needs a bit width")
        values, end = decode_hybrid(data, 0, len(data), bit_width, count, strict)
    elif encoding == "RLE_DICTIONARY":
        values, end = decode_dictionary_indices(data, 0, count, strict)
    elif encoding == "DELTA_BINARY_PACKED":
        values, end = decode_delta_binary_packed(data, 0, 32 if physical_type == "INT32" else 64, strict)
        if len(values) != count:
            raise ReferenceError(f"the stream holds {len(values)} values, expected {count}")
    elif encoding == "DELTA_LENGTH_BYTE_ARRAY":
        values, end = decode_delta_length_byte_array(data, 0, count, strict)
    elif encoding == "DELTA_BYTE_ARRAY":
        values, end = decode_delta_byte_array(data, 0, count, strict)
        if physical_type == "FIXED_LEN_BYTE_ARRAY":
            width = value_width(physical_type, type_length)
            for i, v in enumerate(values):
                if len(v) != width:
                    raise ReferenceError(f"FIXED_LEN_BYTE_ARRAY value {i} has {len(v)} bytes, not {width}")
    elif encoding == "BYTE_STREAM_SPLIT":
        width = value_width(physical_type, type_length)
        if len(data) != count * width:
            raise ReferenceError(f"{len(data)} bytes, but {count} values of {width} bytes need {count * width}")
        plain = decode_byte_stream_split(data, width)
        values, end = decode_plain(physical_type, plain, 0, count, type_length)
    else:
        raise ReferenceError(f"unknown encoding {encoding}")
    if strict and end != len(data):
        raise ReferenceError(f"{len(data) - end} bytes left over after {count} values (stream ends at offset {end} of {len(data)})")
    return values
