//! The corpus lexicon: the people the corpus has introduced with a strong cue, so that
//! later short mentions are found ("Putin" after "Vladimir Putin", "Xi" after "Xi
//! Jinping"), and the record of the answers a block's recognition took from it ([`Deps`])
//! so that pass 2 recognises again only the blocks whose answers changed.
//!
//! It also learns the acronyms the corpus defines in parentheses after a name, which
//! pass 2 finds where another article writes them alone ([`crate::short_forms`]).

use super::{Candidate, Source};
use crate::case;
use crate::gazetteer::{normalise_into, Gazetteer};
use crate::hash::{FxMap, FxSet};
use crate::label::Label;
use crate::normal::lexicon_form;

/// People the corpus has introduced, so that later short mentions are found: "Putin"
/// after "Vladimir Putin", "Xi" after "Xi Jinping".
/// Also the acronyms the corpus defines ("Tavish Energy Regulatory Commission (TERC)").
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Full-name key → canonical name.
    pub full: FxMap<String, String>,
    /// Short form (surname, or family name written first) → canonical names with the
    /// number of times each was introduced.
    pub short: FxMap<String, Vec<(String, usize)>>,
    /// Short forms that are also ambiguous place or organisation names, with the
    /// documents that introduced them as people.
    pub short_docs: FxMap<String, Vec<usize>>,
    /// First words of the full names, to skip lookups that cannot match.
    pub first: FxSet<String>,
    /// Short forms introduced alone ("Lee" in "…,” Lee said") by a cue other than a
    /// title at least once: never [lone](Lexicon::is_lone).
    pub cued: FxSet<String>,
    /// Lone short forms (see [`Lexicon::is_lone`]) that the corpus also writes in lower
    /// case: ordinary words ("Mr. Critics argue …", a cut, beside "critics say"). The
    /// lexicon alone never makes them people. Filled by [`Lexicon::settle`] after pass 1.
    pub ordinary: FxSet<String>,
    /// Acronyms the corpus defines in parentheses right after an organisation,
    /// facility or event of two words or more ("Tavish Energy Regulatory Commission
    /// (TERC)"): acronym → that name's label, or `None` where the corpus defines it for
    /// two labels. Another article may write the acronym alone (`short_forms.rs`).
    /// Each has the form `is_acronym_form` checks (three to eight ASCII capitals).
    pub acronyms: FxMap<String, Option<Label>>,
}

impl Lexicon {
    /// Learns the acronyms `cands` (of `text`) define in parentheses after a name: three
    /// to eight capital letters, the first the name's first letter.
    fn learn_acronyms(&mut self, text: &str, cands: &[Candidate]) {
        for c in cands {
            let name = &text[c.range.clone()];
            if !matches!(c.label, Label::Org | Label::Fac | Label::Event) || !name.contains(' ') {
                continue;
            }
            let Some(acronym) = parenthesised_acronym(&text[c.range.end..]) else {
                continue;
            };
            if !name.starts_with(&acronym[..1]) {
                continue;
            }
            self.acronyms
                .entry(acronym.to_string())
                .and_modify(|l| {
                    if *l != Some(c.label) {
                        *l = None;
                    }
                })
                .or_insert(Some(c.label));
        }
    }

