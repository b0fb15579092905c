#!/usr/bin/env bash
# Sets up a fresh machine and runs every check Dossier has. Used by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
passed=0
step() { printf '\n\033[1m== %s\033[0m\n' "$1"; }
ok() { passed=$((passed + 1)); }
trap 'echo; echo "checks: $passed passed, 1 failed"' ERR

step "setup"
scripts/setup.sh
ok

step "rustfmt"
cargo fmt --all --check
ok

step "clippy (native)"
cargo clippy --workspace --all-targets --locked -- -D warnings
ok

step "clippy (wasm32)"
cargo clippy --target wasm32-unknown-unknown -p dossier-app --all-targets --locked -- -D warnings
cargo clippy --target wasm32-unknown-unknown -p dossier-core --no-default-features --lib --locked -- -D warnings
cargo clippy --target wasm32-unknown-unknown -p dossier-engine --all-targets --locked -- -D warnings
cargo clippy --target wasm32-unknown-unknown -p dossier-views --all-targets --locked -- -D warnings
cargo clippy --target wasm32-unknown-unknown -p dossier-site --all-targets --locked -- -D warnings
ok

step "no function over 80 lines"
python3 scripts/long-functions.py --check
ok

step "docs"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked --quiet
ok

step "native tests"
cargo test --workspace --locked
ok

step "a bad corpus fails the build's analysis step, naming the file"
scripts/check-bad-corpus.sh
ok

step "in-browser tests (wasm-bindgen-test, headless Chromium)"
cargo test --target wasm32-unknown-unknown -p dossier-app --locked
ok

step "release build under a sub-path"
rm -rf dist
trunk build --release --public-url /dossier-e2e/
ok

step "the main page over the wire within its budget (scripts/size-report.sh --check)"
scripts/size-report.sh dist --check
ok

step "the built page carries the seeds' analysis: dossier extract (--quotes) and check on it = on seeds/"
dossier() { cargo run --release --locked --quiet -p dossier-cli -- "$@"; }
diff <(dossier extract seeds) <(dossier extract dist/index.html)
diff <(dossier extract seeds --format csv) <(dossier extract dist/index.html --format csv)
diff <(dossier check seeds) <(dossier check dist/index.html)
diff <(dossier extract seeds --quotes) <(dossier extract dist/index.html --quotes)
echo "same mentions ($(dossier extract seeds | wc -l)), entities, aliases and quotes ($(dossier extract seeds --quotes | wc -l))"
ok

step "a sharded site carries the seeds' analysis too: dossier page --shards always, then extract (--quotes) and check on it"
rm -rf target/sharded && dossier page seeds --shards always --out target/sharded/index.html
diff <(dossier extract seeds) <(dossier extract target/sharded/index.html)
diff <(dossier extract seeds --quotes) <(dossier extract target/sharded/index.html --quotes)
diff <(dossier check seeds) <(dossier check target/sharded/index.html)
echo "same mentions, from $(ls target/sharded/shards | wc -l) files"
gone=$(ls target/sharded/shards | grep '^t-' | head -1)
rm "target/sharded/shards/$gone"
if dossier extract target/sharded/index.html >/dev/null 2>target/sharded/error.txt; then
  echo "a site with $gone missing was read"; false
fi
grep "$gone is missing" target/sharded/error.txt
ok

step "a corpus in Unicode NFD gives the same mentions as in NFC (scripts/check-nfd.sh)"
scripts/check-nfd.sh
ok

step "the main wasm has no recogniser and no world-knowledge tables"
scripts/check-no-engine.sh dist
ok

step "release build of the hostile corpus (tests/fixtures/hostile)"
rm -rf dist-hostile
DOSSIER_CORPUS=tests/fixtures/hostile trunk build --release --public-url /hostile/ --dist dist-hostile
ok

step "release build of 40 generated articles (scripts/gen-corpus.py), for the long lists"
rm -rf dist-many target/corpus-many
python3 scripts/gen-corpus.py target/corpus-many --articles 40
DOSSIER_CORPUS=target/corpus-many trunk build --release --public-url /many/ --dist dist-many
ok

step "end-to-end tests (Playwright, Chromium)"
DOSSIER_BASE=/dossier-e2e/ playwright test
ok

step "a sharded site read by the page: the same build, with 120 generated articles forced into shards (no second Trunk build)"
rm -rf dist-sharded target/corpus-sharded
python3 scripts/gen-corpus.py target/corpus-sharded --articles 120
cargo build --release --locked --quiet -p dossier-cli
python3 scripts/sharded-dist.py "${CARGO_TARGET_DIR:-target}/release/dossier" dist target/corpus-sharded dist-sharded
DOSSIER_BASE=/dossier-e2e/ DOSSIER_DIST=dist-sharded DOSSIER_SHARDED=target/corpus-sharded playwright test tests/e2e/sharded.spec.js
ok

trap - ERR
echo
echo "checks: $passed passed, 0 failed"
