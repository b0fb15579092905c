//! How long `add_to_page` (the worker's `add_documents`) takes natively, by the size of
//! the reader's text and of the corpus, and its parts: the session's start (the page
//! read, the corpus's passes: once a worker), the document's analysis, the part written,
//! and the app's read and join of the part (its main-thread work: `src/data.rs`); then
//! how long adding one small document takes after 0, 10 and 50 added, in one session
//! (docs/performance.md, "The reader's own documents").
//!
//!     cargo run --release -p dossier-engine --example add_bench -- [corpus folder]
//!
//! The reader's text is the corpus's paragraphs in turn, numbered (as
//! `scripts/bench-own.mjs` makes it), one file; each figure is the best of three runs.

use dossier_core::corpus::{Corpus, Document, Meta};
use dossier_engine::{add_to_page, Own, Session};
use std::time::Instant;

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "seeds".into());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("a corpus folder")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let docs: Vec<Document> = files
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            Document::new(name, std::fs::read_to_string(p).unwrap(), Meta::default()).unwrap()
        })
        .collect();
    let paras: Vec<String> = docs
        .iter()
        .flat_map(|d| {
            d.text
                .lines()
                .skip(1)
                .map(str::trim)
                .filter(|l| l.len() > 80)
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .collect();
    let corpus = Corpus::new(docs);
    let size: usize = corpus.documents.iter().map(|d| d.text.len()).sum();
    let t = Instant::now();
    let analysis = dossier_core::analyse(&corpus);
    println!(
        "corpus {dir}: {} documents, {size} bytes, analysed alone in {:.0} ms",
        corpus.documents.len(),
        t.elapsed().as_secs_f64() * 1e3
    );
    let (texts, data) = dossier_core::page::write_parts(&corpus, &analysis).unwrap();
    let analysis_of_page = analysis;
    for kb in [0, 250, 500, 1000, 2000] {
        let mut text = String::from("A long read\n\n");
        for (i, p) in paras.iter().cycle().enumerate() {
            if text.len() >= kb * 1000 {
                break;
            }
            text.push_str(&format!("{i}. {p}\n\n"));
        }
        let own = [Own {
            file: "mine/long.txt",
            title: "",
            date: "",
            text: &text,
        }];
        let best = (0..3)
            .map(|_| {
                let t = Instant::now();
                add_to_page(&texts, &data, &own, |_, _, _| {}).unwrap();
                t.elapsed().as_secs_f64() * 1e3
            })
            .fold(f64::MAX, f64::min);
        let t = Instant::now();
        let mut session = Session::new(&texts, &data, |_, _| {}).unwrap();
        let start = t.elapsed().as_secs_f64() * 1e3;
        let t = Instant::now();
        session.update(&own, |_, _, _| {});
        let analysis = t.elapsed().as_secs_f64() * 1e3;
        let t = Instant::now();
        let (part_texts, part_data) = session.part().unwrap();
        let part = t.elapsed().as_secs_f64() * 1e3;
        let (read, join) = read_and_join(&corpus, &analysis_of_page, &part_texts, &part_data);
        println!(
            "reader's text {:>7} bytes: add_to_page {best:>6.0} ms (once: session {start:.0} ms, analysis {analysis:.0} ms, part {part:.0} ms, {} + {} bytes); the app's read {read:.1} ms, join {join:.1} ms",
            text.len(),
            part_texts.len(),
            part_data.len()
        );
    }
    one_small_after_many(&texts, &data, &paras);
}

/// What the app does with the part on the main thread (`src/data.rs`: `with_part`): ms to
/// read it (`page::read`), and to join it to the page's corpus (`part::join`).
fn read_and_join(corpus: &Corpus, analysis: &dossier_core::Analysis, texts: &str, data: &str) -> (f64, f64) {
    let t = Instant::now();
    let (c, a) = dossier_core::page::read(texts, data).unwrap();
    let read = t.elapsed().as_secs_f64() * 1e3;
    let t = Instant::now();
    let whole = dossier_core::part::join(corpus, analysis, c, a);
    let join = t.elapsed().as_secs_f64() * 1e3;
    drop(whole);
    (read, join)
}

/// Adding one small document to a session after `n` others (each about 3 KB).
fn one_small_after_many(texts: &str, data: &str, paras: &[String]) {
    let mut session = Session::new(texts, data, |_, _| {}).unwrap();
    let docs: Vec<(String, String)> = (0..=50)
        .map(|i| {
            let body: Vec<&str> = paras
                .iter()
                .cycle()
                .skip(i * 7)
                .take(8)
                .map(String::as_str)
                .collect();
            (
                format!("mine/{i:03}"),
                format!("Note {i}\n\n{}", body.join("\n\n")),
            )
        })
        .collect();
    let own: Vec<Own> = (docs.iter())
        .map(|(file, text)| Own {
            file,
            title: "",
            date: "",
            text,
        })
        .collect();
    for n in [0, 10, 50] {
        session.update(&own[..n], |_, _, _| {});
        let small = Own {
            file: "mine/zz-small",
            text: "Short\n\nPutin spoke in Moscow on Monday.",
            ..own[0].clone()
        };
        let mut with: Vec<Own> = own[..n].to_vec();
        with.push(small);
        let t = Instant::now();
        session.update(&with, |_, _, _| {});
        let ms = t.elapsed().as_secs_f64() * 1e3;
        let t = Instant::now();
        session.part().unwrap();
        println!(
            "a small document added after {n:>2} others: analysis {ms:.1} ms, the part written {:.1} ms",
            t.elapsed().as_secs_f64() * 1e3
        );
    }
}
