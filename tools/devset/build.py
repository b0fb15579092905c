#!/usr/bin/env python3
"""Build Dossier's development set of other news from the GUM corpus.

usage: python3 tools/devset/build.py [--gum DIR] [--out DIR]

Reads the GUM repository (a git directory; files are read at HEAD with `git show`)
and writes three parts under --out, each a folder of plain-text documents plus a
gold.jsonl in the format of ../shared/eval/seeds-gold.jsonl:

  tune/    GUM Wikinews news + interview documents of GUM's `train` split
  frozen/  GUM Wikinews news + interview documents of GUM's `dev` and `test` splits
  train/   GUM `train`-split documents of the genres with a permissive text licence
           (academic, bio, court, voyage)

and <out>/README.md (source, licence, attribution, mapping, counts). The mapping from
GUM's entity annotation to Dossier's labels is documented in tools/devset/README.md
and repeated in the generated README. Standard library only; the output is a pure
function of the GUM revision (sorted inputs, no clocks, no randomness).
"""
import argparse
import json
import os
import re
import subprocess
import sys
from collections import defaultdict
from urllib.parse import unquote

DEFAULT_GUM = "/work/.mirror/amir-zeldes+gum/repo"
DEVSET_GENRES = ("news", "interview")
TRAIN_GENRES = ("academic", "bio", "court", "voyage")
TEXT_LICENCE = {
    "news": "CC BY 2.5 (Wikinews)",
    "interview": "CC BY 2.5 (Wikinews)",
    "academic": "CC BY 4.0 (DH2017, LSA, PLOS)",
    "bio": "CC BY-SA 3.0 (Wikipedia)",
    "court": "CC BY 4.0 (public court documents)",
    "voyage": "CC BY-SA 3.0 (Wikivoyage)",
}
LABEL_OF_TYPE = {
    "person": "PERSON",
    "organization": "ORG",
    "place": "GPE|LOC|FAC",
    "event": "EVENT",
}
PROPER = {"NNP", "NNPS"}
# function words allowed inside a name when a proper noun follows them inside the mention
# ("University of Sydney", "Food and Drug Administration", "Bank of the West")
CONNECTORS = {"of", "and", "&", "for", "the", "on", "-", "de", "del", "da", "du", "von", "van"}
# inside a PERSON name only name particles connect ("Kevin De Bruyne", "Patrizia d'Ettorre");
# "of" / "and" would join a person to an organisation or to a second person
PERSON_CONNECTORS = {"-", "de", "del", "della", "da", "dos", "das", "du", "di", "von", "van",
                     "der", "den", "ter", "bin", "ibn", "al", "el", "le", "la"}
# titles and honorifics left out of PERSON spans (guidelines: "President Xi Jinping" -> Xi Jinping)
TITLES = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "president", "vice", "prime", "minister", "premier", "chancellor", "secretary", "senator",
    "sen", "rep", "representative", "congressman", "congresswoman", "governor", "gov", "mayor",
    "king", "queen", "prince", "princess", "emperor", "empress", "pope", "saint", "st",
    "general", "gen", "colonel", "col", "captain", "capt", "lieutenant", "lt", "sergeant", "sgt",
    "corporal", "cpl", "private", "pvt", "admiral", "adm", "commander", "cmdr", "major",
    "emeritus", "undersecretary", "manager", "shadow", "spokesman", "spokeswoman",
    "officer", "chief", "chairman", "chairwoman", "judge", "justice", "reverend", "rev",
    "father", "bishop", "archbishop", "cardinal", "rabbi", "imam", "sheikh", "ambassador",
    "commissioner", "director", "detective", "inspector", "constable", "deputy", "speaker",
    "attorney", "treasurer", "sheriff", "agent", "coach", "nurse", "executive", "ceo",
    "foreign", "defence", "defense", "health", "finance", "interior", "education", "leader",
    "superintendent", "assistant", "associate", "acting", "principal", "doctor",
}


def git_show(gum, path):
    return subprocess.run(["git", "-C", gum, "show", "HEAD:" + path], check=True,
                          capture_output=True).stdout.decode("utf-8")


