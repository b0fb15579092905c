//! Short forms recognition missed: after a document names "Northwind Logistics Group",
//! a bare "Northwind, which moves parcels, …" is the same company, though nothing in
//! the word alone says it is a name. Each block of a document with such full names is
//! read once more for the short forms [`ShortForms`] allows (leading distinctive words
//! of one name ending in a head word); each uncovered one standing alone (no capitalised
//! word joined to it) becomes a mention with the full name's label, and grouping then
//! joins it to the name ([`crate::alias::forms`]).
//!
//! So does an acronym another article of the corpus defines after a name, written alone
//! where its own article says nothing of it ("the TERC said" in a follow-up to an
//! article on the "Tavish Energy Regulatory Commission (TERC)"): pass 1 learns such
//! acronyms with the corpus lexicon ([`crate::recognise::Lexicon`]).

use crate::alias::defined::initials_agree;
use crate::alias::forms::{initials_variants, spells, ShortForms, MAX_WORDS};
use crate::gazetteer::Gazetteer;
use crate::hash::{FxMap, FxSet};
use crate::label::Label;
use crate::recognise::{is_acronym_form, Candidate, Source};
use crate::text::{DocTokens, Token, TokenKind};

/// The short forms of `found`'s full names that `found` does not cover, each with the
/// index of its block, in text order. `found` is sorted by position; `doc` holds the
/// document's tokens, block by block; `work` counts the tokens visited. A form whose word the
/// document also writes in lower case is an ordinary word there ("World" at a
/// sentence start after "World Health Organization"), and is left out; so is a form
/// the document uses alone before the full name.
pub(crate) fn find(
    text: &str,
    found: &[Candidate],
    doc: &DocTokens,
    corpus: &CorpusAcronyms,
    work: &mut usize,
) -> Vec<(usize, Candidate)> {
    let g = Gazetteer::get();
    let (names, first_seen) = full_names(text, found);
    let mut forms: ShortForms<(Label, &str)> = ShortForms::default();
    *work += forms.add_names(&names, g);
    let acronyms = acronyms_of(text, found, g);
    let heads = heads_of(text, found, g);
    if forms.is_empty() && acronyms.is_empty() && heads.is_empty() && corpus.is_empty() {
        return Vec::new();
    }
    let mut scan = Scan::new(text, found, (&forms, &acronyms, &heads, corpus), &first_seen, g);
    for (bi, toks) in doc.blocks().enumerate() {
        *work += toks.len();
        scan.block(bi, toks);
    }
    scan.finish()
}

/// The names of two or more words among `found` (values aside), each with its label
/// and text as what tells it apart, and where each name is first written.
fn full_names<'t>(text: &'t str, found: &[Candidate]) -> (Vec<FullName<'t>>, FxMap<&'t str, usize>) {
    let mut first_seen: FxMap<&str, usize> = FxMap::default();
    let mut names = Vec::new();
    for c in found {
        let name = &text[c.range.clone()];
        let value = matches!(c.label, Label::Date | Label::Money | Label::Percent);
        if !value && name.contains(' ') && !name.contains("  ") {
            names.push((name, c.label, (c.label, name)));
            first_seen.entry(name).or_insert(c.range.start);
        }
    }
    (names, first_seen)
}

