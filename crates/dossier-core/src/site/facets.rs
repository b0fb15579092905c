//! The facets, split so that a first screen fetches the same bytes at any corpus size:
//! the head (label counts, timelines, each label's top entities), the article list and
//! the entity table in runs, and the name index (see the [module doc](super)). Each
//! file's writer and its one decoder.

use super::read::FileRef;
use super::SiteError;
use crate::corpus::Corpus;
use crate::date::Date;
use crate::index::{normalise_words, Index, ZoneCount};
use crate::model::{Analysis, Entity};
use crate::page::{numbers, push_escaped, read_entity, unescape, write_entity, write_numbers, FIELD, RECORD};
use crate::query::label_mentions;
use crate::timeline::{timeline, Bucket, Granularity, Timeline};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The most entities of each label the head carries (by documents, most first).
pub const HEAD_ENTITIES: usize = 50;

/// The head file: the corpus's counts, its timelines and each label's top entities.
pub(super) fn head(corpus: &Corpus, analysis: &Analysis) -> String {
    let mut out = format!(
        "dossier-head 1{FIELD}{}{FIELD}{}{RECORD}",
        corpus.documents.len(),
        analysis.entities.len()
    );
    let counts = label_mentions(analysis);
    write_numbers(&mut out, counts.iter().map(|c| c.article as usize));
    out.push(FIELD);
    write_numbers(&mut out, counts.iter().map(|c| c.all as usize));
    for (g, letter) in [(Granularity::Month, 'm'), (Granularity::Year, 'y')] {
        for (all_zones, zones) in [(false, 'a'), (true, 'z')] {
            out.push(RECORD);
            write_timeline(
                &mut out,
                letter,
                zones,
                &timeline(&analysis.dates, g, all_zones, |_| true),
            );
        }
    }
    for e in top_entities(&analysis.entities) {
        let _ = write!(out, "{RECORD}{e}{FIELD}");
        write_entity(&mut out, &analysis.entities[e]);
    }
    out
}

/// Each label's [`HEAD_ENTITIES`] entities in most documents (ties: the earlier entity
/// first), label by label in [`Label::ALL`](crate::label::Label::ALL)'s order.
fn top_entities(entities: &[Entity]) -> Vec<usize> {
    super::facts::ranked(entities)
        .into_iter()
        .flat_map(|(_, mut of)| {
            of.truncate(HEAD_ENTITIES);
            of
        })
        .collect()
}

/// Appends a timeline's record.
fn write_timeline(out: &mut String, granularity: char, zones: char, t: &Timeline) {
    let _ = write!(out, "{granularity}{FIELD}{zones}{FIELD}");
    for (i, b) in t.buckets.iter().enumerate() {
        let space = if i > 0 { " " } else { "" };
        let _ = write!(out, "{space}{}:{}:{}", b.key, b.mentions, b.documents);
    }
    let _ = write!(
        out,
        "{FIELD}{}{FIELD}{}{FIELD}{}",
        t.coarser, t.unresolved, t.durations
    );
}

/// Appends document `di`'s article-list record (file, title, date, source, words).
pub(super) fn write_summary(out: &mut String, ix: &Index, di: usize) {
    let d = &ix.corpus().documents[di];
    let m = &d.meta;
    let date = m.published.map(|d| d.to_string()).unwrap_or_default();
    for field in [&*d.file, &d.title, &date, m.source.as_deref().unwrap_or_default()] {
        push_escaped(out, field);
        out.push(FIELD);
    }
    let _ = write!(out, "{}", ix.doc(di).article_words);
}

/// The name index: each word of an entity's canonical name and aliases (normalised as
/// search words are), with the entities it names, in order; and each entity's id (which
/// holds a `-`, as no word does), with the entity.
pub(super) fn name_keys(entities: &[Entity]) -> BTreeMap<String, Vec<u32>> {
    let mut keys: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let (mut buf, mut words) = (String::new(), Vec::new());
    for (e, entity) in entities.iter().enumerate() {
        keys.entry(entity.id.clone()).or_default().push(e as u32);
        let names = std::iter::once(&entity.canonical).chain(entity.aliases.iter().map(|a| &a.text));
        for name in names {
            words.clear();
            normalise_words(name, &mut buf, &mut words);
            for (_, w) in &words {
                let list = keys.entry(buf[w.clone()].to_string()).or_default();
                if list.last() != Some(&(e as u32)) {
                    list.push(e as u32);
                }
            }
        }
    }
    keys
}

