//! Names a document repeats where recognition missed them: the consistency stage's
//! second half ([`super::consistency`] is the first).
//!
//! A name recognised once ("LibriVox founder Hugh McGuire", a person introduced by a
//! cue) is often written again where nothing around it says it is a name: a greeting
//! ("Hey Frank"), a list, a caption. The document itself is the evidence: the same
//! string, standing alone, is the same name. Each block is read once more, and an
//! uncovered occurrence of a recognised name's exact text becomes a mention with that
//! name's label and source (so does an occurrence of an organisation, event or facility
//! of two or more words that recognition cut into parts: the name replaces them), unless
//!
//! - the name's mentions disagree on a label, or it is a value, or it is a one-word
//!   guess (no table, cue or head word named it: its errors would spread with it) but
//!   for an organisation guessed at two mentions or more (the decision agreed with
//!   itself; a person is found again by the lexicon, a place by the tables);
//! - the occurrence is part of a longer name: a capitalised word right before or after
//!   it, or "of", "for", "and" … joining it to one ("Church of Scientology");
//! - it is glued to other text ("Lumen.org", "Lumen@home", "Lumen-based");
//! - it is one word where its capital says nothing (a sentence's first word, a block in
//!   Title Case or capitals: "Mr. Dips" made a person of a cut, "Dips in turnout …" is
//!   none), one word the document also writes in lower case (an ordinary word), or a
//!   function word.

use super::{Candidate, Source};
use crate::gazetteer::Gazetteer;
use crate::hash::{FxMap, FxSet};
use crate::label::Label;
use crate::shape::Shapes;
use crate::text::{DocTokens, Token, TokenKind};
use std::ops::Range;

/// At most this many different names are tried at one word (the longest first).
const MAX_NAMES_PER_WORD: usize = 8;

/// Where a document's capitals say something: whether each block is in Title Case (or
/// capitals), and its sentences (sorted, none crossing a block).
pub(crate) struct Capitals<'a> {
    /// Per block: written in Title Case or in capitals.
    pub title_case: &'a [bool],
    /// The sentences of all blocks.
    pub sentences: &'a [Range<usize>],
}

/// The uncovered repetitions of `found`'s names (see the module documentation), each
/// with the index of its block, in text order. `found` is sorted by position; `doc`
/// holds the document's tokens; `work` counts the tokens and names visited.
pub(crate) fn find(
    text: &str,
    layout: &Capitals,
    found: &[Candidate],
    doc: &DocTokens,
    work: &mut usize,
) -> Vec<(usize, Candidate)> {
    let g = Gazetteer::get();
    let names = names_by_first_word(text, found, g);
    if names.is_empty() {
        return Vec::new();
    }
    // Lower-case forms of the one-word names, and those the document writes so.
    let single: FxSet<String> = names
        .values()
        .flatten()
        .filter(|(s, _)| !s.contains(' '))
        .map(|(s, _)| crate::case::lower_str(s))
        .collect();
    // Most words have neither shape: ruled out without hashing them.
    let single_shapes = Shapes::new(single.iter().map(String::as_str));
    let first_shapes = Shapes::new(names.keys().copied());
    let mut lower_words: FxSet<&str> = FxSet::default();
    let mut out = Vec::new();
    let mut next = 0; // the first candidate not ending before the token looked at
    let (mut sentence, mut words_in_sentence) = (0, 0);
    for (bi, toks) in doc.blocks().enumerate() {
        *work += toks.len();
        for i in 0..toks.len() {
            let t = toks[i].text(text);
            if toks[i].kind != TokenKind::Word {
                continue;
            }
            let sentences = layout.sentences;
            while sentence < sentences.len() && sentences[sentence].end <= toks[i].start {
                (sentence, words_in_sentence) = (sentence + 1, 0);
            }
            words_in_sentence += 1;
            let capital_says_nothing = layout.title_case[bi] || words_in_sentence == 1;
            if single_shapes.admit(t) && single.contains(t) {
                lower_words.insert(t);
            }
            while next < found.len() && found[next].range.end <= toks[i].start {
                next += 1;
            }
            let free_until = found.get(next).map_or(usize::MAX, |c| c.range.start);
            let last = next.checked_sub(1).map(|k| &found[k]);
            let opener_says_nothing =
                !layout.title_case[bi] && after_bare_opener(toks, i, words_in_sentence, last);
            let Some(list) = first_shapes.admit(t).then(|| names.get(t)).flatten() else {
                continue;
            };
            *work += list.len();
            let visited = std::cell::Cell::new(0);
            let inside = |end: usize| covers_only_parts(found, next, toks[i].start, end, &visited);
            if let Some(c) = repeat_at(
                text,
                toks,
                i,
                (free_until, &inside),
                list,
                Position {
                    capital_says_nothing,
                    opener_says_nothing,
                },
                g,
            ) {
                out.push((bi, c));
            }
            *work += visited.get();
        }
    }
    let ordinary = |c: &Candidate| {
        let s = &text[c.range.clone()];
        !s.contains(' ') && lower_words.contains(crate::case::lower_str(s).as_str())
    };
    out.retain(|(_, c)| !ordinary(c));
    out
}

