#!/usr/bin/env bash
# Quote quality (issue 26): `dossier extract --quotes` scored by tools/quotes/score.py against
# the hand-made gold of docs/quotes-guidelines.md.
#
#   scripts/eval-quotes.sh [dossier binary]   # default: builds the release CLI
#
# seeds: the tuning part, errors listed; the other-topic fixture and the held-out GUM part
# (/work/devset/quotes-frozen, or $DOSSIER_QUOTES_HELDOUT): test parts, aggregate tables only.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
heldout=${DOSSIER_QUOTES_HELDOUT:-/work/devset/quotes-frozen}
tune=${DOSSIER_DEVSET:-/work/devset}/tune
bin=${1:-}
if [ -z "$bin" ]; then
    cargo build --quiet --release -p dossier-cli --manifest-path "$repo/Cargo.toml" >&2
    bin=${CARGO_TARGET_DIR:-$repo/target}/release/dossier
fi
[ -x "$bin" ] || { echo "no dossier binary at $bin" >&2; exit 2; }
score="python3 $repo/tools/quotes/score.py"
fixtures=$repo/crates/dossier-core/tests/fixtures
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "######## seeds (tuning)"
"$bin" extract "$repo/seeds" --quotes > "$tmp/seeds.jsonl"
$score --gold "$fixtures/quotes/seeds-gold.jsonl" --pred "$tmp/seeds.jsonl" --corpus "$repo/seeds"

echo; echo "######## other-topic fixture (test: aggregate only)"
"$bin" extract "$fixtures/other" --quotes > "$tmp/other.jsonl"
$score --gold "$fixtures/quotes/other-gold.jsonl" --pred "$tmp/other.jsonl" \
    --corpus "$fixtures/other" --aggregate

echo; echo "######## held-out GUM news (test: aggregate only)"
if [ ! -f "$heldout/gold.jsonl" ]; then
    echo "skipped: no gold at $heldout/gold.jsonl (see tools/devset/README.md)"
    exit 0
fi
# the whole tune folder is analysed, as the entity figures are; only the annotated documents count
"$bin" extract "$tune" --quotes > "$tmp/tune.jsonl"
python3 - "$heldout/gold.jsonl" "$tmp/tune.jsonl" > "$tmp/heldout.jsonl" <<'PY'
import json, sys
docs = {json.loads(l)["doc"] for l in open(sys.argv[1], encoding="utf-8") if l.strip()}
for line in open(sys.argv[2], encoding="utf-8"):
    if json.loads(line)["doc"] in docs:
        sys.stdout.write(line)
PY
$score --gold "$heldout/gold.jsonl" --pred "$tmp/heldout.jsonl" --corpus "$tune" --aggregate
