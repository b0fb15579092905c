//! Writing the site's files (see the [module doc](super) for the format).

use super::facets::{head, name_keys, write_name_key, write_summary};
use super::facts::{
    attributed, ranked, said_header, speakers, write_counts, write_quotes, write_ranked, write_said,
};
use super::mentions::mention_parts;
use super::periods::{period_docs, write_period};
use super::read::write_mentions;
use super::terms::{term_files, TermFile};
use super::{address, Kind, DIRECTORY, PARTNERS, VERSION};
use crate::corpus::Corpus;
use crate::index::Index;
use crate::model::Analysis;
use crate::page::{
    corpus_tag, push_escaped, write_doc_record, write_entity, write_numbers, write_text, PageError, FIELD,
    RECORD,
};
use std::fmt::Write as _;

/// The length a file is cut at, in bytes: a file ends with the record that reaches it
/// (so one large record, a common word's postings, makes a larger file).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sizes {
    /// Document shards: what a reader fetches to open an article.
    pub docs: usize,
    /// Article-list runs.
    pub list: usize,
    /// Entity-table runs.
    pub table: usize,
    /// Name-index fragments.
    pub names: usize,
    /// Search-index fragments, the parts of a common term's postings, and period files.
    pub terms: usize,
    /// Entity shards.
    pub entities: usize,
}

impl Default for Sizes {
    /// 256 KB of texts (about 40 articles, 70 KB compressed); 32 KB of article-list rows
    /// (about 400, 9 KB compressed), of entity rows and of the name index; 128 KB of the
    /// rest.
    fn default() -> Sizes {
        Sizes {
            docs: 256 * 1024,
            list: 32 * 1024,
            table: 32 * 1024,
            names: 32 * 1024,
            terms: 128 * 1024,
            entities: 128 * 1024,
        }
    }
}

/// A sharded site: what the page embeds, and the files beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    /// The page's two `<script>` elements: `#corpus` with the first document, `#manifest`.
    pub page: String,
    /// The manifest (also in `page`).
    pub manifest: String,
    /// Every file: (name, content); empty when [`write_each`] handed them out.
    pub files: Vec<(String, String)>,
}

/// Where the files go as they are made: (name, content).
type Put<'p> = dyn FnMut(&str, &str) -> Result<(), PageError> + 'p;

/// The files made so far: handed to `put`, their records kept for the manifest (the
/// head, the article list and the document shards) or the directory (the rest).
struct Files<'p> {
    put: &'p mut Put<'p>,
    records: Vec<String>,
    directory: Vec<String>,
    /// The files of every view's first screen, the head and the first article-list
    /// run, which the page preloads.
    first_screen: Vec<String>,
}

impl Files<'_> {
    /// Hands `put` a file of `kind` with `content`; returns its manifest record's first
    /// fields, which the caller completes and pushes.
    fn add(&mut self, kind: Kind, content: &str) -> Result<String, PageError> {
        let letter = kind.letter();
        let name = format!("{letter}-{}.txt", address(content.as_bytes()));
        (self.put)(&name, content)?;
        let first = |n: &String| n.starts_with(letter);
        if matches!(kind, Kind::Head | Kind::List) && !self.first_screen.iter().any(first) {
            self.first_screen.push(name.clone());
        }
        Ok(format!("{letter}{FIELD}{name}{FIELD}{}", content.len()))
    }

    /// Keeps a file's record for the manifest, or for the directory.
    fn keep(&mut self, record: String, in_directory: bool) {
        match in_directory {
            true => self.directory.push(record),
            false => self.records.push(record),
        }
    }
}

/// The sharded site of `corpus` and its `analysis`, files cut at `sizes`, every file
/// in [`Site::files`]. Fails as [`crate::page::write`] does, on an analysis that breaks
/// its contract.
pub fn write(corpus: &Corpus, analysis: &Analysis, sizes: &Sizes) -> Result<Site, PageError> {
    let mut files = Vec::new();
    let mut keep = |name: &str, content: &str| {
        files.push((name.to_string(), content.to_string()));
        Ok(())
    };
    let mut site = write_each(corpus, analysis, sizes, &mut keep)?;
    site.files = files;
    Ok(site)
}

