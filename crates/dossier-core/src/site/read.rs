//! Reading the site's files: the one decoder of each (see the [module doc](super)).
//! Each takes the bytes as fetched (or `None` when the fetch failed) and checks them
//! against the manifest before reading a byte of them.

use super::{address, SiteError, SiteErrorKind, VERSION};
use crate::corpus::{Corpus, Document};
use crate::date::Date;
use crate::index::{Posting, ZoneCount};
use crate::model::{Analysis, DocAnalysis, Entity};
use crate::page::{numbers, read_doc, read_entity, unescape, FIELD, RECORD, SEPARATOR};
use crate::timeline::{Bucket, DateMention, Granularity, Timeline};

/// What a file of the site holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The facets every view needs at once.
    Facets,
    /// Texts with their marks and analysis, for a run of documents.
    Docs,
    /// Where the search-index fragments and entity shards are.
    Directory,
    /// A fragment of the search index.
    Terms,
    /// Mentions and co-occurrence for a run of entities.
    Entities,
}

/// A file as the manifest names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRef {
    /// What it holds.
    pub kind: Kind,
    /// Its name in [`super::FOLDER`].
    pub name: String,
    /// Its length in bytes.
    pub bytes: usize,
    /// Its first document or entity (0 for the others).
    pub first: usize,
    /// How many documents or entities it holds (0 for the others).
    pub count: usize,
    /// Its first document's file name, or its first term (empty for the others).
    pub key: String,
}

impl FileRef {
    /// The file's text, once `fetched` (`None`: it could not be) is checked: there, of
    /// the length and address the manifest gives, and UTF-8.
    pub fn open<'b>(&self, fetched: Option<&'b [u8]>) -> Result<&'b str, SiteError> {
        let fail = |kind| SiteError {
            file: self.name.clone(),
            kind,
        };
        let bytes = fetched.ok_or_else(|| fail(SiteErrorKind::Missing))?;
        if bytes.len() != self.bytes {
            let (expected, found) = (self.bytes, bytes.len());
            return Err(fail(SiteErrorKind::Truncated { expected, found }));
        }
        let found = address(bytes);
        if name_address(&self.name) != Some(found.as_str()) {
            return Err(fail(SiteErrorKind::Mismatch { found }));
        }
        std::str::from_utf8(bytes).map_err(|_| SiteError::damaged(&self.name, "not UTF-8"))
    }
}

/// The address a file's name gives (`d-0123456789abcdef.txt`: `0123456789abcdef`).
fn name_address(name: &str) -> Option<&str> {
    name.split_once('-')?.1.strip_suffix(".txt")
}

/// The manifest: the site's counts and every file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Manifest {
    /// Documents in the corpus.
    pub documents: usize,
    /// Entities in the analysis.
    pub entities: usize,
    /// Every file it names, by kind in the manifest's order (documents in order), and
    /// once [`read_directory`] has added them, the search-index fragments and entity
    /// shards.
    pub files: Vec<FileRef>,
}

