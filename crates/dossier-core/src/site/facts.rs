//! What the views past the article list read without the texts (see the [module
//! doc](super)): each document's entity counts (what a filter's entity counts and a
//! comparison's sides are summed from), each document's quotes (the Quotes view), each
//! label's entities ranked (the entity panel's groups past the head's top entities), the
//! most quoted speakers, and each speaker's quotes (the Quotes view of one speaker). Each
//! file's writer and its one decoder.

use super::facets::{read_ascending, write_ascending};
use super::read::FileRef;
use super::SiteError;
use crate::index::Index;
use crate::label::Label;
use crate::model::{Analysis, DocAnalysis, Entity, Quote, QuoteKind};
use crate::page::{numbers, push_escaped, read_entity, unescape, write_entity, write_numbers, FIELD, RECORD};
use std::fmt::Write as _;

/// The most quoted speakers the speakers file lists.
pub const SPEAKERS: usize = 200;

/// Appends document `di`'s counts record: its entities in order with their mentions in
/// all zones, as pairs (the entity's distance from the previous one's, mentions).
pub(super) fn write_counts(out: &mut String, ix: &Index, di: usize) {
    let mut previous = 0;
    let pairs = ix
        .doc(di)
        .entities
        .iter()
        .filter(|c| c.get(true) > 0)
        .flat_map(|c| {
            let pair = [(c.entity - previous) as usize, c.get(true) as usize];
            previous = c.entity;
            pair
        });
    write_numbers(out, pairs);
}

/// The header of a run file over documents or ranks: `format`, first, number.
fn run_header(format: &str, file: &FileRef) -> String {
    format!("{format}{FIELD}{}{FIELD}{}", file.first, file.count)
}

/// Reads the run `file` of `format`, as `fetched`: its documents' records, each read by
/// `record`, as many as the directory says, or why it is not the `what` it should be.
fn read_run<T>(
    file: &FileRef,
    fetched: Option<&[u8]>,
    format: &str,
    what: &str,
    record: impl Fn(&str) -> Option<T>,
) -> Result<Vec<T>, SiteError> {
    let text = file.open(fetched)?;
    let bad = || SiteError::damaged(&file.name, format!("not the {what} the directory says"));
    let mut records = text.split(RECORD);
    if records.next() != Some(run_header(format, file).as_str()) {
        return Err(bad());
    }
    records
        .map(record)
        .collect::<Option<Vec<_>>>()
        .filter(|docs| docs.len() == file.count)
        .ok_or_else(bad)
}

/// Reads the counts run `file`, as `fetched`, of a site of `entities` entities: each
/// document's entities with their mentions, as (entity, mentions) in entity order.
pub fn read_counts(
    file: &FileRef,
    fetched: Option<&[u8]>,
    entities: usize,
) -> Result<Vec<Vec<(u32, u32)>>, SiteError> {
    read_run(file, fetched, "dossier-counts 1", "counts", |r| {
        counts_of(r, entities)
    })
}

/// A counts record's pairs, entities ascending and below `entities`.
fn counts_of(record: &str, entities: usize) -> Option<Vec<(u32, u32)>> {
    let n: Vec<usize> = numbers(record).collect::<Option<_>>()?;
    if !n.len().is_multiple_of(2) {
        return None;
    }
    let mut e = 0usize;
    n.chunks(2)
        .enumerate()
        .map(|(i, p)| {
            e = e.checked_add(p[0]).filter(|_| i == 0 || p[0] > 0)?;
            (e < entities && p[1] > 0).then_some((u32::try_from(e).ok()?, u32::try_from(p[1]).ok()?))
        })
        .collect()
}

/// A quote as the Quotes view lists it, without its article's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteRow {
    /// Direct or reported.
    pub kind: QuoteKind,
    /// The speaker's entity, its id and its canonical name; `None` when unattributed.
    pub speaker: Option<(u32, String, String)>,
    /// The quoted words.
    pub words: String,
    /// The entities named inside the words, in order, each once.
    pub about: Vec<u32>,
}

