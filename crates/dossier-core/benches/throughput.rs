//! Extraction throughput on the seed corpus repeated to at least 10 MB (native).
//!
//! `cargo bench -p dossier-core --bench throughput` prints MB/s for the whole analysis
//! (zones, sentences, recognition, grouping). With `DOSSIER_BENCH_CORPUS=<folder>` it
//! also measures that folder, e.g. the 2,000-article corpus of `scripts/gen-corpus.py`
//! (repeating the seeds makes every later copy meet only people already known; a
//! generated corpus varies names). A plain `harness = false` bench: no dependencies.

use dossier_core::corpus::{load_dir, Corpus, Document, Meta};
use dossier_core::Curation;
use std::time::Instant;

fn measure(what: &str, corpus: &Corpus) {
    let bytes: usize = corpus.documents.iter().map(|d| d.text.len()).sum();
    let mut best = f64::MAX;
    for _ in 0..3 {
        let t = Instant::now();
        let a = dossier_core::analyse_with(corpus, &Curation::default());
        let s = t.elapsed().as_secs_f64();
        assert!(!a.entities.is_empty());
        best = best.min(s);
    }
    let mb = bytes as f64 / (1024.0 * 1024.0);
    println!(
        "{what}: analysed {mb:.1} MB ({} documents) in {best:.2} s: {:.1} MB/s",
        corpus.documents.len(),
        mb / best
    );
    // The share of the work done in the steps an app can interleave with drawing its
    // progress (`Analyser::step`), and what is left for one call at the end.
    let (mut steps, mut finish) = (f64::MAX, f64::MAX);
    for _ in 0..3 {
        let t = Instant::now();
        let mut analyser = dossier_core::analysis::Analyser::new(corpus);
        let mut longest = 0f64;
        loop {
            let s = Instant::now();
            if !analyser.step() {
                break;
            }
            longest = longest.max(s.elapsed().as_secs_f64());
        }
        let stepped = t.elapsed().as_secs_f64();
        let a = analyser.finish(&Curation::default());
        assert!(!a.entities.is_empty());
        if stepped < steps {
            println!("  longest step {:.1} ms", longest * 1e3);
        }
        steps = steps.min(stepped);
        finish = finish.min(t.elapsed().as_secs_f64() - stepped);
    }
    println!(
        "  in steps {:.2} s ({:.0}%), then finish {:.2} s",
        steps,
        100.0 * steps / (steps + finish),
        finish
    );
}

fn main() {
    let seeds =
        load_dir(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")).expect("seeds");
    let one: usize = seeds.documents.iter().map(|d| d.text.len()).sum();
    let copies = (10 * 1024 * 1024) / one + 1;
    let corpus = Corpus::new(
        (0..copies)
            .flat_map(|i| {
                seeds.documents.iter().map(move |d| {
                    Document::new(format!("{i:05}_{}", d.file), d.text.clone(), Meta::default()).unwrap()
                })
            })
            .collect(),
    );
    // Warm the tables once.
    let _ = dossier_core::analyse_with(&seeds, &Curation::default());
    measure(&format!("seeds ×{copies}"), &corpus);
    if let Some(dir) = std::env::var_os("DOSSIER_BENCH_CORPUS") {
        let c = load_dir(std::path::Path::new(&dir)).expect("DOSSIER_BENCH_CORPUS");
        measure(&dir.to_string_lossy(), &c);
    }
}
