//! Grouping keys of value mentions (DATE, MONEY, PERCENT): which of them are one entity.
//!
//! A value's key is its lower-cased text, refined in two ways:
//! - an amount's key leaves out the words that hedge or bound it and spells its scale
//!   and percent sign one way, so "approximately $3 billion", "$3bn" and "$3 billion"
//!   are one entity (the mentions keep their own text, approximator included);
//! - a date groups only where its text names one date ([`date_scope`]): a deictic date
//!   ("Thursday", "this week", "two days ago") within its article, a date without a
//!   year ("June 3", "March") among the articles it places in the same year.
//!
//! ```
//! use dossier_core::value_key::{amount_key, is_deictic};
//! assert_eq!(amount_key("approximately $3 billion").as_deref(), Some("$3 billion"));
//! assert_eq!(amount_key("nearly 40 per cent").as_deref(), Some("40%"));
//! assert!(is_deictic("last tuesday") && !is_deictic("march 2021"));
//! ```

use crate::date::Date;
use crate::label::Label;
use crate::resolve::resolve;
use crate::values::{APPROX, APPROX2};
use std::borrow::Cow;

/// Scale words as abbreviated in amounts, with their full spelling.
const SCALES: &[(&str, &str)] = &[
    ("k", "thousand"),
    ("m", "million"),
    ("mn", "million"),
    ("bn", "billion"),
    ("tn", "trillion"),
];

/// Words that anchor a date to the time of writing.
const DEICTIC: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    "this",
    "last",
    "next",
    "past",
    "coming",
    "recent",
    "ago",
    "weekend",
];

/// The grouping key of a value mention of `label` keyed `key` (its lower-cased text):
/// an amount's normal form ([`amount_key`]), any other key as it is.
pub fn of(label: Label, key: Cow<'_, str>) -> Cow<'_, str> {
    match label {
        Label::Money | Label::Percent => amount_key(&key).map_or(key, Cow::Owned),
        _ => key,
    }
}

/// An amount's key (lower case) without its leading approximators or bounds ("about",
/// "more than"), its scale written in full ("$5m" → "$5 million") and "percent" or
/// "per cent" as "%"; `None` when that is the key as it is.
pub fn amount_key(key: &str) -> Option<String> {
    let mut words: Vec<&str> = key.split_whitespace().collect();
    let mut start = 0;
    loop {
        let rest = &words[start..];
        if rest.len() > 2 && APPROX2.iter().any(|(a, b)| rest[0] == *a && rest[1] == *b) {
            start += 2;
        } else if rest.len() > 1 && APPROX.contains(&rest[0]) {
            start += 1;
        } else {
            break;
        }
    }
    words.drain(..start);
    // "per cent" is read as one word, "percent".
    let mut joined: Vec<&str> = Vec::with_capacity(words.len());
    for w in words {
        match joined.last_mut() {
            Some(last) if *last == "per" && w == "cent" => *last = "percent",
            _ => joined.push(w),
        }
    }
    let mut out = String::with_capacity(key.len());
    for (i, w) in joined.iter().enumerate() {
        let after_digit = i > 0 && joined[i - 1].ends_with(|c: char| c.is_ascii_digit());
        if *w == "percent" && after_digit {
            out.push('%');
            continue;
        }
        if i > 0 {
            out.push(' ');
        }
        push_scaled(&mut out, w, i > 0);
    }
    (out != key).then_some(out)
}

/// Pushes amount word `w`, its scale abbreviation spelled in full: a word of its own
/// after a number (`after_number`), or the end of one ("$5m", "240bn").
fn push_scaled(out: &mut String, w: &str, after_number: bool) {
    let full = |abbr: &str| SCALES.iter().find(|(a, _)| *a == abbr).map(|(_, f)| *f);
    if let Some(f) = full(w).filter(|_| after_number) {
        out.push_str(f);
        return;
    }
    let digits = w.trim_end_matches(|c: char| c.is_ascii_lowercase());
    if digits.ends_with(|c: char| c.is_ascii_digit()) {
        if let Some(f) = full(&w[digits.len()..]) {
            out.push_str(digits);
            out.push(' ');
            out.push_str(f);
            return;
        }
    }
    out.push_str(w);
}

/// Whether a date's key (lower case) is anchored to the time of writing: it has a
/// weekday, "today", "this", "last", "ago" and the like, and no year of its own.
pub fn is_deictic(key: &str) -> bool {
    let year = key.split(|c: char| !c.is_ascii_digit()).any(|run| run.len() == 4);
    !year
        && key
            .split(|c: char| !c.is_alphabetic())
            .any(|w| DEICTIC.contains(&w))
}

/// Where a date's text names one date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Everywhere: it has a year or needs none ("June 2019", "the 1980s").
    Corpus,
    /// In the articles whose publication places it in this year ("June 3").
    Year(i32),
    /// Only in its own article ("Thursday", "last week", or a date without a year
    /// whose article's date does not place it).
    Document,
}

/// Where a date keyed `key` (lower case), in an article published on `published`,
/// names one date ([`Scope`]).
pub fn date_scope(key: &str, published: Option<Date>) -> Scope {
    let year = key.split(|c: char| !c.is_ascii_digit()).any(|run| run.len() == 4);
    if is_deictic(key) {
        Scope::Document
    } else if year || resolve(key, None, None).is_some() {
        Scope::Corpus
    } else {
        resolve(key, published, None).map_or(Scope::Document, |p| Scope::Year(p.start.year))
    }
}

