#!/usr/bin/env bash
# Text in any normal form (issue 27): a corpus and its copy in Unicode NFD (as macOS and
# some scrapers write text) must give the same mentions: the same labels and canonical
# names, at the same places (each NFC offset taken to its NFD place, since offsets are
# code points of the file as given).
#
# usage: scripts/check-nfd.sh [<dossier binary>] [<corpus folder> ...]
#   Defaults: target/release/dossier (built if missing) and the seeds and the other-topic
#   fixture. Prints one line per corpus; exits 1 when any mention differs.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${1:-${CARGO_TARGET_DIR:-target}/release/dossier}
shift || true
if [ ! -x "$bin" ]; then
    cargo build --quiet --release -p dossier-cli
fi
corpora=("$@")
[ ${#corpora[@]} -gt 0 ] || corpora=(seeds crates/dossier-core/tests/fixtures/other)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
for corpus in "${corpora[@]}"; do
    name=$(basename "$corpus")
    mkdir -p "$tmp/$name"
    # The copy: every file as it is, the articles (.txt) in NFD.
    python3 - "$corpus" "$tmp/$name" <<'PY'
import os, shutil, sys, unicodedata
src, dst = sys.argv[1], sys.argv[2]
for f in sorted(os.listdir(src)):
    p = os.path.join(src, f)
    if not os.path.isfile(p):
        continue
    if f.endswith(".txt"):
        with open(p, encoding="utf-8", newline="") as fh:
            text = fh.read()
        with open(os.path.join(dst, f), "w", encoding="utf-8", newline="") as fh:
            fh.write(unicodedata.normalize("NFD", text))
    else:
        shutil.copy(p, dst)
PY
    "$bin" extract "$corpus" --format jsonl > "$tmp/$name.nfc.jsonl"
    "$bin" extract "$tmp/$name" --format jsonl > "$tmp/$name.nfd.jsonl"
    python3 - "$corpus" "$tmp/$name.nfc.jsonl" "$tmp/$name.nfd.jsonl" <<'PY' || status=1
import json, os, sys, unicodedata
corpus, nfc_out, nfd_out = sys.argv[1:]
nfc = lambda s: unicodedata.normalize("NFC", s)

def places(doc):
    """The NFD code-point offset of every code-point offset of the NFC text."""
    with open(os.path.join(corpus, doc), encoding="utf-8", newline="") as fh:
        text = nfc(fh.read())
    at, n = [], 0
    for c in text:
        at.append(n)
        n += len(unicodedata.normalize("NFD", c))
    at.append(n)
    return at

def mentions(path, mapped):
    out, cache = [], {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            m = json.loads(line)
            s, e = m["start"], m["end"]
            if mapped:
                at = cache.setdefault(m["doc"], places(m["doc"]))
                s, e = at[s], at[e]
            out.append((m["doc"], s, e, m["label"], nfc(m["canonical"]), nfc(m["text"])))
    return out

a, b = mentions(nfc_out, True), mentions(nfd_out, False)
diff = sorted(set(a) ^ set(b))
print(f"{corpus}: {len(a)} mentions in NFC, {len(b)} in NFD, {len(diff)} differ")
for d in diff[:20]:
    print("  only in", "NFC" if d in set(a) else "NFD", d)
sys.exit(1 if diff else 0)
PY
done
exit $status
