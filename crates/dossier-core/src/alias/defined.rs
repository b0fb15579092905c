//! Definitions in parentheses: which written name an acronym in parentheses defines.
//!
//! "Full Name (ACR)" links the acronym to the name before it when its letters agree.
//! Two things make the plain check miss: recognition may have found only part of the
//! name ("Guard" of "Velmoran People's Guard \[VPG\]", "League of Tidal Farmers" of
//! "… and Fishers (LTFF)"), and an acronym of a name in another language spells the
//! English name's initials in another order ("FTL (Lusovian Tidal Federation)").
//! [`around`] reads the name as written around the mention, up to the parenthesis;
//! [`initials_agree`] accepts initials in any order, for a definition only.
//!
//! ```
//! use dossier_core::alias::defined::{around, initials_agree};
//! let text = "the Velmoran People's Guard [VPG] moved";
//! let guard = text.find("Guard").unwrap();
//! let vpg = text.find("VPG").unwrap();
//! let name = around(text, guard..guard + 5, vpg..vpg + 3).unwrap();
//! assert_eq!(&text[name], "Velmoran People's Guard");
//! assert!(initials_agree("FTL", "Lusovian Tidal Federation"));
//! assert!(!initials_agree("FTL", "Lusovian Harbour Federation"));
//! ```

use std::ops::Range;

/// The most words either side of a mention taken into the name it is written in.
const MAX_EXTRA_WORDS: usize = 4;

/// Small words a name may hold between its capitalised words ("Union of …", "… and
/// Fishers"), in the languages whose names English news quotes.
const CONNECTORS: &[&str] = &[
    "of", "and", "for", "the", "on", "in", "&", "de", "des", "du", "la", "le", "et", "di", "del", "della",
    "y", "der", "für", "und",
];

/// When the mention at `next` is written in parentheses or brackets right after the
/// mention at `previous`, possibly with words of the same name between ("Union of
/// Tidal Farmers and Fishers (LTFF)"): the name as written, `previous`
/// widened back over the capitalised words right before it and on over those words.
/// `None` when `next` is not in parentheses after `previous`.
pub fn around(text: &str, previous: Range<usize>, next: Range<usize>) -> Option<Range<usize>> {
    if previous.end > next.start {
        return None;
    }
    let between = without_code_system(&text[previous.end..next.start]);
    let after = &text[next.end..];
    let (continuation, close) = if let Some(c) = between.trim_end().strip_suffix('(') {
        (c, ')')
    } else {
        (between.trim_end().strip_suffix('[')?, ']')
    };
    if !after.starts_with(close) {
        return None;
    }
    let words: Vec<&str> = continuation.split_whitespace().collect();
    let continues = |w: &&str| capitalised(w) || CONNECTORS.contains(w);
    if words.len() > MAX_EXTRA_WORDS
        || !words.iter().all(continues)
        || words.last().is_some_and(|w| !capitalised(w))
    {
        return None;
    }
    let end = previous.end + continuation.trim_end().len();
    Some(start_back(text, previous.start)..end)
}

/// `between` without the name of a system of codes that opens the parenthesis, as an
/// airport's or a share's code is written: "(IATA: VHA)", "(NYSE: ACH)". The name is
/// one word in capitals, two to six letters, then a colon.
fn without_code_system(between: &str) -> &str {
    let Some(rest) = between.trim_end().strip_suffix(':') else {
        return between;
    };
    let word_start = rest.len() - rest.chars().rev().take_while(char::is_ascii_uppercase).count();
    let system = &rest[word_start..];
    let opens = rest[..word_start].ends_with('(') || rest[..word_start].ends_with('[');
    match (2..=6).contains(&system.len()) && opens {
        true => &rest[..word_start],
        false => between,
    }
}

/// Where the run of capitalised words written right before byte `start` begins (at
/// most [`MAX_EXTRA_WORDS`], in one sentence: "Velmoran People's " before "Guard").
fn start_back(text: &str, start: usize) -> usize {
    let mut begin = start;
    for _ in 0..MAX_EXTRA_WORDS {
        let before = &text[..begin];
        let trimmed = before.trim_end_matches(' ');
        if trimmed.len() == before.len() || trimmed.is_empty() {
            break;
        }
        let word_start = trimmed
            .rfind(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '.')))
            .map_or(0, |p| p + trimmed[p..].chars().next().map_or(1, char::len_utf8));
        let word = &trimmed[word_start..];
        if !capitalised(word) || word.ends_with('.') {
            break;
        }
        begin = word_start;
    }
    begin
}

