//! The analysis on several threads is the one-thread analysis, exactly: on the seeds
//! (with their curation), on the other fixture, and on a corpus mixed from both, with
//! rounds small enough that many blocks meet people taught within their round.

mod common;

use dossier_core::analysis::threads::{analyse, analyse_in_rounds};
use dossier_core::corpus::{load_dir, Corpus, Document, Meta};
use dossier_core::curation::load_curation;
use dossier_core::Curation;
use std::num::NonZeroUsize;

/// Every combination of threads and rounds gives `corpus`'s one-thread analysis.
fn same_on_any_threads(corpus: &Corpus, curation: &Curation) {
    let one = dossier_core::analyse_with(corpus, curation);
    for threads in [1, 2, 3] {
        for round in [1, 2, 5, 256] {
            let many = analyse_in_rounds(corpus, curation, threads, round);
            assert!(
                many == one,
                "{threads} threads, rounds of {round}: not the same analysis"
            );
        }
    }
    let two = NonZeroUsize::new(2).unwrap();
    assert!(analyse(corpus, curation, two) == one);
}

#[test]
fn the_seeds_analyse_the_same_on_any_number_of_threads() {
    let dir = common::root().join("seeds");
    let corpus = load_dir(&dir).unwrap();
    same_on_any_threads(&corpus, &load_curation(&dir).unwrap());
}

#[test]
fn the_other_fixture_analyses_the_same_on_any_number_of_threads() {
    let (corpus, _) = common::fixture("other");
    same_on_any_threads(&corpus, &Curation::default());
}

/// A corpus of `n` documents mixed from the paragraphs of the seeds and the other
/// fixture (a fixed pseudo-random draw), so that people are introduced in one document
/// and named short in others, in every order.
fn mixed(n: usize) -> Corpus {
    let mut paragraphs: Vec<String> = Vec::new();
    for dir in [
        common::root().join("seeds"),
        common::root().join("crates/dossier-core/tests/fixtures/other"),
    ] {
        for d in load_dir(&dir).unwrap().documents {
            paragraphs.extend(d.paragraphs.iter().map(|p| d.text[p.clone()].to_string()));
        }
    }
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut draw = |k: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % k as u64) as usize
    };
    let docs = (0..n)
        .map(|i| {
            let title = format!("Report number {i}");
            let body: Vec<&str> = (0..4)
                .map(|_| paragraphs[draw(paragraphs.len())].as_str())
                .collect();
            let text = format!("{title}\n\n{}", body.join("\n\n"));
            Document::new(format!("{i:03}.txt"), text, Meta::default()).unwrap()
        })
        .collect();
    Corpus::new(docs)
}

#[test]
fn a_mixed_corpus_analyses_the_same_on_any_number_of_threads() {
    same_on_any_threads(&mixed(60), &Curation::default());
}
