//! The reader's own documents, in the app: only the integration. Reading files (text,
//! Markdown, HTML), keeping them (IndexedDB) and the "Add documents" dialog are
//! `web/own.js`, a module the page loads when the reader first adds a document or has
//! kept some; the engine worker analyses them with the corpus (`dossier-engine`'s
//! `add_documents`) and gives the corpus with them added in the page's own format, which
//! [`show_own`] reads as the page is read, then mounts the views again on it.
//!
//! A document of the reader's is known by its file name: [`PREFIX`] and a name, which no
//! corpus file has (a corpus is a folder's files, whose names hold no `/`).

/// How the file name of each of the reader's documents starts.
pub const PREFIX: &str = "mine/";

/// Whether the document stored in `file` is one the reader added.
pub fn is_own(file: &str) -> bool {
    file.starts_with(PREFIX)
}

#[cfg(target_arch = "wasm32")]
mod js {
    use wasm_bindgen::prelude::wasm_bindgen;

    #[wasm_bindgen]
    extern "C" {
        /// Opens the "Add documents" dialog, loading `web/own.js` first if need be
        /// (defined by `web/boot.js`).
        #[wasm_bindgen(js_name = dossierOwn)]
        pub fn dossier_own();
    }
}

/// Opens the dialog where the reader adds and removes documents of their own.
pub fn open_dialog() {
    #[cfg(target_arch = "wasm32")]
    js::dossier_own();
}

/// Shows the corpus with the reader's documents as `texts` and `data` hold them (the
/// page's `#corpus` and `#analysis` format: `dossier_core::page`), and opens the
/// document in file `open` unless it is empty. Returns an empty string, or why the texts
/// cannot be read (the views are then left as they were). Called by `web/own.js`.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn show_own(texts: &str, data: &str, open: &str) -> String {
    match dossier_core::page::read(texts, data) {
        Ok((corpus, analysis)) => {
            crate::data::replace(crate::data::Data::new(corpus, analysis));
            if !open.is_empty() {
                open_document(open);
            }
            crate::app::mount();
            String::new()
        }
        Err(e) => e.to_string(),
    }
}

/// Puts the document in file `open` in the URL, as a new history entry, and lets the
/// router know (a history entry made outside it tells it nothing).
fn open_document(open: &str) {
    let state = crate::url::ViewState {
        doc: Some(open.to_string()),
        ..Default::default()
    };
    let Some(w) = web_sys::window() else { return };
    if let Ok(h) = w.history() {
        let href = format!("?{}", state.to_query());
        let _ = h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href));
    }
    if let Ok(e) = web_sys::Event::new("popstate") {
        let _ = w.dispatch_event(&e);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_corpus_file_name_is_never_the_reader_s() {
        assert!(is_own("mine/notes.txt"));
        assert!(!is_own("mine.txt") && !is_own("000_a.txt"));
    }
}
