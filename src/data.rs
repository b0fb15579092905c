//! The corpus and its analysis, read once at start-up from the page (`dossier page`
//! analysed them at build time: `dossier_core::page`) and shared by every view. The app
//! never runs the recogniser on the embedded corpus. When the reader adds documents of
//! their own, the engine worker gives their part, in the same format, which joined to the
//! page's data ([`page_data`]) replaces the data ([`replace`]; `crate::own`).

use crate::url::Known;
use dossier_core::corpus::Corpus;
use dossier_core::index::{Building, Index};
use dossier_core::page::PageError;
use dossier_core::Analysis;
use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

/// Everything the views read: built once at start-up, never changed (so it lives for
/// the whole page, and the index can borrow the corpus and its analysis).
#[derive(Debug)]
pub struct Data {
    /// The embedded corpus.
    pub corpus: &'static Corpus,
    /// Its analysis: zones, sentences, mentions, entities, dates.
    pub analysis: &'static Analysis,
    /// The inverted index that answers searches and filters: see [`Data::index`].
    index: OnceLock<Index<'static>>,
    /// How many of the documents are the reader's own ([`crate::own::is_own`]).
    pub own: usize,
    /// Each document's word count once counted (`usize::MAX` until then): see
    /// [`Data::word_count`].
    words: Vec<AtomicUsize>,
}

impl Data {
    /// The data of `corpus` and its `analysis`, kept for the rest of the page's life.
    pub fn new(corpus: Corpus, analysis: Analysis) -> Data {
        let own = corpus
            .documents
            .iter()
            .filter(|d| crate::own::is_own(&d.file))
            .count();
        Data {
            own,
            words: corpus
                .documents
                .iter()
                .map(|_| AtomicUsize::new(usize::MAX))
                .collect(),
            corpus: Box::leak(Box::new(corpus)),
            analysis: Box::leak(Box::new(analysis)),
            index: OnceLock::new(),
        }
    }

