#!/usr/bin/env bash
# Entity figures of the engine on every evaluation set we have, one scorer table each:
#   seeds    the seed articles (the tuning figure: the rules were written looking at them)
#   bare     the same articles without their entities.toml (grouping without curation)
#   other    crates/dossier-core/tests/fixtures/other (five hand-annotated other-topic articles)
#   tune     the GUM Wikinews development set, tuning part (tools/devset/README.md)
#   frozen   the GUM Wikinews development set, FROZEN part: aggregate tables only
#   news     the news frozen test set (11 Wikinews articles annotated by our guidelines before
#            any engine run; tools/devset/README.md): aggregate tables only, all labels and the
#            four-label view
#
# usage: scripts/eval-entities.sh [<dossier binary>]
#   Without a binary, builds dossier-cli (release) into $CARGO_TARGET_DIR (default target/).
#   Locations (each overridable by the environment):
#     DOSSIER_REPO  the repository (default: this script's repo, else the git top level of
#                   the current directory, else /work/main)
#     DOSSIER_EVAL  the shared seed gold and scorer (default: <repo>/../shared/eval, else
#                   /work/shared/eval)
#     DEVSET        the development set built by tools/devset/build.py (default:
#                   <repo>/../devset, else this script's own folder when it holds tune/,
#                   else /work/devset); its parts are skipped with a message when absent.
#
# On the development set the gold labels places "GPE|LOC|FAC" (GUM does not tell them
# apart), so both sides are mapped before scoring: gold and predicted GPE, LOC and FAC
# become PLACE, and predicted labels the gold does not cover (NORP, DATE, MONEY, PERCENT)
# are dropped. The dev-set figures cover PERSON, ORG, PLACE and EVENT only. A gold label
# with alternatives (the scorer takes them only in predictions) is resolved to the label
# of a prediction on the same span when that is one of them, else to its first one.
#
# The frozen part and the news set are never inspected: only the scorer's aggregate tables are printed
# (the scorer prints no mention lists); its error output is suppressed, since a failed
# assertion would quote a gold line.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

find_repo() {
    if [ -n "${DOSSIER_REPO:-}" ]; then echo "$DOSSIER_REPO"; return; fi
    if [ -d "$here/../crates/dossier-core" ]; then (cd "$here/.." && pwd); return; fi
    local top
    if top=$(git rev-parse --show-toplevel 2>/dev/null) && [ -d "$top/crates/dossier-core" ]; then
        echo "$top"; return
    fi
    echo /work/main
}
repo=$(find_repo)

eval_dir=${DOSSIER_EVAL:-}
if [ -z "$eval_dir" ]; then
    if [ -f "$repo/../shared/eval/score.py" ]; then eval_dir=$(cd "$repo/../shared/eval" && pwd)
    else eval_dir=/work/shared/eval; fi
fi

devset=${DEVSET:-}
if [ -z "$devset" ]; then
    if [ -d "$repo/../devset/tune" ]; then devset=$(cd "$repo/../devset" && pwd)
    elif [ -d "$here/tune" ]; then devset=$here
    else devset=/work/devset; fi
fi

bin=${1:-}
if [ -z "$bin" ]; then
    echo "building dossier-cli (release) ..." >&2
    cargo build --quiet --release -p dossier-cli --manifest-path "$repo/Cargo.toml" >&2
    bin=${CARGO_TARGET_DIR:-$repo/target}/release/dossier
fi
[ -x "$bin" ] || { echo "no dossier binary at $bin" >&2; exit 2; }

scorer=$eval_dir/score.py
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "binary: $bin"
echo "repo:   $repo"
echo "eval:   $eval_dir"
echo "devset: $devset"

# seeds and the other-topic fixture: the scorer as it is, then the four-label view for the summary
run_plain() { # name corpus gold
    local name=$1 corpus=$2 gold=$3
    echo; echo "######## $name ($corpus)"
    if [ ! -f "$gold" ]; then echo "skipped: no gold at $gold"; return; fi
    "$bin" extract "$corpus" --format jsonl > "$tmp/$name.raw.jsonl"
    python3 "$scorer" --gold "$gold" --pred "$tmp/$name.raw.jsonl" --corpus "$corpus"
    map_devset "$gold" "$tmp/$name.raw.jsonl" "$tmp/$name.gold.jsonl" "$tmp/$name.jsonl"
    python3 "$scorer" --gold "$tmp/$name.gold.jsonl" --pred "$tmp/$name.jsonl" --corpus "$corpus" \
        --labels PERSON,ORG,PLACE,EVENT --json "$tmp/$name.score.json" > /dev/null
}

# map both sides to PERSON / ORG / PLACE / EVENT: tools/devset/mapping.py (see the header)
map_devset() { # gold pred gold-out pred-out
    python3 "$repo/tools/devset/mapping.py" "$@"
}