impl Manifest {
    /// Reads a manifest (the page's `#manifest`).
    pub fn read(text: &str) -> Result<Manifest, SiteError> {
        let bad = |why: &str| SiteError::damaged("manifest", why);
        let mut records = text.split(RECORD);
        let header: Vec<&str> = records.next().unwrap_or_default().split(FIELD).collect();
        let [VERSION, documents, entities] = header[..] else {
            return Err(bad("not a manifest this version of Dossier reads"));
        };
        let number = |s: &str| s.parse::<usize>().map_err(|_| bad("a count is not a number"));
        let (documents, entities) = (number(documents)?, number(entities)?);
        let files = records
            .map(|r| file_ref(r).ok_or_else(|| bad("a file record is damaged")))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Manifest {
            documents,
            entities,
            files,
        })
    }

    /// The files of `kind`, in order.
    pub fn files(&self, kind: Kind) -> impl Iterator<Item = &FileRef> {
        self.files.iter().filter(move |f| f.kind == kind)
    }

    /// The facets file.
    pub fn facets(&self) -> Option<&FileRef> {
        self.files(Kind::Facets).next()
    }

    /// The directory file.
    pub fn directory(&self) -> Option<&FileRef> {
        self.files(Kind::Directory).next()
    }

    /// The shard that holds document `doc`.
    pub fn doc_shard(&self, doc: usize) -> Option<&FileRef> {
        self.files(Kind::Docs)
            .find(|f| (f.first..f.first + f.count).contains(&doc))
    }

    /// The shard that would hold the document stored in `file` (documents are in
    /// file-name order); its decoder says whether it does.
    pub fn doc_shard_of_file(&self, file: &str) -> Option<&FileRef> {
        self.files(Kind::Docs)
            .take_while(|f| f.key.as_str() <= file)
            .last()
    }

    /// The shard that holds entity `entity`.
    pub fn entity_shard(&self, entity: usize) -> Option<&FileRef> {
        self.files(Kind::Entities)
            .find(|f| (f.first..f.first + f.count).contains(&entity))
    }

    /// The search-index fragments that hold the terms starting with `prefix` (a whole
    /// term is its own prefix): the one whose range holds `prefix`, and those after it
    /// whose first term still starts with it.
    pub fn term_fragments<'m>(&'m self, prefix: &'m str) -> impl Iterator<Item = &'m FileRef> + 'm {
        let terms: Vec<&FileRef> = self.files(Kind::Terms).collect();
        let at = terms
            .partition_point(|f| f.key.as_str() <= prefix)
            .saturating_sub(1);
        let after = terms[at.min(terms.len())..].iter().skip(1);
        let more = after.take_while(move |f| f.key.starts_with(prefix));
        terms
            .get(at)
            .copied()
            .into_iter()
            .chain(more.copied().collect::<Vec<_>>())
    }
}

/// Reads the directory `file`, as `fetched`, adding its files to `manifest`.
pub fn read_directory(
    manifest: &mut Manifest,
    file: &FileRef,
    fetched: Option<&[u8]>,
) -> Result<(), SiteError> {
    let text = file.open(fetched)?;
    let bad = || SiteError::damaged(&file.name, "not a directory this version of Dossier reads");
    let mut records = text.split(RECORD);
    if records.next() != Some(super::DIRECTORY) {
        return Err(bad());
    }
    let files = records
        .map(|r| file_ref(r).filter(|f| matches!(f.kind, Kind::Terms | Kind::Entities)))
        .collect::<Option<Vec<_>>>()
        .ok_or_else(bad)?;
    manifest
        .files
        .retain(|f| !matches!(f.kind, Kind::Terms | Kind::Entities));
    manifest.files.extend(files);
    Ok(())
}

/// Reads one file record of the manifest or the directory.
fn file_ref(record: &str) -> Option<FileRef> {
    let f: Vec<&str> = record.split(FIELD).collect();
    let kind = match *f.first()? {
        "f" => Kind::Facets,
        "d" => Kind::Docs,
        "i" => Kind::Directory,
        "t" => Kind::Terms,
        "e" => Kind::Entities,
        _ => return None,
    };
    let n = |i: usize| f.get(i)?.parse::<usize>().ok();
    let (first, count, key) = match (kind, f.len()) {
        (Kind::Facets | Kind::Directory, 3) => (0, 0, String::new()),
        (Kind::Docs, 6) => (n(3)?, n(4)?, unescape(f[5])),
        (Kind::Terms, 4) => (0, 0, unescape(f[3])),
        (Kind::Entities, 5) => (n(3)?, n(4)?, String::new()),
        _ => return None,
    };
    Some(FileRef {
        kind,
        name: f[1].to_string(),
        bytes: n(2)?,
        first,
        count,
        key,
    })
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

/// The facets file read: what every view needs at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facets {
    /// Mentions of each label of [`crate::Label::ALL`] in the corpus.
    pub label_counts: [ZoneCount; 10],
    /// The corpus's timelines: (granularity, all zones, timeline).
    pub timelines: Vec<(Granularity, bool, Timeline)>,
    /// Every document, in order.
    pub documents: Vec<DocSummary>,
    /// Every entity, in order.
    pub entities: Vec<Entity>,
}

