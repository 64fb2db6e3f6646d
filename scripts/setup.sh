#!/usr/bin/env bash
# Installs what building Parquetry needs on a fresh machine: the pinned pnpm and the workspace's
# npm packages (lock file frozen). Rust (cargo) and Node.js 20 are expected on the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1

command -v cargo >/dev/null || { echo "setup: cargo (Rust) is required to build the native addon" >&2; exit 1; }
want=$(node -p "require('./package.json').packageManager.split('@')[1]")
if ! command -v pnpm >/dev/null || [ "$(pnpm -v)" != "$want" ]; then
  npm install --global "pnpm@$want"
fi
pnpm install --frozen-lockfile
