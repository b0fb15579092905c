#!/usr/bin/env python3
"""A built site made sharded: a copy of DIST whose page carries the manifest of CORPUS's
sharded site (`dossier page CORPUS --shards always`) instead of the build's corpus, with
the site's files in shards/, and without Trunk's preloads of the app (which the page does
not start). The app's files are the build's, so no second Trunk build: web/boot.js sees
the manifest and starts the sharded reader (web/site.js).

    scripts/sharded-dist.py DOSSIER DIST CORPUS OUT

DOSSIER the CLI binary; OUT is replaced.
"""
import os
import re
import shutil
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
        shutil.copytree(os.path.join(work, "shards"), os.path.join(out, "shards"))
    index = os.path.join(out, "index.html")
    with open(index, encoding="utf-8") as f:
        html = f.read()
    # The page does not start the app (web/boot.js loads web/site.js instead): Trunk's
    # preloads of the app's glue and wasm would fetch them for nothing.
    html = re.sub(r"<link[^>]*dossier-app-[^>]*rel=(?:module)?preload[^>]*>", "", html)
    with open(index, "w", encoding="utf-8") as f:
        f.write(html)
    shutil.copyfile(index, os.path.join(out, "404.html"))


if __name__ == "__main__":
    main()
