#!/usr/bin/env bash
# The app over the wire: each file of a built site gzip -9, the total against the
# 300 KB budget, and where the wasm's bytes go.
#
#   scripts/size-report.sh [dist-dir]     # default dist/; builds it if missing
#
# The breakdown uses twiggy when it is on PATH (`cargo install twiggy`) on the
# pre-wasm-opt module wasm-bindgen left in target/, which still has its names.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
dist="${1:-dist}"
if [ ! -f "$dist/index.html" ]; then
  trunk build --release --public-url /dossier-e2e/ --dist "$dist"
fi
total=0
printf '%-48s %10s %10s\n' file raw gzip-9
for f in $(cd "$dist" && find . -type f ! -name 404.html | sort); do
  raw=$(stat -c %s "$dist/$f")
  gz=$(gzip -9 -c "$dist/$f" | wc -c)
  total=$((total + gz))
  printf '%-48s %10d %10d\n' "${f#./}" "$raw" "$gz"
done
printf '%-48s %10s %10d  (%d KB; budget 300 KB; 404.html is a copy of index.html)\n' total '' "$total" $(((total + 1023) / 1024))
if command -v twiggy >/dev/null; then
  wasm=$(ls -t target/wasm-bindgen/release/*_bg.wasm 2>/dev/null | head -1 || true)
  if [ -n "$wasm" ]; then
    echo; echo "largest items of $wasm (before wasm-opt; names from the producers section when present):"
    twiggy top -n 25 "$wasm" || true
  fi
fi
