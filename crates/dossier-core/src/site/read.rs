//! Reading the site's files: the one decoder of each (see the [module doc](super)).
//! Each takes the bytes as fetched (or `None` when the fetch failed) and checks them
//! against the manifest before reading a byte of them.

use super::facets::{read_list, read_names, read_table, Head};
use super::terms::{read_part, read_terms, TermTotals};
use super::{address, SiteError, SiteErrorKind, VERSION};
use crate::corpus::{Corpus, Document};
use crate::model::{Analysis, DocAnalysis};
use crate::page::{numbers, read_doc, unescape, FIELD, RECORD, SEPARATOR};
use crate::timeline::DateMention;

/// What a file of the site holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// What every view's first screen needs: counts, timelines, top entities.
    Head,
    /// The article list's rows, for a run of documents.
    List,
    /// Texts with their marks and analysis, for a run of documents.
    Docs,
    /// Where the files below are.
    Directory,
    /// The entity table's rows, for a run of entities.
    Table,
    /// A fragment of the name index (entities by the words of their names).
    Names,
    /// A fragment of the search index.
    Terms,
    /// Part of one common term's postings, for a run of documents.
    Part,
    /// Mentions and co-occurrence for a run of entities.
    Entities,
    /// Part of one common entity's mentions, for a run of documents.
    Mentions,
    /// The documents of a range of timeline buckets.
    Periods,
    /// Each document's entities with their mentions, for a run of documents.
    Counts,
    /// Each document's quotes, for a run of documents.
    Quotes,
    /// One label's entities in most documents first, for a run of ranks.
    Ranked,
    /// The corpus's quotes counted, and its most quoted speakers.
    Speakers,
    /// The attributed quotes, speaker by speaker, for a run of them.
    Said,
}

impl Kind {
    /// Each kind with the letter its files' names start with, as the manifest and the
    /// directory write it: the one list both the writer and the reader use.
    pub(super) const LETTERS: [(Kind, char); 16] = [
        (Kind::Head, 'h'),
        (Kind::List, 'l'),
        (Kind::Docs, 'd'),
        (Kind::Directory, 'i'),
        (Kind::Table, 'n'),
        (Kind::Names, 'x'),
        (Kind::Terms, 't'),
        (Kind::Part, 'p'),
        (Kind::Entities, 'e'),
        (Kind::Mentions, 'm'),
        (Kind::Periods, 'c'),
        (Kind::Counts, 'g'),
        (Kind::Quotes, 'q'),
        (Kind::Ranked, 'r'),
        (Kind::Speakers, 's'),
        (Kind::Said, 'k'),
    ];

    /// The kind whose files' names start with `letter` (`"d"`: [`Kind::Docs`]).
    pub fn of_letter(letter: &str) -> Option<Kind> {
        let mut chars = letter.chars();
        let (c, None) = (chars.next()?, chars.next()) else {
            return None;
        };
        Self::LETTERS.iter().find(|(_, l)| *l == c).map(|(k, _)| *k)
    }

    /// The letter this kind's files' names start with.
    pub fn letter(self) -> char {
        Self::LETTERS
            .iter()
            .find(|(k, _)| *k == self)
            .map_or('?', |(_, l)| *l)
    }