/// A full name as [`ShortForms::add_names`] takes it: its text, label, and what tells
/// it apart (label and text).
type FullName<'t> = (&'t str, Label, (Label, &'t str));

/// One reading of a document's blocks for the short forms and acronyms of its names.
struct Scan<'t, 'a> {
    text: &'t str,
    found: &'a [Candidate],
    forms: &'a ShortForms<'t, (Label, &'t str)>,
    acronyms: &'a Acronyms<'t>,
    /// The head words that name one name of the document alone ([`heads_of`]).
    heads: &'a Acronyms<'t>,
    first_seen: &'a FxMap<&'t str, usize>,
    g: &'static Gazetteer,
    /// The forms' words in lower case, and a quick test of their first bytes.
    lowered: FxSet<String>,
    firsts: [bool; 256],
    /// Those of the forms' words the document writes in lower case.
    lower_words: FxSet<&'t str>,
    /// The names whose form the document uses alone before the full name.
    early: FxSet<&'t str>,
    /// The first candidate not ending before the token looked at.
    next: usize,
    /// The forms found, with their block and the name they stand for.
    out: Vec<(usize, &'t str, Candidate)>,
    /// The acronyms other documents define ([`corpus_acronym_at`]).
    corpus: &'a CorpusAcronyms,
}

impl<'t, 'a> Scan<'t, 'a> {
    /// A reading for the short forms, acronyms and head words (`kinds`) of `found`, and
    /// the acronyms other documents define.
    fn new(
        text: &'t str,
        found: &'a [Candidate],
        kinds: (
            &'a ShortForms<'t, (Label, &'t str)>,
            &'a Acronyms<'t>,
            &'a Acronyms<'t>,
            &'a CorpusAcronyms,
        ),
        first_seen: &'a FxMap<&'t str, usize>,
        g: &'static Gazetteer,
    ) -> Self {
        let (forms, acronyms, heads, corpus) = kinds;
        let lowered: FxSet<String> = forms.words().map(crate::case::lower_str).collect();
        let mut firsts = [false; 256];
        lowered
            .iter()
            .for_each(|w| firsts[usize::from(w.as_bytes()[0])] = true);
        Scan {
            text,
            found,
            forms,
            acronyms,
            heads,
            first_seen,
            g,
            lowered,
            firsts,
            lower_words: FxSet::default(),
            early: FxSet::default(),
            next: 0,
            out: Vec::new(),
            corpus,
        }
    }

    /// Reads block `bi`, tokenized as `toks`.
    fn block(&mut self, bi: usize, toks: &[Token]) {
        let text = self.text;
        let mut i = 0;
        while i < toks.len() {
            let t = toks[i].text(text);
            if self.firsts[usize::from(t.as_bytes()[0])]
                && toks[i].kind == TokenKind::Word
                && self.lowered.contains(t)
            {
                self.lower_words.insert(t);
            }
            while self.next < self.found.len() && self.found[self.next].range.end <= toks[i].start {
                self.next += 1;
            }
            let free_until = self.found.get(self.next).map_or(usize::MAX, |c| c.range.start);
            i += self.form_at(bi, toks, i, free_until);
        }
    }

    /// Notes the acronym or short form at token `i` of block `bi`, if any; returns the
    /// tokens it takes (one when none).
    fn form_at(&mut self, bi: usize, toks: &[Token], i: usize, free_until: usize) -> usize {
        let start = toks[i].start;
        if let Some((label, name)) = acronym_at(self.text, &toks[i], free_until, self.acronyms) {
            if self.first_seen[name] < start {
                let (range, source) = (start..toks[i].end, Source::Composed);
                self.out.push((bi, name, Candidate { range, label, source }));
            }
            return 1;
        }
        if let Some(label) = corpus_acronym_at(
            self.text,
            &toks[i],
            free_until,
            (self.acronyms, self.corpus),
            self.g,
        ) {
            let (range, source) = (start..toks[i].end, Source::Composed);
            self.out
                .push((bi, toks[i].text(self.text), Candidate { range, label, source }));
            return 1;
        }
        if let Some((label, name)) = head_at(self.text, toks, i, free_until, self.heads, self.g) {
            if self.first_seen[name] < start {
                let (range, source) = (start..toks[i].end, Source::Composed);
                self.out.push((bi, name, Candidate { range, label, source }));
            }
            return 1;
        }
        match standalone_form(self.text, toks, i, free_until, self.forms, self.g) {
            // Before the full name, the form is a name of its own (the place
            // "Exeter" before "Exeter School"): it is never found.
            Some((_, (_, name))) if self.first_seen[name] >= start => {
                self.early.insert(name);
                1
            }
            Some((n, (label, name))) => {
                let range = start..toks[i + n - 1].end;
                let source = Source::Composed;
                self.out.push((bi, name, Candidate { range, label, source }));
                n
            }
            None => 1,
        }
    }

    /// The forms found, but those of names used alone early and those of a word the
    /// document writes in lower case.
    fn finish(self) -> Vec<(usize, Candidate)> {
        let (text, lower_words, early) = (self.text, &self.lower_words, &self.early);
        let ordinary = |c: &Candidate| {
            let written = text[c.range.clone()].split(' ');
            written
                .map(crate::case::lower_str)
                .any(|w| lower_words.contains(w.as_str()))
        };
        self.out
            .into_iter()
            .filter(|(_, name, c)| !early.contains(name) && !ordinary(c))
            .map(|(bi, _, c)| (bi, c))
            .collect()
    }
}

/// The acronyms of the document's organisations, facilities and events: their initials
/// ("NFU" for "National Farmers Union", [`initials_variants`]) and the acronyms defined
/// in parentheses right after them ("Lumen Fruit Growers Association (LFG)", when the
/// letters can be read off the name), each with its name's label and text, or `None`
/// where two names share one.
fn acronyms_of<'t>(text: &'t str, found: &[Candidate], g: &Gazetteer) -> Acronyms<'t> {
    let mut out: Acronyms<'t> = FxMap::default();
    for c in found {
        let name = &text[c.range.clone()];
        if !matches!(c.label, Label::Org | Label::Fac | Label::Event) || !name.contains(' ') {
            continue;
        }
        let defined =
            defined_after(&text[c.range.end..]).filter(|a| spells(a, name) || initials_agree(a, name));
        // Two-letter initials are too often something else ("AI"); a definition says so.
        let initials = initials_variants(name, g).into_iter().filter(|a| a.len() >= 3);
        for a in initials.chain(defined.map(str::to_string)) {
            if a.chars().all(|c| c.is_ascii_uppercase()) {
                out.entry(a)
                    .and_modify(|v| {
                        if v.is_some_and(|(_, n)| n != name) {
                            *v = None;
                        }
                    })
                    .or_insert(Some((c.label, name)));
            }
        }
    }
    out
}

/// The head words that name an organisation or facility of the document alone
/// after "the" ("the Authority" for "Kestrel Valley Water Authority", "the Court" for
/// "Supreme Court of Velmoria", "the Church" for "Church of Scientology"): a name's last
/// word, or the word before its "of", when that is a head word the tables know as no
/// name of its own; `None` where two names share one ("the Court" beside two courts).
fn heads_of<'t>(text: &'t str, found: &[Candidate], g: &Gazetteer) -> Acronyms<'t> {
    let mut out: Acronyms<'t> = FxMap::default();
    for c in found {
        let name = &text[c.range.clone()];
        if !matches!(c.label, Label::Org | Label::Fac) || !name.contains(' ') {
            continue;
        }
        let words: Vec<&str> = name.split(' ').take(MAX_WORDS + 1).collect();
        if words.len() > MAX_WORDS {
            continue;
        }
        let before_of = words
            .iter()
            .position(|w| *w == "of")
            .filter(|&k| k > 0)
            .map(|k| words[k - 1]);
        let head = before_of.or(words.last().copied()).filter(|w| {
            let headed = g.org_head(w).suffix || g.fac_head(w).suffix;
            headed && g.name(w).is_none() && w.chars().next().is_some_and(char::is_uppercase)
        });
        let Some(head) = head else { continue };
        out.entry(head.to_string())
            .and_modify(|v| {
                if v.is_some_and(|(_, n)| n != name) {
                    *v = None;
                }
            })
            .or_insert(Some((c.label, name)));
    }
    out
}

