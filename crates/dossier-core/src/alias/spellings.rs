//! Names one document writes two ways, one letter apart: a misspelling ("Nothern Ireland"
//! beside "Northern Ireland", "Chatnam Islands" beside "Chatham Islands") or a
//! transliteration ("Esfahan" and "Isfahan", "Tåsinge" and "Taasinge", "Vergil" and
//! "Virgil").
//!
//! Two names of one label in one document are one name when, written alike (small
//! letters, accents folded, spaces and punctuation left out, as the grouping's fold of
//! names written alike reads them), one becomes the other by one letter added, dropped, changed or two
//! letters swapped. The evidence is weak, so the rule is narrow: five letters at least
//! (six for a changed letter), no digits ("A64" is no "A65"), no acronyms ("NSA" is no
//! "NSC"), no plural ("Chatham Island" is one of the "Chatham Islands"), a person's
//! forms begin with the same letter, and two names the tables both know stay apart
//! ("Gambia" and "Zambia"). A form one letter from two names joins
//! neither. The name that joins the other is the one the tables do not know, else the
//! one written fewer times, else the one written later. A person's one-word name is also
//! read against the surnames of the people the document names in full ("Tolley" for
//! "Kathryn Tolleys").
//!
//! Linear in the document's distinct names and their letters: each name is filed under
//! itself and each form with one letter dropped, and two names one edit apart always
//! share one of those.
//!
//! ```
//! use dossier_core::alias::spellings::one_edit_apart;
//! assert!(one_edit_apart("nothernireland", "northernireland"));
//! assert!(one_edit_apart("mauer", "maurer"));
//! assert!(!one_edit_apart("austria", "australia"));
//! ```

use super::forms::{acronym_shaped, Target};
use crate::hash::FxMap as HashMap;
use crate::label::Label;

/// The fewest letters a name written alike has for a letter added, dropped or swapped.
const MIN_LETTERS: usize = 5;

/// The fewest letters for a changed letter ("Vergil", "Virgil"; not "Jonas", "Jones").
const MIN_CHANGED: usize = 6;

/// The most letters a name is read with (longer names are left alone).
const MAX_LETTERS: usize = 40;

/// One name of the document: its label, folded letters, target and evidence.
struct Name {
    label: Label,
    letters: Vec<char>,
    target: Target,
    /// Mentions written so in the document.
    count: usize,
    /// The tables or the lexicon gave its key.
    settled: bool,
    /// A person's surname read off a full name (it only receives, never joins).
    surname: bool,
}

/// The names of one document and, for each, the one name it is another spelling of.
#[derive(Default)]
pub(super) struct Spellings {
    names: Vec<Name>,
    /// (label, key number) → position in `names`.
    index: HashMap<(Label, usize), usize>,
}

impl Spellings {
    /// Counts a mention of `t` whose key is `key`; `settled` when the key is settled
    /// evidence. Keys that cannot be misspellings by the rules above are left out.
    pub fn add(&mut self, key: &str, t: Target, settled: bool) {
        if let Some(&k) = self.index.get(&(t.label, t.id)) {
            self.names[k].count += 1;
            self.names[k].settled |= settled;
            return;
        }
        let Some(own) = letters(key) else { return };
        self.index.insert((t.label, t.id), self.names.len());
        self.names.push(Name {
            label: t.label,
            letters: own,
            target: t,
            count: 1,
            settled,
            surname: false,
        });
        // A person written in full: the surname is a spelling a one-word name may have.
        if t.label == Label::Person && key.contains(' ') {
            let surname = key.rsplit(' ').next().and_then(letters);
            if let Some(last) = surname {
                self.names.push(Name {
                    label: t.label,
                    letters: last,
                    target: t,
                    count: 1,
                    settled: true,
                    surname: true,
                });
            }
        }
    }

