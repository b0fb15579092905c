//! What the engine's tests share: the seed corpus, and the reader's documents from text.

use dossier_core::corpus::{Corpus, Document, Meta};
use dossier_engine::Own;

/// The seed corpus (`seeds/`), as the build reads it.
pub fn seeds() -> Corpus {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let docs = files.iter().map(|p| {
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        Document::new(name, std::fs::read_to_string(p).unwrap(), Meta::default()).unwrap()
    });
    Corpus::new(docs.collect())
}

/// The reader's documents of `files` (file name, text), with no title or date.
pub fn own<F: AsRef<str>, T: AsRef<str>>(files: &[(F, T)]) -> Vec<Own<'_>> {
    files
        .iter()
        .map(|(file, text)| Own {
            file: file.as_ref(),
            title: "",
            date: "",
            text: text.as_ref(),
        })
        .collect()
}
