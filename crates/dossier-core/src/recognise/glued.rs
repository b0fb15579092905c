//! Words glued together by a scraper ("TehranIt"), split only where both halves are
//! known: camelCase glue of a function word ("It", "He", "The") after a known name. A
//! word that is itself known stays whole, and so does any other word with a capital
//! inside: names ("McDonald", "MaryAnn", "LeBron") and brands ("wikiHow", "iPad").
//! Ordinary words are never cut ("Labour" is not "Lab" + "our").

use super::lexicon::{span_of, Dep, Deps};
use super::Lexicon;
use crate::case;
use crate::gazetteer::{normalised, Gazetteer};
use crate::normal::lexicon_form;
use crate::text::{is_capitalised, Token, TokenKind};

/// Whether a word can hide a name glued to another word: it has no period or apostrophe
/// and is capitalised or has a capital inside.
fn may_hide_a_name(w: &str) -> bool {
    // Most words: a lower-case ASCII letter, then ASCII without a capital (one look at
    // each byte rules them out).
    if let Some((first, rest)) = w.as_bytes().split_first() {
        if first.is_ascii_lowercase() && !rest.iter().any(|&b| b.is_ascii_uppercase() || !b.is_ascii()) {
            return false;
        }
    }
    if let Some((first, rest)) = w.as_bytes().split_first().filter(|_| w.is_ascii()) {
        // Most words have no capital: ruled out by one look at each byte.
        return (first.is_ascii_uppercase() || rest.iter().any(u8::is_ascii_uppercase))
            && !rest.iter().any(|&b| b == b'.' || b == b'\'');
    }
    if w.bytes().any(|b| b == b'.' || b == b'\'') || (!w.is_ascii() && w.contains('’')) {
        return false;
    }
    is_capitalised(w) || w.chars().skip(1).any(char::is_uppercase)
}

/// Whether [`split_glued`] could split `w` whatever the lexicon knows: it has a
/// lower-case letter before a capital ("TehranIt"). Most words have not:
/// they need no lookup at all.
fn may_split(w: &str) -> bool {
    if w.is_ascii() {
        // The same test on bytes: a byte is a character.
        return w
            .as_bytes()
            .windows(2)
            .any(|p| p[0].is_ascii_lowercase() && p[1].is_ascii_uppercase());
    }
    may_split_by_chars(w)
}

/// [`may_split`] for any word, a character at a time.
fn may_split_by_chars(w: &str) -> bool {
    w.chars()
        .zip(w.chars().skip(1))
        .any(|(a, b)| a.is_lowercase() && b.is_uppercase())
}

fn note_unknown(deps: Option<&mut Deps>, text: &str, s: &str) {
    if let Some(deps) = deps {
        let (a, b) = span_of(text, s);
        deps.push(Dep::NoShort(a, b));
        let (a, b) = span_of(text, s.trim());
        deps.push(Dep::NoFull(a, b));
    }
}

/// Splits words glued together by a scraper where both halves are known:
/// "TehranIt" → "Tehran" + "It".
pub(super) fn split_glued(text: &str, toks: &mut Vec<Token>, lex: &Lexicon, mut deps: Option<&mut Deps>) {
    let mut i = 0;
    let mut key = String::new();
    while i < toks.len() {
        let t = toks[i];
        if t.kind != TokenKind::Word || t.end - t.start < 4 {
            i += 1;
            continue;
        }
        let w = t.text(text);
        if !may_hide_a_name(w) || !may_split(w) {
            i += 1;
            continue;
        }
        if let Some(at) = glued_cut(text, w, lex, deps.as_deref_mut(), &mut key) {
            // Not knowing the whole word mattered only because it splits.
            note_unknown(deps.as_deref_mut(), text, w);
            let second = Token {
                start: t.start + at,
                end: t.end,
                kind: TokenKind::Word,
                hyphen: false,
                glued: true,
            };
            toks[i].end = t.start + at;
            toks.insert(i + 1, second);
            i += 2;
        } else {
            i += 1;
        }
    }
}

