#!/usr/bin/env python3
"""Measures a build at scale: the analysis on 1 and 2 threads, and the sharded site.

    scripts/scale.py DOSSIER CORPUS OUT [--rounds 3]

DOSSIER is a release `dossier` binary, CORPUS a folder (`scripts/gen-corpus.py` makes one),
OUT a folder the site is written to (replaced). Prints, in one run:

- `dossier check CORPUS` (load + analysis) on 1 and 2 threads, alternated ROUNDS times so
  that both see the same load: each run's wall time, CPU time and peak memory, and the
  ratio of the medians of wall time (1 thread / 2 threads);
- `dossier page CORPUS --shards always` on 2 threads: wall, CPU, peak memory;
- the site: files, total bytes, the largest file, each kind's files and bytes, and the
  page (manifest + first article), the directory and the facets raw and gzipped: what a
  reader fetches before the first article and before the first search.

The machine's load average is printed before and after: figures taken on a busy machine
say so. Everything goes to standard output, as the Markdown that docs/performance.md quotes.
"""

import argparse
import gzip
import os
import shutil
import statistics
import subprocess
import time

KINDS = {"f": "facets", "d": "document shards", "i": "directory", "t": "index fragments", "e": "entity shards"}


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
    print("| part | files | bytes | largest | gzip (one file) |\n|---|---:|---:|---:|---:|")
    print(f"| page (manifest + first article) | 1 | {mb(os.path.getsize(page))} | | {mb(gz(page))} |")
    for k, name in KINDS.items():
        mine = [f for f in files if f[0].startswith(k + "-")]
        big = max(mine, key=lambda f: f[1])
        one = f"{mb(gz(os.path.join(folder, big[0])))}" if len(mine) == 1 else ""
        print(f"| {name} | {len(mine)} | {mb(sum(s for _, s in mine))} | {mb(big[1])} | {one} |")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dossier")
    ap.add_argument("corpus")
    ap.add_argument("out")
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()
    texts = sum(e.stat().st_size for e in os.scandir(a.corpus) if e.name.endswith(".txt"))
    n = sum(1 for e in os.scandir(a.corpus) if e.name.endswith(".txt"))
    print(f"{a.corpus}: {n} articles, {mb(texts)} of text; {os.cpu_count()} cores, {load()}\n")
    analysis(a.dossier, a.corpus, a.rounds)
    site(a.dossier, a.corpus, a.out)
    print(f"\n{load()}")


if __name__ == "__main__":
    main()
