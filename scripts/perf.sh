#!/usr/bin/env bash
# Every figure of docs/performance.md, measured side by side in one run (7 to 20
# minutes on 2 cores). A benchmark, not a test: it prints figures and fails only when a
# step cannot run. Needs scripts/setup.sh first; twiggy (optional) adds the size breakdown.
#
#   scripts/perf.sh [out-dir]     # default target/perf; the log goes to <out-dir>/perf.txt
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
out="${1:-target/perf}"
mkdir -p "$out"
out="$(cd "$out" && pwd)" # absolute: the benches run from the crates' folders
exec > >(tee "$out/perf.txt") 2>&1

step() { printf '\n\033[1m## %s\033[0m\n' "$*"; }

step "setup: compromise (the comparison anchor) and the generated corpora"
(cd bench && npm ci --no-audit --no-fund --loglevel=error)
for n in 200 2000; do
  [ -d "$out/corpus-$n" ] || python3 scripts/gen-corpus.py "$out/corpus-$n" --articles "$n"
done

step "building the site for 5 (the seeds), 200 and 2,000 articles"
trunk build --release --public-url /dossier-e2e/ --dist "$out/site-5" 2>&1 | tail -1
for n in 200 2000; do
  DOSSIER_CORPUS="$out/corpus-$n" trunk build --release --public-url /dossier-e2e/ --dist "$out/site-$n" 2>&1 | tail -1
done

step "size over the wire (seed corpus)"
if command -v twiggy >/dev/null; then
  scripts/size-report.sh "$out/site-5" --breakdown
else
  scripts/size-report.sh "$out/site-5"
fi

step "start-up: first highlighted article on screen, against a static page of that article"
node scripts/startup.mjs "$out/site-5" /dossier-e2e/ "" 9
for n in 200 2000; do
  DOSSIER_CORPUS="$out/corpus-$n" node scripts/startup.mjs "$out/site-$n" /dossier-e2e/ "" 5
done

step "start-up costs and interaction latency in Chromium"
for n in 5 200 2000; do
  node scripts/interact.mjs "$out/site-$n" /dossier-e2e/ 60
done

step "cold analysis at start-up over 9 cold loads, the page meanwhile, and a click's thread time (2,000 articles)"
RUNS=9 node scripts/cold.mjs "$out/site-2000"
node scripts/click-cpu.mjs "$out/site-2000"
node scripts/click-mutations.mjs "$out/site-2000"

step "extraction throughput: wasm in Chromium, compromise in Node"
BENCH_REBUILD=1 node scripts/bench-wasm.mjs "$out/corpus-200" "$out/corpus-2000"

step "extraction throughput, native"
DOSSIER_BENCH_CORPUS="$out/corpus-2000" cargo bench --quiet -p dossier-core --bench throughput

step "index build and query latency, native"
cargo bench --quiet -p dossier-core --bench query
