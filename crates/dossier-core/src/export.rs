//! Tables as JSON Lines, JSON or CSV, for the CLI and the app's downloads alike: the
//! mentions `dossier extract` prints, and what each of the app's views shows (the
//! entity panel, the article list, mentions in context, entity pairs and the sentences a
//! pair shares, the timeline's periods and its dates).
//!
//! Every table goes through one encoder per format (`Table::encode`), so JSON and CSV
//! hold the same fields under the same names. Offsets are Unicode code points into the
//! file, end exclusive; dates are ISO 8601 to the precision known (`2024-05`), empty when
//! unknown. CSV is RFC 4180 (CRLF line ends; a field is quoted when it holds a comma, a
//! quote or a line break) made to open cleanly in a spreadsheet: it starts with a UTF-8
//! byte order mark, by which spreadsheets tell UTF-8 from their local code page, and a
//! text that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is written
//! with a `'` before it, so that a spreadsheet shows it as text instead of running it as
//! a formula (OWASP, "CSV injection"). JSON and JSON Lines hold the text as it is.
//!
//! The tables' fields, in order:
//! - mentions: `doc`, `start`, `end`, `text`, `label`, `canonical`, `zone`;
//! - quotes: `doc`, `start`, `end`, `text`, `kind` (`direct`/`reported`), `cue`,
//!   `speaker` (the canonical name), `speaker_id` (the entity id), `speaker_start`,
//!   `speaker_end`, `speaker_text` (the mention that names the speaker); null in JSON
//!   (empty in CSV) when there is no cue or no speaker;
//! - entities: `id`, `canonical`, `label`, `mentions`, `articles`, `aliases`, `link`;
//! - articles: `title`, `date`, `source`, `url`, `matches`, `sentence`, `file`, `link`;
//! - mentions in context: `title`, `date`, `sentence`, `mention`, `entity`, `label`,
//!   `zone`, `file`, `start`, `end`, `link`;
//! - pairs: `entity_a`, `label_a`, `entity_b`, `label_b`, `sentences`, `link`;
//! - shared sentences: `title`, `date`, `sentence`, `entity_a`, `entity_b`, `file`,
//!   `start`, `end`, `link`;
//! - periods: `period`, `mentions`, `articles`, `link`;
//! - dates: `title`, `date`, `sentence`, `mention`, `from`, `to`, `file`, `start`, `end`,
//!   `link` (`from` and `to` are the days it resolves to, empty when it cannot be placed).
//!
//! `sentence` is the whole sentence a row comes from; `link` the address of the view
//! that shows the row (the caller's, as only it knows the page's address).

use crate::corpus::{Corpus, Document};
use crate::model::{Analysis, DocAnalysis, Mention, Quote};
use crate::query::{Kwic, SharedSentence};
use crate::timeline::{Bucket, DateMention};
use std::borrow::Cow;
use std::fmt::Write as _;
use std::ops::Range;

mod stream;

pub use stream::{ComparedRow, Names, Parts, COMPARISON_COLUMNS, MENTION_COLUMNS, QUOTE_COLUMNS};

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One JSON object a line.
    Jsonl,
    /// One JSON array of objects.
    Json,
    /// RFC 4180 CSV with a header line, for spreadsheets (module doc).
    Csv,
}

/// The byte order mark that starts a CSV file.
pub const BOM: char = '\u{feff}';

/// Writes every mention for which `keep(document index, mention)` holds.
pub fn mentions(
    corpus: &Corpus,
    analysis: &Analysis,
    format: Format,
    keep: impl Fn(usize, &Mention) -> bool,
) -> String {
    let mut out = String::new();
    let all = mentions_in_chunks(corpus, analysis, format, keep, usize::MAX, |chunk| {
        out.push_str(chunk);
        Ok::<(), std::convert::Infallible>(())
    });
    all.unwrap_or_else(|never| match never {});
    out
}

