//! The documents of each timeline bucket, in period files (see the [module doc](super)),
//! so that a period chosen on the timeline filters the articles without their texts:
//! the writer and the one decoder.

use super::read::FileRef;
use super::SiteError;
use crate::page::{numbers, push_escaped, unescape, write_numbers, FIELD, RECORD};
use crate::timeline::{bucket_keys, DateMention, Granularity};
use std::collections::BTreeMap;

/// A bucket's documents: those with a DATE mention in it, in order, each with whether
/// one such mention is in the article proper.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodDocs {
    /// The bucket's key: `YYYY` or `YYYY-MM` (as the head's timelines and the URL's `when`).
    pub key: String,
    /// (document, whether it counts in the article proper), in document order.
    pub docs: Vec<(u32, bool)>,
}

/// Every month and year bucket of `dates` (in document order) with its documents, by key
/// in sorted order: a document is in a bucket when one of its dates counts in it in the
/// timeline of that granularity ([`crate::timeline::timeline`]).
pub(super) fn period_docs(dates: &[DateMention]) -> BTreeMap<String, Vec<(u32, bool)>> {
    let mut out: BTreeMap<String, Vec<(u32, bool)>> = BTreeMap::new();
    for m in dates {
        let Some(p) = m.period else { continue };
        for g in [Granularity::Month, Granularity::Year] {
            for key in bucket_keys(&p, g).into_iter().flatten() {
                let docs = out.entry(key.to_string()).or_default();
                match docs.last_mut() {
                    Some((d, article)) if *d as usize == m.doc => *article |= m.article,
                    _ => docs.push((m.doc as u32, m.article)),
                }
            }
        }
    }
    out
}

/// Appends a bucket's record: its key, then each document's distance from the previous
/// (the first: from 0) times two, plus one when it counts in the article proper.
pub(super) fn write_period(out: &mut String, key: &str, docs: &[(u32, bool)]) {
    push_escaped(out, key);
    out.push(FIELD);
    let mut previous = 0;
    write_numbers(
        out,
        docs.iter().map(|&(d, article)| {
            let n = (d - previous) as usize * 2 + usize::from(article);
            previous = d;
            n
        }),
    );
}

/// Reads the period file `file`, as `fetched`: its buckets in key order, from the
/// directory's first key.
pub fn read_periods(file: &FileRef, fetched: Option<&[u8]>) -> Result<Vec<PeriodDocs>, SiteError> {
    let text = file.open(fetched)?;
    let bad = |why: &str| SiteError::damaged(&file.name, why);
    let mut records = text.split(RECORD);
    if records.next() != Some("dossier-periods 1") {
        return Err(bad("not a period file this version of Dossier reads"));
    }
    let out = records
        .map(|r| {
            let (key, list) = r.split_once(FIELD)?;
            let mut doc = 0u32;
            let docs = numbers(list)
                .enumerate()
                .map(|(i, n)| {
                    let n = n?;
                    let step = u32::try_from(n / 2).ok().filter(|&s| s > 0 || i == 0)?;
                    doc = doc.checked_add(step)?;
                    Some((doc, n % 2 == 1))
                })
                .collect::<Option<Vec<_>>>()?;
            Some(PeriodDocs {
                key: unescape(key),
                docs,
            })
        })
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| bad("a bucket's record is damaged"))?;
    if out.first().map(|p| &p.key) != Some(&file.key) || out.windows(2).any(|w| w[0].key >= w[1].key) {
        return Err(bad("its buckets are not the directory's"));
    }
    Ok(out)
}
