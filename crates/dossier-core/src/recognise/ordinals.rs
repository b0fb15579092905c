//! An ordinal word that opens an event's name ("First World War", "Second Boer War",
//! "Third Kestrian Crusade"): the pieces stop before it, since "First" and "Second" are
//! also sentence adverbs ("First, the vote"), so the event found after it takes it
//! back here. Only the capitalised word joined to the name by a space counts; a
//! numbered edition ("the 22nd Harvest Games") is a count, not part of the name.

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
}