    /// The inverted index that answers searches and filters, built on first use (what
    /// [`Data::build_index`] has built of it kept): the article in the reader needs only
    /// the analysis, so it reaches the screen before the index is built for the lists
    /// beside it.
    pub fn index(&self) -> &Index<'static> {
        match self.index.get() {
            Some(index) => index,
            None => self.finish(self.building()),
        }
    }

    /// Builds the index for about `ms` milliseconds more, a slice of `SLICE` bytes of
    /// text at a time; true once it is built. Called once a task, so that the browser
    /// draws and answers the reader between the calls: no task is as long as the whole
    /// build, which grows with the text (docs/performance.md, "The reader's own
    /// documents"). Natively, with no clock, the whole index at once.
    pub fn build_index(&self, ms: f64) -> bool {
        if self.index.get().is_some() {
            return true;
        }
        let now = || performance().map_or(0.0, |p| p.now());
        let start = now();
        let mut building = self.building();
        while !building.step(SLICE) {
            if now() - start > ms {
                BUILDING.set(Some((self, building)));
                return false;
            }
        }
        self.finish(building);
        true
    }

    /// The index being built ([`Data::build_index`]), or one to build, its start marked.
    fn building(&self) -> Building<'static> {
        match BUILDING.take() {
            Some((d, b)) if std::ptr::eq(d, self) => b,
            _ => {
                start(INDEX);
                Building::new(self.corpus, self.analysis)
            }
        }
    }

    /// The index, `building` finished: the one place it is kept and measured (`INDEX`
    /// spans the build from its start mark, over however many slices it took).
    fn finish(&self, building: Building<'static>) -> &Index<'static> {
        self.index.get_or_init(|| {
            let index = building.finish();
            end(INDEX);
            index
        })
    }

    /// Counts the words of the reader's documents for about `ms` milliseconds, a few
    /// paragraphs at a time; true once all are counted. Called a task at a time after the
    /// index is built ([`Data::build_index`]): a reader's document may be megabytes, and
    /// counting it whole when its row is first drawn made the lists' task a long one.
    /// The page's articles are counted as they are drawn ([`Data::word_count`]).
    pub fn count_own_words(&self, ms: f64) -> bool {
        let now = || performance().map_or(0.0, |p| p.now());
        let start = now();
        let (mut doc, mut para, mut sum) = match COUNTING.take() {
            Some((d, at)) if std::ptr::eq(d, self) => at,
            _ => (0, 0, 0),
        };
        while let Some(d) = self.corpus.documents.get(doc) {
            if crate::own::is_own(&d.file) && self.words[doc].load(Ordering::Relaxed) == usize::MAX {
                for r in &d.paragraphs[para..] {
                    sum += dossier_core::corpus::count_words(&d.text[r.clone()]);
                    para += 1;
                    if para % 16 == 0 && now() - start > ms {
                        COUNTING.set(Some((self, (doc, para, sum))));
                        return false;
                    }
                }
                self.words[doc].store(sum, Ordering::Relaxed);
            }
            (doc, para, sum) = (doc + 1, 0, 0);
        }
        true
    }

    /// Whether the index is built ([`Data::build_index`]).
    pub fn indexed(&self) -> bool {
        self.index.get().is_some()
    }

    /// The number of words of document `doc`, counted the first time it is asked for
    /// (for the reader's documents, before: [`Data::count_own_words`]); its row in the
    /// list is drawn again each time the search changes.
    pub fn word_count(&self, doc: usize) -> usize {
        let kept = &self.words[doc];
        match kept.load(Ordering::Relaxed) {
            usize::MAX => {
                let n = self.corpus.documents[doc].word_count();
                kept.store(n, Ordering::Relaxed);
                n
            }
            n => n,
        }
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

/// The app's data, once [`load`] has read it.
pub fn data() -> &'static Data {
    DATA.get().expect("the app starts once the page's corpus is read")
}

/// The page's own data, as [`load`] read it: the corpus without the reader's documents.
pub fn page_data() -> &'static Data {
    PAGE.get().unwrap_or_else(data)
}

/// The data of `page` with the reader's documents' part (`texts` and `data`, the page
/// format) joined to it, or `page` itself when `texts` is empty; `Err` says why the part
/// cannot be read. Read at once: [`Joining`] reads it a slice at a time.
pub fn with_part(page: &'static Data, texts: &str, data: &str) -> Result<&'static Data, String> {
    if texts.is_empty() {
        return Ok(page);
    }
    let mut joining = Joining::new(page, texts.into(), data.into())?;
    while !joining.step(f64::INFINITY)? {}
    Ok(joining.finish())
}

/// The part's two texts from their UTF-8 bytes, as the engine worker gives them, or why not.
pub fn part_texts(texts: Vec<u8>, data: Vec<u8>) -> Result<(String, String), String> {
    match (String::from_utf8(texts), String::from_utf8(data)) {
        (Ok(texts), Ok(data)) => Ok((texts, data)),
        _ => Err("the part is not UTF-8".to_string()),
    }
}

/// The reader's documents' part (the page format, `dossier_core::part`) being read a
/// slice at a time and joined to the page's data: a part may be megabytes, which read in
/// one task would keep the browser from drawing and answering the reader for as long
/// (docs/performance.md, "The reader's own documents"). Used by the app (`crate::own`)
/// and by the on-demand views, each for the data it holds.
pub struct Joining {
    page: &'static Data,
    reading: dossier_core::page::Reading<'static>,
}

impl Joining {
    /// Starts reading the part `texts` and `data` for `page`, or says why it cannot be.
    pub fn new(page: &'static Data, texts: String, data: String) -> Result<Joining, String> {
        let reading =
            dossier_core::page::Reading::new(texts.into(), data.into()).map_err(|e| e.to_string())?;
        Ok(Joining { page, reading })
    }

    /// Reads on for about `ms` milliseconds, 8 KB (`SLICE`) between two looks at the
    /// clock (natively, with no clock, all at once); true once all is read, or why the
    /// part cannot be read.
    pub fn step(&mut self, ms: f64) -> Result<bool, String> {
        let now = || performance().map_or(0.0, |p| p.now());
        let start = now();
        loop {
            if self.reading.step(SLICE).map_err(|e| e.to_string())? {
                return Ok(true);
            }
            if now() - start > ms {
                return Ok(false);
            }
        }
    }

    /// The page's data with the part joined to it, once [`Joining::step`] said all is read.
    pub fn finish(self) -> &'static Data {
        let (c, a) = self.reading.finish();
        let (c, a) = dossier_core::part::join(self.page.corpus, self.page.analysis, c, a);
        Box::leak(Box::new(Data::new(c, a)))
    }
}

