//! Shared by the query tests and the query bench: a large corpus made from the seeds.

#![allow(dead_code)]

use dossier_core::analysis::{Analysis, Block, DocAnalysis};
use dossier_core::corpus::{load_dir, Corpus, Document};
use dossier_core::Zone;
use std::path::PathBuf;

/// The seed corpus and its analysis.
pub fn seeds() -> (Corpus, Analysis) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let c = load_dir(&dir).expect("the seeds load");
    let a = dossier_core::analyse(&c);
    (c, a)
}

/// `n` documents cycling through the seeds, each with a last line `Marker wNNNNN` (its
/// number) as an extra body block, and the seeds' analysis copied: a corpus of any size
/// whose right answers follow from the seeds'.
pub fn replicate(seeds: &Corpus, analysis: &Analysis, n: usize) -> (Corpus, Analysis) {
    let mut docs = Vec::with_capacity(n);
    let mut das = Vec::with_capacity(n);
    for i in 0..n {
        let (d, da) = (
            &seeds.documents[i % seeds.documents.len()],
            &analysis.docs[i % seeds.documents.len()],
        );
        let base = d.text.trim_end().len();
        let text = format!("{}\nMarker {}", &d.text[..base], marker(i));
        let mut da = da.clone();
        let range = base + 1..text.len();
        da.blocks.push(Block {
            range: range.clone(),
            zone: Zone::Body,
        });
        da.sentences.push(range);
        docs.push(Document::new(format!("{i:05}_{}", d.file), text, d.meta.clone()).expect("text"));
        das.push(da);
    }
    let corpus = Corpus::new(docs);
    let dates = dossier_core::resolve::date_mentions(&corpus, &das);
    let analysis = Analysis {
        docs: das,
        entities: analysis.entities.clone(),
        dates,
    };
    (corpus, analysis)
}

/// The unique word of replicated document `i`.
pub fn marker(i: usize) -> String {
    format!("w{i:05}")
}

/// The documents whose analysis mentions `entity`, in the article proper unless `all_zones`.
pub fn docs_mentioning(a: &Analysis, entity: usize, all_zones: bool) -> Vec<usize> {
    (0..a.docs.len())
        .filter(|&d| {
            let da: &DocAnalysis = &a.docs[d];
            da.mentions
                .iter()
                .any(|m| m.entity == entity && (all_zones || da.blocks[m.block].zone.is_article()))
        })
        .collect()
}
