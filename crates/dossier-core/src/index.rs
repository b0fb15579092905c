//! The search index: built once from a [`Corpus`] and its [`Analysis`], then queried
//! on every keystroke without rescanning any text.
//!
//! It holds
//! - the **words** of every block, normalised for search ([`normalise_words`]): lower
//!   case, simple diacritics folded (`é` → `e`), curly and straight apostrophes unified,
//!   a possessive `'s` dropped, acronym periods and digit-group commas removed
//!   (`U.S.` → `us`, `35,000` → `35000`), hyphens splitting words;
//! - a **term dictionary** with, per term, its postings (document and word position),
//!   and the terms in sorted order for prefix queries;
//! - per document its words (offsets, term, block), so phrases are checked by looking
//!   at the next positions, and the word counts used for ranking;
//! - per **entity** its mentions (document, mention index), and per document the
//!   mention count of each entity it mentions, in the article proper and in all zones;
//! - the DATE mentions resolved by [`crate::timeline`].
//!
//! ```
//! use dossier_core::corpus::{Corpus, Document, Meta};
//! use dossier_core::index::Index;
//!
//! let corpus = Corpus::new(vec![Document::new("a.txt", "Café talks\n\nThe café’s owner.", Meta::default()).unwrap()]);
//! let analysis = dossier_core::analyse(&corpus);
//! let index = Index::new(&corpus, &analysis);
//! let cafe = index.term("cafe").unwrap();
//! assert_eq!(index.postings(cafe).len(), 2);
//! ```

use crate::corpus::Corpus;
use crate::hash::FxMap;
use crate::model::Analysis;
use crate::timeline::DateMention;
use std::ops::Range;

/// One occurrence of a term: which document and which word of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Posting {
    /// Index of the document in the corpus.
    pub doc: u32,
    /// Index of the word in the document's [`DocIndex::words`].
    pub pos: u32,
}

/// One word of a document, as indexed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    /// Byte offset of the word in the document's text.
    pub start: u32,
    /// Byte offset just past the word (a possessive `'s` is left out).
    pub end: u32,
    /// The word's term id.
    pub term: u32,
    /// Index of the block the word is in.
    pub block: u32,
}

/// How often one entity is mentioned in one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntityCount {
    /// Index of the entity in [`Analysis::entities`].
    pub entity: u32,
    /// Mentions in the article proper (title and body).
    pub article: u32,
    /// Mentions in all zones.
    pub all: u32,
}

impl EntityCount {
    /// The mentions that count: all zones, or the article proper only.
    pub fn get(&self, all_zones: bool) -> u32 {
        if all_zones {
            self.all
        } else {
            self.article
        }
    }
}

/// Mentions of one label in one document (or in the whole corpus:
/// [`crate::query::label_mentions`]), in the article proper and in all zones.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ZoneCount {
    /// Mentions in the article proper (title and body).
    pub article: u32,
    /// Mentions in all zones.
    pub all: u32,
}

impl ZoneCount {
    /// The mentions that count: all zones, or the article proper only.
    pub fn get(&self, all_zones: bool) -> u32 {
        if all_zones {
            self.all
        } else {
            self.article
        }
    }
}

/// What the index knows about one document.
#[derive(Debug, Clone, Default)]
pub struct DocIndex {
    /// Every word, in text order.
    pub words: Vec<Word>,
    /// Per block, whether it is part of the article proper (title or body).
    pub article_blocks: Vec<bool>,
    /// Words in the article proper.
    pub article_words: u32,
    /// The entities the document mentions, by entity index.
    pub entities: Vec<EntityCount>,
    /// Mentions per label, indexed by `label as usize`.
    pub labels: [ZoneCount; 10],
}

impl DocIndex {
    /// Whether word `pos` counts when captions and boilerplate count only if `all_zones`.
    pub fn counts(&self, pos: usize, all_zones: bool) -> bool {
        all_zones || self.article_blocks[self.words[pos].block as usize]
    }

    /// The number of words that count (see [`DocIndex::counts`]).
    pub fn len(&self, all_zones: bool) -> u32 {
        if all_zones {
            self.words.len() as u32
        } else {
            self.article_words
        }
    }

