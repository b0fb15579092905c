//! An ordinal word that opens an event's name ("First World War", "Second Boer War",
//! "Third Kestrian Crusade"): the pieces stop before it, since "First" and "Second" are
//! also sentence adverbs ("First, the vote"), so the event found after it takes it
//! back here. Only the capitalised word joined to the name by a space counts; a
//! numbered edition ("the 22nd Harvest Games") is a count, not part of the name.
//! The numeral "I" after a name ("World War I") is also the pronoun, so no piece takes
//! it: the event takes it back here unless a verb follows it.

use super::context::Ctx;
use super::Candidate;
use crate::label::Label;
use crate::text::TokenKind;

/// Capitalised ordinal words that can open an event's name.
const ORDINALS: &[&str] = &[
    "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth",
];

/// Gives each event among `found` the ordinal word right before its name, when no other
/// mention holds that word.
pub(super) fn take_ordinals(cx: &Ctx, found: &mut [Candidate]) {
    let toks = cx.toks;
    for k in 0..found.len() {
        if found[k].label != Label::Event {
            continue;
        }
        let first = toks.partition_point(|t| t.start < found[k].range.start);
        if first == 0 || toks.get(first).is_none_or(|t| t.start != found[k].range.start) {
            continue;
        }
        let o = &toks[first - 1];
        let ordinal = o.kind == TokenKind::Word && ORDINALS.contains(&cx.w(first - 1));
        let joined = o.end + 1 == toks[first].start && cx.text.as_bytes()[o.end] == b' ';
        let taken = found
            .iter()
            .any(|c| c.range.start < o.end && o.start < c.range.end);
        if ordinal && joined && !taken {
            found[k].range.start = o.start;
        }
    }
}

/// Words that may follow a name ending in the numeral "I" ("World War I and …"): after
/// the pronoun "I" comes a verb instead.
const AFTER_NUMERAL: &[&str] = &[
    "and", "or", "in", "of", "to", "at", "on", "for", "from", "with", "by",
];

/// Gives each event among `found` a Roman "I" right after its name ("World War I"), as
/// its other numerals ("World War II") are read with it, when what follows is not the
/// verb the pronoun "I" would take: the end of the sentence, punctuation, a capital or a
/// function word.
pub(super) fn take_roman_one(cx: &Ctx, found: &mut [Candidate]) {
    let toks = cx.toks;
    for c in found.iter_mut().filter(|c| c.label == Label::Event) {
        let next = toks.partition_point(|t| t.end <= c.range.end);
        let joined = toks.get(next).is_some_and(|t| t.start == c.range.end + 1);
        if next == 0 || !joined || cx.w(next) != "I" {
            continue;
        }
        let after = next + 1;
        let ends = toks.get(after).is_none_or(|t| t.kind != TokenKind::Word)
            || cx.cap(after)
            || cx.lower_is(after, AFTER_NUMERAL);
        let free = toks
            .get(after)
            .is_none_or(|t| t.start > toks[next].end || t.kind != TokenKind::Word);
        if ends && free {
            c.range.end = toks[next].end;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::recognise::testing::found;
    use crate::Label;

    // Written for these tests, on no article of the dev set.

    #[test]
    fn an_ordinal_word_opens_a_wars_name() {
        let v = found("Her grandfather fought in the Second Marovian War and later in the First Gulf War.");
        assert!(
            v.contains(&("Second Marovian War".to_string(), Label::Event)),
            "{v:?}"
        );
        assert!(v.contains(&("First Gulf War".to_string(), Label::Event)), "{v:?}");
    }

    #[test]
    fn an_ordinal_adverb_and_a_numbered_edition_stay_out() {
        let v = found("First, Lindqvist Games officials met. The 22nd Tallow Festival opened.");
        assert!(!v.iter().any(|(t, _)| t.starts_with("First")), "{v:?}");
        assert!(
            v.contains(&("Tallow Festival".to_string(), Label::Event)),
            "{v:?}"
        );
    }

    #[test]
    fn a_roman_one_ends_an_event_unless_a_verb_follows() {
        let v = found("After the Marovian War I and the Tallow War I left the army.");
        assert!(v.contains(&("Marovian War I".to_string(), Label::Event)), "{v:?}");
        assert!(v.contains(&("Tallow War".to_string(), Label::Event)), "{v:?}");
    }
}