/// Appends a name key's record: the key, then its entities as distances from the
/// previous (the first: from 0).
pub(super) fn write_name_key(out: &mut String, key: &str, entities: &[u32]) {
    push_escaped(out, key);
    out.push(FIELD);
    write_ascending(out, entities);
}

/// Appends numbers in ascending order, each once, as distances from the previous (the
/// first: from 0), as [`read_ascending`] reads them.
pub(super) fn write_ascending(out: &mut String, list: &[u32]) {
    let mut previous = 0;
    write_numbers(
        out,
        list.iter().map(|&n| {
            let d = n - previous;
            previous = n;
            d as usize
        }),
    );
}

/// Numbers in ascending order, each once and below `limit`, from their distances
/// ([`write_ascending`]); `None` if they are not.
pub(super) fn read_ascending(list: &str, limit: usize) -> Option<Vec<u32>> {
    let mut n = 0usize;
    let mut first = true;
    numbers(list)
        .map(|d| {
            n = n.checked_add(d.filter(|&d| d > 0 || first)?)?;
            first = false;
            u32::try_from(n).ok().filter(|&n| (n as usize) < limit)
        })
        .collect()
}

/// The head file read: what the first screen of any view draws.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    /// Documents in the corpus.
    pub documents: usize,
    /// Entities in the analysis.
    pub entities: usize,
    /// Mentions of each label of [`Label::ALL`](crate::label::Label::ALL) in the corpus.
    pub label_counts: [ZoneCount; 10],
    /// The corpus's timelines: (granularity, all zones, timeline).
    pub timelines: Vec<(Granularity, bool, Timeline)>,
    /// Each label's top entities with their index: at most [`HEAD_ENTITIES`] a label,
    /// in most documents first, label by label.
    pub top: Vec<(usize, Entity)>,
}

impl Head {
    /// Reads the head `file`, as `fetched`.
    pub fn read(file: &FileRef, fetched: Option<&[u8]>) -> Result<Head, SiteError> {
        let text = file.open(fetched)?;
        let bad = |why: &str| SiteError::damaged(&file.name, why);
        let mut records = text.split(RECORD);
        let header: Vec<&str> = records.next().unwrap_or_default().split(FIELD).collect();
        let ["dossier-head 1", documents, entities] = header[..] else {
            return Err(bad("not a head file this version of Dossier reads"));
        };
        let (Ok(documents), Ok(entities)) = (documents.parse::<usize>(), entities.parse::<usize>()) else {
            return Err(bad("its counts are not numbers"));
        };
        let label_counts =
            read_label_counts(records.next().unwrap_or_default()).ok_or_else(|| bad("bad label counts"))?;
        let timelines = (0..4)
            .map(|_| read_timeline(records.next().unwrap_or_default()))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| bad("bad timelines"))?;
        let top = records
            .map(|r| {
                let (e, record) = r
                    .split_once(FIELD)
                    .ok_or_else(|| bad("a top entity is damaged"))?;
                let e = e
                    .parse::<usize>()
                    .ok()
                    .filter(|&e| e < entities)
                    .ok_or_else(|| bad("a top entity's index is out of range"))?;
                Ok((e, read_entity(record).map_err(|why| bad(&why.to_string()))?))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Head {
            documents,
            entities,
            label_counts,
            timelines,
            top,
        })
    }
}

/// The label counts record: article proper, then all zones.
fn read_label_counts(record: &str) -> Option<[ZoneCount; 10]> {
    let (article, all) = record.split_once(FIELD)?;
    let article: Vec<usize> = numbers(article).collect::<Option<_>>()?;
    let all: Vec<usize> = numbers(all).collect::<Option<_>>()?;
    let mut out = [ZoneCount::default(); 10];
    if article.len() != out.len() || all.len() != out.len() {
        return None;
    }
    for (i, c) in out.iter_mut().enumerate() {
        (c.article, c.all) = (u32::try_from(article[i]).ok()?, u32::try_from(all[i]).ok()?);
    }
    Some(out)
}

