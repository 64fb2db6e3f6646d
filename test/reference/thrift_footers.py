"""Dumps the footer of every .parquet file in a folder as decoded by the independent compact-protocol
decoder in compression_ref.py: {file: {field id: value}} as JSON, binaries as {"hex": ...}.

The Node suite compares Parquetry's declarative decoder with it on every corpus footer.
Usage: thrift_footers.py DATA_DIR
"""

import json
import os
import sys

import compression_ref


def plain(value):
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, (bytes, bytearray)):
        return {"hex": bytes(value).hex()}
    return value


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    out = {}
    for name in sorted(os.listdir(argv[1])):
        if not name.endswith(".parquet"):
            continue
        with open(os.path.join(argv[1], name), "rb") as f:
            data = f.read()
        try:
            out[name] = plain(compression_ref.read_footer(data)[0])
        except compression_ref.RefError as e:
            out[name] = {"error": str(e)}
    json.dump(out, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
