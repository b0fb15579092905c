//! DATE mentions on a calendar: each mention's [`Period`] (resolved at analysis time,
//! `crate::resolve`) counted in month or year buckets, and the documents a selected
//! period keeps.

use crate::date::{days_in_month, Date};
use std::ops::Range;

/// How precisely a period is known, finest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// One or more days.
    Day,
    /// A week (or weekend).
    Week,
    /// One or more months.
    Month,
    /// One or more years.
    Year,
    /// A decade.
    Decade,
    /// A century.
    Century,
}

/// A span of calendar days, both ends included, and how precisely it is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    /// The first day (always day-precise).
    pub start: Date,
    /// The last day (always day-precise).
    pub end: Date,
    /// The precision of the expression it comes from.
    pub precision: Precision,
}

impl Period {
    /// The span a date covers at its own precision: a whole year, month, or one day.
    pub fn of(date: Date) -> Period {
        match (date.month, date.day) {
            (Some(m), Some(d)) => Period::days(ymd(date.year, m, d), ymd(date.year, m, d), Precision::Day),
            (Some(m), None) => Period::months(date.year, m, date.year, m),
            _ => Period::years(date.year, date.year, Precision::Year),
        }
    }

    pub(crate) fn days(start: Date, end: Date, precision: Precision) -> Period {
        Period {
            start,
            end,
            precision,
        }
    }

    pub(crate) fn months(y1: i32, m1: u8, y2: i32, m2: u8) -> Period {
        Period::days(
            ymd(y1, m1, 1),
            ymd(y2, m2, days_in_month(y2, m2)),
            Precision::Month,
        )
    }

    pub(crate) fn years(y1: i32, y2: i32, precision: Precision) -> Period {
        Period::days(ymd(y1, 1, 1), ymd(y2, 12, 31), precision)
    }

    /// Whether the two periods share at least one day.
    pub fn overlaps(&self, other: &Period) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// Whether the period belongs in the timeline bucket `key` (a year, or a month when
    /// `key` has one): it overlaps the bucket and is at least as precise as it.
    pub fn in_bucket(&self, key: Date) -> bool {
        self.in_buckets(key, key)
    }

    /// Whether the period belongs in the buckets from `from` to `to`, both included (years,
    /// or months when `from` has one): it overlaps them and is at least as precise as a
    /// bucket.
    pub fn in_buckets(&self, from: Date, to: Date) -> bool {
        let fine = if from.month.is_some() {
            Precision::Month
        } else {
            Precision::Year
        };
        let span = Period {
            start: Period::of(Date { day: None, ..from }).start,
            end: Period::of(Date { day: None, ..to }).end,
            precision: fine,
        };
        self.precision <= fine && self.overlaps(&span)
    }
}

pub(crate) fn ymd(y: i32, m: u8, d: u8) -> Date {
    Date {
        year: y,
        month: Some(m),
        day: Some(d),
    }
}

pub(crate) fn add_months(y: i32, m: u8, n: i64) -> (i32, u8) {
    let k = i64::from(y) * 12 + i64::from(m) - 1 + n;
    (k.div_euclid(12) as i32, (k.rem_euclid(12) + 1) as u8)
}

/// One DATE mention of the corpus and what it resolves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Index of the document.
    pub doc: usize,
    /// Index of the mention in the document's mentions.
    pub mention: usize,
    /// Byte range of the mention in the document's text.
    pub range: Range<usize>,
    /// Whether the mention is in the article proper (title or body).
    pub article: bool,
    /// The period it resolves to, or `None` when it cannot be placed without guessing.
    pub period: Option<Period>,
    /// Whether it is a length of time ("two-day", "100 years"), not a date: never placed,
    /// and not counted among the dates that cannot be placed.
    pub duration: bool,
}

impl DateMention {
    /// A mention of document `doc`; `duration` (a length of time, decided by the
    /// analysis) counts only when the mention has no `period`.
    pub fn new(
        doc: usize,
        mention: usize,
        range: Range<usize>,
        article: bool,
        period: Option<Period>,
        duration: bool,
    ) -> DateMention {
        DateMention {
            doc,
            mention,
            range,
            article,
            period,
            duration: period.is_none() && duration,
        }
    }
}