run_devset() { # part
    local part=$1 dir=$devset/$1
    echo; echo "######## devset $part ($dir)"
    if [ ! -f "$dir/gold.jsonl" ]; then
        echo "skipped: no development set at $dir (build it: python3 tools/devset/build.py --out $devset)"
        return
    fi
    "$bin" extract "$dir" --format jsonl > "$tmp/$part.raw.jsonl"
    map_devset "$dir/gold.jsonl" "$tmp/$part.raw.jsonl" "$tmp/$part.gold.jsonl" "$tmp/$part.jsonl"
    local args=(--gold "$tmp/$part.gold.jsonl" --pred "$tmp/$part.jsonl" --corpus "$dir"
                --labels PERSON,ORG,PLACE,EVENT --json "$tmp/$part.score.json")
    if [ "$part" = frozen ]; then
        # aggregate tables only; the header line names temporary files, nothing of the part
        python3 "$scorer" "${args[@]}" 2>/dev/null \
            || echo "scorer failed on the frozen part (details suppressed)"
    else
        python3 "$scorer" "${args[@]}"
    fi
}

# the news frozen test set: texts rebuilt by tools/devset/news_frozen.py into $devset/news-frozen,
# gold committed at tools/devset/news-frozen/gold.jsonl. Aggregate tables only, errors suppressed
# (a failed assertion would quote a gold line): first all labels, then the four-label view.
run_news() {
    local dir=$devset/news-frozen gold=$repo/tools/devset/news-frozen/gold.jsonl
    echo; echo "######## news frozen test set ($dir): aggregate tables only"
    if [ ! -d "$dir" ] || [ ! -f "$gold" ]; then
        echo "skipped: no texts at $dir (rebuild them: python3 tools/devset/news_frozen.py --mirror <git dir of airKlizz/WikinewsSum> --out $dir)"
        return
    fi
    "$bin" extract "$dir" --format jsonl > "$tmp/news.raw.jsonl" 2>/dev/null \
        || { echo "extract failed on the news set (details suppressed)"; return; }
    python3 "$scorer" --gold "$gold" --pred "$tmp/news.raw.jsonl" --corpus "$dir" 2>/dev/null \
        || echo "scorer failed on the news set (details suppressed)"
    map_devset "$gold" "$tmp/news.raw.jsonl" "$tmp/news.gold.jsonl" "$tmp/news.jsonl" 2>/dev/null \
        || { echo "mapping failed on the news set (details suppressed)"; return; }
    python3 "$scorer" --gold "$tmp/news.gold.jsonl" --pred "$tmp/news.jsonl" --corpus "$dir" \
        --labels PERSON,ORG,PLACE,EVENT --json "$tmp/news.score.json" 2>/dev/null \
        || echo "scorer failed on the news set (details suppressed)"
}

# one line per set in the common four-label view (exact match)
summary() {
    echo; echo "######## summary: PERSON, ORG, PLACE (= GPE+LOC+FAC), EVENT; exact match"
    python3 - "$tmp" <<'PY'
import json, os, sys
print(f"{'set':<8}{'gold':>6} {'P':>5} {'R':>5} {'F1':>5} | {'PER F1':>6} {'ORG R':>6} {'ORG F1':>6}"
      f" {'PLC F1':>6} {'EVT F1':>6} | multi-form entities grouped")
for name in ("seeds", "bare", "other", "tune", "frozen", "news"):
    path = os.path.join(sys.argv[1], name + ".score.json")
    if not os.path.exists(path):
        continue
    res = next(iter(json.load(open(path)).values()))
    lab = res["labels"]
    def f(label, i=2):
        v = lab.get(label, {}).get("exact", (None, None, None))[i]
        return "    -" if v is None else f"{v * 100:5.1f}"
    p, r, f1 = (x * 100 for x in res["micro_exact"])
    g = res["grouping"]
    share = round(g["alias_acc_multi"] * g["entities_multi_alias"])
    print(f"{name:<8}{res['n_gold']:>6} {p:5.1f} {r:5.1f} {f1:5.1f} |  {f('PERSON')}  {f('ORG', 1)}  {f('ORG')}"
          f"  {f('PLACE')}  {f('EVENT')} | {share} of {g['entities_multi_alias']}"
          f" ({g['alias_acc_multi'] * 100:.1f}%)")
PY
}

run_plain seeds "$repo/seeds" "$eval_dir/seeds-gold.jsonl"
# the seeds without their curation file: what the engine groups by itself
mkdir "$tmp/seeds"
cp "$repo"/seeds/*.txt "$tmp/seeds/"
if [ -f "$repo/seeds/corpus.toml" ]; then cp "$repo/seeds/corpus.toml" "$tmp/seeds/"; fi
run_plain bare "$tmp/seeds" "$eval_dir/seeds-gold.jsonl"
run_plain other "$repo/crates/dossier-core/tests/fixtures/other" \
    "$repo/crates/dossier-core/tests/fixtures/other/gold.jsonl"
run_devset tune
run_devset frozen
run_news
summary