    /// Whether the document has no words at all.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// The inverted index over a corpus and its analysis. See the [module docs](self).
#[derive(Debug)]
pub struct Index<'a> {
    corpus: &'a Corpus,
    analysis: &'a Analysis,
    terms: FxMap<Box<str>, u32>,
    names: Vec<Box<str>>,
    sorted: Vec<u32>,
    postings: Vec<Vec<Posting>>,
    docs: Vec<DocIndex>,
    entity_mentions: Vec<Vec<(u32, u32)>>,
    entity_ids: FxMap<&'a str, usize>,
    dates: &'a [DateMention],
}

impl<'a> Index<'a> {
    /// Indexes `corpus` with its `analysis` (whose documents are parallel to the corpus's).
    pub fn new(corpus: &'a Corpus, analysis: &'a Analysis) -> Index<'a> {
        Building::new(corpus, analysis).finish()
    }

    fn intern(&mut self, key: &str) -> u32 {
        if let Some(&t) = self.terms.get(key) {
            return t;
        }
        let t = self.names.len() as u32;
        self.names.push(key.into());
        self.terms.insert(key.into(), t);
        self.postings.push(Vec::new());
        t
    }

    /// The corpus indexed.
    pub fn corpus(&self) -> &'a Corpus {
        self.corpus
    }

    /// The analysis indexed.
    pub fn analysis(&self) -> &'a Analysis {
        self.analysis
    }

    /// The number of documents.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether the corpus has no documents.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// What the index knows about document `doc`.
    pub fn doc(&self, doc: usize) -> &DocIndex {
        &self.docs[doc]
    }

    /// The id of an already normalised term.
    pub fn term(&self, normalised: &str) -> Option<u32> {
        self.terms.get(normalised).copied()
    }

    /// The text of term `term`.
    pub fn term_text(&self, term: u32) -> &str {
        &self.names[term as usize]
    }

    /// The ids of every term that starts with `prefix` (normalised), in sorted order.
    pub fn terms_with_prefix<'s>(&'s self, prefix: &'s str) -> impl Iterator<Item = u32> + 's {
        let from = self
            .sorted
            .partition_point(|&t| &*self.names[t as usize] < prefix);
        self.sorted[from..]
            .iter()
            .copied()
            .take_while(move |&t| self.names[t as usize].starts_with(prefix))
    }

    /// Every occurrence of `term`, by document then position.
    pub fn postings(&self, term: u32) -> &[Posting] {
        &self.postings[term as usize]
    }

    /// The index of the entity with this id.
    pub fn entity(&self, id: &str) -> Option<usize> {
        self.entity_ids.get(id).copied()
    }

    /// Every mention of entity `entity` as (document, index in its mentions), in order.
    pub fn entity_mentions(&self, entity: usize) -> &[(u32, u32)] {
        &self.entity_mentions[entity]
    }

    /// How often document `doc` mentions `entity` (all zones or the article proper).
    pub fn entity_count(&self, doc: usize, entity: usize, all_zones: bool) -> u32 {
        let ents = &self.docs[doc].entities;
        ents.binary_search_by_key(&(entity as u32), |c| c.entity)
            .map_or(0, |i| ents[i].get(all_zones))
    }

    /// The number of documents that mention `entity` in the zones that count.
    pub fn entity_documents(&self, entity: usize, all_zones: bool) -> usize {
        let mut n = 0;
        let mut last = u32::MAX;
        for &(d, _) in &self.entity_mentions[entity] {
            if d != last && self.entity_count(d as usize, entity, all_zones) > 0 {
                n += 1;
            }
            last = d;
        }
        n
    }

    /// Every DATE mention with its resolution, by document then position.
    pub fn dates(&self) -> &'a [DateMention] {
        self.dates
    }
}

/// An [`Index`] built a slice at a time, so that a caller with other work to do (the
/// browser's main thread: docs/performance.md) can stop between slices; the index it
/// gives is the one [`Index::new`] builds.
///
/// ```
/// use dossier_core::corpus::{Corpus, Document, Meta};
/// use dossier_core::index::Building;
///
/// let corpus = Corpus::new(vec![Document::new("a.txt", "Talks\n\nPutin met Xi.", Meta::default()).unwrap()]);
/// let analysis = dossier_core::analyse(&corpus);
/// let mut building = Building::new(&corpus, &analysis);
/// while !building.step(8) {}
/// assert!(building.finish().term("putin").is_some());
/// ```
#[derive(Debug)]
pub struct Building<'a> {
    ix: Index<'a>,
    /// The document being indexed, and the next of its blocks.
    at: (usize, usize),
    /// What is known of that document so far.
    doc: DocIndex,
    buf: String,
    spans: Vec<(Range<usize>, Range<usize>)>,
    /// Per entity, its slot in the current document's counts (checked before use).
    slot: Vec<u32>,
}

