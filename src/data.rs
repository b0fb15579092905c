//! The corpus embedded at compile time, analysed once at start-up (in slices, with the
//! page's loading bar drawn between them, when that takes a while) and shared by every view.

use crate::url::Known;
use dossier_core::analysis::Analyser;
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
            .get_or_init(|| measured(INDEX, || Index::new(self.corpus, self.analysis)))
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

/// The app's data: built by [`load`], or else at once on first use.
pub fn data() -> &'static Data {
    if DATA.get().is_none() {
        load_in_slices(f64::INFINITY, f64::INFINITY, || ());
    }
    DATA.get().expect("the corpus is analysed")
}

static DATA: OnceLock<Data> = OnceLock::new();

/// How long the first slice of the analysis runs. The loading notice is not shown
/// before about 0.4 s (`style/main.css`), so drawing earlier would show nothing new, and
/// a corpus analysed within it (about a thousand articles here) is never paused.
const FIRST_SLICE_MS: f64 = 500.0;
/// How long each later slice runs before the browser draws the progress. Each pause
/// costs more than the frame it draws (4–20 ms here, more on a busy machine: other work
/// gets in), so there are few of them; a bar that moves four times a second still
/// shows that the work goes on.
const SLICE_MS: f64 = 250.0;

/// Analyses the embedded corpus, then calls `ready` ([`data`] has the result by then).
/// An analysis longer than one slice runs a slice at a time, so that the browser draws
/// between the slices the progress bar of `#loading` in `index.html` (which its
/// stylesheet reveals only if the wait goes on: a small corpus never shows it).
pub fn load(ready: impl FnOnce() + 'static) {
    load_in_slices(FIRST_SLICE_MS, SLICE_MS, ready);
}

/// [`load`] with a first slice of `first_ms` milliseconds and then slices of `then_ms`
/// (0: a step of the analysis each).
pub fn load_in_slices(first_ms: f64, then_ms: f64, ready: impl FnOnce() + 'static) {
    let (corpus, analyser) = begin();
    slice(first_ms, then_ms, corpus, analyser, Box::new(ready));
}

/// The corpus, with the world-knowledge tables loaded and its analysis begun.
fn begin() -> (&'static Corpus, Analyser<'static>) {
    let mut page = page_documents().into_iter();
    let from_page = move || {
        page.next()
            .expect("the page holds the corpus: serve the index.html built with this app")
    };
    let corpus: &'static Corpus = Box::leak(Box::new(embedded_corpus(from_page)));
    // The world-knowledge tables, parsed once (measured apart: a fixed start-up cost).
    measured(TABLES, dossier_core::gazetteer::Gazetteer::get);
    start(ANALYSE);
    (corpus, Analyser::new(corpus))
}

/// The documents of the page's `<template id="corpus">` (`dossier_core::page`;
/// `scripts/post-build.mjs` puts it there): file, source, covers, text. The template is
/// then removed: the app keeps the one copy it makes. None outside a page.
fn page_documents() -> Vec<(String, Option<String>, Option<String>, String)> {
    use wasm_bindgen::JsCast;
    let Some(template) = element("corpus") else {
        return Vec::new();
    };
    let text = template
        .unchecked_ref::<web_sys::HtmlTemplateElement>()
        .content()
        .text_content()
        .unwrap_or_default();
    template.remove();
    let owned = |s: Option<&str>| s.map(str::to_string);
    dossier_core::page::read(&text)
        .unwrap_or_default()
        .into_iter()
        .map(|d| (d.file.to_string(), owned(d.source), owned(d.covers), d.text))
        .collect()
}

/// Runs the analysis for `ms`, then for `then_ms` at a time after the browser has drawn
/// its progress, until it is done.
fn slice(
    ms: f64,
    then_ms: f64,
    corpus: &'static Corpus,
    mut analyser: Analyser<'static>,
    ready: Box<dyn FnOnce()>,
) {
    let end = now() + ms;
    while analyser.step() {
        if now() >= end {
            progress(analyser.progress());
            // Never dropped unfinished (only if the page closed): no code to drop it.
            let analyser = std::mem::ManuallyDrop::new(analyser);
            let next = move || {
                slice(
                    then_ms,
                    then_ms,
                    corpus,
                    std::mem::ManuallyDrop::into_inner(analyser),
                    ready,
                )
            };
            leptos::prelude::set_timeout(next, std::time::Duration::ZERO);
            return;
        }
    }
    let _ = DATA.set(analysed(corpus, analyser));
    // The app replaces the loading notice and the first look the loader drew
    // (`web/boot.js`) in the same task as it mounts: no frame shows both, or neither.
    for id in ["loading", "first-look"] {
        if let Some(shown) = element(id) {
            shown.remove();
        }
    }
    ready();
}

/// The data, once every step of `analyser` is taken.
fn analysed(corpus: &'static Corpus, analyser: Analyser<'static>) -> Data {
    let analysis: &'static Analysis = Box::leak(Box::new(analyser.finish(&embedded_curation())));
    end(ANALYSE);
    Data {
        corpus,
        analysis,
        index: OnceLock::new(),
    }
}

/// Shows the analysis's progress, (done, of), in the loading bar.
fn progress((done, of): (usize, usize)) {
    if let Some(bar) = element("loading-bar") {
        bar.set_attribute("value", &(done * 100 / of.max(1)).to_string())
            .ok();
    }
}

/// The page's element with this id.
fn element(id: &str) -> Option<web_sys::Element> {
    window()?.document()?.get_element_by_id(id)
}

/// The browser's clock, in milliseconds.
fn now() -> f64 {
    performance().map_or(0.0, |p| p.now())
}

/// A span of start-up work that the app measures: the name of its `performance.measure`
/// entry (read by `scripts/interact.mjs`, shown in the browser's profiler) and of the
/// mark at its start.
type Span = (&'static str, &'static str);
const TABLES: Span = ("dossier:tables", "dossier:tables:start");
const ANALYSE: Span = ("dossier:analyse", "dossier:analyse:start");
const INDEX: Span = ("dossier:index", "dossier:index:start");

/// Runs `f` and, in the browser, records how long it took as `span`.
fn measured<T>(span: Span, f: impl FnOnce() -> T) -> T {
    start(span);
    let out = f();
    end(span);
    out
}

/// In the browser, marks the start of `span`.
fn start((_, mark): Span) {
    if let Some(p) = performance() {
        let _ = p.mark(mark);
    }
}

/// In the browser, records the time since the start of `span`.
fn end((name, mark): Span) {
    if let Some(p) = performance() {
        let _ = p.measure_with_start_mark(name, mark);
    }
}

/// The browser's performance timeline.
fn performance() -> Option<web_sys::Performance> {
    window()?.performance()
}

/// The browser window: none when the app's code runs natively, in tests.
fn window() -> Option<web_sys::Window> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window()
    } else {
        None
    }
}