/// Whether token `i` is the third word of its sentence (`words` so far), after a first
/// word that no mention covers (`last`: the last mention ending before token `i`):
/// "Critics of …", "Members of …". That word's capital says nothing, so the connector
/// after it joins it to no name.
fn after_bare_opener(toks: &[Token], i: usize, words: usize, last: Option<&Candidate>) -> bool {
    words == 3 && i >= 2 && last.is_none_or(|c| c.range.end <= toks[i - 2].start)
}

/// A recognised name: its text and the mention it copies (label and source).
type Name<'t> = (&'t str, Candidate);

/// The names of `found` whose mentions agree on a label, by their first token's text,
/// longest first (at most [`MAX_NAMES_PER_WORD`] a word).
fn names_by_first_word<'t>(
    text: &'t str,
    found: &[Candidate],
    g: &Gazetteer,
) -> FxMap<&'t str, Vec<Name<'t>>> {
    let mut agreed: FxMap<&'t str, (Option<Candidate>, usize)> = FxMap::default();
    for c in found {
        if matches!(c.label, Label::Date | Label::Money | Label::Percent | Label::Norp) {
            continue;
        }
        let s = &text[c.range.clone()];
        agreed
            .entry(s)
            .and_modify(|(o, n)| {
                *n += 1;
                if o.as_ref().is_some_and(|o| o.label != c.label) {
                    *o = None;
                }
            })
            .or_insert_with(|| (Some(c.clone()), 1));
    }
    let mut by_first: FxMap<&'t str, Vec<Name<'t>>> = FxMap::default();
    for (s, (c, n)) in agreed {
        // A one-word guess is no evidence to spread: its errors would spread with it;
        // but an organisation the decision found at two mentions is the document's
        // name (people are found again by the lexicon, places by the tables).
        let spread = |c: &Candidate| !super::consistency::guessed(s, c) || c.label == Label::Org && n >= 2;
        let Some(mut c) = c.filter(spread) else {
            continue;
        };
        let first = s.split(|ch: char| !ch.is_alphanumeric()).next().unwrap_or("");
        let function = || g.is_function_word(&crate::case::lower_str(s));
        if first.is_empty() || !first.starts_with(char::is_uppercase) || function() {
            continue;
        }
        if let Source::Person { strong, .. } = &mut c.source {
            *strong = false;
        }
        by_first.entry(first).or_default().push((s, c));
    }
    for list in by_first.values_mut() {
        crate::order::sort_by(list, |a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
        list.truncate(MAX_NAMES_PER_WORD);
    }
    by_first
}

/// Whether the mentions of `found` from `next` on that start before `end` all lie inside
/// `start..end`, none the whole of it (and some do): parts of a longer name written
/// there again.
fn covers_only_parts(
    found: &[Candidate],
    next: usize,
    start: usize,
    end: usize,
    work: &std::cell::Cell<usize>,
) -> bool {
    let parts = found[next..].iter().take_while(|c| c.range.start < end);
    let mut any = false;
    for c in parts {
        work.set(work.get() + 1);
        let whole = c.range.start == start && c.range.end == end;
        if c.range.start < start || c.range.end > end || whole {
            return false;
        }
        any = true;
    }
    any
}

/// Where in its sentence a word stands, for [`repeat_at`].
#[derive(Clone, Copy)]
struct Position {
    /// The word opens its sentence, or its block is in Title Case or capitals.
    capital_says_nothing: bool,
    /// The word is the third of its sentence, after a first word no mention covers: a
    /// connector after that word ("Critics of …") joins it to no name.
    opener_says_nothing: bool,
}

/// The first of `names` (longest first) written at token `i`, ending on a token
/// boundary before byte `free_until` and standing alone: a copy of its mention there.
/// Where the token's capital says nothing (`at`), only names of two or more words count. An
/// organisation, event or facility of two or more words may also cover mentions that
/// lie wholly inside it (`inside` says so of an end): the document wrote that name whole
/// once, so its parts here ("UK" in "Zentrix UK") are that name, and the caller puts it
/// in their place.
fn repeat_at(
    text: &str,
    toks: &[Token],
    i: usize,
    (free_until, inside): (usize, &dyn Fn(usize) -> bool),
    names: &[Name],
    at: Position,
    g: &Gazetteer,
) -> Option<Candidate> {
    let start = toks[i].start;
    let after_opener = at.opener_says_nothing && i >= 2 && joining(text, &toks[i - 1], g);
    if toks[i].hyphen || (i > 0 && !after_opener && joined_before(text, toks, i, g)) {
        return None;
    }
    for (s, c) in names {
        let end = start + s.len();
        let one_word = !s.contains(' ');
        let whole = !one_word && matches!(c.label, Label::Org | Label::Event | Label::Fac);
        let free = end <= free_until || whole && inside(end);
        // An organisation the decision guessed is written with its capital everywhere:
        // at a sentence's start too, where the decision could not tell (a table's name
        // is found there by the recogniser; a cut a title made a person is no name).
        let guessed_org = c.label == Label::Org && matches!(c.source, Source::Composed);
        let capital_needed = one_word && !guessed_org;
        if !free || !text[start..].starts_with(s) || at.capital_says_nothing && capital_needed {
            continue;
        }
        // The last token of the occurrence must end where the name ends.
        let j = i + toks[i..].iter().take_while(|t| t.end < end).count();
        if toks.get(j).is_none_or(|t| t.end != end) || !stands_alone(text, toks, j, g) {
            continue;
        }
        return Some(Candidate {
            range: start..end,
            label: c.label,
            source: c.source.clone(),
        });
    }
    None
}

/// Whether `t` is a capitalised word that is no function word.
fn name_word(text: &str, t: &Token, g: &Gazetteer) -> bool {
    let w = t.text(text);
    t.kind == TokenKind::Word
        && w.starts_with(char::is_uppercase)
        && !g.is_function_word(&crate::case::lower_str(w))
}

/// Whether `t` is a function word that joins names ("of", "for", "and", "de").
fn joining(text: &str, t: &Token, g: &Gazetteer) -> bool {
    let w = t.text(text);
    t.kind == TokenKind::Word && w.starts_with(char::is_lowercase) && g.is_function_word(w)
}

/// Whether token `i` continues a longer name or word to its left.
pub(super) fn joined_before(text: &str, toks: &[Token], i: usize, g: &Gazetteer) -> bool {
    let prev = &toks[i - 1];
    if toks[i].glued && prev.kind == TokenKind::Word {
        return true;
    }
    name_word(text, prev, g) || (joining(text, prev, g) && i >= 2 && name_word(text, &toks[i - 2], g))
}

/// Whether the occurrence ending with token `j` ends there: no capitalised word, joining
/// function word before a name, joining symbol or glued text after it (a possessive and
/// closing punctuation may follow).
pub(super) fn stands_alone(text: &str, toks: &[Token], j: usize, g: &Gazetteer) -> bool {
    let Some(next) = toks.get(j + 1) else { return true };
    if next.hyphen || name_word(text, next, g) {
        return false;
    }
    if joining(text, next, g) && toks.get(j + 2).is_some_and(|t| name_word(text, t, g)) {
        return false;
    }
    // Symbols that join words into one name or address ("Lumen@home", "Lumen & Co").
    if matches!(next.text(text), "@" | "&" | "/" | "+") {
        return false;
    }
    if !next.glued {
        return true;
    }
    // Glued: only punctuation that ends a phrase (a possessive's apostrophe among it).
    let rest = &text[next.start..];
    let closing = rest.starts_with([',', ';', ':', '!', '?', ')', '"', '”', '’', '\'']);
    let full_stop = rest.starts_with('.') && rest[1..].chars().next().is_none_or(|c| !c.is_alphanumeric());
    closing || full_stop
}

#[cfg(test)]
mod tests {
    use crate::Label;

    /// Each named mention of `text` as (text, label).
    fn mentions(text: &str) -> Vec<(String, Label)> {
        let found = crate::test_support::names(text).into_iter();
        found.map(|f| (f.text, f.label)).collect()
    }

    fn count(m: &[(String, Label)], s: &str, l: Label) -> usize {
        m.iter().filter(|(t, x)| t == s && *x == l).count()
    }

    #[test]
    fn a_person_named_again_without_a_cue_is_found_again() {
        let m = mentions(
            "Choir news\n\nThe choir's conductor, Mrs Marguerite Oyelaran, said rehearsals begin soon. \
             Singers wrote to thank Marguerite Oyelaran for the season.",
        );
        assert_eq!(count(&m, "Marguerite Oyelaran", Label::Person), 2, "{m:?}");
    }

    /// The repeats `find` adds to `found` in `text` (one block), as their texts.
    fn repeats(text: &str, found: &[super::Candidate]) -> Vec<String> {
        let (mut doc, mut work) = (crate::text::DocTokens::default(), 0);
        doc.tokenize(text, std::slice::from_ref(&(0..text.len())));
        let sentences = crate::text::sentences(text, doc.all());
        let layout = super::Capitals {
            title_case: &[false],
            sentences: &sentences,
        };
        super::find(text, &layout, found, &doc, &mut work)
            .into_iter()
            .map(|(_, c)| text[c.range].to_string())
            .collect()
    }

    /// A candidate of `label` over the first `word` at or after byte `from`.
    fn at(text: &str, word: &str, from: usize, label: Label) -> super::Candidate {
        let start = from + text[from..].find(word).unwrap();
        super::Candidate {
            range: start..start + word.len(),
            label,
            source: super::Source::Table("table name"),
        }
    }

    #[test]
    fn a_repeat_inside_a_longer_name_or_glued_to_text_is_not_found() {
        let text = "Quillfoss grew. The Bank of Quillfoss, Quillfoss.com, Quillfoss@home and \
                    Quillfoss-based firms agreed; Quillfoss Rail too. We asked Quillfoss's staff.";
        let found = [at(text, "Quillfoss", 0, Label::Org)];
        assert_eq!(repeats(text, &found), ["Quillfoss"]);
        // A sentence's first word: its capital says nothing.
        let text = "We thank Quillfoss. Quillfoss grew.";
        let found = [at(text, "Quillfoss", 0, Label::Org)];
        assert!(repeats(text, &found).is_empty());
    }

    #[test]
    fn a_sentences_first_word_and_a_connector_open_no_longer_name() {
        // "Critics of …": the first word's capital says nothing.
        let text = "Quillfoss grew. Critics of Quillfoss met.";
        let found = [at(text, "Quillfoss", 0, Label::Org)];
        assert_eq!(repeats(text, &found), ["Quillfoss"]);
        // Inside a sentence "Friends of …" may be a longer name's start.
        let text = "Quillfoss grew. They met Friends of Quillfoss.";
        let found = [at(text, "Quillfoss", 0, Label::Org)];
        assert!(repeats(text, &found).is_empty());
    }

    #[test]
    fn a_one_word_guess_is_not_repeated() {
        let text = "Quillfoss grew. We thank Quillfoss.";
        let mut guess = at(text, "Quillfoss", 0, Label::Org);
        guess.source = super::Source::Composed;
        assert!(repeats(text, &[guess]).is_empty());
    }

    #[test]
    fn an_organisation_guessed_at_two_mentions_is_repeated() {
        let text = "Quillfoss grew. Quillfoss officials met. Later we thank Quillfoss.";
        let guess = |text: &str, from: usize, label: Label| super::Candidate {
            source: super::Source::Composed,
            ..at(text, "Quillfoss", from, label)
        };
        let found = [guess(text, 0, Label::Org), guess(text, 5, Label::Org)];
        assert_eq!(repeats(text, &found), ["Quillfoss"]);
        // People and places are not: the lexicon and the tables find those again.
        for label in [Label::Person, Label::Gpe] {
            assert!(repeats(text, &[guess(text, 0, label), guess(text, 5, label)]).is_empty());
        }
        // At a sentence's start too, where the decision cannot tell.
        let text = "We thank Quillfoss. Quillfoss officials met. Quillfoss grew.";
        let found = [guess(text, 0, Label::Org), guess(text, 25, Label::Org)];
        assert_eq!(repeats(text, &found), ["Quillfoss"]);
    }

    #[test]
    fn names_written_with_two_labels_are_not_repeated() {
        let text = "Ardley won. Ardley is a town. Fans love Ardley.";
        let found = [
            at(text, "Ardley", 0, Label::Org),
            at(text, "Ardley", 5, Label::Gpe),
        ];
        assert!(repeats(text, &found).is_empty());
    }

    #[test]
    fn a_word_the_document_also_writes_in_lower_case_is_not_repeated() {
        let m = mentions(
            "Garden show\n\nJudges praised Bramble Court, said organiser Ivy Marsh. \
             Bramble grows everywhere here; bramble hedges line the lanes.",
        );
        assert!(!m.iter().any(|(t, _)| t == "Bramble"), "{m:?}");
    }
}
