#!/usr/bin/env bash
# Quick start, command 2: install (npm packages, the test venv of reference libraries, chromium), build and run every test: cargo test on the kernels, the
# packages' unit tests, and the conformance suites on the native backend (detected SIMD and forced
# scalar), the TypeScript backend in Node and the TypeScript build in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1
bash scripts/setup.sh
bash scripts/setup-venv.sh
bash scripts/install-chromium.sh
PARQUET_TEST_DATA="$(bash scripts/find-corpus.sh)"
export PARQUET_TEST_DATA
pnpm test
