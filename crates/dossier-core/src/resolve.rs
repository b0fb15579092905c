//! DATE mention text resolved to a calendar [`Period`] against its article's
//! publication date: part of the analysis engine (the page carries the result).
//!
//! Resolution never guesses. Absolute expressions ("March 7, 2025", "2030", "the
//! 1990s", "nineteenth century") resolve on their own; a month or day without a year
//! ("June 3 and 4", "September 3", "July and August") takes the publication year,
//! unless the publication month is known and earlier: "October 7" in a May article may
//! be upcoming or last year's, so it stays unresolved.
//! Relative expressions resolve only when the anchor is precise enough: "last year"
//! needs the publication year, "next month" its month, "Tuesday", "today" or "this
//! week" its day. "Two days earlier" and "a year later" count from the date the article
//! mentioned last (the narrative's reference time), not from publication. Durations
//! ("four months"), vague spans ("recent years") and anything else stay unresolved.
//!
//! Conventions: a bare weekday is the latest such day on or before publication ("last
//! Tuesday" the one before that, "next Tuesday" the first after); weeks run Monday to
//! Sunday; "this weekend" is the Saturday and Sunday of the publication week; a
//! qualifier such as "early", "late" or "the end of" keeps the whole period it qualifies.
//!
//! ```
//! use dossier_core::date::Date;
//! use dossier_core::resolve::resolve;
//! use dossier_core::timeline::Precision;
//!
//! let published = Date::parse("2024-06").ok();
//! let p = resolve("June 3 and 4", published, None).unwrap();
//! assert_eq!((p.start.to_string(), p.end.to_string()), ("2024-06-03".into(), "2024-06-04".into()));
//! assert_eq!(resolve("last year", published, None).unwrap().precision, Precision::Year);
//! assert_eq!(resolve("Tuesday", published, None), None); // needs the day of publication
//! ```

use crate::corpus::{Corpus, Document};
use crate::date::Date;
use crate::duration::is_duration;
use crate::label::Label;
use crate::model::DocAnalysis;
use crate::timeline::{add_months, ymd, DateMention, Period, Precision};

/// Days since 1970-01-01 of a day-precise date (proleptic Gregorian).
fn to_days(d: Date) -> i64 {
    let (m, day) = (i64::from(d.month.unwrap_or(1)), i64::from(d.day.unwrap_or(1)));
    let y = i64::from(d.year) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn from_days(z: i64) -> Date {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    ymd((yoe + era * 400 + i64::from(m <= 2)) as i32, m, d)
}

fn add_days(d: Date, n: i64) -> Date {
    from_days(to_days(d) + n)
}

/// 0 = Monday … 6 = Sunday.
fn weekday(d: Date) -> i64 {
    (to_days(d) + 3).rem_euclid(7)
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
const ORDINALS: [&str; 21] = [
    "",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
];
const NUMBERS: [&str; 13] = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
];
/// Leading words that narrow or soften a period without moving it.
const QUALIFIERS: [&str; 22] = [
    "from",
    "between",
    "early",
    "mid",
    "late",
    "earlier",
    "later",
    "end",
    "start",
    "beginning",
    "middle",
    "of",
    "the",
    "in",
    "on",
    "since",
    "just",
    "over",
    "about",
    "around",
    "nearly",
    "almost",
];

fn month(w: &str) -> Option<u8> {
    if w.len() < 3 {
        return None;
    }
    let w = if w == "sept" { "sep" } else { w };
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() == 3 && m.starts_with(w)))
        .map(|i| i as u8 + 1)
}

fn weekday_of(w: &str) -> Option<i64> {
    WEEKDAYS
        .iter()
        .position(|d| *d == w || (w.len() >= 3 && d.starts_with(w) && w.len() <= 4))
        .map(|i| i as i64)
}

fn number(w: &str) -> Option<i64> {
    match w {
        "a" | "an" => Some(1),
        "a couple of" => Some(2),
        _ => NUMBERS
            .iter()
            .position(|n| *n == w)
            .map(|i| i as i64)
            .or_else(|| w.parse().ok().filter(|n| (1..=1000).contains(n))),
    }
}

