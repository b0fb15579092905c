//! The corpus as the web page carries it: each article's text with its analysis written
//! in as control characters, so that the page's loader can draw the linked article,
//! highlighted, before the wasm has started (start-up: `docs/performance.md`), and the
//! app reads the same text back with the marks taken out.
//!
//! The page text is, for each document that fits, six fields each led by ESC (U+001B):
//! file, source, publication date, what it covers (empty when unknown), the title when
//! no block is its headline (else empty), and the marked text. In the marked text, each
//! block (non-empty line) starts with a zone character, U+001C + [`ZONES`] index, and
//! each mention is its text between a label character, U+0011 + [`Label::ALL`] index,
//! and U+0010. The app takes the file name, source and coverage from the page too, so
//! they are not in the wasm twice.
//!
//! A document whose text, file name or metadata holds a character the page uses (NUL,
//! which HTML cannot carry, or U+0010–U+001F), or an empty source or coverage, does not
//! fit: the app embeds it as before, and the loader draws nothing for it.

use crate::analysis::{DocAnalysis, Zone};
use crate::corpus::{Corpus, Document};
use crate::{Analysis, Label};

/// Separates the fields of the page text.
pub const SEPARATOR: char = '\u{1b}';
/// Ends a mention.
const END: char = '\u{10}';
/// The label character of [`Label::ALL`]`[0]`; the others follow.
const FIRST_LABEL: u32 = 0x11;
/// The zone character of [`ZONES`]`[0]`; the others follow.
const FIRST_ZONE: u32 = 0x1c;
/// The zones, in the order of their characters.
pub const ZONES: [Zone; 4] = [Zone::Title, Zone::Body, Zone::Caption, Zone::Boilerplate];

/// Whether `c` is one the page text uses, or one HTML cannot carry.
fn reserved(c: char) -> bool {
    u8::try_from(c).is_ok_and(reserved_byte)
}

/// Whether `b` is the UTF-8 of a [`reserved`] character. Those are ASCII, so such a
/// byte is never part of another character.
fn reserved_byte(b: u8) -> bool {
    b == 0 || (0x10..=0x1f).contains(&b)
}

/// `marked` with its marks taken out: the runs between them, copied. Scans bytes, not
/// characters: a third faster, at 2,000 articles (10 MB) 26 against 41 ms natively.
fn unmarked(marked: &str) -> String {
    let mut out = String::with_capacity(marked.len());
    let mut from = 0;
    for (i, b) in marked.bytes().enumerate() {
        if reserved_byte(b) {
            out.push_str(&marked[from..i]);
            from = i + 1;
        }
    }
    out.push_str(&marked[from..]);
    out
}

/// Whether `doc` can travel in the page text (see the module doc).
pub fn fits(doc: &Document) -> bool {
    let m = &doc.meta;
    [Some(&*doc.text), Some(&*doc.file), Some(&*doc.title)]
        .into_iter()
        .chain([&m.source, &m.covers, &m.title, &m.url].map(Option::as_deref))
        .flatten()
        .all(|s| !s.contains(reserved))
        && m.source.as_deref() != Some("")
        && m.covers.as_deref() != Some("")
}

/// What the page gives of a document: its file name, source, coverage and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paged<'a> {
    /// The file name.
    pub file: &'a str,
    /// The source, if known.
    pub source: Option<&'a str>,
    /// What the article covers, if known.
    pub covers: Option<&'a str>,
    /// The text, unchanged from the file (its marks taken out).
    pub text: String,
}

/// The page text of `corpus` (see the module doc), and for each document whether it
/// is in it.
pub fn page_text(corpus: &Corpus, analysis: &Analysis) -> (String, Vec<bool>) {
    let mut out = String::new();
    let mut in_page = Vec::with_capacity(corpus.documents.len());
    for (doc, a) in corpus.documents.iter().zip(&analysis.docs) {
        let fits = fits(doc);
        in_page.push(fits);
        if fits {
            write_doc(&mut out, doc, a);
        }
    }
    (out, in_page)
}

