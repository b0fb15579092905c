//! The explorer's filter state ([`Query`]) and its evaluation over an [`Index`].
//!
//! A query combines a text query, required and excluded entities, a label filter, the
//! zones that count and a timeline period. [`search`] answers it from the index alone:
//! the matching documents ranked by BM25 over the text terms and required entities
//! (ties in file order), each with its match count, and facet counts (per entity and
//! per label) over the matches. [`Snippets`] then gives the passages that show why a
//! document matched, for the documents on screen only.
//!
//! The text query language ([`TextQuery::parse`], which never fails):
//!
//! | syntax | meaning |
//! |---|---|
//! | `putin xi` | both words (AND), anywhere in the document |
//! | `power of siberia` | `power` and `siberia`: a stop word (`of`, [`STOP_WORDS`]) is left out unless quoted or alone |
//! | `"belt and road"` | the words in this order, within one paragraph |
//! | `sanction*` | any word starting with `sanction` |
//! | `-trade`, `-"white house"` | documents without the word or phrase |
//!
//! Words are matched as the index normalises them (case, simple diacritics, apostrophes;
//! see [`crate::index::normalise_words`]). An unclosed quote runs to the end; a lone `-`
//! or `*`, and punctuation-only words, are ignored.
//!
//! Mentions in context and entity co-occurrence live in [`kwic`] and [`connections`].
//!
//! ```
//! use dossier_core::corpus::{Corpus, Document, Meta};
//! use dossier_core::index::Index;
//! use dossier_core::query::{search, Query, Snippets};
//!
//! let corpus = Corpus::new(vec![
//!     Document::new("a.txt", "Trade talks\n\nThe trade talks resumed.", Meta::default()).unwrap(),
//!     Document::new("b.txt", "Weather\n\nRain again.", Meta::default()).unwrap(),
//! ]);
//! let analysis = dossier_core::analyse(&corpus);
//! let index = Index::new(&corpus, &analysis);
//! let query = Query::text("\"trade talks\"");
//! let results = search(&index, &query);
//! assert_eq!(results.hits.len(), 1);
//! assert_eq!(results.hits[0].count, 2);
//! let snippet = &Snippets::new(&index, &query).of(results.hits[0].doc)[0];
//! assert_eq!(&corpus.documents[0].text[snippet.highlights[0].clone()], "Trade talks");
//! ```

pub mod connections;
pub mod kwic;

pub use connections::{
    connects, cooccurrence, cooccurrence_among, cooccurrence_in, sentences_with, Among, Cooccurrence,
    SharedSentence,
};
pub use kwic::{mentions, Kwic, KwicSort};

use crate::date::Date;
use crate::index::{normalise_words, Index, ZoneCount};
use crate::label::Label;
use std::ops::Range;

/// Words that a query of several words does not look for unless they are quoted: they
/// occur in nearly every article, so requiring them filters nothing and marking them
/// buries the real hits. A query of stop words only looks for them. Sorted.
pub const STOP_WORDS: [&str; 40] = [
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has", "have",
    "he", "her", "his", "in", "into", "is", "it", "its", "of", "on", "or", "she", "than", "that", "the",
    "their", "they", "this", "to", "was", "were", "which", "who", "will", "with",
];

/// Whether `word` (normalised as the index normalises words) is a stop word.
pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

/// Longest text query read, in characters; the rest is ignored.
pub const MAX_QUERY_CHARS: usize = 1000;
/// Most clauses read from a text query; the rest are ignored.
pub const MAX_CLAUSES: usize = 32;
/// Most snippets per matching document.
pub const MAX_SNIPPETS: usize = 3;
/// Context on each side of a snippet's first match or of a mention, in characters.
pub const CONTEXT_CHARS: usize = 60;

/// A set of labels, e.g. the labels hidden in the legend.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct LabelSet(u16);

impl LabelSet {
    /// The empty set.
    pub const EMPTY: LabelSet = LabelSet(0);

    /// Whether `label` is in the set.
    pub fn contains(self, label: Label) -> bool {
        self.0 & (1 << label as u16) != 0
    }

    /// Adds `label`.
    pub fn insert(&mut self, label: Label) {
        self.0 |= 1 << label as u16;
    }

    /// Removes `label`.
    pub fn remove(&mut self, label: Label) {
        self.0 &= !(1 << label as u16);
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The labels in the set, in [`Label::ALL`] order.
    pub fn iter(self) -> impl Iterator<Item = Label> {
        Label::ALL.into_iter().filter(move |&l| self.contains(l))
    }
}

impl FromIterator<Label> for LabelSet {
    fn from_iter<I: IntoIterator<Item = Label>>(iter: I) -> LabelSet {
        let mut s = LabelSet::EMPTY;
        for l in iter {
            s.insert(l);
        }
        s
    }
}

/// The explorer's whole filter state: what the URL stores and [`search`] evaluates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// The text query, in the syntax of [`TextQuery::parse`].
    pub text: String,
    /// Entity ids that must all be mentioned (AND). An unknown id matches nothing.
    pub require: Vec<String>,
    /// Entity ids that must not be mentioned (NOT). Unknown ids are ignored.
    pub exclude: Vec<String>,
    /// Labels hidden in the view. Display only: they filter no document and every
    /// count is still reported, so the legend can show what showing them would add.
    pub hidden: LabelSet,
    /// Count captions, credits and site boilerplate too (default: the article proper).
    pub all_zones: bool,
    /// A timeline period, from one year or month to another (the same for one): keep
    /// documents mentioning a date in it (see [`crate::timeline::Period::in_buckets`]).
    pub when: Option<(Date, Date)>,
    /// The documents the view is limited to, one flag a document (the app keeps the
    /// corpus's or the reader's own this way); `None` for all.
    pub docs: Option<Vec<bool>>,
}