/// [`write()`], handing each file to `put` as soon as it is made (a build keeps none
/// in memory), and failing with its error.
pub fn write_each<'p>(
    corpus: &Corpus,
    analysis: &Analysis,
    sizes: &Sizes,
    put: &'p mut Put<'p>,
) -> Result<Site, PageError> {
    let mut files = Files {
        put,
        records: vec![format!(
            "{VERSION}{FIELD}{}{FIELD}{}",
            corpus.documents.len(),
            analysis.entities.len()
        )],
        directory: vec![DIRECTORY.to_string()],
        first_screen: Vec::new(),
    };
    let ix = Index::new(corpus, analysis);
    let head = files.add(Kind::Head, &head(corpus, analysis))?;
    files.records.push(head);
    let list = Run::new(Kind::List, "dossier-list 1", sizes.list);
    list.write(&mut files, corpus.documents.len(), |out, d| {
        write_summary(out, &ix, d)
    })?;
    doc_shards(corpus, analysis, sizes.docs, &mut files)?;
    let table = Run::new(Kind::Table, "dossier-table 1", sizes.table);
    table.write(&mut files, analysis.entities.len(), |out, e| {
        write_entity(out, &analysis.entities[e])
    })?;
    name_fragments(analysis, sizes.names, &mut files)?;
    term_fragments(&ix, sizes.terms, &mut files)?;
    entity_shards(&ix, sizes.entities, &mut files)?;
    period_files(analysis, sizes.terms, &mut files)?;
    fact_files(corpus, analysis, &ix, sizes, &mut files)?;
    let directory = std::mem::take(&mut files.directory).join(&RECORD.to_string());
    let directory = files.add(Kind::Directory, &directory)?;
    files.records.push(directory);
    let manifest = files.records.join(&RECORD.to_string());
    let mut first = String::new();
    if let (Some(doc), Some(a)) = (corpus.documents.first(), analysis.docs.first()) {
        write_text(&mut first, doc, a).map_err(|why| PageError::new(format!("{}: {why}", doc.file)))?;
    }
    let page = format!(
        "{}{first}</script><script type=\"application/x-dossier\" id=\"manifest\">{manifest}</script>{}",
        corpus_tag(analysis),
        preloads(&files.first_screen),
    );
    Ok(Site {
        page,
        manifest,
        files: Vec::new(),
    })
}

/// The page's preloads of the files `names`, so that they arrive while the reader
/// (`web/site.js` and its wasm) loads instead of after it has read the manifest
/// (`crossorigin`: the reader's `fetch` is a CORS-mode request, which a preload must
/// match to be used). At low priority: the first look (a deep link's article, drawn
/// from its document shard before the reader's wasm runs) does not need them, and
/// they would otherwise be asked for before that shard, which is found later.
fn preloads(names: &[String]) -> String {
    let folder = super::FOLDER;
    names
        .iter()
        .map(|n| {
            format!(
                "<link rel=\"preload\" href=\"{folder}/{n}\" as=\"fetch\" crossorigin fetchpriority=\"low\">"
            )
        })
        .collect()
}

/// Files of runs of items (documents or entities), each ending with the item that
/// brings it to its size: `format`, first item, number of items, then a record an item.
struct Run {
    kind: Kind,
    format: &'static str,
    size: usize,
}

impl Run {
    fn new(kind: Kind, format: &'static str, size: usize) -> Run {
        Run { kind, format, size }
    }

    /// Writes the runs of `n` items, `record` appending item `i`'s record.
    fn write(
        &self,
        files: &mut Files,
        n: usize,
        mut record: impl FnMut(&mut String, usize),
    ) -> Result<(), PageError> {
        let (mut out, mut first) = (String::new(), 0);
        for i in 0..n {
            out.push(RECORD);
            record(&mut out, i);
            if out.len() >= self.size || i + 1 == n {
                let count = i + 1 - first;
                let content = format!("{}{FIELD}{first}{FIELD}{count}{out}", self.format);
                let mut r = files.add(self.kind, &content)?;
                let _ = write!(r, "{FIELD}{first}{FIELD}{count}");
                files.keep(r, self.kind.in_directory());
                (first, out) = (i + 1, String::new());
            }
        }
        Ok(())
    }
}

