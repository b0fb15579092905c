//! Dossier's analysis engine for the browser, on demand: the core's analysis of one text,
//! compiled into a wasm module of its own that runs in a Web Worker.
//!
//! The app's corpus is analysed at build time; this module is for text that only exists
//! in the reader's browser (dropped or pasted). The page fetches nothing of it at load:
//! `web/engine.js` starts `web/engine-worker.js` on the first request, which loads this
//! module's wasm-bindgen output (Trunk builds it from index.html, `data-type="worker"`).
//!
//! The answer is the mentions as JSON Lines, exactly what `dossier extract --format jsonl`
//! prints for a folder holding the same file: both are [`dossier_core::export::mentions`].
//!
//! [`add_documents`] analyses the reader's documents with the corpus the page carries,
//! their entities joined to the corpus's ([`merge`]), and gives their part of the result
//! ([`dossier_core::part`]) in the page's own format, which the app reads with the page's
//! decoder and joins to the corpus it holds. The worker keeps a [`Session`]: the corpus
//! is read by the analysis once, and each call analyses only the documents not added
//! before.
//!
//! The reader's files come as their bytes (UTF-8, as `web/own-worker.js` decoded and
//! checked them), transferred to the worker, never copied on the page's main thread; an
//! HTML page's text is taken here ([`html`]). The worker keeps each text it was handed
//! ([`Handed`]), so a later call names a document by its file alone.
//!
//! ```
//! let jsonl = dossier_engine::mentions_jsonl("a.txt", "Talks\n\nMr. Putin met Xi Jinping in Beijing.").unwrap();
//! assert!(jsonl.lines().any(|l| l.contains(r#""text": "Beijing", "label": "GPE""#)));
//! ```

pub mod html;
pub mod merge;

use dossier_core::corpus::{Corpus, Document, Meta, TextError};
use dossier_core::date::Date;
use dossier_core::export::{self, Format};
use std::collections::HashMap;
use std::fmt;
use wasm_bindgen::prelude::*;

/// Why a text cannot be analysed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EngineError {
    /// The file name is empty: every exported line names its document.
    NoFileName,
    /// The text has no non-whitespace character.
    EmptyText {
        /// The file name given with the text.
        file: String,
    },
}

impl fmt::Display for EngineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EngineError::NoFileName => f.write_str("the document needs a file name"),
            EngineError::EmptyText { file } => write!(f, "{file}: the text is empty"),
        }
    }
}

impl std::error::Error for EngineError {}

/// The mentions of the text `text` of the file `file`, as JSON Lines: one object a
/// mention with `doc`, `start`, `end` (code points, end exclusive), `text`, `label`,
/// `canonical` and `zone`; an empty string when the text mentions nothing.
///
/// The text is read as a corpus file without metadata: its first non-empty line is the
/// headline.
pub fn mentions_jsonl(file: &str, text: &str) -> Result<String, EngineError> {
    if file.is_empty() {
        return Err(EngineError::NoFileName);
    }
    let doc = Document::new(file, text.to_owned(), Meta::default()).map_err(|TextError::Empty| {
        EngineError::EmptyText {
            file: file.to_owned(),
        }
    })?;
    let corpus = Corpus::new(vec![doc]);
    let analysis = dossier_core::analyse(&corpus);
    Ok(export::mentions(&corpus, &analysis, Format::Jsonl, |_, _| true))
}

/// JavaScript's entry point: [`mentions_jsonl`], its error thrown as an `Error` whose
/// message says what is wrong.
#[wasm_bindgen]
pub fn analyse(file: &str, text: &str) -> Result<String, JsError> {
    mentions_jsonl(file, text).map_err(|e| JsError::new(&e.to_string()))
}

/// One of the reader's documents: its file name (unique), a title or an empty string
/// (then its first line is the headline), a publication date `YYYY[-MM[-DD]]` or an
/// empty string, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Own<'a> {
    /// The file name: the app's URLs and exports name the document by it.
    pub file: &'a str,
    /// The title the reader gave, or empty.
    pub title: &'a str,
    /// The publication date, or empty.
    pub date: &'a str,
    /// The text.
    pub text: &'a str,
}

