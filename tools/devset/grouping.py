#!/usr/bin/env python3
"""The alias-grouping errors of the engine, each with its likely cause, counted by cause.

usage: python3 tools/devset/grouping.py --pred PRED.jsonl [--gold GOLD.jsonl] [--quiet]

PRED.jsonl is `dossier extract <corpus> --format jsonl`; GOLD.jsonl defaults to the tune
part's gold (/work/devset/tune/gold.jsonl, or $DEVSET/tune). The seeds gold
(/work/shared/eval/seeds-gold.jsonl) and the other-topic fixture's gold work too. Both
sides are mapped to PERSON / ORG / PLACE / EVENT (mapping.py) and the mentions paired as
score.py pairs them for its grouping line, then two lists are printed:

  split   gold entities written in more than one form whose paired mentions carry more
          than one cluster id (what "multi-form entities grouped" counts);
  merged  predicted clusters holding mentions of more than one gold entity (what B3
          precision loses).

Each error gets one cause, the first that applies:

  boundary      a paired prediction's span is not the gold span (the cluster id comes
                from other words: a recognition error, not a grouping one);
  gold          (merged only) the gold entities merged never share a document: the gold
                keys one thing differently in different documents ("US" / "United
                States"), where the engine groups across documents;
  acronym       (split) one form is written in capitals, as an acronym;
  short form    (split) the words of one form are among the words of another
                ("Acme" / "Acme Holdings");
  shared word   (merged) two entities of one document whose names share a word;
  other         nicknames, translations, misspellings: no shared word, no acronym.

The frozen part is refused: its errors are never read.
"""
import argparse
import os
import re
import sys
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from errors import load, scorer  # noqa: E402
from mapping import resolve_alternatives  # noqa: E402


def bare(text):
    """A span's text as score.py's cluster key reads it, case kept."""
    t = re.sub(r"^(the|The) ", "", text.strip())
    return re.sub(r"(’s|'s|’|')$", "", t).strip(" .,;:!?“”\"‘’'()")


def words(text):
    return {w for w in re.findall(r"[\w]+", bare(text).lower())}


def acronym(text):
    t = bare(text).replace(".", "")
    return 2 <= len(t) <= 8 and sum(c.isupper() for c in t) >= max(2, len(t) - 1)


def split_cause(members):
    """members: (gold text, predicted text, cluster id)."""
    if any(bare(g) != bare(p) for g, p, _ in members):
        return "boundary"
    forms = {bare(g) for g, _, _ in members}
    if any(acronym(f) for f in forms):
        return "acronym"
    for a in forms:
        for b in forms:
            if a != b and words(a) and words(a) <= words(b):
                return "short form"
    return "other"


def merge_cause(members):
    """members: (gold canonical, gold text, predicted text, document)."""
    if any(bare(g) != bare(p) for _, g, p, _ in members):
        return "boundary"
    docs = defaultdict(set)
    for c, _, _, d in members:
        docs[c].add(d)
    apart = all(not (a & b) for x, a in docs.items() for y, b in docs.items() if x < y)
    if apart:
        return "gold"
    shared = set.intersection(*({w for c2, g, _, _ in members if c2 == c for w in words(g)} for c in docs))
    return "shared word" if shared else "other"


def paired(gold, pred):
    """(gold mention, predicted mention, cluster id) as score.py pairs them."""
    sc = scorer()
    named = [g for g in gold if g["label"] not in sc.VALUE]
    return [(named[gi], pred[pi], sc.ckey(pred[pi])) for gi, pi in sc.greedy(named, pred, lambda g, p: True)]