    /// The kinds the directory names (the others, the manifest).
    pub(super) fn in_directory(self) -> bool {
        !matches!(self, Kind::Head | Kind::List | Kind::Docs | Kind::Directory)
    }
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
    /// Its first document or entity (a speaker file: its first quote's speaker; 0 for
    /// the others).
    pub first: usize,
    /// How many documents or entities it holds (0 for the others; for a part, the
    /// documents from its first posting's to its last's; a speaker file's quotes).
    pub count: usize,
    /// A document shard's first document's file name, a fragment's first term or word,
    /// a period file's first bucket, a part's term, a mention part's entity (its
    /// number), a speaker file's first quote's rank among its speaker's (a number;
    /// empty for the others).
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
    /// once [`read_directory`] has added them, the directory's.
    pub files: Vec<FileRef>,
    /// The terms cut in parts, in sorted order, with their totals (once
    /// [`read_directory`] has added them).
    pub long_terms: Vec<TermTotals>,
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
            .map(|r| {
                file_ref(r)
                    .filter(|f| !f.kind.in_directory())
                    .ok_or_else(|| bad("a file record is damaged"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Manifest {
            documents,
            entities,
            files,
            long_terms: Vec::new(),
        })
    }

    /// The files of `kind`, in order.
    pub fn files(&self, kind: Kind) -> impl Iterator<Item = &FileRef> {
        self.files.iter().filter(move |f| f.kind == kind)
    }

    /// The head file.
    pub fn head(&self) -> Option<&FileRef> {
        self.files(Kind::Head).next()
    }

    /// The article-list run that holds document `doc`'s row.
    pub fn list_run(&self, doc: usize) -> Option<&FileRef> {
        run_of(self.files(Kind::List), doc)
    }

    /// The entity-table run that holds entity `entity`'s row.
    pub fn table_run(&self, entity: usize) -> Option<&FileRef> {
        run_of(self.files(Kind::Table), entity)
    }

    /// The directory file.
    pub fn directory(&self) -> Option<&FileRef> {
        self.files(Kind::Directory).next()
    }

    /// The shard that holds document `doc`.
    pub fn doc_shard(&self, doc: usize) -> Option<&FileRef> {
        run_of(self.files(Kind::Docs), doc)
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
        run_of(self.files(Kind::Entities), entity)
    }

    /// The search-index fragments that hold the terms starting with `prefix` (a whole
    /// term is its own prefix), except those cut in parts ([`Manifest::long_terms`]).
    pub fn term_fragments(&self, prefix: &str) -> Vec<&FileRef> {
        fragments(self.files(Kind::Terms).collect(), prefix)
    }

    /// The name-index fragments that hold the keys (words, ids) starting with `prefix`.
    pub fn name_fragments(&self, prefix: &str) -> Vec<&FileRef> {
        fragments(self.files(Kind::Names).collect(), prefix)
    }

    /// The terms starting with `prefix` that are cut in parts, with their totals.
    pub fn long_terms<'m>(&'m self, prefix: &'m str) -> impl Iterator<Item = &'m TermTotals> + 'm {
        let from = self.long_terms.partition_point(|t| t.term.as_str() < prefix);
        self.long_terms[from..]
            .iter()
            .take_while(move |t| t.term.starts_with(prefix))
    }

    /// The parts of entity `entity`'s mentions, in document order (none when its entity
    /// shard holds them).
    pub fn mention_parts(&self, entity: usize) -> impl Iterator<Item = &FileRef> {
        let key = entity.to_string();
        self.files(Kind::Mentions).filter(move |f| f.key == key)
    }

    /// The period file that would hold the documents of the timeline bucket `key`
    /// (`YYYY` or `YYYY-MM`); its decoder says whether it does.
    pub fn period_file(&self, key: &str) -> Option<&FileRef> {
        let all: Vec<&FileRef> = self.files(Kind::Periods).collect();
        let at = all.partition_point(|f| f.key.as_str() <= key);
        at.checked_sub(1).map(|i| all[i])
    }

    /// The counts run that holds document `doc`'s entity counts.
    pub fn counts_run(&self, doc: usize) -> Option<&FileRef> {
        run_of(self.files(Kind::Counts), doc)
    }

    /// The quotes run that holds document `doc`'s quotes.
    pub fn quotes_run(&self, doc: usize) -> Option<&FileRef> {
        run_of(self.files(Kind::Quotes), doc)
    }

    /// The ranked run that holds the entity of rank `rank` (0: in most documents) of the
    /// label of code `label`; none past the label's last entity.
    pub fn ranked_run(&self, label: &str, rank: usize) -> Option<&FileRef> {
        run_of(self.files(Kind::Ranked).filter(|f| f.key == label), rank)
    }

    /// The speakers file.
    pub fn speakers(&self) -> Option<&FileRef> {
        self.files(Kind::Speakers).next()
    }

    /// The speaker files that may hold entity `entity`'s quotes, in order: the one whose
    /// range holds its first quote, and those after it that start with its quotes
    /// (none, or one that holds none of them, when it is quoted nowhere). Needs the
    /// directory read.
    pub fn said_files(&self, entity: usize) -> Vec<&FileRef> {
        let all: Vec<&FileRef> = self.files(Kind::Said).collect();
        let start = |f: &FileRef| (f.first, f.key.parse::<usize>().unwrap_or(usize::MAX));
        let at = all.partition_point(|f| start(f) <= (entity, 0));
        let Some(at) = at.checked_sub(1) else {
            return Vec::new();
        };
        let mut out = vec![all[at]];
        out.extend(all[at + 1..].iter().take_while(|f| f.first == entity));
        out
    }

    /// The parts of `term`'s postings, in document order: the first holds the first
    /// rows of a search for it.
    pub fn term_parts<'m>(&'m self, term: &'m str) -> impl Iterator<Item = &'m FileRef> + 'm {
        self.files(Kind::Part).filter(move |f| f.key == term)
    }
}