/// [`mentions`], handed to `put` in chunks of about `chunk` bytes (whole documents'
/// rows; the last may be shorter) instead of one string: a command line writes a large
/// corpus's table as it goes, without holding (and growing) all of it. Stops at `put`'s
/// first error.
pub fn mentions_in_chunks<E>(
    corpus: &Corpus,
    analysis: &Analysis,
    format: Format,
    keep: impl Fn(usize, &Mention) -> bool,
    chunk: usize,
    mut put: impl FnMut(&str) -> Result<(), E>,
) -> Result<(), E> {
    let mut parts = Parts::new(MENTION_COLUMNS, format);
    let name = |e: usize| Some(analysis.entities[e].canonical.as_str());
    let mut out = parts.start();
    for (i, (doc, da)) in corpus.documents.iter().zip(&analysis.docs).enumerate() {
        let rows = parts.mentions_into(doc, da, name, |m| keep(i, m), &mut out);
        rows.expect("every entity of the analysis has a name");
        if out.len() >= chunk {
            put(&out)?;
            out.clear();
        }
    }
    out.push_str(&parts.finish());
    put(&out)
}

/// Writes every quote for which `keep(document index, quote)` holds.
pub fn quotes(
    corpus: &Corpus,
    analysis: &Analysis,
    format: Format,
    keep: impl Fn(usize, &Quote) -> bool,
) -> String {
    let mut parts = Parts::new(QUOTE_COLUMNS, format);
    let speaker = |e: usize| {
        let entity = &analysis.entities[e];
        Some((entity.canonical.as_str(), entity.id.as_str()))
    };
    let mut out = parts.start();
    for (i, (doc, da)) in corpus.documents.iter().zip(&analysis.docs).enumerate() {
        let rows = parts.quotes(doc, da, speaker, |q| keep(i, q));
        out.push_str(&rows.expect("every entity of the analysis has a name"));
    }
    out.push_str(&parts.finish());
    out
}

/// Writes the entities `rows` as `(entity index, mentions, articles)`: counts under
/// whatever filter the caller applied; `link` gives the address of the view of an
/// entity's articles.
pub fn entities(
    analysis: &Analysis,
    rows: &[(usize, usize, usize)],
    link: impl Fn(usize) -> String,
    format: Format,
) -> String {
    let mut t = Table::new(&[
        "id",
        "canonical",
        "label",
        "mentions",
        "articles",
        "aliases",
        "link",
    ]);
    for &(i, mentions, articles) in rows {
        let e = &analysis.entities[i];
        let aliases: Vec<&str> = e.aliases.iter().map(|a| a.text.as_str()).collect();
        t.row([
            text(&e.id),
            text(&e.canonical),
            text(e.label.code()),
            Field::Num(mentions),
            Field::Num(articles),
            text(aliases.join("|")),
            text(link(i)),
        ]);
    }
    t.encode(format)
}

/// One row of an article list: the document, its matches, and where the first is (a
/// byte offset), if it has any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArticleRow {
    /// Index of the document.
    pub doc: usize,
    /// Matches of the search and mentions of the required entities in it.
    pub matches: usize,
    /// Byte offset of the first match, whose sentence the row gives; without one, the
    /// row gives the article's first sentence after the title.
    pub first: Option<usize>,
}

/// Writes an article list; `link(doc)` gives the address that opens an article.
pub fn articles(
    corpus: &Corpus,
    analysis: &Analysis,
    rows: &[ArticleRow],
    link: impl Fn(usize) -> String,
    format: Format,
) -> String {
    let mut t = Table::new(&[
        "title", "date", "source", "url", "matches", "sentence", "file", "link",
    ]);
    for r in rows {
        let (doc, da) = (&corpus.documents[r.doc], &analysis.docs[r.doc]);
        let sentence = r
            .first
            .and_then(|at| da.sentences.iter().find(|s| s.contains(&at)))
            .or_else(|| lead(da))
            .map_or("", |s| &doc.text[s.clone()]);
        let meta = &doc.meta;
        t.row([
            text(&doc.title),
            date(doc),
            text(meta.source.as_deref().unwrap_or("")),
            text(meta.url.as_deref().unwrap_or("")),
            Field::Num(r.matches),
            text(sentence),
            text(&doc.file),
            text(link(r.doc)),
        ]);
    }
    t.encode(format)
}

/// The first sentence of an article's body.
fn lead(da: &DocAnalysis) -> Option<&Range<usize>> {
    let body = da.blocks.iter().find(|b| b.zone == crate::Zone::Body)?;
    da.sentences.iter().find(|s| s.start >= body.range.start)
}