def report(pairs, quiet):
    ents, clusters = defaultdict(list), defaultdict(list)
    for g, p, key in pairs:
        ents[g["canonical"]].append((g["text"], p["text"], key))
        clusters[key].append((g["canonical"], g["text"], p["text"], g["doc"]))
    split = {c: m for c, m in ents.items()
             if len({bare(t) for t, _, _ in m}) >= 2 and len({k for _, _, k in m}) > 1}
    multi = sum(1 for m in ents.values() if len({g for g, _, _ in m}) >= 2)
    merged = {k: m for k, m in clusters.items() if len({c for c, _, _, _ in m}) > 1}
    causes = Counter()
    print(f"== split: {len(split)} of {multi} multi-form gold entities (forms as score.py counts them)")
    for canon, ms in sorted(split.items()):
        cause = split_cause(ms)
        causes["split " + cause] += 1
        if not quiet:
            forms = Counter(f"{g}" + (f" [{p}]" if bare(p) != bare(g) else "") + f" -> {k}" for g, p, k in ms)
            print(f"  {cause:<10} {canon}:  " + "; ".join(f"{n}x {f}" for f, n in forms.most_common()))
    print(f"== merged: {len(merged)} predicted clusters hold more than one gold entity")
    for key, ms in sorted(merged.items()):
        cause = merge_cause(ms)
        causes["merged " + cause] += 1
        if not quiet:
            forms = Counter(f"{c}: {g}" + (f" [{p}]" if bare(p) != bare(g) else "") for c, g, p, _ in ms)
            print(f"  {cause:<10} {key}:  " + "; ".join(f"{n}x {f}" for f, n in forms.most_common()))
    print("== causes")
    for cause, n in sorted(causes.items()):
        print(f"{n:4}  {cause}")


FUNCTION = {"of", "the", "and", "for", "in", "on", "at", "de", "du", "la", "le", "&", "to", "a"}


def squashed(text):
    """A form without case, dots, hyphens, spaces or accents ("U.S." / "US")."""
    import unicodedata
    t = unicodedata.normalize("NFD", bare(text).lower())
    return "".join(c for c in t if c.isalnum())


def initials_spell(short, full):
    """Whether the capitals of `short` are the initials of `full`'s words in order, function
    words optional (a letter may also open a part of a hyphenated word)."""
    letters = [c for c in short if c.isalpha()]
    toks = re.findall(r"[^\W_]+", bare(full))
    def fits(i, j):
        if i == len(letters):
            return all(t.lower() in FUNCTION for t in toks[j:])
        if j == len(toks):
            return False
        if toks[j][0].lower() == letters[i].lower() and fits(i + 1, j + 1):
            return True
        return toks[j].lower() in FUNCTION and fits(i, j + 1)
    return len(letters) >= 2 and fits(0, 0)


def form_type(form, main, label):
    """The kind of short or other form `form` is of the entity's longest form `main`."""
    f, m = bare(form), bare(main)
    if squashed(f) == squashed(m):
        return "case, dots, spaces"
    if acronym(f):
        return "acronym" if initials_spell(f, m) else "acronym, not initials"
    fw, mw = f.lower().split(), m.lower().split()
    if label == "PERSON" and len(fw) == 1 and len(mw) >= 2:
        return "surname only" if fw[0] == mw[-1] else "given name only" if fw[0] == mw[0] else "person, other word"
    if label == "PERSON":
        return "person, other"
    content = lambda ws: {w for w in ws if w not in FUNCTION}
    if content(fw) == content(mw):
        return "reordered"
    if set(fw) <= set(mw):
        if mw[:len(fw)] == fw:
            return "leading words"
        if mw[-len(fw):] == fw:
            return "trailing words"
        return "some words"
    if content(fw) & content(mw):
        return "shares a word"
    return "no shared word"


