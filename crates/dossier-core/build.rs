//! Packs the world-knowledge tables of `data/` for embedding (`src/gazetteer.rs`).
//!
//! The TSV files stay the readable source (comments, every column the generator
//! writes); the crate embeds a packed copy of each from `OUT_DIR` holding only what the
//! loader reads, with the rows grouped by the column that repeats: a line `=TAG` gives
//! the tag of the rows after it ("GPE", "ORG ambiguous", "prefix", "function"), and a
//! row keeps only its own fields. Comments, the demonyms' country, the given names'
//! gender and the titles' kind are left out, and "\tGPE" is written once instead of on
//! every row: 4 KB less gzip in the app. The sorted tables of names are front-coded
//! too (`FRONT_CODED`): 0.7 KB less. Rows keep their order within a tag; a test
//! (`gazetteer::tests::the_packed_tables_load_as_the_tsv_files_do`) checks that the
//! tables load exactly as a plain parse of the TSV files.
//!
//! It also writes the lower-casing table of `src/case.rs` (`lower.rs`): the standard
//! library's own `char::to_lowercase`, taken at build time and written as runs of code
//! points that share one offset, 1.4 KB instead of the 11.7 KB table std would put in
//! the wasm.
//!
//! And it reads the decision's weights (`data/decision_weights.tsv`) into two files
//! `src/decide/mod.rs` loads without parsing a number: the features' names, one a line
//! (`weights.features`), and their weights as little-endian `f32`, five a row
//! (`weights.f32`). Reading the 62,545 decimals was most of the 27 M instructions the
//! weights took to load at every start (9 M now); the two files gzip to a little less
//! than the TSV (134 KB against 141 KB).

#[path = "src/decide/weights_rows.rs"]
mod weights_rows;

use std::fmt::Write as _;
use std::path::Path;

/// What the loader reads of a table's row: its tag and the fields kept.
#[derive(Clone, Copy)]
enum Kind {
    /// `surface label canonical flags…` (the demonyms have a country before the
    /// flags): tag "LABEL" followed by the flags "ambiguous" and "place" it has
    /// ("ORG ambiguous", "ORG place"), row `surface[\tcanonical]`.
    Names,
    /// `name gender flags`: tag "common_word" or none, row `name`.
    Given,
    /// The first column only, no tag.
    Words,
    /// `word position`: tag "prefix", "suffix" or "trade".
    Heads,
    /// `word kind`: tag the kind ("function" when left out).
    Stop,
}

const TABLES: [(&str, Kind); 22] = [
    ("places", Kind::Names),
    ("orgs", Kind::Names),
    ("demonyms", Kind::Names),
    ("extra_names", Kind::Names),
    ("observances", Kind::Names),
    ("clubs", Kind::Names),
    ("universities", Kind::Names),
    ("companies", Kind::Names),
    ("parties", Kind::Names),
    ("agencies", Kind::Names),
    ("newspapers", Kind::Names),
    ("brands", Kind::Names),
    ("teams", Kind::Names),
    ("given_names", Kind::Given),
    ("world_given_names", Kind::Words),
    ("family_names", Kind::Words),
    ("titles", Kind::Words),
    ("org_heads", Kind::Heads),
    ("event_heads", Kind::Heads),
    ("loc_heads", Kind::Heads),
    ("fac_heads", Kind::Heads),
    ("stopwords", Kind::Stop),
];

/// The tables whose rows are front-coded ([`shared_prefix`]): those that gzip
/// compresses better so (given names 0.6 KB, places 0.2 KB, titles); `src/gazetteer.rs`
/// decodes the same ones.
const FRONT_CODED: [&str; 4] = ["given_names", "world_given_names", "places", "titles"];

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for (name, kind) in TABLES {
        let src = format!("data/{name}.tsv");
        println!("cargo:rerun-if-changed={src}");
        let tsv = std::fs::read_to_string(&src).unwrap_or_else(|e| panic!("{src}: {e}"));
        let front = FRONT_CODED.contains(&name);
        let packed = pack(&tsv, kind, front).unwrap_or_else(|e| panic!("{src}: {e}"));
        std::fs::write(Path::new(&out).join(format!("{name}.tsv")), packed).expect("OUT_DIR is writable");
    }
    std::fs::write(Path::new(&out).join("lower.rs"), lower_table()).expect("OUT_DIR is writable");
    let src = "data/decision_weights.tsv";
    println!("cargo:rerun-if-changed={src}");
    let tsv = std::fs::read_to_string(src).unwrap_or_else(|e| panic!("{src}: {e}"));
    let (features, weights) = pack_weights(&tsv);
    std::fs::write(Path::new(&out).join("weights.features"), features).expect("OUT_DIR is writable");
    std::fs::write(Path::new(&out).join("weights.f32"), weights).expect("OUT_DIR is writable");
}