/// Writes mentions in context (the mentions view's rows, in its order) with the
/// sentence of each; `link` gives the address that opens the reader at one.
pub fn kwic(
    corpus: &Corpus,
    analysis: &Analysis,
    rows: &[Kwic],
    link: impl Fn(&Kwic) -> String,
    format: Format,
) -> String {
    let mut t = Table::new(&[
        "title", "date", "sentence", "mention", "entity", "label", "zone", "file", "start", "end", "link",
    ]);
    let mut cp = DocCodePoints::new(corpus);
    for k in rows {
        let doc = &corpus.documents[k.doc];
        let m = &analysis.docs[k.doc].mentions[k.mention];
        let sentence = analysis.docs[k.doc].sentences.get(m.sentence).unwrap_or(&m.range);
        let cp = cp.of(k.doc);
        t.row([
            text(&doc.title),
            date(doc),
            text(&doc.text[sentence.clone()]),
            text(&doc.text[k.range.clone()]),
            text(&analysis.entities[k.entity].canonical),
            text(m.label.code()),
            text(k.zone.code()),
            text(&doc.file),
            Field::Num(cp.at(k.range.start)),
            Field::Num(cp.at(k.range.end)),
            text(link(k)),
        ]);
    }
    t.encode(format)
}

/// Writes entity pairs `(entity, entity, shared sentences)`; `link(a, b)` gives the
/// address of the view of a pair's sentences.
pub fn pairs(
    analysis: &Analysis,
    rows: &[(usize, usize, u32)],
    link: impl Fn(usize, usize) -> String,
    format: Format,
) -> String {
    let mut t = Table::new(&["entity_a", "label_a", "entity_b", "label_b", "sentences", "link"]);
    for &(a, b, n) in rows {
        let (ea, eb) = (&analysis.entities[a], &analysis.entities[b]);
        t.row([
            text(&ea.canonical),
            text(ea.label.code()),
            text(&eb.canonical),
            text(eb.label.code()),
            Field::Num(n as usize),
            text(link(a, b)),
        ]);
    }
    t.encode(format)
}

/// Writes the sentences entities `a` and `b` share; `link` gives the address that opens
/// the reader at one.
pub fn shared_sentences(
    corpus: &Corpus,
    analysis: &Analysis,
    (a, b): (usize, usize),
    rows: &[SharedSentence],
    link: impl Fn(&SharedSentence) -> String,
    format: Format,
) -> String {
    let mut t = Table::new(&[
        "title", "date", "sentence", "entity_a", "entity_b", "file", "start", "end", "link",
    ]);
    let mut cp = DocCodePoints::new(corpus);
    for s in rows {
        let doc = &corpus.documents[s.doc];
        let cp = cp.of(s.doc);
        t.row([
            text(&doc.title),
            date(doc),
            text(&doc.text[s.range.clone()]),
            text(&analysis.entities[a].canonical),
            text(&analysis.entities[b].canonical),
            text(&doc.file),
            Field::Num(cp.at(s.range.start)),
            Field::Num(cp.at(s.range.end)),
            text(link(s)),
        ]);
    }
    t.encode(format)
}

/// Writes a timeline's periods (`YYYY-MM` or `YYYY`) with the DATE mentions and
/// articles in each; `link` gives the address of the view of a period's articles.
pub fn periods(buckets: &[Bucket], link: impl Fn(&Bucket) -> String, format: Format) -> String {
    let mut t = Table::new(&["period", "mentions", "articles", "link"]);
    for b in buckets {
        t.row([
            text(b.key.to_string()),
            Field::Num(b.mentions),
            Field::Num(b.documents),
            text(link(b)),
        ]);
    }
    t.encode(format)
}