    /// For each name that is another spelling of one other name, the target it joins
    /// (keyed by label and key number); the steps taken are added to `work`.
    pub fn joins(&self, work: &mut usize) -> HashMap<(Label, usize), Target> {
        if self.names.iter().all(|n| n.surname || n.settled) {
            return HashMap::default();
        }
        // Each form's names, in order, as a list through `filed`: (name, next entry).
        let forms = self.names.iter().map(|n| n.letters.len() + 1).sum();
        let mut filed: Vec<(usize, usize)> = Vec::with_capacity(forms);
        // (label, form) → its first and last entries in `filed`.
        let mut lists: HashMap<(Label, Form), (usize, usize)> = HashMap::default();
        lists.reserve(forms);
        for (k, n) in self.names.iter().enumerate() {
            for form in dropped(&n.letters) {
                *work += 1;
                let e = filed.len();
                filed.push((k, NONE));
                let list = lists.entry((n.label, form)).or_insert((e, e));
                if list.1 != e {
                    filed[list.1].1 = e;
                    list.1 = e;
                }
            }
        }
        let mut out = HashMap::default();
        for (k, n) in self.names.iter().enumerate() {
            // A known name never joins another: only the others are looked up.
            if n.surname || n.settled {
                continue;
            }
            let mut other: Option<usize> = None;
            let mut many = false;
            for form in dropped(&n.letters) {
                let mut e = lists.get(&(n.label, form)).map_or(NONE, |&(first, _)| first);
                while e != NONE {
                    let o = filed[e].0;
                    e = filed[e].1;
                    *work += 1;
                    let m = &self.names[o];
                    if m.target == n.target || other.is_some_and(|p| self.names[p].target == m.target) {
                        continue;
                    }
                    if self.alike(n, m) {
                        many |= other.is_some();
                        other = Some(o);
                    }
                }
            }
            if let Some(o) = other.filter(|_| !many) {
                if self.joins_onto(n, &self.names[o], k, o) {
                    out.insert((n.label, n.target.id), self.names[o].target);
                }
            }
        }
        out
    }

    /// Whether `a` and `b` are spelled one edit apart by the rules of the module.
    fn alike(&self, a: &Name, b: &Name) -> bool {
        if a.settled && b.settled && !b.surname {
            return false;
        }
        if a.label == Label::Person && a.letters.first() != b.letters.first() {
            return false;
        }
        let changed = a.letters.len() == b.letters.len();
        (!changed || a.letters.len() >= MIN_CHANGED)
            && (b.surname || !plural(&a.letters, &b.letters))
            && one_edit(&a.letters, &b.letters)
    }

    /// Whether name `a` (at `ka`) joins name `b` (at `kb`), not the other way round.
    fn joins_onto(&self, a: &Name, b: &Name, ka: usize, kb: usize) -> bool {
        if b.surname {
            return !a.settled;
        }
        match (a.settled, b.settled) {
            (false, true) => true,
            (true, false) => false,
            _ => a.count < b.count || (a.count == b.count && ka > kb),
        }
    }
}

/// `key` written alike, when it may be a misspelling: letters only (no digits), not an
/// acronym, between [`MIN_LETTERS`] and [`MAX_LETTERS`] letters.
fn letters(key: &str) -> Option<Vec<char>> {
    if key.chars().any(|c| c.is_ascii_digit()) || key.split(' ').any(acronym_shaped) {
        return None;
    }
    let folded = super::written_alike(key)?;
    // Room for every character at once: a filter's collect would grow the vector.
    let mut letters = Vec::with_capacity(folded.len());
    letters.extend(folded.chars().filter(|c| c.is_alphabetic()));
    (MIN_LETTERS..=MAX_LETTERS)
        .contains(&letters.len())
        .then_some(letters)
}

/// Whether one of `a` and `b` is the other with an "s" after it: a plural names
/// something else ("Chatham Island" is one island of the "Chatham Islands").
fn plural(a: &[char], b: &[char]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    long.len() == short.len() + 1 && long.starts_with(short) && long.last() == Some(&'s')
}

/// The end of a list of entries ([`Spellings::joins`]).
const NONE: usize = usize::MAX;

/// A name's letters, or all but one of them, borrowed: a key of [`Spellings::joins`]
/// that copies no letters.
#[derive(Debug, Clone, Copy)]
struct Form<'a> {
    letters: &'a [char],
    /// The letter left out, if one is.
    skip: Option<usize>,
}

impl Form<'_> {
    fn len(&self) -> usize {
        self.letters.len() - usize::from(self.skip.is_some())
    }

    fn chars(&self) -> impl Iterator<Item = char> + '_ {
        let skip = self.skip;
        (self.letters.iter().enumerate())
            .filter(move |&(i, _)| Some(i) != skip)
            .map(|(_, &c)| c)
    }
}

impl PartialEq for Form<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.chars().eq(other.chars())
    }
}

impl Eq for Form<'_> {}

