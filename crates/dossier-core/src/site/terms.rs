//! The search index as files: fragments of terms in sorted order, and a common term's
//! postings cut in parts by document range, with its totals in the directory (see the
//! [module doc](super)). The writer and the one decoder of each.

use super::read::{FileRef, Kind};
use super::SiteError;
use crate::index::{Index, Posting};
use crate::page::{numbers, push_escaped, unescape, write_numbers, FIELD, RECORD};
use std::fmt::Write as _;

/// A term and its postings, each with whether its word is in the article proper.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermPostings {
    /// The normalised term.
    pub term: String,
    /// Every occurrence (in a part: every one in its documents), by document then
    /// position.
    pub postings: Vec<(Posting, bool)>,
}

/// A term whose postings are cut in parts: its totals, so that a count needs no part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermTotals {
    /// The normalised term.
    pub term: String,
    /// Its occurrences: in all zones, in the article proper.
    pub postings: [usize; 2],
    /// The documents it occurs in: in all zones, in the article proper.
    pub documents: [usize; 2],
}

impl TermTotals {
    /// The directory's record of these totals.
    pub(super) fn record(&self) -> String {
        let mut out = String::from("w");
        out.push(FIELD);
        push_escaped(&mut out, &self.term);
        let [p, pa] = self.postings;
        let [d, da] = self.documents;
        let _ = write!(out, "{FIELD}{p}{FIELD}{pa}{FIELD}{d}{FIELD}{da}");
        out
    }

    /// Reads a directory record of totals (without its kind field).
    pub(super) fn read(fields: &[&str]) -> Option<TermTotals> {
        let [term, p, pa, d, da] = fields else {
            return None;
        };
        let n = |s: &str| s.parse::<usize>().ok();
        Some(TermTotals {
            term: unescape(term),
            postings: [n(p)?, n(pa)?],
            documents: [n(d)?, n(da)?],
        })
    }
}

/// The postings of a term as its record writes them: the document's distance from the
/// previous posting's (the first: from 0), the word position times two, plus one when
/// the word is in the article proper.
fn posting_numbers(ix: &Index, postings: &[Posting], out: &mut String) {
    let mut previous = 0;
    write_numbers(
        out,
        postings.iter().flat_map(|p| {
            let article = ix.doc(p.doc as usize).counts(p.pos as usize, false);
            let pair = [
                (p.doc - previous) as usize,
                p.pos as usize * 2 + usize::from(article),
            ];
            previous = p.doc;
            pair
        }),
    );
}

/// What [`term_files`] makes: each file's kind, content, and the directory fields
/// after the name and length, and the totals of each term cut in parts.
pub(super) enum TermFile {
    /// A fragment (`t`) with its first term, or a part (`p`) with its term, first
    /// document and number of documents.
    File(Kind, String, String),
    /// A cut term's totals, before its parts.
    Totals(TermTotals),
}

/// The index's terms as files, each handed to `put` as made: fragments ending with the
/// term that brings them to `size` bytes; a term whose record alone would reach `size`
/// goes to parts instead, each ending with the document that brings it to `size`.
pub(super) fn term_files<E>(
    ix: &Index,
    size: usize,
    put: &mut impl FnMut(TermFile) -> Result<(), E>,
) -> Result<(), E> {
    let (mut out, mut first, mut record) = (String::new(), String::new(), String::new());
    let mut terms = ix.terms_with_prefix("").peekable();
    while let Some(t) = terms.next() {
        let (term, postings) = (ix.term_text(t), ix.postings(t));
        record.clear();
        posting_numbers(ix, postings, &mut record);
        if record.len() >= size {
            put(TermFile::Totals(totals(ix, term, postings)))?;
            parts(ix, term, postings, size, put)?;
        } else {
            if out.is_empty() {
                out.push_str("dossier-terms 1");
                first = term.to_string();
            }
            out.push(RECORD);
            push_escaped(&mut out, term);
            out.push(FIELD);
            out.push_str(&record);
        }
        if !out.is_empty() && (out.len() >= size || terms.peek().is_none()) {
            let mut key = String::new();
            push_escaped(&mut key, &first);
            put(TermFile::File(Kind::Terms, std::mem::take(&mut out), key))?;
        }
    }
    Ok(())
}

