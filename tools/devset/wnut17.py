#!/usr/bin/env python3
"""Convert the WNUT 2017 emerging-entities data (Twitter, Reddit, YouTube and Stack
Exchange posts, hand-annotated) into extra training data for the learned decision.

usage: python3 tools/devset/wnut17.py [--repo DIR] [--out DIR] [--per-doc N] [--demonyms FILE]

Reads the task's train, dev and test files (`wnut17train.conll`, `emerging.dev.conll`,
`emerging.test.annotated`) from a git directory of leondz/emerging_entities_17 (read at
HEAD with `git show`). Writes under --out (default /work/devset/train-extra/wnut17) one
`.txt` per document and a `gold.jsonl` in the format of ../shared/eval/seeds-gold.jsonl,
like build.py's parts.

Source: https://github.com/leondz/emerging_entities_17 (CC BY 4.0, its README). Cite:
Derczynski, Nichols, van Erp and Limsopatham (2017), "Results of the WNUT2017 Shared Task on
Novel and Emerging Entity Recognition", W-NUT at EMNLP. Training data only, never an
evaluation set; tried and not used for the weights (tools/devset/README.md).

Mapping (tools/devset/README.md): person -> PERSON; corporation and group (teams, bands,
parties) -> ORG; location -> GPE|LOC|FAC except a demonym of data/demonyms.tsv -> NORP;
product and creative-work -> MISC, read as NONE by the trainer. Posts are made to read as
prose and cut into documents of --per-doc posts (default 8) as btc.py does; spans are kept
only when their first and last words start with a capital letter or a digit (most WNUT
entities are written in lower case and give no span). Standard library only; the output
is a pure function of the repository revision and the options.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from uner import git_show, write_gold  # noqa: E402
from docred import read_demonyms  # noqa: E402
from crossner import sentences  # noqa: E402
from btc import clear, convert, write_docs  # noqa: E402

DEFAULT_REPO = "/work/.mirror/leondz+emerging_entities_17/repo"
FILES = {"train": "wnut17train.conll", "dev": "emerging.dev.conll", "test": "emerging.test.annotated"}
LABEL = {"person": "PERSON", "corporation": "ORG", "group": "ORG", "location": "GPE|LOC|FAC"}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repo", default=DEFAULT_REPO, help="emerging_entities_17 git directory")
    ap.add_argument("--out", default="/work/devset/train-extra/wnut17", help="output folder")
    ap.add_argument("--per-doc", type=int, default=8, help="posts per document")
    ap.add_argument("--demonyms", default=os.path.join(here, "../../crates/dossier-core/data/demonyms.tsv"))
    a = ap.parse_args()
    demonyms = read_demonyms(a.demonyms)
    clear(a.out)
    lines, ndocs = [], 0
    for split, path in FILES.items():
        text = git_show(a.repo, path)
        if text is None:
            print(f"{path}: not in the mirror, skipped", file=sys.stderr)
            continue
        text = text.lstrip("\ufeff")
        sents = [convert(t, demonyms, LABEL) for t in sentences(text)]
        ndocs += write_docs(a.out, f"wnut17_{split}", sents, a.per_doc, lines)
    write_gold(a.out, lines, ndocs)


if __name__ == "__main__":
    main()
