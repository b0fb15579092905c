//! The words every view shows for counts and names, made in one place so that they
//! agree: "1 mention", "2 mentions", and an entity named as the articles write it.

use dossier_core::case::lower_str;
use dossier_core::Entity;

/// `n` and `noun`, the noun in the plural unless `n` is one: "1 match", "3 matches",
/// "0 articles", "2 entities". `noun` is a regular English noun in the singular.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        return format!("1 {noun}");
    }
    let b = noun.as_bytes();
    let vowel = |c: u8| b"aeiou".contains(&c);
    let plural = match b {
        [.., b'c' | b's', b'h'] | [.., b's' | b'x' | b'z'] => format!("{noun}es"),
        [.., c, b'y'] if !vowel(*c) => format!("{}ies", &noun[..noun.len() - 1]),
        _ => format!("{noun}s"),
    };
    format!("{n} {plural}")
}

/// How a choice of whose articles the views show reads in its filter chip (the reader
/// makes it in the dialog of their own documents, `web/own.js`).
pub fn whose(w: crate::url::Whose) -> &'static str {
    match w {
        crate::url::Whose::Both => "all articles",
        crate::url::Whose::Corpus => "the corpus only",
        crate::url::Whose::Mine => "your documents only",
    }
}

/// The label of the button that opens the reader's own documents: "Add documents", or
/// "Your documents (2)" once they have some.
pub fn own_button(n: usize) -> String {
    match n {
        0 => "Add documents".to_string(),
        n => format!("Your documents ({n})"),
    }
}

/// The name an entity is shown under: its canonical name, unless that is only the
/// lower-cased form of how the articles write it (dates: "march" for "March"), in
/// which case the most frequent way they write it.
pub fn name(e: &Entity) -> &str {
    if lower_str(&e.canonical) != e.canonical {
        return &e.canonical;
    }
    // Aliases come most frequent first.
    e.aliases
        .iter()
        .find(|a| lower_str(&a.text) == e.canonical)
        .map_or(&e.canonical, |a| &a.text)
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A year or a month as a reader says it: "2024", "May 2024" (a key the URL's `when`
/// keeps, `YYYY` or `YYYY-MM`; anything else as it is).
pub fn month(key: &str) -> String {
    let month = key.get(5..).and_then(|m| m.parse::<usize>().ok());
    match (key.get(..4), month) {
        (Some(year), Some(m @ 1..=12)) if key.len() == 7 => format!("{} {year}", MONTHS[m - 1]),
        _ => key.to_string(),
    }
}

/// A timeline period as a phrase after "dates": "in May 2024", or "from Nov 2023 to
/// Feb 2024" for two ends (`from..to`, as the URL keeps it).
pub fn period(when: &str) -> String {
    match when.split_once("..") {
        Some((a, b)) => format!("from {} to {}", month(a), month(b)),
        None => format!("in {}", month(when)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_core::model::Alias;
    use dossier_core::Label;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(count(1, "mention"), "1 mention");
        assert_eq!(count(0, "mention"), "0 mentions");
        assert_eq!(count(2, "article"), "2 articles");
        assert_eq!(count(1, "match"), "1 match");
        assert_eq!(count(7, "match"), "7 matches");
        assert_eq!(count(3, "entity"), "3 entities");
        assert_eq!(count(2, "day"), "2 days");
        assert_eq!(count(2, "box"), "2 boxes");
        assert_eq!(count(12_000, "hit"), "12000 hits");
    }

    fn entity(canonical: &str, aliases: &[(&str, usize)]) -> Entity {
        Entity {
            id: "x".into(),
            canonical: canonical.into(),
            label: Label::Date,
            aliases: aliases
                .iter()
                .map(|&(text, count)| Alias {
                    text: text.into(),
                    count,
                })
                .collect(),
            mentions: 0,
            documents: 0,
        }
    }

    #[test]
    fn a_case_folded_name_is_shown_as_the_articles_write_it() {
        assert_eq!(name(&entity("march", &[("March", 2)])), "March");
        assert_eq!(
            name(&entity("october 7", &[("October 7", 3), ("october 7", 1)])),
            "October 7"
        );
        assert_eq!(
            name(&entity("thursday", &[("THURSDAY", 3), ("Thursday", 1)])),
            "THURSDAY"
        );
    }

    #[test]
    fn a_canonical_name_written_so_or_chosen_stays() {
        assert_eq!(
            name(&entity("Vladimir Putin", &[("Putin", 50), ("Vladimir Putin", 6)])),
            "Vladimir Putin"
        );
        assert_eq!(
            name(&entity("Washington, D.C.", &[("Washington", 8)])),
            "Washington, D.C."
        );
        assert_eq!(
            name(&entity("last year", &[("last year", 4), ("Last year", 1)])),
            "last year"
        );
    }

    #[test]
    fn a_period_reads_as_one_or_two_ends() {
        assert_eq!(period("2024-05"), "in May 2024");
        assert_eq!(period("2023-11..2024-02"), "from Nov 2023 to Feb 2024");
        assert_eq!(month("2024-13"), "2024-13");
        assert_eq!(period("2023..2025"), "from 2023 to 2025");
    }
}