/// The name whose head word token `i` is ([`heads_of`]), when it stands alone right
/// after "the" and is not covered by a candidate (it ends before byte `free_until`).
fn head_at<'t>(
    text: &str,
    toks: &[Token],
    i: usize,
    free_until: usize,
    heads: &Acronyms<'t>,
    g: &Gazetteer,
) -> Option<(Label, &'t str)> {
    let t = &toks[i];
    if i == 0 || t.end > free_until || !capitalised(text, t) || t.hyphen {
        return None;
    }
    let the = toks[i - 1].text(text);
    if !(the == "the" || the == "The") || toks.get(i + 1).is_some_and(|n| n.hyphen || joins(text, n, g)) {
        return None;
    }
    // "the Society for General Research", "the Court of Appeal": a longer name.
    let of = toks
        .get(i + 1)
        .is_some_and(|n| matches!(n.text(text), "of" | "for"));
    if of && toks.get(i + 2).is_some_and(|n| capitalised(text, n)) {
        return None;
    }
    heads.get(t.text(text)).copied().flatten()
}

/// The word in parentheses at the start of `after` (" (LFG) met …" → "LFG").
fn defined_after(after: &str) -> Option<&str> {
    let inner = after.trim_start().strip_prefix('(')?;
    let end = inner.find(')')?;
    Some(&inner[..end]).filter(|w| (2..=8).contains(&w.len()))
}

