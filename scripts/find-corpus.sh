#!/usr/bin/env bash
# Prints where the parquet-testing corpus is: PARQUET_TEST_DATA when set, else shared/ beside this
# checkout, else shared/ beside the repository this one was cloned from (a clone made elsewhere,
# e.g. `git clone . /tmp/x`, still finds the corpus of the checkout it came from).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${PARQUET_TEST_DATA:-}" ]; then echo "$PARQUET_TEST_DATA"; exit 0; fi
beside="$(cd .. && pwd)/shared/conformance/parquet-testing"
if [ -d "$beside" ]; then echo "$beside"; exit 0; fi
origin="$(git remote get-url origin 2>/dev/null || true)"
origin="${origin#file://}"
if [ -n "$origin" ] && [ -d "$origin" ]; then
  from_origin="$(cd "$origin/.." && pwd)/shared/conformance/parquet-testing"
  if [ -d "$from_origin" ]; then echo "$from_origin"; exit 0; fi
fi
echo "find-corpus: no parquet-testing corpus beside this checkout or its origin; set PARQUET_TEST_DATA" >&2
exit 1