impl std::hash::Hash for Form<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_usize(self.len());
        for c in self.chars() {
            state.write_u32(u32::from(c));
        }
    }
}

/// `letters` itself, then each form with one letter dropped.
fn dropped(letters: &[char]) -> impl Iterator<Item = Form<'_>> {
    let one = |skip| Form { letters, skip };
    std::iter::once(one(None)).chain((0..letters.len()).map(move |k| one(Some(k))))
}

/// Whether `a` becomes `b` by one letter added, dropped or changed, or two neighbouring
/// letters swapped (and `a` is not `b`).
fn one_edit(a: &[char], b: &[char]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let start = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    match long.len() - short.len() {
        0 if start == short.len() => false,
        0 => {
            let same_after = |from: usize| short[from..] == long[from..];
            let swapped = start + 1 < short.len()
                && short[start] == long[start + 1]
                && short[start + 1] == long[start]
                && same_after(start + 2);
            swapped || same_after(start + 1)
        }
        1 => short[start..] == long[start + 1..],
        _ => false,
    }
}

/// Whether one of two names as written alike becomes the other by one letter added,
/// dropped or changed, or two neighbouring letters swapped: the check the module makes.
pub fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    one_edit(&a, &b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(label: Label, id: usize) -> Target {
        Target {
            label,
            id,
            shown_by: id,
        }
    }

    fn joined(names: &[(&str, Label, bool)]) -> HashMap<(Label, usize), Target> {
        let mut s = Spellings::default();
        for &(key, label, settled) in names {
            // A name written twice is one key: the position of its first writing.
            let id = names
                .iter()
                .position(|&(k, l, _)| (k, l) == (key, label))
                .unwrap();
            s.add(key, t(label, id), settled);
        }
        s.joins(&mut 0)
    }

    #[test]
    fn one_edit_is_one_letter_added_dropped_changed_or_swapped() {
        for (a, b) in [
            ("untied", "united"),
            ("mauer", "maurer"),
            ("vergil", "virgil"),
            ("tasinge", "taasinge"),
        ] {
            assert!(one_edit_apart(a, b), "{a} / {b}");
            assert!(one_edit_apart(b, a), "{b} / {a}");
        }
        for (a, b) in [
            ("austria", "australia"),
            ("united", "united"),
            ("unitde", "untied"),
        ] {
            assert!(!one_edit_apart(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn a_name_misspelt_once_joins_the_name_written_more_often() {
        let j = joined(&[
            ("Koravan Islands", Label::Loc, false),
            ("Koravan Islands", Label::Loc, false),
            ("Koravam Islands", Label::Loc, false),
            ("Untied Federation", Label::Org, false),
            ("United Federation", Label::Org, true),
        ]);
        assert_eq!(j.get(&(Label::Loc, 2)).map(|t| t.id), Some(0));
        assert_eq!(j.get(&(Label::Org, 3)).map(|t| t.id), Some(4), "the known name");
        assert!(!j.contains_key(&(Label::Org, 4)));
    }

    #[test]
    fn names_one_letter_apart_stay_two_where_the_rules_say_so() {
        let j = joined(&[
            ("Gambia", Label::Gpe, true),
            ("Zambia", Label::Gpe, true),
            ("Jonas", Label::Person, false),
            ("Jones", Label::Person, false),
            ("Route A64", Label::Fac, false),
            ("Route A65", Label::Fac, false),
            ("Brennor", Label::Org, false),
            ("Brennor", Label::Gpe, false),
            ("Osmark", Label::Person, false),
            ("Usmark", Label::Person, false),
            ("Pellow Island", Label::Loc, false),
            ("Pellow Islands", Label::Loc, false),
        ]);
        assert!(j.is_empty(), "{j:?}");
        let k = joined(&[
            ("Brandel", Label::Gpe, false),
            ("Brandell", Label::Gpe, false),
            ("Brandle", Label::Gpe, false),
        ]);
        assert!(!k.contains_key(&(Label::Gpe, 0)), "two names one letter away");
    }

    #[test]
    fn a_one_word_person_misspelt_joins_the_person_with_that_surname() {
        let j = joined(&[
            ("Kathryn Tolleys", Label::Person, true),
            ("Tolley", Label::Person, false),
        ]);
        assert_eq!(j.get(&(Label::Person, 1)).map(|t| t.id), Some(0));
    }
}