impl Own<'_> {
    /// Its fields, owned: how a [`Session`] knows the documents it holds.
    fn fields(&self) -> [String; 4] {
        [self.file, self.title, self.date, self.text].map(str::to_string)
    }

    /// Whether `fields` are its fields.
    fn is(&self, fields: &[String; 4]) -> bool {
        [self.file, self.title, self.date, self.text] == fields.each_ref().map(String::as_str)
    }

    /// The document, or why it cannot be one.
    fn document(&self) -> Result<Document, EngineError> {
        let title = self.title.trim();
        let meta = Meta {
            title: (!title.is_empty()).then(|| title.to_string()),
            // A title given apart: the text's first line is not its headline.
            lead: !title.is_empty(),
            published: Date::parse(self.date).ok(),
            ..Meta::default()
        };
        Document::new(self.file, self.text.to_owned(), meta).map_err(|TextError::Empty| {
            EngineError::EmptyText {
                file: self.file.to_owned(),
            }
        })
    }
}

/// The page's corpus, read and analysed once, with the reader's documents added so far:
/// the worker keeps one, so that adding a document analyses that document only.
pub struct Session {
    texts: String,
    data: String,
    merged: merge::Merged<'static>,
    /// The fields of each document added, in order: (file, title, date, text).
    added: Vec<[String; 4]>,
}

impl Session {
    /// The page's corpus (`texts` and `data`, the two parts of [`dossier_core::page`])
    /// read, and read by the analysis's passes ([`merge::Merged::new`]; `progress(done,
    /// of)` as they go); or why the page cannot be read.
    pub fn new(texts: &str, data: &str, progress: impl FnMut(usize, usize)) -> Result<Session, String> {
        let (corpus, analysis) = dossier_core::page::read(texts, data).map_err(|e| e.to_string())?;
        // Kept for the worker's life (one page, one session): the analysis borrows it.
        let (corpus, analysis) = (Box::leak(Box::new(corpus)), Box::leak(Box::new(analysis)));
        Ok(Session {
            texts: texts.to_string(),
            data: data.to_string(),
            merged: merge::Merged::new(corpus, analysis, progress),
            added: Vec::new(),
        })
    }

    /// Whether this is the session of the page whose parts are `texts` and `data`.
    pub fn of_page(&self, texts: &str, data: &str) -> bool {
        self.texts == texts && self.data == data
    }

    /// Makes `own` the reader's documents: those added before, in the same order and
    /// unchanged, are kept as they are; the others are analysed and added (all of them
    /// again when one was removed or changed). `progress(done, of, file)` is called
    /// before each document with its file, and once at the end. Returns a message for
    /// each document left out, and the work: the bytes of the documents read (only those
    /// added) and the analysis's steps.
    pub fn update(
        &mut self,
        own: &[Own],
        mut progress: impl FnMut(usize, usize, Option<&str>),
    ) -> (Vec<String>, usize) {
        let (mut errors, mut fresh, kept, mut work) = self.fresh(own, self.added.len());
        if kept < self.added.len() {
            self.merged.clear();
            self.added.clear();
            let read;
            (errors, fresh, _, read) = self.fresh(own, 0);
            work += read;
        }
        let of = 5 * fresh.len();
        for (i, (o, d)) in fresh.into_iter().enumerate() {
            progress(5 * i, of, Some(&d.file));
            work += self.merged.add(d);
            self.added.push(o.fields());
        }
        progress(of, of, None);
        (errors, work)
    }