/// A term's totals from its postings.
fn totals(ix: &Index, term: &str, postings: &[Posting]) -> TermTotals {
    let mut t = TermTotals {
        term: term.to_string(),
        postings: [postings.len(), 0],
        documents: [0, 0],
    };
    let mut last = [u32::MAX; 2];
    for p in postings {
        let article = ix.doc(p.doc as usize).counts(p.pos as usize, false);
        t.postings[1] += usize::from(article);
        for (zone, counts) in [(0, true), (1, article)] {
            if counts && last[zone] != p.doc {
                t.documents[zone] += 1;
                last[zone] = p.doc;
            }
        }
    }
    t
}

/// A long term's parts, cut at document boundaries.
fn parts<E>(
    ix: &Index,
    term: &str,
    postings: &[Posting],
    size: usize,
    put: &mut impl FnMut(TermFile) -> Result<(), E>,
) -> Result<(), E> {
    let mut start = 0;
    while start < postings.len() {
        // Take postings up to `size` bytes of record, then to the end of the last one's
        // document.
        let (mut end, mut bytes, mut previous) = (start, 0, 0);
        while end < postings.len() && bytes < size {
            let p = postings[end];
            bytes += digits((p.doc - previous) as usize) + digits(p.pos as usize * 2 + 1);
            (previous, end) = (p.doc, end + 1);
        }
        while end < postings.len() && postings[end].doc == postings[end - 1].doc {
            end += 1;
        }
        let (first, last) = (postings[start].doc, postings[end - 1].doc);
        let count = (last - first + 1) as usize;
        let mut escaped = String::new();
        push_escaped(&mut escaped, term);
        let mut out = format!("dossier-part 1{FIELD}{escaped}{FIELD}{first}{FIELD}{count}{RECORD}");
        posting_numbers(ix, &postings[start..end], &mut out);
        put(TermFile::File(
            Kind::Part,
            out,
            format!("{first}{FIELD}{count}{FIELD}{escaped}"),
        ))?;
        start = end;
    }
    Ok(())
}

/// The digits of `n`, plus one for its separator.
pub(super) fn digits(n: usize) -> usize {
    n.checked_ilog10().unwrap_or(0) as usize + 2
}

/// A record's postings.
fn read_postings(list: &str) -> Option<Vec<(Posting, bool)>> {
    let n: Vec<usize> = numbers(list).collect::<Option<_>>()?;
    let mut doc = 0u32;
    n.chunks(2)
        .map(|p| match *p {
            [delta, word] => {
                doc = doc.checked_add(u32::try_from(delta).ok()?)?;
                let pos = u32::try_from(word / 2).ok()?;
                Some((Posting { doc, pos }, word % 2 == 1))
            }
            _ => None,
        })
        .collect()
}

/// Reads the search-index fragment `file`, as `fetched`.
pub fn read_terms(file: &FileRef, fetched: Option<&[u8]>) -> Result<Vec<TermPostings>, SiteError> {
    let text = file.open(fetched)?;
    let bad = |why: &str| SiteError::damaged(&file.name, why);
    let mut records = text.split(RECORD);
    if records.next() != Some("dossier-terms 1") {
        return Err(bad("not a search-index fragment this version of Dossier reads"));
    }
    records
        .map(|r| {
            let (term, list) = r
                .split_once(FIELD)
                .ok_or_else(|| bad("a term without postings"))?;
            Ok(TermPostings {
                term: unescape(term),
                postings: read_postings(list).ok_or_else(|| bad("bad postings"))?,
            })
        })
        .collect()
}

/// Reads the part `file` of a term's postings, as `fetched`: the term with the postings
/// in the part's documents.
pub fn read_part(file: &FileRef, fetched: Option<&[u8]>) -> Result<TermPostings, SiteError> {
    let text = file.open(fetched)?;
    let bad = |why: &str| SiteError::damaged(&file.name, why);
    let (header, list) = text.split_once(RECORD).ok_or_else(|| bad("no postings"))?;
    let mut term = String::new();
    push_escaped(&mut term, &file.key);
    if header
        != format!(
            "dossier-part 1{FIELD}{term}{FIELD}{}{FIELD}{}",
            file.first, file.count
        )
    {
        return Err(bad("not the part the directory says"));
    }
    let postings = read_postings(list).ok_or_else(|| bad("bad postings"))?;
    let range = file.first..file.first + file.count;
    if !postings.iter().all(|(p, _)| range.contains(&(p.doc as usize))) {
        return Err(bad("postings outside its documents"));
    }
    Ok(TermPostings {
        term: file.key.clone(),
        postings,
    })
}