def git_files(gum, folder):
    out = subprocess.run(["git", "-C", gum, "ls-tree", "-r", "--name-only", "HEAD", folder],
                         check=True, capture_output=True).stdout.decode("utf-8")
    return sorted(out.split())


def read_splits(text):
    """GUM's splits.md: '## name' headings followed by '* doc' bullets."""
    split_of, current = {}, None
    for line in text.splitlines():
        m = re.match(r"##\s+(\w+)", line)
        if m:
            current = m.group(1)
            continue
        m = re.match(r"\s*\*\s+(\S+)", line)
        if m and current:
            split_of[m.group(1)] = current
    return split_of


# ---------------------------------------------------------------- conllu reading

def misc_dict(misc):
    out = {}
    if misc != "_":
        for part in misc.split("|"):
            k, _, v = part.partition("=")
            out[k] = v
    return out


def parse_conllu(text):
    """-> (doc id, paragraphs): a paragraph is a list of sentences, a sentence a dict with
    'tokens' (surface tokens: form, space_after, word ids) and 'words' (syntactic words)."""
    doc_id, paragraphs, sent, capacity = None, [], None, None
    for line in text.splitlines():
        if line.startswith("# newdoc id"):
            doc_id = line.split("=", 1)[1].strip()
        elif line.startswith("# newpar") and not line.startswith("# newpar_block"):
            paragraphs.append([])
            capacity = None
        elif line.startswith("# newpar_block"):
            counts = [int(n) for n in re.findall(r"\((\d+) s\)", line)]
            capacity = max(counts) if counts else None
        elif line.startswith("#"):
            continue
        elif not line.strip():
            sent = None
        else:
            if sent is None:
                sent = {"tokens": [], "words": {}}
                # GUM may leave out the newpar of a block ("head (1 s)" followed by the
                # dateline): a block holds as many sentences as its largest part says
                if not paragraphs or (capacity is not None and len(paragraphs[-1]) >= capacity):
                    paragraphs.append([])
                    capacity = None
                paragraphs[-1].append(sent)
            cols = line.split("\t")
            add_conllu_row(sent, cols)
    return doc_id, [p for p in paragraphs if p]


def add_conllu_row(sent, cols):
    tid, form, misc = cols[0], cols[1], misc_dict(cols[9])
    if "." in tid:  # empty node: no surface text
        return
    space = misc.get("SpaceAfter") != "No"
    if "-" in tid:
        a, b = (int(x) for x in tid.split("-"))
        sent["tokens"].append({"form": form, "space": space, "words": list(range(a, b + 1))})
        sent["mwt_end"] = b
        return
    wid = int(tid)
    sent["words"][wid] = {"id": wid, "form": form, "xpos": cols[4], "upos": cols[3],
                          "head": int(cols[6]), "deprel": cols[7], "entity": misc.get("Entity", "")}
    if sent.get("mwt_end", 0) < wid:
        sent["tokens"].append({"form": form, "space": space, "words": [wid]})


def word_offsets(token, start, words):
    """character spans of the syntactic words of one surface token"""
    forms = [words[w]["form"] for w in token["words"]]
    spans, pos = {}, start
    if "".join(forms).lower() == token["form"].lower():
        for w, f in zip(token["words"], forms):
            spans[w] = (pos, pos + len(f))
            pos += len(f)
    else:  # contraction spelled differently: every word covers the whole token
        for w in token["words"]:
            spans[w] = (start, start + len(token["form"]))
    return spans


def render(paragraphs):
    """document text and the global word list (dicts with 'start'/'end' offsets)."""
    out, pos, words = [], 0, []
    for pi, para in enumerate(paragraphs):
        if pi:
            out.append("\n\n"); pos += 2
        for si, sent in enumerate(para):
            if si:
                out.append(" "); pos += 1
            base = len(words)
            spans = {}
            for ti, tok in enumerate(sent["tokens"]):
                spans.update(word_offsets(tok, pos, sent["words"]))
                out.append(tok["form"]); pos += len(tok["form"])
                if tok["space"] and ti + 1 < len(sent["tokens"]):
                    out.append(" "); pos += 1
            for wid in sorted(sent["words"]):
                w = dict(sent["words"][wid])
                w["start"], w["end"] = spans[wid]
                w["gidx"] = base + wid - 1
                w["ghead"] = base + w["head"] - 1 if w["head"] else -1
                words.append(w)
    return "".join(out) + "\n", words


