//! Large and odd corpora: one article of 2 MB, 2,000 short articles, an article with no
//! entities, titles that repeat. The analysis completes and keeps its contract (see
//! `contract`): counts add up, ids are unique. The data is generated here, not stored.

mod common;
mod contract;

use dossier_core::corpus::{Corpus, Document, Meta};
use dossier_core::{analyse, value_key, Analysis, Label};

fn seed_texts() -> Vec<String> {
    common::seeds()
        .0
        .documents
        .into_iter()
        .map(|d| d.text.into_owned())
        .collect()
}

fn analysed(docs: Vec<Document>) -> (Corpus, Analysis) {
    let c = Corpus::new(docs);
    let a = analyse(&c);
    if let Err(e) = contract::contract(&c, &a) {
        panic!("{e}");
    }
    (c, a)
}

fn doc(file: &str, text: &str) -> Document {
    Document::new(file, text.to_string(), Meta::default()).unwrap()
}

#[test]
fn one_article_of_two_megabytes_is_analysed_whole() {
    let seeds = seed_texts();
    let body = seeds.join("\n\n");
    let mut text = String::from("A very long article\n\n");
    while text.len() < 2 << 20 {
        text.push_str(&body);
        text.push_str("\n\n");
    }
    let (c, a) = analysed(vec![doc("big.txt", &text)]);
    assert!(c.documents[0].text.len() >= 2 << 20);
    let da = &a.docs[0];
    // The last block ends near the end of the text: nothing was cut off.
    assert!(da.blocks.last().unwrap().range.end + 2 >= text.trim_end().len());
    // The seeds' people are found all the way through, from the first copy to the last.
    let putin = a
        .entities
        .iter()
        .find(|e| e.id == "person-vladimir-putin")
        .expect("Putin");
    let copies = text.matches("Putin").count();
    assert!(
        putin.mentions * 10 >= copies * 8,
        "{} of {copies} Putins",
        putin.mentions
    );
    let last = da.mentions.last().unwrap().range.end;
    assert!(
        last > text.len() - body.len(),
        "mentions stop at {last} of {}",
        text.len()
    );
}

#[test]
fn two_thousand_short_articles_are_analysed() {
    let seeds = seed_texts();
    let paragraphs: Vec<&str> = seeds
        .iter()
        .flat_map(|t| t.lines())
        .filter(|l| l.split_whitespace().count() > 6)
        .collect();
    let docs: Vec<Document> = (0..2000)
        .map(|i| {
            let p = paragraphs[i * 7 % paragraphs.len()];
            let q = paragraphs[(i * 13 + 5) % paragraphs.len()];
            doc(
                &format!("{i:04}.txt"),
                &format!("Short article {i}\n\n{p}\n{q}\n"),
            )
        })
        .collect();
    let (c, a) = analysed(docs);
    assert_eq!(c.documents.len(), 2000);
    assert_eq!(a.docs.len(), 2000);
    assert!(a.entities.len() > 20, "{} entities", a.entities.len());
    let mentions: usize = a.docs.iter().map(|d| d.mentions.len()).sum();
    assert!(mentions > 2000, "{mentions} mentions");
    // The file order is kept.
    assert!(c.documents.windows(2).all(|w| w[0].file < w[1].file));
}

#[test]
fn an_article_without_entities_has_none() {
    let text = "a quiet day\n\nnothing happened here, and nobody said anything about it.\nthe end.\n";
    let (_, a) = analysed(vec![doc("quiet.txt", text)]);
    assert!(a.docs[0].mentions.is_empty(), "{:?}", a.docs[0].mentions);
    assert!(a.entities.is_empty());
    assert!(!a.docs[0].blocks.is_empty() && !a.docs[0].sentences.is_empty());
}

#[test]
fn an_article_without_entities_among_others_changes_nothing_for_them() {
    let seeds = seed_texts();
    let mut docs: Vec<Document> = seeds
        .iter()
        .enumerate()
        .map(|(i, t)| doc(&format!("{i}.txt"), t))
        .collect();
    let (_, before) = analysed(docs.clone());
    docs.push(doc("zz-quiet.txt", "a quiet day\n\nnothing happened.\n"));
    let (_, after) = analysed(docs);
    assert!(after.docs.last().unwrap().mentions.is_empty());
    assert_eq!(before.docs[..], after.docs[..before.docs.len()]);
    assert_eq!(before.entities, after.entities);
}

#[test]
fn repeated_titles_stay_separate_articles() {
    let seeds = seed_texts();
    let docs: Vec<Document> = (0..60)
        .map(|i| {
            let body = seeds[i % seeds.len()]
                .lines()
                .skip(1)
                .collect::<Vec<_>>()
                .join("\n");
            doc(&format!("{i:02}.txt"), &format!("Putin Visits China\n\n{body}\n"))
        })
        .collect();
    let (c, a) = analysed(docs);
    assert_eq!(c.documents.len(), 60);
    assert!(c.documents.iter().all(|d| d.title == "Putin Visits China"));
    let files: std::collections::HashSet<_> = c.documents.iter().map(|d| &d.file).collect();
    assert_eq!(files.len(), 60);
    // The title's "Putin" is the same person in every article.
    let putin = a
        .entities
        .iter()
        .find(|e| e.id == "person-vladimir-putin")
        .expect("Putin");
    assert_eq!(putin.documents, 60);
}

#[test]
fn identical_articles_under_different_names_count_twice() {
    let seeds = seed_texts();
    let (_, one) = analysed(vec![doc("a.txt", &seeds[0])]);
    let (_, two) = analysed(vec![doc("a.txt", &seeds[0]), doc("b.txt", &seeds[0])]);
    // A date tied to the time of writing ("this week"), or without a year in an undated
    // article, is each article's own (dossier_core::value_key): twice the entities.
    let own = |e: &&dossier_core::Entity| {
        let key = dossier_core::case::lower_str(&e.canonical);
        e.label == Label::Date && value_key::date_scope(&key, None) == value_key::Scope::Document
    };
    let (d0, d1) = (&two.docs[0], &two.docs[1]);
    assert_eq!((&d0.blocks, &d0.sentences), (&d1.blocks, &d1.sentences));
    assert_eq!(d0.mentions.len(), d1.mentions.len());
    for (m0, m1) in d0.mentions.iter().zip(&d1.mentions) {
        assert_eq!((&m0.range, m0.label, m0.block), (&m1.range, m1.label, m1.block));
        assert_eq!(m0.entity == m1.entity, !own(&&two.entities[m0.entity]));
    }
    let two_own: Vec<_> = two.entities.iter().filter(own).collect();
    assert_eq!(one.entities.iter().filter(own).count() * 2, two_own.len());
    assert!(two_own.iter().all(|e| e.documents == 1));
    let (one, two): (Vec<_>, Vec<_>) = (
        one.entities.iter().filter(|e| !own(e)).collect(),
        two.entities.iter().filter(|e| !own(e)).collect(),
    );
    assert_eq!(one.len(), two.len());
    for (e1, e2) in one.iter().zip(&two) {
        assert_eq!(
            (e1.id.as_str(), e1.mentions * 2, 2),
            (e2.id.as_str(), e2.mentions, e2.documents)
        );
    }
}
