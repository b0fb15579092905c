//! Calendar dates of known precision: a year, a month, or a day.
//!
//! Corpus metadata often knows only the month an article appeared in; a `Date` keeps
//! exactly what is known instead of inventing a day.

use std::fmt;

/// A calendar date known to the year, the month or the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year, e.g. 2024.
    pub year: i32,
    /// The month, 1–12, when known.
    pub month: Option<u8>,
    /// The day of the month, when known (only with a month).
    pub day: Option<u8>,
}

impl Date {
    /// A date known to the day. Returns `None` when the day does not exist.
    pub fn ymd(year: i32, month: u8, day: u8) -> Option<Date> {
        (1..=12)
            .contains(&month)
            .then_some(())
            .filter(|_| day >= 1 && day <= days_in_month(year, month))
            .map(|_| Date {
                year,
                month: Some(month),
                day: Some(day),
            })
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking that the date exists.
    pub fn parse(s: &str) -> Result<Date, DateError<'_>> {
        let err = |kind| DateError { text: s, kind };
        let parts: Vec<&str> = s.split('-').collect();
        let num = |p: &str, what: &'static str, len: usize| -> Result<u32, DateError<'_>> {
            if p.len() != len || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(err(DateErrorKind::Digits { what, len }));
            }
            // At most four digits, checked above: no overflow, and no `parse` error to format.
            Ok(p.bytes().fold(0, |n, b| n * 10 + u32::from(b - b'0')))
        };
        if parts.is_empty() || parts.len() > 3 {
            return Err(err(DateErrorKind::Shape));
        }
        let year = num(parts[0], "the year", 4)? as i32;
        let month = match parts.get(1) {
            Some(p) => {
                let m = num(p, "the month", 2)?;
                if !(1..=12).contains(&m) {
                    return Err(err(DateErrorKind::Month(m)));
                }
                Some(m as u8)
            }
            None => None,
        };
        let day = match (parts.get(2), month) {
            (Some(p), Some(m)) => {
                let d = num(p, "the day", 2)?;
                let max = u32::from(days_in_month(year, m));
                if d == 0 || d > max {
                    return Err(err(DateErrorKind::Day { day: d, max }));
                }
                Some(d as u8)
            }
            _ => None,
        };
        Ok(Date { year, month, day })
    }
}

/// Why a string is not a date ([`Date::parse`]). The message is formatted only when the
/// error is shown (the CLI's corpus errors): the app only asks whether a string is a
/// date, and formatting every failure cost time in the analysis and code in the wasm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateError<'a> {
    /// The string that is not a date.
    pub text: &'a str,
    /// What is wrong with it.
    pub kind: DateErrorKind,
}

/// What is wrong with a string that is not a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateErrorKind {
    /// Not one to three parts separated by '-'.
    Shape,
    /// A part is not `len` digits (`what`: "the year", "the month", "the day").
    Digits {
        /// The part.
        what: &'static str,
        /// The digits it needs.
        len: usize,
    },
    /// The month is not between 1 and 12.
    Month(u32),
    /// The day does not exist in its month.
    Day {
        /// The day given.
        day: u32,
        /// The days the month has.
        max: u32,
    },
}

impl fmt::Display for DateError<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.text;
        match self.kind {
            DateErrorKind::Shape => {
                write!(f, "{s:?} is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)")
            }
            DateErrorKind::Digits { what, len } => write!(
                f,
                "{what} must be {len} digits in {s:?} (expected YYYY, YYYY-MM or YYYY-MM-DD)"
            ),
            DateErrorKind::Month(m) => write!(f, "month {m} in {s:?} is not between 01 and 12"),
            DateErrorKind::Day { day, max } => {
                write!(f, "day {day} in {s:?} does not exist (that month has {max} days)")
            }
        }
    }
}

impl std::error::Error for DateError<'_> {}

/// Whether `year` is a leap year in the proleptic Gregorian calendar.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The number of days in `month` (1–12) of `year`.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision() {
        assert_eq!(
            Date::parse("2024").unwrap(),
            Date {
                year: 2024,
                month: None,
                day: None
            }
        );
        assert_eq!(Date::parse("2024-05").unwrap().month, Some(5));
        assert_eq!(Date::parse("2024-02-29").unwrap().day, Some(29));
    }

    #[test]
    fn rejects_days_that_do_not_exist() {
        assert_eq!(
            Date::parse("2023-02-29").unwrap_err().to_string(),
            "day 29 in \"2023-02-29\" does not exist (that month has 28 days)"
        );
        assert_eq!(
            Date::parse("2024-13-01").unwrap_err().to_string(),
            "month 13 in \"2024-13-01\" is not between 01 and 12"
        );
        assert_eq!(
            Date::parse("2024-1-1").unwrap_err().to_string(),
            "the month must be 2 digits in \"2024-1-1\" (expected YYYY, YYYY-MM or YYYY-MM-DD)"
        );
        assert_eq!(
            Date::parse("1-2-3-4").unwrap_err().to_string(),
            "\"1-2-3-4\" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)"
        );
        assert!(Date::parse("24-01-01").is_err());
        assert!(Date::parse("2024-1-1").is_err());
        assert!(Date::parse("May 2024").is_err());
        assert!(Date::parse("").is_err());
    }

    #[test]
    fn displays_as_iso_8601_at_its_precision() {
        for s in ["2024", "2024-05", "2024-05-16"] {
            assert_eq!(Date::parse(s).unwrap().to_string(), s);
        }
    }

    #[test]
    fn ymd_checks_the_calendar() {
        assert!(Date::ymd(2000, 2, 29).is_some());
        assert!(Date::ymd(1900, 2, 29).is_none());
        assert!(Date::ymd(2024, 4, 31).is_none());
    }
}
