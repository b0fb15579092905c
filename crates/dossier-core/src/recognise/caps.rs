//! Names written in capitals that the document writes in mixed case elsewhere.
//!
//! A headline or dateline in capitals ("VELMORA PHARMACEUTICALS CUTS 200 JOBS") says
//! nothing by its capitals, and the tables ([`crate::normal::caps_name`]) know only the
//! names they list. The document itself often writes the same name in mixed case
//! ("Velmora Pharmaceuticals said …"): a run of words in capitals that matches such a
//! mention, read without case, is that name, with its label and source. Only names
//! found by firm evidence count (a table entry, a strong person cue, a head word, or two
//! or more words): a one-word guess would spread its errors. Words in capitals that
//! match nothing stay unread: they are common words ("CUTS", "JOBS"). Matching the
//! longest name first, one walk over each block's tokens: linear in the text.

use super::consistency::guessed;
use super::{Candidate, Source};
use crate::case::lower_str;
use crate::hash::FxMap;
use crate::label::Label;
use crate::normal::is_all_caps;
use crate::text::{DocTokens, Token, TokenKind};
use std::ops::Range;

/// The most words a name read in capitals has.
const MAX_WORDS: usize = 8;

/// The runs in capitals of document `text`'s blocks (their tokens in `doc`) that name a
/// mention of `found` (in text order) written in mixed case, each as a new candidate with
/// its block.
pub(crate) fn find(
    text: &str,
    found: &[Candidate],
    doc: &DocTokens,
    work: &mut usize,
) -> Vec<(usize, Candidate)> {
    let names = mixed_case_names(text, found);
    let mut out = Vec::new();
    if names.is_empty() {
        return out;
    }
    for (bi, toks) in doc.blocks().enumerate() {
        *work += toks.len() * MAX_WORDS;
        let mut i = 0;
        while i < toks.len() {
            match name_at(text, toks, i, &names, found) {
                Some((n, c)) => {
                    out.push((bi, c));
                    i += n;
                }
                None => i += 1,
            }
        }
    }
    out
}

/// The document's firm names written with a lower-case letter, by their lower-cased
/// text: the label and source they agree on (`None` where they disagree).
fn mixed_case_names(text: &str, found: &[Candidate]) -> FxMap<String, Option<(Label, Source)>> {
    let mut names: FxMap<String, Option<(Label, Source)>> = FxMap::default();
    for c in found {
        let surface = &text[c.range.clone()];
        let firm = !matches!(c.source, Source::Value) && !guessed(surface, c);
        if !firm || !surface.chars().any(char::is_lowercase) || surface.chars().count() < 3 {
            continue;
        }
        let reading = (c.label, c.source.clone());
        names
            .entry(lower_str(surface))
            .and_modify(|r| {
                if r.as_ref().is_some_and(|x| x.0 != reading.0) {
                    *r = None;
                }
            })
            .or_insert(Some(reading));
    }
    names
}

/// The longest name of `names` written in capitals from token `i` on, not overlapping a
/// mention of `found`: its token count and its candidate.
fn name_at(
    text: &str,
    toks: &[Token],
    i: usize,
    names: &FxMap<String, Option<(Label, Source)>>,
    found: &[Candidate],
) -> Option<(usize, Candidate)> {
    let caps_word = |t: &Token| t.kind == TokenKind::Word && is_all_caps(t.text(text));
    if !caps_word(&toks[i]) {
        return None;
    }
    let run = toks[i..]
        .iter()
        .take(MAX_WORDS * 2)
        .take_while(|t| caps_word(t) || (t.kind == TokenKind::Punct && t.text(text) == "."))
        .count();
    (1..=run).rev().find_map(|n| {
        let range = toks[i].start..toks[i + n - 1].end;
        if toks[i + n - 1].kind != TokenKind::Word || overlaps(found, &range) {
            return None;
        }
        let (label, source) = names.get(&lower_str(&text[range.clone()]))?.clone()?;
        Some((n, Candidate { range, label, source }))
    })
}

/// Whether `range` overlaps a mention of `found` (sorted by start, not overlapping).
fn overlaps(found: &[Candidate], range: &Range<usize>) -> bool {
    let k = found.partition_point(|c| c.range.end <= range.start);
    found.get(k).is_some_and(|c| c.range.start < range.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(range: Range<usize>, label: Label) -> Candidate {
        Candidate {
            range,
            label,
            source: Source::Composed,
        }
    }

    /// The mentions `find` adds to `text` whose `found` names are given by their text.
    fn added(text: &str, names: &[(&str, Label)]) -> Vec<(String, Label)> {
        let mut found: Vec<Candidate> = names
            .iter()
            .map(|(s, l)| {
                let at = text.find(s).expect("name in text");
                table(at..at + s.len(), *l)
            })
            .collect();
        found.sort_by_key(|c| c.range.start);
        let blocks: Vec<Range<usize>> = text
            .split('\n')
            .scan(0, |at, b| {
                let r = *at..*at + b.len();
                *at += b.len() + 1;
                Some(r)
            })
            .collect();
        let mut doc = DocTokens::default();
        doc.tokenize(text, &blocks);
        find(text, &found, &doc, &mut 0)
            .into_iter()
            .map(|(_, c)| (text[c.range].to_string(), c.label))
            .collect()
    }

    #[test]
    fn a_name_in_a_capitals_headline_is_the_name_the_document_writes_in_mixed_case() {
        let text = "ORLANDEX MARITIME SELLS TWO FERRIES TO BRISK HOLDINGS\n\
                    Orlandex Maritime said on Friday that Brisk Holdings would pay in cash.";
        let v = added(
            text,
            &[("Orlandex Maritime", Label::Org), ("Brisk Holdings", Label::Org)],
        );
        assert_eq!(
            v,
            [
                ("ORLANDEX MARITIME".to_string(), Label::Org),
                ("BRISK HOLDINGS".to_string(), Label::Org)
            ]
        );
    }

    #[test]
    fn common_words_in_capitals_and_one_word_guesses_stay_unread() {
        let text = "TALKS COLLAPSE IN PELLOR\nTalks went on in Pellor.";
        let guess = Candidate {
            range: text.rfind("Pellor").unwrap()..text.rfind("Pellor").unwrap() + 6,
            label: Label::Person,
            source: Source::Person {
                canonical: None,
                strong: false,
            },
        };
        let mut doc = DocTokens::default();
        doc.tokenize(text, &[0..24, 25..text.len()]);
        let v = find(text, &[guess], &doc, &mut 0);
        assert!(v.is_empty(), "{v:?}");
    }

    #[test]
    fn mixed_case_text_is_left_to_recognition() {
        let v = added(
            "Orlandex Maritime grew.\nOrlandex Maritime shrank.",
            &[("Orlandex Maritime", Label::Org)],
        );
        assert!(v.is_empty(), "{v:?}");
    }
}
