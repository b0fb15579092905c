//! Adding the reader's documents one at a time: a [`Session`] that adds each document
//! to those it holds gives exactly what adding them all at once gives; each document's
//! analysis is what analysing the corpus and that document together from scratch gives
//! it (its mentions, and the names of their entities); and adding one small document
//! takes the same work (the bytes of the documents read, and the analysis's steps)
//! however many were added before: the documents kept are neither read nor analysed
//! again.

mod common;

use common::{own, seeds};
use dossier_core::corpus::{Corpus, Document, Meta};
use dossier_engine::{add_to_page, Session};

/// Texts of the reader's, written for this test: people, places and bodies the seeds
/// name (some by a short form only), and some they do not.
const TEXTS: [(&str, &str); 4] = [
    (
        "mine/briefing",
        "Briefing on the summit\n\nPutin told reporters in Moscow that talks with Xi had gone well. \
         The Kremlin said a trade deal would follow, according to Dmitry Peskov.",
    ),
    (
        "mine/column",
        "A column\n\nOrsolya Vancsik, an economist in Budapest, wrote that Beijing needs Russian gas. \
         Vancsik said the pipeline would be finished by 2030.",
    ),
    (
        "mine/note",
        "Note\n\nXi Jinping and Vladimir Putin met again on Thursday, officials in Beijing said.",
    ),
    (
        "mine/letter",
        "Letter to the editor\n\nMs. Vancsik is wrong about gas, writes Tamas Ember from Szeged.",
    ),
];

fn page() -> (String, String) {
    let corpus = seeds();
    dossier_core::page::write_parts(&corpus, &dossier_core::analyse(&corpus)).unwrap()
}

#[test]
fn adding_documents_one_at_a_time_equals_adding_them_at_once() {
    let (texts, data) = page();
    let mut session = Session::new(&texts, &data, |_, _| {}).unwrap();
    for n in 1..=TEXTS.len() {
        let (errors, _) = session.update(&own(&TEXTS[..n]), |_, _, _| {});
        assert!(errors.is_empty(), "{errors:?}");
    }
    let at_once = add_to_page(&texts, &data, &own(&TEXTS), |_, _, _| {}).unwrap();
    let (t, d) = session.part().unwrap();
    assert_eq!((t, d), (at_once.0, at_once.1));
    // One removed: the others are analysed again, as if added so.
    let without: Vec<_> = [TEXTS[0], TEXTS[2], TEXTS[3]].into();
    session.update(&own(&without), |_, _, _| {});
    let at_once = add_to_page(&texts, &data, &own(&without), |_, _, _| {}).unwrap();
    assert_eq!(session.part().unwrap(), (at_once.0, at_once.1));
}

#[test]
fn each_document_is_analysed_as_with_the_corpus_from_scratch() {
    let (texts, data) = page();
    let names = |a: &dossier_core::Analysis, di: usize, text: &str| -> Vec<(String, String)> {
        (a.docs[di].mentions.iter())
            .map(|m| {
                (
                    text[m.range.clone()].to_string(),
                    a.entities[m.entity].canonical.clone(),
                )
            })
            .collect()
    };
    for (file, text) in TEXTS {
        let (t, d, _) = add_to_page(&texts, &data, &own(&[(file, text)]), |_, _, _| {}).unwrap();
        let (_, part_analysis) = dossier_core::page::read(&t, &d).unwrap();
        // From scratch: the seeds and this one document analysed together.
        let mut docs = seeds().documents;
        docs.push(Document::new(file, text.to_string(), Meta::default()).unwrap());
        let corpus = Corpus::new(docs);
        let whole = dossier_core::analyse(&corpus);
        let at = corpus.documents.iter().position(|d| d.file == file).unwrap();
        assert_eq!(names(&part_analysis, 0, text), names(&whole, at, text), "{file}");
        assert_eq!(part_analysis.docs[0].blocks, whole.docs[at].blocks, "{file}");
    }
    // Together, "Putin" alone is the corpus's Vladimir Putin, and the letter's
    // "Vancsik" the person the column introduced.
    let (t, d, _) = add_to_page(&texts, &data, &own(&TEXTS), |_, _, _| {}).unwrap();
    let (part, a) = dossier_core::page::read(&t, &d).unwrap();
    let of = |file: &str| {
        let di = part.documents.iter().position(|d| d.file == file).unwrap();
        names(&a, di, &part.documents[di].text)
    };
    assert!(of("mine/briefing").contains(&("Putin".into(), "Vladimir Putin".into())));
    assert!(of("mine/letter").contains(&("Vancsik".into(), "Orsolya Vancsik".into())));
}

#[test]
fn adding_a_small_document_costs_the_same_after_many() {
    let (texts, data) = page();
    let small = ("mine/zz-small", "Short\n\nPutin spoke in Moscow on Monday.");
    let work_after = |before: usize| {
        let mut session = Session::new(&texts, &data, |_, _| {}).unwrap();
        // Earlier documents: the seeds' articles again, as the reader's.
        let earlier: Vec<(String, String)> = (0..before)
            .map(|i| {
                let d = &seeds().documents[i % 5];
                (format!("mine/{i:03}"), d.text.to_string())
            })
            .collect();
        let mut all = own(&earlier);
        session.update(&all, |_, _, _| {});
        all.extend(own(std::slice::from_ref(&small)));
        let (errors, work) = session.update(&all, |_, _, _| {});
        assert!(errors.is_empty(), "{errors:?}");
        work
    };
    let alone = work_after(0);
    assert!(alone > 0);
    assert_eq!(work_after(10), alone);
}