/// The document shards, each ending with the document that brings it to `size` bytes.
fn doc_shards(corpus: &Corpus, analysis: &Analysis, size: usize, files: &mut Files) -> Result<(), PageError> {
    let mut dates = analysis.dates.iter().peekable();
    let (mut records, mut texts, mut first) = (String::new(), String::new(), 0);
    let n = corpus.documents.len();
    for (di, (doc, a)) in corpus.documents.iter().zip(&analysis.docs).enumerate() {
        write_text(&mut texts, doc, a).map_err(|why| PageError::new(format!("{}: {why}", doc.file)))?;
        records.push(RECORD);
        let periods = std::iter::from_fn(|| dates.next_if(|d| d.doc == di));
        write_doc_record(&mut records, doc, a, periods);
        if records.len() + texts.len() >= size || di + 1 == n {
            let count = di + 1 - first;
            let content = format!("dossier-docs 1{FIELD}{first}{FIELD}{count}{records}{texts}");
            let mut record = files.add(Kind::Docs, &content)?;
            let _ = write!(record, "{FIELD}{first}{FIELD}{count}{FIELD}");
            push_escaped(&mut record, &corpus.documents[first].file);
            files.records.push(record);
            (first, records, texts) = (di + 1, String::new(), String::new());
        }
    }
    Ok(())
}

/// The name-index fragments, words in sorted order, each ending with the word that
/// brings it to `size` bytes.
fn name_fragments(analysis: &Analysis, size: usize, files: &mut Files) -> Result<(), PageError> {
    let keys = name_keys(&analysis.entities);
    let (mut out, mut first) = (String::new(), String::new());
    let mut keys = keys.iter().peekable();
    while let Some((key, entities)) = keys.next() {
        if out.is_empty() {
            out.push_str("dossier-names 1");
            first.clear();
            push_escaped(&mut first, key);
        }
        out.push(RECORD);
        write_name_key(&mut out, key, entities);
        if out.len() >= size || keys.peek().is_none() {
            let mut record = files.add(Kind::Names, &out)?;
            out.clear();
            let _ = write!(record, "{FIELD}{first}");
            files.directory.push(record);
        }
    }
    Ok(())
}

/// The period files, buckets in key order, each ending with the bucket that brings it
/// to `size` bytes.
fn period_files(analysis: &Analysis, size: usize, files: &mut Files) -> Result<(), PageError> {
    let (mut out, mut first) = (String::new(), String::new());
    let periods = period_docs(&analysis.dates);
    let mut periods = periods.iter().peekable();
    while let Some((key, p)) = periods.next() {
        if out.is_empty() {
            out.push_str("dossier-periods 1");
            first.clear();
            push_escaped(&mut first, key);
        }
        out.push(RECORD);
        write_period(&mut out, key, p);
        if out.len() >= size || periods.peek().is_none() {
            let mut record = files.add(Kind::Periods, &out)?;
            out.clear();
            let _ = write!(record, "{FIELD}{first}");
            files.directory.push(record);
        }
    }
    Ok(())
}

/// The files of the views past the article list: counts and quotes runs, each label's
/// ranked runs, the speakers file, the speaker files.
fn fact_files(
    corpus: &Corpus,
    analysis: &Analysis,
    ix: &Index,
    sizes: &Sizes,
    files: &mut Files,
) -> Result<(), PageError> {
    let n = corpus.documents.len();
    // Cut at the texts' size, not the list's: a filter's articles are spread over the
    // corpus, so its counts meet nearly every run; fewer runs are fewer requests and
    // decodes (138 runs of 32 KB at 20,000 articles took 5–7 s to read the first time).
    let counts = Run::new(Kind::Counts, "dossier-counts 1", sizes.docs);
    counts.write(files, n, |out, d| write_counts(out, ix, d))?;
    let quotes = Run::new(Kind::Quotes, "dossier-quotes 1", sizes.terms);
    quotes.write(files, n, |out, d| {
        write_quotes(out, analysis, &corpus.documents[d].text, d)
    })?;
    for (label, of) in ranked(&analysis.entities) {
        let (mut out, mut first) = (String::new(), 0);
        for (rank, &e) in of.iter().enumerate() {
            out.push(RECORD);
            write_ranked(&mut out, e, &analysis.entities[e]);
            if out.len() >= sizes.table || rank + 1 == of.len() {
                let (count, code) = (rank + 1 - first, label.code());
                let content = format!("dossier-ranked 1{FIELD}{first}{FIELD}{count}{FIELD}{code}{out}");
                let mut record = files.add(Kind::Ranked, &content)?;
                let _ = write!(record, "{FIELD}{first}{FIELD}{count}{FIELD}{code}");
                files.directory.push(record);
                (first, out) = (rank + 1, String::new());
            }
        }
    }
    let record = files.add(Kind::Speakers, &speakers(analysis))?;
    files.directory.push(record);
    said_files(corpus, analysis, sizes.terms, files)
}