/// Writes DATE mentions (the timeline's list, in its order) with the days each
/// resolves to and its sentence; `link` gives the address that opens the reader at one.
pub fn dates(
    corpus: &Corpus,
    analysis: &Analysis,
    rows: &[&DateMention],
    link: impl Fn(&DateMention) -> String,
    format: Format,
) -> String {
    let mut t = Table::new(&[
        "title", "date", "sentence", "mention", "from", "to", "file", "start", "end", "link",
    ]);
    let mut cp = DocCodePoints::new(corpus);
    for d in rows {
        let doc = &corpus.documents[d.doc];
        let m = &analysis.docs[d.doc].mentions[d.mention];
        let sentence = analysis.docs[d.doc].sentences.get(m.sentence).unwrap_or(&m.range);
        let day = |f: fn(&crate::timeline::Period) -> crate::date::Date| {
            text(d.period.as_ref().map(|p| f(p).to_string()).unwrap_or_default())
        };
        let cp = cp.of(d.doc);
        t.row([
            text(&doc.title),
            date(doc),
            text(&doc.text[sentence.clone()]),
            text(&doc.text[d.range.clone()]),
            day(|p| p.start),
            day(|p| p.end),
            text(&doc.file),
            Field::Num(cp.at(d.range.start)),
            Field::Num(cp.at(d.range.end)),
            text(link(d)),
        ]);
    }
    t.encode(format)
}

/// Code-point offsets for rows that come document after document: one pass over each
/// document's text while its rows follow each other.
struct DocCodePoints<'c> {
    corpus: &'c Corpus,
    doc: usize,
    cp: CodePoints<'c>,
}

impl<'c> DocCodePoints<'c> {
    fn new(corpus: &'c Corpus) -> Self {
        DocCodePoints {
            corpus,
            doc: usize::MAX,
            cp: CodePoints::new(""),
        }
    }

    /// The converter of document `doc`'s text.
    fn of(&mut self, doc: usize) -> &mut CodePoints<'c> {
        if doc != self.doc {
            self.doc = doc;
            self.cp = CodePoints::new(&self.corpus.documents[doc].text);
        }
        &mut self.cp
    }
}

/// A document's publication date as a field: ISO 8601, empty when unknown.
fn date(doc: &Document) -> Field<'static> {
    text(doc.meta.published.map(|d| d.to_string()).unwrap_or_default())
}

/// One field of a row.
enum Field<'a> {
    Text(Cow<'a, str>),
    Num(usize),
    /// A number already written (`-1.25`), put as it is.
    Written(String),
    /// No value: JSON null, an empty CSV field.
    Null,
}

/// A text field.
fn text<'a>(s: impl Into<Cow<'a, str>>) -> Field<'a> {
    Field::Text(s.into())
}

/// Named columns and rows of fields, stored row after row.
struct Table<'a> {
    columns: &'static [&'static str],
    cells: Vec<Field<'a>>,
}

impl<'a> Table<'a> {
    fn new(columns: &'static [&'static str]) -> Self {
        Table {
            columns,
            cells: Vec::new(),
        }
    }

    /// A table with room for `rows` rows, filled without growing.
    fn with_rows(columns: &'static [&'static str], rows: usize) -> Self {
        Table {
            columns,
            cells: Vec::with_capacity(rows * columns.len()),
        }
    }

    /// Adds a row: one field per column.
    fn row<const N: usize>(&mut self, fields: [Field<'a>; N]) {
        debug_assert_eq!(N, self.columns.len());
        self.cells.extend(fields);
    }

    fn rows(&self) -> std::slice::Chunks<'_, Field<'a>> {
        self.cells.chunks(self.columns.len())
    }

    /// The table in `format`: the one encoder of each.
    fn encode(&self, format: Format) -> String {
        let mut out = start(self.columns, format);
        self.encode_rows(format, 0, &mut out);
        out.push_str(finish(format, !self.cells.is_empty()));
        out
    }

    /// Appends the rows in `format`, as rows `before..` of a table (JSON separates each
    /// from the one before).
    fn encode_rows(&self, format: Format, before: usize, out: &mut String) {
        match format {
            Format::Csv => {
                for row in self.rows() {
                    for (i, f) in row.iter().enumerate() {
                        if i > 0 {
                            out.push(',');
                        }
                        match f {
                            Field::Text(s) => out.push_str(&csv_field(s)),
                            Field::Num(n) => push_number(out, *n),
                            Field::Written(n) => out.push_str(n),
                            Field::Null => {}
                        }
                    }
                    out.push_str("\r\n");
                }
            }
            Format::Jsonl => {
                let keys = self.json_keys();
                for row in self.rows() {
                    json_object(out, &keys, row);
                    out.push('\n');
                }
            }
            Format::Json => {
                let keys = self.json_keys();
                for (r, row) in self.rows().enumerate() {
                    out.push_str(if before + r > 0 { ",\n  " } else { "\n  " });
                    json_object(out, &keys, row);
                }
            }
        }
    }

    /// What comes before each column's value in a JSON object (`"doc": `, `, "start": `),
    /// written once a table rather than piece by piece in every row.
    fn json_keys(&self) -> Vec<String> {
        let keys = self.columns.iter().enumerate();
        keys.map(|(i, name)| format!("{}\"{name}\": ", if i == 0 { "" } else { ", " }))
            .collect()
    }
}

