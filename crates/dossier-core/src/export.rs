//! Mentions and entities as JSON Lines, JSON or CSV, for the CLI and the app's
//! downloads alike.
//!
//! A mention record has the fields `doc`, `start`, `end` (Unicode code-point offsets
//! into the file, end exclusive), `text`, `label`, `canonical` and `zone`; an entity
//! record `id`, `canonical`, `label`, `mentions`, `articles` and `aliases`.

use crate::corpus::Corpus;
use crate::model::{Analysis, Mention};
use std::fmt::Write as _;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One JSON object a line.
    Jsonl,
    /// One JSON array of objects.
    Json,
    /// RFC 4180 CSV with a header line.
    Csv,
}

const MENTION_FIELDS: &str = "doc,start,end,text,label,canonical,zone";
const ENTITY_FIELDS: &str = "id,canonical,label,mentions,articles,aliases";

/// Writes every mention for which `keep(document index, mention)` holds.
pub fn mentions(
    corpus: &Corpus,
    analysis: &Analysis,
    format: Format,
    keep: impl Fn(usize, &Mention) -> bool,
) -> String {
    let mut rows = Vec::new();
    for (i, (doc, da)) in corpus.documents.iter().zip(&analysis.docs).enumerate() {
        let mut cp = CodePoints::new(&doc.text);
        for m in da.mentions.iter().filter(|m| keep(i, m)) {
            let (start, end) = (cp.at(m.range.start), cp.at(m.range.end));
            rows.push([
                Field::Str(&doc.file),
                Field::Num(start),
                Field::Num(end),
                Field::Str(&doc.text[m.range.clone()]),
                Field::Str(m.label.code()),
                Field::Str(&analysis.entities[m.entity].canonical),
                Field::Str(da.blocks[m.block].zone.code()),
            ]);
        }
    }
    table(MENTION_FIELDS, &rows, format)
}

/// Writes the entities `rows` as `(entity index, mentions, articles)`: counts under
/// whatever filter the caller applied.
pub fn entities(analysis: &Analysis, rows: &[(usize, usize, usize)], format: Format) -> String {
    let aliases: Vec<String> = rows
        .iter()
        .map(|&(e, _, _)| {
            let e = &analysis.entities[e];
            e.aliases
                .iter()
                .map(|a| a.text.as_str())
                .collect::<Vec<_>>()
                .join("|")
        })
        .collect();
    let records: Vec<[Field; 6]> = rows
        .iter()
        .zip(&aliases)
        .map(|(&(i, mentions, articles), aliases)| {
            let e = &analysis.entities[i];
            [
                Field::Str(&e.id),
                Field::Str(&e.canonical),
                Field::Str(e.label.code()),
                Field::Num(mentions),
                Field::Num(articles),
                Field::Str(aliases),
            ]
        })
        .collect();
    table(ENTITY_FIELDS, &records, format)
}

enum Field<'a> {
    Str(&'a str),
    Num(usize),
}

fn table<const N: usize>(header: &str, rows: &[[Field; N]], format: Format) -> String {
    let names: Vec<&str> = header.split(',').collect();
    let mut out = String::new();
    match format {
        Format::Csv => {
            out.push_str(header);
            out.push_str("\r\n");
            for row in rows {
                let cells: Vec<String> = row
                    .iter()
                    .map(|f| match f {
                        Field::Str(s) => csv_field(s),
                        Field::Num(n) => n.to_string(),
                    })
                    .collect();
                out.push_str(&cells.join(","));
                out.push_str("\r\n");
            }
        }
        Format::Jsonl | Format::Json => {
            if format == Format::Json {
                out.push('[');
            }
            for (r, row) in rows.iter().enumerate() {
                if format == Format::Json && r > 0 {
                    out.push(',');
                }
                if format == Format::Json {
                    out.push_str("\n  ");
                }
                out.push('{');
                for (i, (name, f)) in names.iter().zip(row).enumerate() {
                    let sep = if i > 0 { ", " } else { "" };
                    match f {
                        Field::Str(s) => write!(out, "{sep}\"{name}\": {}", json_string(s)),
                        Field::Num(n) => write!(out, "{sep}\"{name}\": {n}"),
                    }
                    .expect("writing to a String");
                }
                out.push('}');
                if format == Format::Jsonl {
                    out.push('\n');
                }
            }
            if format == Format::Json {
                out.push_str(if rows.is_empty() { "]\n" } else { "\n]\n" });
            }
        }
    }
    out
}

/// A JSON string literal.
pub fn json_string(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 2);
    o.push('"');
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            '\r' => o.push_str("\\r"),
            '\t' => o.push_str("\\t"),
            c if (c as u32) < 0x20 => write!(o, "\\u{:04x}", c as u32).expect("writing to a String"),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

/// A CSV field, quoted when needed (RFC 4180).
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
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
    fn csv_fields_are_quoted_only_when_needed() {
        assert_eq!(csv_field("Beijing"), "Beijing");
        assert_eq!(csv_field("Washington, D.C."), "\"Washington, D.C.\"");
        assert_eq!(
            csv_field("the \"no limits\" tie"),
            "\"the \"\"no limits\"\" tie\""
        );
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
        assert_eq!(csv.lines().next(), Some(MENTION_FIELDS));
        assert_eq!(csv.lines().count(), 2);
        let json = mentions(&corpus, &analysis, Format::Json, |_, _| false);
        assert_eq!(json, "[]\n");
    }

    #[test]
    fn entities_export_with_their_counts_and_aliases() {
        use crate::corpus::{Document, Meta};
        let doc = Document::new("a.txt", "T\n\nVladimir Putin spoke. Putin left.", Meta::default()).unwrap();
        let corpus = Corpus::new(vec![doc]);
        let analysis = crate::analyse(&corpus);
        let (i, _) = analysis.entity("person-vladimir-putin").expect("Putin is found");
        let out = entities(&analysis, &[(i, 2, 1)], Format::Json);
        assert!(
            out.contains(
                "\"canonical\": \"Vladimir Putin\", \"label\": \"PERSON\", \"mentions\": 2, \"articles\": 1"
            ),
            "{out}"
        );
        assert!(out.contains("Putin"));
    }
}
