"""An independent, deliberately plain reading of apache/parquet-format Encodings.md.

Written from the spec text only (no other implementation was consulted), in Python 3.11 standard
library, to give Parquetry's decoders and encoders a second opinion. Speed is not a goal; clarity
and strictness are. Every module names the spec section it implements.

Value representation used throughout (one Python list per column of values):
  BOOLEAN               int 0/1
  INT32, INT64          int, signed, in the type's range
  INT96                 bytes of length 12
  FLOAT, DOUBLE         int: the IEEE 754 bit pattern (so NaN payloads and -0 survive exactly)
  BYTE_ARRAY            bytes
  FIXED_LEN_BYTE_ARRAY  bytes of length typeLength
Hybrid / dictionary index values are unsigned ints below 2**bitWidth.
"""


class ReferenceError(Exception):
    """Input that the spec does not allow (or that ends early); the message says where."""
