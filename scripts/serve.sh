#!/usr/bin/env bash
# Sets up a fresh machine, builds Dossier on the seed corpus (or $DOSSIER_CORPUS) and serves it.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
scripts/setup.sh
PORT="${PORT:-8080}"
echo "Dossier will be at http://127.0.0.1:$PORT/dossier/"
exec trunk serve --release --address 127.0.0.1 --port "$PORT"