impl Facets {
    /// Reads the facets `file`, as `fetched`.
    pub fn read(file: &FileRef, fetched: Option<&[u8]>) -> Result<Facets, SiteError> {
        let text = file.open(fetched)?;
        let bad = |why: &str| SiteError::damaged(&file.name, why);
        let mut records = text.split(RECORD);
        let header: Vec<&str> = records.next().unwrap_or_default().split(FIELD).collect();
        let ["dossier-facets 1", documents, entities] = header[..] else {
            return Err(bad("not a facets file this version of Dossier reads"));
        };
        let (Ok(documents), Ok(entities_announced)) = (documents.parse::<usize>(), entities.parse::<usize>())
        else {
            return Err(bad("its counts are not numbers"));
        };
        let label_counts =
            read_label_counts(records.next().unwrap_or_default()).ok_or_else(|| bad("bad label counts"))?;
        let timelines = (0..4)
            .map(|_| read_timeline(records.next().unwrap_or_default()))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| bad("bad timelines"))?;
        let documents = (0..documents)
            .map(|_| records.next().and_then(read_summary))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| bad("a document record is damaged or missing"))?;
        let entities = records
            .map(|r| read_entity(r).map_err(|e| bad(&e.to_string())))
            .collect::<Result<Vec<_>, _>>()?;
        if entities.len() != entities_announced {
            return Err(bad("the entities are not as many as announced"));
        }
        Ok(Facets {
            label_counts,
            timelines,
            documents,
            entities,
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

/// A document record of the facets.
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

/// The documents of a document shard, with their analyses and DATE mentions.
pub type DocRun = (Vec<Document>, Vec<DocAnalysis>, Vec<DateMention>);

/// Reads the document shard `file`, as `fetched`, of a corpus of `entities` entities.
pub fn read_docs(file: &FileRef, fetched: Option<&[u8]>, entities: usize) -> Result<DocRun, SiteError> {
    let text = file.open(fetched)?;
    let bad = |why: String| SiteError::damaged(&file.name, why);
    let (analysis, texts) = text.split_at(text.find(SEPARATOR).unwrap_or(text.len()));
    let mut records = analysis.split(RECORD);
    let header = format!("dossier-docs 1{FIELD}{}{FIELD}{}", file.first, file.count);
    if records.next() != Some(header.as_str()) {
        return Err(bad("not the documents the manifest says".into()));
    }
    let mut fields = texts.split(SEPARATOR);
    if fields.next() != Some("") {
        return Err(bad("no texts".into()));
    }
    let mut out: DocRun = Default::default();
    for di in file.first..file.first + file.count {
        let record = records
            .next()
            .ok_or_else(|| bad("fewer records than documents".into()))?;
        let (doc, a) =
            read_doc(di, &mut fields, record, entities, &mut out.2).map_err(|e| bad(e.to_string()))?;
        out.0.push(doc);
        out.1.push(a);
    }
    if records.next().is_some() || fields.next().is_some() {
        return Err(bad("more documents than the manifest says".into()));
    }
    Ok(out)
}

/// A term and its postings, each with whether its word is in the article proper.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermPostings {
    /// The normalised term.
    pub term: String,
    /// Every occurrence, by document then position.
    pub postings: Vec<(Posting, bool)>,
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
            let n: Vec<usize> = numbers(list)
                .collect::<Option<_>>()
                .ok_or_else(|| bad("bad postings"))?;
            let mut doc = 0u32;
            let postings = n.chunks(2).map(|p| match p {
                &[delta, word] => {
                    doc = doc.checked_add(u32::try_from(delta).ok()?)?;
                    let pos = u32::try_from(word / 2).ok()?;
                    Some((Posting { doc, pos }, word % 2 == 1))
                }
                _ => None,
            });
            let postings = postings
                .collect::<Option<Vec<_>>>()
                .ok_or_else(|| bad("bad postings"))?;
            Ok(TermPostings {
                term: unescape(term),
                postings,
            })
        })
        .collect()
}

/// An entity's mentions and the entities it shares documents with.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntityFiles {
    /// Every mention as (document, index in the document's mentions), in order.
    pub mentions: Vec<(u32, u32)>,
    /// (entity, shared documents), most shared first, at most [`super::PARTNERS`].
    pub partners: Vec<(u32, u32)>,
}