    /// Learns the people among `cands` (found in document `doc` of `text`).
    #[inline(never)]
    pub fn learn(&mut self, text: &str, doc: usize, cands: &[Candidate]) {
        let g = Gazetteer::get();
        self.learn_acronyms(text, cands);
        for c in cands {
            let Source::Person {
                canonical: Some(canon),
                strong: true,
            } = &c.source
            else {
                continue;
            };
            let span = &text[c.range.clone()];
            let parts: Vec<&str> = canon.split(' ').collect();
            self.full.entry(full_key(span)).or_insert_with(|| canon.clone());
            self.full.entry(canon.clone()).or_insert_with(|| canon.clone());
            // Words are keyed in their lexicon form: "PUTIN" is looked up as "Putin".
            if let Some(f) = span.split_whitespace().next() {
                self.first.insert(lexicon_form(f).into_owned());
            }
            self.first.insert(lexicon_form(parts[0]).into_owned());
            // The short form: the family name written first ("Xi"), else the surname.
            let family_first = g.family_first(parts[0]) && parts.len() == 2 && g.given(parts[0]).is_none();
            let short = lexicon_form(if parts.len() == 1 || family_first {
                parts[0]
            } else {
                parts[parts.len() - 1]
            });
            if short.chars().count() < 2 {
                continue;
            }
            if parts.len() == 1 && !after_a_title(g, text, c.range.start) {
                self.cued.insert(short.to_string());
            }
            let e = self.short.entry(short.to_string()).or_default();
            match e.iter_mut().find(|(n, _)| n == canon) {
                Some((_, k)) => *k += 1,
                None => e.push((canon.clone(), 1)),
            }
            let docs = self.short_docs.entry(short.to_string()).or_default();
            if !docs.contains(&doc) {
                docs.push(doc);
            }
        }
        // A short form introduced alone ("Ms. Okafor") belongs to the full name with it.
        for list in self.short.values_mut() {
            if list.len() > 1 {
                let has_full: Vec<bool> = list.iter().map(|(n, _)| n.contains(' ')).collect();
                if has_full.iter().any(|&b| b) {
                    let mut i = 0;
                    list.retain(|_| {
                        let keep = has_full[i];
                        i += 1;
                        keep
                    });
                }
            }
        }
    }

    /// The canonical name for the short form `w` ([in any case](lexicon_form)), if it is
    /// a person.
    pub fn short_form(&self, w: &str) -> Option<&str> {
        let list = self.short.get(&*lexicon_form(w))?;
        list.iter().max_by_key(|(_, k)| *k).map(|(n, _)| n.as_str())
    }

    /// Whether the short form `w` names only people introduced by that one word after a
    /// title ("Mr. Analysts", "Mr. Brown"), with no full name anywhere in the corpus: a
    /// title makes a person of any capitalised word, even one a cut left after it.
    pub fn is_lone(&self, w: &str) -> bool {
        let w = &*lexicon_form(w);
        self.short
            .get(w)
            .is_some_and(|list| list.iter().all(|(n, _)| !n.contains(' ')))
            && !self.cued.contains(w)
    }

    /// Whether the lexicon alone may make a person of the short form `w` where its
    /// capital letter says nothing (`capital_says_nothing`: at a sentence start or in a
    /// Title Case headline). A lone short form is only found where the capital is
    /// evidence, and nowhere when it is an [ordinary](Lexicon::ordinary) word: a cut
    /// such as "… and Mr. Critics argue that …" must not make "Critics say" a person in
    /// every article. Titled mentions ("Mr. Brown") are found by their title anyway.
    pub fn spreads(&self, w: &str, capital_says_nothing: bool) -> bool {
        let w = &*lexicon_form(w);
        !(capital_says_nothing && self.is_lone(w) || !self.ordinary.is_empty() && self.ordinary.contains(w))
    }

    /// After pass 1: marks the lone short forms that occur in lower case in `texts`
    /// (one scan of the text, looking up only words of a lone form's length and
    /// first letter).
    pub fn settle<'t>(&mut self, texts: impl Iterator<Item = &'t str>) {
        let lower: FxMap<String, &str> = self
            .short
            .keys()
            .filter(|w| self.is_lone(w))
            .map(|w| (case::lower_str(w), w.as_str()))
            .filter(|(l, w)| l != w)
            .collect();
        if lower.is_empty() {
            // Settled again with more texts (`analysis::extend`): none is ordinary now.
            self.ordinary.clear();
            return;
        }
        let (mut firsts, mut lens) = ([false; 256], 0u64);
        for l in lower.keys() {
            firsts[l.as_bytes()[0] as usize] = true;
            lens |= 1 << l.len().min(63);
        }
        let mut seen = FxSet::default();
        for text in texts {
            // Words: runs of letters (non-ASCII bytes belong to words), each skipped in
            // a tight loop unless its first letter and length fit a lone form.
            let b = text.as_bytes();
            let mut i = 0;
            while i < b.len() {
                if !WORD_BYTE[usize::from(b[i])] {
                    i += 1;
                    continue;
                }
                let start = i;
                i += 1;
                while i < b.len() && WORD_BYTE[usize::from(b[i])] {
                    i += 1;
                }
                let word = &b[start..i];
                if !firsts[usize::from(word[0])] || lens & (1 << word.len().min(63)) == 0 {
                    continue;
                }
                if let Some(w) = std::str::from_utf8(word).ok().and_then(|s| lower.get(s)) {
                    seen.insert(w.to_string());
                }
            }
        }
        self.ordinary = seen;
    }
}