impl<'a> Building<'a> {
    /// An index of `corpus` and its `analysis` (whose documents are parallel to the
    /// corpus's) about to be built.
    pub fn new(corpus: &'a Corpus, analysis: &'a Analysis) -> Building<'a> {
        let ix = Index {
            corpus,
            analysis,
            terms: FxMap::default(),
            names: Vec::new(),
            sorted: Vec::new(),
            postings: Vec::new(),
            docs: Vec::with_capacity(corpus.documents.len()),
            entity_mentions: vec![Vec::new(); analysis.entities.len()],
            entity_ids: analysis
                .entities
                .iter()
                .enumerate()
                .map(|(i, e)| (e.id.as_str(), i))
                .collect(),
            dates: &analysis.dates,
        };
        let mut b = Building {
            ix,
            at: (0, 0),
            doc: DocIndex::default(),
            buf: String::new(),
            spans: Vec::new(),
            slot: vec![0u32; analysis.entities.len()],
        };
        b.start_doc();
        b
    }

    /// Indexes the next blocks, at least one and at most about `bytes` of text together
    /// (a document's mentions count as its last block); true once every document is.
    pub fn step(&mut self, bytes: usize) -> bool {
        let mut done = 0;
        while done < bytes.max(1) {
            let (di, bi) = self.at;
            let Some(da) = self.ix.analysis.docs.get(di) else {
                return true;
            };
            if let Some(block) = da.blocks.get(bi) {
                done += block.range.len() + 1;
                self.index_block(di, bi);
                self.at.1 += 1;
            } else {
                done += da.mentions.len() * 8 + 1;
                self.end_doc(di);
                self.at = (di + 1, 0);
                self.start_doc();
            }
        }
        self.at.0 >= self.ix.analysis.docs.len()
    }

    /// The index, its last slices built now.
    pub fn finish(mut self) -> Index<'a> {
        while !self.step(usize::MAX) {}
        let ix = &mut self.ix;
        let mut sorted: Vec<u32> = (0..ix.names.len() as u32).collect();
        crate::order::sort_by(&mut sorted, |&a, &b| {
            ix.names[a as usize].cmp(&ix.names[b as usize])
        });
        ix.sorted = sorted;
        self.ix
    }

    fn start_doc(&mut self) {
        if let Some(da) = self.ix.analysis.docs.get(self.at.0) {
            self.doc = DocIndex {
                article_blocks: da.blocks.iter().map(|b| b.zone.is_article()).collect(),
                ..DocIndex::default()
            };
        }
    }

    /// Indexes block `bi` of document `di`: its words, with their postings. One call per
    /// block, never inlined: the browser runs it optimised after its first calls, which
    /// a loop over the corpus in one call would not be (docs/performance.md).
    #[inline(never)]
    fn index_block(&mut self, di: usize, bi: usize) {
        let (corpus, analysis) = (self.ix.corpus, self.ix.analysis);
        let (text, block) = (&corpus.documents[di].text, &analysis.docs[di].blocks[bi]);
        let d = &mut self.doc;
        self.spans.clear();
        normalise_words(&text[block.range.clone()], &mut self.buf, &mut self.spans);
        for (range, key) in self.spans.iter() {
            let term = self.ix.intern(&self.buf[key.clone()]);
            let pos = d.words.len() as u32;
            self.ix.postings[term as usize].push(Posting { doc: di as u32, pos });
            d.words.push(Word {
                start: (block.range.start + range.start) as u32,
                end: (block.range.start + range.end) as u32,
                term,
                block: bi as u32,
            });
        }
        if d.article_blocks[bi] {
            d.article_words += self.spans.len() as u32;
        }
    }

    /// Counts document `di`'s mentions by entity and label, and adds the document.
    #[inline(never)]
    fn end_doc(&mut self, di: usize) {
        let analysis = self.ix.analysis;
        let da = &analysis.docs[di];
        let mut d = std::mem::take(&mut self.doc);
        for (mi, m) in da.mentions.iter().enumerate() {
            self.ix.entity_mentions[m.entity].push((di as u32, mi as u32));
            let article = u32::from(da.blocks[m.block].zone.is_article());
            let l = &mut d.labels[m.label as usize];
            l.all += 1;
            l.article += article;
            let s = self.slot[m.entity] as usize;
            match d.entities.get_mut(s) {
                Some(c) if c.entity == m.entity as u32 => {
                    c.all += 1;
                    c.article += article;
                }
                _ => {
                    self.slot[m.entity] = d.entities.len() as u32;
                    d.entities.push(EntityCount {
                        entity: m.entity as u32,
                        article,
                        all: 1,
                    });
                }
            }
        }
        crate::order::sort_by_key(&mut d.entities, |c| c.entity);
        self.ix.docs.push(d);
    }
}