def form_report(pairs):
    """The grouping measure by form: the share of multi-form gold entities whose paired
    mentions all carry one cluster id, by label; each form other than an entity's longest,
    by kind, grouped with that longest form or not (and how many of those split have a
    mention of the form or of the longest form found with a wrong span: recognition
    errors first); the wrong merges (two gold entities of one document under one cluster
    id, over the mentions found with the gold span) and B-cubed precision and recall."""
    ents = defaultdict(list)
    for g, p, key in pairs:
        ents[g["canonical"]].append((g, p, key))
    by_label, kinds = defaultdict(lambda: [0, 0]), defaultdict(lambda: [0, 0, 0])
    for canon, ms in ents.items():
        forms = defaultdict(list)
        for g, p, key in ms:
            forms[bare(g["text"])].append((g, p, key))
        if len(forms) < 2:
            continue
        label = Counter(g["label"] for g, _, _ in ms).most_common(1)[0][0]
        by_label[label][0] += len({k for _, _, k in ms}) == 1
        by_label[label][1] += 1
        main = max(forms, key=lambda f: (len(f), f))
        main_key = Counter(k for _, _, k in forms[main]).most_common(1)[0][0]
        cut = lambda ms: any(bare(g["text"]) != bare(p["text"]) for g, p, _ in ms)  # noqa: E731
        for f, fm in forms.items():
            if f == main:
                continue
            k = kinds[form_type(f, main, label)]
            grouped = all(key == main_key for _, _, key in fm)
            k[0] += grouped
            k[1] += 1
            k[2] += not grouped and (cut(fm) or cut(forms[main]))
    ok, tot = sum(v[0] for v in by_label.values()), sum(v[1] for v in by_label.values())
    print(f"multi-form gold entities grouped: {ok} of {tot} ({pct(ok, tot)})  "
          + "  ".join(f"{l} {v[0]}/{v[1]}" for l, v in sorted(by_label.items())))
    print(f"  {'form of the longest form':<24}{'grouped':>9}{'forms':>7}{'share':>8}  split (of them a wrong span)")
    for kind, (g, n, b) in sorted(kinds.items(), key=lambda kv: -kv[1][1]):
        print(f"  {kind:<24}{g:>9}{n:>7}{pct(g, n):>8}  {n - g} ({b})")
    wrong = wrong_merges(pairs)
    bp, br = b_cubed(pairs)
    print(f"wrong merges (two gold entities of one document under one cluster id, exact spans): {wrong}"
          f"; B3 P/R {100 * bp:.1f}/{100 * br:.1f}")
    return ok, tot, wrong


def b_cubed(pairs):
    """B-cubed precision and recall over the paired mentions, as score.py computes them."""
    gold, pred = defaultdict(set), defaultdict(set)
    for n, (g, _, key) in enumerate(pairs):
        gold[g["canonical"]].add(n)
        pred[key].add(n)
    p = r = 0.0
    for n, (g, _, key) in enumerate(pairs):
        both = len(gold[g["canonical"]] & pred[key])
        p += both / len(pred[key])
        r += both / len(gold[g["canonical"]])
    return (p / len(pairs), r / len(pairs)) if pairs else (0.0, 0.0)


def wrong_merges(pairs):
    """Per document and cluster id, the gold entities beyond the first that it holds, over
    the mentions found with the gold span (a wrong span is a recognition error)."""
    held = defaultdict(set)
    for g, p, key in pairs:
        if (g["start"], g["end"]) == (p["start"], p["end"]):
            held[(g["doc"], key)].add(g["canonical"])
    return sum(len(c) - 1 for c in held.values())


def pct(a, b):
    return f"{100 * a / b:.1f}%" if b else "-"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pred", required=True)
    devset = os.environ.get("DEVSET", "/work/devset")
    ap.add_argument("--gold", default=os.path.join(devset, "tune", "gold.jsonl"))
    ap.add_argument("--quiet", action="store_true", help="print the counts only")
    ap.add_argument("--forms", action="store_true",
                    help="print the measure by form kind and the wrong merges instead")
    a = ap.parse_args()
    if "frozen" in os.path.abspath(a.gold).split(os.sep):
        sys.exit("the frozen part's errors are never read (it is a test set)")
    gold, pred = load(a.gold), load(a.pred)
    resolve_alternatives(list(gold.values()), list(pred.values()))
    pairs = paired(sorted(gold.values(), key=lambda g: (g["doc"], g["start"])),
                   sorted(pred.values(), key=lambda p: (p["doc"], p["start"])))
    if a.forms:
        form_report(pairs)
    else:
        report(pairs, a.quiet)


if __name__ == "__main__":
    main()
