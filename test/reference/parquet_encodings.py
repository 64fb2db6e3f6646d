#!/usr/bin/env python3
"""Independent reference for the Parquet encodings (Encodings.md), standard library only.

  python3 parquet_encodings.py generate OUTDIR
      Writes OUTDIR/manifest.json and one binary file per case. The manifest is
      {"format": 1, "cases": [{name, encoding, physicalType, typeLength?, bitWidth?, count, file,
      expected}]}: `file` is relative to OUTDIR, `expected` is the values in the JSON shape of
      parquet_reference/values_json.py (exact: INT64 as decimal strings, floats as bit patterns).

  python3 parquet_encodings.py decode ENCODING PHYSICAL_TYPE COUNT [TYPE_LENGTH|BIT_WIDTH] FILE
      Decodes FILE strictly (every "should" of the spec enforced, no byte left over) and prints the
      values as JSON in the same shape. The optional number is the bit width for RLE and the type
      length for FIXED_LEN_BYTE_ARRAY. Exit status 1 and a message on stderr when the bytes are wrong.

  python3 parquet_encodings.py decode-batch REQUEST_JSON RESULT_JSON
      The same for many files in one process: REQUEST_JSON is a list of {name, encoding,
      physicalType, typeLength?, bitWidth?, count, file (absolute or relative to the request's
      folder)}; RESULT_JSON receives a list of {name, values} or {name, error}.
"""
import json
import os
import sys

sys.dont_write_bytecode = True  # keep __pycache__ out of the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from parquet_reference import ReferenceError  # noqa: E402
from parquet_reference.cases_byte_arrays import delta_byte_array_cases, delta_length_byte_array_cases  # noqa: E402
from parquet_reference.cases_delta import delta_binary_packed_cases  # noqa: E402
from parquet_reference.cases_hybrid import dictionary_index_cases, hybrid_cases  # noqa: E402
from parquet_reference.cases_plain import byte_stream_split_cases, plain_cases  # noqa: E402
from parquet_reference.codecs import decode  # noqa: E402
from parquet_reference.manifest import Manifest  # noqa: E402
from parquet_reference.values_json import to_json  # noqa: E402

GENERATORS = (plain_cases, byte_stream_split_cases, hybrid_cases, dictionary_index_cases,
              delta_binary_packed_cases, delta_length_byte_array_cases, delta_byte_array_cases)


def generate(outdir: str) -> None:
    os.makedirs(outdir, exist_ok=True)
    manifest = Manifest(outdir)
    for make_cases in GENERATORS:
        make_cases(manifest)
    path = manifest.write()
    print(f"{len(manifest.cases)} cases in {path}")


def decode_one(request: dict, folder: str) -> list:
    with open(os.path.join(folder, request["file"]), "rb") as f:
        data = f.read()
    values = decode(request["encoding"], request["physicalType"], data, request["count"],
                    request.get("typeLength"), request.get("bitWidth"), strict=True)
    return to_json(request["physicalType"], values)


def decode_batch(request_path: str, result_path: str) -> None:
    with open(request_path) as f:
        requests = json.load(f)
    folder = os.path.dirname(os.path.abspath(request_path))
    results = []
    for request in requests:
        try:
            results.append({"name": request["name"], "values": decode_one(request, folder)})
        except (ReferenceError, ValueError, KeyError, OSError) as error:
            results.append({"name": request["name"], "error": f"{type(error).__name__}: {error}"})
    with open(result_path, "w") as f:
        json.dump(results, f, separators=(",", ":"))


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "generate":
        generate(argv[1])
        return 0
    if len(argv) == 3 and argv[0] == "decode-batch":
        decode_batch(argv[1], argv[2])
        return 0
    if argv and argv[0] == "decode" and len(argv) in (5, 6):
        encoding, physical_type, count = argv[1], argv[2], int(argv[3])
        extra = int(argv[4]) if len(argv) == 6 else None
        request = {"encoding": encoding, "physicalType": physical_type, "count": count, "file": argv[-1],
                   "typeLength": extra if physical_type == "FIXED_LEN_BYTE_ARRAY" else None,
                   "bitWidth": extra if encoding == "RLE" else None}
        try:
            print(json.dumps(decode_one(request, os.getcwd()), separators=(",", ":")))
        except ReferenceError as error:
            print(f"decode failed: {error}", file=sys.stderr)
            return 1
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