# ---------------------------------------------------------------- entity mentions

def mentions(words):
    """GUM entity mentions: dicts with first/last global word index, type, group id, identity."""
    found, stack = [], defaultdict(list)
    for w in words:
        for m in re.finditer(r"\((\d+)-([^()]*)(\)?)|(\d+)\)", w["entity"]):
            if m.group(4):
                gid = m.group(4)
                if stack[gid]:
                    found[stack[gid].pop()]["last"] = w["gidx"]
                continue
            fields = m.group(2).split("-", 6)
            ment = {"gid": m.group(1), "type": fields[0], "first": w["gidx"], "last": w["gidx"],
                    "identity": fields[6] if len(fields) > 6 else ""}
            found.append(ment)
            if not m.group(3):
                stack[m.group(1)].append(len(found) - 1)
    return found


def head_of(words, first, last):
    """the first word of the span (punctuation last) whose syntactic head lies outside it"""
    outside = [i for i in range(first, last + 1)
               if not first <= words[i]["ghead"] <= last]
    for i in outside:
        if words[i]["upos"] != "PUNCT":
            return i
    return outside[0] if outside else first


def identity_words(ment):
    """the words of a mention's Wikification identity ("Yonhap_News_Agency" -> yonhap, ...)"""
    return set(re.findall(r"\w+", unquote(ment["identity"]).lower()))


def is_name_word(word, loose):
    """a proper noun; with loose (a mention with a Wikification identity whose head GUM
    tagged as a common noun: "Legislative Council", JJ NN) also a capitalised noun or
    adjective. Loose is off under a proper-noun head, so that "Italian Supreme Court"
    keeps its nationality adjective out, as the guidelines keep NORP words out of names."""
    return word["xpos"] in PROPER or (loose and word["form"][:1].isupper()
                                      and word["upos"] in ("NOUN", "ADJ", "PROPN", "NUM"))


def name_head(words, ment, h, label):
    """the word a name grows from, or None: the head if it is a proper noun (and, in a
    person, no title), else a proper noun attached to it by flat / appos ("Biologist Nick
    Bos", "minister Gérald Darmanin", "Assistant Professor in … Simon Ličen"), else, for a
    mention with a Wikification identity, the head if capitalised ("Legislative Council")
    or a proper-noun compound the identity names ("the NATO military alliance")"""
    if words[h]["xpos"] in PROPER and not (label == "PERSON" and is_title(words[h])):
        return h
    deps = [i for i in range(ment["first"], ment["last"] + 1) if words[i]["ghead"] == h]
    for i in deps:
        if words[i]["deprel"] in ("flat", "appos") and words[i]["xpos"] in PROPER:
            return i
    if words[h]["xpos"] in PROPER:
        return h  # a title as head with no name attached: person_start drops it
    if not ment["identity"]:
        return None
    if is_name_word(words[h], True):
        return h
    ident = identity_words(ment)
    for i in deps:
        w = words[i]
        if w["deprel"] == "compound" and w["xpos"] in PROPER and w["form"].lower() in ident:
            return i
    return None


def extend(words, i, step, span, connectors, loose, stops):
    """grow a name from word i in direction step over name words and inner connectors;
    never across a connector where a typed mention starts that runs to the span's edge
    ("University of Sheffield of the UK" stops before "of the UK"; "Daughters of the American
    Revolution Constitution Hall" goes on: its inner mention ends before the edge)"""
    first, last = span
    j = i
    while first <= j + step <= last:
        k = j + step
        w = words[k]
        if is_name_word(w, loose) or (w["xpos"] == "CD" and step > 0):
            j = k
            continue
        crossed = []
        while first <= k <= last and words[k]["form"].lower() in connectors:
            crossed.append(k)
            k += step
        if crossed and first <= k <= last and is_name_word(words[k], loose) \
                and not stops.intersection(crossed):
            j = k
            continue
        break
    return j


