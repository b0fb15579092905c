//! The corpus: articles as their files hold them, split into a title and paragraphs.
//!
//! A document keeps its file's text unchanged, so that every offset the analysis
//! produces points into the original file. Paragraphs are the non-empty lines: scraped
//! articles break paragraphs with a blank line or with a single newline, and both
//! shapes occur in one corpus. The first non-empty line is the headline unless the
//! metadata says it is a lead sentence (`lead = true`).
//!
//! Loading a folder from disk (`load_dir`, feature `fs`) validates everything and
//! reports the file, and the line where there is one, of the first problem.

use crate::date::Date;
use std::borrow::Cow;
use std::ops::Range;

/// What a corpus's metadata file says about one document. Every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    /// A headline that replaces the first line as the title.
    pub title: Option<String>,
    /// Where the article was published (outlet or site name).
    pub source: Option<String>,
    /// The article's original address.
    pub url: Option<String>,
    /// When it was published, to the precision known.
    pub published: Option<Date>,
    /// The first line is a lead sentence, not a headline: it belongs to the body.
    pub lead: bool,
    /// A short note on what the article covers, e.g. which event.
    pub covers: Option<String>,
}

impl Meta {
    /// The line under the title: source, publication date and what the article covers,
    /// those known, joined by " · ".
    pub fn byline(&self) -> String {
        [
            self.source.clone(),
            self.published.map(|d| d.to_string()),
            self.covers.clone(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")
    }
}

/// One article of the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The file name, e.g. `000_d68bc4f991126bb0.txt`: unique within a corpus.
    pub file: String,
    /// The file's text, unchanged: borrowed when it is embedded in the program (the app
    /// keeps one copy of the corpus, not two), owned when it was read from a file.
    pub text: Cow<'static, str>,
    /// The title shown for the article.
    pub title: String,
    /// The byte range of the headline line in `text`, when the title comes from the text.
    pub headline: Option<Range<usize>>,
    /// Byte ranges in `text` of the body paragraphs (trimmed, non-empty lines), in order.
    pub paragraphs: Vec<Range<usize>>,
    /// Metadata from the corpus's metadata file.
    pub meta: Meta,
}

/// Why a text cannot be a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextError {
    /// The text has no non-whitespace character.
    Empty,
}

impl Document {
    /// Builds a document from a file name, its text and its metadata.
    pub fn new(
        file: impl Into<String>,
        text: impl Into<Cow<'static, str>>,
        meta: Meta,
    ) -> Result<Document, TextError> {
        let text = text.into();
        let mut lines = non_empty_lines(&text);
        let first = lines.first().cloned().ok_or(TextError::Empty)?;
        let headline = if meta.lead { None } else { Some(lines.remove(0)) };
        let title = match (&meta.title, &headline) {
            (Some(t), _) => t.clone(),
            (None, Some(h)) => text[h.clone()].to_string(),
            (None, None) => clip(&text[first], 90),
        };
        Ok(Document {
            file: file.into(),
            text,
            title,
            headline,
            paragraphs: lines,
            meta,
        })
    }

    /// The text of body paragraph `i`.
    pub fn paragraph(&self, i: usize) -> &str {
        &self.text[self.paragraphs[i].clone()]
    }

    /// The number of words in the body (runs of letters or digits, apostrophes and
    /// hyphens kept inside a word).
    pub fn word_count(&self) -> usize {
        self.paragraphs
            .iter()
            .map(|r| count_words(&self.text[r.clone()]))
            .sum()
    }
}

/// Counts words: maximal runs of alphanumeric characters, joined by `'`, `’` or `-`.
pub fn count_words(s: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for c in s.chars() {
        if c.is_alphanumeric() {
            if !in_word {
                n += 1;
                in_word = true;
            }
        } else if !(in_word && matches!(c, '\'' | '’' | '-')) {
            in_word = false;
        }
    }
    n
}

/// Byte ranges of the non-empty lines of `text`, with surrounding white space trimmed.
fn non_empty_lines(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed_start = line.len() - line.trim_start().len();
        let body = line.trim();
        if !body.is_empty() {
            let s = start + trimmed_start;
            out.push(s..s + body.len());
        }
        start += line.len();
    }
    out
}

/// The first `max` characters of `s` at a word boundary, with an ellipsis when cut.
fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ';', ':']))
}

/// A set of documents in file-name order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Corpus {
    /// The documents, sorted by file name.
    pub documents: Vec<Document>,
}

impl Corpus {
    /// A corpus of `documents`, sorted by file name.
    pub fn new(mut documents: Vec<Document>) -> Corpus {
        crate::order::sort_by(&mut documents, |a, b| a.file.cmp(&b.file));
        Corpus { documents }
    }

