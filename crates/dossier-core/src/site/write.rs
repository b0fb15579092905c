//! Writing the site's files (see the [module doc](super) for the format).

use super::{address, DIRECTORY, PARTNERS, VERSION};
use crate::corpus::Corpus;
use crate::index::Index;
use crate::model::Analysis;
use crate::page::{
    corpus_tag, push_escaped, write_doc_record, write_entity, write_numbers, write_text, PageError, FIELD,
    RECORD,
};
use crate::query::label_mentions;
use crate::timeline::{timeline, Granularity, Timeline};
use std::fmt::Write as _;

/// The length a file is cut at, in bytes: a file ends with the record that reaches it
/// (so one large record, a common word's postings, makes a larger file).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sizes {
    /// Document shards: what a reader fetches to open an article.
    pub docs: usize,
    /// Search-index fragments.
    pub terms: usize,
    /// Entity shards.
    pub entities: usize,
}

impl Default for Sizes {
    /// 256 KB of texts (about 40 articles, 70 KB compressed), 128 KB of the rest.
    fn default() -> Sizes {
        Sizes {
            docs: 256 * 1024,
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
/// facets and document shards) or the directory (the rest).
struct Files<'p> {
    put: &'p mut Put<'p>,
    records: Vec<String>,
    directory: Vec<String>,
}

impl Files<'_> {
    /// Hands `put` a file of `kind` with `content`; returns its manifest record's first
    /// fields, which the caller completes and pushes.
    fn add(&mut self, kind: char, content: &str) -> Result<String, PageError> {
        let name = format!("{kind}-{}.txt", address(content.as_bytes()));
        (self.put)(&name, content)?;
        Ok(format!("{kind}{FIELD}{name}{FIELD}{}", content.len()))
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
    };
    let ix = Index::new(corpus, analysis);
    let facets = files.add('f', &facets(corpus, analysis, &ix))?;
    files.records.push(facets);
    doc_shards(corpus, analysis, sizes.docs, &mut files)?;
    term_fragments(&ix, sizes.terms, &mut files)?;
    entity_shards(&ix, sizes.entities, &mut files)?;
    let directory = std::mem::take(&mut files.directory).join(&RECORD.to_string());
    let directory = files.add('i', &directory)?;
    files.records.push(directory);
    let manifest = files.records.join(&RECORD.to_string());
    let mut first = String::new();
    if let (Some(doc), Some(a)) = (corpus.documents.first(), analysis.docs.first()) {
        write_text(&mut first, doc, a).map_err(|why| PageError::new(format!("{}: {why}", doc.file)))?;
    }
    let page = format!(
        "{}{first}</script><script type=\"application/x-dossier\" id=\"manifest\">{manifest}</script>",
        corpus_tag(analysis),
    );
    Ok(Site {
        page,
        manifest,
        files: Vec::new(),
    })
}

/// The facets file: label counts, timelines, the article list, the entity table.
fn facets(corpus: &Corpus, analysis: &Analysis, ix: &Index) -> String {
    let mut out = format!(
        "dossier-facets 1{FIELD}{}{FIELD}{}{RECORD}",
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
    for (di, d) in corpus.documents.iter().enumerate() {
        out.push(RECORD);
        let m = &d.meta;
        let date = m.published.map(|d| d.to_string()).unwrap_or_default();
        for field in [&*d.file, &d.title, &date, m.source.as_deref().unwrap_or_default()] {
            push_escaped(&mut out, field);
            out.push(FIELD);
        }
        let _ = write!(out, "{}", ix.doc(di).article_words);
    }
    for e in &analysis.entities {
        out.push(RECORD);
        write_entity(&mut out, e);
    }
    out
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
            let mut record = files.add('d', &content)?;
            let _ = write!(record, "{FIELD}{first}{FIELD}{count}{FIELD}");
            push_escaped(&mut record, &corpus.documents[first].file);
            files.records.push(record);
            (first, records, texts) = (di + 1, String::new(), String::new());
        }
    }
    Ok(())
}

/// The search-index fragments, terms in sorted order, each ending with the term that
/// brings it to `size` bytes.
fn term_fragments(ix: &Index, size: usize, files: &mut Files) -> Result<(), PageError> {
    let mut out = String::new();
    let mut first_term = String::new();
    let mut numbers: Vec<usize> = Vec::new();
    let mut terms = ix.terms_with_prefix("").peekable();
    while let Some(t) = terms.next() {
        if out.is_empty() {
            out.push_str("dossier-terms 1");
            first_term = ix.term_text(t).to_string();
        }
        out.push(RECORD);
        push_escaped(&mut out, ix.term_text(t));
        out.push(FIELD);
        numbers.clear();
        let mut previous = 0;
        for p in ix.postings(t) {
            let article = ix.doc(p.doc as usize).counts(p.pos as usize, false);
            numbers.push((p.doc - previous) as usize);
            numbers.push(p.pos as usize * 2 + usize::from(article));
            previous = p.doc;
        }
        write_numbers(&mut out, numbers.iter().copied());
        if out.len() >= size || terms.peek().is_none() {
            let mut record = files.add('t', &out)?;
            out.clear();
            record.push(FIELD);
            push_escaped(&mut record, &first_term);
            files.directory.push(record);
        }
    }
    Ok(())
}

/// The entity shards, each ending with the entity that brings it to `size` bytes.
fn entity_shards(ix: &Index, size: usize, files: &mut Files) -> Result<(), PageError> {
    let n = ix.analysis().entities.len();
    let docs_of: Vec<Vec<u32>> = (0..n)
        .map(|e| {
            let mut docs: Vec<u32> = ix.entity_mentions(e).iter().map(|&(d, _)| d).collect();
            docs.dedup();
            docs
        })
        .collect();
    let mut shared = vec![0u32; n];
    let (mut out, mut first) = (String::new(), 0);
    for (e, docs) in docs_of.iter().enumerate() {
        out.push(RECORD);
        let mut previous = 0;
        let mentions = ix.entity_mentions(e).iter().flat_map(|&(d, m)| {
            let pair = [(d - previous) as usize, m as usize];
            previous = d;
            pair
        });
        write_numbers(&mut out, mentions);
        out.push(FIELD);
        let partners = partners(ix, e, docs, &mut shared);
        write_numbers(
            &mut out,
            partners.iter().flat_map(|&(f, k)| [f as usize, k as usize]),
        );
        if out.len() >= size || e + 1 == n {
            let count = e + 1 - first;
            let content = format!("dossier-entities 1{FIELD}{first}{FIELD}{count}{out}");
            let mut record = files.add('e', &content)?;
            let _ = write!(record, "{FIELD}{first}{FIELD}{count}");
            files.directory.push(record);
            (first, out) = (e + 1, String::new());
        }
    }
    Ok(())
}

/// The entities that share documents `docs` with entity `e`, with how many, most shared
/// first (then by entity), at most [`PARTNERS`]; `shared` is all zeros before and after.
fn partners(ix: &Index, e: usize, docs: &[u32], shared: &mut [u32]) -> Vec<(u32, u32)> {
    let mut touched: Vec<u32> = Vec::new();
    for &d in docs {
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