impl Query {
    /// A query with only a text query.
    pub fn text(text: &str) -> Query {
        Query {
            text: text.to_string(),
            ..Query::default()
        }
    }

    /// Whether the query keeps every document (nothing to filter by).
    pub fn is_empty(&self) -> bool {
        TextQuery::parse(&self.text).clauses.is_empty()
            && self.require.is_empty()
            && self.exclude.is_empty()
            && self.when.is_none()
            && self.docs.is_none()
    }
}

/// What a text-query clause looks for, as normalised search words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// One word.
    Word(String),
    /// Any word starting with this.
    Prefix(String),
    /// Consecutive words within one block.
    Phrase(Vec<String>),
}

/// One clause of a text query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// What it looks for.
    pub term: Term,
    /// Documents containing it are excluded.
    pub negated: bool,
}

/// A parsed text query: clauses combined with AND.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextQuery {
    /// The clauses, in query order, without duplicates.
    pub clauses: Vec<Clause>,
}

impl TextQuery {
    /// Parses a text query. Never fails: what cannot be read is ignored (see the
    /// [module docs](self)).
    pub fn parse(s: &str) -> TextQuery {
        let s = match s.char_indices().nth(MAX_QUERY_CHARS) {
            Some((i, _)) => &s[..i],
            None => s,
        };
        let mut q = TextQuery::default();
        // Unquoted stop words, kept only if the query has nothing else.
        let mut stops: Vec<Clause> = Vec::new();
        let (mut buf, mut spans) = (String::new(), Vec::new());
        let mut rest = s;
        while q.clauses.len() < MAX_CLAUSES {
            rest = rest.trim_start();
            if rest.is_empty() {
                break;
            }
            let negated = rest.starts_with('-');
            if negated {
                rest = &rest[1..];
            }
            let (raw, quoted);
            if let Some(after) = rest.strip_prefix('"') {
                let end = after.find('"').unwrap_or(after.len());
                raw = &after[..end];
                rest = after.get(end + 1..).unwrap_or("");
                quoted = true;
            } else {
                let end = rest
                    .find(|c: char| c.is_whitespace() || c == '"')
                    .unwrap_or(rest.len());
                raw = &rest[..end];
                rest = &rest[end..];
                quoted = false;
            }
            let star = !quoted && raw.ends_with('*');
            spans.clear();
            normalise_words(raw, &mut buf, &mut spans);
            let mut keys: Vec<String> = spans.iter().map(|(_, k)| buf[k.clone()].to_string()).collect();
            let term = match keys.len() {
                0 => continue,
                1 if star => Term::Prefix(keys.remove(0)),
                1 => Term::Word(keys.remove(0)),
                _ => Term::Phrase(keys),
            };
            let stop = !quoted && !negated && matches!(&term, Term::Word(w) if is_stop_word(w));
            let clause = Clause { term, negated };
            let list = if stop { &mut stops } else { &mut q.clauses };
            if !list.contains(&clause) && list.len() < MAX_CLAUSES {
                list.push(clause);
            }
        }
        if q.clauses.is_empty() {
            q.clauses = stops;
        }
        q
    }
}

/// Mentions and documents, e.g. of one entity among the matching documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Mentions in the zones that count.
    pub mentions: usize,
    /// Documents with at least one such mention.
    pub documents: usize,
}

/// A passage of a matching document that shows why it matched.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Snippet {
    /// Byte range of the passage in the document's text (within one block, cut at
    /// word boundaries).
    pub range: Range<usize>,
    /// Byte ranges in the document's text of the matches inside the passage, in order.
    pub highlights: Vec<Range<usize>>,
    /// The passage starts inside its block (show an ellipsis before it).
    pub cut_start: bool,
    /// The passage ends inside its block (show an ellipsis after it).
    pub cut_end: bool,
}

impl Snippet {
    /// The passage as consecutive pieces of `text`, each with whether it is highlighted.
    pub fn parts<'t>(&self, text: &'t str) -> Vec<(&'t str, bool)> {
        let mut out = Vec::new();
        let mut at = self.range.start;
        for h in &self.highlights {
            if h.start > at {
                out.push((&text[at..h.start], false));
            }
            out.push((&text[h.clone()], true));
            at = h.end;
        }
        if at < self.range.end {
            out.push((&text[at..self.range.end], false));
        }
        out
    }

    /// The passage as shown: its [`parts`](Snippet::parts), with an ellipsis at each
    /// cut end joined to the plain text there (a piece of its own only beside a
    /// highlight), so that a view makes as few pieces as it can.
    pub fn shown(&self, text: &str) -> Vec<(String, bool)> {
        let mut out: Vec<(String, bool)> = self
            .parts(text)
            .into_iter()
            .map(|(t, hit)| (t.to_string(), hit))
            .collect();
        if self.cut_start {
            match out.first_mut() {
                Some((t, false)) => t.insert(0, '…'),
                _ => out.insert(0, ("…".into(), false)),
            }
        }
        if self.cut_end {
            match out.last_mut() {
                Some((t, false)) => t.push('…'),
                _ => out.push(("…".into(), false)),
            }
        }
        out
    }
}

/// One matching document.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Index of the document in the corpus.
    pub doc: usize,
    /// Relevance (BM25 over the text terms and required entities); 0 without either.
    pub score: f32,
    /// Occurrences of the text terms plus mentions of the required entities.
    pub count: usize,
}