/// The grouping key of a date keyed `key` in document `doc`, published on
/// `published`, when it groups more narrowly than its text (the separator is no
/// character of a text); `None` when its text is its key.
pub fn scoped_key(key: &str, doc: usize, published: Option<Date>) -> Option<String> {
    match date_scope(key, published) {
        Scope::Corpus => None,
        Scope::Year(y) => Some(format!("{key}\u{1f}y{y}")),
        Scope::Document => Some(format!("{key}\u{1f}{doc}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Corpus, Document, Meta};

    #[test]
    fn an_amount_hedged_abbreviated_or_bounded_keys_as_the_plain_amount() {
        for k in [
            "about €12 million",
            "roughly €12m",
            "more than €12 million",
            "just over €12mn",
            "€12 million",
        ] {
            assert_eq!(
                amount_key(k).unwrap_or_else(|| k.to_string()),
                "€12 million",
                "{k}"
            );
        }
        assert_eq!(amount_key("under 3 per cent").as_deref(), Some("3%"));
        assert_eq!(amount_key("3.5 percent").as_deref(), Some("3.5%"));
        assert_eq!(amount_key("7%"), None);
        // A number in words keeps the word: "twelve per cent" is "twelve percent".
        assert_eq!(
            amount_key("roughly twelve per cent").as_deref(),
            Some("twelve percent")
        );
        assert_eq!(amount_key("twelve percent"), None);
    }

    #[test]
    fn an_amount_that_is_only_an_approximator_word_is_kept() {
        // A lone word is never stripped to nothing, and a word that merely ends in a
        // scale's letters is not a scale.
        assert_eq!(amount_key("some"), None);
        assert_eq!(amount_key("$12 m"), Some("$12 million".into()));
        assert_eq!(amount_key("ten dollars"), None);
        assert_eq!(amount_key("50 cent"), None);
    }

    #[test]
    fn dates_tied_to_the_time_of_writing_are_deictic() {
        for k in [
            "friday",
            "this month",
            "last spring",
            "two weeks ago",
            "the coming days",
            "tonight",
        ] {
            assert!(is_deictic(k), "{k}");
        }
        for k in [
            "june 2019",
            "the 1980s",
            "1848",
            "september",
            "the last week of may 2001",
            "two years",
        ] {
            assert!(!is_deictic(k), "{k}");
        }
    }

    fn analyse(texts: &[&str]) -> crate::Analysis {
        let docs = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                Document::new(format!("{i}.txt"), format!("Headline\n{t}"), Meta::default()).unwrap()
            })
            .collect();
        crate::analyse(&Corpus::new(docs))
    }

    /// The entities of `label` whose aliases include `text`.
    fn holding(a: &crate::Analysis, label: Label, text: &str) -> Vec<usize> {
        (0..a.entities.len())
            .filter(|&i| a.entities[i].label == label && a.entities[i].aliases.iter().any(|x| x.text == text))
            .collect()
    }

    #[test]
    fn a_weekday_in_two_articles_is_two_entities_and_one_within_an_article() {
        let a = analyse(&[
            "The orchestra rehearsed on Friday. On Friday evening the hall filled.",
            "The ferry sailed on Friday after the storm.",
        ]);
        let fridays = holding(&a, Label::Date, "Friday");
        assert_eq!(fridays.len(), 2, "{:?}", a.entities);
        let docs: Vec<usize> = fridays.iter().map(|&e| a.entities[e].documents).collect();
        assert_eq!(docs, [1, 1]);
    }

    #[test]
    fn a_date_without_a_year_groups_within_its_year_of_publication() {
        let meta = |d: &str| Meta {
            published: Date::parse(d).ok(),
            ..Meta::default()
        };
        let texts = [
            ("2023-09-01", "The festival closes on September 30 this time."),
            ("2023-09-20", "Tickets sell until September 30, organisers said."),
            ("2024-09-02", "The festival closes on September 30 again."),
            ("", "Nobody knows what happened on September 30 then."),
        ];
        let docs = texts
            .iter()
            .enumerate()
            .map(|(i, (d, t))| Document::new(format!("{i}.txt"), format!("Headline\n{t}"), meta(d)).unwrap())
            .collect();
        let a = crate::analyse(&Corpus::new(docs));
        let days = holding(&a, Label::Date, "September 30");
        let docs: Vec<usize> = days.iter().map(|&e| a.entities[e].documents).collect();
        assert_eq!(docs.iter().sum::<usize>(), 4, "{:?}", a.entities);
        assert_eq!(
            docs.len(),
            3,
            "2023, 2024 and an undated article: {:?}",
            a.entities
        );
        assert_eq!(date_scope("september 30", None), Scope::Document);
        assert_eq!(date_scope("the nineteenth century", None), Scope::Corpus);
    }

    #[test]
    fn a_year_in_two_articles_stays_one_entity() {
        let a = analyse(&[
            "The bridge opened in 1998 to traffic.",
            "Its designer retired in 1998 after a long career.",
        ]);
        let e = holding(&a, Label::Date, "1998");
        assert_eq!(e.len(), 1);
        assert_eq!(a.entities[e[0]].documents, 2);
    }

    #[test]
    fn an_approximate_amount_groups_with_the_same_amount() {
        let a = analyse(&[
            "The museum raised approximately $45 million for the new wing.",
            "Donors gave $45 million to the museum.",
        ]);
        let e = holding(&a, Label::Money, "approximately $45 million");
        assert_eq!(e, holding(&a, Label::Money, "$45 million"), "{:?}", a.entities);
        assert_eq!(a.entities[e[0]].canonical, "$45 million");
        assert_eq!(a.entities[e[0]].mentions, 2);
    }
}