/// Splits `s` into search words, appending to `out` each word's byte range in `s` and
/// the range of its normalised form in `buf` (which is cleared first).
///
/// Words are runs of letters and digits. An apostrophe between letters stays inside a
/// word (as `'`), unless it starts a final possessive `'s`, which is dropped. A period
/// after a single letter joins an acronym and is dropped (`U.S.` → `us`), a period
/// between digits is kept (`2.5`) and a comma between digits dropped (`35,000` →
/// `35000`). Everything else separates words (`lifeline.Credit` is two words).
pub fn normalise_words(s: &str, buf: &mut String, out: &mut Vec<(Range<usize>, Range<usize>)>) {
    buf.clear();
    let b = s.as_bytes();
    let mut it = s.char_indices().peekable();
    let mut word: Option<(usize, usize)> = None; // (start in s, start in buf)
    let mut prev = ' ';
    // Characters since the word's start or its last joining period.
    let mut run = 0;
    while let Some((i, c)) = it.next() {
        let next = it.peek().map(|&(_, c)| c);
        if c.is_alphanumeric() || (word.is_some() && is_mark(c)) {
            if word.is_none() {
                word = Some((i, buf.len()));
            }
            fold_into(c, buf);
            prev = c;
            run += 1;
            continue;
        }
        if let Some((ws, bs)) = word {
            let apostrophe = matches!(c, '\'' | '’' | 'ʼ' | '‘');
            let possessive = apostrophe
                && matches!(next, Some('s' | 'S'))
                && !s[i + c.len_utf8()..]
                    .chars()
                    .nth(1)
                    .is_some_and(char::is_alphanumeric);
            if possessive {
                out.push((ws..i, bs..buf.len()));
                word = None;
                it.next();
                prev = 's';
                continue;
            }
            let joins = match c {
                _ if apostrophe => prev.is_alphabetic() && next.is_some_and(char::is_alphabetic),
                '.' if prev.is_ascii_digit() => next.is_some_and(|n| n.is_ascii_digit()),
                '.' => run == 1 && next.is_some_and(char::is_alphabetic),
                ',' => prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()),
                _ => false,
            };
            if joins {
                run = 0;
                match c {
                    '.' if prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()) => buf.push('.'),
                    '.' | ',' => {}
                    _ => buf.push('\''),
                }
                prev = c;
                continue;
            }
            out.push((ws..i, bs..buf.len()));
            word = None;
        }
        prev = c;
        run = 0;
    }
    if let Some((ws, bs)) = word {
        out.push((ws..b.len(), bs..buf.len()));
    }
}

/// Combining marks (decomposed accents), folded away.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF)
}