def name_core(words, ment, label, others):
    """(first, last) word indices of the named part of a mention, or None if not named.
    others: all mentions of the document."""
    first, last = ment["first"], ment["last"]
    inner = [o for o in others if first <= o["first"] and o["last"] <= last
             and (o["first"], o["last"]) != (first, last)]
    h = name_head(words, ment, head_of(words, first, last), label)
    if h is None:
        return None
    conn = PERSON_CONNECTORS if label == "PERSON" else CONNECTORS
    stops = {o["first"] for o in inner if o["type"] in LABEL_OF_TYPE and o["last"] == last} | \
        {o["last"] for o in inner if o["type"] in LABEL_OF_TYPE and o["first"] == first}
    loose = bool(ment["identity"]) and words[h]["xpos"] not in PROPER
    a = extend(words, h, -1, (first, last), conn, loose, stops)
    b = extend(words, h, 1, (first, last), conn, loose, stops)
    if label == "PERSON":
        a = person_start(words, a, b, inner)
        if a is None:
            return None
    if not any(ch.isupper() for i in range(a, b + 1) for ch in words[i]["form"]):
        return None
    if any(o["first"] <= a and b <= o["last"] for o in inner):
        return None  # a wrapper ("the Andy Warhol show"): the inner mention names it
    same = [o for o in inner if o["type"] == ment["type"] and o["first"] <= b and a <= o["last"]]
    if any(x["last"] < y["first"] for x in same for y in same):
        return None  # a coordination ("Cloud9 and Immortals"): two names, each its own mention
    return a, b


def is_title(word):
    return word["form"].lower().rstrip(".") in TITLES


def person_start(words, a, b, inner):
    """first word of a person's name inside the name run a..b, or None if it is no name:
    "U.S. President Donald Trump" -> Donald; "Home Secretary" -> None; "Americans" -> None"""
    for o in inner:  # a place or organisation nested in the run ends the prefix
        if a <= o["last"] < b and o["type"] != "person":
            a = max(a, o["last"] + 1)
    titled = [i for i in range(a, b) if is_title(words[i])]
    if titled:
        a = titled[-1] + 1
    if a > b or words[a]["xpos"] not in PROPER or is_title(words[b]):
        return None
    if a == b and words[b]["xpos"] == "NNPS":  # groups ("Democrats"), not people
        return None
    return a


def gold_for(doc, text, words):
    """named mentions mapped to Dossier labels, flattened (outermost wins), with canonicals"""
    cands, found = [], mentions(words)
    for order, ment in enumerate(found):
        label = LABEL_OF_TYPE.get(ment["type"])
        if not label and ment["type"] in ("time", "quantity"):
            continue
        # a named mention of another type (a product, law or work: "the Andy Warhol
        # Photographic Legacy Program") takes its room, as the guidelines give no span
        # inside a longer name ("United Nations Charter"), but writes no gold line
        core = name_core(words, ment, label, found)
        if core:
            s, e = words[core[0]]["start"], words[core[1]]["end"]
            cands.append({"start": s, "end": e, "label": label, "gid": ment["gid"], "order": order,
                          "identity": ment["identity"]})
    kept, taken = [], []
    for c in sorted(cands, key=lambda c: (-(c["end"] - c["start"]), c["start"], c["order"])):
        if any(c["start"] < t1 and t0 < c["end"] for t0, t1 in taken):
            continue
        taken.append((c["start"], c["end"]))
        if c["label"]:
            kept.append(c)
    canon = {}
    for c in sorted(kept, key=lambda c: c["start"]):
        t = text[c["start"]:c["end"]]
        if len(t) > len(canon.get(c["gid"], "")):
            canon[c["gid"]] = t
    ident = {c["gid"]: c["identity"] for c in cands if c["identity"]}
    return [{"doc": doc, "start": c["start"], "end": c["end"], "text": text[c["start"]:c["end"]],
             "label": c["label"], "canonical": canon[c["gid"]], "zone": "body",
             "identity": ident.get(c["gid"], "")}
            for c in sorted(kept, key=lambda c: (c["start"], c["end"]))]


