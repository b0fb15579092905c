//! Dossier's reader of a sharded site (issue 24) as a wasm module of its own: `web/boot.js`
//! loads `web/site.js`, and with it this module, only when the page carries a manifest
//! (`#manifest`) instead of the whole corpus, so a one-page build pays nothing for it.
//!
//! It holds the manifest and answers two questions, each with the core's one decoder of
//! the file concerned (`dossier_core::site`): which file holds something ([`locate`],
//! [`term_files`], [`prefix_files`], [`name_files`], [`mention_files`], [`said_files`]; with the words to
//! look for read as the app reads them: [`clauses`], [`name_words`]), and what a
//! fetched file holds ([`decode`], which checks the file's length and address first; [`counts`]
//! for a counts run, whose numbers it gives as numbers). Answers are JSON for
//! `web/site.js`, which fetches, caches and draws; errors are a kind and a message
//! ([`Fault`]), so that the page can offer Retry for a missing file and Reload for one
//! from another version of the site.

mod export;
mod json;

pub use export::{
    export_compared, export_docs, export_end, export_names, export_quotes_only, export_rows, export_start,
};

use dossier_core::query::{Term, TextQuery};
use dossier_core::site::{
    read_counts, read_directory, read_doc_at, read_doc_files, read_entities, read_list, read_mention_part,
    read_names, read_part, read_periods, read_quotes, read_ranked, read_said, read_table, read_terms,
    FileRef, Head, Kind, Manifest, SiteError, SiteErrorKind, Speakers,
};
use serde_json::json;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    /// The page's manifest, with the directory's files once it is read.
    static MANIFEST: RefCell<Option<Manifest>> = const { RefCell::new(None) };
}

/// Why a file cannot be shown, as `web/site.js` tells the reader: `missing` (it could
/// not be fetched: Retry may help) or `version` (it is not the file this page names:
/// another version of the site; only a Reload helps). Thrown as `kind<TAB>message`.
pub struct Fault;

impl Fault {
    /// The thrown text of `e`.
    pub fn of(e: &SiteError) -> String {
        let kind = match e.kind {
            SiteErrorKind::Missing => "missing",
            _ => "version",
        };
        format!("{kind}\t{e}")
    }
}

/// Reads the page's manifest and keeps it. Returns the site's counts and the head's
/// file as JSON, or throws a [`Fault`].
#[wasm_bindgen]
pub fn open(manifest: &str) -> Result<String, String> {
    let m = Manifest::read(manifest).map_err(|e| Fault::of(&e))?;
    let head = m.head().map(|f| f.name.clone());
    let out = json!({ "documents": m.documents, "entities": m.entities, "head": head });
    MANIFEST.with(|k| *k.borrow_mut() = Some(m));
    Ok(out.to_string())
}

/// Runs `f` on the manifest (none before [`open`]).
fn with_manifest<T>(f: impl FnOnce(&mut Manifest) -> Option<T>) -> Option<T> {
    MANIFEST.with(|k| k.borrow_mut().as_mut().and_then(f))
}

/// The name of the file that holds `what`: `list` (an article-list run) or `docs` (a
/// document shard) of document number `key`; `file`, the document shard of the
/// document stored in file `key`; `table` (an entity-table run) or `entities` (an
/// entity shard) of entity number `key`; `period`, the period file of the timeline
/// bucket `key` (`YYYY` or `YYYY-MM`); `counts` or `quotes`, the counts or quotes run of
/// document number `key`; `ranked`, the ranked run of `key` = `label:rank` (a label's
/// code, an entity's rank in it); `speakers`; `directory`. None when the manifest (or the
/// directory, for the kinds it names, once read) has no such file.
#[wasm_bindgen]
pub fn locate(what: &str, key: &str) -> Option<String> {
    let n = key.parse::<usize>().ok();
    with_manifest(|m| {
        let f = match what {
            "list" => m.list_run(n?),
            "docs" => m.doc_shard(n?),
            "file" => m.doc_shard_of_file(key),
            "table" => m.table_run(n?),
            "entities" => m.entity_shard(n?),
            "period" => m.period_file(key),
            "counts" => m.counts_run(n?),
            "quotes" => m.quotes_run(n?),
            "ranked" => {
                let (label, rank) = key.split_once(':')?;
                m.ranked_run(label, rank.parse().ok()?)
            }
            "speakers" => m.speakers(),
            "directory" => m.directory(),
            _ => None,
        };
        f.map(|f| f.name.clone())
    })
}

/// The files that hold the postings of the search term `term` (normalised): its parts
/// when it is cut in parts (`{"parts": [...]}`), else the fragments of its range
/// (`{"fragments": [...]}`). Needs the directory read.
#[wasm_bindgen]
pub fn term_files(term: &str) -> String {
    with_manifest(|m| {
        let parts: Vec<&str> = m.term_parts(term).map(|f| f.name.as_str()).collect();
        Some(if parts.is_empty() {
            let fragments: Vec<&str> = m.term_fragments(term).iter().map(|f| f.name.as_str()).collect();
            json!({ "fragments": fragments })
        } else {
            json!({ "parts": parts })
        })
    })
    .unwrap_or_default()
    .to_string()
}

