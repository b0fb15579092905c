//! The reader's own documents, in the app: only the integration. The "Add documents"
//! dialog is `web/own.js`, and reading files (text, Markdown, HTML) and keeping them
//! (IndexedDB) its worker, `web/own-worker.js`; the module is one the page loads when the
//! reader first adds a document (the top bar's button, `#own-open`, or files dropped on
//! the page: `web/boot.js` listens) or has kept some; the engine worker analyses them with
//! the corpus (`dossier-engine`'s `add_documents`) and gives their part of the result in
//! the page's own format, which [`show_own`] reads as the page is read and joins to the
//! page's corpus, and [`mount_own`] draws the views again on it (`web/own.js` then opens
//! the document added, in a task of its own). Whose articles the views show (`own` in the
//! URL: [`crate::url::Whose`]) is chosen in the dialog too; the app filters by it and
//! shows it as a chip.
//!
//! A document of the reader's is known by its file name: [`PREFIX`] and a name, which no
//! corpus file has (a corpus is a folder's files, whose names hold no `/`).

/// How the file name of each of the reader's documents starts.
pub const PREFIX: &str = "mine/";

/// Whether the document stored in `file` is one the reader added.
pub fn is_own(file: &str) -> bool {
    file.starts_with(PREFIX)
}

/// Starts reading the corpus with the reader's documents as `texts` and `data` hold
/// them: their part of the corpus with them added (the page's `#corpus` and `#analysis`
/// format, `dossier_core::page`; `dossier_core::part`, as UTF-8 bytes: copied into the
/// wasm's memory whole, where a string would be converted character by character),
/// joined to the page's corpus; none when `texts` is empty. `web/own.js` then calls
/// [`show_own_more`], a task at a time, until it is read, and [`mount_own`] shows it:
/// no task is as long as all (docs/performance.md). Returns an empty string, or why the
/// texts cannot be read (the views are then left as they were).
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn show_own(texts: Vec<u8>, data: Vec<u8>) -> String {
    crate::data::join_start(crate::data::page_data, texts, data, |d| READ.set(Some(d)))
}

/// Reads on what [`show_own`] started for about `ms` milliseconds: none while there is
/// more to read; then an empty string once all is read (and [`mount_own`] would show
/// it), or why it cannot be read.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn show_own_more(ms: f64) -> Option<String> {
    crate::data::join_more(ms, |d| READ.set(Some(d)))
}

/// Makes the data [`show_own`] read the app's, if any, and draws the explorer again on
/// it. `web/own.js` calls it too when the documents kept could not be analysed, so that
/// the views stop saying they are being analysed ([`not_shown_yet`]).
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn mount_own() {
    SETTLED.set(true);
    if let Some(shown) = READ.take() {
        crate::data::replace(shown);
    }
    crate::app::mount();
}

/// Why a link may name documents of the reader's, or their entities, that the views do
/// not show, when this browser keeps some (`web/own.js` analyses them again after each
/// load, then calls [`mount_own`]): they are being analysed, or could not be. Such a link
/// is then no link from elsewhere, and the notice above the views says so rather than
/// that part of it was ignored.
pub fn not_shown_yet() -> Option<&'static str> {
    if !kept_here() {
        None
    } else if !SETTLED.get() {
        Some("Your documents kept in this browser are being analysed; this link shows in full once they are.")
    } else if crate::data::data().own == 0 {
        Some("Your documents kept in this browser could not be analysed (Add documents says why), so this link shows only in part.")
    } else {
        None
    }
}

/// Whether `web/own.js` has flagged that documents are kept in this browser (its `FLAG`).
fn kept_here() -> bool {
    let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
    storage.is_some_and(|s| matches!(s.get_item("dossier-own"), Ok(Some(_))))
}

thread_local! {
    /// The data [`show_own_more`] read, until [`mount_own`] shows it.
    static READ: std::cell::Cell<Option<&'static crate::data::Data>> = const { std::cell::Cell::new(None) };
    /// Whether [`mount_own`] has run since the page loaded.
    static SETTLED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_corpus_file_name_is_never_the_reader_s() {
        assert!(is_own("mine/notes.txt"));
        assert!(!is_own("mine.txt") && !is_own("000_a.txt"));
    }

    #[test]
    fn a_part_that_is_not_utf_8_is_refused_with_a_reason() {
        assert_eq!(show_own(b"\xff\xfe".to_vec(), vec![]), "the part is not UTF-8");
        assert_eq!(
            show_own(b"\x1b".to_vec(), b"\xc3".to_vec()),
            "the part is not UTF-8"
        );
    }
}