def place_identities(gum, paths):
    """Wikification identities GUM types as a place in at least one mention (any document:
    annotations are CC BY 4.0 throughout; no text is used)"""
    found = set()
    for path in paths:
        for line in git_show(gum, path).splitlines():
            for m in re.finditer(r"\(\d+-place-[^()]*", line):
                fields = m.group(0).split("-", 7)
                if len(fields) > 7:
                    found.add(fields[7])
    return found


def places_as_actors(parts, identities):
    """GUM types a place that acts as an organization ("North Korea fired", "Belgium beat
    Tunisia"); the guidelines keep a place name used for its government a place (GPE).
    An ORG whose identity or text GUM types as a place elsewhere (identities of place
    mentions, texts of the set's place gold) gets both readings: ORG|GPE|LOC|FAC. Then
    drops the helper field `identity`."""
    texts = {g["text"] for docs in parts.values() for d in docs for g in d[3]
             if g["label"] == LABEL_OF_TYPE["place"]}
    for docs in parts.values():
        for d in docs:
            for g in d[3]:
                as_place = g["identity"] in identities or g["text"] in texts \
                    or g["text"].replace(" ", "_") in identities
                if g["label"] == "ORG" and as_place:
                    g["label"] = "ORG|" + LABEL_OF_TYPE["place"]
                del g["identity"]


# ---------------------------------------------------------------- output

def build_doc(conllu):
    doc_id, paragraphs = parse_conllu(conllu)
    text, words = render(paragraphs)
    name = doc_id + ".txt"
    gold = gold_for(name, text, words)
    for g in gold:
        assert text[g["start"]:g["end"]] == g["text"], g
    return doc_id, name, text, gold


def part_of(doc_id, split_of):
    genre = doc_id.split("_")[1]
    split = split_of.get(doc_id)
    if genre in DEVSET_GENRES:
        return {"train": "tune", "dev": "frozen", "test": "frozen"}.get(split)
    if genre in TRAIN_GENRES and split == "train":
        return "train"
    return None


def write_part(out, part, docs):
    folder = os.path.join(out, part)
    os.makedirs(folder, exist_ok=True)
    for old in os.listdir(folder):
        if old.endswith(".txt") or old == "gold.jsonl":
            os.remove(os.path.join(folder, old))
    with open(os.path.join(folder, "gold.jsonl"), "w", encoding="utf-8") as gf:
        for doc_id, name, text, gold in docs:
            with open(os.path.join(folder, name), "w", encoding="utf-8") as fh:
                fh.write(text)
            for g in gold:
                gf.write(json.dumps(g, ensure_ascii=False) + "\n")


