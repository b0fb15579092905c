#!/usr/bin/env python3
"""Writes crates/dossier-core/data/word_clusters.tsv: English word forms and their Brown
cluster, for word-class features of the learned decision (tried in issue 27, not wired
in: README.md).

Source: the PyPI wheel spacy-lookups-data==1.0.5 (MIT, Explosion), pinned by hash in
cluster-wheel.txt and downloaded into .wheels/ (generate.sh; nothing of it is run):
`en_lexeme_cluster.json.gz` maps 1,000,001 case-sensitive forms to a Brown cluster
(spaCy's integer: the cluster's path from the root with its first step as the lowest
bit), `en_lexeme_prob.json.gz` gives each form's log probability. The table keeps the
TOP most probable forms that have a cluster (any case: capitalised forms are the point),
each with its path as a bit string ("0110010101": its prefixes are the coarser classes).
Deterministic: ties in probability break by the form. Stdlib only.

usage: python3 clusters.py [--top N]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import re
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "..", "crates", "dossier-core", "data"))
WHEELS = os.path.join(HERE, ".wheels")
WHEEL = "spacy_lookups_data-1.0.5-py2.py3-none-any.whl"
DATA = "spacy_lookups_data/data/"
# The vocabulary: the most probable forms with a cluster (documented in data/README.md).
TOP = 50_000


def pinned_sha256() -> str:
    with open(os.path.join(HERE, "cluster-wheel.txt"), encoding="utf-8") as f:
        m = re.search(r"--hash=sha256:([0-9a-f]{64})", f.read())
    if not m:
        sys.exit("cluster-wheel.txt: no sha256")
    return m.group(1)


def read_json(z: zipfile.ZipFile, name: str) -> dict:
    return json.loads(gzip.decompress(z.read(DATA + name)))


def path_of(cluster: int) -> str:
    """The cluster's path from the root: spaCy stores it reversed, first step lowest."""
    return format(cluster, "b")[::-1]


def rows(top: int) -> list[tuple[str, str]]:
    whl = os.path.join(WHEELS, WHEEL)
    with open(whl, "rb") as f:
        if hashlib.sha256(f.read()).hexdigest() != pinned_sha256():
            sys.exit(f"{WHEEL}: sha256 differs from cluster-wheel.txt")
    with zipfile.ZipFile(whl) as z:
        clusters = read_json(z, "en_lexeme_cluster.json.gz")
        prob = read_json(z, "en_lexeme_prob.json.gz")
    # A form without a cluster (0) says nothing; a form with white space cannot be a token
    # of the engine; "#" and "=" open the packed table's comments and tags (build.rs).
    forms = [w for w, c in clusters.items() if c and w and not re.search(r"\s", w) and w[0] not in "#="]
    forms.sort(key=lambda w: (-prob.get(w, -100.0), w))
    # Sorted by the rows' UTF-8 bytes, as every table (data/README.md, "File format").
    return sorted(((w, path_of(clusters[w])) for w in forms[:top]), key=lambda r: "\t".join(r).encode())


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--top", type=int, default=TOP)
    args = ap.parse_args()
    table = rows(args.top)
    out = os.path.join(OUT, "word_clusters.tsv")
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# word\tpath (Brown cluster, bits from the root)\n")
        for w, p in table:
            f.write(f"{w}\t{p}\n")
    print(f"word_clusters.tsv\t{len(table)} rows\t{os.path.getsize(out)} bytes")


if __name__ == "__main__":
    main()
