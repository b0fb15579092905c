//! Packs the world-knowledge tables of `data/` for embedding (`src/gazetteer.rs`).
//!
//! The TSV files stay the readable source (comments, every column the generator
//! writes); the crate embeds a packed copy of each from `OUT_DIR` holding only what the
//! loader reads, with the rows grouped by the column that repeats: a line `=TAG` gives
//! the tag of the rows after it ("GPE", "ORG ambiguous", "prefix", "function"), and a
//! row keeps only its own fields. Comments, the demonyms' country, the given names'
//! gender and the titles' kind are left out, and "\tGPE" is written once instead of on
//! every row: 4 KB less gzip in the app. Rows keep their order within a tag; a test
//! (`gazetteer::tests::the_packed_tables_load_as_the_tsv_files_do`) checks that the
//! tables load exactly as a plain parse of the TSV files.

use std::fmt::Write as _;
use std::path::Path;

/// What the loader reads of a table's row: its tag and the fields kept.
#[derive(Clone, Copy)]
enum Kind {
    /// `surface label canonical flags…` (the demonyms have a country before the
    /// flags): tag "LABEL" or "LABEL ambiguous", row `surface[\tcanonical]`.
    Names,
    /// `name gender flags`: tag "common_word" or none, row `name`.
    Given,
    /// The first column only, no tag.
    Words,
    /// `word position`: tag "prefix" or "suffix".
    Heads,
    /// `word kind`: tag the kind ("function" when left out).
    Stop,
}

const TABLES: [(&str, Kind); 12] = [
    ("places", Kind::Names),
    ("orgs", Kind::Names),
    ("demonyms", Kind::Names),
    ("extra_names", Kind::Names),
    ("given_names", Kind::Given),
    ("family_names", Kind::Words),
    ("titles", Kind::Words),
    ("org_heads", Kind::Heads),
    ("event_heads", Kind::Heads),
    ("loc_heads", Kind::Heads),
    ("fac_heads", Kind::Heads),
    ("stopwords", Kind::Stop),
];

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for (name, kind) in TABLES {
        let src = format!("data/{name}.tsv");
        println!("cargo:rerun-if-changed={src}");
        let tsv = std::fs::read_to_string(&src).unwrap_or_else(|e| panic!("{src}: {e}"));
        let packed = pack(&tsv, kind).unwrap_or_else(|e| panic!("{src}: {e}"));
        std::fs::write(Path::new(&out).join(format!("{name}.tsv")), packed).expect("OUT_DIR is writable");
    }
}

/// The packed table: groups of rows by tag, in the order each tag first appears.
fn pack(tsv: &str, kind: Kind) -> Result<String, String> {
    let mut groups: Vec<(String, String)> = Vec::new();
    for (n, line) in tsv.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').map(str::trim).collect();
        let has = |from: usize, flag: &str| f.iter().skip(from).any(|x| x.contains(flag));
        let (tag, row) = match kind {
            Kind::Names => {
                let label = f.get(1).copied().unwrap_or("");
                let tag = if has(3, "ambiguous") {
                    format!("{label} ambiguous")
                } else {
                    label.to_string()
                };
                let row = match f.get(2) {
                    Some(c) if !c.is_empty() => format!("{}\t{c}", f[0]),
                    _ => f[0].to_string(),
                };
                (tag, row)
            }
            Kind::Given => (
                if has(1, "common_word") { "common_word" } else { "" }.to_string(),
                f[0].to_string(),
            ),
            Kind::Words => (String::new(), f[0].to_string()),
            Kind::Heads => {
                let prefix = f.get(1) == Some(&"prefix");
                (
                    if prefix { "prefix" } else { "suffix" }.to_string(),
                    f[0].to_string(),
                )
            }
            Kind::Stop => (
                f.get(1).copied().unwrap_or("function").to_string(),
                f[0].to_string(),
            ),
        };
        if row.starts_with('=') || row.starts_with('#') || row.trim().is_empty() {
            return Err(format!(
                "line {}: a row cannot start with '=' or '#' or be blank",
                n + 1
            ));
        }
        let at = match groups.iter().position(|(t, _)| *t == tag) {
            Some(i) => i,
            None => {
                groups.push((tag, String::new()));
                groups.len() - 1
            }
        };
        let rows = &mut groups[at].1;
        rows.push_str(&row);
        rows.push('\n');
    }
    let mut packed = String::new();
    for (tag, rows) in groups {
        // Rows before the first tag line have the empty tag.
        if !(tag.is_empty() && packed.is_empty()) {
            writeln!(packed, "={tag}").expect("writing to a String");
        }
        packed.push_str(&rows);
    }
    Ok(packed)
}