def counts_table(parts):
    labels = sorted({g["label"] for docs in parts.values() for d in docs for g in d[3]})
    names = [p for p in ("tune", "frozen", "train") if p in parts]
    rows = ["| label | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
    for lab in labels + ["documents", "words (approx.)"]:
        cells = []
        for p in names:
            docs = parts[p]
            if lab == "documents":
                cells.append(str(len(docs)))
            elif lab.startswith("words"):
                cells.append(str(sum(len(d[2].split()) for d in docs)))
            else:
                cells.append(str(sum(1 for d in docs for g in d[3] if g["label"] == lab)))
        rows.append(f"| {lab.replace('|', chr(92) + '|')} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def multi_form_entities(docs):
    forms = defaultdict(set)
    for d in docs:
        for g in d[3]:
            forms[(g["doc"], g["canonical"])].add(g["text"])
    return sum(1 for f in forms.values() if len(f) >= 2)


def write_readme(out, rev, parts):
    here = os.path.dirname(os.path.abspath(__file__))
    mapping = open(os.path.join(here, "README.md"), encoding="utf-8").read()
    mapping = mapping.split("<!-- mapping -->")[1].split("<!-- /mapping -->")[0].strip()
    lists = []
    for p in ("tune", "frozen", "train"):
        genres = defaultdict(int)
        for d in parts[p]:
            genres[d[0].split("_")[1]] += 1
        licences = "; ".join(f"{g} {n}, text {TEXT_LICENCE[g]}" for g, n in sorted(genres.items()))
        lists.append(f"- `{p}/` ({licences}): " + ", ".join(d[0] for d in parts[p]))
    multi = ", ".join(f"{p} {multi_form_entities(parts[p])}" for p in ("tune", "frozen", "train"))
    text = f"""# Dossier development set (from GUM)

Generated by `tools/devset/build.py` of the Dossier repository from the GUM corpus
(Georgetown University Multilayer corpus, https://github.com/amir-zeldes/gum), revision
`{rev}`. Do not edit by hand; rebuild with `python3 tools/devset/build.py --out <dir>`.

## Parts

| part | what | rule |
|---|---|---|
| `tune/` | Wikinews news + interviews of GUM's `train` split | tune on it; its errors may be read |
| `frozen/` | Wikinews news + interviews of GUM's `dev` + `test` splits | FROZEN: run the engine and print only aggregate scores; never read its texts, gold or per-mention errors; never tune on it |
| `train/` | academic, bio, court, voyage documents of GUM's `train` split | for training a classifier; not an evaluation set |

Each part: one `.txt` per GUM document (the title line first, paragraphs separated by a
blank line, sentences joined by one space, spacing rebuilt from `SpaceAfter=No`) and
`gold.jsonl` (doc, start, end in code points, text, label, canonical, zone "body").

## Licence and attribution

Texts: Wikinews news and interviews, CC BY 2.5 (https://en.wikinews.org/wiki/Wikinews:Copyright);
academic CC BY 4.0; biographies (Wikipedia) CC BY-SA 3.0; court CC BY 4.0; Wikivoyage CC BY-SA 3.0
(per GUM's LICENSE.txt; each document's source URL is in its GUM file's `meta::sourceURL`).
Annotations: GUM, CC BY 4.0, by Amir Zeldes and the GUM annotators (GUM LICENSE.txt);
cite Zeldes, Amir (2017) "The GUM Corpus: Creating Multilayer Resources in the Classroom",
Language Resources and Evaluation 51(3), 581–612. The gold files here are derived from GUM's
entity layer by the mapping below (a derived work under the same terms).

## Counts (gold mentions per label)

{counts_table(parts)}

Entities (per document canonical) with two or more surface forms: {multi}.

## Documents

{chr(10).join(lists)}

## Mapping from GUM

{mapping}
"""
    with open(os.path.join(out, "README.md"), "w", encoding="utf-8") as fh:
        fh.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gum", default=DEFAULT_GUM, help="GUM git directory (default %(default)s)")
    ap.add_argument("--out", default="/work/devset", help="output folder (default %(default)s)")
    a = ap.parse_args()
    split_of = read_splits(git_show(a.gum, "splits.md"))
    rev = subprocess.run(["git", "-C", a.gum, "rev-parse", "HEAD"], check=True,
                         capture_output=True).stdout.decode().strip()
    parts = {"tune": [], "frozen": [], "train": []}
    paths = [p for p in git_files(a.gum, "dep") if os.path.basename(p).startswith("GUM_")]
    for path in paths:
        doc_id = os.path.basename(path)[:-len(".conllu")]
        part = part_of(doc_id, split_of)
        if part:
            parts[part].append(build_doc(git_show(a.gum, path)))
    places_as_actors(parts, place_identities(a.gum, paths))
    for part, docs in parts.items():
        write_part(a.out, part, docs)
    write_readme(a.out, rev, parts)
    for part, docs in parts.items():
        n = sum(len(d[3]) for d in docs)
        print(f"{part}: {len(docs)} documents, {n} gold mentions", file=sys.stderr)


if __name__ == "__main__":
    main()