/// Bucket size of a timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Granularity {
    /// One bucket per month (day-, week- and month-precise mentions).
    Month,
    /// One bucket per year (every mention known to the year or better).
    Year,
}

/// One bucket of a timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bucket {
    /// The year, or year and month, the bucket covers (also the URL's `when`).
    pub key: Date,
    /// Mentions whose period falls in the bucket.
    pub mentions: usize,
    /// Documents with such a mention.
    pub documents: usize,
}

/// DATE mentions counted on a calendar.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Timeline {
    /// Non-empty buckets, in calendar order.
    pub buckets: Vec<Bucket>,
    /// Resolved mentions too coarse for the buckets (a decade in a year timeline).
    pub coarser: usize,
    /// Mentions that could not be resolved, durations apart.
    pub unresolved: usize,
    /// Mentions of a length of time, not a date.
    pub durations: usize,
}

/// Counts `dates` by month or year, keeping the mentions of documents for which `keep`
/// is true, in the article proper unless `all_zones`. A mention spanning several
/// buckets ("March and April") counts in each.
pub fn timeline(
    dates: &[DateMention],
    granularity: Granularity,
    all_zones: bool,
    keep: impl Fn(usize) -> bool,
) -> Timeline {
    let mut t = Timeline::default();
    // (key, doc) pairs, then counted.
    let mut hits: Vec<(Date, usize)> = Vec::new();
    for m in dates.iter().filter(|m| (all_zones || m.article) && keep(m.doc)) {
        let Some(p) = m.period else {
            if m.duration {
                t.durations += 1;
            } else {
                t.unresolved += 1;
            }
            continue;
        };
        let Some(keys) = bucket_keys(&p, granularity) else {
            t.coarser += 1;
            continue;
        };
        hits.extend(keys.map(|key| (key, m.doc)));
    }
    crate::order::sort(&mut hits);
    for (i, &(key, doc)) in hits.iter().enumerate() {
        let new_doc = i == 0 || hits[i - 1] != (key, doc);
        match t.buckets.last_mut() {
            Some(b) if b.key == key => {
                b.mentions += 1;
                b.documents += usize::from(new_doc);
            }
            _ => t.buckets.push(Bucket {
                key,
                mentions: 1,
                documents: 1,
            }),
        }
    }
    t
}

/// The buckets of `granularity` period `p` counts in, in order (every month or year it
/// overlaps), or `None` when it is too coarse for them (a decade in a year timeline).
pub fn bucket_keys(p: &Period, granularity: Granularity) -> Option<impl Iterator<Item = Date>> {
    let fine = match granularity {
        Granularity::Month => Precision::Month,
        Granularity::Year => Precision::Year,
    };
    if p.precision > fine {
        return None;
    }
    let first = match granularity {
        Granularity::Month => Date { day: None, ..p.start },
        Granularity::Year => Date {
            year: p.start.year,
            month: None,
            day: None,
        },
    };
    let end = p.end;
    let next = |key: &Date| match key.month {
        Some(mo) => {
            let (y, mo) = add_months(key.year, mo, 1);
            Date {
                year: y,
                month: Some(mo),
                day: None,
            }
        }
        None => Date {
            year: key.year + 1,
            ..*key
        },
    };
    Some(
        std::iter::successors(Some(first), move |k| Some(next(k)))
            .take_while(move |k| Period::of(*k).start <= end),
    )
}

