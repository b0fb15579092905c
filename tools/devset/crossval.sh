#!/usr/bin/env bash
# The honest development figure of the learned decision: a k-fold cross-validation over
# the tune part (tools/devset/README.md, "Cross-validation").
#
# The tune part is in the committed weights' training data, so `scripts/eval-entities.sh`
# scores tune with weights that have seen it. Here its documents (file-name order) go to
# fold i mod K; for each fold the decision is trained on the training folders plus the
# other folds (news: counted three times, as the tune part in the committed weights),
# and the engine analyses the fold's documents, as a corpus of their own, with those
# weights (examples/train_decision.rs --crossval). The pooled predictions are
# mapped and scored as scripts/eval-entities.sh scores tune (tools/devset/mapping.py,
# ../shared/eval/score.py): the same table, on predictions no weight has seen the gold of.
#
# usage: tools/devset/crossval.sh [<training folder>…]
#   Without folders, the training set of the committed weights (data/README.md) less tune.
#   FOLDS (default 5), DEVSET (default /work/devset), DOSSIER_EVAL (default
#   ../shared/eval, else /work/shared/eval) and CARGO_TARGET_DIR (default target/) are read
#   from the environment. One release build of the training example, then a few seconds.
#   Never point it at the frozen part: it prints per-label tables of the folder it scores.
#   CROSSVAL_PRED=<file> keeps the pooled raw predictions there (for errors.py and
#   confusion.py --list); the label confusion of the found spans is printed last.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
devset=${DEVSET:-/work/devset}
eval_dir=${DOSSIER_EVAL:-}
if [ -z "$eval_dir" ]; then
    if [ -f "$repo/../shared/eval/score.py" ]; then eval_dir=$(cd "$repo/../shared/eval" && pwd)
    else eval_dir=/work/shared/eval; fi
fi
tune=$devset/tune
[ -f "$tune/gold.jsonl" ] || { echo "no tune part at $tune (tools/devset/build.py)" >&2; exit 2; }

if [ $# -eq 0 ]; then
    set -- "$devset/train" "$devset/train-extra/gum-heldout" "$devset/train-extra/uner-ewt" \
        "$devset/train-extra/uner-pud" "$devset/train-extra/docred" "$devset/train-extra/crossner"
fi
for d in "$@"; do
    case $(cd "$d" && pwd) in
        */frozen|*/tune) echo "refused: $d is an evaluation part, not training data" >&2; exit 2 ;;
    esac
done

cargo build --quiet --release -p dossier-core --example train_decision --manifest-path "$repo/Cargo.toml" >&2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# a copy: a build from another checkout sharing the target folder may replace the original
cp "${CARGO_TARGET_DIR:-$repo/target}/release/examples/train_decision" "$tmp/train_decision"
bin=$tmp/train_decision
"$bin" "$@" --crossval "$tune" --folds "${FOLDS:-5}" > "$tmp/raw.jsonl"
[ -z "${CROSSVAL_PRED:-}" ] || cp "$tmp/raw.jsonl" "$CROSSVAL_PRED"
python3 "$repo/tools/devset/mapping.py" "$tune/gold.jsonl" "$tmp/raw.jsonl" "$tmp/gold.jsonl" "$tmp/pred.jsonl"
echo "cross-validated tune (${FOLDS:-5} folds), trained on: $*"
python3 "$eval_dir/score.py" --gold "$tmp/gold.jsonl" --pred "$tmp/pred.jsonl" --corpus "$tune" \
    --labels PERSON,ORG,PLACE,EVENT --json "$tmp/score.json"
python3 - "$tmp/score.json" <<'PY'
import json, sys
res = next(iter(json.load(open(sys.argv[1])).values()))
lab = res["labels"]
def f(label, i=2):
    v = lab.get(label, {}).get("exact", (None, None, None))[i]
    return "-" if v is None else f"{v * 100:.1f}"
p, r, f1 = (x * 100 for x in res["micro_exact"])
print(f"crossval summary: P {p:.1f} R {r:.1f} F1 {f1:.1f} | PER F1 {f('PERSON')} ORG R {f('ORG', 1)}"
      f" ORG F1 {f('ORG')} PLC F1 {f('PLACE')} EVT F1 {f('EVENT')}")
PY
python3 "$repo/tools/devset/confusion.py" --mapped "$tmp/gold.jsonl" "$tmp/pred.jsonl"