/// Appends `doc`'s fields, its analysis `a` marked in.
fn write_doc(out: &mut String, doc: &Document, a: &DocAnalysis) {
    let has_headline = a.blocks.iter().any(|b| b.zone == Zone::Title);
    let title = if has_headline { "" } else { &doc.title };
    let m = &doc.meta;
    let date = m.published.map(|d| d.to_string()).unwrap_or_default();
    let or_empty = |s: &Option<String>| s.clone().unwrap_or_default();
    for field in [
        &*doc.file,
        &or_empty(&m.source),
        &date,
        &or_empty(&m.covers),
        title,
    ] {
        out.push(SEPARATOR);
        out.push_str(field);
    }
    out.push(SEPARATOR);
    let text = &*doc.text;
    let mut at = 0;
    let mut mentions = a.mentions.iter().peekable();
    for block in &a.blocks {
        out.push_str(&text[at..block.range.start]);
        out.push(code(FIRST_ZONE, ZONES.iter().position(|&z| z == block.zone)));
        at = block.range.start;
        while let Some(m) = mentions.next_if(|m| m.range.end <= block.range.end) {
            if m.range.start < at {
                continue; // the reader draws no overlapping marks
            }
            out.push_str(&text[at..m.range.start]);
            out.push(code(FIRST_LABEL, Label::ALL.iter().position(|&l| l == m.label)));
            out.push_str(&text[m.range.clone()]);
            out.push(END);
            at = m.range.end;
        }
    }
    out.push_str(&text[at..]);
}

/// The character `first + index`.
fn code(first: u32, index: Option<usize>) -> char {
    let i = index.expect("every zone and label has a character") as u32;
    char::from_u32(first + i).expect("a control character")
}

/// The documents of a page text, in order. `None` if `page` is not a page text.
pub fn read(page: &str) -> Option<Vec<Paged<'_>>> {
    let mut fields = page.split(SEPARATOR);
    if !fields.next()?.is_empty() {
        return None;
    }
    let mut docs = Vec::new();
    while let Some(file) = fields.next() {
        let source = known(fields.next()?);
        let _date = fields.next()?;
        let covers = known(fields.next()?);
        let _title = fields.next()?;
        let text = unmarked(fields.next()?);
        docs.push(Paged {
            file,
            source,
            covers,
            text,
        });
    }
    Some(docs)
}