/// Appends document `di`'s quotes record: six fields a quote (`d` direct or `r`
/// reported; the speaker's entity, id and name, empty when unattributed; the words; the
/// entities named in them, ascending); empty for a document with none.
pub(super) fn write_quotes(out: &mut String, analysis: &Analysis, text: &str, di: usize) {
    let a = &analysis.docs[di];
    for (i, q) in a.quotes.iter().enumerate() {
        if i > 0 {
            out.push(FIELD);
        }
        out.push(if q.kind == QuoteKind::Direct { 'd' } else { 'r' });
        out.push(FIELD);
        if let Some(e) = q.speaker.map(|m| a.mentions[m].entity) {
            let entity = &analysis.entities[e];
            let _ = write!(out, "{e}{FIELD}");
            push_escaped(out, &entity.id);
            out.push(FIELD);
            push_escaped(out, &entity.canonical);
        } else {
            out.push(FIELD);
            out.push(FIELD);
        }
        out.push(FIELD);
        write_words(out, a, text, q);
    }
}

/// Appends quote `q`'s words and, after a field separator, the entities named in them
/// (ascending, each once), of a document analysed as `a` with `text`.
fn write_words(out: &mut String, a: &DocAnalysis, text: &str, q: &Quote) {
    push_escaped(out, &text[q.range.clone()]);
    out.push(FIELD);
    let mut about: Vec<u32> = a
        .mentions
        .iter()
        .filter(|m| m.range.start >= q.range.start && m.range.end <= q.range.end)
        .map(|m| m.entity as u32)
        .collect();
    about.sort_unstable();
    about.dedup();
    write_ascending(out, &about);
}

/// A quote of a speaker file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaidRow {
    /// The speaker's entity.
    pub speaker: u32,
    /// The quote's document.
    pub doc: u32,
    /// Direct or reported.
    pub kind: QuoteKind,
    /// The quoted words.
    pub words: String,
    /// The entities named inside the words, in order, each once.
    pub about: Vec<u32>,
}

/// The attributed quotes of `analysis` in speaker files' order: (speaker entity,
/// document, the quote's index in it), by speaker, then document, then text.
pub(super) fn attributed(analysis: &Analysis) -> Vec<(usize, usize, usize)> {
    let mut out: Vec<(usize, usize, usize)> = Vec::new();
    for (d, a) in analysis.docs.iter().enumerate() {
        for (i, q) in a.quotes.iter().enumerate() {
            if let Some(m) = q.speaker {
                out.push((a.mentions[m].entity, d, i));
            }
        }
    }
    out.sort_unstable();
    out
}

/// Appends a speaker file's record of quote `(speaker, doc, i)` (of [`attributed`]):
/// the speaker, the document, `d` or `r`, the words, the entities named in them.
pub(super) fn write_said(
    out: &mut String,
    analysis: &Analysis,
    text: &str,
    (speaker, doc, i): (usize, usize, usize),
) {
    let a = &analysis.docs[doc];
    let q = &a.quotes[i];
    let kind = if q.kind == QuoteKind::Direct { 'd' } else { 'r' };
    let _ = write!(out, "{speaker}{FIELD}{doc}{FIELD}{kind}{FIELD}");
    write_words(out, a, text, q);
}

/// A speaker file's header: its first quote's speaker and rank among theirs (the
/// directory's first and key), its number of quotes.
pub(super) fn said_header(first: usize, rank: usize, count: usize) -> String {
    format!("dossier-said 1{FIELD}{first}{FIELD}{rank}{FIELD}{count}")
}

