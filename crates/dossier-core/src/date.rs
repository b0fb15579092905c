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
    pub fn parse(s: &str) -> Result<Date, String> {
        let parts: Vec<&str> = s.split('-').collect();
        let num = |p: &str, what: &str, len: usize| -> Result<u32, String> {
            if p.len() != len || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!(
                    "{what} must be {len} digits in {s:?} (expected YYYY, YYYY-MM or YYYY-MM-DD)"
                ));
            }
            Ok(p.parse().expect("digits"))
        };
        if parts.is_empty() || parts.len() > 3 {
            return Err(format!(
                "{s:?} is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)"
            ));
        }
        let year = num(parts[0], "the year", 4)? as i32;
        let month = match parts.get(1) {
            Some(p) => {
                let m = num(p, "the month", 2)?;
                if !(1..=12).contains(&m) {
                    return Err(format!("month {m} in {s:?} is not between 01 and 12"));
                }
                Some(m as u8)
            }
            None => None,
        };
        let day = match (parts.get(2), month) {
            (Some(p), Some(m)) => {
                let d = num(p, "the day", 2)?;
                let max = days_in_month(year, m) as u32;
                if d == 0 || d > max {
                    return Err(format!(
                        "day {d} in {s:?} does not exist (that month has {max} days)"
                    ));
                }
                Some(d as u8)
            }
            _ => None,
        };
        Ok(Date { year, month, day })
    }
}

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
        assert!(Date::parse("2023-02-29").unwrap_err().contains("does not exist"));
        assert!(Date::parse("2024-13-01").unwrap_err().contains("month 13"));
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
