#!/usr/bin/env python3
"""Measures a build at scale: the analysis on 1 and 2 threads, and the sharded site.

    scripts/scale.py DOSSIER CORPUS OUT [--rounds 3] [--terms WORD ...]

DOSSIER is a release `dossier` binary, CORPUS a folder (`scripts/gen-corpus.py` makes one),
OUT a folder the site is written to (replaced). Prints, in one run:

- `dossier check CORPUS` (load + analysis) on 1 and 2 threads, alternated ROUNDS times so
  that both see the same load: each run's wall time, CPU time and peak memory, and the
  ratio of the medians of wall time (1 thread / 2 threads);
- `dossier page CORPUS --shards always` on 2 threads: wall, CPU, peak memory;
- the site: files, total bytes, the largest file, each kind's files, bytes and largest file
  (raw and gzipped), and the first screen: the page (manifest + first article), the head
  and the article list's first run, gzipped: what a reader fetches before the lists are
  drawn;
- with --terms, what a search for each word fetches (the directory, then the word's
  fragment, or its first part and how many parts it has) and what a search over the
  entities' names fetches (one name fragment), gzipped.

The machine's load average is printed before and after: figures taken on a busy machine
say so. Everything goes to standard output, as the Markdown that docs/performance.md quotes.
"""

import argparse
import bisect
import gzip
import os
import shutil
import statistics
import subprocess
import time

KINDS = {
    "h": "head",
    "l": "article-list runs",
    "d": "document shards",
    "i": "directory",
    "n": "entity-table runs",
    "x": "name-index fragments",
    "t": "index fragments",
    "p": "parts of common terms",
    "e": "entity shards",
    "m": "parts of common entities' mentions",
}


def run(cmd):
    """Runs `cmd` (output discarded): (wall s, CPU s, peak memory in MB)."""
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def mb(n):
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.1f} KB"


def gz(path):
    with open(path, "rb") as f:
        return len(gzip.compress(f.read(), 9))


def load():
    return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def analysis(dossier, corpus, rounds):
    """`check` on 1 and 2 threads, alternated."""
    walls = {1: [], 2: []}
    print("| run | threads | wall | CPU | peak memory |\n|---|---:|---:|---:|---:|")
    for r in range(rounds):
        for t in (1, 2):
            wall, cpu, rss = run([dossier, "check", corpus, "--threads", str(t)])
            walls[t].append(wall)
            print(f"| {r + 1} | {t} | {wall:.2f} s | {cpu:.2f} s | {rss:.0f} MB |")
    m1, m2 = statistics.median(walls[1]), statistics.median(walls[2])
    print(f"\nmedian wall: 1 thread {m1:.2f} s, 2 threads {m2:.2f} s; ratio {m1 / m2:.2f}")


def site(dossier, corpus, out):
    """The sharded site and its sizes."""
    shutil.rmtree(out, ignore_errors=True)
    page = os.path.join(out, "index.html")
    wall, cpu, rss = run([dossier, "page", corpus, "--threads", "2", "--shards", "always", "--out", page])
    print(f"\n`page --shards always`, 2 threads: wall {wall:.1f} s, CPU {cpu:.1f} s, peak memory {rss:.0f} MB\n")
    folder = os.path.join(out, "shards")
    files = [(n, os.path.getsize(os.path.join(folder, n))) for n in sorted(os.listdir(folder))]
    total = sum(s for _, s in files) + os.path.getsize(page)
    largest = max(files, key=lambda f: f[1])
    print(f"files: {len(files) + 1} (page + {len(files)}), total {mb(total)}, "
          f"largest {largest[0]} {mb(largest[1])}\n")
    print("| part | files | bytes | largest | largest, gzip |\n|---|---:|---:|---:|---:|")
    print(f"| page (manifest + first article) | 1 | {mb(os.path.getsize(page))} | | {mb(gz(page))} |")
    for k, name in KINDS.items():
        mine = [f for f in files if f[0].startswith(k + "-")]
        if not mine:
            print(f"| {name} | 0 | | | |")
            continue
        big = max(mine, key=lambda f: f[1])
        print(f"| {name} | {len(mine)} | {mb(sum(s for _, s in mine))} | {mb(big[1])} "
              f"| {mb(gz(os.path.join(folder, big[0])))} |")
    first = [page] + [os.path.join(folder, first_of(page, k)) for k in ("h", "l")]
    print(f"\nfirst screen (page + head + first article-list run): {mb(sum(os.path.getsize(f) for f in first))}, "
          f"gzip {mb(sum(gz(f) for f in first))}")


def records(text):
    """The records of a manifest or directory (after its header), as lists of fields."""
    return [r.split("\x1f") for r in text.split("\x1e")[1:]]


def manifest(page):
    """The page's manifest records."""
    with open(page, encoding="utf-8") as f:
        html = f.read()
    start = html.index('id="manifest">') + len('id="manifest">')
    return records(html[start:html.index("</script>", start)])


def first_of(page, kind):
    """The name of the manifest's first file of `kind`."""
    for fields in manifest(page):
        if fields[0] == kind:
            return fields[1]
    raise SystemExit(f"no {kind} file in the manifest")


def searches(out, terms):
    """What a search for each of `terms` fetches after the directory, gzipped."""
    folder = os.path.join(out, "shards")
    name = first_of(os.path.join(out, "index.html"), "i")
    with open(os.path.join(folder, name), encoding="utf-8") as f:
        directory = records(f.read())
    size = lambda n: mb(gz(os.path.join(folder, n)))
    print(f"\ndirectory {size(name)} gzip, then:\n")
    print("| word | search: files | search: gzip | entity names: gzip |\n|---|---|---:|---:|")

    def fragment(kind, key):
        fs = [r for r in directory if r[0] == kind]
        at = max(bisect.bisect_right([r[3] for r in fs], key) - 1, 0)
        return fs[at][1]

    for term in terms:
        parts = [r[1] for r in directory if r[0] == "p" and r[5] == term]
        if parts:
            what, file = f"first of {len(parts)} parts", parts[0]
        else:
            what, file = "one fragment", fragment("t", term)
        print(f"| `{term}` | {what} | {size(file)} | {size(fragment('x', term))} |")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dossier")
    ap.add_argument("corpus")
    ap.add_argument("out")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--terms", nargs="*", default=[])
    a = ap.parse_args()
    texts = sum(e.stat().st_size for e in os.scandir(a.corpus) if e.name.endswith(".txt"))
    n = sum(1 for e in os.scandir(a.corpus) if e.name.endswith(".txt"))
    print(f"{a.corpus}: {n} articles, {mb(texts)} of text; {os.cpu_count()} cores, {load()}\n")
    analysis(a.dossier, a.corpus, a.rounds)
    site(a.dossier, a.corpus, a.out)
    if a.terms:
        searches(a.out, a.terms)
    print(f"\n{load()}")


if __name__ == "__main__":
    main()
