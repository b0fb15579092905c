//! One more document analysed with an analysed corpus, without analysing the corpus
//! again: the engine worker's way of adding a reader's document (crates/dossier-engine).
//!
//! [`Extender::new`] runs the corpus's two passes once and keeps what a new document
//! needs of them: the people the corpus introduces (its lexicon, as pass 1 learned it)
//! and the corpus's mentions waiting for their entities (pass 2's). [`Extender::analyse`]
//! then reads one document as if it came after the corpus's: pass 1 with the corpus's
//! lexicon, which learns the document's people too and is settled again over every text;
//! pass 2; the grouping of the corpus's mentions and the document's together, so that
//! "Putin" in the document joins the corpus's Vladimir Putin. The corpus is read as it
//! was (its pass 2 does not learn the document's people): its analysis is the published
//! one. The cost of a document is its own passes and one grouping of the corpus's
//! mentions with its own, whatever was added before; [`Extender`] is never changed by it.
//!
//! ```
//! use dossier_core::analysis::extend::Extender;
//! use dossier_core::corpus::{Corpus, Document, Meta};
//!
//! let doc = |f: &str, t: &str| Document::new(f, t.to_string(), Meta::default()).unwrap();
//! let corpus = Corpus::new(vec![doc("a.txt", "Talks\n\nVladimir Putin arrived in Beijing.")]);
//! let extender = Extender::new(&corpus, |_, _| {});
//! let mine = doc("mine/1", "Reply\n\nPutin left on Monday.");
//! let x = extender.analyse(&mine);
//! let putin = x.doc.mentions.iter().find(|m| &mine.text[m.range.clone()] == "Putin").unwrap();
//! assert_eq!(x.entities[putin.entity].canonical, "Vladimir Putin");
//! assert_eq!(x.corpus_mentions().filter(|(e, _, _)| *e == putin.entity).count(), 1);
//! ```

use super::{add_mention, first_pass, second_pass, SecondPass};
use crate::alias::{group, Raw};
use crate::corpus::{Corpus, Document};
use crate::curation::Curation;
use crate::model::{DocAnalysis, Entity};
use crate::normal::Lookup;
use crate::recognise::Lexicon;
use crate::timeline::DateMention;
use std::ops::Range;

/// An analysed corpus, kept to analyse more documents with it.
pub struct Extender<'c> {
    corpus: &'c Corpus,
    /// The people the corpus's pass 1 found (settled again with each document).
    lexicon: Lexicon,
    /// The lookup text of each corpus document not in NFC.
    lookups: Vec<Option<Lookup>>,
    /// The corpus's mentions waiting for their entities, and where each is.
    raws: Vec<Raw<'c>>,
    placed: Vec<(usize, Range<usize>, usize)>,
}

/// One document analysed with the corpus ([`Extender::analyse`]).
#[derive(Debug)]
pub struct Extension {
    /// The document's analysis; its mentions' entities are indices into `entities`.
    pub doc: DocAnalysis,
    /// The entities of the corpus and the document grouped together (the corpus's
    /// mentions counted in, not only the document's).
    pub entities: Vec<Entity>,
    /// The document's dates (document index 0).
    pub dates: Vec<DateMention>,
    /// Elementary steps taken: the document's tokens visited and the grouping's.
    pub work: usize,
    /// Each corpus mention's entity (index into `entities`), with its document and range.
    corpus: Vec<(Option<usize>, usize, Range<usize>)>,
}

impl Extension {
    /// The corpus's mentions grouped in an entity: (entity, document index, byte range).
    pub fn corpus_mentions(&self) -> impl Iterator<Item = (usize, usize, Range<usize>)> + '_ {
        (self.corpus.iter()).filter_map(|(e, d, r)| Some(((*e)?, *d, r.clone())))
    }
}

impl<'c> Extender<'c> {
    /// `corpus` read by the analysis's two passes; `progress(done, of)` is called before
    /// each step ([`super::Analyser::progress`]).
    pub fn new(corpus: &'c Corpus, mut progress: impl FnMut(usize, usize)) -> Self {
        let mut analyser = super::Analyser::new(corpus);
        loop {
            let (done, of) = analyser.progress();
            progress(done, of);
            if !analyser.step() {
                break;
            }
        }
        let super::Analyser {
            lexicon,
            lookups,
            out,
            ..
        } = analyser;
        Extender {
            corpus,
            lexicon,
            lookups,
            raws: out.raws,
            placed: out.placed,
        }
    }

    /// `d` analysed after the corpus's documents (its index among them: theirs, then
    /// its own), its mentions grouped with theirs.
    pub fn analyse(&self, d: &Document) -> Extension {
        let di = self.corpus.documents.len();
        let mut lexicon = self.lexicon.clone();
        let mut out = SecondPass::default();
        let lookup = crate::normal::lookup(d);
        let read = lookup.as_ref().map_or(d, |l| &l.doc);
        let (layout, first) = first_pass(read, &lexicon, &mut out.scratch, &mut out.work);
        lexicon.learn(&read.text, di, &first.found);
        let texts = (self.corpus.documents.iter().zip(&self.lookups))
            .map(|(d, l)| l.as_ref().map_or(&*d.text, |l| &*l.doc.text));
        lexicon.settle(texts.chain([&*read.text]));
        second_pass(di, d, lookup.as_ref(), layout, first, &lexicon, &mut out);
        let theirs = self.raws.len();
        let raws: Vec<Raw> = self.raws.iter().cloned().chain(out.raws).collect();
        let grouping = group(&raws, &Curation::default());
        let mut doc = out.docs.pop().expect("the document's analysis");
        for ((_, range, block), e) in out.placed.into_iter().zip(&grouping.entity_of[theirs..]) {
            if let Some(e) = *e {
                add_mention(&mut doc, range, block, e, &grouping.entities);
            }
        }
        let tokens = out.tokens.pop().flatten();
        let (quotes, quote_work) = crate::quotes::find_counting_in(d, &doc, tokens.as_ref());
        doc.quotes = quotes;
        let dates = crate::resolve::doc_date_mentions(0, d, &doc);
        let corpus = (self.placed.iter().zip(&grouping.entity_of))
            .map(|((di, r, _), e)| (*e, *di, r.clone()))
            .collect();
        Extension {
            doc,
            entities: grouping.entities,
            dates,
            work: out.work + grouping.work + quote_work,
            corpus,
        }
    }
}
