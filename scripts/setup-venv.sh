#!/usr/bin/env bash
# Creates or refreshes .venv with the Python reference libraries pinned in
# test/reference/requirements.txt. A stamp holding the requirements' hash lets a rerun skip pip.
set -euo pipefail
cd "$(dirname "$0")/.."

requirements=test/reference/requirements.txt
stamp=.venv/.requirements.sha256
wanted="$(sha256sum "$requirements" | cut -d' ' -f1)"

# A venv whose interpreter no longer starts (base Python removed or upgraded) is rebuilt from scratch.
if [ -e .venv ] && ! .venv/bin/python -c '' 2>/dev/null; then
  python3 -m venv --clear .venv
  action="rebuilt .venv"
elif [ ! -e .venv ]; then
  python3 -m venv .venv
  action="created .venv"
elif [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then
  echo "setup-venv: .venv up to date with $requirements (${wanted:0:12})"
  exit 0
else
  action="refreshed .venv"
fi

.venv/bin/python -m pip install --disable-pip-version-check --no-input --quiet -r "$requirements"
echo "$wanted" > "$stamp"
echo "setup-venv: $action, installed $requirements (${wanted:0:12})"
