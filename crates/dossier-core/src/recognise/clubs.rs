//! Sports clubs by the shape of their names.
//!
//! A club the tables do not list is still written in a club's form: a club word before
//! or after a place or a name ("FC Dornach", "Real Corvina", "Harrowgate United",
//! "Dornach Rovers"). Recognition decides such a run from its words alone and may read
//! it as a person or a place; here a mention of two or more words that no table named
//! and no strong person cue found, opening or closing with a club word, is an
//! organisation. "City" closes a club's name only in a document about sport (a match
//! word in it: "Corvina City drew …"); elsewhere "Corvina City" is a city, and a city
//! the tables know ("Mexico City") keeps its table reading everywhere.
//!
//! Recognition may also miss such a run altogether, most often at a sentence start,
//! where a capital says nothing and the decision is cautious ("Harrowgate United drew
//! …"). [`find`] reads each block once more for runs in a club's form that no mention
//! covers, whatever their place in the sentence (not in a Title Case headline, where
//! every word is capitalised: "Real Estate Prices Rise").
//!
//! The club words are the common forms of European and American club names (a short
//! list, not a table of clubs: those are in `data/clubs.tsv`).

use super::repeats::Capitals;
use super::{Candidate, Source};
use crate::gazetteer::Gazetteer;
use crate::label::Label;
use crate::text::{is_capitalised, lower_into, DocTokens, Token, TokenKind};

/// The most words a club's name read by [`find`] has.
const MAX_WORDS: usize = 4;

/// Words that open a club's name.
const OPENING: &[&str] = &[
    "FC",
    "AFC",
    "SC",
    "CF",
    "SV",
    "VfB",
    "VfL",
    "Real",
    "Sporting",
    "Dynamo",
    "Dinamo",
    "Olympique",
    "Racing",
];
/// Words that close a club's name.
const CLOSING: &[&str] = &[
    "FC",
    "AFC",
    "SC",
    "United",
    "Rovers",
    "Wanderers",
    "Athletic",
    "Albion",
    "Hotspur",
    "Rangers",
];
/// Words that say a document is about sport, for "City".
const SPORT_WORDS: &[&str] = &[
    "match",
    "league",
    "cup",
    "goal",
    "goals",
    "club",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "stadium",
    "fixture",
    "season",
    "beat",
    "drew",
    "draw",
    "scored",
    "coach",
    "manager",
];

/// Relabels as organisations the mentions of document `text` (`found`) written in a
/// club's form (see the module documentation). Linear in the text and the mentions.
pub(super) fn by_form(text: &str, found: &mut [Candidate]) {
    let mut sport = None;
    for c in found.iter_mut() {
        if c.label == Label::Org || !open_to_form(&c.source) {
            continue;
        }
        let surface = &text[c.range.clone()];
        let mut words = surface.split(' ');
        let (Some(first), Some(last)) = (words.next(), surface.rsplit(' ').next()) else {
            continue;
        };
        if words.next().is_none() {
            continue;
        }
        let city = last == "City" && *sport.get_or_insert_with(|| about_sport(text));
        if OPENING.contains(&first) || CLOSING.contains(&last) || city {
            c.label = Label::Org;
            c.source = Source::Composed;
        }
    }
}

/// The runs in a club's form (see the module documentation) of document `text`'s blocks
/// that `found` (in text order) does not cover, each an organisation with its block, in
/// text order. A run may take in mentions that can take a club's reading
/// ([`open_to_form`]: "Sporting" before a guessed person), never part of a firmer one.
/// `doc` holds the blocks' tokens; `work` counts the tokens visited.
pub(crate) fn find(
    text: &str,
    layout: &Capitals,
    found: &[Candidate],
    doc: &DocTokens,
    work: &mut usize,
) -> Vec<(usize, Candidate)> {
    let g = Gazetteer::get();
    let mut out = Vec::new();
    let mut lower = String::new();
    for (bi, toks) in doc.blocks().enumerate() {
        if layout.title_case.get(bi).copied().unwrap_or(false) {
            continue;
        }
        *work += toks.len();
        let mut i = 0;
        while i < toks.len() {
            let n = toks[i..]
                .iter()
                .take(MAX_WORDS + 1)
                .take_while(|t| name_word(text, t, g, &mut lower))
                .count();
            if n == 0 {
                i += 1;
                continue;
            }
            let run = &toks[i..i + n];
            let (first, last) = (run[0].text(text), run[n - 1].text(text));
            let club = (2..=MAX_WORDS).contains(&n) && (OPENING.contains(&first) || CLOSING.contains(&last));
            let range = run[0].start..run[n - 1].end;
            let compound = toks.get(i + n).is_some_and(|t| t.hyphen);
            if club && !compound && free_for(found, &range) {
                let c = Candidate {
                    range,
                    label: Label::Org,
                    source: Source::Composed,
                };
                out.push((bi, c));
            }
            i += n;
        }
    }
    out
}

/// Whether token `t` can be a word of a club's name: a capitalised word, not a function
/// word ("The"), not joined by a hyphen to the word after it.
fn name_word(text: &str, t: &Token, g: &Gazetteer, lower: &mut String) -> bool {
    let w = t.text(text);
    t.kind == TokenKind::Word && !t.hyphen && is_capitalised(w) && {
        lower_into(w, lower);
        !g.is_function_word(lower)
    }
}

/// Whether no mention of `found` (sorted, not overlapping) overlaps `range` but those
/// strictly inside it that can take a club's reading (a mention of the whole run is
/// the club already: [`by_form`] read it).
fn free_for(found: &[Candidate], range: &std::ops::Range<usize>) -> bool {
    let k = found.partition_point(|c| c.range.end <= range.start);
    found[k..]
        .iter()
        .take_while(|c| c.range.start < range.end)
        .all(|c| {
            let inside = c.range.start >= range.start && c.range.end <= range.end && c.range != *range;
            inside && open_to_form(&c.source)
        })
}

