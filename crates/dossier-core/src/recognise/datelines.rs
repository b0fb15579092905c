//! Datelines: the place a news report was filed from, at the start of a paragraph.
//!
//! A wire report opens with the place in capitals and a dash, often with the region and
//! the agency: "NEW YORK —", "KRAKÓW (Reuters) -", "MANCHESTER, England —",
//! "Frankfurt (AP) —". The shape says the name is a place whatever else it names (a
//! town's club, "Eintracht Frankfurt"), and that a name in capitals that no table
//! knows is one. A block opening with such a line is read as a dateline when the dash
//! follows the name, and the name is written in capitals or followed by the agency in
//! parentheses, and the line names a place: the tables know the name or the region
//! after its comma as one, or the agency stands in parentheses. The name's mention then
//! is a place (a mention recognition made of it takes the place's label and, where the
//! tables know the place, its canonical name); a name recognition missed becomes one.
//! One look at the start of each block: linear in the blocks.

use super::{Candidate, Source};
use crate::case::lower_str;
use crate::gazetteer::{normalised, Gazetteer, Known};
use crate::label::Label;
use std::ops::Range;

/// The most words a dateline's place or region has.
const MAX_WORDS: usize = 4;
/// The most bytes an agency in parentheses has ("Agence France-Presse").
const MAX_AGENCY: usize = 40;

/// The dateline places of document `text`'s `blocks`: the mentions of `found` (in text
/// order) that name one take a place's label; the places recognition missed are
/// returned with the index of their block.
pub(crate) fn find(text: &str, blocks: &[Range<usize>], found: &mut [Candidate]) -> Vec<(usize, Candidate)> {
    let g = Gazetteer::get();
    let mut missed = Vec::new();
    for (bi, block) in blocks.iter().enumerate() {
        let Some(name) = dateline_place(&text[block.clone()], g) else {
            continue;
        };
        let range = block.start + name.start..block.start + name.end;
        let surface = &text[range.clone()];
        let at = found.partition_point(|c| c.range.start < range.start);
        let clear_before = at == 0 || found[at - 1].range.end <= range.start;
        match found.get_mut(at).filter(|c| c.range.start < range.end) {
            Some(c) if c.range == range && !matches!(c.label, Label::Gpe | Label::Loc) => {
                c.label = Label::Gpe;
                c.source = place_source(surface, g);
            }
            None if clear_before => {
                let source = place_source(surface, g);
                let label = Label::Gpe;
                missed.push((bi, Candidate { range, label, source }));
            }
            _ => {}
        }
    }
    missed
}

/// The byte range, in `block`, of the place its dateline names, if it opens with one.
fn dateline_place(block: &str, g: &Gazetteer) -> Option<Range<usize>> {
    let name = words(block, 0)?;
    let place = &block[name.clone()];
    // Most blocks: a sentence, whose first word no comma, parenthesis or dash follows.
    if !block[name.end..].starts_with([',', ' ']) {
        return None;
    }
    let mut rest = name.end;
    // ", England", ", Calif."
    let mut region_is_place = false;
    if let Some(after) = block[rest..].strip_prefix(", ") {
        let region = words(block, block.len() - after.len())?;
        region_is_place = known_place(&block[region.clone()], g).is_some();
        rest = region.end;
    }
    // " (Reuters)"
    let mut agency = false;
    if let Some(after) = block[rest..].strip_prefix(" (") {
        let close = after.find(')').filter(|&k| (2..=MAX_AGENCY).contains(&k))?;
        let inside = &after[..close];
        agency = inside.starts_with(char::is_uppercase) && !inside.contains(|c: char| c.is_ascii_digit());
        rest = block.len() - after.len() + close + 1;
    }
    let dash = block[rest..].trim_start_matches(' ');
    let dashed = ['—', '–', '-'].iter().any(|&d| {
        dash.strip_prefix(d)
            .is_some_and(|r| r.starts_with([' ', '-']) || r.is_empty())
    });
    if !dashed || !(agency || place.split(' ').all(crate::normal::is_all_caps)) {
        return None;
    }
    (agency || region_is_place || known_place(place, g).is_some()).then_some(name)
}

