#!/usr/bin/env bash
# Quick start, command 1: install and build, then the main job: generate a deterministic sample
# recommendation feature file with Parquetry's writer, inspect it, and print its first rows.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1
bash scripts/setup.sh
pnpm exec turbo run build --output-logs=errors-only
sample="${TMPDIR:-/tmp}/parquetry-sample.parquet"
pnpm exec parquetry sample "$sample" --rows 200000 --compression ZSTD
pnpm exec parquetry inspect "$sample"
pnpm exec parquetry cat "$sample" --limit 5 --columns user_id,item_id,event_time,label,category,request_id