/// Whether a mention found so can take a club's reading: not a table's entry, not a
/// person a strong cue introduced.
fn open_to_form(source: &Source) -> bool {
    match source {
        Source::Composed => true,
        Source::Person { strong, .. } => !strong,
        Source::Table(_) | Source::Value => false,
    }
}

/// Whether `text` holds a match word (in lower case, as a word of its own: a whole run
/// of letters).
pub(super) fn about_sport(text: &str) -> bool {
    // Read byte by byte, a character decoded only outside ASCII: a document not about
    // sport is read to its end, and splitting it by characters cost 2 % of the analysis.
    let b = text.as_bytes();
    let (mut word, mut i) = (0, 0);
    while i < b.len() {
        if b[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().expect("i is at a character");
        if c.is_alphabetic() {
            i += c.len_utf8();
            continue;
        }
        if is_sport_word(&text[word..i]) {
            return true;
        }
        i += c.len_utf8();
        word = i;
    }
    is_sport_word(&text[word..])
}

/// Whether `w` is one of [`SPORT_WORDS`] (all 3 to 10 bytes long: most words are ruled
/// out by their length; a filter by shapes, `Shapes`, cost more than it saved here).
fn is_sport_word(w: &str) -> bool {
    (3..=10).contains(&w.len()) && SPORT_WORDS.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn relabelled(text: &str, name: &str, label: Label, source: Source) -> Label {
        let at = text.find(name).unwrap();
        let mut found = [Candidate {
            range: at..at + name.len(),
            label,
            source,
        }];
        by_form(text, &mut found);
        found[0].label
    }

    fn guess() -> Source {
        Source::Person {
            canonical: None,
            strong: false,
        }
    }

    #[test]
    fn a_text_is_about_sport_as_its_runs_of_letters_say() {
        let by_runs = |t: &str| {
            t.split(|c: char| !c.is_alphabetic())
                .any(|w| SPORT_WORDS.contains(&w))
        };
        for t in [
            "",
            "cup",
            "Cup",
            "ñcup",
            "cupñ",
            "the cup.",
            "goalkeeper's",
            "goalkeepers",
            "x\u{300}draw",
            "Ünited drew",
            "\u{1F600}coach\u{1F600}",
            "señor manager",
            "lé-match",
            "managerial",
            "fixtures; beat!",
        ] {
            assert_eq!(about_sport(t), by_runs(t), "{t:?}");
        }
        // The length filter in front of the list rules out none of its words.
        assert!(SPORT_WORDS
            .iter()
            .all(|w| about_sport(w) && about_sport(&format!("({w})"))));
    }

    #[test]
    fn a_match_word_counts_only_as_a_whole_lower_case_word() {
        assert!(about_sport("After the draw, fans left."));
        assert!(about_sport("\u{a0}coach\u{a0}"));
        assert!(about_sport("après-match"));
        assert!(!about_sport("The Match and the CLUB, a clubhouse."));
        assert!(!about_sport("rematch; the cupboard"));
        assert!(!about_sport("matché"));
    }

    #[test]
    fn a_club_at_a_sentence_start_is_found() {
        let found = crate::test_support::names(
            "Derby day\n\nHarrowgate United drew with Real Tovar on Sunday. Real Tovar had \
             led at half time. FC Dornach won at home.",
        );
        for name in ["Harrowgate United", "Real Tovar", "FC Dornach"] {
            let n = found
                .iter()
                .filter(|f| f.text == name && f.label == Label::Org)
                .count();
            assert!(n >= 1, "{name}: {found:?}");
        }
        let n = found.iter().filter(|f| f.text == "Real Tovar").count();
        assert_eq!(n, 2, "{found:?}");
        // A headline in Title Case says nothing by its capitals.
        let found = crate::test_support::names("Real Estate Prices Rise Again\n\nPrices rose.");
        assert!(!found.iter().any(|f| f.text.starts_with("Real")), "{found:?}");
    }

    #[test]
    fn a_name_in_a_clubs_form_is_an_organisation() {
        assert_eq!(
            relabelled(
                "Real Corvina lost at home.",
                "Real Corvina",
                Label::Person,
                guess()
            ),
            Label::Org
        );
        assert_eq!(
            relabelled(
                "He joined Pellow Wanderers in May.",
                "Pellow Wanderers",
                Label::Gpe,
                Source::Composed
            ),
            Label::Org
        );
        assert_eq!(
            relabelled("Fans of FC Ostrava sang.", "FC Ostrava", Label::Person, guess()),
            Label::Org
        );
    }

    #[test]
    fn city_closes_a_clubs_name_only_in_a_document_about_sport() {
        let sport = "Brelm City drew 1-1 with the leaders.";
        let town = "Brelm City council met on Monday.";
        assert_eq!(
            relabelled(sport, "Brelm City", Label::Gpe, Source::Composed),
            Label::Org
        );
        assert_eq!(
            relabelled(town, "Brelm City", Label::Gpe, Source::Composed),
            Label::Gpe
        );
    }

    #[test]
    fn table_names_and_people_named_by_a_cue_keep_their_reading() {
        let text = "Mexico City beat the odds, said Real Ortega.";
        assert_eq!(
            relabelled(text, "Mexico City", Label::Gpe, Source::Table("Mexico City")),
            Label::Gpe
        );
        let strong = Source::Person {
            canonical: None,
            strong: true,
        };
        assert_eq!(
            relabelled(text, "Real Ortega", Label::Person, strong),
            Label::Person
        );
        assert_eq!(
            relabelled("Corvina lost.", "Corvina", Label::Person, guess()),
            Label::Person
        );
    }
}
