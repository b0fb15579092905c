//! Words glued together by a scraper ("Putinafter", "TehranIt", "officeHe"), split when
//! one part is a known name and the other a function word or a capitalised word.

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
/// lower-case letter before a capital ("TehranIt", "officeHe"), or is capitalised, in
/// lower case after its first letter and ends in a function word after its third
/// letter ("Putinafter"). Most words are neither: they need no lookup at all.
fn may_split(w: &str, g: &Gazetteer) -> bool {
    if w.is_ascii() {
        // The same tests on bytes: a byte is a character.
        let b = w.as_bytes();
        if b.windows(2)
            .any(|p| p[0].is_ascii_lowercase() && p[1].is_ascii_uppercase())
        {
            return true;
        }
        if !b.first().is_some_and(u8::is_ascii_uppercase) || !b[1..].iter().all(u8::is_ascii_lowercase) {
            return false;
        }
        return (3..b.len().saturating_sub(1))
            .rev()
            .take_while(|&at| b.len() - at <= g.stop_max_len())
            .any(|at| g.is_function_word(&w[at..]));
    }
    may_split_by_chars(w, g)
}

/// [`may_split`] for any word, a character at a time.
fn may_split_by_chars(w: &str, g: &Gazetteer) -> bool {
    let camel = w
        .chars()
        .zip(w.chars().skip(1))
        .any(|(a, b)| a.is_lowercase() && b.is_uppercase());
    if camel {
        return true;
    }
    if !is_capitalised(w) || !w.chars().skip(1).all(char::is_lowercase) {
        return false;
    }
    // The cuts of `split_glued`, from its last but one character down to its third.
    let n = w.chars().count();
    (0..n)
        .rev()
        .zip(w.char_indices().rev())
        .skip(1)
        .take_while(|&(k, (at, _))| k >= 3 && w.len() - at <= g.stop_max_len())
        .any(|(_, (at, _))| g.is_function_word(&w[at..]))
}

fn note_unknown(deps: Option<&mut Deps>, text: &str, s: &str) {
    if let Some(deps) = deps {
        let (a, b) = span_of(text, s);
        deps.push(Dep::NoShort(a, b));
        let (a, b) = span_of(text, s.trim());
        deps.push(Dep::NoFull(a, b));
    }
}

/// Splits words glued together by a scraper when one part is a known name:
/// "Putinafter" → "Putin" + "after", "TehranIt" → "Tehran" + "It", "officeHe" → "office" + "He".
pub(super) fn split_glued(text: &str, toks: &mut Vec<Token>, lex: &Lexicon, mut deps: Option<&mut Deps>) {
    let g = Gazetteer::get();
    let mut i = 0;
    let mut key = String::new();
    while i < toks.len() {
        let t = toks[i];
        if t.kind != TokenKind::Word || t.end - t.start < 4 {
            i += 1;
            continue;
        }
        let w = t.text(text);
        if !may_hide_a_name(w) || !may_split(w, g) {
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

/// Where to cut the word `w` of `text` in two, if it is two words glued together and
/// one of them a known name: a camelCase cut ([`camel_cut`]) or a known name before a
/// function word ([`function_word_cut`]). A word the tables or the lexicon know stays
/// whole. Records in `deps` the "not known" answers it took.
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
    let mut split_at = camel_cut(w, g, &mut known, key);
    if split_at.is_none() && is_capitalised(w) && w.chars().skip(1).all(char::is_lowercase) {
        split_at = function_word_cut(w, g, &mut known, key);
    }
    split_at
}

/// camelCase, a lower-case letter then a capital ("TehranIt", "officeHe"): the cut
/// before the first capital after a lower-case letter, when the right part is a
/// function word or the left a `known` name of two letters or more.
fn camel_cut(
    w: &str,
    g: &Gazetteer,
    known: &mut impl FnMut(&str, &mut String) -> bool,
    key: &mut String,
) -> Option<usize> {
    let mut split_at = None;
    let mut prev_lower = false;
    for (at, c) in w.char_indices() {
        if prev_lower && c.is_uppercase() {
            let (left, right) = w.split_at(at);
            let right_lower = case::lower_str(right);
            let right_fn = g.stop(&right_lower).is_some_and(|s| s == "function");
            if left.chars().count() >= 2 && (right_fn || (is_capitalised(left) && known(left, key))) {
                split_at = Some(at);
            }
            break;
        }
        prev_lower = c.is_lowercase();
    }
    split_at
}

/// A `known` name glued to a lower-case function word: "Putinafter". The word is cut
/// before its character k, for k from its last but one down to 3; a function word is
/// short, so only the last few cuts need a look.
fn function_word_cut(
    w: &str,
    g: &Gazetteer,
    known: &mut impl FnMut(&str, &mut String) -> bool,
    key: &mut String,
) -> Option<usize> {
    let n = w.chars().count();
    for (k, (at, _)) in (0..n).rev().zip(w.char_indices().rev()) {
        if k + 1 >= n {
            continue;
        }
        if k < 3 || w.len() - at > g.stop_max_len() {
            break;
        }
        if g.is_function_word(&w[at..]) && known(&w[..at], key) {
            return Some(at);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::label::Label;
    use crate::recognise::testing::{found_with, has};
    use crate::recognise::{recognise_block, Lexicon};

    #[test]
    fn words_that_may_hide_a_name_have_a_capital_and_no_period_or_apostrophe() {
        for w in ["Putinafter", "officeHe", "TehranIt", "Über", "mcÉire"] {
            assert!(may_hide_a_name(w), "{w}");
        }
        for w in ["office", "U.S.", "O'Brien", "über", "Don’t"] {
            assert!(!may_hide_a_name(w), "{w}");
        }
    }

    #[test]
    fn the_split_test_on_bytes_agrees_with_the_one_on_characters() {
        let g = Gazetteer::get();
        for w in [
            "Putinafter",
            "officeHe",
            "TehranIt",
            "office",
            "Russia",
            "Moscowand",
            "MOSCOW",
            "iPhone",
            "a1B",
            "Ab",
            "A",
            "",
            "Berlinthe",
            "Kyivinto",
            "McDonald",
            "DeSantis",
            "Parisof",
            "Romeit",
            "Abc1",
            "Abcdefghijklmnopqrstuvwxyz",
            "Thethe",
            "Andand",
            "Xiand",
            "Gazawith",
        ] {
            assert_eq!(may_split(w, g), may_split_by_chars(w, g), "{w}");
        }
    }

    #[test]
    fn known_surnames_are_found_alone_and_glued() {
        let mut lex = Lexicon::default();
        let text = "Vladimir Putin";
        let c = recognise_block(text, 0..text.len(), &lex, false);
        lex.learn(text, 0, &c);
        let v = found_with(
            "Like Putinafter Rewriting rules, Putin spoke. This is TehranIt enjoys",
            &lex,
        );
        assert_eq!(
            v.iter()
                .filter(|(t, l)| t == "Putin" && *l == Label::Person)
                .count(),
            2,
            "{v:?}"
        );
        assert!(has(&v, "Tehran", Label::Gpe), "{v:?}");
    }
}