    /// The document stored in `file`.
    pub fn get(&self, file: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.file == file)
    }
}

#[cfg(feature = "fs")]
pub use load::{load_dir, CorpusError, ErrorKind, METADATA_FILE};

#[cfg(feature = "fs")]
mod load {
    use super::*;
    use std::collections::BTreeMap;
    use std::fmt;
    use std::path::{Path, PathBuf};

    /// The optional metadata file in a corpus folder.
    pub const METADATA_FILE: &str = "corpus.toml";

    /// A corpus folder that cannot be loaded: which file, which line, and why.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct CorpusError {
        /// The file at fault (or the folder, for folder-level problems).
        pub path: PathBuf,
        /// The 1-based line at fault, where there is one.
        pub line: Option<usize>,
        /// What is wrong.
        pub kind: ErrorKind,
    }

    /// What is wrong with a corpus folder.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum ErrorKind {
        /// The folder or a file could not be read.
        Io(String),
        /// The folder holds no `.txt` file.
        NoDocuments,
        /// A file is not valid UTF-8 (the line holds the first bad byte).
        NotUtf8,
        /// A file has no text.
        Empty,
        /// The metadata file is not valid TOML or has an unexpected shape.
        Metadata(String),
        /// The metadata names a document that is not in the folder.
        MissingDocument(String),
        /// A date in the metadata is not a valid date.
        BadDate(String),
    }

    impl fmt::Display for CorpusError {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "{}", self.path.display())?;
            if let Some(line) = self.line {
                write!(f, ":{line}")?;
            }
            match &self.kind {
                ErrorKind::Io(e) => write!(f, ": cannot read: {e}"),
                ErrorKind::NoDocuments => write!(f, ": no .txt articles in this folder"),
                ErrorKind::NotUtf8 => write!(f, ": not valid UTF-8 text (save the file as UTF-8)"),
                ErrorKind::Empty => write!(f, ": the article is empty"),
                ErrorKind::Metadata(e) => write!(f, ": {e}"),
                ErrorKind::MissingDocument(name) => {
                    write!(
                        f,
                        ": metadata for {name:?}, but there is no such .txt file in the folder"
                    )
                }
                ErrorKind::BadDate(e) => write!(f, ": bad date: {e}"),
            }
        }
    }

    impl std::error::Error for CorpusError {}

    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct MetaFile {
        #[serde(default)]
        documents: BTreeMap<String, toml::Spanned<MetaEntry>>,
    }

    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct MetaEntry {
        title: Option<String>,
        source: Option<String>,
        url: Option<String>,
        published: Option<toml::Spanned<String>>,
        #[serde(default)]
        lead: bool,
        covers: Option<String>,
    }

    /// Loads every `.txt` file of `dir` in file-name order, with the metadata of
    /// `dir/corpus.toml` when there is one.
    pub fn load_dir(dir: &Path) -> Result<Corpus, CorpusError> {
        let err = |path: &Path, line, kind| CorpusError {
            path: path.to_path_buf(),
            line,
            kind,
        };
        let entries = std::fs::read_dir(dir).map_err(|e| err(dir, None, ErrorKind::Io(e.to_string())))?;
        let mut files: Vec<PathBuf> = Vec::new();
        for entry in entries {
            let path = entry
                .map_err(|e| err(dir, None, ErrorKind::Io(e.to_string())))?
                .path();
            if path.is_file() && path.extension().is_some_and(|e| e == "txt") {
                files.push(path);
            }
        }
        files.sort();
        if files.is_empty() {
            return Err(err(dir, None, ErrorKind::NoDocuments));
        }

        let meta_path = dir.join(METADATA_FILE);
        let mut metas = if meta_path.is_file() {
            let text = read_text(&meta_path)?;
            parse_metadata(&text).map_err(|(line, kind)| err(&meta_path, line, kind))?
        } else {
            BTreeMap::new()
        };

        let mut documents = Vec::with_capacity(files.len());
        for path in &files {
            let text = read_text(path)?;
            let name = path.file_name().expect("a file").to_string_lossy().into_owned();
            let meta = metas.remove(&name).map(|(_, m)| m).unwrap_or_default();
            let doc = Document::new(name, text, meta)
                .map_err(|TextError::Empty| err(path, None, ErrorKind::Empty))?;
            documents.push(doc);
        }
        if let Some((name, (line, _))) = metas.into_iter().next() {
            return Err(err(&meta_path, Some(line), ErrorKind::MissingDocument(name)));
        }
        Ok(Corpus::new(documents))
    }

    fn read_text(path: &Path) -> Result<String, CorpusError> {
        let bytes = std::fs::read(path).map_err(|e| CorpusError {
            path: path.to_path_buf(),
            line: None,
            kind: ErrorKind::Io(e.to_string()),
        })?;
        String::from_utf8(bytes).map_err(|e| {
            let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            CorpusError {
                path: path.to_path_buf(),
                line: Some(1 + good.iter().filter(|&&b| b == b'\n').count()),
                kind: ErrorKind::NotUtf8,
            }
        })
    }

    type Metas = BTreeMap<String, (usize, Meta)>;

    /// Parses a metadata file into per-file metadata, each with the line of its table.
    fn parse_metadata(text: &str) -> Result<Metas, (Option<usize>, ErrorKind)> {
        let line_of = |offset: usize| 1 + text[..offset.min(text.len())].matches('\n').count();
        let file: MetaFile = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_of(s.start));
            (line, ErrorKind::Metadata(e.message().trim().to_string()))
        })?;
        let mut out = BTreeMap::new();
        for (name, entry) in file.documents {
            let line = line_of(entry.span().start);
            let entry = entry.into_inner();
            let published = match entry.published {
                Some(p) => {
                    let at = line_of(p.span().start);
                    Some(
                        Date::parse(p.get_ref())
                            .map_err(|e| (Some(at), ErrorKind::BadDate(e.to_string())))?,
                    )
                }
                None => None,
            };
            let meta = Meta {
                title: entry.title,
                source: entry.source,
                url: entry.url,
                published,
                lead: entry.lead,
                covers: entry.covers,
            };
            out.insert(name, (line, meta));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_non_empty_line_is_the_title_and_the_rest_are_paragraphs() {
        let d = Document::new(
            "a.txt",
            "\n  Headline here \n\nFirst para.\nSecond para.\n\n\nThird.",
            Meta::default(),
        )
        .unwrap();
        assert_eq!(d.title, "Headline here");
        let paras: Vec<&str> = (0..d.paragraphs.len()).map(|i| d.paragraph(i)).collect();
        assert_eq!(paras, ["First para.", "Second para.", "Third."]);
        assert_eq!(&d.text[d.headline.clone().unwrap()], "Headline here");
    }

    #[test]
    fn a_lead_first_line_stays_in_the_body() {
        let meta = Meta {
            lead: true,
            title: Some("Visit".into()),
            ..Meta::default()
        };
        let d = Document::new("a.txt", "The lead sentence.\nMore.", meta).unwrap();
        assert_eq!(d.title, "Visit");
        assert_eq!(d.headline, None);
        assert_eq!(d.paragraph(0), "The lead sentence.");
    }

    #[test]
    fn a_lead_without_a_title_is_clipped_at_a_word() {
        let meta = Meta {
            lead: true,
            ..Meta::default()
        };
        let long = "word ".repeat(40);
        let d = Document::new("a.txt", long.trim().to_string(), meta).unwrap();
        assert!(
            d.title.ends_with('…') && d.title.chars().count() <= 91,
            "{}",
            d.title
        );
    }

    #[test]
    fn embedded_text_is_borrowed_not_copied() {
        static TEXT: &str = "Title\nBody.";
        let d = Document::new("a.txt", TEXT, Meta::default()).unwrap();
        assert!(matches!(d.text, Cow::Borrowed(_)));
        assert!(std::ptr::eq(d.text.as_ptr(), TEXT.as_ptr()));
        let owned = Document::new("b.txt", TEXT.to_string(), Meta::default()).unwrap();
        assert_eq!(owned.paragraphs, d.paragraphs);
    }

    #[test]
    fn whitespace_only_text_is_empty() {
        assert_eq!(
            Document::new("a.txt", " \n\t\n", Meta::default()),
            Err(TextError::Empty)
        );
    }

    #[test]
    fn crlf_line_ends_are_not_part_of_paragraphs() {
        let d = Document::new(
            "a.txt",
            "Title\r\n\r\nBody one.\r\nBody two.\r\n",
            Meta::default(),
        )
        .unwrap();
        assert_eq!(d.title, "Title");
        assert_eq!(d.paragraph(1), "Body two.");
    }

    #[test]
    fn words_keep_apostrophes_and_hyphens_inside() {
        assert_eq!(count_words("Putin’s U.S.-China talks — 66% of $240 billion"), 9);
        assert_eq!(count_words("Kim Jong-un's visit"), 3);
        assert_eq!(count_words(" … — "), 0);
    }

    #[test]
    fn corpus_sorts_documents_by_file_name() {
        let doc = |f: &str| Document::new(f, "T\nB", Meta::default()).unwrap();
        let c = Corpus::new(vec![doc("b.txt"), doc("a.txt")]);
        assert_eq!(c.documents[0].file, "a.txt");
        assert!(c.get("b.txt").is_some() && c.get("c.txt").is_none());
    }
}