/// The speaker files: the attributed quotes by speaker ([`attributed`]), each file
/// ending with the quote that brings it to `size` bytes.
fn said_files(corpus: &Corpus, analysis: &Analysis, size: usize, files: &mut Files) -> Result<(), PageError> {
    let quotes = attributed(analysis);
    let (mut out, mut start) = (String::new(), 0);
    for (i, &q) in quotes.iter().enumerate() {
        out.push(RECORD);
        write_said(&mut out, analysis, &corpus.documents[q.1].text, q);
        if out.len() >= size || i + 1 == quotes.len() {
            let speaker = quotes[start].0;
            let rank = start - quotes.partition_point(|x| x.0 < speaker);
            let count = i + 1 - start;
            let content = format!("{}{out}", said_header(speaker, rank, count));
            let mut record = files.add(Kind::Said, &content)?;
            let _ = write!(record, "{FIELD}{speaker}{FIELD}{count}{FIELD}{rank}");
            files.directory.push(record);
            (start, out) = (i + 1, String::new());
        }
    }
    Ok(())
}

/// The search-index fragments and the parts of common terms (see [`term_files`]).
fn term_fragments(ix: &Index, size: usize, files: &mut Files) -> Result<(), PageError> {
    term_files(ix, size, &mut |f| {
        let record = match f {
            TermFile::File(kind, content, fields) => {
                let mut record = files.add(kind, &content)?;
                let _ = write!(record, "{FIELD}{fields}");
                record
            }
            TermFile::Totals(t) => t.record(),
        };
        files.directory.push(record);
        Ok(())
    })
}

/// The entity shards, each ending with the entity that brings it to `size` bytes, and
/// before them the parts of the entities whose mentions alone would reach it.
fn entity_shards(ix: &Index, size: usize, files: &mut Files) -> Result<(), PageError> {
    let in_parts = mention_parts(ix, size, &mut |content, fields| {
        let mut record = files.add(Kind::Mentions, &content)?;
        let _ = write!(record, "{FIELD}{fields}");
        files.directory.push(record);
        Ok(())
    })?;
    let n = ix.analysis().entities.len();
    let mut shared = vec![0u32; n];
    let run = Run::new(Kind::Entities, "dossier-entities 1", size);
    run.write(files, n, |out, e| {
        if !in_parts[e] {
            write_mentions(out, ix.entity_mentions(e));
        }
        out.push(FIELD);
        let partners = partners(ix, e, &mut shared);
        write_numbers(out, partners.iter().flat_map(|&(f, k)| [f as usize, k as usize]));
    })
}

/// The entities that share documents with entity `e`, with how many, most shared first
/// (then by entity), at most [`PARTNERS`]; `shared` is all zeros before and after.
fn partners(ix: &Index, e: usize, shared: &mut [u32]) -> Vec<(u32, u32)> {
    let mut docs: Vec<u32> = ix.entity_mentions(e).iter().map(|&(d, _)| d).collect();
    docs.dedup();
    let mut touched: Vec<u32> = Vec::new();
    for d in docs {
        for c in &ix.doc(d as usize).entities {
            if c.entity as usize != e {
                if shared[c.entity as usize] == 0 {
                    touched.push(c.entity);
                }
                shared[c.entity as usize] += 1;
            }
        }
    }
    let mut out: Vec<(u32, u32)> = touched.iter().map(|&f| (f, shared[f as usize])).collect();
    for &f in &touched {
        shared[f as usize] = 0;
    }
    out.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    out.truncate(PARTNERS);
    out
}