/// A timeline record.
fn read_timeline(record: &str) -> Option<(Granularity, bool, Timeline)> {
    let f: Vec<&str> = record.split(FIELD).collect();
    let [g, zones, buckets, coarser, unresolved, durations] = f[..] else {
        return None;
    };
    let g = match g {
        "m" => Granularity::Month,
        "y" => Granularity::Year,
        _ => return None,
    };
    let bucket = |b: &str| {
        let mut p = b.split(':');
        let key = Date::parse(p.next()?).ok()?;
        let (mentions, documents) = (p.next()?.parse().ok()?, p.next()?.parse().ok()?);
        Some(Bucket {
            key,
            mentions,
            documents,
        })
    };
    let t = Timeline {
        buckets: buckets
            .split(' ')
            .filter(|b| !b.is_empty())
            .map(bucket)
            .collect::<Option<_>>()?,
        coarser: coarser.parse().ok()?,
        unresolved: unresolved.parse().ok()?,
        durations: durations.parse().ok()?,
    };
    Some((g, zones == "z", t))
}

/// An article as the article list shows it, before its text is fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocSummary {
    /// The file it was read from (its id in the URL).
    pub file: String,
    /// Its title.
    pub title: String,
    /// Its publication date, if known.
    pub published: Option<Date>,
    /// Its source, if known.
    pub source: Option<String>,
    /// Words in the article proper (for ranking).
    pub article_words: u32,
}

/// The records of a run file (an article-list run, an entity-table run) after its
/// header, once the header says the run the manifest names.
fn run_records<'t>(
    file: &FileRef,
    text: &'t str,
    format: &str,
) -> Result<std::str::Split<'t, char>, SiteError> {
    let mut records = text.split(RECORD);
    let header = format!("{format}{FIELD}{}{FIELD}{}", file.first, file.count);
    if records.next() != Some(header.as_str()) {
        return Err(SiteError::damaged(&file.name, "not the run the manifest says"));
    }
    Ok(records)
}

/// Reads the article-list run `file`, as `fetched`: its documents' summaries.
pub fn read_list(file: &FileRef, fetched: Option<&[u8]>) -> Result<Vec<DocSummary>, SiteError> {
    let text = file.open(fetched)?;
    let out = run_records(file, text, "dossier-list 1")?
        .map(read_summary)
        .collect::<Option<Vec<_>>>()
        .filter(|list| list.len() == file.count)
        .ok_or_else(|| SiteError::damaged(&file.name, "its document records are damaged or too few"))?;
    Ok(out)
}

/// A document record of the article list.
fn read_summary(record: &str) -> Option<DocSummary> {
    let f: Vec<&str> = record.split(FIELD).collect();
    let [file, title, published, source, words] = f[..] else {
        return None;
    };
    Some(DocSummary {
        file: unescape(file),
        title: unescape(title),
        published: match published {
            "" => None,
            p => Some(Date::parse(p).ok()?),
        },
        source: (!source.is_empty()).then(|| unescape(source)),
        article_words: words.parse().ok()?,
    })
}

/// Reads the entity-table run `file`, as `fetched`: its entities, in order.
pub fn read_table(file: &FileRef, fetched: Option<&[u8]>) -> Result<Vec<Entity>, SiteError> {
    let text = file.open(fetched)?;
    let bad = |why: &str| SiteError::damaged(&file.name, why);
    let out = run_records(file, text, "dossier-table 1")?
        .map(|r| read_entity(r).map_err(|e| bad(&e.to_string())))
        .collect::<Result<Vec<_>, _>>()?;
    if out.len() != file.count {
        return Err(bad("not as many entities as the manifest says"));
    }
    Ok(out)
}

/// A key of the name index and its entities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameKey {
    /// A word, normalised as [`crate::index::normalise_words`] does, of the entities'
    /// names; or an entity's id.
    pub key: String,
    /// The entities, in order.
    pub entities: Vec<u32>,
}

/// Reads the name-index fragment `file`, as `fetched`, of a site of `entities` entities.
pub fn read_names(
    file: &FileRef,
    fetched: Option<&[u8]>,
    entities: usize,
) -> Result<Vec<NameKey>, SiteError> {
    let text = file.open(fetched)?;
    let bad = || SiteError::damaged(&file.name, "not a name index this version of Dossier reads");
    let mut records = text.split(RECORD);
    if records.next() != Some("dossier-names 1") {
        return Err(bad());
    }
    records
        .map(|r| {
            let (key, list) = r.split_once(FIELD)?;
            Some(NameKey {
                key: unescape(key),
                entities: read_ascending(list, entities)?,
            })
        })
        .collect::<Option<Vec<_>>>()
        .ok_or_else(bad)
}