    /// The documents of `own` to add after the first `keep` of those added (which `own`
    /// holds first, in order, perhaps among documents left out), with a message for each
    /// document left out, how many of those added `own` holds so, and the bytes of the
    /// documents read (not those kept).
    #[allow(clippy::type_complexity)]
    fn fresh<'o>(
        &self,
        own: &'o [Own<'o>],
        keep: usize,
    ) -> (Vec<String>, Vec<(&'o Own<'o>, Document)>, usize, usize) {
        let (mut errors, mut fresh, mut kept) = (Vec::new(), Vec::<(&Own, Document)>::new(), 0);
        let mut read = 0;
        for o in own {
            if fresh.is_empty() && kept < keep && o.is(&self.added[kept]) {
                kept += 1;
                continue;
            }
            read += o.text.len();
            match o.document() {
                Ok(d)
                    if self.merged.corpus().get(&d.file).is_some()
                        || self.added[..kept].iter().any(|a| a[0] == *d.file)
                        || fresh.iter().any(|(_, x)| x.file == d.file) =>
                {
                    errors.push(format!("{}: the name is taken", d.file))
                }
                Ok(d) => fresh.push((o, d)),
                Err(e) => errors.push(e.to_string()),
            }
        }
        (errors, fresh, kept, read)
    }

    /// The reader's documents' part of the corpus with them added
    /// ([`dossier_core::part`]: their texts, analysis and the entities, with the
    /// corpus's ids), in the page's format.
    pub fn part(&self) -> Result<(String, String), String> {
        let (part, analysis) = self.merged.part();
        dossier_core::page::write_parts(&part, &analysis).map_err(|e| e.to_string())
    }
}

/// The reader's documents `own`, analysed with the page's corpus (`texts` and `data`, the
/// two parts of [`dossier_core::page`]), as the part of that whole they are
/// ([`dossier_core::part`]: their texts, analysis and the entities they name, with the
/// corpus's ids), in the same format; with a message for each document left out. The
/// app joins it to the corpus it already holds. `progress(done, of, file)` is called as
/// the analysis goes, with the file of the reader's document it reads, if any. One
/// [`Session`], used once (its corpus stays allocated: for tests and benchmarks; the
/// worker keeps its session).
pub fn add_to_page(
    texts: &str,
    data: &str,
    own: &[Own],
    mut progress: impl FnMut(usize, usize, Option<&str>),
) -> Result<(String, String, Vec<String>), String> {
    let extra = 5 * own.len();
    let mut of = 0;
    let mut session = Session::new(texts, data, |done, n| {
        of = n;
        progress(done, n + extra, None)
    })?;
    let (errors, _) = session.update(own, |done, n, file| progress(of + done, of + n, file));
    let (t, d) = session.part()?;
    Ok((t, d, errors))
}

/// The kind of a file as `web/own-worker.js` names it: `html` (an HTML page's source),
/// or any other (a text as it is kept: Markdown's marks were dropped there).
pub const HTML: &str = "html";

/// A reader's document as the worker keeps it: its text and the date its file gives
/// (an HTML page's meta date), or empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handed {
    /// The text the engine analyses.
    pub text: String,
    /// The date the file names, `YYYY-MM-DD`, or empty.
    pub date: String,
}

impl Handed {
    /// The text of a file of `kind` whose bytes are `bytes` (UTF-8, a byte order mark
    /// allowed), or why there is none (a message for the reader, after the file's name).
    pub fn from_bytes(kind: &str, bytes: &[u8]) -> Result<Handed, String> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let source =
            std::str::from_utf8(bytes).map_err(|_| "is not readable text (not UTF-8)".to_string())?;
        let handed = if kind == HTML {
            let page = html::page_text(source);
            Handed {
                text: page.text,
                date: page.date,
            }
        } else {
            Handed {
                text: source.to_string(),
                date: String::new(),
            }
        };
        if handed.text.trim().is_empty() {
            return Err("is empty".to_string());
        }
        Ok(handed)
    }

    /// The headline the app shows for it: `title` if one is given, else the text's
    /// first line that is not blank (as [`Document`] reads it).
    pub fn headline(&self, title: &str) -> String {
        let title = title.trim();
        if !title.is_empty() {
            return title.to_string();
        }
        let first = self.text.lines().map(str::trim).find(|l| !l.is_empty());
        first.unwrap_or_default().to_string()
    }
}