/// Writes `row` as a JSON object straight into `out`, each value after its column's
/// key ([`Table::json_keys`]).
fn json_object(out: &mut String, keys: &[String], row: &[Field]) {
    out.push('{');
    for (key, f) in keys.iter().zip(row) {
        out.push_str(key);
        match f {
            Field::Text(s) => push_json_string(out, s),
            Field::Num(n) => push_number(out, *n),
            Field::Written(n) => out.push_str(n),
            Field::Null => out.push_str("null"),
        }
    }
    out.push('}');
}

/// What a table with `columns` starts with in `format`: CSV's byte order mark and
/// header, JSON's `[`.
fn start(columns: &[&str], format: Format) -> String {
    let mut out = String::new();
    match format {
        Format::Csv => {
            out.push(BOM);
            out.push_str(&columns.join(","));
            out.push_str("\r\n");
        }
        Format::Jsonl => {}
        Format::Json => out.push('['),
    }
    out
}

/// What a table ends with in `format`, after rows if `any`.
fn finish(format: Format, any: bool) -> &'static str {
    match (format, any) {
        (Format::Json, true) => "\n]\n",
        (Format::Json, false) => "]\n",
        _ => "",
    }
}

/// Writes `n` in decimal to `out`, as `write!` would, without the formatting machinery
/// (two numbers a mention row).
fn push_number(out: &mut String, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // Pushed one by one: for four or five digits, cheaper than checking them as UTF-8
    // and copying them (this function was 0.8 % of `extract`'s instructions at 2,000 articles).
    for &d in &digits[i..] {
        out.push(char::from(d));
    }
}

/// The bytes a JSON string literal escapes: the quotation mark, the backslash and the
/// control characters.
const JSON_ESCAPED: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = true;
        b += 1;
    }
    t[b'"' as usize] = true;
    t[b'\\' as usize] = true;
    t
};

/// A JSON string literal.
pub fn json_string(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    push_json_string(&mut o, s);
    o
}

/// Writes `s` as a JSON string literal to `out`: the runs that need no escape copied
/// whole (a byte below 0x80 is never part of a longer UTF-8 character).
pub fn push_json_string(out: &mut String, s: &str) {
    out.push('"');
    let mut rest = s;
    while let Some(k) = rest.bytes().position(|b| JSON_ESCAPED[usize::from(b)]) {
        out.push_str(&rest[..k]);
        match rest.as_bytes()[k] {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            b => write!(out, "\\u{:04x}", b).expect("writing to a String"),
        }
        rest = &rest[k + 1..];
    }
    out.push_str(rest);
    out.push('"');
}

/// A CSV text field: with a `'` before it when a spreadsheet would read it as a
/// formula, and quoted when needed (RFC 4180).
pub fn csv_field(s: &str) -> String {
    let guard = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        "'"
    } else {
        ""
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{guard}{}\"", s.replace('"', "\"\""))
    } else {
        format!("{guard}{s}")
    }
}

