#!/usr/bin/env python3
"""Extra training data from GUM: the `dev` and `test` documents of the genres build.py's
`train/` takes from GUM's `train` split (academic, bio, court, voyage).

usage: python3 tools/devset/gum_extra.py [--gum DIR] [--out DIR]

Writes one folder (default /work/devset/train-extra/gum-heldout) in the format of
build.py's parts, with the same mapping (tools/devset/README.md) and licences (GUM's
LICENSE.txt: annotations CC BY 4.0; texts as listed in build.py's TEXT_LICENCE). These
documents are no evaluation set of ours (tune and frozen are Wikinews only), so the
decision may learn from them. Standard library only; a pure function of the GUM revision.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build  # noqa: E402  (the sibling module: one mapping for every part)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gum", default=build.DEFAULT_GUM, help="GUM git directory")
    ap.add_argument("--out", default="/work/devset/train-extra", help="parent of the output folder")
    a = ap.parse_args()
    split_of = build.read_splits(build.git_show(a.gum, "splits.md"))
    paths = [p for p in build.git_files(a.gum, "dep") if os.path.basename(p).startswith("GUM_")]
    docs = []
    for path in paths:
        doc_id = os.path.basename(path)[:-len(".conllu")]
        if doc_id.split("_")[1] in build.TRAIN_GENRES and split_of.get(doc_id) in ("dev", "test"):
            docs.append(build.build_doc(build.git_show(a.gum, path)))
    parts = {"gum-heldout": docs}
    build.places_as_actors(parts, build.place_identities(a.gum, paths))
    build.write_part(a.out, "gum-heldout", docs)
    n = sum(len(d[3]) for d in docs)
    print(f"gum-heldout: {len(docs)} documents, {n} gold mentions", file=sys.stderr)


if __name__ == "__main__":
    main()
