//! The corpus embedded at compile time, analysed once and shared by every view.

use crate::url::Known;
use dossier_core::corpus::Corpus;
use dossier_core::index::Index;
use dossier_core::Analysis;
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/corpus.rs"));

/// Everything the views read: built once at start-up, never changed (so it lives for
/// the whole page, and the index can borrow the corpus and its analysis).
#[derive(Debug)]
pub struct Data {
    /// The embedded corpus.
    pub corpus: &'static Corpus,
    /// Its analysis: zones, sentences, mentions, entities.
    pub analysis: &'static Analysis,
    /// The inverted index that answers searches and filters: see [`Data::index`].
    index: OnceLock<Index<'static>>,
}

impl Data {
    /// The inverted index that answers searches and filters, built on first use: the
    /// article in the reader needs only the analysis, so it reaches the screen before
    /// the index is built for the lists beside it.
    pub fn index(&self) -> &Index<'static> {
        self.index
            .get_or_init(|| measured("dossier:index", || Index::new(self.corpus, self.analysis)))
    }

    /// The index of the document stored in `file`.
    pub fn doc_index(&self, file: &str) -> Option<usize> {
        self.corpus.documents.iter().position(|d| d.file == file)
    }

    /// The index of the entity with this id.
    pub fn entity_index(&self, id: &str) -> Option<usize> {
        self.analysis.entity(id).map(|(i, _)| i)
    }
}

impl Known for Data {
    fn doc(&self, file: &str) -> bool {
        self.corpus.get(file).is_some()
    }
    fn entity(&self, id: &str) -> bool {
        self.analysis.entity(id).is_some()
    }
}

/// The app's data, built on first use.
pub fn data() -> &'static Data {
    static DATA: OnceLock<Data> = OnceLock::new();
    DATA.get_or_init(|| {
        let corpus: &'static Corpus = Box::leak(Box::new(embedded_corpus()));
        // The world-knowledge tables, parsed once (measured apart: a fixed start-up cost).
        measured("dossier:tables", dossier_core::gazetteer::Gazetteer::get);
        let analysis: &'static Analysis = Box::leak(Box::new(measured("dossier:analyse", || {
            dossier_core::analysis::analyse_with(corpus, &embedded_curation())
        })));
        Data {
            corpus,
            analysis,
            index: OnceLock::new(),
        }
    })
}

/// Runs `f` and, in the browser, records how long it took as a `performance.measure`
/// entry named `name` (read by `scripts/interact.mjs`, shown in the browser's profiler).
fn measured<T>(name: &str, f: impl FnOnce() -> T) -> T {
    #[cfg(target_arch = "wasm32")]
    {
        let perf = web_sys::window().and_then(|w| w.performance());
        let start = format!("{name}:start");
        if let Some(p) = &perf {
            let _ = p.mark(&start);
        }
        let out = f();
        if let Some(p) = &perf {
            let _ = p.measure_with_start_mark(name, &start);
        }
        out
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = name;
        f()
    }
}