/// The answer to a [`Query`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Results {
    /// Matching documents, best first, ties in file order.
    pub hits: Vec<Hit>,
    /// Per document (parallel to the corpus), whether it matches.
    pub matched: Vec<bool>,
    /// Per entity (parallel to [`crate::Analysis::entities`]): its mentions and
    /// documents among the matching documents.
    pub entities: Vec<Counts>,
    /// Per label (indexed by `label as usize`, i.e. [`Label::ALL`] order): mentions and
    /// documents among the matching documents.
    pub labels: [Counts; 10],
    /// Required or excluded entity ids that the corpus does not have.
    pub unknown: Vec<String>,
}

impl Results {
    /// The counts of `label` among the matching documents.
    pub fn label(&self, label: Label) -> Counts {
        self.labels[label as usize]
    }
}

/// Per document, the occurrences of `term` in the zones that count.
fn term_frequencies(ix: &Index, term: &Term, all_zones: bool) -> Vec<u32> {
    let mut tf = vec![0u32; ix.len()];
    let mut add = |postings: &[crate::index::Posting]| {
        for p in postings {
            if ix.doc(p.doc as usize).counts(p.pos as usize, all_zones) {
                tf[p.doc as usize] += 1;
            }
        }
    };
    match term {
        Term::Word(w) => ix.term(w).into_iter().for_each(|t| add(ix.postings(t))),
        Term::Prefix(w) => ix.terms_with_prefix(w).for_each(|t| add(ix.postings(t))),
        Term::Phrase(ws) => {
            let Some(ids) = ws.iter().map(|w| ix.term(w)).collect::<Option<Vec<u32>>>() else {
                return tf;
            };
            // Walk the rarest word's postings and check its neighbours.
            let (k, &rare) = ids
                .iter()
                .enumerate()
                .min_by_key(|(_, &t)| ix.postings(t).len())
                .expect("a phrase has words");
            for p in ix.postings(rare) {
                let Some(start) = (p.pos as usize).checked_sub(k) else {
                    continue;
                };
                let d = ix.doc(p.doc as usize);
                let Some(run) = d.words.get(start..start + ids.len()) else {
                    continue;
                };
                if run
                    .iter()
                    .zip(&ids)
                    .all(|(w, &t)| w.term == t && w.block == run[0].block)
                    && d.counts(start, all_zones)
                {
                    tf[p.doc as usize] += 1;
                }
            }
        }
    }
    tf
}

/// What one positive clause or required entity contributes to a document.
struct Signal {
    /// Per document, occurrences in the zones that count.
    tf: Vec<u32>,
    /// Documents with at least one occurrence.
    df: usize,
}

impl Signal {
    fn new(tf: Vec<u32>) -> Signal {
        let df = tf.iter().filter(|&&t| t > 0).count();
        Signal { tf, df }
    }
}

/// Evaluates `query` over `index`. See the [module docs](self).
pub fn search(ix: &Index, query: &Query) -> Results {
    let all_zones = query.all_zones;
    let Matching {
        keep,
        signals,
        unknown,
    } = Matching::of(ix, query);
    let hits = rank(ix, &signals, &keep, all_zones);
    let (entities, labels) = facets(ix, &hits, all_zones);
    Results {
        hits,
        matched: keep,
        entities,
        labels,
        unknown,
    }
}

/// What a query's clauses make of the documents.
struct Matching {
    /// Per document, whether it matches.
    keep: Vec<bool>,
    /// The words and entities that rank the matches: each must occur.
    signals: Vec<Signal>,
    /// Required or excluded entity ids that the corpus does not have.
    unknown: Vec<String>,
}

impl Matching {
    /// The documents that `query` keeps over `ix`, and its signals.
    fn of(ix: &Index, query: &Query) -> Matching {
        let mut m = Matching {
            keep: vec![true; ix.len()],
            signals: Vec::new(),
            unknown: Vec::new(),
        };
        let all_zones = query.all_zones;
        m.add_text(ix, &query.text, all_zones);
        m.add_required(ix, &query.require, all_zones);
        m.add_excluded(ix, &query.exclude, all_zones);
        for s in &m.signals {
            for (k, &t) in m.keep.iter_mut().zip(&s.tf) {
                *k &= t > 0;
            }
        }
        if let Some(when) = query.when {
            m.keep_in_period(ix, when, all_zones);
        }
        if let Some(docs) = &query.docs {
            for (k, &d) in m.keep.iter_mut().zip(docs) {
                *k &= d;
            }
        }
        m
    }

    /// Text clauses: positive ones are signals, negative ones only filter.
    fn add_text(&mut self, ix: &Index, text: &str, all_zones: bool) {
        for c in &TextQuery::parse(text).clauses {
            let tf = term_frequencies(ix, &c.term, all_zones);
            if c.negated {
                for (k, t) in self.keep.iter_mut().zip(&tf) {
                    *k &= *t == 0;
                }
            } else {
                self.signals.push(Signal::new(tf));
            }
        }
    }

    /// Required entities, each a signal once; one the corpus does not have matches
    /// nothing.
    fn add_required(&mut self, ix: &Index, ids: &[String], all_zones: bool) {
        let mut required = Vec::new();
        for id in ids {
            match ix.entity(id) {
                Some(e) => {
                    if !required.contains(&e) {
                        required.push(e);
                        self.signals.push(entity_signal(ix, e, all_zones));
                    }
                }
                None => {
                    self.unknown.push(id.clone());
                    self.keep.iter_mut().for_each(|k| *k = false);
                }
            }
        }
    }

    /// Excluded entities: the documents that mention one are left out.
    fn add_excluded(&mut self, ix: &Index, ids: &[String], all_zones: bool) {
        for id in ids {
            match ix.entity(id) {
                Some(e) => {
                    for (d, t) in entity_signal(ix, e, all_zones).tf.iter().enumerate() {
                        if *t > 0 {
                            self.keep[d] = false;
                        }
                    }
                }
                None => self.unknown.push(id.clone()),
            }
        }
    }