/// Whether document `doc` mentions a date in the buckets `from` to `to` (years, or
/// months), in the article proper unless `all_zones`: the documents a selected period
/// filters to.
pub fn mentions_period(dates: &[DateMention], doc: usize, (from, to): (Date, Date), all_zones: bool) -> bool {
    let first = dates.partition_point(|m| m.doc < doc);
    dates[first..]
        .iter()
        .take_while(|m| m.doc == doc)
        .any(|m| (all_zones || m.article) && m.period.is_some_and(|p| p.in_buckets(from, to)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dm(doc: usize, period: Option<Period>) -> DateMention {
        DateMention {
            doc,
            mention: 0,
            range: 0..1,
            article: true,
            period,
            duration: false,
        }
    }

    /// The period from `a` to `b` (days), as precise as `p`.
    fn span(a: &str, b: &str, precision: Precision) -> Option<Period> {
        let day = |s| Date::parse(s).unwrap();
        Some(Period::days(day(a), day(b), precision))
    }

    #[test]
    fn buckets_count_mentions_and_documents_per_month() {
        let dates = vec![
            dm(0, span("2024-05-16", "2024-05-16", Precision::Day)),
            dm(0, span("2024-05-17", "2024-05-17", Precision::Day)),
            dm(1, span("2024-03-01", "2024-04-30", Precision::Month)),
            dm(1, span("1990-01-01", "1999-12-31", Precision::Decade)),
            dm(2, None),
            dm(2, span("2024-05-01", "2024-05-31", Precision::Month)),
        ];
        let t = timeline(&dates, Granularity::Month, false, |_| true);
        let got: Vec<(String, usize, usize)> = t
            .buckets
            .iter()
            .map(|b| (b.key.to_string(), b.mentions, b.documents))
            .collect();
        assert_eq!(
            got,
            [
                ("2024-03".into(), 1, 1),
                ("2024-04".into(), 1, 1),
                ("2024-05".into(), 3, 2)
            ]
        );
        assert_eq!((t.coarser, t.unresolved), (1, 1));
        let years = timeline(&dates, Granularity::Year, false, |d| d != 0);
        assert_eq!(years.buckets.len(), 1);
        assert_eq!((years.buckets[0].mentions, years.buckets[0].documents), (2, 2));
    }

    #[test]
    fn a_selected_period_keeps_documents_with_a_date_in_it() {
        let dates = vec![
            dm(0, span("2024-05-16", "2024-05-16", Precision::Day)),
            dm(1, span("2020-01-01", "2029-12-31", Precision::Decade)),
            dm(2, span("2024-01-01", "2024-12-31", Precision::Year)),
        ];
        let may = Date::parse("2024-05").unwrap();
        let y2024 = Date::parse("2024").unwrap();
        let keep: Vec<usize> = (0..3)
            .filter(|&d| mentions_period(&dates, d, (may, may), false))
            .collect();
        assert_eq!(keep, [0]);
        let keep: Vec<usize> = (0..3)
            .filter(|&d| mentions_period(&dates, d, (y2024, y2024), false))
            .collect();
        assert_eq!(keep, [0, 2]);
    }

    #[test]
    fn a_span_of_buckets_keeps_dates_in_any_of_them() {
        let dates = vec![
            dm(0, span("2021-02-10", "2021-02-10", Precision::Day)),
            dm(1, span("2021-06-01", "2021-06-30", Precision::Month)),
            dm(2, span("2021-01-01", "2021-12-31", Precision::Year)),
        ];
        let (jan, mar) = (Date::parse("2021-01").unwrap(), Date::parse("2021-03").unwrap());
        let keep: Vec<usize> = (0..3)
            .filter(|&d| mentions_period(&dates, d, (jan, mar), false))
            .collect();
        assert_eq!(keep, [0]);
        let (y20, y21) = (Date::parse("2020").unwrap(), Date::parse("2021").unwrap());
        let keep: Vec<usize> = (0..3)
            .filter(|&d| mentions_period(&dates, d, (y20, y21), false))
            .collect();
        assert_eq!(keep, [0, 1, 2]);
    }

    #[test]
    fn durations_are_counted_apart_from_unplaced_dates() {
        let mut dates = vec![
            dm(0, None),
            dm(0, None),
            dm(1, span("2021-02-10", "2021-02-10", Precision::Day)),
        ];
        dates[0].duration = true;
        let t = timeline(&dates, Granularity::Month, false, |_| true);
        assert_eq!((t.durations, t.unresolved, t.buckets.len()), (1, 1, 1));
        let d = DateMention::new(0, 0, 0..8, true, None, true);
        assert!(d.duration);
        let placed = DateMention::new(
            0,
            0,
            0..8,
            true,
            span("2021-02-10", "2021-02-10", Precision::Day),
            true,
        );
        assert!(!placed.duration);
    }
}