/// The run of one to [`MAX_WORDS`] capitalised words (letters, and "." "'" "’" "-"
/// inside them) starting at byte `from` of `s`, separated by single spaces.
fn words(s: &str, from: usize) -> Option<Range<usize>> {
    let (mut end, mut n) = (from, 0);
    loop {
        let word = &s[end..];
        if !word.starts_with(char::is_uppercase) {
            break;
        }
        let len = word
            .find(|c: char| !(c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-')))
            .unwrap_or(word.len());
        end += len;
        n += 1;
        // One space, then another capitalised word.
        let next = &s[end..];
        if n == MAX_WORDS || !next.starts_with(' ') || !next[1..].starts_with(char::is_uppercase) {
            break;
        }
        end += 1;
    }
    (n > 0).then_some(from..end)
}

/// The place the tables know by `name`, written as names are or in capitals.
fn known_place(name: &str, g: &Gazetteer) -> Option<Known> {
    let mut buf = String::new();
    let key = normalised(name, &mut buf);
    let is_place = |k: &Known| matches!(k.label, Label::Gpe | Label::Loc);
    g.name(key)
        .filter(is_place)
        .or_else(|| g.caps_name(&lower_str(key)).filter(is_place))
}

/// The source of a dateline place's mention: the place the tables know by its name,
/// else a composed name.
fn place_source(name: &str, g: &Gazetteer) -> Source {
    known_place(name, g).map_or(Source::Composed, |k| Source::Table(k.canonical))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(block: &str) -> Option<&str> {
        dateline_place(block, Gazetteer::get()).map(|r| &block[r])
    }

    #[test]
    fn a_dateline_names_the_place_before_its_dash() {
        assert_eq!(
            place("OSLO (Reuters) - Norway's central bank held rates."),
            Some("OSLO")
        );
        assert_eq!(place("Porto (AP) — Fans gathered."), Some("Porto"));
        assert_eq!(place("NEW YORK — The mayor spoke."), Some("NEW YORK"));
        assert_eq!(
            place("STOKE-ON-TRENT, England — Fans gathered."),
            Some("STOKE-ON-TRENT")
        );
        assert_eq!(place("BRNO, Czech Republic (AFP) -- Talks ended."), Some("BRNO"));
    }

    #[test]
    fn other_openings_are_no_dateline() {
        // A headline in capitals with a dash, no place or agency.
        assert_eq!(place("BREAKING — Markets fell."), None);
        // A name in Title Case with a dash only: a person as often as a place.
        assert_eq!(place("Oslo — a city of fjords."), None);
        // No dash after the name.
        assert_eq!(place("OSLO (Reuters) Norway's bank held rates."), None);
        assert_eq!(place("Ada Ruiz (2019) - a profile."), None);
        assert_eq!(place("The mayor of Oslo spoke."), None);
    }

    #[test]
    fn a_dateline_place_is_a_place_and_a_missed_one_is_found() {
        let text = "PORTO (Reuters) - Rain fell.\n\nKRAKENHOLM, Norway — Snow fell.";
        let blocks = [0..28, 30..text.len()];
        // Recognition read the first as a club and missed the second.
        let mut found = vec![Candidate {
            range: 0..5,
            label: Label::Org,
            source: Source::Table("FC Porto"),
        }];
        let missed = find(text, &blocks, &mut found);
        assert_eq!(found[0].label, Label::Gpe);
        assert_ne!(found[0].source, Source::Table("FC Porto"));
        assert_eq!(missed.len(), 1);
        let (bi, c) = &missed[0];
        assert_eq!(
            (*bi, &text[c.range.clone()], c.label),
            (1, "KRAKENHOLM", Label::Gpe)
        );
    }

    #[test]
    fn a_dateline_place_in_capitals_is_named_as_names_are_written() {
        let docs = crate::test_support::corpus_mentions(&[
            "Weather\n\nKRAKENHOLM, Norway — Snow fell on Monday.\n\nLIVORNO (Reuters) - Rain fell.",
        ]);
        let places: Vec<(&str, Label, &str)> = docs[0]
            .iter()
            .filter(|f| f.text.chars().all(|c| c.is_uppercase()))
            .map(|f| (f.text.as_str(), f.label, f.canonical.as_str()))
            .collect();
        assert_eq!(places[0], ("KRAKENHOLM", Label::Gpe, "Krakenholm"), "{places:?}");
        assert_eq!((places[1].0, places[1].1), ("LIVORNO", Label::Gpe), "{places:?}");
    }

    #[test]
    fn a_dateline_reads_alike_in_nfc_and_nfd() {
        use unicode_normalization::UnicodeNormalization;
        let nfc = "Weather\n\nØRSKÅLVIK (NTB) - Snow fell on the fjord on Monday.";
        let nfd: String = nfc.nfd().collect();
        assert_ne!(nfd, nfc);
        let docs = crate::test_support::corpus_mentions(&[nfc, &nfd]);
        let read = |d: &[crate::test_support::Found]| {
            d.iter()
                .map(|f| {
                    (
                        f.text.nfc().collect::<String>(),
                        f.label,
                        f.canonical.nfc().collect::<String>(),
                    )
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(read(&docs[0]), read(&docs[1]));
        assert_eq!(
            read(&docs[0])[0],
            ("ØRSKÅLVIK".into(), Label::Gpe, "Ørskålvik".into())
        );
    }
}