/// The file of a run (`runs` in order) that holds item `i`.
fn run_of<'m>(runs: impl Iterator<Item = &'m FileRef>, i: usize) -> Option<&'m FileRef> {
    let runs: Vec<&FileRef> = runs.collect();
    let at = runs.partition_point(|f| f.first + f.count <= i);
    runs.get(at).copied().filter(|f| f.first <= i)
}

/// Of the fragments `all` (keys in sorted order: a fragment holds the keys from its first
/// to the next's), those that hold the keys starting with `prefix`: the one whose range
/// holds `prefix`, and those after it whose first key still starts with it.
fn fragments<'m>(all: Vec<&'m FileRef>, prefix: &str) -> Vec<&'m FileRef> {
    let at = all
        .partition_point(|f| f.key.as_str() <= prefix)
        .saturating_sub(1);
    let mut out: Vec<&FileRef> = all.get(at).copied().into_iter().collect();
    out.extend(all.iter().skip(at + 1).take_while(|f| f.key.starts_with(prefix)));
    out
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
    let (mut files, mut long_terms) = (Vec::new(), Vec::new());
    for r in records {
        let fields: Vec<&str> = r.split(FIELD).collect();
        if fields[0] == "w" {
            long_terms.push(TermTotals::read(&fields[1..]).ok_or_else(bad)?);
        } else {
            files.push(file_ref(r).filter(|f| f.kind.in_directory()).ok_or_else(bad)?);
        }
    }
    if long_terms.windows(2).any(|w| w[0].term >= w[1].term) {
        return Err(bad());
    }
    manifest.files.retain(|f| !f.kind.in_directory());
    manifest.files.extend(files);
    manifest.long_terms = long_terms;
    Ok(())
}