fn year(w: &str) -> Option<i32> {
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
        .filter(|y| (1000..=2999).contains(y))
}

fn day(w: &str) -> Option<u8> {
    let w = w.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
    (!w.is_empty() && w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
        .filter(|d| (1..=31).contains(d))
}

fn ordinal(w: &str) -> Option<i32> {
    if let Some(i) = ORDINALS.iter().position(|o| !o.is_empty() && *o == w) {
        return Some(i as i32);
    }
    let n = ["st", "nd", "rd", "th"].iter().find_map(|s| w.strip_suffix(s))?;
    n.parse().ok().filter(|n| (1..=30).contains(n))
}

/// Lower-cased words of a date expression: commas and periods dropped, dashes apart.
fn words(text: &str) -> Vec<String> {
    let mut s = String::with_capacity(text.len());
    for c in text.chars().flat_map(crate::case::lower) {
        match c {
            ',' | '.' => s.push(' '),
            '-' | '–' | '—' | '‐' | '‑' => s.push_str(" - "),
            '’' => s.push('\''),
            _ => s.push(c),
        }
    }
    let mut w: Vec<String> = s.split_whitespace().map(str::to_string).collect();
    // "twenty - first" → "twenty-first"; "a couple of" → one word.
    let mut i = 0;
    while i + 2 < w.len() {
        if w[i] == "twenty" && w[i + 1] == "-" {
            let joined = format!("twenty-{}", w[i + 2]);
            w.splice(i..i + 3, [joined]);
        } else if w[i] == "a" && w[i + 1] == "couple" && w[i + 2] == "of" {
            w.splice(i..i + 3, ["a couple of".to_string()]);
        }
        i += 1;
    }
    w
}

/// Resolves the text of a DATE mention to a period, or `None` when it cannot be placed
/// on the calendar without guessing. `published` is the article's publication date (at
/// whatever precision is known); `previous` is the last period the article mentioned
/// before this one, the anchor of "two days earlier" or "a year later".
pub fn resolve(text: &str, published: Option<Date>, previous: Option<Period>) -> Option<Period> {
    if text.len() > 80 {
        return None;
    }
    if let Ok(d) = Date::parse(text.trim()) {
        return Some(Period::of(d));
    }
    let all = words(text);
    let mut w: &[String] = &all;
    let mut qualified = false;
    while let Some(first) = w.first() {
        if QUALIFIERS.contains(&first.as_str()) || first == "-" {
            qualified |= first != "the";
            w = &w[1..];
        } else {
            break;
        }
    }
    // A weekday before a full date: "Friday, March 7, 2025".
    if w.len() > 1 && weekday_of(&w[0]).is_some() && w[1..].iter().any(|x| month(x).is_some()) {
        w = &w[1..];
    }
    let s: Vec<&str> = w.iter().map(String::as_str).collect();
    absolute(&s, published).or_else(|| relative(&s, qualified, published, previous))
}

fn absolute(w: &[&str], published: Option<Date>) -> Option<Period> {
    let py = published.map(|p| p.year);
    let is_join = |x: &str| matches!(x, "and" | "to" | "-" | "through" | "until" | "or");
    // A trailing year applies to the whole expression; without one, the publication's.
    let (w, y) = match w.split_last() {
        Some((last, rest))
            if !rest.is_empty() && year(last).is_some() && month(rest[rest.len() - 1]).is_some() =>
        {
            (rest, year(last))
        }
        Some((last, rest))
            if rest.len() >= 2 && year(last).is_some() && day(rest[rest.len() - 1]).is_some() =>
        {
            (rest, year(last))
        }
        _ => (w, None),
    };
    // Without a year, a month up to the publication month is this year's; a later one
    // could be upcoming or last year's ("since October 7" in May), so it stays open.
    let year_of = |last_month: u8| {
        y.or(py.filter(|_| published.and_then(|p| p.month).is_none_or(|pm| last_month <= pm)))
    };
    match *w {
        [a] if year(a).is_some() => Some(Period::years(year(a)?, year(a)?, Precision::Year)),
        [a, j, b] if year(a).is_some() && year(b).is_some() && is_join(j) => {
            let (a, b) = (year(a)?, year(b)?);
            (a <= b).then(|| Period::years(a, b, Precision::Year))
        }
        [a] if a.ends_with('s') && a.len() == 5 && year(&a[..4]).is_some_and(|y| y % 10 == 0) => {
            let y = year(&a[..4])?;
            Some(Period::years(y, y + 9, Precision::Decade))
        }
        [o, "century"] | [o, "centuries", ..] => {
            let n = ordinal(o).or_else(|| o.strip_prefix("twenty-").and_then(ordinal).map(|n| n + 20))?;
            let start = (n - 1) * 100;
            Some(Period::years(start, start + 99, Precision::Century))
        }
        [m] if month(m).is_some() => {
            let m = month(m)?;
            let y = year_of(m)?;
            Some(Period::months(y, m, y, m))
        }
        [m, j, n] if month(m).is_some() && month(n).is_some() && is_join(j) => {
            let (m, n) = (month(m)?, month(n)?);
            let y = year_of(n)?;
            (m <= n).then(|| Period::months(y, m, y, n))
        }
        [m, d] | [d, m] if month(m).is_some() && day(d).is_some() => {
            let m = month(m)?;
            let d = Date::ymd(year_of(m)?, m, day(d)?)?;
            Some(Period::days(d, d, Precision::Day))
        }
        [m, a, j, b] | [a, j, b, m]
            if month(m).is_some() && day(a).is_some() && day(b).is_some() && is_join(j) =>
        {
            let m = month(m)?;
            let y = year_of(m)?;
            let (a, b) = (Date::ymd(y, m, day(a)?)?, Date::ymd(y, m, day(b)?)?);
            (a <= b).then(|| Period::days(a, b, Precision::Day))
        }
        _ => None,
    }
}

fn relative(
    w: &[&str],
    qualified: bool,
    published: Option<Date>,
    previous: Option<Period>,
) -> Option<Period> {
    let day_anchor = published.filter(|p| p.day.is_some());
    let month_anchor = published.filter(|p| p.month.is_some());
    // "the end of the year" is this year's end: the qualifiers took "the end of the".
    let this = ["this"];
    let w = match w {
        [unit] if qualified && matches!(*unit, "year" | "month" | "week") => [this[0], unit],
        _ => return relative_words(w, published, previous, day_anchor, month_anchor),
    };
    relative_words(&w, published, previous, day_anchor, month_anchor)
}

fn relative_words(
    w: &[&str],
    published: Option<Date>,
    previous: Option<Period>,
    day_anchor: Option<Date>,
    month_anchor: Option<Date>,
) -> Option<Period> {
    match *w {
        ["today" | "tonight"] => Some(one_day(day_anchor?)),
        ["yesterday"] => Some(one_day(add_days(day_anchor?, -1))),
        ["tomorrow"] => Some(one_day(add_days(day_anchor?, 1))),
        [d] if weekday_of(d).is_some() => {
            let a = day_anchor?;
            Some(one_day(add_days(a, -(weekday(a) - weekday_of(d)?).rem_euclid(7))))
        }
        [s @ ("last" | "next"), d] if weekday_of(d).is_some() => Some(one_day(add_days(
            day_anchor?,
            weekday_step(s == "next", day_anchor?, weekday_of(d)?),
        ))),
        [s, unit] if shift(s).is_some() => shifted_unit(shift(s)?, unit, published, day_anchor, month_anchor),
        [n, unit, dir @ ("ago" | "earlier" | "later" | "before" | "after")] => {
            let (anchor, sign) = match dir {
                "ago" => (published.map(Period::of)?, -1),
                "earlier" | "before" => (previous?, -1),
                _ => (previous?, 1),
            };
            counted_offset(number(n)? * sign, unit, anchor)
        }
        _ => None,
    }
}

/// The step of "this", "last" or "next" before a unit.
fn shift(word: &str) -> Option<i64> {
    match word {
        "this" | "current" => Some(0),
        "last" => Some(-1),
        "next" => Some(1),
        _ => None,
    }
}

fn one_day(d: Date) -> Period {
    Period::days(d, d, Precision::Day)
}

/// The week (Monday to Sunday) that holds `d`.
fn week_of(d: Date) -> Period {
    let monday = add_days(d, -weekday(d));
    Period::days(monday, add_days(monday, 6), Precision::Week)
}

/// Days from `anchor` to the previous (or, `forward`, the next) weekday `wd`: never
/// the anchor's own day ("next Monday" said on a Monday is a week on).
fn weekday_step(forward: bool, anchor: Date, wd: i64) -> i64 {
    let gap = |n: i64| if n == 0 { 7 } else { n };
    if forward {
        gap((wd - weekday(anchor)).rem_euclid(7))
    } else {
        -gap((weekday(anchor) - wd).rem_euclid(7))
    }
}

/// "this/last/next week|weekend|month|year", `k` units from the anchors.
fn shifted_unit(
    k: i64,
    unit: &str,
    published: Option<Date>,
    day_anchor: Option<Date>,
    month_anchor: Option<Date>,
) -> Option<Period> {
    match unit {
        "week" => Some(week_of(add_days(day_anchor?, 7 * k))),
        "weekend" => {
            let monday = week_of(add_days(day_anchor?, 7 * k)).start;
            Some(Period::days(
                add_days(monday, 5),
                add_days(monday, 6),
                Precision::Week,
            ))
        }
        "month" => {
            let a = month_anchor?;
            let (y, m) = add_months(a.year, a.month?, k);
            Some(Period::months(y, m, y, m))
        }
        "year" => {
            let y = published?.year + k as i32;
            Some(Period::years(y, y, Precision::Year))
        }
        _ => None,
    }
}

/// "<n> days/weeks/months/years ago|earlier|later" as `n` (signed) units from `anchor`,
/// when the anchor is as precise as the unit.
fn counted_offset(n: i64, unit: &str, anchor: Period) -> Option<Period> {
    let one_day_anchor = anchor.precision == Precision::Day && anchor.start == anchor.end;
    match unit.trim_end_matches('s') {
        "day" if one_day_anchor => Some(one_day(add_days(anchor.start, n))),
        "week" if one_day_anchor => Some(week_of(add_days(anchor.start, 7 * n))),
        "month" if anchor.precision <= Precision::Month && same_month(&anchor) => {
            let (y, m) = add_months(anchor.start.year, anchor.start.month?, n);
            Some(Period::months(y, m, y, m))
        }
        "year" if anchor.precision <= Precision::Year && anchor.start.year == anchor.end.year => {
            let y = anchor.start.year + n as i32;
            Some(Period::years(y, y, Precision::Year))
        }
        _ => None,
    }
}

fn same_month(p: &Period) -> bool {
    (p.start.year, p.start.month) == (p.end.year, p.end.month)
}

/// Resolves every DATE mention of the corpus, by document then position. Each
/// resolved mention is the anchor of "earlier"/"later" expressions that follow it.
pub fn date_mentions(corpus: &Corpus, docs: &[DocAnalysis]) -> Vec<DateMention> {
    let documents = corpus.documents.iter().zip(docs).enumerate();
    documents
        .flat_map(|(di, (d, da))| doc_date_mentions(di, d, da))
        .collect()
}

/// The dates of document `d` (index `di`) with its analysis `da`, as [`date_mentions`]
/// gives them.
pub fn doc_date_mentions(di: usize, d: &Document, da: &DocAnalysis) -> Vec<DateMention> {
    let mut out = Vec::new();
    let mut previous = None;
    for (mi, m) in da.mentions.iter().enumerate() {
        if m.label != Label::Date {
            continue;
        }
        let text = &d.text[m.range.clone()];
        let period = resolve(text, d.meta.published, previous);
        previous = period.or(previous);
        let article = da.blocks[m.block].zone.is_article();
        let duration = is_duration(text);
        out.push(DateMention::new(
            di,
            mi,
            m.range.clone(),
            article,
            period,
            duration,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pub_(s: &str) -> Option<Date> {
        Some(Date::parse(s).unwrap())
    }

    fn r(text: &str, published: &str) -> Option<(String, String, Precision)> {
        let p = if published.is_empty() {
            None
        } else {
            pub_(published)
        };
        resolve(text, p, None).map(|p| (p.start.to_string(), p.end.to_string(), p.precision))
    }

    fn span(a: &str, b: &str, p: Precision) -> Option<(String, String, Precision)> {
        Some((a.to_string(), b.to_string(), p))
    }

    #[test]
    fn day_arithmetic_round_trips_and_knows_weekdays() {
        for s in [
            "1970-01-01",
            "2000-02-29",
            "2024-05-16",
            "1899-12-31",
            "2100-03-01",
        ] {
            let d = Date::parse(s).unwrap();
            assert_eq!(from_days(to_days(d)), d);
        }
        assert_eq!(weekday(Date::parse("2024-05-16").unwrap()), 3); // a Thursday
        assert_eq!(
            add_days(Date::parse("2024-03-01").unwrap(), -1).to_string(),
            "2024-02-29"
        );
    }

    #[test]
    fn full_dates_resolve_without_an_anchor() {
        assert_eq!(
            r("March 7, 2025", ""),
            span("2025-03-07", "2025-03-07", Precision::Day)
        );
        assert_eq!(
            r("Friday, March 7, 2025", ""),
            span("2025-03-07", "2025-03-07", Precision::Day)
        );
        assert_eq!(
            r("18 Oct. 2023", ""),
            span("2023-10-18", "2023-10-18", Precision::Day)
        );
        assert_eq!(
            r("2024-05-16", ""),
            span("2024-05-16", "2024-05-16", Precision::Day)
        );
        assert_eq!(r("2030", ""), span("2030-01-01", "2030-12-31", Precision::Year));
        assert_eq!(
            r("December 2019", ""),
            span("2019-12-01", "2019-12-31", Precision::Month)
        );
        assert_eq!(
            r("2020 to 2022", ""),
            span("2020-01-01", "2022-12-31", Precision::Year)
        );
    }

    #[test]
    fn decades_and_centuries_are_coarse_periods() {
        assert_eq!(
            r("the 1990s", ""),
            span("1990-01-01", "1999-12-31", Precision::Decade)
        );
        assert_eq!(
            r("early 2000s", ""),
            span("2000-01-01", "2009-12-31", Precision::Decade)
        );
        assert_eq!(
            r("nineteenth century", ""),
            span("1800-01-01", "1899-12-31", Precision::Century)
        );
        assert_eq!(
            r("the 21st century", ""),
            span("2000-01-01", "2099-12-31", Precision::Century)
        );
        assert_eq!(
            r("the twenty-first century", ""),
            span("2000-01-01", "2099-12-31", Precision::Century)
        );
    }

    #[test]
    fn months_and_days_without_a_year_take_the_publication_year() {
        assert_eq!(
            r("June 3 and 4", "2024-06"),
            span("2024-06-03", "2024-06-04", Precision::Day)
        );
        assert_eq!(
            r("16–17 May", "2024"),
            span("2024-05-16", "2024-05-17", Precision::Day)
        );
        assert_eq!(
            r("September 3", "2025"),
            span("2025-09-03", "2025-09-03", Precision::Day)
        );
        assert_eq!(
            r("March and April", "2024-05"),
            span("2024-03-01", "2024-04-30", Precision::Month)
        );
        assert_eq!(
            r("March", "2024-05"),
            span("2024-03-01", "2024-03-31", Precision::Month)
        );
        assert_eq!(r("September 3", ""), None);
        // A later month than the publication's may be upcoming or last year's.
        assert_eq!(r("October 7", "2024-05"), None);
        assert_eq!(r("November", "2024-05-16"), None);
        assert_eq!(
            r("November 2024", "2024-05"),
            span("2024-11-01", "2024-11-30", Precision::Month)
        );
        assert_eq!(r("February 30", "2024"), None);
    }

    #[test]
    fn relative_years_need_the_publication_year() {
        assert_eq!(
            r("last year", "2024-05"),
            span("2023-01-01", "2023-12-31", Precision::Year)
        );
        assert_eq!(
            r("this year", "2024"),
            span("2024-01-01", "2024-12-31", Precision::Year)
        );
        assert_eq!(
            r("Earlier this year", "2024"),
            span("2024-01-01", "2024-12-31", Precision::Year)
        );
        assert_eq!(
            r("end of the year", "2024"),
            span("2024-01-01", "2024-12-31", Precision::Year)
        );
        assert_eq!(
            r("two years ago", "2024-05"),
            span("2022-01-01", "2022-12-31", Precision::Year)
        );
        assert_eq!(
            r("Just over a year ago", "2024"),
            span("2023-01-01", "2023-12-31", Precision::Year)
        );
        assert_eq!(r("last year", ""), None);
    }

    #[test]
    fn relative_months_need_the_publication_month() {
        assert_eq!(
            r("last month", "2024-01"),
            span("2023-12-01", "2023-12-31", Precision::Month)
        );
        assert_eq!(
            r("next month", "2024-12-10"),
            span("2025-01-01", "2025-01-31", Precision::Month)
        );
        assert_eq!(
            r("earlier this month", "2024-05"),
            span("2024-05-01", "2024-05-31", Precision::Month)
        );
        assert_eq!(r("last month", "2024"), None);
    }

    #[test]
    fn days_and_weeks_need_the_publication_day() {
        // 2024-05-16 is a Thursday.
        assert_eq!(
            r("today", "2024-05-16"),
            span("2024-05-16", "2024-05-16", Precision::Day)
        );
        assert_eq!(
            r("Tuesday", "2024-05-16"),
            span("2024-05-14", "2024-05-14", Precision::Day)
        );
        assert_eq!(
            r("Thursday", "2024-05-16"),
            span("2024-05-16", "2024-05-16", Precision::Day)
        );
        assert_eq!(
            r("last Thursday", "2024-05-16"),
            span("2024-05-09", "2024-05-09", Precision::Day)
        );
        assert_eq!(
            r("next Monday", "2024-05-16"),
            span("2024-05-20", "2024-05-20", Precision::Day)
        );
        assert_eq!(
            r("this week", "2024-05-16"),
            span("2024-05-13", "2024-05-19", Precision::Week)
        );
        assert_eq!(
            r("last week", "2024-05-16"),
            span("2024-05-06", "2024-05-12", Precision::Week)
        );
        assert_eq!(
            r("this weekend", "2024-05-16"),
            span("2024-05-18", "2024-05-19", Precision::Week)
        );
        assert_eq!(
            r("yesterday", "2024-03-01"),
            span("2024-02-29", "2024-02-29", Precision::Day)
        );
        for t in ["Tuesday", "today", "this week", "this weekend"] {
            assert_eq!(r(t, "2024-05"), None, "{t}");
        }
    }

    #[test]
    fn earlier_and_later_count_from_the_previous_date() {
        let may16 = resolve("May 16, 2024", None, None);
        let got = resolve("two days earlier", pub_("2024-06-01"), may16).unwrap();
        assert_eq!(got.start.to_string(), "2024-05-14");
        let y = resolve("a year later", None, resolve("2019", None, None)).unwrap();
        assert_eq!(y.start.to_string(), "2020-01-01");
        assert_eq!(resolve("two days earlier", pub_("2024-05-16"), None), None);
        assert_eq!(
            resolve("two days earlier", None, resolve("May 2024", None, None)),
            None
        );
    }

    #[test]
    fn durations_and_vague_spans_stay_unresolved() {
        for t in [
            "four months",
            "three-week",
            "recent years",
            "weeks",
            "100 years",
            "12th week",
            "past few years",
            "more than two years",
            "weeks or months",
            "weekend",
            "",
            "-",
            "the",
        ] {
            assert_eq!(r(t, "2024-05-16"), None, "{t}");
        }
        assert_eq!(r(&"May ".repeat(100), "2024"), None);
    }
}