/// Acronyms of a document's names: the name's label and text, `None` when ambiguous.
type Acronyms<'t> = FxMap<String, Option<(Label, &'t str)>>;

/// The name whose acronym token `t` is, when `t` is not covered by a candidate (it
/// ends before byte `free_until`) and the acronym is unambiguous.
fn acronym_at<'t>(
    text: &str,
    t: &Token,
    free_until: usize,
    acronyms: &Acronyms<'t>,
) -> Option<(Label, &'t str)> {
    let w = t.text(text);
    if t.kind != TokenKind::Word || t.end > free_until || !w.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    acronyms.get(w).copied().flatten()
}

/// Acronyms the corpus defines after a name, with that name's label (`None`: two
/// labels), as [`crate::recognise::Lexicon`] learns them in pass 1.
pub(crate) type CorpusAcronyms = FxMap<String, Option<Label>>;

/// The label of the name another document defines acronym token `t` for (`kinds`: the
/// document's own acronyms, then the corpus's), when `t` is not covered by a candidate
/// (it ends before byte `free_until`), the document says nothing of the acronym itself
/// and the tables do not know it: "the TERC said" in a follow-up to an article on the
/// "Tavish Energy Regulatory Commission (TERC)". Grouping then joins it to that name.
fn corpus_acronym_at(
    text: &str,
    t: &Token,
    free_until: usize,
    (own, corpus): (&Acronyms, &CorpusAcronyms),
    g: &Gazetteer,
) -> Option<Label> {
    let w = t.text(text);
    let word = t.kind == TokenKind::Word && !t.hyphen;
    if !word || t.end > free_until || corpus.is_empty() || !is_acronym_form(w) {
        return None;
    }
    let label = corpus.get(w).copied().flatten()?;
    (!own.contains_key(w) && g.name(w).is_none()).then_some(label)
}

