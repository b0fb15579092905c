//! The reader's documents handed to the app as their part only: on the seeds, with
//! corpus articles dropped again as the reader's (every entity of theirs joins the
//! corpus's), the app's join of the part gives exactly the whole the worker analysed,
//! and the part carries none of the corpus's texts.

mod common;

use common::{own, seeds};
use dossier_core::corpus::{Document, Meta};
use dossier_engine::{add_to_page, merge};

#[test]
fn the_part_joined_to_the_page_is_the_whole_and_holds_only_the_reader_s_documents() {
    let corpus = seeds();
    let analysis = dossier_core::analyse(&corpus);
    let (texts, data) = dossier_core::page::write_parts(&corpus, &analysis).unwrap();
    // Two seed articles, their paragraphs in reverse order, as the reader's.
    let mine: Vec<(String, String)> = corpus.documents[..2]
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let mut lines: Vec<&str> = d.text.lines().collect();
            lines[1..].reverse();
            (format!("mine/{i}"), lines.join("\n"))
        })
        .collect();
    let reader = own(&mine);
    let mut read = Vec::new();
    let (t, d, errors) = add_to_page(&texts, &data, &reader, |_, _, file| {
        if let Some(f) = file.filter(|f| read.last() != Some(&f.to_string())) {
            read.push(f.to_string());
        }
    })
    .unwrap();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        read,
        ["mine/0", "mine/1"],
        "progress names each of the reader's files"
    );
    let (part, part_analysis) = dossier_core::page::read(&t, &d).unwrap();
    let files: Vec<&str> = part.documents.iter().map(|d| d.file.as_str()).collect();
    assert_eq!(files, ["mine/0", "mine/1"]);
    assert!(
        t.len() < texts.len(),
        "the part ({} B) is smaller than the corpus ({} B)",
        t.len(),
        texts.len()
    );
    // The corpus as the page carries it (its quotes included).
    let (corpus, analysis) = dossier_core::page::read(&texts, &data).unwrap();
    let joined = dossier_core::part::join(&corpus, &analysis, part, part_analysis);
    let docs = reader
        .iter()
        .map(|o| Document::new(o.file, o.text.to_string(), Meta::default()).unwrap());
    let whole = merge::add(corpus.clone(), analysis.clone(), docs.collect(), |_, _, _| {});
    assert_eq!(joined, whole);
    // The reader's copies name the corpus's entities, not new ones of the same names.
    let (c, a) = whole;
    assert_eq!(c.documents.len(), corpus.documents.len() + 2);
    assert!(
        a.entities.len() <= analysis.entities.len() + 2,
        "{} against {}",
        a.entities.len(),
        analysis.entities.len()
    );
}
