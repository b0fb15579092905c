#!/usr/bin/env python3
"""A built site made sharded: a copy of DIST whose page carries the manifest of CORPUS's
sharded site (`dossier page CORPUS --shards always`) instead of the build's corpus, made
ready as the build makes a sharded site ready (scripts/shard-site.mjs, which Trunk's
post_build hook runs: the site's files in shards/, without Trunk's preloads of the app).
The app's files are the build's, so no second Trunk build (minutes of wasm-opt): only
the page differs from what `DOSSIER_CORPUS=CORPUS trunk build` makes of a large corpus,
and web/boot.js sees the manifest and starts the sharded reader (web/site.js).

    scripts/sharded-dist.py DOSSIER DIST CORPUS OUT

DOSSIER the CLI binary; OUT is replaced.
"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from threshold import splice  # noqa: E402  (the page data of a build, replaced)


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    dossier, dist, corpus, out = sys.argv[1:]
    with tempfile.TemporaryDirectory() as work:
        page = os.path.join(work, "page.html")
        subprocess.run([dossier, "page", corpus, "--shards", "always", "--out", page], check=True)
        with open(page, encoding="utf-8") as f:
            splice(dist, f.read(), out)
        here = os.path.dirname(os.path.abspath(__file__))
        subprocess.run(["node", os.path.join(here, "shard-site.mjs"), out, os.path.join(work, "shards")],
                       check=True)


if __name__ == "__main__":
    main()