    /// Keeps only the documents with a date in the period `when` (from, to).
    fn keep_in_period(&mut self, ix: &Index, (from, to): (Date, Date), all_zones: bool) {
        let mut in_period = vec![false; ix.len()];
        for m in ix.dates() {
            if (all_zones || m.article) && m.period.is_some_and(|p| p.in_buckets(from, to)) {
                in_period[m.doc] = true;
            }
        }
        for (k, p) in self.keep.iter_mut().zip(in_period) {
            *k &= p;
        }
    }
}

/// The kept documents ranked by BM25 (k1 = 1.2, b = 0.75) summed over the signals,
/// best first, ties in file order.
fn rank(ix: &Index, signals: &[Signal], keep: &[bool], all_zones: bool) -> Vec<Hit> {
    let n = ix.len();
    let avg = (0..n).map(|d| ix.doc(d).len(all_zones) as f32).sum::<f32>() / n.max(1) as f32;
    let idf: Vec<f32> = signals
        .iter()
        .map(|s| (1.0 + (n as f32 - s.df as f32 + 0.5) / (s.df as f32 + 0.5)).ln())
        .collect();
    let mut hits: Vec<Hit> = (0..n)
        .filter(|&d| keep[d])
        .map(|d| {
            let len = ix.doc(d).len(all_zones) as f32;
            let norm = 1.2 * (0.25 + 0.75 * len / avg.max(1.0));
            let mut score = 0.0;
            let mut count = 0;
            for (s, idf) in signals.iter().zip(&idf) {
                let tf = s.tf[d] as f32;
                score += idf * tf * 2.2 / (tf + norm);
                count += s.tf[d] as usize;
            }
            Hit { doc: d, score, count }
        })
        .collect();
    crate::order::sort_by(&mut hits, |a, b| {
        b.score.total_cmp(&a.score).then(a.doc.cmp(&b.doc))
    });
    hits
}

/// The facets over the matches: per entity and per label, mentions and documents.
fn facets(ix: &Index, hits: &[Hit], all_zones: bool) -> (Vec<Counts>, [Counts; 10]) {
    let mut entities = vec![Counts::default(); ix.analysis().entities.len()];
    let mut labels = [Counts::default(); 10];
    for h in hits {
        let d = ix.doc(h.doc);
        for c in &d.entities {
            let m = c.get(all_zones) as usize;
            if m > 0 {
                let e = &mut entities[c.entity as usize];
                e.mentions += m;
                e.documents += 1;
            }
        }
        for (l, counts) in labels.iter_mut().enumerate() {
            let m = d.labels[l].get(all_zones) as usize;
            counts.mentions += m;
            counts.documents += usize::from(m > 0);
        }
    }
    (entities, labels)
}

/// Mentions per label in the whole corpus (indexed by `label as usize`), in the article
/// proper and in all zones: the label counts [`search`] gives for a query that filters
/// nothing, from the analysis alone, for a view drawn before the index is built (the
/// legend in the page's first frame), and the largest each count can be.
pub fn label_mentions(analysis: &crate::Analysis) -> [ZoneCount; 10] {
    let mut counts = [ZoneCount::default(); 10];
    for d in &analysis.docs {
        for m in &d.mentions {
            let c = &mut counts[m.label as usize];
            c.all += 1;
            c.article += u32::from(d.blocks[m.block].zone.is_article());
        }
    }
    counts
}

fn entity_signal(ix: &Index, e: usize, all_zones: bool) -> Signal {
    let a = ix.analysis();
    let mut tf = vec![0u32; ix.len()];
    for &(d, m) in ix.entity_mentions(e) {
        let da = &a.docs[d as usize];
        if all_zones || da.blocks[da.mentions[m as usize].block].zone.is_article() {
            tf[d as usize] += 1;
        }
    }
    Signal::new(tf)
}

/// The positive clauses of a query resolved against the index once, to find their
/// matches inside single documents by scanning their words.
struct Matcher {
    /// Per positive text clause, the term ids of its words (`Prefix`: every term with
    /// the prefix, sorted); `None` for a term the corpus does not have.
    clauses: Vec<Option<Term3>>,
    required: Vec<usize>,
    all_zones: bool,
}

enum Term3 {
    Word(u32),
    Prefix(Vec<u32>),
    Phrase(Vec<u32>),
}

impl Matcher {
    fn new(ix: &Index, text: &TextQuery, required: Vec<usize>, all_zones: bool) -> Matcher {
        let clauses = text
            .clauses
            .iter()
            .filter(|c| !c.negated)
            .map(|c| match &c.term {
                Term::Word(w) => ix.term(w).map(Term3::Word),
                Term::Prefix(p) => {
                    let mut ids: Vec<u32> = ix.terms_with_prefix(p).collect();
                    crate::order::sort(&mut ids);
                    Some(Term3::Prefix(ids))
                }
                Term::Phrase(ws) => ws
                    .iter()
                    .map(|w| ix.term(w))
                    .collect::<Option<_>>()
                    .map(Term3::Phrase),
            })
            .collect();
        Matcher {
            clauses,
            required,
            all_zones,
        }
    }

