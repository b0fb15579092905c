#!/usr/bin/env bash
# Runs the build's analysis step (`dossier page`, Trunk's pre_build hook) on broken corpus
# folders and checks that each fails with a message naming the file (and the line, where
# there is one).
set -uo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

expect_failure() { # name, expected message fragment
  local name=$1 want=$2 out
  out=$(DOSSIER_CORPUS="$work/$name" cargo run --release --locked --quiet -p dossier-cli -- page --out "$work/page.html" 2>&1)
  if [ $? -eq 0 ]; then
    echo "FAIL $name: the build succeeded"; failures=$((failures + 1))
  elif ! grep -qF -- "$want" <<<"$out"; then
    echo "FAIL $name: expected “$want” in:"; echo "$out" | grep -i error | head -5; failures=$((failures + 1))
  else
    echo "ok   $name: $(grep -F -- "$want" <<<"$out" | head -1 | sed 's/^ *//')"
  fi
}

mkdir -p "$work"/{empty-folder,empty-file,not-utf8,bad-date,missing-doc,bad-toml,bad-curation}
printf 'Title\n\nBody.\n' > "$work/empty-file/a.txt"; : > "$work/empty-file/b.txt"
printf 'Title\nline two\n\xff\xfe broken\n' > "$work/not-utf8/a.txt"
for d in bad-date missing-doc bad-toml bad-curation; do printf 'Title\n\nBody.\n' > "$work/$d/a.txt"; done
printf '[documents."a.txt"]\nsource = "Wire"\npublished = "2024-02-30"\n' > "$work/bad-date/corpus.toml"
printf '\n[documents."a.txt"]\n\n[documents."gone.txt"]\ntitle = "x"\n' > "$work/missing-doc/corpus.toml"
printf '[documents."a.txt"]\ntitel = "typo"\n' > "$work/bad-toml/corpus.toml"

printf '[[entity]]\ncanonical = "Li Mingjiang"\naliases = ["Lee"]\n\n[[entity]]\ncanonical = "Kremlin"\nlabel = "BUILDING"\n' > "$work/bad-curation/entities.toml"

expect_failure empty-folder "empty-folder: no .txt articles"
expect_failure empty-file "empty-file/b.txt: the article is empty"
expect_failure not-utf8 "not-utf8/a.txt:3: not valid UTF-8"
expect_failure bad-date "bad-date/corpus.toml:3: bad date"
expect_failure missing-doc "missing-doc/corpus.toml:4: metadata for \"gone.txt\""
expect_failure bad-toml "bad-toml/corpus.toml:2:"
expect_failure bad-curation "bad-curation/entities.toml:5: unknown label \"BUILDING\""
exit $((failures > 0))
