#!/usr/bin/env bash
# Quick start, command 1: install, build (the native addon included) and run the main job,
# for now the RLE/bit-packing benchmark table.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1
bash scripts/setup.sh
pnpm bench:rle