/// The bytes of the words [`Lexicon::settle`] looks for: ASCII letters and every byte
/// outside ASCII.
const WORD_BYTE: [bool; 256] = {
    let mut t = [true; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphabetic();
        b += 1;
    }
    t
};

/// Whether the line before byte `start` of `text` ends with a title ("Mr.", "Foreign
/// Minister"), perhaps followed by a comma.
fn after_a_title(g: &Gazetteer, text: &str, start: usize) -> bool {
    let line = &text[text[..start].rfind('\n').map_or(0, |k| k + 1)..start];
    let line = line.trim_end();
    let line = line.strip_suffix(',').unwrap_or(line);
    // The last one to four words: titles are at most that long.
    let mut key = String::new();
    let mut from = line.len();
    for _ in 0..4 {
        if from == 0 {
            return false;
        }
        let rest = line[..from].trim_end();
        from = rest
            .char_indices()
            .rfind(|(_, c)| c.is_whitespace())
            .map_or(0, |(k, c)| k + c.len_utf8());
        normalise_into(&line[from..], &mut key);
        if g.title(&key) {
            return true;
        }
    }
    false
}

/// One answer of the [`Lexicon`] that a block's recognition depended on and that a
/// lexicon which has learnt more could answer differently.
///
/// The lexicon only grows: a full name, a first word or a short form once known stays
/// known with the same canonical name, so "known" answers never change and are not
/// recorded. What can change: "not known" answers, which person a short form means,
/// and whether a short form [spreads](Lexicon::spreads) (a short form it withheld is
/// recorded as not known; one it gave stays given unless it turns out ordinary).
/// Recognition is a deterministic function of the block and the lexicon's
/// answers, so when every recorded answer is the same under a bigger lexicon, so is
/// the block's result ([`Deps::hold`]), except for the person of each short form,
/// which only ends up in that word's candidate ([`Deps::renew`]). Ranges are byte
/// ranges into the document text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Dep {
    /// `full` was empty.
    NoFullNames,
    /// The word was not the first word of a full name.
    NoFirst(u32, u32),
    /// The full-name key of the span was not a full name.
    NoFullKey(u32, u32),
    /// The text was not a full name as written.
    NoFull(u32, u32),
    /// The text was not a short form (or one that did not spread there).
    NoShort(u32, u32),
    /// The text was a short form (it stays one; it stops spreading only if it turns
    /// out [ordinary](Lexicon::ordinary)) and made a person of its own word.
    Short(u32, u32),
}

/// The [`Dep`]s of one or more blocks.
#[derive(Debug, Clone, Default)]
pub(crate) struct Deps(pub(crate) Vec<Dep>);

pub(super) fn span_of(text: &str, part: &str) -> (u32, u32) {
    let start = part.as_ptr() as usize - text.as_ptr() as usize;
    (start as u32, (start + part.len()) as u32)
}

impl Deps {
    pub(super) fn push(&mut self, d: Dep) {
        self.0.push(d);
    }

    /// Whether `lex` gives every recorded answer again (for `deps` of `text`).
    #[inline(never)]
    pub(crate) fn hold(deps: &[Dep], text: &str, lex: &Lexicon) -> bool {
        let at = |a: u32, b: u32| &text[a as usize..b as usize];
        let mut key = String::new();
        deps.iter().all(|d| match d {
            Dep::NoFullNames => lex.full.is_empty(),
            Dep::NoFirst(a, b) => !lex.first.contains(&*lexicon_form(at(*a, *b))),
            Dep::NoFullKey(a, b) => {
                full_key_into(at(*a, *b), &mut key);
                !lex.full.contains_key(&key)
            }
            Dep::NoFull(a, b) => !lex.full.contains_key(at(*a, *b)),
            Dep::NoShort(a, b) => !lex.short.contains_key(&*lexicon_form(at(*a, *b))),
            Dep::Short(a, b) => lex.ordinary.is_empty() || !lex.ordinary.contains(&*lexicon_form(at(*a, *b))),
        })
    }

