#!/usr/bin/env python3
"""Rebuild the texts of the `news` frozen test set (tools/devset/README.md).

The texts are English Wikinews articles (CC BY 2.5), taken from the wikitext stored in
the public repository airKlizz/WikinewsSum (file `endataset.json`, one JSON object a line:
title, text = list of wikitext paragraphs) at a pinned commit. This script reads that file
with `git show` from a local mirror of the repository, renders the wikitext of the chosen
articles to plain text and writes `<out>/<name>.txt`: the title, a blank line, the date
line, then the paragraphs, separated by blank lines (the layout of the GUM dev-set texts).

The gold (tools/devset/news-frozen/gold.jsonl) holds offsets into exactly these files:
changing the rendering or the article list invalidates it.

usage: news_frozen.py --mirror <git dir of airKlizz/WikinewsSum> [--out /work/devset/news-frozen]
Standard library only.
"""
import argparse
import hashlib
import html
import json
import os
import re
import subprocess
import sys

COMMIT = "1d985031625909c908766812e8a18d0c88116ec8"
PATH = "endataset.json"

# file name -> exact Wikinews title (the line of endataset.json whose title this is)
ARTICLES = {
    "news_submarine": "Chinese submarine enters Japanese waters",
    "news_nba": "Four NBA players suspended indefinitely for brawl",
    "news_boeing": "Internal emails expose Boeing-Air Force contract discussions",
    "news_mozambique": "Mozambique's ruling party retains control in elections",
    "news_bushcanada": "US president Bush visits Canada",
    "news_heatwave": "Humans may have contributed to 2003 European heatwave",
    "news_nobel": "Nobel Peace Prize awarded to Kenyan environmental activist",
    "news_boxoffice": "'Noise' takes on 'Fockers' in weekend box office race",
    "news_tsunami": "UN 'optimistic' on tsunami aid effort",
    "news_pinochet": "Pinochet arrested after Supreme Court ruling",
    "news_southamerica": "South American Community of Nations announced at Third South American Summit",
}


# sha256 of each written file: the gold's offsets hold for exactly these texts
SHA256 = {
    "news_submarine": "32b55f3df08329b82a324c749e90a27ba1f4306ad1d9dfb131c1cd56a1dd1fe0",
    "news_nba": "d8b4c6e7f6bec03abb7d6025b04475295d4eea3857d728dc89ea2588ef2e45c2",
    "news_boeing": "28351a1590fd005d4813a312dd1c98c1f789284b947b5b0b3ad62e258616a36d",
    "news_mozambique": "8d0717fc0fc5bed96f8c64b23a8fd16cc6cf073b73d0a749bfc70b5f065bebaf",
    "news_bushcanada": "423b29d2090383e2a64ed5bc4d48e2844a7ce145d235bef3795169ca382940aa",
    "news_heatwave": "c3b63b761cd90b738ce64465c7aa2798e71eb4cb88fb1c3bf52ae21b386661ee",
    "news_nobel": "1c7e58f5e69bf2bccb1c1120f2179fa5e4fa43d84ee122c7aea3df9d0698c1b2",
    "news_boxoffice": "2efaee4d883849a282a16dc0f7118393c725cc67b670fb8822075062a28adba3",
    "news_tsunami": "546000ad80f7b828771d6ede9c7de0ad8ae29e2f2c5ed10a3508c3ebeb262815",
    "news_pinochet": "e76fe1c332d2bb35de109aa06c70169ee16da975c3155f23e6c06f8da5514134",
    "news_southamerica": "ad5f974f89978148fea7c17321a79d2d083b902549ba52079b9a8da3fee94575",
}


def strip_templates(text):
    """Remove {{...}} templates (nested ones too), keeping the date of {{date|...}}."""
    out, depth, i = [], 0, 0
    while i < len(text):
        if text.startswith("{{", i):
            depth += 1
            i += 2
        elif text.startswith("}}", i) and depth:
            depth -= 1
            i += 2
        else:
            if not depth:
                out.append(text[i])
            i += 1
    return "".join(out)


def render_link(match):
    inner = match.group(1)
    target, _, label = inner.partition("|")
    if re.match(r"(?i)(category|image|file|[a-z]{2,3}):", target) and not target.startswith("w:"):
        return ""
    if label:
        return label
    return target[2:] if target.startswith("w:") else target


def render(wikitext):
    """Wikitext of one article -> (date, paragraphs)."""
    date = re.search(r"\{\{date\|([^}|]*)", wikitext)
    text = re.split(r"\n==+\s*(Sources|Related news|External links)", wikitext)[0]
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"^<?!--.*?-->", "", text, flags=re.S | re.M)  # a comment cut in the source
    text = re.sub(r"<ref[^>]*/>|<ref.*?</ref>", "", text, flags=re.S)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"\{\|.*?(\|\}|$)", "", text, flags=re.S)  # tables
    # {{w|target|label}}: a link to Wikipedia, rendered as its label
    text = re.sub(r"\{\{w\|([^{}|]*)(?:\|([^{}]*))?\}\}", lambda m: m.group(2) or m.group(1), text)
    text = strip_templates(text)
    for _ in range(3):  # links nested in image captions
        text = re.sub(r"\[\[([^\[\]]*)\]\]", render_link, text)
    text = re.sub(r"\[https?://\S+ ([^\]]*)\]", r"\1", text)
    text = re.sub(r"'{2,}", "", text)
    text = html.unescape(text).replace("\u00a0", " ")
    paragraphs = []
    for para in re.split(r"\n\s*\n", text):
        para = " ".join(line.strip() for line in para.splitlines() if line.strip())
        para = re.sub(r"^=+\s*(.*?)\s*=+$", r"\1", para)
        # leftovers of broken markup ("{publish}}", a "---" rule) are not text
        para = re.sub(r"\{[^{}]*\}\}|^-{3,}$", "", para).strip()
        para = re.sub(r"  +", " ", para)
        if para:
            paragraphs.append(para)
    return (date.group(1).strip() if date else None), paragraphs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mirror", required=True, help="git directory of airKlizz/WikinewsSum")
    ap.add_argument("--out", default="/work/devset/news-frozen")
    args = ap.parse_args()
    raw = subprocess.run(["git", "--git-dir", args.mirror, "show", f"{COMMIT}:{PATH}"],
                         check=True, capture_output=True, text=True).stdout
    by_title = {}
    for line in raw.splitlines():
        if line.strip():
            row = json.loads(line)
            by_title.setdefault(row["title"], row)
    os.makedirs(args.out, exist_ok=True)
    for name, title in ARTICLES.items():
        if title not in by_title:
            sys.exit(f"article not found at {COMMIT}: {title!r}")
        date, paragraphs = render("\n\n".join(by_title[title]["text"]))
        head = [title] + ([date] if date else [])
        data = ("\n\n".join(head + paragraphs) + "\n").encode("utf-8")
        if hashlib.sha256(data).hexdigest() != SHA256[name]:
            sys.exit(f"{name}.txt differs from the text the gold was made on")
        with open(os.path.join(args.out, name + ".txt"), "wb") as f:
            f.write(data)
        print(f"{name}.txt: {sum(len(p.split()) for p in paragraphs)} words")


if __name__ == "__main__":
    main()
