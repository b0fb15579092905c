//! The analysis is linear in the text: the work grows in proportion to the text, both
//! with more documents and with longer documents, and memory stays a small multiple of
//! the text. Counts of work and sizes are compared, never wall-clock time.

mod common;

use dossier_core::analysis::analyse_counting;
use dossier_core::corpus::{Corpus, Document, Meta};
use dossier_core::Curation;

fn seeds_text() -> Vec<(String, String)> {
    let (c, _) = common::seeds();
    c.documents
        .iter()
        .map(|d| (d.file.clone(), d.text.to_string()))
        .collect()
}

fn work(corpus: &Corpus) -> usize {
    analyse_counting(corpus, &Curation::default()).1
}

#[test]
fn work_grows_linearly_with_the_number_of_documents() {
    let docs = seeds_text();
    let make = |k: usize| {
        Corpus::new(
            (0..k)
                .flat_map(|i| {
                    docs.iter().map(move |(f, t)| {
                        Document::new(format!("{i}_{f}"), t.clone(), Meta::default()).unwrap()
                    })
                })
                .collect(),
        )
    };
    let (w1, w8) = (work(&make(1)), work(&make(8)));
    let ratio = w8 as f64 / w1 as f64;
    assert!(
        (7.9..=8.1).contains(&ratio),
        "8× the documents cost {ratio:.2}× the work"
    );
}

#[test]
fn work_grows_linearly_with_the_length_of_one_document() {
    let docs = seeds_text();
    let body: String = docs
        .iter()
        .map(|(_, t)| t.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    let make = |k: usize| {
        Corpus::new(vec![Document::new(
            "big.txt",
            vec![body.as_str(); k].join("\n\n"),
            Meta::default(),
        )
        .unwrap()])
    };
    let (w1, w8) = (work(&make(1)), work(&make(8)));
    let ratio = w8 as f64 / w1 as f64;
    assert!(
        (7.8..=8.2).contains(&ratio),
        "an 8× longer document costs {ratio:.2}× the work"
    );
}

#[test]
fn the_analysis_takes_less_than_ten_times_the_text_in_memory() {
    let (c, a) = common::seeds();
    let text: usize = c.documents.iter().map(|d| d.text.len()).sum();
    let docs: usize = a
        .docs
        .iter()
        .map(|d| {
            d.blocks.capacity() * std::mem::size_of::<dossier_core::analysis::Block>()
                + d.sentences.capacity() * std::mem::size_of::<std::ops::Range<usize>>()
                + d.mentions.capacity() * std::mem::size_of::<dossier_core::Mention>()
        })
        .sum();
    let ents: usize = a
        .entities
        .iter()
        .map(|e| {
            std::mem::size_of::<dossier_core::Entity>()
                + e.id.capacity()
                + e.canonical.capacity()
                + e.aliases
                    .iter()
                    .map(|x| std::mem::size_of::<dossier_core::analysis::Alias>() + x.text.capacity())
                    .sum::<usize>()
        })
        .sum();
    let total = docs + ents;
    assert!(
        total <= 10 * text,
        "analysis {total} bytes for {text} bytes of text"
    );
}