/// The longest short form starting at token `i` that ends before byte `free_until`
/// and stands alone: its token count and the full name's label and text.
fn standalone_form<'t>(
    text: &str,
    toks: &[Token],
    i: usize,
    free_until: usize,
    forms: &ShortForms<(Label, &'t str)>,
    g: &Gazetteer,
) -> Option<(usize, (Label, &'t str))> {
    if !capitalised(text, &toks[i]) || !forms.begins(toks[i].text(text)) || toks[i].hyphen {
        return None;
    }
    if i > 0 && joins(text, &toks[i - 1], g) {
        return None;
    }
    let mut form = String::new();
    let mut best = None;
    for n in 1..=MAX_WORDS.min(toks.len() - i) {
        let t = &toks[i + n - 1];
        if t.kind != TokenKind::Word || t.end > free_until || (n > 1 && (t.glued || t.hyphen)) {
            break;
        }
        if n > 1 {
            form.push(' ');
        }
        form.push_str(t.text(text));
        let alone = toks.get(i + n).is_none_or(|t| !t.hyphen && !joins(text, t, g));
        if let Some(name) = forms.get(&form).filter(|_| alone) {
            best = Some((n, name));
        }
    }
    best
}

/// Whether `t` is a word starting with a capital.
fn capitalised(text: &str, t: &Token) -> bool {
    t.kind == TokenKind::Word && t.text(text).chars().next().is_some_and(char::is_uppercase)
}

/// Whether `t`, next to a form, would make it part of a longer name: a capitalised
/// word that is no function word ("The" before a name does not).
fn joins(text: &str, t: &Token, g: &Gazetteer) -> bool {
    capitalised(text, t) && !g.is_function_word(&crate::case::lower_str(t.text(text)))
}

#[cfg(test)]
mod tests {
    /// Each named mention of `text` as (text, label code, canonical name).
    fn mentions(text: &str) -> Vec<(String, &'static str, String)> {
        let found = crate::test_support::names(text).into_iter();
        found.map(|f| (f.text, f.label.code(), f.canonical)).collect()
    }

    #[test]
    fn a_company_named_again_by_its_first_word_is_found_and_joined() {
        let m = mentions(
            "Brewer expands\n\nPelican Brewing Company opened a second brewery on Friday. \
             Pelican, which started in a garage, now sells beer in six states.",
        );
        let pelican = (
            "Pelican".to_string(),
            "ORG",
            "Pelican Brewing Company".to_string(),
        );
        assert!(m.contains(&pelican), "{m:?}");
    }

    #[test]
    fn an_unknown_acronym_in_parentheses_joins_the_name_before_it() {
        let m = mentions(
            "Growers meet\n\nThe Lumen Fruit Growers Association (LFG) met on Monday. \
             Members said the LFG would buy more land.",
        );
        let lfg: Vec<_> = m.iter().filter(|(t, _, _)| t == "LFG").collect();
        assert_eq!(lfg.len(), 2, "{m:?}");
        assert!(
            lfg.iter().all(|(_, _, c)| c == "Lumen Fruit Growers Association"),
            "{m:?}"
        );
    }

    #[test]
    fn a_head_word_alone_after_the_names_the_one_name_it_ends() {
        let m = mentions(
            "Dam opens\n\nThe Kestrel Valley Water Authority opened the dam on Monday. \
             The Authority said the reservoir was full. The Supreme Court of Velmoria \
             heard a case, and the Court adjourned. The Authority of Ports did not.",
        );
        let alone = m.iter().filter(|(t, _, _)| t == "Authority").count();
        assert_eq!(alone, 1, "not the head of a longer name: {m:?}");
        let authority = (
            "Authority".to_string(),
            "ORG",
            "Kestrel Valley Water Authority".to_string(),
        );
        assert!(m.contains(&authority), "{m:?}");
        assert!(
            m.iter()
                .any(|(t, _, c)| t == "Court" && c == "Supreme Court of Velmoria"),
            "{m:?}"
        );
    }

    #[test]
    fn a_head_word_two_names_share_is_not_found() {
        let m = mentions(
            "Courts\n\nThe Supreme Court of Velmoria and the Ostrava High Court met. \
             Later the Court ruled.",
        );
        // Recognition finds "the Court" by its head word alone; it stays a name of its
        // own, joined to neither court.
        assert!(!m.iter().any(|(t, _, c)| t == "Court" && c != "Court"), "{m:?}");
    }

    #[test]
    fn a_form_used_before_the_full_name_or_also_in_lower_case_is_not_found() {
        let m = mentions(
            "Clinic news\n\nMost staff live near Marlow. Marlow Community Hospital opened a \
             ward. Granite Valley Hospital treated two workers. Granite floors were \
             slippery, and granite dust was blamed.",
        );
        let found: Vec<&str> = m.iter().map(|(t, _, _)| t.as_str()).collect();
        assert!(!found.contains(&"Granite"), "{m:?}");
        assert!(!m.iter().any(|(t, l, _)| t == "Marlow" && *l != "GPE"), "{m:?}");
    }
}
