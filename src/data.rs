//! The corpus embedded at compile time, analysed once and shared by every view.

use dossier_core::corpus::Corpus;
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/corpus.rs"));

/// Everything the views read: built once at start-up, never changed.
#[derive(Debug)]
pub struct Data {
    /// The embedded corpus.
    pub corpus: Corpus,
}

/// The app's data, built on first use.
pub fn data() -> &'static Data {
    static DATA: OnceLock<Data> = OnceLock::new();
    DATA.get_or_init(|| Data {
        corpus: embedded_corpus(),
    })
}
