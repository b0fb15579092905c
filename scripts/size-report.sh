#!/usr/bin/env bash
# The main page over the wire: each file of a built site gzip -9, the total against the
# budget, the on-demand engine apart, and where the wasm's bytes go.
#
#   scripts/size-report.sh [dist-dir] [--check | --breakdown]   # default dist/; builds it if missing
#
# The main page is every file of the site (HTML, JS, wasm, CSS) but 404.html (a copy of
# index.html) and the engine, which loads on demand (files named dossier-engine*,
# engine-worker*, engine.js*; own.js*, own-worker.js* and own.css*, the reader's own
# documents, which load on first use; dossier-views*, views.js* and views.css*, the secondary views, which
# load when the URL asks for one; dossier-site*, site.js*, site.css* and sw.js*, the reader of a
# sharded site, which loads only on a page that carries a manifest): their total is printed apart and not counted.
# With `--check` it exits non-zero when the main page is over the budget.
# With `--breakdown` it also says where the wasm's bytes go: it builds the app's web
# profile again with its function names kept (target/size-names/), runs wasm-bindgen and
# wasm-opt with index.html's level and flags as Trunk does, and prints code and data (gzip -9), bytes per crate and
# the largest functions, with twiggy (`cargo install twiggy --locked`, not in setup).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# The main page's budget over the wire, in bytes (sum of each file's gzip -9; issue 22, moved
# for issues 23, 25 and 26, then down when Connections and Timeline left the main page:
# docs/performance.md says why).
# A KB is 1,000 bytes, as in issue 6's own anchor (compromise, "137 KB gzip", is 136,787).
BUDGET_BYTES=250000

dist=dist mode=
for arg in "$@"; do
  case "$arg" in
    --check | --breakdown) mode="$arg" ;;
    -*) echo "size-report.sh: unknown option $arg" >&2; exit 2 ;;
    *) dist="$arg" ;;
  esac
done
if [ ! -f "$dist/index.html" ]; then
  trunk build --release --public-url /dossier-e2e/ --dist "$dist"
fi
main=0 engine=0
printf '%-48s %10s %10s\n' file raw gzip-9
for f in $(cd "$dist" && find . -type f ! -name 404.html | sort); do
  raw=$(stat -c %s "$dist/$f")
  gz=$(gzip -9 -c "$dist/$f" | wc -c)
  case "${f##*/}" in
    dossier-engine* | engine-worker* | engine.js* | own.js* | own-worker.js* | own.css* | dossier-views* | views.js* | views.css* | dossier-site* | site.js* | site.css* | sw.js*) engine=$((engine + gz)); part=engine ;;
    *) main=$((main + gz)); part= ;;
  esac
  printf '%-48s %10d %10d  %s\n' "${f#./}" "$raw" "$gz" "$part"
done
printf '%-48s %10s %10d  (budget %d: %d %s; 404.html, a copy of index.html, not counted)\n' \
  'main page total' '' "$main" "$BUDGET_BYTES" $(( main > BUDGET_BYTES ? main - BUDGET_BYTES : BUDGET_BYTES - main )) \
  "$([ "$main" -gt "$BUDGET_BYTES" ] && echo over || echo under)"
printf '%-48s %10s %10d  (loaded on demand, not counted)\n' 'engine total' '' "$engine"
if [ "$mode" = --check ]; then
  if [ "$main" -gt "$BUDGET_BYTES" ]; then
    echo "size check failed: the main page is $main bytes over the wire (gzip -9), over the budget of $BUDGET_BYTES bytes by $((main - BUDGET_BYTES))" >&2
    exit 1
  fi
  echo "size check passed: the main page is $main bytes over the wire, within the budget of $BUDGET_BYTES"
  exit 0
fi
[ "$mode" = --breakdown ] || exit 0
command -v twiggy >/dev/null || { echo "the breakdown needs twiggy: cargo install twiggy --locked" >&2; exit 1; }
out=target/size-names
CARGO_TARGET_DIR=$out cargo build --quiet --target wasm32-unknown-unknown -p dossier-app \
  --profile web --config 'profile.web.strip=false'
rm -rf "$out/bg" && wasm-bindgen --target web --keep-debug --out-dir "$out/bg" "$out/wasm32-unknown-unknown/web/dossier-app.wasm"
level=$(sed -n 's/.*data-wasm-opt="\([^"]*\)".*/\1/p' index.html | head -1) # the app's, not the engine's
flags=$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' index.html | head -1)
# shellcheck disable=SC2086
wasm-opt "-O$level" -g $flags "$out/bg/dossier-app_bg.wasm" -o "$out/named.wasm"
twiggy top -n 100000 -f csv "$out/named.wasm" > "$out/top.csv"
python3 - "$dist" "$out/top.csv" <<'PY'
import collections, csv, glob, gzip, re, sys
dist, top = sys.argv[1], sys.argv[2]
wasm = open(glob.glob(f"{dist}/dossier-app-*_bg.wasm")[0], "rb").read()
def leb(b, i):
    r = s = 0
    while True:
        x = b[i]; i += 1; r |= (x & 0x7F) << s; s += 7
        if x < 0x80: return r, i
sections, i = {}, 8
while i < len(wasm):
    n, j = leb(wasm, i + 1)
    sections[wasm[i]] = sections.get(wasm[i], b"") + wasm[j:j + n]
    i = j + n
print("\nthe shipped wasm by section (raw, gzip -9 alone):")
for sid, name in [(10, "code"), (11, "data: tables, corpus, strings"), (2, "imports")]:
    print(f"  {name:32s} {len(sections.get(sid, b'')):8d} {len(gzip.compress(sections.get(sid, b''), 9)):8d}")
per = collections.Counter()
rows = []
for r in csv.DictReader(open(top)):
    n, b = r["Name"], int(r["ShallowSize"])
    if n.startswith("custom section") or "subsection" in n or n.startswith("data"):
        continue
    rows.append((b, n))
    k = re.sub(r"^[<&]*(impl |dyn |mut )?", "", n)
    m = re.match(r"[A-Za-z_][A-Za-z0-9_]*", k)
    per[m.group(0) if m else "other"] += b
print("\ncode by crate (raw bytes after wasm-opt, names kept; generic code counts where it came from):")
for k, v in per.most_common(14):
    print(f"  {k:32s} {v:8d}")
print("\nlargest functions:")
for b, n in sorted(rows, reverse=True)[:15]:
    print(f"  {b:8d}  {n[:110]}")
PY
