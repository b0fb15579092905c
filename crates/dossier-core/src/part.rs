//! Some of an analysed corpus's documents apart, and joined back: how the engine worker
//! hands the app the reader's own documents (crates/dossier-engine) without the corpus's
//! texts being written, sent and read again.
//!
//! A part is a corpus of its own, carried in the page format ([`crate::page`], its one
//! decoder): the documents taken, with their analysis and dates, and every entity of the
//! whole, so that its mentions point where the whole's do. [`join`] puts it back with the
//! rest (the corpus the page carries, whose entities are the first of the whole's, at the
//! same places) and gives the whole again. It is this small because it runs in the page's
//! main wasm, whose every byte counts (docs/performance.md): no lookup, no sort.
//!
//! ```
//! use dossier_core::corpus::{Corpus, Document, Meta};
//! use dossier_core::part::{join, split};
//!
//! let doc = |f: &str, t: &str| Document::new(f, t.to_string(), Meta::default()).unwrap();
//! let whole = Corpus::new(vec![doc("a.txt", "Rain\n\nIt rained."), doc("b.txt", "Sun\n\nIt shone.")]);
//! let analysis = dossier_core::Analysis { docs: vec![Default::default(); 2], ..Default::default() };
//! let (part, part_analysis) = split(&whole, &analysis, |d| d.file == "b.txt");
//! assert_eq!(part.documents.len(), 1);
//! let rest = Corpus::new(vec![whole.documents[0].clone()]);
//! let rest_analysis = dossier_core::Analysis { docs: vec![Default::default()], ..Default::default() };
//! assert_eq!(join(&rest, &rest_analysis, part, part_analysis), (whole, analysis));
//! ```

use crate::corpus::{Corpus, Document};
use crate::model::Analysis;
use crate::timeline::DateMention;

/// The documents of `corpus` that `taken` picks, with their analysis and dates from
/// `analysis` (the whole's), and every entity of it, as a part.
pub fn split(corpus: &Corpus, analysis: &Analysis, taken: impl Fn(&Document) -> bool) -> (Corpus, Analysis) {
    let mut at = vec![None; corpus.documents.len()];
    let mut documents = Vec::new();
    let mut docs = Vec::new();
    for (di, d) in corpus.documents.iter().enumerate() {
        if taken(d) {
            at[di] = Some(docs.len());
            documents.push(d.clone());
            docs.push(analysis.docs[di].clone());
        }
    }
    let dates = (analysis.dates.iter())
        .filter_map(|d| {
            Some(DateMention {
                doc: at[d.doc]?,
                ..d.clone()
            })
        })
        .collect();
    let part = Analysis {
        docs,
        entities: analysis.entities.clone(),
        dates,
    };
    (Corpus::new(documents), part)
}

/// The whole of which `part` ([`split`]) was taken: `rest` and its analysis (the corpus
/// without the part's documents, whose entities are the first of the part's) with the
/// part's documents added in file-name order and the part's entities.
pub fn join(
    rest: &Corpus,
    rest_analysis: &Analysis,
    part: Corpus,
    part_analysis: Analysis,
) -> (Corpus, Analysis) {
    let mut theirs = rest
        .documents
        .iter()
        .zip(&rest_analysis.docs)
        .enumerate()
        .peekable();
    let mut ours = part
        .documents
        .into_iter()
        .zip(part_analysis.docs)
        .enumerate()
        .peekable();
    let (mut their_dates, mut our_dates) = (
        rest_analysis.dates.iter().peekable(),
        part_analysis.dates.into_iter().peekable(),
    );
    let (mut documents, mut docs, mut dates) = (Vec::new(), Vec::new(), Vec::new());
    // Both are in file-name order: the two lists are merged.
    loop {
        let di = documents.len();
        let rest_first = match (theirs.peek(), ours.peek()) {
            (None, None) => break,
            (Some((_, (r, _))), Some((_, (p, _)))) => r.file < p.file,
            (r, _) => r.is_some(),
        };
        if rest_first {
            let (k, (d, a)) = theirs.next().expect("peeked");
            documents.push(d.clone());
            docs.push(a.clone());
            while let Some(d) = their_dates.next_if(|d| d.doc == k) {
                dates.push(DateMention { doc: di, ..d.clone() });
            }
        } else {
            let (k, (d, a)) = ours.next().expect("peeked");
            documents.push(d);
            docs.push(a);
            while let Some(d) = our_dates.next_if(|d| d.doc == k) {
                dates.push(DateMention { doc: di, ..d });
            }
        }
    }
    let analysis = Analysis {
        docs,
        entities: part_analysis.entities,
        dates,
    };
    (Corpus { documents }, analysis)
}