/// Reads the speaker file `file`, as `fetched`, of a site of `documents` documents and
/// `entities` entities: its quotes, by speaker (ascending, the first the directory's),
/// then in document order.
pub fn read_said(
    file: &FileRef,
    fetched: Option<&[u8]>,
    documents: usize,
    entities: usize,
) -> Result<Vec<SaidRow>, SiteError> {
    let text = file.open(fetched)?;
    let bad = || SiteError::damaged(&file.name, "not the speaker file the directory says");
    let mut records = text.split(RECORD);
    let header = said_header(file.first, file.key.parse().map_err(|_| bad())?, file.count);
    if records.next() != Some(header.as_str()) {
        return Err(bad());
    }
    let rows = records
        .map(|r| said_of(r, documents, entities))
        .collect::<Option<Vec<_>>>()
        .ok_or_else(bad)?;
    let ordered = rows
        .windows(2)
        .all(|w| (w[0].speaker, w[0].doc) <= (w[1].speaker, w[1].doc));
    let first = rows.first().is_none_or(|r| r.speaker as usize == file.first);
    match rows.len() == file.count && ordered && first {
        true => Ok(rows),
        false => Err(bad()),
    }
}

/// A speaker file's record.
fn said_of(record: &str, documents: usize, entities: usize) -> Option<SaidRow> {
    let f: Vec<&str> = record.split(FIELD).collect();
    let [speaker, doc, kind, words, about] = f[..] else {
        return None;
    };
    Some(SaidRow {
        speaker: speaker.parse().ok().filter(|&e: &u32| (e as usize) < entities)?,
        doc: doc.parse().ok().filter(|&d: &u32| (d as usize) < documents)?,
        kind: match kind {
            "d" => QuoteKind::Direct,
            "r" => QuoteKind::Reported,
            _ => return None,
        },
        words: unescape(words),
        about: read_ascending(about, entities)?,
    })
}

/// Reads the quotes run `file`, as `fetched`, of a site of `entities` entities: each
/// document's quotes, in text order.
pub fn read_quotes(
    file: &FileRef,
    fetched: Option<&[u8]>,
    entities: usize,
) -> Result<Vec<Vec<QuoteRow>>, SiteError> {
    read_run(file, fetched, "dossier-quotes 1", "quotes", |r| {
        quotes_of(r, entities)
    })
}

/// A quotes record's quotes.
fn quotes_of(record: &str, entities: usize) -> Option<Vec<QuoteRow>> {
    if record.is_empty() {
        return Some(Vec::new());
    }
    let f: Vec<&str> = record.split(FIELD).collect();
    if !f.len().is_multiple_of(6) {
        return None;
    }
    f.chunks(6)
        .map(|q| {
            let kind = match q[0] {
                "d" => QuoteKind::Direct,
                "r" => QuoteKind::Reported,
                _ => return None,
            };
            let speaker = match q[1] {
                "" => None,
                e => {
                    let e = e.parse::<u32>().ok().filter(|&e| (e as usize) < entities)?;
                    Some((e, unescape(q[2]), unescape(q[3])))
                }
            };
            let about = read_ascending(q[5], entities)?;
            Some(QuoteRow {
                kind,
                speaker,
                words: unescape(q[4]),
                about,
            })
        })
        .collect()
}

/// Each label's entities in most documents first (ties: the earlier entity), label by
/// label in [`Label::ALL`]'s order: what the ranked runs hold.
pub(super) fn ranked(entities: &[Entity]) -> Vec<(Label, Vec<usize>)> {
    Label::ALL
        .iter()
        .map(|&label| {
            let mut of: Vec<usize> = (0..entities.len())
                .filter(|&e| entities[e].label == label)
                .collect();
            of.sort_by_key(|&e| std::cmp::Reverse(entities[e].documents));
            (label, of)
        })
        .filter(|(_, of)| !of.is_empty())
        .collect()
}

/// Appends a ranked run's record: the entity's number, then its `#analysis` record.
pub(super) fn write_ranked(out: &mut String, e: usize, entity: &Entity) {
    let _ = write!(out, "{e}{FIELD}");
    write_entity(out, entity);
}