/// The weights table's rows ([`weights_rows::rows`], as `Model::parse` reads them): the
/// features' names, one a line, and their weights as little-endian `f32`.
fn pack_weights(tsv: &str) -> (String, Vec<u8>) {
    let (mut features, mut weights) = (String::new(), Vec::new());
    for (name, row) in weights_rows::rows(tsv) {
        writeln!(features, "{name}").expect("writing to a String");
        weights.extend(row.iter().flat_map(|w| w.to_le_bytes()));
    }
    (features, weights)
}

/// `src/case.rs`'s tables as Rust: `RUNS`, one `(first << 11 | len << 1 | stride - 1,
/// offset)` per run of characters `first, first + stride, …` (`len` of them, stride 1
/// or 2) that `char::to_lowercase` maps to one character `offset` away; and `MULTI`,
/// the characters that lower to more than one (only 'İ' so far).
fn lower_table() -> String {
    let mut runs: Vec<(u32, u32, u32, i64)> = Vec::new(); // (first, len, stride, offset)
    let mut multi = String::new();
    for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
        let mut low = c.to_lowercase();
        let (Some(l), None) = (low.next(), low.clone().next()) else {
            let s: String = c.to_lowercase().collect();
            writeln!(multi, "    ({c:?}, {s:?}),").expect("writing to a String");
            continue;
        };
        if l == c {
            continue;
        }
        let (c, offset) = (u32::from(c), i64::from(u32::from(l)) - i64::from(u32::from(c)));
        match runs.last_mut() {
            Some((first, len, stride, o))
                if *o == offset && (*len == 1 && c - *first <= 2 || c == *first + *len * *stride) =>
            {
                if *len == 1 {
                    *stride = c - *first;
                }
                *len += 1;
            }
            _ => runs.push((c, 1, 1, offset)),
        }
    }
    let mut rs = String::new();
    for (first, len, stride, offset) in &runs {
        assert!(
            *len < 1 << 10 && *first < 1 << 21,
            "a run that does not fit its packing"
        );
        writeln!(
            rs,
            "    ({:#x}, {offset}),",
            first << 11 | len << 1 | (stride - 1)
        )
        .expect("writing to a String");
    }
    format!(
        "/// Runs of characters that lower-case to one character at a fixed offset.\n\
         static RUNS: [(u32, i32); {}] = [\n{rs}];\n\
         /// Characters that lower-case to more than one.\n\
         static MULTI: [(char, &str); {}] = [\n{multi}];\n",
        runs.len(),
        multi.lines().count()
    )
}

/// The packed table: groups of rows by tag, in the order each tag first appears.
fn pack(tsv: &str, kind: Kind, front: bool) -> Result<String, String> {
    let mut groups: Vec<(String, String)> = Vec::new();
    for (n, line) in tsv.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').map(str::trim).collect();
        let has = |from: usize, flag: &str| f.iter().skip(from).any(|x| x.split(',').any(|y| y == flag));
        let (tag, row) = match kind {
            Kind::Names => {
                let label = f.get(1).copied().unwrap_or("");
                let mut tag = label.to_string();
                for flag in ["ambiguous", "place"] {
                    if has(3, flag) {
                        tag = format!("{tag} {flag}");
                    }
                }
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
                let tag = match f.get(1) {
                    Some(&"prefix") => "prefix",
                    Some(&"trade") => "trade",
                    _ => "suffix",
                };
                (tag.to_string(), f[0].to_string())
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
    let mut prev = "";
    for (tag, rows) in &groups {
        // Rows before the first tag line have the empty tag.
        if !(tag.is_empty() && packed.is_empty()) {
            writeln!(packed, "={tag}").expect("writing to a String");
        }
        if front {
            for row in rows.lines() {
                let shared = shared_prefix(prev, row);
                writeln!(packed, "{shared}{}", &row[shared..]).expect("writing to a String");
                prev = row;
            }
        } else {
            packed.push_str(rows);
        }
    }
    Ok(packed)
}

/// How many leading bytes `row` shares with `prev`, the row before it, at most 9 (one
/// digit) and never inside a character. A front-coded row is that count and the rest
/// of the row ("Aaron" after "Aaliyah": "2ron"), short in a sorted list.
fn shared_prefix(prev: &str, row: &str) -> usize {
    let mut n = prev
        .bytes()
        .zip(row.bytes())
        .take(9)
        .take_while(|(a, b)| a == b)
        .count();
    while !row.is_char_boundary(n) {
        n -= 1;
    }
    n
}