    /// The matches in document `doc`: (byte range, block, clause), in text order,
    /// without overlaps. Required entities are clauses after the text ones, left out
    /// unless `entities`.
    fn spans(&self, ix: &Index, doc: usize, entities: bool) -> Vec<(Range<usize>, usize, usize)> {
        let d = ix.doc(doc);
        let da = &ix.analysis().docs[doc];
        let mut spans = Vec::new();
        for (pos, w) in d.words.iter().enumerate() {
            if !d.counts(pos, self.all_zones) {
                continue;
            }
            for (ci, c) in self.clauses.iter().enumerate() {
                let len = match c {
                    Some(Term3::Word(t)) if w.term == *t => 1,
                    Some(Term3::Prefix(ts)) if ts.binary_search(&w.term).is_ok() => 1,
                    Some(Term3::Phrase(ts))
                        if d.words.get(pos..pos + ts.len()).is_some_and(|run| {
                            run.iter()
                                .zip(ts)
                                .all(|(x, &t)| x.term == t && x.block == w.block)
                        }) =>
                    {
                        ts.len()
                    }
                    _ => continue,
                };
                spans.push((
                    w.start as usize..d.words[pos + len - 1].end as usize,
                    w.block as usize,
                    ci,
                ));
            }
        }
        for (k, &e) in self.required.iter().enumerate().filter(|_| entities) {
            for m in da.mentions.iter().filter(|m| m.entity == e) {
                if self.all_zones || da.blocks[m.block].zone.is_article() {
                    spans.push((m.range.clone(), m.block, self.clauses.len() + k));
                }
            }
        }
        crate::order::sort_by_key(&mut spans, |s| (s.0.start, s.0.end));
        spans.dedup_by(|b, a| b.0.start < a.0.end); // overlapping highlights: keep the first
        spans
    }
}

/// The snippets of one query's matching documents, made one document at a time: a
/// list draws only the hits on screen, and [`search`] makes none.
pub struct Snippets<'i, 'a> {
    ix: &'i Index<'a>,
    matcher: Matcher,
}

impl<'i, 'a> Snippets<'i, 'a> {
    /// Resolves `query`'s text terms and required entities against the index once.
    pub fn new(ix: &'i Index<'a>, query: &Query) -> Snippets<'i, 'a> {
        let required = query.require.iter().filter_map(|id| ix.entity(id)).collect();
        let text = TextQuery::parse(&query.text);
        Snippets {
            ix,
            matcher: Matcher::new(ix, &text, required, query.all_zones),
        }
    }

    /// Up to [`MAX_SNIPPETS`] passages of document `doc`, in text order. Empty when the
    /// query has no text term or required entity, or when the document does not match
    /// them.
    pub fn of(&self, doc: usize) -> Vec<Snippet> {
        if doc >= self.ix.len() {
            return Vec::new();
        }
        passages(self.ix, doc, &self.matcher.spans(self.ix, doc, true))
    }

    /// The matches of the text query's words, prefixes and phrases in document `doc`,
    /// in the zones that count: byte ranges in text order, without overlaps. What a
    /// reader marks as the search's hits (the required entities are its mentions).
    pub fn hits(&self, doc: usize) -> Vec<Range<usize>> {
        if doc >= self.ix.len() {
            return Vec::new();
        }
        self.matcher
            .spans(self.ix, doc, false)
            .into_iter()
            .map(|s| s.0)
            .collect()
    }
}

/// Matches that may start a passage besides each clause's first.
const ANCHORS: usize = 8;

/// Up to [`MAX_SNIPPETS`] passages of document `doc` covering as many different clauses
/// (text terms and required entities) as possible, then as many matches.
fn passages(ix: &Index, doc: usize, spans: &[(Range<usize>, usize, usize)]) -> Vec<Snippet> {
    let da = &ix.analysis().docs[doc];
    let text = &ix.corpus().documents[doc].text;
    // Candidate passages start at the first few matches and at each clause's first;
    // the matches a passage holds are contiguous.
    let mut firsts: Vec<usize> = (0..spans.len().min(ANCHORS)).collect();
    let mut seen = 0u64;
    for (i, s) in spans.iter().enumerate() {
        if seen & (1 << (s.2 % 64)) == 0 {
            seen |= 1 << (s.2 % 64);
            firsts.push(i);
        }
    }
    crate::order::sort_small(&mut firsts);
    firsts.dedup();
    let windows: Vec<(Range<usize>, Range<usize>)> = firsts
        .iter()
        .map(|&i| {
            let (r, b) = (&spans[i].0, &spans[i].1);
            let block = da.blocks[*b].range.clone();
            let range = context_left(text, &block, r.start, CONTEXT_CHARS)
                ..context_right(text, &block, r.end, CONTEXT_CHARS);
            let held = spans[i..]
                .iter()
                .take_while(|s| s.1 == *b && s.0.end <= range.end)
                .count();
            (range, i..i + held)
        })
        .collect();
    let mut chosen: Vec<usize> = Vec::new();
    let mut covered = 0u64;
    while chosen.len() < MAX_SNIPPETS {
        let best = windows
            .iter()
            .enumerate()
            .filter(|(_, (r, _))| {
                chosen
                    .iter()
                    .all(|&c| windows[c].0.end <= r.start || r.end <= windows[c].0.start)
            })
            .map(|(i, (_, held))| {
                let mask = spans[held.clone()].iter().fold(0u64, |m, s| m | 1 << (s.2 % 64));
                (
                    (mask & !covered).count_ones(),
                    held.len(),
                    std::cmp::Reverse(i),
                    mask,
                )
            })
            .max();
        let Some((_, _, std::cmp::Reverse(i), mask)) = best else {
            break;
        };
        covered |= mask;
        chosen.push(i);
    }
    crate::order::sort_small(&mut chosen);
    chosen
        .into_iter()
        .map(|i| {
            let (range, held) = windows[i].clone();
            let block = &da.blocks[spans[held.start].1].range;
            Snippet {
                cut_start: range.start > block.start,
                cut_end: range.end < block.end,
                highlights: spans[held].iter().map(|s| s.0.clone()).collect(),
                range,
            }
        })
        .collect()
}

