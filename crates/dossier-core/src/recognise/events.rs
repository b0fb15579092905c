//! Events a document names in one word, known by where it writes them.
//!
//! A one-word event ("the Hajj", "the Kumbh", "the Games") looks like a place, a team or
//! a person by its letters, and one mention says little. The whole document says more:
//! a word it writes alone after a determiner (people's names take no article) and where
//! an event's name stands ("during the …", "the 1991 …", "… pilgrims": the
//! [`EVENT_CONTEXT`] of [`DocEvidence`]), never in lower case, never after a title, by a
//! verb of saying or where an organisation's name stands, and that no table names, is an
//! event's name ([`EventWords`]). Two pieces of evidence, each general, that a place or
//! a person rarely has together.
//!
//! Its one-word guesses take that label ([`EventWords::relabel`], part of the
//! consistency stage), and its occurrences that no mention covers are found ([`find`],
//! a stage of the second pass) where the word stands alone (no capitalised or joining
//! word next to it) and its capital says something (not a sentence's first word, not a
//! Title Case headline).
//!
//! [`EVENT_CONTEXT`]: crate::decide::evidence::EVENT_CONTEXT

use super::repeats::Capitals;
use super::{Candidate, Source};
use crate::decide::evidence::{DETERMINED, EVENT_CONTEXT, LOWER, ORG_CONTEXT, SAID, TITLED};
use crate::decide::DocEvidence;
use crate::gazetteer::{normalise_into, Gazetteer};
use crate::hash::FxSet;
use crate::label::Label;
use crate::text::{is_capitalised, lower_into, DocTokens, Token, TokenKind};

/// The words (lower case) a document writes as one-word events.
#[derive(Debug, Default)]
pub(crate) struct EventWords(FxSet<String>);

impl EventWords {
    /// The event words of the document `text` whose tokens are `toks`, `ev` its evidence.
    pub(crate) fn of(text: &str, toks: &[Token], ev: &mut DocEvidence) -> EventWords {
        ev.index_tokens(text, toks);
        let g = Gazetteer::get();
        let (mut words, mut key, mut lower) = (FxSet::default(), String::new(), String::new());
        for t in toks {
            let w = t.text(text);
            if t.kind != TokenKind::Word || !is_capitalised(w) {
                continue;
            }
            lower_into(w, &mut lower);
            if words.contains(lower.as_str()) || !is_event_word(ev.of_lower(&lower).bits) {
                continue;
            }
            normalise_into(w, &mut key);
            let known = g.name(&key).is_some() || g.place_named(&key).is_some();
            if !known && !g.is_function_word(&lower) && g.given(w).is_none() {
                words.insert(lower.clone());
            }
        }
        EventWords(words)
    }

    /// Whether the document writes `word` (any case) as a one-word event.
    fn holds(&self, word: &str, lower: &mut String) -> bool {
        !self.0.is_empty() && {
            lower_into(word, lower);
            self.0.contains(lower.as_str())
        }
    }

    /// Makes each one-word guess among `found` (mentions of `text`) that is an event word
    /// an event.
    pub(crate) fn relabel(&self, text: &str, found: &mut [Candidate]) {
        let mut lower = String::new();
        for c in found.iter_mut() {
            let s = &text[c.range.clone()];
            let guess = !matches!(
                c.label,
                Label::Event | Label::Date | Label::Money | Label::Percent
            ) && super::consistency::guessed(s, c);
            if guess && self.holds(s, &mut lower) {
                c.label = Label::Event;
                c.source = Source::Composed;
            }
        }
    }
}

/// Whether the document's evidence `bits` for a word make it an event's name (see the
/// module documentation).
fn is_event_word(bits: u16) -> bool {
    let needed = DETERMINED | EVENT_CONTEXT;
    bits & needed == needed && bits & (LOWER | TITLED | SAID | ORG_CONTEXT) == 0
}

/// The occurrences of the document's event `words` that no mention of `found` (in text
/// order) covers, as events, each with its block; `doc` holds the document's tokens,
/// `work` counts the tokens visited.
pub(crate) fn find(
    text: &str,
    layout: &Capitals,
    words: &EventWords,
    found: &[Candidate],
    doc: &DocTokens,
    work: &mut usize,
) -> Vec<(usize, Candidate)> {
    if words.0.is_empty() {
        return Vec::new();
    }
    let g = Gazetteer::get();
    let (mut out, mut lower) = (Vec::new(), String::new());
    let mut next = 0; // the first mention not ending before the token looked at
    let (mut sentence, mut words_in_sentence) = (0, 0);
    for (bi, toks) in doc.blocks().enumerate() {
        *work += toks.len();
        for (i, t) in toks.iter().enumerate() {
            if t.kind != TokenKind::Word {
                continue;
            }
            let sentences = layout.sentences;
            while sentence < sentences.len() && sentences[sentence].end <= t.start {
                (sentence, words_in_sentence) = (sentence + 1, 0);
            }
            words_in_sentence += 1;
            while next < found.len() && found[next].range.end <= t.start {
                next += 1;
            }
            let covered = found.get(next).is_some_and(|c| c.range.start < t.end);
            let capital_says_nothing = layout.title_case[bi] || words_in_sentence == 1;
            if covered || capital_says_nothing || !words.holds(t.text(text), &mut lower) {
                continue;
            }
            if !standing_alone(text, toks, i, g) {
                continue;
            }
            let c = Candidate {
                range: t.start..t.end,
                label: Label::Event,
                source: Source::Composed,
            };
            out.push((bi, c));
        }
    }
    out
}

/// Whether token `i` stands alone: no capitalised or joining word next to it, nothing
/// glued to it ([`super::repeats`]'s test, both ways).
fn standing_alone(text: &str, toks: &[Token], i: usize, g: &Gazetteer) -> bool {
    !toks[i].hyphen
        && (i == 0 || !super::repeats::joined_before(text, toks, i, g))
        && super::repeats::stands_alone(text, toks, i, g)
}

#[cfg(test)]
mod tests {
    use crate::Label;

    /// Each named mention of `text` as (text, label).
    fn mentions(text: &str) -> Vec<(String, Label)> {
        let found = crate::test_support::names(text).into_iter();
        found.map(|f| (f.text, f.label)).collect()
    }

    #[test]
    fn a_word_written_as_an_event_is_one_wherever_it_stands_alone() {
        // Written for this test: an event no table knows, in its document's words.
        let m = mentions(
            "River festival\n\nThousands of pilgrims bathed in the river during the Kumbh this \
             week. Officials said the 1954 Kumbh was the deadliest, when crowds broke a \
             barrier. Stalls near the ghats sold food to Kumbh pilgrims, and the final rites \
             of the Kumbh ended on Sunday.",
        );
        let events = m
            .iter()
            .filter(|(t, l)| t == "Kumbh" && *l == Label::Event)
            .count();
        assert_eq!(events, 4, "{m:?}");
        assert!(
            !m.iter().any(|(t, l)| t == "Kumbh" && *l != Label::Event),
            "{m:?}"
        );
    }

    #[test]
    fn a_person_or_a_word_in_lower_case_is_no_event() {
        // A person after "during" has no article; an ordinary word is also in lower case.
        let m = mentions(
            "Talks\n\nThe minister spoke during Ravenna's visit, and Ravenna said the talks \
             went well. The Harvest drew crowds before the harvest parade; the Harvest ended.",
        );
        assert!(!m.iter().any(|(_, l)| *l == Label::Event), "{m:?}");
    }
}
