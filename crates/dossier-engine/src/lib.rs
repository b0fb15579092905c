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
//! ```
//! let jsonl = dossier_engine::mentions_jsonl("a.txt", "Talks\n\nMr. Putin met Xi Jinping in Beijing.").unwrap();
//! assert!(jsonl.lines().any(|l| l.contains(r#""text": "Beijing", "label": "GPE""#)));
//! ```

use dossier_core::corpus::{Corpus, Document, Meta, TextError};
use dossier_core::export::{self, Format};
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
}
