#!/usr/bin/env bash
# Quick start, command 1: install and build, then the main job: generate a deterministic sample
# recommendation feature table and stream it through Parquetry's writer (printing its throughput),
# inspect the file, read it back whole and with a projection (printing throughput), and print its
# first rows.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1
bash scripts/setup.sh
pnpm exec turbo run build --output-logs=errors-only
sample="${TMPDIR:-/tmp}/parquetry-sample.parquet"
pnpm exec parquetry sample "$sample" --rows 1000000 --compression ZSTD
pnpm exec parquetry inspect "$sample"
pnpm exec parquetry scan "$sample"
pnpm exec parquetry scan "$sample" --columns user_id,item_id,label,category
pnpm exec parquetry cat "$sample" --limit 5 --columns user_id,item_id,event_time,label,category,request_id
