//! `analyse(texts)`: the whole analysis of the given documents, as the app runs it at
//! start-up. Returns the number of mentions, so the work cannot be optimised away.

use dossier_core::corpus::{Corpus, Document, Meta};
use wasm_bindgen::prelude::*;

/// Analyses one document per element of `texts`.
#[wasm_bindgen]
pub fn analyse(texts: Vec<String>) -> usize {
    let docs = texts
        .into_iter()
        .enumerate()
        .filter_map(|(i, t)| Document::new(format!("{i:05}.txt"), t, Meta::default()).ok())
        .collect();
    let a = dossier_core::analyse(&Corpus::new(docs));
    a.docs.iter().map(|d| d.mentions.len()).sum()
}