    /// Gives each person made of a short form in `found` (the result of the blocks of
    /// `deps`, which [hold](Deps::hold)) the person the short form means in `lex`.
    #[inline(never)]
    pub(crate) fn renew(deps: &[Dep], text: &str, lex: &Lexicon, found: &mut [Candidate]) {
        for d in deps {
            let Dep::Short(a, b) = *d else { continue };
            let range = a as usize..b as usize;
            // Candidates are sorted by start and do not overlap; the word's piece may
            // have become part of a longer name instead.
            let Ok(k) = found.binary_search_by_key(&range.start, |c| c.range.start) else {
                continue;
            };
            let c = &mut found[k];
            if let (
                true,
                Source::Person {
                    canonical,
                    strong: false,
                },
            ) = (c.range == range, &mut c.source)
            {
                *canonical = lex.short_form(&text[range]).map(str::to_string);
            }
        }
    }
}

/// The key of a full name: initials dropped, hyphens kept ("Vladimir V. Putin" →
/// "Vladimir Putin").
pub fn full_key(span: &str) -> String {
    let mut key = String::new();
    full_key_into(span, &mut key);
    key
}

/// [`full_key`] into `key` (cleared first), without an allocation when it has room.
pub(super) fn full_key_into(span: &str, key: &mut String) {
    let is_initial =
        |p: &str| p.len() <= 3 && p.ends_with('.') && p.chars().filter(|c| c.is_alphabetic()).count() == 1;
    normalise_into(span, key);
    // A name written wholly in capitals is keyed as names are written; an acronym in a
    // name ("JPL Stardust") stays.
    let in_capitals = key
        .split(' ')
        .all(|p| is_initial(p) || crate::normal::is_all_caps(p));
    if in_capitals || key.split(' ').any(is_initial) {
        let parts = key.split(' ').filter(|p| !is_initial(p));
        let parts: Vec<_> = match in_capitals {
            true => parts.map(|p| crate::normal::title_case(p).into()).collect(),
            false => parts.map(std::borrow::Cow::Borrowed).collect(),
        };
        *key = parts.join(" ");
    }
}

/// The acronym in parentheses at the start of `after` (" (TERC) opened …" → "TERC"):
/// three to eight ASCII capitals.
fn parenthesised_acronym(after: &str) -> Option<&str> {
    let inner = after.strip_prefix(" (").or_else(|| after.strip_prefix('('))?;
    let end = inner.find(')')?;
    let acronym = &inner[..end];
    is_acronym_form(acronym).then_some(acronym)
}

/// Whether `w` has the form of the acronyms the corpus defines ([`Lexicon::acronyms`]
/// holds no other): three to eight ASCII capitals. Most words are ruled out by it before
/// they are looked up.
pub(crate) fn is_acronym_form(w: &str) -> bool {
    (3..=8).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::label::Label;
    use std::ops::Range;

    #[test]
    fn renewing_gives_short_forms_the_final_lexicons_person() {
        let text = "Putin met Putin Ltd";
        let person = |range: Range<usize>, canonical: &str| Candidate {
            range,
            label: Label::Person,
            source: Source::Person {
                canonical: Some(canonical.to_string()),
                strong: false,
            },
        };
        let mut found = vec![person(0..5, "Yuri Putin"), person(10..19, "Putin Ltd")];
        let mut lex = Lexicon::default();
        lex.short
            .insert("Putin".into(), vec![("Vladimir Putin".into(), 2)]);
        // The second "Putin" became part of a longer name: its candidate stays.
        Deps::renew(&[Dep::Short(0, 5), Dep::Short(10, 15)], text, &lex, &mut found);
        assert_eq!(
            found,
            vec![person(0..5, "Vladimir Putin"), person(10..19, "Putin Ltd")]
        );
    }
}