thread_local! {
    /// The texts handed to the worker, by file: a call names a document it has by its file.
    static HANDED: std::cell::RefCell<HashMap<String, Handed>> = std::cell::RefCell::new(HashMap::new());
}

thread_local! {
    /// The worker's session: its page's, once a document was added.
    static SESSION: std::cell::RefCell<Option<Session>> = const { std::cell::RefCell::new(None) };
}

/// JavaScript's entry point for [`add_to_page`], through the worker's [`Session`] (made
/// on the first call, and again if the page differs): `files`, `titles`, `dates` and
/// `kinds` hold the documents' fields, in the same order, and `bodies` each document's
/// bytes (an `ArrayBuffer` the worker was transferred, read by [`Handed::from_bytes`]),
/// or `undefined` for a document whose text this worker was handed before; a date
/// given is the document's, else the one its file names. `progress` is called with
/// (done, of, the file of the reader's document read last, or ""). Returns the page's
/// two parts as UTF-8 bytes, each a `Uint8Array` with a buffer of its own (which the
/// worker transfers, and the app copies into its memory whole: no text is converted to
/// JavaScript's strings and back); an array of each document's headline (null if it
/// was left out); an array of why each was left out, after its name (null if it was
/// not); then a message for each other document left out. Throws an `Error` if the
/// page's corpus cannot be read.
#[wasm_bindgen]
#[allow(clippy::too_many_arguments)]
pub fn add_documents(
    page_texts: &str,
    page_data: &str,
    files: Vec<String>,
    titles: Vec<String>,
    dates: Vec<String>,
    kinds: Vec<String>,
    bodies: Vec<JsValue>,
    progress: &js_sys::Function,
) -> Result<js_sys::Array, JsError> {
    let bodies = bodies
        .iter()
        .map(|b| (!b.is_undefined() && !b.is_null()).then(|| js_sys::Uint8Array::new(b).to_vec()))
        .collect();
    HANDED.with_borrow_mut(|handed| {
        let problems = hand(handed, &files, &kinds, bodies);
        let own: Vec<Own> = (0..files.len())
            .filter(|&i| problems[i].is_none())
            .map(|i| {
                let doc = &handed[&files[i]];
                let date = field(&dates, i);
                Own {
                    file: &files[i],
                    title: field(&titles, i),
                    date: if date.is_empty() { &doc.date } else { date },
                    text: &doc.text,
                }
            })
            .collect();
        let (t, d, errors) = in_session(page_texts, page_data, &own, progress)?;
        let out = js_sys::Array::new();
        out.push(&js_sys::Uint8Array::from(t.as_bytes()));
        out.push(&js_sys::Uint8Array::from(d.as_bytes()));
        let heads = files
            .iter()
            .zip(&problems)
            .enumerate()
            .map(|(i, (f, p))| match p {
                None => JsValue::from(handed[f].headline(field(&titles, i))),
                Some(_) => JsValue::NULL,
            });
        out.push(&heads.collect::<js_sys::Array>());
        out.push(
            &problems
                .iter()
                .map(|p| p.as_deref().map_or(JsValue::NULL, JsValue::from))
                .collect::<js_sys::Array>(),
        );
        for e in errors {
            out.push(&JsValue::from(e));
        }
        Ok(out)
    })
}