/// Reads one file record of the manifest or the directory.
fn file_ref(record: &str) -> Option<FileRef> {
    let f: Vec<&str> = record.split(FIELD).collect();
    let kind = Kind::of_letter(f.first()?)?;
    let n = |i: usize| f.get(i)?.parse::<usize>().ok();
    let (first, count, key) = match (kind, f.len()) {
        (Kind::Head | Kind::Directory | Kind::Speakers, 3) => (0, 0, String::new()),
        (Kind::Docs | Kind::Part | Kind::Mentions | Kind::Ranked | Kind::Said, 6) => {
            (n(3)?, n(4)?, unescape(f[5]))
        }
        (Kind::Names | Kind::Terms | Kind::Periods, 4) => (0, 0, unescape(f[3])),
        (Kind::List | Kind::Table | Kind::Entities | Kind::Counts | Kind::Quotes, 5) => {
            (n(3)?, n(4)?, String::new())
        }
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

/// The documents of a document shard, with their analyses and DATE mentions.
pub type DocRun = (Vec<Document>, Vec<DocAnalysis>, Vec<DateMention>);

/// The records (after the header) and the texts' fields (after the first separator) of
/// the document shard `file`, as `fetched`, once its header is the manifest's.
fn doc_shard<'b>(
    file: &FileRef,
    fetched: Option<&'b [u8]>,
) -> Result<(std::str::Split<'b, char>, std::str::Split<'b, char>), SiteError> {
    let text = file.open(fetched)?;
    let bad = |why: &str| SiteError::damaged(&file.name, why);
    let (analysis, texts) = text.split_at(text.find(SEPARATOR).unwrap_or(text.len()));
    let mut records = analysis.split(RECORD);
    let header = format!("dossier-docs 1{FIELD}{}{FIELD}{}", file.first, file.count);
    if records.next() != Some(header.as_str()) {
        return Err(bad("not the documents the manifest says"));
    }
    let mut fields = texts.split(SEPARATOR);
    if fields.next() != Some("") {
        return Err(bad("no texts"));
    }
    Ok((records, fields))
}

/// The fields a document has in a shard's texts (file, source, date, coverage, title,
/// marked text: as in the page's `#corpus`).
const TEXT_FIELDS: usize = 6;

/// The file names of the documents of the document shard `file`, as `fetched`, in
/// order: what a link's file is looked for in, without reading a document.
pub fn read_doc_files(file: &FileRef, fetched: Option<&[u8]>) -> Result<Vec<String>, SiteError> {
    let (_, fields) = doc_shard(file, fetched)?;
    let fields: Vec<&str> = fields.collect();
    if fields.len() != file.count * TEXT_FIELDS {
        return Err(SiteError::damaged(
            &file.name,
            "not as many texts as the manifest says",
        ));
    }
    Ok(fields.iter().step_by(TEXT_FIELDS).map(|f| unescape(f)).collect())
}

/// Document `i` of the document shard `file` (0: its first), as `fetched`, with its
/// analysis, read alone: a reader shows one document of a shard at a time, and reading
/// all of them took most of the time a deep link waits once its shard has arrived.
pub fn read_doc_at(
    file: &FileRef,
    fetched: Option<&[u8]>,
    entities: usize,
    i: usize,
) -> Result<(Document, DocAnalysis), SiteError> {
    let bad = |why: String| SiteError::damaged(&file.name, why);
    if i >= file.count {
        return Err(bad(format!("no document {i} in a shard of {}", file.count)));
    }
    let (mut records, mut fields) = doc_shard(file, fetched)?;
    let record = records
        .nth(i)
        .ok_or_else(|| bad("fewer records than documents".into()))?;
    if i > 0 {
        fields.nth(i * TEXT_FIELDS - 1);
    }
    read_doc(file.first + i, &mut fields, record, entities, &mut Vec::new()).map_err(|e| bad(e.to_string()))
}

/// Reads the document shard `file`, as `fetched`, of a corpus of `entities` entities.
pub fn read_docs(file: &FileRef, fetched: Option<&[u8]>, entities: usize) -> Result<DocRun, SiteError> {
    let (mut records, mut fields) = doc_shard(file, fetched)?;
    let bad = |why: String| SiteError::damaged(&file.name, why);
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

/// An entity's mentions and the entities it shares documents with.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntityFiles {
    /// Every mention as (document, index in the document's mentions), in order.
    pub mentions: Vec<(u32, u32)>,
    /// (entity, shared documents), most shared first, at most [`super::PARTNERS`].
    pub partners: Vec<(u32, u32)>,
}

/// Pairs of numbers.
fn pairs(s: &str) -> Option<Vec<(u32, u32)>> {
    let n: Vec<usize> = numbers(s).collect::<Option<_>>()?;
    let pair = |p: &[usize]| match *p {
        [a, b] => Some((u32::try_from(a).ok()?, u32::try_from(b).ok()?)),
        _ => None,
    };
    n.chunks(2).map(pair).collect()
}

/// Mentions as their pairs write them: (document's distance from the previous
/// mention's, the first from 0; index of the mention in the document's).
pub(super) fn mention_pairs(s: &str) -> Option<Vec<(u32, u32)>> {
    let mut mentions = pairs(s)?;
    let mut doc = 0u32;
    for m in &mut mentions {
        doc = doc.checked_add(m.0)?;
        m.0 = doc;
    }
    Some(mentions)
}

/// Appends `mentions` (document, index in its mentions) as [`mention_pairs`] reads them.
pub(super) fn write_mentions(out: &mut String, mentions: &[(u32, u32)]) {
    let mut previous = 0;
    let pairs = mentions.iter().flat_map(|&(d, m)| {
        let pair = [(d - previous) as usize, m as usize];
        previous = d;
        pair
    });
    crate::page::write_numbers(out, pairs);
}

/// Reads the entity shard `file`, as `fetched`: each entity's record (with no mentions
/// for an entity whose mentions are in parts: [`Manifest::mention_parts`]).
pub fn read_entities(file: &FileRef, fetched: Option<&[u8]>) -> Result<Vec<EntityFiles>, SiteError> {
    let text = file.open(fetched)?;
    let bad = |why: &str| SiteError::damaged(&file.name, why);
    let mut records = text.split(RECORD);
    let header = format!("dossier-entities 1{FIELD}{}{FIELD}{}", file.first, file.count);
    if records.next() != Some(header.as_str()) {
        return Err(bad("not the entities the manifest says"));
    }
    let out = records
        .map(|r| {
            let (mentions, partners) = r.split_once(FIELD)?;
            Some(EntityFiles {
                mentions: mention_pairs(mentions)?,
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

/// The whole corpus and analysis of a site, reading every file of it through `fetch`
/// (a file's name → its bytes, `None` if it cannot be had) with its decoder: the
/// entities from the entity table, the documents from the document shards, each checked
/// against the head and the article list, and every other file (name index, search
/// index, entity shards) checked too. What `dossier extract` and `check` do with a
/// sharded page, so that they fail, naming the file, on a site with any file missing or
/// damaged.
pub fn read_all(
    manifest: &Manifest,
    mut fetch: impl FnMut(&str) -> Option<Vec<u8>>,
) -> Result<(Corpus, Analysis), SiteError> {
    let bad = |why: &str| SiteError::damaged("manifest", why);
    let directory = manifest.directory().ok_or_else(|| bad("no directory file"))?;
    let mut m = manifest.clone();
    read_directory(&mut m, directory, fetch(&directory.name).as_deref())?;
    let head = m.head().ok_or_else(|| bad("no head file"))?;
    let head = Head::read(head, fetch(&head.name).as_deref())?;
    if (head.documents, head.entities) != (m.documents, m.entities) {
        return Err(bad("its counts are not the head's"));
    }
    let owner = &directory.name;
    let entities = read_runs(&m, Kind::Table, m.entities, owner, &mut fetch, read_table)?;
    if head.top.iter().any(|(e, entity)| entities[*e] != *entity) {
        return Err(SiteError::damaged(
            owner,
            "the head's entities are not the table's",
        ));
    }
    let list = read_runs(&m, Kind::List, m.documents, "manifest", &mut fetch, read_list)?;
    let mut documents = Vec::with_capacity(m.documents);
    let mut analysis = Analysis {
        entities,
        ..Analysis::default()
    };
    for file in m.files(Kind::Docs) {
        if file.first != documents.len() {
            return Err(bad("the document shards leave a gap"));
        }
        let (docs, analyses, dates) = read_docs(file, fetch(&file.name).as_deref(), m.entities)?;
        documents.extend(docs);
        analysis.docs.extend(analyses);
        analysis.dates.extend(dates);
    }
    if documents.len() != m.documents {
        return Err(bad("the document shards hold too few documents"));
    }
    if documents.windows(2).any(|w| w[0].file >= w[1].file) {
        return Err(bad("the documents are not in file-name order"));
    }
    let listed = |(s, d): (&super::DocSummary, &Document)| {
        (&s.file, &s.title, &s.published, &s.source) == (&d.file, &d.title, &d.meta.published, &d.meta.source)
    };
    if !list.iter().zip(&documents).all(listed) {
        return Err(bad("the article list is not the documents'"));
    }
    check_index_files(&m, &analysis.entities, &mut fetch)?;
    Ok((Corpus::new(documents), analysis))
}

/// Reads the runs of `kind` of `m` in order through `fetch` and `read`, checking that
/// they hold items 0 to `total` with no gap (else an error naming `owner`, the file
/// that lists them).
fn read_runs<T>(
    m: &Manifest,
    kind: Kind,
    total: usize,
    owner: &str,
    fetch: &mut impl FnMut(&str) -> Option<Vec<u8>>,
    read: impl Fn(&FileRef, Option<&[u8]>) -> Result<Vec<T>, SiteError>,
) -> Result<Vec<T>, SiteError> {
    let mut out = Vec::with_capacity(total);
    for file in m.files(kind) {
        if file.first != out.len() {
            return Err(SiteError::damaged(
                owner,
                format!("the {kind:?} runs leave a gap"),
            ));
        }
        out.extend(read(file, fetch(&file.name).as_deref())?);
    }
    if out.len() != total {
        return Err(SiteError::damaged(owner, format!("the {kind:?} runs miss items")));
    }
    Ok(out)
}

/// Reads every name-index fragment, search-index fragment, part, entity shard, mention
/// part and period file of `m` (its directory read) through `fetch`; fails on the first that
/// cannot be read, on a cut term whose parts do not hold its total, on entity shards
/// that do not cover the `entities`, or on an entity whose mentions are not as many as
/// its table row says.
fn check_index_files(
    m: &Manifest,
    entities: &[crate::model::Entity],
    fetch: &mut impl FnMut(&str) -> Option<Vec<u8>>,
) -> Result<(), SiteError> {
    let directory = m.directory().map(|d| d.name.clone()).unwrap_or_default();
    for file in m.files(Kind::Names) {
        read_names(file, fetch(&file.name).as_deref(), m.entities)?;
    }
    for file in m.files(Kind::Terms) {
        read_terms(file, fetch(&file.name).as_deref())?;
    }
    let mut parts = 0;
    for t in &m.long_terms {
        let mut postings = 0;
        for file in m.term_parts(&t.term) {
            postings += read_part(file, fetch(&file.name).as_deref())?.postings.len();
            parts += 1;
        }
        if postings != t.postings[0] {
            return Err(SiteError::damaged(
                &directory,
                format!("the parts of {:?} do not hold its postings", t.term),
            ));
        }
    }
    if parts != m.files(Kind::Part).count() {
        return Err(SiteError::damaged(&directory, "a part of no term's"));
    }
    let shards = read_runs(m, Kind::Entities, m.entities, &directory, fetch, read_entities)?;
    let mut parts: std::collections::HashMap<&str, Vec<&FileRef>> = Default::default();
    for file in m.files(Kind::Mentions) {
        parts.entry(file.key.as_str()).or_default().push(file);
    }
    let mut read = 0;
    for (e, (shard, entity)) in shards.iter().zip(entities).enumerate() {
        let mut mentions = shard.mentions.len();
        for file in parts.get(e.to_string().as_str()).into_iter().flatten() {
            mentions += super::read_mention_part(file, fetch(&file.name).as_deref())?.len();
            read += 1;
        }
        if mentions != entity.mentions {
            let why = format!("{}'s mentions are not as many as the table says", entity.id);
            return Err(SiteError::damaged(&directory, why));
        }
    }
    if read != m.files(Kind::Mentions).count() {
        return Err(SiteError::damaged(&directory, "a part of no entity's mentions"));
    }
    for file in m.files(Kind::Periods) {
        super::read_periods(file, fetch(&file.name).as_deref(), m.documents)?;
    }
    check_fact_files(m, &directory, fetch)
}

/// Reads every counts run, quotes run, ranked run and the speakers file of `m` through
/// `fetch`; fails on the first that cannot be read, or on runs that do not cover the
/// documents (named as `directory`'s fault).
fn check_fact_files(
    m: &Manifest,
    directory: &str,
    fetch: &mut impl FnMut(&str) -> Option<Vec<u8>>,
) -> Result<(), SiteError> {
    let e = m.entities;
    read_runs(m, Kind::Counts, m.documents, directory, fetch, |f, b| {
        super::read_counts(f, b, e)
    })?;
    read_runs(m, Kind::Quotes, m.documents, directory, fetch, |f, b| {
        super::read_quotes(f, b, e)
    })?;
    let mut ranked = 0;
    for file in m.files(Kind::Ranked) {
        ranked += super::read_ranked(file, fetch(&file.name).as_deref(), e)?.len();
    }
    if ranked != m.entities {
        return Err(SiteError::damaged(
            directory,
            "the ranked runs do not hold every entity",
        ));
    }
    let speakers = m
        .speakers()
        .ok_or_else(|| SiteError::damaged(directory, "no speakers file"))?;
    let speakers = super::Speakers::read(speakers, fetch(&speakers.name).as_deref(), e)?;
    let mut said = 0;
    for file in m.files(Kind::Said) {
        said += super::read_said(file, fetch(&file.name).as_deref(), m.documents, e)?.len();
    }
    if said != speakers.attributed {
        return Err(SiteError::damaged(
            directory,
            "the speaker files do not hold every attributed quote",
        ));
    }
    Ok(())
}
