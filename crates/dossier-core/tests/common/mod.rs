//! Shared helpers for the corpus tests: the seed corpus, gold files, scoring.

#![allow(dead_code)]

use dossier_core::analysis::Analysis;
use dossier_core::corpus::{load_dir, Corpus, Document, Meta};
use std::collections::HashSet;
use std::path::PathBuf;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The seed corpus, analysed.
pub fn seeds() -> (Corpus, Analysis) {
    let c = load_dir(&root().join("seeds")).expect("the seeds load");
    let a = dossier_core::analyse(&c);
    (c, a)
}

/// What `headlined` puts before each text: a one-line headline, so that the text is the
/// article's body (the first line of a document is its title).
pub const HEADLINE: &str = "Headline\n";

/// The corpus of `texts`, one document each (`0.txt`, `1.txt`, … under `HEADLINE`), and
/// its analysis. A mention's offset in a text is its range less `HEADLINE.len()`.
pub fn headlined(texts: &[&str]) -> (Corpus, Analysis) {
    let docs = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Document::new(format!("{i}.txt"), format!("{HEADLINE}{t}"), Meta::default()).unwrap())
        .collect();
    let c = Corpus::new(docs);
    let a = dossier_core::analyse(&c);
    (c, a)
}

/// A fixture folder under `tests/fixtures`, analysed.
pub fn fixture(name: &str) -> (Corpus, Analysis) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let c = load_dir(&dir).expect("the fixture loads");
    let a = dossier_core::analyse(&c);
    (c, a)
}

/// One mention: doc, code-point start and end, label, text, canonical.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct M {
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub label: String,
    pub text: String,
    pub canonical: String,
}

/// The mentions of an analysis, with code-point offsets (as the CLI prints them).
pub fn mentions(c: &Corpus, a: &Analysis) -> Vec<M> {
    let mut out = Vec::new();
    for (d, da) in c.documents.iter().zip(&a.docs) {
        for m in &da.mentions {
            out.push(M {
                doc: d.file.clone(),
                start: d.text[..m.range.start].chars().count(),
                end: d.text[..m.range.end].chars().count(),
                label: m.label.code().to_string(),
                text: d.text[m.range.clone()].to_string(),
                canonical: a.entities[m.entity].canonical.clone(),
            });
        }
    }
    out
}

/// Pulls the string value of `"key": "…"` out of one JSON line (enough for our fixtures).
pub fn field<'a>(line: &'a str, key: &str) -> &'a str {
    let pat = format!("\"{key}\": ");
    let at = line.find(&pat).unwrap_or_else(|| panic!("{key} in {line}")) + pat.len();
    let rest = &line[at..];
    if let Some(r) = rest.strip_prefix('"') {
        let mut end = 0;
        let b = r.as_bytes();
        while end < b.len() && !(b[end] == b'"' && (end == 0 || b[end - 1] != b'\\')) {
            end += 1;
        }
        &r[..end]
    } else {
        rest.split([',', '}']).next().unwrap().trim()
    }
}

/// Gold mentions from a JSON-lines file.
pub fn gold(path: &str) -> Vec<M> {
    let text =
        std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)).expect("gold file");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| M {
            doc: field(l, "doc").to_string(),
            start: field(l, "start").parse().unwrap(),
            end: field(l, "end").parse().unwrap(),
            label: field(l, "label").to_string(),
            text: field(l, "text").to_string(),
            canonical: field(l, "canonical").to_string(),
        })
        .collect()
}

/// Exact-match micro precision, recall and F1 (same doc, span and label).
pub fn exact_f1(gold: &[M], pred: &[M]) -> (f64, f64, f64) {
    let key = |m: &M| (m.doc.clone(), m.start, m.end, m.label.clone());
    let g: HashSet<_> = gold.iter().map(key).collect();
    let tp = pred.iter().filter(|m| g.contains(&key(m))).count() as f64;
    let p = tp / pred.len().max(1) as f64;
    let r = tp / gold.len().max(1) as f64;
    let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    (p, r, f)
}