/// Takes the texts of `bodies` (one a file of `files`, of the kind `kinds` names; none
/// for a text handed before) into `handed`, which then holds the files of `files` only;
/// returns why each document has no text, or none.
pub fn hand(
    handed: &mut HashMap<String, Handed>,
    files: &[String],
    kinds: &[String],
    bodies: Vec<Option<Vec<u8>>>,
) -> Vec<Option<String>> {
    handed.retain(|f, _| files.contains(f));
    let mut bodies = bodies.into_iter();
    let mut problems = Vec::with_capacity(files.len());
    for (i, file) in files.iter().enumerate() {
        let problem = match bodies.next().flatten() {
            Some(bytes) => match Handed::from_bytes(field(kinds, i), &bytes) {
                Ok(doc) => {
                    handed.insert(file.clone(), doc);
                    None
                }
                Err(e) => {
                    handed.remove(file);
                    Some(e)
                }
            },
            None if handed.contains_key(file) => None,
            None => Some(
                "was not handed to the analysis engine (it restarted); reload the page to analyse it"
                    .to_string(),
            ),
        };
        problems.push(problem);
    }
    problems
}

/// [`Session::update`] and [`Session::part`] on the worker's session (made if there is
/// none, or it is another page's), `progress` told as they go (a message a percent at
/// most, and one as each of the reader's files starts: the worker posts each one).
fn in_session(
    page_texts: &str,
    page_data: &str,
    own: &[Own],
    progress: &js_sys::Function,
) -> Result<(String, String, Vec<String>), JsError> {
    let (mut last, mut reading) = (0, None::<String>);
    let mut report = |done: usize, of: usize, file: Option<&str>| {
        let new_file = file.is_some_and(|f| reading.as_deref() != Some(f));
        if new_file || done < last || (done - last) * 100 >= of || done == of {
            last = done;
            reading = file.map(str::to_string).or(reading.take());
            let file = JsValue::from(reading.as_deref().unwrap_or_default());
            let _ = progress.call3(&JsValue::NULL, &(done as f64).into(), &(of as f64).into(), &file);
        }
    };
    SESSION.with_borrow_mut(|session| {
        let extra = 5 * own.len();
        let mut of = 0;
        let current = session.take().filter(|s| s.of_page(page_texts, page_data));
        let mut s = match current {
            Some(s) => s,
            None => Session::new(page_texts, page_data, |done, n| {
                of = n;
                report(done, n + extra, None)
            })
            .map_err(|e| JsError::new(&e))?,
        };
        let (errors, _) = s.update(own, |done, n, file| report(of + done, of + n, file));
        let (t, d) = s.part().map_err(|e| JsError::new(&e))?;
        *session = Some(s);
        Ok((t, d, errors))
    })
}

