#!/usr/bin/env bash
# The page's main wasm holds no recogniser and no world-knowledge tables (issue 22): the
# app depends on the core without its `engine` feature, and no name of the tables is in
# the built wasm. As a control, the same names are found in a binary that has the engine
# (the native `dossier` CLI), so the check can fail.
#
#   scripts/check-no-engine.sh [dist-dir]     # default dist/
set -euo pipefail
cd "$(dirname "$0")/.."
dist="${1:-dist}"
wasm=$(find "$dist" -maxdepth 1 -name 'dossier-app-*_bg.wasm' | head -1)
[ -n "$wasm" ] || { echo "no dossier-app wasm in $dist"; exit 1; }

features=$(cargo tree -p dossier-app --target wasm32-unknown-unknown -e features,normal -i dossier-core --locked)
if grep -q 'feature "engine"' <<<"$features"; then
  echo "FAIL: the app's wasm build turns on dossier-core's engine feature:"; echo "$features"; exit 1
fi

cargo build --release --locked --quiet -p dossier-cli
control="${CARGO_TARGET_DIR:-target}/release/dossier"
[ -f "$control" ] || { echo "FAIL: no control binary at $control"; exit 1; }
# Organisation names of 14 characters or more (orgs.tsv is not front-coded: its names
# are stored whole).
names=$(grep -v '^#' crates/dossier-core/data/orgs.tsv | cut -f1 | awk 'length >= 14' | head -200)
total=$(wc -l <<<"$names")
in_wasm=$( (grep -aoFf <(printf "%s\n" "$names") "$wasm" || true) | wc -l)
in_control=0
while IFS= read -r n; do grep -qaF -- "$n" "$control" && in_control=$((in_control + 1)); done <<<"$names"
echo "world-knowledge names ($total): in $(basename "$wasm") $in_wasm, in the engine's control ($control) $in_control"
if [ "$in_control" -lt $((total / 2)) ]; then
  echo "FAIL: the control binary holds too few of the names: the check cannot see the tables"; exit 1
fi
if [ "$in_wasm" -gt 0 ]; then
  echo "FAIL: the main wasm holds world-knowledge names"; exit 1
fi
echo "ok: the main wasm has no engine"