/// Starts joining the reader's documents' part (`texts` and `data`, UTF-8 bytes as the
/// engine worker gives them) to `page()`, the module's own data, a slice at a time: then
/// [`join_more`] a task at a time until it is read; none when `texts` is empty, and
/// `done(page())` at once. The app (`crate::own`) and the on-demand views each join the
/// part to the data they hold. Returns an empty string, or why the part cannot be read
/// (the data is then left as it was).
pub fn join_start(
    page: impl FnOnce() -> &'static Data,
    texts: Vec<u8>,
    data: Vec<u8>,
    done: impl FnOnce(&'static Data),
) -> String {
    if texts.is_empty() {
        JOINING.set(None);
        done(page());
        return String::new();
    }
    match part_texts(texts, data).and_then(|(t, d)| Joining::new(page(), t, d)) {
        Ok(joining) => {
            JOINING.set(Some(joining));
            String::new()
        }
        Err(e) => e,
    }
}

/// Reads on what [`join_start`] started for about `ms` milliseconds: none while there is
/// more to read; then an empty string once all is read (and `done` was given the data
/// with the part), or why it cannot be read.
pub fn join_more(ms: f64, done: impl FnOnce(&'static Data)) -> Option<String> {
    let Some(mut joining) = JOINING.take() else {
        return Some(String::new());
    };
    match joining.step(ms) {
        Ok(false) => {
            JOINING.set(Some(joining));
            None
        }
        Ok(true) => {
            done(joining.finish());
            Some(String::new())
        }
        Err(e) => Some(e),
    }
}

/// Makes `new` the app's data. The views are mounted again to show it (`crate::own`);
/// the data they read before stays allocated, as views still being dropped may read it.
pub fn replace(new: &'static Data) {
    DATA.set(Some(new));
}

/// Where counting words stopped: the document, its next paragraph, its words so far.
type Counted = (usize, usize, usize);

/// The bytes of text indexed, or read ([`Joining::step`]), between two looks at the clock
/// ([`Data::build_index`]).
const SLICE: usize = 8 * 1024;

thread_local! {
    /// Where [`Data::count_own_words`] stopped, and whose data it is for.
    static COUNTING: Cell<Option<(*const Data, Counted)>> = const { Cell::new(None) };
    /// The index being built a slice at a time, and whose data it is for.
    static BUILDING: Cell<Option<(*const Data, Building<'static>)>> = const { Cell::new(None) };
    static DATA: Cell<Option<&'static Data>> = const { Cell::new(None) };
    static PAGE: Cell<Option<&'static Data>> = const { Cell::new(None) };
    /// The part [`join_start`] started reading, until [`join_more`] has read it.
    static JOINING: Cell<Option<Joining>> = const { Cell::new(None) };
}

/// Reads the corpus and its analysis from the page, then calls `ready` ([`data`] has
/// them by then). A page whose corpus is missing or damaged gets the error box, saying
/// so, and `ready` is not called.
pub fn load(ready: impl FnOnce()) {
    match measured(READ, read_page) {
        Ok(data) => {
            let data = Box::leak(Box::new(data));
            PAGE.set(Some(data));
            replace(data);
            // The app replaces the loading notice and the first look the loader drew
            // (`web/boot.js`) in the same task as it mounts: no frame shows both, or neither.
            for id in ["loading", "first-look"] {
                if let Some(shown) = element(id) {
                    shown.remove();
                }
            }
            ready();
        }
        Err(e) => crate::fatal::show_fatal(&format!(
            "This page's articles cannot be read ({e}). Rebuild the site with `dossier page` \
             and serve the index.html it made."
        )),
    }
}

/// The corpus and analysis of the page's `#corpus` and `#analysis` elements, which are
/// then removed: the app keeps the one copy it makes.
fn read_page() -> Result<Data, PageError> {
    let text = |id: &str| {
        let e = element(id)?;
        let t = e.text_content();
        e.remove();
        t
    };
    let (Some(texts), Some(analysis)) = (text("corpus"), text("analysis")) else {
        return Err(PageError::new("the page holds no corpus"));
    };
    let (corpus, analysis) = dossier_core::page::read(&texts, &analysis)?;
    Ok(Data::new(corpus, analysis))
}

/// The page's element with this id.
fn element(id: &str) -> Option<web_sys::Element> {
    window()?.document()?.get_element_by_id(id)
}

/// A span of start-up work that the app measures: the name of its `performance.measure`
/// entry (read by `scripts/interact.mjs`, shown in the browser's profiler) and of the
/// mark at its start.
type Span = (&'static str, &'static str);
const READ: Span = ("dossier:read", "dossier:read:start");
const INDEX: Span = ("dossier:index", "dossier:index:start");

/// Runs `f` and, in the browser, records how long it took as `span`.
fn measured<T>(span: Span, f: impl FnOnce() -> T) -> T {
    start(span);
    let out = f();
    end(span);
    out
}

/// In the browser, marks where `span` starts.
fn start(span: Span) {
    if let Some(p) = performance() {
        let _ = p.mark(span.1);
    }
}

/// In the browser, records `span` from its start mark to now.
fn end(span: Span) {
    if let Some(p) = performance() {
        let _ = p.measure_with_start_mark(span.0, span.1);
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

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_core::corpus::{Document, Meta};

    #[test]
    fn a_document_s_word_count_is_its_body_s_and_stays_so_when_asked_again() {
        let docs = [
            "Headline here\n\nOne two three.\n\nFour-five six’s.",
            "Title\n\nA b",
        ]
        .iter()
        .enumerate()
        .map(|(i, t)| Document::new(format!("{i}.txt"), t.to_string(), Meta::default()).unwrap())
        .collect();
        let d = Data::new(Corpus::new(docs), Analysis::default());
        for _ in 0..2 {
            assert_eq!(d.word_count(0), d.corpus.documents[0].word_count());
            assert_eq!((d.word_count(0), d.word_count(1)), (5, 2));
        }
    }

    #[test]
    fn the_reader_s_documents_counted_ahead_count_as_when_drawn() {
        let text = "Title\n\n".to_string() + &"Putin met Xi in Beijing, officials said.\n\n".repeat(100);
        let docs = ["a.txt", "mine/long.txt"]
            .iter()
            .map(|f| Document::new(*f, text.clone(), Meta::default()).unwrap())
            .collect();
        let d = Data::new(Corpus::new(docs), Analysis::default());
        // With no time at all, it stops after every few paragraphs and goes on from there.
        let mut calls = 1;
        while !d.count_own_words(-1.0) {
            calls += 1;
        }
        assert!(calls > 5, "{calls} calls");
        assert_eq!(d.words[1].load(Ordering::Relaxed), 700, "the reader's, counted");
        assert_eq!(
            d.words[0].load(Ordering::Relaxed),
            usize::MAX,
            "the page's, as drawn"
        );
        assert_eq!(d.word_count(1), d.corpus.documents[1].word_count());
        assert_eq!(d.word_count(0), 700);
    }
}
