#!/usr/bin/env python3
"""The first look of one page against the sharded page, corpus size by corpus size: the
measurement behind `site::EMBED_BELOW` (`dossier page --shards auto`).

    scripts/threshold.py DOSSIER DIST WORK [--articles 50 100 200 400] [--runs 9] [--port 8791]

DOSSIER is a release `dossier` binary; DIST a release build of the app under
/dossier-e2e/ (`trunk build --release --public-url /dossier-e2e/ --dist DIST`), whose
page is replaced; WORK a folder for the corpora and builds (replaced). For each number
of articles it generates a corpus (`scripts/gen-corpus.py`), writes its page whole
(`--shards never`) and sharded (`--shards always`), puts each in a copy of DIST in place
of the page the build carries, and runs `scripts/startup.mjs` on both (the sharded one
with FIRST_LOOK=1: the app does not read shards yet, the first look is `web/boot.js`'s).
Prints each page's bytes (raw and gzip) and startup.mjs's medians.
"""

import argparse
import gzip
import os
import shutil
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def splice(dist, page_html, out):
    """A copy of `dist` at `out` whose page data is `page_html`."""
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(dist, out)
    with open(os.path.join(dist, "index.html"), encoding="utf-8") as f:
        html = f.read()
    # The build's page data: from the `<script>` of `#corpus` to the end of the last
    # data `<script>` (`#analysis`), as Trunk's minifier wrote them.
    corpus = html.index("id=corpus")
    start = html.rindex("<script", 0, corpus)
    last = html.index("<script id=analysis")
    end = html.index("</script>", last) + len("</script>")
    with open(os.path.join(out, "index.html"), "w", encoding="utf-8") as f:
        f.write(html[:start] + page_html + html[end:])


def size(path):
    with open(path, "rb") as f:
        data = f.read()
    return f"{len(data) / 1e3:.0f} KB raw, {len(gzip.compress(data, 9)) / 1e3:.1f} KB gzip"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dossier")
    ap.add_argument("dist")
    ap.add_argument("work")
    ap.add_argument("--articles", type=int, nargs="*", default=[50, 100, 200, 400])
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--port", type=int, default=8791)
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    for n in a.articles:
        corpus = os.path.join(a.work, f"gen-{n}")
        shutil.rmtree(corpus, ignore_errors=True)
        subprocess.run(["python3", os.path.join(ROOT, "scripts/gen-corpus.py"), corpus, "--articles", str(n)],
                       check=True, stdout=subprocess.DEVNULL)
        for mode in ("never", "always"):
            built = os.path.join(a.work, f"page-{mode}-{n}")
            shutil.rmtree(built, ignore_errors=True)
            page = os.path.join(built, "page.html")
            subprocess.run([a.dossier, "page", corpus, "--shards", mode, "--out", page], check=True)
            with open(page, encoding="utf-8") as f:
                html = f.read()
            site = os.path.join(a.work, f"dist-{mode}-{n}")
            splice(a.dist, html, site)
            if mode == "always":
                shutil.copytree(os.path.join(built, "shards"), os.path.join(site, "shards"))
            what = "one page" if mode == "never" else "sharded page"
            print(f"== {n} articles, {what}: {size(page)}", flush=True)
            env = dict(os.environ, DOSSIER_CORPUS=corpus, STARTUP_PORT=str(a.port))
            if mode == "always":
                env["FIRST_LOOK"] = "1"
            out = subprocess.run(["node", os.path.join(ROOT, "scripts/startup.mjs"), site, "/dossier-e2e/", "",
                                  str(a.runs)], env=env, check=True, capture_output=True, text=True).stdout
            print(out, flush=True)
    print("load average " + " ".join(f"{x:.1f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
