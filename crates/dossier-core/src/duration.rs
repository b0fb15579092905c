//! Whether a DATE mention says how long rather than when ("two-day", "a few weeks"):
//! decided once by the analysis, carried by the page, so the timeline counts lengths
//! of time apart from the dates it cannot place.

use crate::values::{APPROX, APPROX2, NUMBER_WORDS, SCALES};

/// Units a length of time is counted in, singular.
const UNITS: &[&str] = &[
    "second",
    "minute",
    "hour",
    "day",
    "night",
    "week",
    "fortnight",
    "month",
    "year",
    "decade",
    "century",
    "millennium",
    "quarter",
    "season",
    "semester",
];

/// Plurals the `s` rule misses.
const IRREGULAR: &[(&str, &str)] = &[("centuries", "century"), ("millennia", "millennium")];

/// Glue between amount words ("a couple of", "two and a half").
const GLUE: &[&str] = &["a", "an", "of", "and"];

/// Whether a DATE mention's `text` is a length of time rather than a point in time: at
/// most an amount, then a unit ("two-day", "100 years", "months", "a few weeks", "a
/// year-long"). Any other word ("last", "next", "the", "ago", "recent") makes it not a
/// duration, so relative and vague dates keep their place among the unplaced.
pub fn is_duration(text: &str) -> bool {
    let lower = crate::case::lower_str(text);
    let mut words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == '-' || c == '\u{2011}')
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() > 1 && words.last() == Some(&"long") {
        words.pop();
    }
    match words.split_last() {
        Some((unit, amount)) => is_unit(unit) && amount.iter().all(|w| is_amount_word(w)),
        None => false,
    }
}

fn is_unit(word: &str) -> bool {
    let singular = IRREGULAR
        .iter()
        .find(|(plural, _)| *plural == word)
        .map_or_else(|| word.strip_suffix('s').unwrap_or(word), |(_, one)| one);
    UNITS.contains(&word) || UNITS.contains(&singular)
}

/// A word of an amount: a number in digits or words ("hundreds", "dozens" too), a
/// hedge ("about", "more than") or the glue between them.
fn is_amount_word(word: &str) -> bool {
    let singular = word.strip_suffix('s').unwrap_or(word);
    let digits = word.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.');
    digits
        || [NUMBER_WORDS, SCALES, APPROX, GLUE]
            .iter()
            .any(|list| list.contains(&word) || list.contains(&singular))
        || APPROX2.iter().any(|(a, b)| *a == word || *b == word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_of_time_are_durations_and_points_in_time_are_not() {
        for text in [
            "two-day",
            "100 years",
            "months",
            "a few weeks",
            "less than an hour",
            "Six Hours",
            "a year-long",
            "more than 3,000 years",
            "decades",
            "two centuries",
            "a couple of hours",
            "hundreds of years",
        ] {
            assert!(is_duration(text), "{text}");
        }
        for text in [
            "last week",
            "the year",
            "recent years",
            "two years ago",
            "the 1990s",
            "next month",
            "Tuesday",
            "early spring",
            "days later",
            "the last two years",
            "",
        ] {
            assert!(!is_duration(text), "{text}");
        }
    }
}
