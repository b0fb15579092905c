//! The reader's export: the mentions or the quotes of the documents a view keeps, in the
//! columns and format of the app's and `dossier extract`'s (the core's one encoder,
//! [`dossier_core::export::MentionParts`] and [`dossier_core::export::QuoteParts`]),
//! written one document shard at a time so that memory holds one shard and a bounded set
//! of entities' names, never the corpus.
//!
//! `web/site.js` calls [`export_start`], then for each shard [`export_docs`] with the
//! documents it keeps, [`export_names`] with each entity-table run that call asks for,
//! and [`export_rows`]; then [`export_end`]. It joins the parts into a file (a `Blob`).
//! Each file is read by its `site` decoder, its length and address checked first; a
//! fault is thrown as [`crate::Fault`] and leaves no file to offer.

use crate::{file_ref, with_manifest, Fault};
use dossier_core::corpus::Document;
use dossier_core::export::{Format, MentionParts, Names, QuoteParts};
use dossier_core::model::DocAnalysis;
use dossier_core::site::{read_docs, read_table, FileRef, Kind};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

/// Bytes of entities' names an export keeps between shards (past it, the runs read first
/// go, and are fetched again if a later shard needs them).
const NAMES: usize = 4 << 20;

/// The table an export writes.
enum Parts {
    Mentions(MentionParts),
    Quotes(QuoteParts),
}

impl Parts {
    /// The entities whose names `a`'s rows need: its mentions', or its speakers'.
    fn entities(&self, a: &DocAnalysis) -> Vec<usize> {
        match self {
            Parts::Mentions(_) => a.mentions.iter().map(|m| m.entity).collect(),
            Parts::Quotes(_) => a
                .quotes
                .iter()
                .filter_map(|q| Some(a.mentions[q.speaker?].entity))
                .collect(),
        }
    }
}

/// An export under way.
struct Export {
    parts: Parts,
    names: Names,
    /// The documents of the shard read last that the export keeps, with their analyses.
    docs: Vec<(Document, DocAnalysis)>,
}

thread_local! {
    static EXPORT: RefCell<Option<Export>> = const { RefCell::new(None) };
}

/// Starts an export of `table` (`quotes`, else the mentions) in `format` (`csv`, else
/// JSON), dropping any under way; returns the file's start (CSV's byte order mark and
/// header, JSON's `[`).
#[wasm_bindgen]
pub fn export_start(table: &str, format: &str) -> String {
    let format = match format {
        "csv" => Format::Csv,
        _ => Format::Json,
    };
    let (parts, start) = match table {
        "quotes" => {
            let parts = QuoteParts::new(format);
            let start = parts.start();
            (Parts::Quotes(parts), start)
        }
        _ => {
            let parts = MentionParts::new(format);
            let start = parts.start();
            (Parts::Mentions(parts), start)
        }
    };
    EXPORT.with(|x| {
        *x.borrow_mut() = Some(Export {
            parts,
            names: Names::new(NAMES),
            docs: Vec::new(),
        })
    });
    start
}

/// Runs `f` on the export under way (an error if there is none).
fn with_export<T>(f: impl FnOnce(&mut Export) -> Result<T, String>) -> Result<T, String> {
    EXPORT.with(|x| match x.borrow_mut().as_mut() {
        Some(e) => f(e),
        None => Err("version\tno export is under way".to_string()),
    })
}

/// Reads the document shard `name` from its bytes as fetched (`None`: the fetch failed)
/// and keeps its documents numbered in `docs` (in order); returns, as a JSON list, the
/// entity-table runs whose names their rows need and the export lacks
/// ([`export_names`]). Needs
/// the directory read. Throws a [`Fault`].
#[wasm_bindgen]
pub fn export_docs(name: &str, bytes: Option<Vec<u8>>, docs: Vec<u32>) -> Result<String, String> {
    let file = of_kind(name, Kind::Docs)?;
    let entities = with_manifest(|m| Some(m.entities)).unwrap_or(0);
    let (texts, analyses, _) = read_docs(&file, bytes.as_deref(), entities).map_err(|e| Fault::of(&e))?;
    with_export(|x| {
        x.docs = texts
            .into_iter()
            .zip(analyses)
            .enumerate()
            .filter(|(i, _)| docs.binary_search(&((file.first + i) as u32)).is_ok())
            .map(|(_, d)| d)
            .collect();
        let mut runs: Vec<String> = Vec::new();
        for e in x.docs.iter().flat_map(|(_, a)| x.parts.entities(a)) {
            if x.names.get(e).is_some() {
                continue;
            }
            let run = with_manifest(|man| man.table_run(e).map(|f| f.name.clone()))
                .ok_or_else(|| format!("version\t{name} names an entity the site does not have"))?;
            if !runs.contains(&run) {
                runs.push(run);
            }
        }
        Ok(serde_json::json!(runs).to_string())
    })
}