/// The name-index fragments that hold `key` (an entity's id, or a word of its names),
/// as a JSON list. Needs the directory read.
#[wasm_bindgen]
pub fn name_files(key: &str) -> String {
    let names = with_manifest(|m| Some(m.name_fragments(key).iter().map(|f| f.name.clone()).collect()));
    json!(names.unwrap_or_else(Vec::<String>::new)).to_string()
}

/// The parts of entity `entity`'s mentions, in document order, as a JSON list (empty when
/// its entity shard holds them). Needs the directory read.
#[wasm_bindgen]
pub fn mention_files(entity: usize) -> String {
    let names = with_manifest(|m| Some(m.mention_parts(entity).map(|f| f.name.clone()).collect()));
    json!(names.unwrap_or_else(Vec::<String>::new)).to_string()
}

/// The speaker files that may hold entity `entity`'s quotes, in order, as a JSON list
/// (empty when there are none). Needs the directory read.
#[wasm_bindgen]
pub fn said_files(entity: usize) -> String {
    let names = with_manifest(|m| Some(m.said_files(entity).iter().map(|f| f.name.clone()).collect()));
    json!(names.unwrap_or_else(Vec::<String>::new)).to_string()
}

/// The files that hold the postings of every term starting with `prefix` (normalised):
/// the search-index fragments of its range and every part of its terms cut in parts, as
/// `{"files": [...], "bytes": n}` with their bytes in all, so that the page can refuse a
/// prefix too short to fetch. Needs the directory read.
#[wasm_bindgen]
pub fn prefix_files(prefix: &str) -> String {
    with_manifest(|m| {
        let mut files: Vec<&FileRef> = m.term_fragments(prefix);
        for t in m.long_terms(prefix) {
            files.extend(m.term_parts(&t.term));
        }
        let bytes: usize = files.iter().map(|f| f.bytes).sum();
        let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
        Some(json!({ "files": names, "bytes": bytes }))
    })
    .unwrap_or_else(|| json!({ "files": [], "bytes": 0 }))
    .to_string()
}

/// The words of `text` as the name index holds them (normalised as
/// [`dossier_core::index::normalise_words`] does), as a JSON list: what the entity
/// panel's search looks up, each word as a prefix of the names' words.
#[wasm_bindgen]
pub fn name_words(text: &str) -> String {
    json!(words_of(text)).to_string()
}

/// The normalised words of `text`, in order.
fn words_of(text: &str) -> Vec<String> {
    let (mut buf, mut words) = (String::new(), Vec::new());
    dossier_core::index::normalise_words(text, &mut buf, &mut words);
    words.iter().map(|(_, w)| buf[w.clone()].to_string()).collect()
}

/// The clauses of the text query `query`, read as the app reads them
/// ([`TextQuery::parse`]: stop words left out unless quoted or alone, `-` excludes,
/// quotes make a phrase, `word*` is any word starting with it), as a JSON list of
/// `{"words": [...], "negated": bool}` with the words as the search index holds them,
/// and `"prefix": true` for a prefix (its one word: [`prefix_files`]).
#[wasm_bindgen]
pub fn clauses(query: &str) -> String {
    let list: Vec<serde_json::Value> = TextQuery::parse(query)
        .clauses
        .into_iter()
        .map(|c| match c.term {
            Term::Prefix(w) => json!({ "words": [w], "negated": c.negated, "prefix": true }),
            Term::Word(w) => json!({ "words": [w], "negated": c.negated }),
            Term::Phrase(ws) => json!({ "words": ws, "negated": c.negated }),
        })
        .collect();
    json!(list).to_string()
}

/// What the file `name` holds, from its bytes as fetched (`None`: the fetch failed),
/// as JSON, once its length and address match the manifest's; else throws a [`Fault`].
/// Reading the directory also adds its files to the manifest. A document shard gives
/// its first document and its documents' file names only: [`doc_at`] reads one.
#[wasm_bindgen]
pub fn decode(name: &str, bytes: Option<Vec<u8>>) -> Result<String, String> {
    let file = file_ref(name)?;
    let (documents, entities) = with_manifest(|m| Some((m.documents, m.entities))).unwrap_or((0, 0));
    let fetched = bytes.as_deref();
    let out = match file.kind {
        Kind::Directory => directory(&file, fetched),
        Kind::Counts => return Err(format!("version\t{name} is a counts run, read by counts()")),
        _ => decode_file(&file, fetched, documents, entities),
    };
    out.map(|v| v.to_string()).map_err(|e| Fault::of(&e))
}

