#!/usr/bin/env bash
# The grouping development measure: alias grouping on every development folder whose gold
# groups mentions into entities and that we may read — GUM's other genres (`train/`,
# `train-extra/gum-heldout/`) and Re-DocRED's 1,000 Wikipedia introductions
# (`train-extra/docred/`, canonicals written by docred.py) — by grouping.py --forms: the
# share of multi-form gold entities grouped, each form by kind, and the wrong merges.
# Never the frozen parts. Each folder is analysed as a corpus of its own.
#
# usage: tools/devset/grouping-dev.sh <dossier binary>      (DEVSET overrides /work/devset)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bin=${1:?usage: grouping-dev.sh <dossier binary>}
devset=${DEVSET:-/work/devset}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for part in train train-extra/gum-heldout train-extra/docred; do
    dir=$devset/$part
    echo; echo "######## $part"
    if [ ! -f "$dir/gold.jsonl" ]; then echo "skipped: no gold at $dir"; continue; fi
    "$bin" extract "$dir" --format jsonl > "$tmp/pred.jsonl"
    python3 "$here/grouping.py" --pred "$tmp/pred.jsonl" --gold "$dir/gold.jsonl" --forms
done
