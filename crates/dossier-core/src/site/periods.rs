//! The documents of each timeline bucket, in period files (see the [module doc](super)),
//! so that a period chosen on the timeline filters the articles without their texts:
//! the writer and the one decoder.

use super::facets::{read_ascending, write_ascending};
use super::read::FileRef;
use super::SiteError;
use crate::page::{push_escaped, unescape, FIELD, RECORD};
use crate::timeline::{bucket_keys, DateMention, Granularity};
use std::collections::BTreeMap;

/// A bucket's documents: those with a DATE mention that counts in it
/// ([`crate::timeline::timeline`]), in the article proper or only outside it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PeriodDocs {
    /// The bucket's key: `YYYY` or `YYYY-MM` (as the head's timelines and the URL's `when`).
    pub key: String,
    /// The documents with such a date in the article proper, in order.
    pub article: Vec<u32>,
    /// The documents with such dates only outside it (captions, boilerplate), in order.
    pub other: Vec<u32>,
}

/// Every month and year bucket of `dates` (in document order) with its documents, by key
/// in sorted order.
pub(super) fn period_docs(dates: &[DateMention]) -> BTreeMap<String, PeriodDocs> {
    let mut out: BTreeMap<String, PeriodDocs> = BTreeMap::new();
    for m in dates {
        let Some(p) = m.period else { continue };
        for g in [Granularity::Month, Granularity::Year] {
            for key in bucket_keys(&p, g).into_iter().flatten() {
                let b = out.entry(key.to_string()).or_default();
                let doc = m.doc as u32;
                if m.article && b.other.last() == Some(&doc) {
                    b.other.pop();
                }
                let in_either = b.article.last() == Some(&doc) || b.other.last() == Some(&doc);
                if !in_either {
                    let list = if m.article { &mut b.article } else { &mut b.other };
                    list.push(doc);
                }
            }
        }
    }
    out
}

/// Appends a bucket's record: its key, the documents with a date in it in the article
/// proper, then those with such dates only outside it, each list as ascending numbers.
pub(super) fn write_period(out: &mut String, key: &str, p: &PeriodDocs) {
    push_escaped(out, key);
    out.push(FIELD);
    write_ascending(out, &p.article);
    out.push(FIELD);
    write_ascending(out, &p.other);
}

/// Reads the period file `file`, as `fetched`, of a corpus of `documents` documents: its
/// buckets in key order, from the directory's first key.
pub fn read_periods(
    file: &FileRef,
    fetched: Option<&[u8]>,
    documents: usize,
) -> Result<Vec<PeriodDocs>, SiteError> {
    let text = file.open(fetched)?;
    let bad = |why: &str| SiteError::damaged(&file.name, why);
    let mut records = text.split(RECORD);
    if records.next() != Some("dossier-periods 1") {
        return Err(bad("not a period file this version of Dossier reads"));
    }
    let out = records
        .map(|r| {
            let mut fields = r.split(FIELD);
            let key = unescape(fields.next()?);
            let article = read_ascending(fields.next()?, documents)?;
            let other = read_ascending(fields.next()?, documents)?;
            fields
                .next()
                .is_none()
                .then_some(PeriodDocs { key, article, other })
        })
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| bad("a bucket's record is damaged"))?;
    if out.first().map(|p| &p.key) != Some(&file.key) || out.windows(2).any(|w| w[0].key >= w[1].key) {
        return Err(bad("its buckets are not the directory's"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;
    use crate::timeline::Period;

    fn date(doc: usize, article: bool, when: &str) -> DateMention {
        let p = Period::of(Date::parse(when).unwrap());
        DateMention::new(doc, 0, 0..1, article, Some(p), false)
    }

    #[test]
    fn a_document_is_in_a_bucket_once_in_the_article_proper_if_any_of_its_dates_is() {
        let dates = [
            date(0, false, "2024-05-02"),
            date(0, true, "2024-05-20"),
            date(1, false, "2024-05"),
            date(2, true, "2024-05"),
            date(2, false, "2024-05-09"),
            date(3, false, "2024"),
        ];
        let p = period_docs(&dates);
        assert_eq!(
            (p["2024-05"].article.as_slice(), p["2024-05"].other.as_slice()),
            (&[0, 2][..], &[1][..])
        );
        // A year-precise date is in the year's bucket only.
        assert_eq!(
            (p["2024"].article.as_slice(), p["2024"].other.as_slice()),
            (&[0, 2][..], &[1, 3][..])
        );
        assert_eq!(p.len(), 2);
        let mut out = String::new();
        write_period(&mut out, "2024", &p["2024"]);
        assert_eq!(out, format!("2024{FIELD}0 2{FIELD}1 2"));
    }
}
