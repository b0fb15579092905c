//! A bad corpus folder is refused with a message that names the file, and the line
//! where there is one: each failure `load_dir` and `load_curation` can report, on
//! folders made in the system's temporary directory.

use dossier_core::corpus::{load_dir, CorpusError, ErrorKind};
use dossier_core::curation::{load_curation, CurationError};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A fresh folder holding `files` (name, bytes), removed when dropped.
struct Folder(PathBuf);

impl Folder {
    fn new(name: &str, files: &[(&str, &[u8])]) -> Folder {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "dossier-load-errors-{}-{}-{name}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).unwrap();
        for (file, bytes) in files {
            std::fs::write(dir.join(file), bytes).unwrap();
        }
        Folder(dir)
    }
    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

const GOOD: &[u8] = b"Title\n\nBody.\n";

/// Loads a folder that must fail; checks the file, the line and the message.
fn corpus_error(name: &str, files: &[(&str, &[u8])], file: &str, line: Option<usize>) -> CorpusError {
    let f = Folder::new(name, files);
    let e = load_dir(f.path()).expect_err("the folder is refused");
    let want = if file.is_empty() {
        f.path().to_path_buf()
    } else {
        f.path().join(file)
    };
    assert_eq!(e.path, want, "{e}");
    assert_eq!(e.line, line, "{e}");
    let shown = e.to_string();
    let place = match line {
        Some(l) => format!("{}:{l}: ", want.display()),
        None => format!("{}: ", want.display()),
    };
    assert!(shown.starts_with(&place), "{shown:?} should start with {place:?}");
    e
}

#[test]
fn an_empty_folder_is_refused_naming_the_folder() {
    let e = corpus_error("empty-folder", &[], "", None);
    assert_eq!(e.kind, ErrorKind::NoDocuments);
    assert!(e.to_string().contains("no .txt articles"));
}

#[test]
fn a_folder_with_only_other_files_is_empty() {
    let e = corpus_error(
        "no-txt",
        &[("notes.md", b"# notes"), ("a.TXT.bak", GOOD)],
        "",
        None,
    );
    assert_eq!(e.kind, ErrorKind::NoDocuments);
}

#[test]
fn a_missing_folder_is_refused_naming_it() {
    let dir = std::env::temp_dir().join(format!("dossier-load-errors-{}-missing", std::process::id()));
    let e = load_dir(&dir).unwrap_err();
    assert_eq!(e.path, dir);
    assert!(matches!(e.kind, ErrorKind::Io(_)), "{e}");
    assert!(
        e.to_string()
            .starts_with(&format!("{}: cannot read", dir.display())),
        "{e}"
    );
}

#[test]
fn an_empty_file_is_refused_naming_the_file() {
    let e = corpus_error("empty-file", &[("a.txt", GOOD), ("b.txt", b"")], "b.txt", None);
    assert_eq!(e.kind, ErrorKind::Empty);
    assert!(e.to_string().ends_with("b.txt: the article is empty"), "{e}");
}

#[test]
fn a_file_of_white_space_is_empty() {
    let e = corpus_error("blank-file", &[("a.txt", b" \n\t\r\n \n")], "a.txt", None);
    assert_eq!(e.kind, ErrorKind::Empty);
}

#[test]
fn a_file_that_is_not_utf8_is_refused_naming_the_line_of_the_first_bad_byte() {
    let e = corpus_error(
        "not-utf8",
        &[("a.txt", GOOD), ("b.txt", b"Title\nline two\n\xff\xfe broken\n")],
        "b.txt",
        Some(3),
    );
    assert_eq!(e.kind, ErrorKind::NotUtf8);
    assert!(e.to_string().contains("b.txt:3: not valid UTF-8"), "{e}");
    // Latin-1 on the first line, and a UTF-8 sequence cut short at the very end.
    corpus_error("latin1", &[("a.txt", b"Caf\xe9\nBody\n")], "a.txt", Some(1));
    corpus_error("cut", &[("a.txt", b"Title\n\nBody \xe2\x80")], "a.txt", Some(3));
}

#[test]
fn a_metadata_file_that_is_not_utf8_is_refused() {
    let e = corpus_error(
        "meta-not-utf8",
        &[
            ("a.txt", GOOD),
            ("corpus.toml", b"[documents.\"a.txt\"]\nsource = \"\xff\"\n"),
        ],
        "corpus.toml",
        Some(2),
    );
    assert_eq!(e.kind, ErrorKind::NotUtf8);
}

#[test]
fn an_unknown_metadata_key_is_refused_naming_its_line() {
    let e = corpus_error(
        "bad-key",
        &[
            ("a.txt", GOOD),
            ("corpus.toml", b"[documents.\"a.txt\"]\ntitel = \"typo\"\n"),
        ],
        "corpus.toml",
        Some(2),
    );
    assert!(
        matches!(&e.kind, ErrorKind::Metadata(m) if m.contains("titel")),
        "{e}"
    );
}

#[test]
fn a_metadata_file_that_is_not_toml_is_refused_naming_its_line() {
    let e = corpus_error(
        "bad-toml",
        &[
            ("a.txt", GOOD),
            (
                "corpus.toml",
                b"[documents.\"a.txt\"]\nsource = \"Wire\"\ntitle = \n",
            ),
        ],
        "corpus.toml",
        Some(3),
    );
    assert!(matches!(e.kind, ErrorKind::Metadata(_)), "{e}");
}

#[test]
fn a_value_of_the_wrong_type_is_refused_naming_its_line() {
    let e = corpus_error(
        "bad-type",
        &[
            ("a.txt", GOOD),
            ("corpus.toml", b"\n[documents.\"a.txt\"]\nlead = \"yes\"\n"),
        ],
        "corpus.toml",
        Some(3),
    );
    assert!(matches!(e.kind, ErrorKind::Metadata(_)), "{e}");
}

#[test]
fn a_date_that_does_not_exist_is_refused_naming_its_line() {
    for (name, date) in [
        ("feb-30", "2024-02-30"),
        ("month-13", "2024-13"),
        ("words", "May 2024"),
        ("empty", ""),
    ] {
        let toml = format!("[documents.\"a.txt\"]\nsource = \"Wire\"\npublished = \"{date}\"\n");
        let e = corpus_error(
            name,
            &[("a.txt", GOOD), ("corpus.toml", toml.as_bytes())],
            "corpus.toml",
            Some(3),
        );
        assert!(matches!(e.kind, ErrorKind::BadDate(_)), "{date}: {e}");
        assert!(e.to_string().contains(":3: bad date"), "{e}");
    }
}

#[test]
fn metadata_for_a_missing_article_is_refused_naming_its_line() {
    let e = corpus_error(
        "missing-doc",
        &[
            ("a.txt", GOOD),
            (
                "corpus.toml",
                b"\n[documents.\"a.txt\"]\n\n[documents.\"gone.txt\"]\ntitle = \"x\"\n",
            ),
        ],
        "corpus.toml",
        Some(4),
    );
    assert_eq!(e.kind, ErrorKind::MissingDocument("gone.txt".into()));
    assert!(e.to_string().contains("metadata for \"gone.txt\""), "{e}");
}

/// Loads a curation that must fail; checks the file, the line and the message.
fn curation_error(name: &str, toml: &str, line: usize, fragment: &str) -> CurationError {
    let f = Folder::new(name, &[("a.txt", GOOD), ("entities.toml", toml.as_bytes())]);
    // The corpus itself is fine: the curation is loaded on its own.
    load_dir(f.path()).expect("the corpus loads");
    let e = load_curation(f.path()).expect_err("the curation is refused");
    assert_eq!(e.path, f.path().join("entities.toml"));
    assert_eq!(e.line, Some(line), "{e}");
    let shown = e.to_string();
    let place = format!("{}:{line}: ", e.path.display());
    assert!(shown.starts_with(&place), "{shown:?} should start with {place:?}");
    assert!(shown.contains(fragment), "{shown:?} should contain {fragment:?}");
    e
}

#[test]
fn a_curation_entry_with_an_unknown_label_is_refused_naming_its_line() {
    curation_error(
        "bad-label",
        "[[entity]]\ncanonical = \"Li Mingjiang\"\naliases = [\"Lee\"]\n\n[[entity]]\ncanonical = \"Kremlin\"\nlabel = \"BUILDING\"\n",
        5,
        "unknown label \"BUILDING\"",
    );
}

#[test]
fn a_curation_entry_with_an_unknown_field_is_refused_naming_its_line() {
    curation_error(
        "bad-field",
        "[[entity]]\ncanonical = \"X\"\nalias = [\"Y\"]\n",
        3,
        "alias",
    );
}

#[test]
fn a_curation_entry_with_an_empty_name_is_refused_naming_its_line() {
    curation_error(
        "empty-canonical",
        "\n[[split]]\ntext = \"A\"\ncanonical = \" \"\n",
        2,
        "canonical must not be empty",
    );
    curation_error(
        "empty-alias",
        "[[entity]]\ncanonical = \"X\"\naliases = [\"\"]\n",
        1,
        "an alias must not be empty",
    );
    curation_error(
        "empty-ignore",
        "[[ignore]]\ntext = \"\"\n",
        1,
        "text must not be empty",
    );
}

#[test]
fn a_curation_file_that_is_not_toml_is_refused_naming_its_line() {
    curation_error("not-toml", "[[entity]]\ncanonical = \"X\"\n[[entity\n", 3, "");
    curation_error("no-canonical", "[[entity]]\nlabel = \"PERSON\"\n", 1, "canonical");
}

#[test]
fn no_curation_file_is_an_empty_curation() {
    let f = Folder::new("no-curation", &[("a.txt", GOOD)]);
    assert!(load_curation(f.path()).unwrap().is_empty());
}