/// `s`, unless it is empty (unknown).
fn known(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

/// `s` as HTML text: `&`, `<` and `>` as references, and carriage returns too (an HTML
/// parser turns a literal one into a line feed).
pub fn html_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyse;
    use crate::corpus::Meta;

    fn corpus(docs: &[(&str, &str, Meta)]) -> Corpus {
        Corpus::new(
            docs.iter()
                .map(|(f, t, m)| Document::new(*f, t.to_string(), m.clone()).unwrap())
                .collect(),
        )
    }

    #[test]
    fn the_text_read_back_is_the_file_s_text() {
        let c = corpus(&[
            (
                "a.txt",
                "Putin meets Xi\r\n\r\n  Mr. Putin arrived in Beijing on Monday.  \r\n",
                Meta::default(),
            ),
            (
                "b.txt",
                "Photo: AP\nThe talks in Moscow, Russia went on.\n\n",
                Meta::default(),
            ),
            (
                "ä.txt",
                "Zelenskiy’s “visit” to Kyiv — ok\n\nAngela Merkel met Ölaf in Zürich, 5%.",
                Meta::default(),
            ),
        ]);
        let (page, in_page) = page_text(&c, &analyse(&c));
        assert_eq!(in_page, [true, true, true]);
        let back = read(&page).unwrap();
        assert_eq!(back.len(), 3);
        for (paged, doc) in back.iter().zip(&c.documents) {
            assert_eq!(paged.file, doc.file);
            assert_eq!(paged.text, doc.text);
        }
    }

    #[test]
    fn marks_and_zones_are_written_where_the_analysis_puts_them() {
        let c = corpus(&[(
            "a.txt",
            "Putin meets Xi\n\nMr. Putin arrived in Beijing.",
            Meta::default(),
        )]);
        let a = analyse(&c);
        let (page, _) = page_text(&c, &a);
        let fields: Vec<&str> = page.split(SEPARATOR).collect();
        // No metadata; the headline is a block.
        assert_eq!(fields[..6], ["", "a.txt", "", "", "", ""]);
        let marked = fields[6];
        // One zone character per block, a label character and an end per mention.
        let zones = marked
            .chars()
            .filter(|c| ('\u{1c}'..='\u{1f}').contains(c))
            .count();
        assert_eq!(zones, a.docs[0].blocks.len());
        assert_eq!(marked.matches(END).count(), a.docs[0].mentions.len());
        assert!(marked.starts_with('\u{1c}')); // the headline
        let gpe = code(FIRST_LABEL, Label::ALL.iter().position(|&l| l == Label::Gpe));
        assert!(marked.contains(&format!("{gpe}Beijing{END}")), "{marked:?}");
    }

    #[test]
    fn the_metadata_fields_hold_what_the_byline_shows() {
        let meta = Meta {
            lead: true,
            source: Some("Wire".into()),
            covers: Some("The visit".into()),
            published: Some(crate::date::Date {
                year: 2024,
                month: Some(5),
                day: None,
            }),
            ..Meta::default()
        };
        let c = corpus(&[("a.txt", "Mr. Putin arrived in Beijing on Monday for talks.", meta)]);
        let (page, _) = page_text(&c, &analyse(&c));
        let fields: Vec<&str> = page.split(SEPARATOR).collect();
        assert_eq!(
            fields[2..6],
            ["Wire", "2024-05", "The visit", &*c.documents[0].title]
        );
        assert_eq!(fields[2..5].join(" · "), c.documents[0].meta.byline());
        let back = read(&page).unwrap();
        assert_eq!(
            (back[0].source, back[0].covers),
            (Some("Wire"), Some("The visit"))
        );
    }

    #[test]
    fn a_document_with_a_character_the_page_uses_stays_out() {
        let c = corpus(&[
            ("a.txt", "Putin meets Xi\n\nHe\u{1b}said.", Meta::default()),
            ("b.txt", "Nul\0here", Meta::default()),
            (
                "c.txt",
                "Putin meets Xi",
                Meta {
                    covers: Some("x\u{10}".into()),
                    ..Meta::default()
                },
            ),
            // An empty source would read back as none.
            (
                "d.txt",
                "Putin meets Xi",
                Meta {
                    source: Some(String::new()),
                    ..Meta::default()
                },
            ),
            ("e.txt", "Putin meets Xi", Meta::default()),
        ]);
        let (page, in_page) = page_text(&c, &analyse(&c));
        assert_eq!(in_page, [false, false, false, false, true]);
        let back = read(&page).unwrap();
        let paged = Paged {
            file: "e.txt",
            source: None,
            covers: None,
            text: "Putin meets Xi".into(),
        };
        assert_eq!(back, [paged]);
    }

    #[test]
    fn text_that_is_not_a_page_text_reads_as_none() {
        assert_eq!(read("no separator first"), None);
        assert_eq!(read("\u{1b}a.txt\u{1b}source\u{1b}2024"), None);
        assert_eq!(read(""), Some(vec![])); // a corpus none of whose documents fit
    }

    #[test]
    fn html_text_escapes_what_would_be_markup_or_change() {
        assert_eq!(
            html_text("a < b && c > d</template><script>\r\n"),
            "a &lt; b &amp;&amp; c &gt; d&lt;/template&gt;&lt;script&gt;&#13;\n"
        );
    }
}