/// Pushes `c` lower-cased, with simple Latin diacritics removed.
fn fold_into(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if is_mark(c) {
        return;
    }
    let folded = match c {
        'À'..='Å' | 'à'..='å' | 'Ā'..='ą' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' | 'Ć'..='č' => "c",
        'È'..='Ë' | 'è'..='ë' | 'Ē'..='ě' => "e",
        'Ì'..='Ï' | 'ì'..='ï' | 'Ĩ'..='ı' => "i",
        'Ñ' | 'ñ' | 'Ń'..='ň' => "n",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' | 'Ō'..='ő' => "o",
        'Œ' | 'œ' => "oe",
        'Ù'..='Ü' | 'ù'..='ü' | 'Ũ'..='ų' => "u",
        'Ý' | 'ý' | 'ÿ' | 'Ÿ' => "y",
        'ß' => "ss",
        'Ď'..='đ' => "d",
        'Ĝ'..='ģ' => "g",
        'Ł' | 'ł' | 'Ĺ'..='ľ' => "l",
        'Ŕ'..='ř' => "r",
        'Ś'..='š' => "s",
        'Ţ'..='ť' => "t",
        'Ź'..='ž' => "z",
        _ => {
            out.extend(crate::case::lower(c));
            return;
        }
    };
    out.push_str(folded);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Document, Meta};

    fn words(s: &str) -> Vec<(String, String)> {
        let (mut buf, mut out) = (String::new(), Vec::new());
        normalise_words(s, &mut buf, &mut out);
        out.into_iter()
            .map(|(r, k)| (s[r].to_string(), buf[k].to_string()))
            .collect()
    }

    fn keys(s: &str) -> Vec<String> {
        words(s).into_iter().map(|(_, k)| k).collect()
    }

    #[test]
    fn words_are_lower_cased_and_diacritics_folded() {
        assert_eq!(
            keys("Café Zürich ŁÓDŹ naïve"),
            ["cafe", "zurich", "lodz", "naive"]
        );
        assert_eq!(keys("Cafe\u{301}"), ["cafe"]);
    }

    #[test]
    fn curly_and_straight_apostrophes_are_one_and_possessives_drop() {
        assert_eq!(keys("don’t don't Xi'an"), ["don't", "don't", "xi'an"]);
        let w = words("Putin’s visit, Putin's aides");
        assert_eq!(w[0], ("Putin".to_string(), "putin".to_string()));
        assert_eq!(w[2].1, "putin");
    }

    #[test]
    fn acronyms_lose_periods_and_numbers_keep_decimals() {
        assert_eq!(
            keys("U.S. forces, 35,000 troops, 2.5%"),
            ["us", "forces", "35000", "troops", "2.5"]
        );
    }

    #[test]
    fn hyphens_and_punctuation_split_words() {
        assert_eq!(
            keys("Kim Jong-un — “hello” (x)"),
            ["kim", "jong", "un", "hello", "x"]
        );
        assert!(keys(" … — ").is_empty());
    }

    #[test]
    fn word_ranges_point_into_the_original_text() {
        let s = "«Élysée» talks";
        for (w, _) in words(s) {
            assert!(s.contains(&w));
        }
        assert_eq!(words(s)[0].0, "Élysée");
    }

    #[test]
    fn the_index_has_postings_per_document_and_block() {
        let c = Corpus::new(vec![
            Document::new("a.txt", "Putin meets Xi\n\nPutin arrived.", Meta::default()).unwrap(),
            Document::new("b.txt", "Other news\n\nNothing about him.", Meta::default()).unwrap(),
        ]);
        let a = crate::analyse(&c);
        let ix = Index::new(&c, &a);
        let putin = ix.term("putin").unwrap();
        let p = ix.postings(putin);
        assert_eq!(p.len(), 2);
        assert!(p.iter().all(|p| p.doc == 0));
        let w = ix.doc(0).words[p[1].pos as usize];
        assert_eq!(&c.documents[0].text[w.start as usize..w.end as usize], "Putin");
        assert_eq!(w.block, 1);
        assert_eq!(ix.doc(0).len(true), 5);
        assert_eq!(ix.term("absent"), None);
    }

    #[test]
    fn an_index_built_in_slices_is_the_index_built_at_once() {
        let c = Corpus::new(vec![
            Document::new(
                "a.txt",
                "Putin meets Xi\n\nPutin arrived in Beijing.\n\nXi said so.",
                Meta::default(),
            )
            .unwrap(),
            Document::new("b.txt", "Other news\n\nNothing about him.", Meta::default()).unwrap(),
            Document::new(
                "c.txt",
                "Beijing talks\n\nXi and Putin met again in Beijing.",
                Meta::default(),
            )
            .unwrap(),
        ]);
        let a = crate::analyse(&c);
        let whole = format!("{:?}", Index::new(&c, &a));
        for bytes in [0, 1, 10, 30, 1000] {
            let mut b = Building::new(&c, &a);
            let mut steps = 0;
            while !b.step(bytes) {
                steps += 1;
            }
            assert!(
                bytes > 100 || steps > 3,
                "{bytes} bytes a slice took {steps} steps"
            );
            assert_eq!(format!("{:?}", b.finish()), whole, "{bytes} bytes a slice");
        }
    }

    #[test]
    fn prefixes_list_terms_in_order() {
        let c = Corpus::new(vec![Document::new(
            "a.txt",
            "Beijing Beirut Berlin Bern boat",
            Meta::default(),
        )
        .unwrap()]);
        let a = crate::analyse(&c);
        let ix = Index::new(&c, &a);
        let found: Vec<&str> = ix.terms_with_prefix("ber").map(|t| ix.term_text(t)).collect();
        assert_eq!(found, ["berlin", "bern"]);
        assert_eq!(ix.terms_with_prefix("zz").count(), 0);
    }
}