/// Item `i` of `v`, or an empty string.
fn field(v: &[String], i: usize) -> &str {
    v.get(i).map_or("", String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_text_is_an_error_naming_the_file() {
        let err = mentions_jsonl("pasted.txt", " \n\t\n").unwrap_err();
        assert_eq!(err.to_string(), "pasted.txt: the text is empty");
    }

    #[test]
    fn a_missing_file_name_is_an_error() {
        assert_eq!(mentions_jsonl("", "Title\n\nBody."), Err(EngineError::NoFileName));
    }

    #[test]
    fn a_text_without_names_gives_no_lines() {
        assert_eq!(mentions_jsonl("a.txt", "nothing here\n\nat all.").unwrap(), "");
    }

    #[test]
    fn every_line_is_a_mention_of_the_file() {
        let jsonl =
            mentions_jsonl("x.txt", "Talks\n\nMr. Putin met Xi Jinping in Beijing on Monday.").unwrap();
        assert!(jsonl.lines().count() >= 3, "{jsonl}");
        assert!(
            jsonl
                .lines()
                .all(|l| l.starts_with(r#"{"doc": "x.txt", "start": "#)),
            "{jsonl}"
        );
    }

    #[test]
    fn a_file_s_bytes_become_its_text_and_an_html_page_s_its_shown_text_and_date() {
        let page =
            "<meta name=date content=2024-02-03><h1>Quay &amp; dock</h1><script>x()</script><p>Talks.</p>";
        let doc = Handed::from_bytes(HTML, page.as_bytes()).unwrap();
        assert_eq!(
            (doc.text.as_str(), doc.date.as_str()),
            ("Quay & dock\n\nTalks.", "2024-02-03")
        );
        assert_eq!(doc.headline(""), "Quay & dock");
        assert_eq!(doc.headline(" Mine "), "Mine");
        let text = Handed::from_bytes("txt", "\u{feff}  \nFirst line\n\n<b>kept</b>".as_bytes()).unwrap();
        assert_eq!(
            (text.text.as_str(), text.headline("").as_str()),
            ("  \nFirst line\n\n<b>kept</b>", "First line")
        );
        assert_eq!(
            Handed::from_bytes(HTML, b"<p> </p><script>x</script>"),
            Err("is empty".to_string())
        );
        assert!(Handed::from_bytes("txt", b"caf\xe9")
            .unwrap_err()
            .starts_with("is not readable text"));
    }

    #[test]
    fn a_text_handed_once_is_named_by_its_file_and_forgotten_when_left_out() {
        let mut handed = HashMap::new();
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let files = names(&["mine/a", "mine/b", "mine/c"]);
        let kinds = names(&["txt", "html", "txt"]);
        let problems = hand(
            &mut handed,
            &files,
            &kinds,
            vec![Some(b"A text".to_vec()), Some(b"<p>B</p>".to_vec()), Some(vec![])],
        );
        assert_eq!(problems, [None, None, Some("is empty".to_string())]);
        assert_eq!(handed["mine/b"].text, "B");
        // Later calls send no bytes for what the worker has; what a call leaves out is forgotten.
        let problems = hand(
            &mut handed,
            &names(&["mine/b", "mine/d"]),
            &kinds,
            vec![None, None],
        );
        assert_eq!(problems[0], None);
        assert!(problems[1]
            .as_deref()
            .is_some_and(|p| p.starts_with("was not handed")));
        assert_eq!(handed.keys().collect::<Vec<_>>(), ["mine/b"]);
    }

    #[test]
    fn own_documents_join_the_page_and_an_empty_one_is_named() {
        let corpus = Corpus::new(vec![Document::new(
            "a.txt",
            "Budget vote\n\nThe minister Rosa Lindqvist presented the budget in Oslo. Lindqvist said taxes would fall.".to_string(),
            Meta::default(),
        )
        .unwrap()]);
        let (texts, data) =
            dossier_core::page::write_parts(&corpus, &dossier_core::analyse(&corpus)).unwrap();
        let own = [
            Own {
                file: "mine/1",
                title: "Reply",
                date: "2024-05-01",
                text: "Lindqvist answered critics in Bergen.",
            },
            Own {
                file: "mine/2",
                title: "",
                date: "",
                text: "  ",
            },
        ];
        let mut calls = 0;
        let (t, d, errors) = add_to_page(&texts, &data, &own, |_, _, _| calls += 1).unwrap();
        assert_eq!(errors, ["mine/2: the text is empty"]);
        assert!(calls > 0);
        // Only the reader's document is handed over; joined to the corpus, it is the whole.
        let (part, part_analysis) = dossier_core::page::read(&t, &d).unwrap();
        assert_eq!(part.documents.len(), 1);
        assert!(
            !t.contains("Budget vote"),
            "the corpus's texts are not handed over again"
        );
        let (base, base_analysis) = dossier_core::page::read(&texts, &data).unwrap();
        let (c, a) = dossier_core::part::join(&base, &base_analysis, part, part_analysis);
        let (whole, whole_analysis) = merge::add(
            base.clone(),
            base_analysis.clone(),
            vec![own[0].document().unwrap()],
            |_, _, _| {},
        );
        assert_eq!((&c, &a), (&whole, &whole_analysis));
        let doc = c.get("mine/1").expect("added");
        assert_eq!(
            (doc.title.as_str(), doc.meta.published.is_some()),
            ("Reply", true)
        );
        let rosa = a
            .entities
            .iter()
            .find(|e| e.canonical == "Rosa Lindqvist")
            .expect("kept");
        assert_eq!(rosa.documents, 2, "{rosa:?}");
    }
}