/// Reads the ranked run `file`, as `fetched`, of a site of `entities` entities: its
/// label's entities from rank `file.first` on, with their numbers.
pub fn read_ranked(
    file: &FileRef,
    fetched: Option<&[u8]>,
    entities: usize,
) -> Result<Vec<(usize, Entity)>, SiteError> {
    let text = file.open(fetched)?;
    let bad = |why: &str| SiteError::damaged(&file.name, why);
    let mut records = text.split(RECORD);
    let header = format!("{}{FIELD}{}", run_header("dossier-ranked 1", file), file.key);
    if records.next() != Some(header.as_str()) {
        return Err(bad("not the ranked entities the directory says"));
    }
    let out = records
        .map(|r| {
            let (e, record) = r.split_once(FIELD).ok_or_else(|| bad("a record is damaged"))?;
            let e = e
                .parse::<usize>()
                .ok()
                .filter(|&e| e < entities)
                .ok_or_else(|| bad("an entity's number is out of range"))?;
            let entity = read_entity(record).map_err(|why| bad(&why.to_string()))?;
            if entity.label.code() != file.key {
                return Err(bad("an entity of another label"));
            }
            Ok((e, entity))
        })
        .collect::<Result<Vec<_>, _>>()?;
    if out.len() != file.count {
        return Err(bad("not as many entities as the directory says"));
    }
    Ok(out)
}

/// The speakers file: the corpus's quotes, those attributed, and the [`SPEAKERS`] most
/// quoted speakers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Speakers {
    /// Quotes in the corpus.
    pub quotes: usize,
    /// Of them, those with a speaker.
    pub attributed: usize,
    /// The most quoted speakers, most first (ties: the earlier entity): entity, quotes,
    /// id, canonical name.
    pub top: Vec<(u32, usize, String, String)>,
}

/// The speakers file's text.
pub(super) fn speakers(analysis: &Analysis) -> String {
    let mut by = vec![0usize; analysis.entities.len()];
    let (mut quotes, mut attributed) = (0, 0);
    for a in &analysis.docs {
        for q in &a.quotes {
            quotes += 1;
            if let Some(m) = q.speaker {
                attributed += 1;
                by[a.mentions[m].entity] += 1;
            }
        }
    }
    let mut top: Vec<usize> = (0..by.len()).filter(|&e| by[e] > 0).collect();
    top.sort_by_key(|&e| std::cmp::Reverse(by[e]));
    top.truncate(SPEAKERS);
    let mut out = format!("dossier-speakers 1{FIELD}{quotes}{FIELD}{attributed}");
    for e in top {
        let entity = &analysis.entities[e];
        let _ = write!(out, "{RECORD}{e}{FIELD}{}{FIELD}", by[e]);
        push_escaped(&mut out, &entity.id);
        out.push(FIELD);
        push_escaped(&mut out, &entity.canonical);
    }
    out
}

impl Speakers {
    /// Reads the speakers `file`, as `fetched`, of a site of `entities` entities.
    pub fn read(file: &FileRef, fetched: Option<&[u8]>, entities: usize) -> Result<Speakers, SiteError> {
        let text = file.open(fetched)?;
        let bad = || SiteError::damaged(&file.name, "not a speakers file this version of Dossier reads");
        let mut records = text.split(RECORD);
        let header: Vec<&str> = records.next().unwrap_or_default().split(FIELD).collect();
        let ["dossier-speakers 1", quotes, attributed] = header[..] else {
            return Err(bad());
        };
        let (Ok(quotes), Ok(attributed)) = (quotes.parse(), attributed.parse()) else {
            return Err(bad());
        };
        let top = records
            .map(|r| {
                let f: Vec<&str> = r.split(FIELD).collect();
                let [e, n, id, name] = f[..] else { return None };
                let e = e.parse::<u32>().ok().filter(|&e| (e as usize) < entities)?;
                Some((e, n.parse().ok()?, unescape(id), unescape(name)))
            })
            .collect::<Option<Vec<_>>>()
            .ok_or_else(bad)?;
        Ok(Speakers {
            quotes,
            attributed,
            top,
        })
    }
}