/// Reads the entity shard `file`, as `fetched`.
pub fn read_entities(file: &FileRef, fetched: Option<&[u8]>) -> Result<Vec<EntityFiles>, SiteError> {
    let text = file.open(fetched)?;
    let bad = |why: &str| SiteError::damaged(&file.name, why);
    let mut records = text.split(RECORD);
    let header = format!("dossier-entities 1{FIELD}{}{FIELD}{}", file.first, file.count);
    if records.next() != Some(header.as_str()) {
        return Err(bad("not the entities the manifest says"));
    }
    let pairs = |s: &str| -> Option<Vec<(u32, u32)>> {
        let n: Vec<usize> = numbers(s).collect::<Option<_>>()?;
        let pair = |p: &[usize]| match *p {
            [a, b] => Some((u32::try_from(a).ok()?, u32::try_from(b).ok()?)),
            _ => None,
        };
        n.chunks(2).map(pair).collect::<Option<Vec<_>>>()
    };
    let out = records
        .map(|r| {
            let (mentions, partners) = r.split_once(FIELD)?;
            let mut mentions = pairs(mentions)?;
            let mut doc = 0u32;
            for m in &mut mentions {
                doc = doc.checked_add(m.0)?;
                m.0 = doc;
            }
            Some(EntityFiles {
                mentions,
                partners: pairs(partners)?,
            })
        })
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| bad("an entity record is damaged"))?;
    if out.len() != file.count {
        return Err(bad("not as many entities as the manifest says"));
    }
    Ok(out)
}

/// The whole corpus and analysis of a site, reading the facets and every document
/// shard through `fetch` (a file's name → its bytes, `None` if it cannot be had), and
/// checking every other file (the directory, each search-index fragment and entity
/// shard) with its decoder: what `dossier extract` and `check` do with a sharded page,
/// so that they fail, naming the file, on a site with any file missing or damaged.
pub fn read_all(
    manifest: &Manifest,
    mut fetch: impl FnMut(&str) -> Option<Vec<u8>>,
) -> Result<(Corpus, Analysis), SiteError> {
    check_index_files(manifest, &mut fetch)?;
    let facets = manifest
        .facets()
        .ok_or_else(|| SiteError::damaged("manifest", "no facets file"))?;
    let facets = Facets::read(facets, fetch(&facets.name).as_deref())?;
    if facets.entities.len() != manifest.entities || facets.documents.len() != manifest.documents {
        return Err(SiteError::damaged("manifest", "its counts are not the facets'"));
    }
    let mut documents = Vec::with_capacity(manifest.documents);
    let mut analysis = Analysis {
        entities: facets.entities,
        ..Analysis::default()
    };
    for file in manifest.files(Kind::Docs) {
        if file.first != documents.len() {
            return Err(SiteError::damaged("manifest", "the document shards leave a gap"));
        }
        let (docs, analyses, dates) = read_docs(file, fetch(&file.name).as_deref(), manifest.entities)?;
        documents.extend(docs);
        analysis.docs.extend(analyses);
        analysis.dates.extend(dates);
    }
    if documents.len() != manifest.documents {
        return Err(SiteError::damaged(
            "manifest",
            "the document shards hold too few documents",
        ));
    }
    if documents.windows(2).any(|w| w[0].file >= w[1].file) {
        return Err(SiteError::damaged(
            "manifest",
            "the documents are not in file-name order",
        ));
    }
    Ok((Corpus::new(documents), analysis))
}

/// Reads the directory of `manifest`, then every search-index fragment and entity shard
/// it names, through `fetch`; fails on the first that cannot be read, or on entity
/// shards that do not cover the entities.
fn check_index_files(
    manifest: &Manifest,
    fetch: &mut impl FnMut(&str) -> Option<Vec<u8>>,
) -> Result<(), SiteError> {
    let directory = manifest
        .directory()
        .ok_or_else(|| SiteError::damaged("manifest", "no directory file"))?;
    let mut m = manifest.clone();
    read_directory(&mut m, directory, fetch(&directory.name).as_deref())?;
    for file in m.files(Kind::Terms) {
        read_terms(file, fetch(&file.name).as_deref())?;
    }
    let mut next = 0;
    for file in m.files(Kind::Entities) {
        if file.first != next {
            return Err(SiteError::damaged(
                &directory.name,
                "the entity shards leave a gap",
            ));
        }
        read_entities(file, fetch(&file.name).as_deref())?;
        next += file.count;
    }
    if next != manifest.entities {
        return Err(SiteError::damaged(
            &directory.name,
            "the entity shards miss entities",
        ));
    }
    Ok(())
}