/// The counts run `name`, from its bytes as fetched (`None`: the fetch failed), once
/// checked as [`decode`] checks a file: [`flat_counts`]; else throws a [`Fault`]. Numbers,
/// not JSON: a filter's counts read nearly every run (4.5 MB at 20,000 articles), and
/// building and parsing their JSON took most of the 5–7 s they cost the first time.
#[wasm_bindgen]
pub fn counts(name: &str, bytes: Option<Vec<u8>>) -> Result<Vec<u32>, String> {
    let file = file_ref(name)?;
    if file.kind != Kind::Counts {
        return Err(format!("version\t{name} is not a counts run"));
    }
    let entities = with_manifest(|m| Some(m.entities)).unwrap_or(0);
    let docs = read_counts(&file, bytes.as_deref(), entities).map_err(|e| Fault::of(&e))?;
    Ok(flat_counts(file.first, &docs))
}

/// A counts run's documents as one list of numbers: its first document, its number of
/// documents `n`, then `n + 1` offsets into the pairs that follow (document `i`'s pairs
/// are those from offset `i` to offset `i + 1`, each pair two numbers), then the pairs
/// (entity, mentions), entities ascending within a document.
pub fn flat_counts(first: usize, docs: &[Vec<(u32, u32)>]) -> Vec<u32> {
    let pairs: usize = docs.iter().map(Vec::len).sum();
    let mut out = Vec::with_capacity(3 + docs.len() + 2 * pairs);
    out.extend([first as u32, docs.len() as u32, 0]);
    let mut at = 0;
    for d in docs {
        at += 2 * d.len() as u32;
        out.push(at);
    }
    out.extend(docs.iter().flatten().flat_map(|&(e, n)| [e, n]));
    out
}

/// Document `i` (0: the first) of the document shard `name`, from its bytes as fetched,
/// as JSON (its file, title, byline and blocks), once they are checked as [`decode`]
/// checks them; else throws a [`Fault`]. One at a time: the reader shows one article,
/// and reading a whole shard of 256 KB took 20–90 ms of a deep link's wait.
#[wasm_bindgen]
pub fn doc_at(name: &str, bytes: Vec<u8>, i: usize) -> Result<String, String> {
    let file = file_ref(name)?;
    let entities = with_manifest(|m| Some(m.entities)).unwrap_or(0);
    let (d, a) = read_doc_at(&file, Some(&bytes), entities, i).map_err(|e| Fault::of(&e))?;
    Ok(json::doc(&d, &a).to_string())
}

/// The file `name` of the manifest (or of the directory, once read), or a [`Fault`].
fn file_ref(name: &str) -> Result<FileRef, String> {
    with_manifest(|m| m.files.iter().find(|f| f.name == name).cloned())
        .ok_or_else(|| format!("version\t{name} is not a file of this page's site"))
}

/// Reads the directory and adds its files to the manifest.
fn directory(file: &FileRef, fetched: Option<&[u8]>) -> Result<serde_json::Value, SiteError> {
    MANIFEST.with(|k| match k.borrow_mut().as_mut() {
        Some(m) => read_directory(m, file, fetched).map(|()| json!({})),
        None => Ok(json!({})),
    })
}

/// Every kind of file but the directory, read by its decoder, as JSON.
fn decode_file(
    file: &FileRef,
    fetched: Option<&[u8]>,
    documents: usize,
    entities: usize,
) -> Result<serde_json::Value, SiteError> {
    Ok(match file.kind {
        Kind::Head => json::head(&Head::read(file, fetched)?),
        Kind::List => json::list(file.first, &read_list(file, fetched)?),
        Kind::Docs => json!({ "first": file.first, "files": read_doc_files(file, fetched)? }),
        Kind::Table => json::table(file.first, &read_table(file, fetched)?),
        Kind::Entities => json::entities(file.first, &read_entities(file, fetched)?),
        Kind::Names => json::names(&read_names(file, fetched, entities)?),
        Kind::Terms => json::terms(&read_terms(file, fetched)?),
        Kind::Part => json::terms(&[read_part(file, fetched)?]),
        Kind::Mentions => json!({ "mentions": json::pairs(&read_mention_part(file, fetched)?) }),
        Kind::Periods => json::periods(&read_periods(file, fetched, documents)?),
        Kind::Quotes => json::quotes(file.first, &read_quotes(file, fetched, entities)?),
        Kind::Ranked => json::ranked(file.first, &read_ranked(file, fetched, entities)?),
        Kind::Speakers => json::speakers(&Speakers::read(file, fetched, entities)?),
        Kind::Said => json::said(&read_said(file, fetched, documents, entities)?),
        Kind::Directory | Kind::Counts => json!({}),
    })
}

#[cfg(test)]
mod tests {
    use super::{flat_counts, words_of};

    #[test]
    fn a_counts_runs_documents_are_found_by_their_offsets() {
        let flat = flat_counts(40, &[vec![(3, 2), (9, 1)], vec![], vec![(0, 5)]]);
        assert_eq!(flat, [40, 3, 0, 4, 4, 6, 3, 2, 9, 1, 0, 5]);
    }

    #[test]
    fn a_name_typed_in_the_panel_is_read_as_the_name_index_reads_names() {
        assert_eq!(words_of("Vladimir PUTIN"), ["vladimir", "putin"]);
        assert_eq!(words_of("U.S. Navy's"), ["us", "navy"]);
        assert_eq!(words_of("  "), Vec::<String>::new());
    }
}