/// Converts increasing byte offsets of one text to code-point offsets in one pass.
pub struct CodePoints<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CodePoints<'a> {
    /// A converter for `text`.
    pub fn new(text: &'a str) -> Self {
        CodePoints {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// The code-point offset of byte offset `b`; restarts when `b` goes backwards.
    pub fn at(&mut self, b: usize) -> usize {
        if b < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..b].chars().count();
        self.byte = b;
        self.chars
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_strings_escape_quotes_backslashes_and_controls() {
        assert_eq!(json_string("a\"b\\c\nd\u{1}"), r#""a\"b\\c\nd\u0001""#);
        assert_eq!(json_string("Putin’s"), "\"Putin’s\"");
    }

    #[test]
    fn numbers_are_written_as_format_writes_them() {
        for n in [0, 7, 10, 99, 1_000, 123_456_789, usize::MAX] {
            let mut out = String::new();
            push_number(&mut out, n);
            assert_eq!(out, n.to_string());
        }
    }

    #[test]
    fn csv_fields_are_quoted_only_when_needed() {
        assert_eq!(csv_field("Beijing"), "Beijing");
        assert_eq!(csv_field("Washington, D.C."), "\"Washington, D.C.\"");
        assert_eq!(
            csv_field("the \"no limits\" tie"),
            "\"the \"\"no limits\"\" tie\""
        );
    }

    #[test]
    fn csv_fields_a_spreadsheet_would_run_as_formulas_are_kept_as_text() {
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("+1 555 0100"), "'+1 555 0100");
        assert_eq!(csv_field("-3%, then more"), "\"'-3%, then more\"");
        assert_eq!(csv_field("@handle"), "'@handle");
        assert_eq!(csv_field("a=b"), "a=b");
    }

    #[test]
    fn code_points_count_characters_not_bytes() {
        let mut cp = CodePoints::new("Xi’s visit");
        assert_eq!(cp.at(2), 2);
        assert_eq!(cp.at(6), 4);
        assert_eq!(cp.at(0), 0);
    }

    #[test]
    fn mentions_export_in_each_format_with_code_point_offsets() {
        use crate::corpus::{Document, Meta};
        let doc = Document::new(
            "a.txt",
            "Xi’s talks\n\nMr. Putin met Xi Jinping in Beijing.",
            Meta::default(),
        )
        .unwrap();
        let corpus = Corpus::new(vec![doc]);
        let analysis = crate::analyse(&corpus);
        let n = analysis.docs[0].mentions.len();
        assert!(n >= 3, "{:?}", analysis.docs[0].mentions);
        let jsonl = mentions(&corpus, &analysis, Format::Jsonl, |_, _| true);
        assert_eq!(jsonl.lines().count(), n);
        assert!(jsonl.contains("\"text\": \"Putin\""));
        let putin = jsonl.lines().find(|l| l.contains("\"Putin\"")).unwrap();
        assert!(putin.contains("\"start\": 16, \"end\": 21"), "{putin}");
        let csv = mentions(&corpus, &analysis, Format::Csv, |_, m| {
            m.label == crate::Label::Gpe
        });
        assert_eq!(
            csv.lines().next(),
            Some("\u{feff}doc,start,end,text,label,canonical,zone")
        );
        assert_eq!(csv.lines().count(), 2);
        let json = mentions(&corpus, &analysis, Format::Json, |_, _| false);
        assert_eq!(json, "[]\n");
    }

    #[test]
    fn mentions_in_chunks_are_whole_documents_that_join_into_the_table() {
        use crate::corpus::{Document, Meta};
        let texts = [
            "Mr. Putin met Xi Jinping.",
            "Talks in Oslo",
            "Ana Ruiz left Lima on Monday.",
        ];
        let docs = texts.iter().enumerate();
        let docs = docs.map(|(i, t)| Document::new(format!("{i}.txt"), *t, Meta::default()).unwrap());
        let corpus = Corpus::new(docs.collect());
        let analysis = crate::analyse(&corpus);
        for format in [Format::Jsonl, Format::Json, Format::Csv] {
            let whole = mentions(&corpus, &analysis, format, |_, _| true);
            // A chunk of one byte: every document's rows are handed over on their own.
            let mut chunks: Vec<String> = Vec::new();
            let put = |c: &str| {
                chunks.push(c.to_string());
                Ok::<(), ()>(())
            };
            mentions_in_chunks(&corpus, &analysis, format, |_, _| true, 1, put).unwrap();
            assert_eq!(chunks.concat(), whole, "{format:?}");
            // The documents with rows, then what ends the table.
            let with_rows = analysis.docs.iter().filter(|d| !d.mentions.is_empty()).count();
            assert!(with_rows >= 2 && chunks.len() >= with_rows, "{chunks:?}");
        }
        let mut calls = 0;
        let failing = |_: &str| {
            calls += 1;
            Err("closed")
        };
        let r = mentions_in_chunks(&corpus, &analysis, Format::Jsonl, |_, _| true, 1, failing);
        assert_eq!((r, calls), (Err("closed"), 1), "stops at the first error");
    }

    #[test]
    fn quotes_export_with_their_speaker_or_nulls() {
        use crate::corpus::{Document, Meta};
        let text = "T\n\n“The new bridge will open in May,” said Angela Merkel. \
                    “The ferries stop then,” a spokesman said.";
        let corpus = Corpus::new(vec![Document::new("a.txt", text, Meta::default()).unwrap()]);
        let analysis = crate::analyse(&corpus);
        let jsonl = quotes(&corpus, &analysis, Format::Jsonl, |_, _| true);
        let lines: Vec<&str> = jsonl.lines().collect();
        assert_eq!(lines.len(), 2, "{jsonl}");
        assert!(
            lines[0].starts_with("{\"doc\": \"a.txt\", \"start\": 4, \"end\": 36,"),
            "{}",
            lines[0]
        );
        assert!(lines[0].contains("\"kind\": \"direct\", \"cue\": \"said\", \"speaker\": \"Angela Merkel\", \"speaker_id\": \"person-angela-merkel\""), "{}", lines[0]);
        assert!(
            lines[1].contains("\"speaker\": null, \"speaker_id\": null"),
            "{}",
            lines[1]
        );
        let csv = quotes(&corpus, &analysis, Format::Csv, |_, _| true);
        let header =
            "\u{feff}doc,start,end,text,kind,cue,speaker,speaker_id,speaker_start,speaker_end,speaker_text";
        assert_eq!(csv.lines().next(), Some(header));
        assert!(
            csv.lines().nth(2).unwrap().ends_with(",direct,said,,,,,"),
            "{csv}"
        );
    }

    #[test]
    fn entities_export_with_their_counts_and_aliases() {
        use crate::corpus::{Document, Meta};
        let doc = Document::new("a.txt", "T\n\nVladimir Putin spoke. Putin left.", Meta::default()).unwrap();
        let corpus = Corpus::new(vec![doc]);
        let analysis = crate::analyse(&corpus);
        let (i, _) = analysis.entity("person-vladimir-putin").expect("Putin is found");
        let out = entities(&analysis, &[(i, 2, 1)], |i| format!("?e={i}"), Format::Json);
        assert!(
            out.contains(
                "\"canonical\": \"Vladimir Putin\", \"label\": \"PERSON\", \"mentions\": 2, \"articles\": 1"
            ),
            "{out}"
        );
        assert!(out.contains("Putin"));
        assert!(out.contains(&format!("\"link\": \"?e={i}\"")), "{out}");
    }

    use crate::index::Index;
    use crate::query::tests::fixture;

    /// A CSV table's records, each split at its commas (the tests' fields hold none).
    fn records(csv: &str) -> Vec<Vec<&str>> {
        let body = csv.strip_prefix(BOM).expect("a BOM first");
        assert!(body.ends_with("\r\n"));
        body.split_terminator("\r\n")
            .map(|l| l.split(',').collect())
            .collect()
    }

    #[test]
    fn mentions_in_context_come_with_their_title_sentence_and_link_in_the_order_given() {
        let (mut c, a) = fixture();
        c.documents[0].meta.published = crate::date::Date::parse("2024-05-16").ok();
        let ix = Index::new(&c, &a);
        let mut rows = crate::query::mentions(&ix, &[0], crate::query::KwicSort::Document, false);
        rows.reverse();
        let link = |k: &Kwic| format!("?doc={}&m={}", c.documents[k.doc].file, k.range.start);
        let csv = kwic(&c, &a, &rows, link, Format::Csv);
        let r = records(&csv);
        assert_eq!(
            r[0].join(","),
            "title,date,sentence,mention,entity,label,zone,file,start,end,link"
        );
        assert_eq!(r.len(), rows.len() + 1);
        assert_eq!(
            r[1],
            [
                "Trade war looms",
                "",
                "The trade talks stalled. Putin stayed home.",
                "Putin",
                "Vladimir Putin",
                "PERSON",
                "body",
                "1.txt",
                "41",
                "46",
                "?doc=1.txt&m=41"
            ]
        );
        assert_eq!(
            r[3][..4],
            ["Putin meets Xi", "2024-05-16", "Putin meets Xi", "Putin"]
        );
        let json = kwic(&c, &a, &rows, link, Format::Json);
        assert!(
            json.contains(
                "\"sentence\": \"Putin and Xi signed a trade deal in Beijing.\", \"mention\": \"Putin\""
            ),
            "{json}"
        );
        assert_eq!(json.matches("\"title\": ").count(), rows.len());
    }

    #[test]
    fn timeline_periods_and_dates_export_with_the_days_they_resolve_to() {
        use crate::corpus::Meta;
        use crate::timeline::{timeline, Granularity};
        let meta = Meta {
            published: crate::date::Date::parse("2024-05-16").ok(),
            ..Meta::default()
        };
        let text = "Ferry strike ends\n\nThe strike began on May 3 and lasted two weeks.";
        let c = Corpus::new(vec![Document::new("f.txt", text.to_string(), meta).unwrap()]);
        let a = crate::analyse(&c);
        let rows: Vec<&DateMention> = a.dates.iter().collect();
        let r = |d: &DateMention| format!("?m={}", d.range.start);
        let csv = dates(&c, &a, &rows, r, Format::Csv);
        let sentence = "The strike began on May 3 and lasted two weeks.";
        assert_eq!(
            records(&csv)[1..],
            [
                vec![
                    "Ferry strike ends",
                    "2024-05-16",
                    sentence,
                    "May 3",
                    "2024-05-03",
                    "2024-05-03",
                    "f.txt",
                    "39",
                    "44",
                    "?m=39"
                ],
                vec![
                    "Ferry strike ends",
                    "2024-05-16",
                    sentence,
                    "two weeks",
                    "",
                    "",
                    "f.txt",
                    "56",
                    "65",
                    "?m=56"
                ],
            ]
        );
        let t = timeline(&a.dates, Granularity::Month, false, |_| true);
        let csv = periods(&t.buckets, |b| format!("?when={}", b.key), Format::Csv);
        assert_eq!(
            records(&csv),
            [
                vec!["period", "mentions", "articles", "link"],
                vec!["2024-05", "1", "1", "?when=2024-05"]
            ]
        );
    }

    #[test]
    fn an_article_row_gives_the_sentence_of_its_first_match_or_its_lead() {
        let (mut c, a) = fixture();
        c.documents[1].meta.source = Some("The Wire".into());
        let at = c.documents[1].text.find("Putin").unwrap();
        let rows = [
            ArticleRow {
                doc: 1,
                matches: 1,
                first: Some(at),
            },
            ArticleRow {
                doc: 0,
                matches: 0,
                first: None,
            },
        ];
        let csv = articles(&c, &a, &rows, |d| format!("?doc={d}"), Format::Csv);
        let r = records(&csv);
        assert_eq!(r[0].join(","), "title,date,source,url,matches,sentence,file,link");
        // The fixture's sentences are its lines.
        assert_eq!(
            r[1],
            [
                "Trade war looms",
                "",
                "The Wire",
                "",
                "1",
                "The trade talks stalled. Putin stayed home.",
                "1.txt",
                "?doc=1"
            ]
        );
        assert_eq!(r[2][5], "Putin and Xi signed a trade deal in Beijing.");
    }

    #[test]
    fn pairs_and_the_sentences_they_share_are_written_with_both_names() {
        let (c, a) = fixture();
        let json = pairs(&a, &[(0, 2, 1)], |x, y| format!("?pair={x},{y}"), Format::Json);
        assert_eq!(
            json,
            "[\n  {\"entity_a\": \"Vladimir Putin\", \"label_a\": \"PERSON\", \"entity_b\": \"Beijing\", \"label_b\": \"GPE\", \"sentences\": 1, \"link\": \"?pair=0,2\"}\n]\n"
        );
        let shared = crate::query::sentences_with(&a, 0, 2, false);
        let jsonl = shared_sentences(
            &c,
            &a,
            (0, 2),
            &shared,
            |s| format!("?doc={}", s.doc),
            Format::Jsonl,
        );
        assert_eq!(jsonl.lines().count(), 1);
        assert!(jsonl.starts_with("{\"title\": \"Putin meets Xi\", \"date\": \"\", \"sentence\": \"Putin and Xi signed a trade deal in Beijing.\""), "{jsonl}");
        assert!(
            jsonl.ends_with("\"start\": 15, \"end\": 59, \"link\": \"?doc=0\"}\n"),
            "{jsonl}"
        );
    }
}