/// Where to cut the word `w` of `text` in two, if it is two words glued together
/// ([`camel_cut`]). A word the tables or the lexicon know stays whole. Records in `deps`
/// the "not known" answers it took.
fn glued_cut(
    text: &str,
    w: &str,
    lex: &Lexicon,
    mut deps: Option<&mut Deps>,
    key: &mut String,
) -> Option<usize> {
    let g = Gazetteer::get();
    // Whether the tables or the lexicon know `s` as a name.
    let knows = |s: &str, key: &mut String| {
        g.name(normalised(s, key)).is_some_and(|k| !k.ambiguous)
            || lex.short.contains_key(&*lexicon_form(s))
            || lex.full.contains_key(s.trim())
    };
    // A word the tables or the lexicon know stays whole. That answer is not
    // recorded: a known name stays known as the lexicon grows.
    if knows(w, key) {
        return None;
    }
    // `knows`, recording a "not known" answer for pass 2: the lexicon may learn it.
    let mut known = |s: &str, key: &mut String| {
        let k = knows(s, key);
        if !k {
            note_unknown(deps.as_deref_mut(), text, s);
        }
        k
    };
    camel_cut(w, g, &mut known, key)
}

/// camelCase glue of two known halves: a capitalised function word after a `known`
/// name of three letters or more ("TehranIt"), neither with another capital inside. The
/// cut is before the capital. Any other capital inside a word is a name's own
/// ("McDonald", "MaryAnn", "DeSantis", "wikiHow").
fn camel_cut(
    w: &str,
    g: &Gazetteer,
    known: &mut impl FnMut(&str, &mut String) -> bool,
    key: &mut String,
) -> Option<usize> {
    let at = w
        .char_indices()
        .zip(w.chars().skip(1))
        .find(|&((_, a), b)| a.is_lowercase() && b.is_uppercase())
        .map(|((i, a), _)| i + a.len_utf8())?;
    let (left, right) = w.split_at(at);
    if left.chars().count() < 3 || right.chars().skip(1).any(|c| !c.is_lowercase()) {
        return None;
    }
    if !g.is_function_word(&case::lower_str(right)) {
        return None;
    }
    (is_capitalised(left) && !left.chars().skip(1).any(char::is_uppercase) && known(left, key)).then_some(at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::label::Label;
    use crate::recognise::testing::{found, has};
    use crate::text::tokenize;

    /// The words of `text` after [`split_glued`] with an empty lexicon.
    fn split_words(text: &str) -> Vec<&str> {
        let mut toks = tokenize(text, 0..text.len());
        split_glued(text, &mut toks, &Lexicon::default(), None);
        toks.iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn words_that_may_hide_a_name_have_a_capital_and_no_period_or_apostrophe() {
        for w in ["Osloand", "harbourShe", "OsloIt", "Über", "mcÉire"] {
            assert!(may_hide_a_name(w), "{w}");
        }
        for w in ["harbour", "U.K.", "O'Neill", "über", "Won’t"] {
            assert!(!may_hide_a_name(w), "{w}");
        }
    }

    #[test]
    fn the_split_test_on_bytes_agrees_with_the_one_on_characters() {
        for w in [
            "harbourShe",
            "OsloIt",
            "harbour",
            "Norway",
            "OSLO",
            "iPad",
            "wikiHow",
            "harbourShe",
            "a1B",
            "Ab",
            "A",
            "",
            "McKenzie",
            "DeAngelo",
            "Abc1",
            "Abcdefghijklmnopqrstuvwxyz",
            "Lisbonand",
        ] {
            assert_eq!(may_split(w), may_split_by_chars(w), "{w}");
        }
    }

    #[test]
    fn a_function_word_glued_to_a_known_place_is_cut_off() {
        assert_eq!(
            split_words("The ferry left OsloIt was late"),
            ["The", "ferry", "left", "Oslo", "It", "was", "late"]
        );
        let v = found("The ferry left OsloIt was late");
        assert!(has(&v, "Oslo", Label::Gpe), "{v:?}");
    }

    #[test]
    fn ordinary_words_and_names_with_a_capital_inside_stay_whole() {
        for w in [
            "Labour",
            "Boswell",
            "Kingston",
            "Whitehall",
            "Lisbonand",
            "McKenzie",
            "MaryAnn",
            "DeAngelo",
            "LeBron",
            "MacArthur",
            "iPad",
            "wikiHow",
            "harbourShe",
            "JoAn",
            "eBay",
        ] {
            assert_eq!(split_words(w), [w], "{w}");
        }
    }
}