/// The file `name` of the manifest if it is of `kind`.
fn of_kind(name: &str, kind: Kind) -> Result<FileRef, String> {
    let file = file_ref(name)?;
    match file.kind == kind {
        true => Ok(file),
        false => Err(format!("version\t{name} is not the kind of file asked for")),
    }
}

/// Reads the entity-table run `name` from its bytes as fetched and keeps its names for
/// the export. Throws a [`Fault`].
#[wasm_bindgen]
pub fn export_names(name: &str, bytes: Option<Vec<u8>>) -> Result<(), String> {
    let file = of_kind(name, Kind::Table)?;
    let rows = read_table(&file, bytes.as_deref()).map_err(|e| Fault::of(&e))?;
    with_export(|x| {
        x.names.add(file.first, &rows);
        Ok(())
    })
}

/// The rows of the documents [`export_docs`] kept, which it then lets go, with the
/// names they needed. Throws a [`Fault`] when a name is still lacking.
#[wasm_bindgen]
pub fn export_rows() -> Result<String, String> {
    with_export(|x| {
        let mut out = String::new();
        for (doc, a) in std::mem::take(&mut x.docs) {
            let names = &x.names;
            let rows = match &mut x.parts {
                Parts::Mentions(p) => p.document(&doc, &a, |e| names.get(e), |_| true),
                Parts::Quotes(p) => p.document(&doc, &a, |e| names.with_id(e), |_| true),
            };
            let rows = rows.map_err(|e| format!("version\tthe entity table lacks entity {e}"))?;
            out.push_str(&rows);
        }
        x.names.trim();
        Ok(out)
    })
}

/// Ends the export: returns the file's end (JSON's `]`) and lets its state go.
#[wasm_bindgen]
pub fn export_end() -> String {
    EXPORT
        .with(|x| x.borrow_mut().take())
        .map(|x| match x.parts {
            Parts::Mentions(p) => p.finish(),
            Parts::Quotes(p) => p.finish(),
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_core::export::{mentions, quotes};
    use dossier_core::site::{write, Sizes};

    #[test]
    fn the_export_fed_the_files_it_asks_for_writes_the_mentions_or_quotes_of_the_documents_kept() {
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
        let c = dossier_core::corpus::load_dir(&seeds).unwrap();
        let a = dossier_core::analyse(&c);
        let sizes = Sizes {
            docs: 3_000,
            table: 400,
            ..Sizes::default()
        };
        let site = write(&c, &a, &sizes).unwrap();
        let bytes = |name: &str| {
            let f = site.files.iter().find(|(n, _)| n == name);
            f.map(|(_, content)| content.as_bytes().to_vec())
        };
        crate::open(&site.manifest).unwrap();
        let directory = crate::locate("directory", "").unwrap();
        crate::decode(&directory, bytes(&directory)).unwrap();
        let keep = |d: usize| d.is_multiple_of(2);
        let kept: Vec<u32> = (0..c.documents.len())
            .filter(|&d| keep(d))
            .map(|d| d as u32)
            .collect();
        let mut shards: Vec<String> = kept
            .iter()
            .map(|&d| crate::locate("docs", &d.to_string()).unwrap())
            .collect();
        shards.dedup();
        assert!(shards.len() > 1);
        let export = |table: &str, format: &str| {
            let mut out = export_start(table, format);
            for shard in &shards {
                let runs: Vec<String> =
                    serde_json::from_str(&export_docs(shard, bytes(shard), kept.clone()).unwrap()).unwrap();
                for run in runs {
                    export_names(&run, bytes(&run)).unwrap();
                }
                out.push_str(&export_rows().unwrap());
            }
            out + &export_end()
        };
        assert_eq!(
            export("mentions", "csv"),
            mentions(&c, &a, Format::Csv, |d, _| keep(d))
        );
        let all_quotes = quotes(&c, &a, Format::Json, |d, _| keep(d));
        assert!(all_quotes.contains("\"speaker_id\": \"person-"), "{all_quotes}");
        assert_eq!(export("quotes", "json"), all_quotes);
        assert_eq!(
            export("quotes", "csv"),
            quotes(&c, &a, Format::Csv, |d, _| keep(d))
        );
        // A shard that cannot be fetched is a fault to retry; no export, no rows.
        export_start("mentions", "json");
        assert!(export_docs(&shards[0], None, kept.clone())
            .unwrap_err()
            .starts_with("missing\t"));
        assert!(export_names(&shards[0], bytes(&shards[0]))
            .unwrap_err()
            .starts_with("version\t"));
        assert_eq!(export_end(), "]\n");
        assert!(export_rows().is_err());
    }
}