/// Where context of about `chars` characters before `at` starts: inside `block`, at
/// the start of a word.
pub(crate) fn context_left(text: &str, block: &Range<usize>, at: usize, chars: usize) -> usize {
    let before = &text[block.start..at];
    let Some((i, _)) = before.char_indices().rev().nth(chars) else {
        return block.start;
    };
    // Skip the word cut in half, then the white space after it.
    let cut = &before[i..];
    let skip = cut.find(char::is_whitespace).unwrap_or(cut.len());
    let from = i + skip;
    block.start + from + (before[from..].len() - before[from..].trim_start().len())
}

/// Where context of about `chars` characters after `at` ends: inside `block`, at the
/// end of a word.
pub(crate) fn context_right(text: &str, block: &Range<usize>, at: usize, chars: usize) -> usize {
    let after = &text[at..block.end];
    let Some((i, _)) = after.char_indices().nth(chars) else {
        return block.end;
    };
    let cut = &after[..i];
    let to = cut.rfind(char::is_whitespace).unwrap_or(0);
    at + after[..to].trim_end().len()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::analysis::{Analysis, Block, DocAnalysis, Entity, Mention};
    use crate::corpus::{Corpus, Document, Meta};
    use crate::Zone;

    fn parse(s: &str) -> Vec<(bool, Term)> {
        TextQuery::parse(s)
            .clauses
            .into_iter()
            .map(|c| (c.negated, c.term))
            .collect()
    }

    fn word(w: &str) -> Term {
        Term::Word(w.to_string())
    }

    #[test]
    fn words_phrases_prefixes_and_exclusions_parse() {
        assert_eq!(
            parse(r#"Putin "belt and road" sanction* -trade -"white house""#),
            [
                (false, word("putin")),
                (
                    false,
                    Term::Phrase(vec!["belt".into(), "and".into(), "road".into()])
                ),
                (false, Term::Prefix("sanction".into())),
                (true, word("trade")),
                (true, Term::Phrase(vec!["white".into(), "house".into()])),
            ]
        );
    }

    #[test]
    fn malformed_queries_parse_to_what_can_be_read() {
        assert_eq!(
            parse(r#""open phrase"#),
            [(false, Term::Phrase(vec!["open".into(), "phrase".into()]))]
        );
        assert!(parse("- * -* \"\" \" ... —").is_empty());
        assert_eq!(
            parse("Jong-un"),
            [(false, Term::Phrase(vec!["jong".into(), "un".into()]))]
        );
        assert_eq!(parse("putin PUTIN Putin’s"), [(false, word("putin"))]);
        assert_eq!(
            parse("x\"y\"z"),
            [(false, word("x")), (false, word("y")), (false, word("z"))]
        );
        assert_eq!(parse("-\"x"), [(true, word("x"))]);
    }

    #[test]
    fn unquoted_stop_words_are_left_out_unless_alone_or_quoted() {
        let phrase = |ws: &[&str]| Term::Phrase(ws.iter().map(|w| w.to_string()).collect());
        assert_eq!(
            parse("Power of Siberia"),
            [(false, word("power")), (false, word("siberia"))]
        );
        assert_eq!(
            parse("\"Power of Siberia\""),
            [(false, phrase(&["power", "of", "siberia"]))]
        );
        // Quoted, negated or alone, a stop word is looked for.
        assert_eq!(
            parse("putin \"the\""),
            [(false, word("putin")), (false, word("the"))]
        );
        assert_eq!(parse("putin -the"), [(false, word("putin")), (true, word("the"))]);
        assert_eq!(parse("of The"), [(false, word("of")), (false, word("the"))]);
        assert!(
            STOP_WORDS.windows(2).all(|w| w[0] < w[1]),
            "sorted, for binary search"
        );
    }

    #[test]
    fn huge_queries_are_cut_without_panicking() {
        let q = "é".repeat(100_000);
        assert_eq!(TextQuery::parse(&q).clauses.len(), 1);
        let many: String = (0..10_000).map(|i| format!("w{i} ")).collect();
        assert_eq!(TextQuery::parse(&many).clauses.len(), MAX_CLAUSES);
        let quotes = "\"".repeat(10_001);
        assert!(TextQuery::parse(&quotes).clauses.is_empty());
    }

    #[test]
    fn label_sets_hold_labels() {
        let mut s: LabelSet = [Label::Date, Label::Money].into_iter().collect();
        assert!(s.contains(Label::Date) && !s.contains(Label::Person));
        s.remove(Label::Date);
        assert_eq!(s.iter().collect::<Vec<_>>(), [Label::Money]);
    }

    /// Three documents with hand-placed mentions of two entities.
    /// Document 2's only mention of Xi is in a caption.
    pub(crate) fn fixture() -> (Corpus, Analysis) {
        let texts = [
            "Putin meets Xi\nPutin and Xi signed a trade deal in Beijing.\nPhoto: Reuters",
            "Trade war looms\nThe trade talks stalled. Putin stayed home.",
            "Weather report\nRain in Beijing all week.\nXi waves. Photo: AP",
        ];
        let corpus = Corpus::new(
            texts
                .iter()
                .enumerate()
                .map(|(i, t)| Document::new(format!("{i}.txt"), *t, Meta::default()).unwrap())
                .collect(),
        );
        let mut docs = Vec::new();
        for d in &corpus.documents {
            let mut blocks: Vec<Block> = d
                .headline
                .iter()
                .chain(&d.paragraphs)
                .map(|r| Block {
                    range: r.clone(),
                    zone: Zone::Body,
                })
                .collect();
            blocks[0].zone = Zone::Title;
            if d.text.contains("Photo") {
                blocks.last_mut().unwrap().zone = Zone::Caption;
            }
            let sentences = blocks.iter().map(|b| b.range.clone()).collect();
            let mut mentions = Vec::new();
            for (entity, name, label) in [
                (0, "Putin", Label::Person),
                (1, "Xi", Label::Person),
                (2, "Beijing", Label::Gpe),
            ] {
                for (start, _) in d.text.match_indices(name) {
                    let block = blocks.iter().position(|b| b.range.contains(&start)).unwrap();
                    mentions.push(Mention {
                        range: start..start + name.len(),
                        label,
                        entity,
                        block,
                        sentence: block,
                    });
                }
            }
            crate::order::sort_by_key(&mut mentions, |m| m.range.start);
            docs.push(DocAnalysis {
                blocks,
                sentences,
                mentions,
                quotes: Vec::new(),
            });
        }
        let entity = |id: &str, canonical: &str, label| Entity {
            id: id.into(),
            canonical: canonical.into(),
            label,
            aliases: Vec::new(),
            mentions: 0,
            documents: 0,
        };
        let entities = vec![
            entity("person-putin", "Vladimir Putin", Label::Person),
            entity("person-xi", "Xi Jinping", Label::Person),
            entity("gpe-beijing", "Beijing", Label::Gpe),
        ];
        let dates = Vec::new();
        (
            corpus,
            Analysis {
                docs,
                entities,
                dates,
            },
        )
    }

    fn docs(r: &Results) -> Vec<usize> {
        r.hits.iter().map(|h| h.doc).collect()
    }

    #[test]
    fn an_empty_query_keeps_every_document_in_file_order() {
        let (c, a) = fixture();
        let ix = Index::new(&c, &a);
        let r = search(&ix, &Query::default());
        assert_eq!(docs(&r), [0, 1, 2]);
        assert!(r.hits.iter().all(|h| h.count == 0));
        let none = Snippets::new(&ix, &Query::default());
        assert!((0..3).all(|d| none.of(d).is_empty()));
        assert!(Query::default().is_empty() && !Query::text("x").is_empty());
    }

    #[test]
    fn words_combine_with_and_and_rank_by_relevance() {
        let (c, a) = fixture();
        let ix = Index::new(&c, &a);
        assert_eq!(docs(&search(&ix, &Query::text("trade"))), [1, 0]);
        assert_eq!(docs(&search(&ix, &Query::text("trade putin"))), [1, 0]);
        assert_eq!(
            docs(&search(&ix, &Query::text("trade rain"))),
            Vec::<usize>::new()
        );
        assert_eq!(search(&ix, &Query::text("TRADE")).hits[0].count, 2);
    }

    #[test]
    fn phrases_need_consecutive_words_in_one_block() {
        let (c, a) = fixture();
        let ix = Index::new(&c, &a);
        assert_eq!(docs(&search(&ix, &Query::text("\"trade deal\""))), [0]);
        assert_eq!(
            docs(&search(&ix, &Query::text("\"deal trade\""))),
            Vec::<usize>::new()
        );
        // "looms" ends the title and "The" starts the body: not a phrase.
        assert_eq!(
            docs(&search(&ix, &Query::text("\"looms the\""))),
            Vec::<usize>::new()
        );
    }

    #[test]
    fn prefixes_and_exclusions_filter() {
        let (c, a) = fixture();
        let ix = Index::new(&c, &a);
        assert_eq!(docs(&search(&ix, &Query::text("stal*"))), [1]);
        assert_eq!(docs(&search(&ix, &Query::text("-trade"))), [2]);
        assert_eq!(docs(&search(&ix, &Query::text("-\"trade deal\""))), [1, 2]);
        assert_eq!(docs(&search(&ix, &Query::text("*"))), [0, 1, 2]);
    }

    #[test]
    fn captions_count_only_when_all_zones_are_asked_for() {
        let (c, a) = fixture();
        let ix = Index::new(&c, &a);
        assert_eq!(docs(&search(&ix, &Query::text("photo"))), Vec::<usize>::new());
        let mut q = Query::text("photo");
        q.all_zones = true;
        // The shorter document ranks first.
        assert_eq!(docs(&search(&ix, &q)), [2, 0]);
        let q = Query {
            require: vec!["person-xi".into()],
            ..Query::default()
        };
        assert_eq!(docs(&search(&ix, &q)), [0]);
        let q = Query { all_zones: true, ..q };
        assert_eq!(docs(&search(&ix, &q)), [0, 2]);
    }

    #[test]
    fn required_entities_combine_with_and_and_excluded_with_not() {
        let (c, a) = fixture();
        let ix = Index::new(&c, &a);
        let q = |req: &[&str], exc: &[&str]| Query {
            require: req.iter().map(|s| s.to_string()).collect(),
            exclude: exc.iter().map(|s| s.to_string()).collect(),
            ..Query::default()
        };
        assert_eq!(docs(&search(&ix, &q(&["person-putin"], &[]))), [0, 1]);
        assert_eq!(docs(&search(&ix, &q(&["person-putin", "gpe-beijing"], &[]))), [0]);
        assert_eq!(docs(&search(&ix, &q(&[], &["person-putin"]))), [2]);
        let r = search(&ix, &q(&["nobody"], &["nothing"]));
        assert!(r.hits.is_empty());
        assert_eq!(r.unknown, ["nobody", "nothing"]);
    }

    #[test]
    fn facets_count_mentions_and_documents_among_the_matches() {
        let (c, a) = fixture();
        let ix = Index::new(&c, &a);
        let r = search(&ix, &Query::text("trade"));
        assert_eq!(
            r.entities[0],
            Counts {
                mentions: 3,
                documents: 2
            }
        );
        assert_eq!(
            r.entities[2],
            Counts {
                mentions: 1,
                documents: 1
            }
        );
        assert_eq!(
            r.label(Label::Person),
            Counts {
                mentions: 5,
                documents: 2
            }
        );
        assert_eq!(r.label(Label::Date), Counts::default());
        assert_eq!(r.matched, [true, true, false]);
    }

    #[test]
    fn label_mentions_are_the_unfiltered_searchs_label_counts() {
        let (c, a) = fixture();
        let ix = Index::new(&c, &a);
        for all_zones in [false, true] {
            let r = search(
                &ix,
                &Query {
                    all_zones,
                    ..Query::default()
                },
            );
            let counted: Vec<usize> = r.labels.iter().map(|l| l.mentions).collect();
            let totals = label_mentions(&a).map(|c| c.get(all_zones) as usize);
            assert_eq!(totals.to_vec(), counted);
        }
        // Xi's mention in document 2's caption counts only with every zone.
        let person = label_mentions(&a)[Label::Person as usize];
        assert_eq!((person.article, person.all), (5, 6));
        assert_eq!(label_mentions(&a)[Label::Gpe as usize].all, 2);
    }

    #[test]
    fn snippets_highlight_the_terms_and_required_entities() {
        let (c, a) = fixture();
        let ix = Index::new(&c, &a);
        let q = Query {
            text: "deal".into(),
            require: vec!["gpe-beijing".into()],
            ..Query::default()
        };
        let r = search(&ix, &q);
        assert_eq!(docs(&r), [0]);
        let h = &r.hits[0];
        assert_eq!(h.count, 2);
        let snippets = Snippets::new(&ix, &q).of(h.doc);
        assert_eq!(snippets.len(), 1);
        let text = &c.documents[0].text;
        let parts: Vec<&str> = snippets[0]
            .parts(text)
            .into_iter()
            .filter(|p| p.1)
            .map(|p| p.0)
            .collect();
        assert_eq!(parts, ["deal", "Beijing"]);
        assert!(!snippets[0].cut_start && !snippets[0].cut_end);
        // A document that does not match, and one past the corpus, have none.
        assert!(Snippets::new(&ix, &q).of(1).is_empty());
        assert!(Snippets::new(&ix, &q).of(3).is_empty());
    }

    #[test]
    fn hits_are_the_text_matches_without_stop_words_or_entities() {
        let (c, a) = fixture();
        let ix = Index::new(&c, &a);
        let text = &c.documents[0].text;
        let hits = |q: &Query| -> Vec<&str> {
            Snippets::new(&ix, q)
                .hits(0)
                .into_iter()
                .map(|r| &text[r])
                .collect()
        };
        // "and" is a stop word: neither required nor a hit.
        assert_eq!(hits(&Query::text("xi and deal")), ["Xi", "Xi", "deal"]);
        assert_eq!(hits(&Query::text("\"Putin and Xi\"")), ["Putin and Xi"]);
        // A required entity is a mention, not a hit, and hides no hit it overlaps.
        let q = Query {
            text: "putin".into(),
            require: vec!["person-putin".into()],
            ..Query::default()
        };
        assert_eq!(hits(&q), ["Putin", "Putin"]);
        assert!(Snippets::new(&ix, &q).hits(9).is_empty());
    }

    #[test]
    fn a_snippet_is_shown_with_its_ellipses_joined_to_the_plain_text() {
        let text = "one two three four";
        let sn = |range: Range<usize>, highlights: &[(usize, usize)], cut: bool| Snippet {
            range,
            highlights: highlights.iter().map(|&(a, b)| a..b).collect(),
            cut_start: cut,
            cut_end: cut,
        };
        let own = |v: &[(&str, bool)]| v.iter().map(|(t, h)| (t.to_string(), *h)).collect::<Vec<_>>();
        // Plain text at both ends takes the ellipses.
        assert_eq!(
            sn(4..13, &[(8, 13)], false).shown(text),
            own(&[("two ", false), ("three", true)])
        );
        assert_eq!(
            sn(0..18, &[(4, 7)], true).shown(text),
            own(&[("…one ", false), ("two", true), (" three four…", false)])
        );
        // A highlight at a cut end gets an ellipsis beside it, never inside it.
        assert_eq!(
            sn(4..13, &[(4, 7), (8, 13)], true).shown(text),
            own(&[
                ("…", false),
                ("two", true),
                (" ", false),
                ("three", true),
                ("…", false)
            ])
        );
        // The text shown is the passage, plus the ellipses.
        let s = sn(0..18, &[(8, 13)], true);
        let joined: String = s.shown(text).into_iter().map(|p| p.0).collect();
        assert_eq!(joined, format!("…{text}…"));
    }

    #[test]
    fn long_blocks_give_snippets_cut_at_word_boundaries() {
        let filler = "lorem ipsum dolor sit amet ".repeat(20);
        let text = format!("Title\n{filler}needle {filler}needle {filler}");
        let c = Corpus::new(vec![Document::new("a.txt", text, Meta::default()).unwrap()]);
        let a = crate::analyse(&c);
        let ix = Index::new(&c, &a);
        let s = &Snippets::new(&ix, &Query::text("needle")).of(0);
        assert_eq!(s.len(), 2);
        let t = &c.documents[0].text;
        for sn in s {
            assert!(sn.cut_start && sn.cut_end);
            let p = &t[sn.range.clone()];
            assert!(
                p.starts_with(|c: char| c.is_alphanumeric()) && p.ends_with(|c: char| c.is_alphanumeric()),
                "{p:?}"
            );
            assert!(p.chars().count() <= 2 * CONTEXT_CHARS + 6, "{p:?}");
            assert!(
                ["lorem", "ipsum", "dolor", "sit", "amet"]
                    .iter()
                    .any(|w| p.ends_with(w)),
                "{p:?}"
            );
        }
    }
}
