"""Collects generated cases: writes each case's bytes to its own file and the manifest that lists
them. Every case is decoded again by the reference before it is written (a self-check)."""
import json
import os

from .codecs import decode
from .values_json import to_json

COUNTS = (0, 1, 127, 128, 129, 4097)


class Manifest:
    def __init__(self, outdir: str):
        self.outdir = outdir
        self.cases: list[dict] = []
        self.names: set[str] = set()

    def add(self, name: str, encoding: str, physical_type: str, values: list, data: bytes,
            type_length: int | None = None, bit_width: int | None = None) -> None:
        if name in self.names:
            raise ValueError(f"duplicate case name {name}")
        self.names.add(name)
        decoded = decode(encoding, physical_type, data, len(values), type_length, bit_width)
        if decoded != values:
            raise AssertionError(f"{name}: the reference does not read back what it wrote")
        file = f"{len(self.cases):04d}.bin"
        with open(os.path.join(self.outdir, file), "wb") as f:
            f.write(data)
        case = {"name": name, "encoding": encoding, "physicalType": physical_type}
        if type_length is not None:
            case["typeLength"] = type_length
        if bit_width is not None:
            case["bitWidth"] = bit_width
        case.update({"count": len(values), "file": file, "expected": to_json(physical_type, values)})
        self.cases.append(case)

    def write(self) -> str:
        path = os.path.join(self.outdir, "manifest.json")
        with open(path, "w") as f:
            json.dump({"format": 1, "cases": self.cases}, f, separators=(",", ":"))
        return path
