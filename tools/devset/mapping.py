#!/usr/bin/env python3
"""The development set's label mapping, one copy for every script that scores on it.

Both sides become PERSON / ORG / PLACE / EVENT: GPE, LOC and FAC become PLACE (GUM does not
tell them apart); labels GUM does not mark (NORP, DATE, MONEY, PERCENT) are dropped. A gold
label with alternatives ("ORG|GPE": a place GUM types as an acting organisation) takes the
label of a prediction on the same span when that is one of them, else its first one.

usage (as scripts/eval-entities.sh calls it):
    python3 tools/devset/mapping.py GOLD PRED GOLD_OUT PRED_OUT
"""
import json
import sys

PLACE = {"GPE", "LOC", "FAC"}
KEEP = {"PERSON", "ORG", "EVENT", "PLACE"}


def mapped(label):
    """The label in the four-label view; "" when none of its parts is kept."""
    out = []
    for part in label.split("|"):
        part = "PLACE" if part in PLACE else part
        if part in KEEP and part not in out:
            out.append(part)
    return "|".join(out)


def load(path):
    """The mentions of a JSON Lines file, labels mapped, those left without one dropped."""
    items = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                item = json.loads(line)
                item["label"] = mapped(item["label"])
                if item["label"]:
                    items.append(item)
    return items


def resolve_alternatives(gold, pred):
    """Give each gold mention with alternatives one label (see the module doc)."""
    said = {(p["doc"], p["start"], p["end"]): p["label"] for p in pred}
    for g in gold:
        alts = g["label"].split("|")
        if len(alts) > 1:
            p = said.get((g["doc"], g["start"], g["end"]))
            g["label"] = p if p in alts else alts[0]


def main():
    gold_in, pred_in, gold_out, pred_out = sys.argv[1:5]
    gold, pred = load(gold_in), load(pred_in)
    resolve_alternatives(gold, pred)
    for items, dst in ((gold, gold_out), (pred, pred_out)):
        with open(dst, "w", encoding="utf-8") as out:
            for item in items:
                out.write(json.dumps(item, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