/// Whether `w` begins with a capital letter.
fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// The initials of the capitalised words of `name` (small words skipped), upper case.
fn initials(name: &str) -> Vec<char> {
    name.split_whitespace()
        .filter(|w| capitalised(w))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Whether `acronym` is made of the initials of the capitalised words of `name`, in
/// their order ("VPG", "Velmoran People's Guard") or, with three letters or more, in
/// another ("FLTF", "League of Tidal Farmers and Fishers": an acronym of the
/// name in its own language). Only for a definition: anywhere else a permutation is
/// too weak a link.
pub fn initials_agree(acronym: &str, name: &str) -> bool {
    let letters: Vec<char> = acronym
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect();
    let mut spelled = initials(name);
    if letters.len() < 2 || letters.len() != spelled.len() {
        return false;
    }
    if letters == spelled {
        return true;
    }
    let mut sorted = letters;
    sorted.sort_unstable();
    spelled.sort_unstable();
    sorted.len() >= 3 && sorted == spelled
}

/// The names `written` may be read as for a definition: itself, then each of its
/// endings that starts at a word (the widened name may have taken in a word that is
/// no part of it: "The Velmoran People's Guard").
pub fn endings(written: &str) -> impl Iterator<Item = &str> {
    let starts = std::iter::once(0).chain(written.match_indices(' ').map(|(i, _)| i + 1));
    starts.map(move |s| &written[s..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn around_of<'t>(text: &'t str, previous: &str, next: &str) -> Option<&'t str> {
        let p = text.find(previous).unwrap();
        let n = text.find(next).unwrap();
        around(text, p..p + previous.len(), n..n + next.len()).map(|r| &text[r])
    }

    #[test]
    fn the_name_before_a_parenthesis_is_read_as_written_around_a_partial_mention() {
        let t = "leaders of the Velmoran People's Guard [VPG] met";
        assert_eq!(around_of(t, "Guard", "VPG"), Some("Velmoran People's Guard"));
        let t = "The League of Tidal Farmers and Fishers (LTFF) met";
        assert_eq!(
            around_of(t, "League of Tidal Farmers", "LTFF"),
            Some("The League of Tidal Farmers and Fishers")
        );
        assert_eq!(
            around_of("the Ostrava Mill Board (OMB) said", "Ostrava Mill Board", "OMB"),
            Some("Ostrava Mill Board")
        );
    }

    #[test]
    fn only_a_parenthesis_right_after_the_name_is_a_definition() {
        assert_eq!(
            around_of(
                "the Ostrava Mill Board said (OMB) yes",
                "Ostrava Mill Board",
                "OMB"
            ),
            None
        );
        assert_eq!(
            around_of(
                "the Ostrava Mill Board (OMB, 2010) said",
                "Ostrava Mill Board",
                "OMB"
            ),
            None
        );
        let continued = "Ostrava Mill Board and Kettle (OMB) said";
        assert_eq!(
            around_of(continued, "Ostrava Mill Board", "OMB"),
            Some("Ostrava Mill Board and Kettle")
        );
        assert_eq!(
            around_of("Ostrava Mill Board and (OMB) said", "Ostrava Mill Board", "OMB"),
            None
        );
    }

    #[test]
    fn a_code_after_the_name_of_its_system_is_a_definition() {
        let t = "Velmora Harbour Airport (IATA: VHA) is small";
        assert_eq!(
            around_of(t, "Velmora Harbour Airport", "VHA"),
            Some("Velmora Harbour Airport")
        );
        let t = "Tarnwick Mills (TSX: TWM) rose";
        assert_eq!(around_of(t, "Tarnwick Mills", "TWM"), Some("Tarnwick Mills"));
        let t = "Velmora Harbour Airport (see: VHA) is small";
        assert_eq!(around_of(t, "Velmora Harbour Airport", "VHA"), None, "no system");
        let t = "Velmora Harbour Airport IATA: VHA is small";
        assert_eq!(
            around_of(t, "Velmora Harbour Airport", "VHA"),
            None,
            "no parenthesis"
        );
    }

    #[test]
    fn a_definition_may_spell_the_initials_in_another_order() {
        assert!(initials_agree("LTFF", "League of Tidal Farmers and Fishers"));
        assert!(initials_agree("FLTF", "League of Tidal Farmers and Fishers"));
        assert!(initials_agree("VPG", "Velmoran People's Guard"));
        assert!(!initials_agree("VG", "Velmoran People's Guard"));
        assert!(
            !initials_agree("VG", "Guard Velmoran"),
            "two letters only in order"
        );
        assert!(!initials_agree("ABC", "Velmoran People's Guard"));
    }

    #[test]
    fn a_written_name_is_read_from_each_of_its_words() {
        let e: Vec<&str> = endings("The Velmoran Guard").collect();
        assert_eq!(e, ["The Velmoran Guard", "Velmoran Guard", "Guard"]);
    }
}
