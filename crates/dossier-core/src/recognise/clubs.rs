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
//! The club words are the common forms of European and American club names (a short
//! list, not a table of clubs: those are in `data/clubs.tsv`).

use super::{Candidate, Source};
use crate::label::Label;

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

/// Whether a mention found so can take a club's reading: not a table's entry, not a
/// person a strong cue introduced.
fn open_to_form(source: &Source) -> bool {
    match source {
        Source::Composed => true,
        Source::Person { strong, .. } => !strong,
        Source::Table(_) | Source::Value => false,
    }
}

/// Whether `text` holds a match word (in lower case, as a word of its own).
fn about_sport(text: &str) -> bool {
    text.split(|c: char| !c.is_alphabetic())
        .any(|w| SPORT_WORDS.contains(&w))
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
