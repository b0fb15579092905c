//! The reader's export: the mentions or the quotes of the documents a view keeps, in the
//! columns and format of the app's and `dossier extract`'s, or the Compare view's table,
//! in the one-page Compare's (the core's one encoder, [`dossier_core::export::Parts`]),
//! written a document shard (or a batch of compared entities) at a time so that memory
//! holds one shard and a bounded set of entities' names, never the corpus.
//!
//! `web/site.js` calls [`export_start`] (and, for quotes, [`export_quotes_only`]), then
//! for each shard [`export_docs`] with the documents it keeps, or for each batch of
//! compared entities [`export_compared`]; then [`export_names`] with each entity-table
//! run that call asks for, and [`export_rows`]; then [`export_end`]. It joins the parts
//! into a file (a `Blob`). Each file is read by its `site` decoder, its length and address
//! checked first; a fault is thrown as [`crate::Fault`] and leaves no file to offer.

use crate::{file_ref, with_manifest, Fault};
use dossier_core::corpus::Document;
use dossier_core::export::{
    ComparedRow, Format, Names, Parts, COMPARISON_COLUMNS, MENTION_COLUMNS, QUOTE_COLUMNS,
};
use dossier_core::model::{DocAnalysis, Quote};
use dossier_core::site::{read_docs, read_table, FileRef, Kind};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

/// Bytes of entities' names an export keeps between shards (past it, the runs read first
/// go, and are fetched again if a later shard needs them).
const NAMES: usize = 4 << 20;

/// Which quotes an export of quotes keeps, as the Quotes view shows them: words or a
/// speaker's name holding `search` (any case), of speaker `who`, naming `about`.
#[derive(Default)]
struct Only {
    search: String,
    who: Option<usize>,
    about: Option<usize>,
}

impl Only {
    /// Whether quote `q` of `doc` (analysed as `a`), its speaker's name `speaker`, is kept.
    fn keeps(&self, doc: &Document, a: &DocAnalysis, q: &Quote, speaker: Option<&str>) -> bool {
        let who = q.speaker.map(|m| a.mentions[m].entity);
        let inside = |e: usize| {
            a.mentions
                .iter()
                .any(|m| m.entity == e && m.range.start >= q.range.start && m.range.end <= q.range.end)
        };
        let holds = |s: &str| s.to_lowercase().contains(&self.search);
        (self.who.is_none() || who == self.who)
            && self.about.is_none_or(inside)
            && (self.search.is_empty() || holds(&doc.text[q.range.clone()]) || speaker.is_some_and(holds))
    }
}

/// The table an export writes, and what its next rows are written from.
enum Rows {
    /// The mentions of the shard read last's documents kept, with their analyses.
    Mentions(Vec<(Document, DocAnalysis)>),
    /// Their quotes that [`Only`] keeps.
    Quotes(Vec<(Document, DocAnalysis)>, Only),
    /// A batch of compared entities: entity, mentions and articles on each side; with
    /// each side's mentions in all and the link to an entity's view less its id.
    Compared(Vec<(usize, [usize; 4])>, [usize; 2], String),
}

impl Rows {
    /// The entities whose names the next rows need.
    fn entities(&self) -> Vec<usize> {
        match self {
            Rows::Mentions(docs) => docs
                .iter()
                .flat_map(|(_, a)| a.mentions.iter().map(|m| m.entity))
                .collect(),
            Rows::Quotes(docs, _) => docs
                .iter()
                .flat_map(|(_, a)| {
                    a.quotes
                        .iter()
                        .filter_map(|q| Some(a.mentions[q.speaker?].entity))
                })
                .collect(),
            Rows::Compared(rows, _, _) => rows.iter().map(|r| r.0).collect(),
        }
    }
}

/// An export under way.
struct Export {
    parts: Parts,
    names: Names,
    rows: Rows,
}

thread_local! {
    static EXPORT: RefCell<Option<Export>> = const { RefCell::new(None) };
}

/// Starts an export of `table` (`quotes`, `compare`, else the mentions) in `format`
/// (`csv`, else JSON), dropping any under way; returns the file's start (CSV's byte
/// order mark and header, JSON's `[`).
#[wasm_bindgen]
pub fn export_start(table: &str, format: &str) -> String {
    let format = match format {
        "csv" => Format::Csv,
        _ => Format::Json,
    };
    let (columns, rows) = match table {
        "quotes" => (QUOTE_COLUMNS, Rows::Quotes(Vec::new(), Only::default())),
        "compare" => (
            COMPARISON_COLUMNS,
            Rows::Compared(Vec::new(), [0, 0], String::new()),
        ),
        _ => (MENTION_COLUMNS, Rows::Mentions(Vec::new())),
    };
    let parts = Parts::new(columns, format);
    let start = parts.start();
    let names = Names::new(NAMES);
    EXPORT.with(|x| *x.borrow_mut() = Some(Export { parts, names, rows }));
    start
}

/// Keeps, of an export of quotes under way, the quotes the Quotes view shows: their
/// words or their speaker's name holding `search` (any case; empty for any), of the
/// speaker entity `who`, naming the entity `about` in their words.
#[wasm_bindgen]
pub fn export_quotes_only(search: &str, who: Option<u32>, about: Option<u32>) -> Result<(), String> {
    with_export(|x| match &mut x.rows {
        Rows::Quotes(_, only) => {
            *only = Only {
                search: search.to_lowercase(),
                who: who.map(|e| e as usize),
                about: about.map(|e| e as usize),
            };
            Ok(())
        }
        _ => Err("version\tthe export under way is not of quotes".to_string()),
    })
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
/// ([`export_names`]). Needs the directory read. Throws a [`Fault`].
#[wasm_bindgen]
pub fn export_docs(name: &str, bytes: Option<Vec<u8>>, docs: Vec<u32>) -> Result<String, String> {
    let file = of_kind(name, Kind::Docs)?;
    let entities = with_manifest(|m| Some(m.entities)).unwrap_or(0);
    let (texts, analyses, _) = read_docs(&file, bytes.as_deref(), entities).map_err(|e| Fault::of(&e))?;
    with_export(|x| {
        let kept = texts
            .into_iter()
            .zip(analyses)
            .enumerate()
            .filter(|(i, _)| docs.binary_search(&((file.first + i) as u32)).is_ok())
            .map(|(_, d)| d)
            .collect();
        match &mut x.rows {
            Rows::Mentions(docs) | Rows::Quotes(docs, _) => *docs = kept,
            Rows::Compared(..) => return Err("version\tthe export under way is a comparison".to_string()),
        }
        lacking(x, name)
    })
}

/// Keeps a batch of a comparison's rows, in order: `rows` five numbers a row (entity,
/// its mentions and articles on side A, then on side B), `totals` each side's mentions
/// in all (its shares' base), `link` an entity's view but for its id, put at its end.
/// Returns, as [`export_docs`] does, the entity-table runs their names need. Needs the
/// directory read. Throws a [`Fault`].
#[wasm_bindgen]
pub fn export_compared(rows: Vec<u32>, totals: Vec<u32>, link: &str) -> Result<String, String> {
    let entities = with_manifest(|m| Some(m.entities)).unwrap_or(0);
    let read: Vec<(usize, [usize; 4])> = rows
        .chunks_exact(5)
        .map(|r| (r[0] as usize, [r[1], r[2], r[3], r[4]].map(|n| n as usize)))
        .collect();
    if !rows.len().is_multiple_of(5) || totals.len() != 2 || read.iter().any(|r| r.0 >= entities) {
        return Err("version\tnot the rows of a comparison of this site".to_string());
    }
    with_export(|x| {
        match &mut x.rows {
            Rows::Compared(..) => {
                x.rows = Rows::Compared(read, [totals[0] as usize, totals[1] as usize], link.to_string())
            }
            _ => return Err("version\tthe export under way is not a comparison".to_string()),
        }
        lacking(x, "the comparison")
    })
}

/// The entity-table runs whose names the export's next rows need and it lacks, as a
/// JSON list; a fault naming `what` for an entity the site does not have.
fn lacking(x: &Export, what: &str) -> Result<String, String> {
    let mut runs: Vec<String> = Vec::new();
    for e in x.rows.entities() {
        if x.names.get(e).is_some() {
            continue;
        }
        let run = with_manifest(|man| man.table_run(e).map(|f| f.name.clone()))
            .ok_or_else(|| format!("version\t{what} names an entity the site does not have"))?;
        if !runs.contains(&run) {
            runs.push(run);
        }
    }
    Ok(serde_json::json!(runs).to_string())
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

/// The rows of the documents [`export_docs`] kept (or the comparison's rows
/// [`export_compared`] kept), which it then lets go, with the names they needed. Throws
/// a [`Fault`] when a name is still lacking.
#[wasm_bindgen]
pub fn export_rows() -> Result<String, String> {
    with_export(|x| {
        let names = &x.names;
        let lacks = |e: usize| format!("version\tthe entity table lacks entity {e}");
        let mut out = String::new();
        match &mut x.rows {
            Rows::Mentions(docs) => {
                for (doc, a) in std::mem::take(docs) {
                    out += &x
                        .parts
                        .mentions(&doc, &a, |e| names.get(e), |_| true)
                        .map_err(lacks)?;
                }
            }
            Rows::Quotes(docs, only) => {
                for (doc, a) in std::mem::take(docs) {
                    let speaker = |q: &Quote| q.speaker.and_then(|m| names.get(a.mentions[m].entity));
                    let keep = |q: &Quote| only.keeps(&doc, &a, q, speaker(q));
                    out += &x
                        .parts
                        .quotes(&doc, &a, |e| names.with_id(e), keep)
                        .map_err(lacks)?;
                }
            }
            Rows::Compared(rows, totals, link) => {
                out = compared(&mut x.parts, names, &std::mem::take(rows), *totals, link).map_err(lacks)?;
            }
        }
        x.names.trim();
        Ok(out)
    })
}

/// The comparison's `rows` written, each side's shares of its `totals`, each entity's
/// link `link` and its id; fails with an entity `names` lacks.
fn compared(
    parts: &mut Parts,
    names: &Names,
    rows: &[(usize, [usize; 4])],
    totals: [usize; 2],
    link: &str,
) -> Result<String, usize> {
    let share = |n: usize, side: usize| match totals[side] {
        0 => 0.0,
        all => 100.0 * n as f64 / all as f64,
    };
    let links: Vec<String> = rows
        .iter()
        .map(|r| names.all(r.0).map(|[_, id, _]| format!("{link}{id}")).ok_or(r.0))
        .collect::<Result<_, _>>()?;
    let out: Vec<ComparedRow> = rows
        .iter()
        .zip(&links)
        .map(|(&(e, counts), link)| ComparedRow {
            entity: names
                .all(e)
                .map_or_else(Default::default, |[name, id, label]| [id, name, label]),
            presence: match (counts[0] > 0, counts[2] > 0) {
                (true, false) => "only_a",
                (false, true) => "only_b",
                _ => "both",
            },
            counts,
            shares: [share(counts[0], 0), share(counts[2], 1)],
            link,
        })
        .collect();
    Ok(parts.compared(&out))
}

/// Ends the export: returns the file's end (JSON's `]`) and lets its state go.
#[wasm_bindgen]
pub fn export_end() -> String {
    EXPORT
        .with(|x| x.borrow_mut().take())
        .map(|x| x.parts.finish())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_core::corpus::Corpus;
    use dossier_core::export::{mentions, quotes};
    use dossier_core::model::Analysis;
    use dossier_core::site::{write, Site, Sizes};

    /// The seeds' site, opened as a page opens it, with its directory read.
    struct Opened {
        c: Corpus,
        a: Analysis,
        site: Site,
    }

    impl Opened {
        fn new() -> Opened {
            let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
            let c = dossier_core::corpus::load_dir(&seeds).unwrap();
            let a = dossier_core::analyse(&c);
            let sizes = Sizes {
                docs: 3_000,
                table: 400,
                ..Sizes::default()
            };
            let site = write(&c, &a, &sizes).unwrap();
            let opened = Opened { c, a, site };
            crate::open(&opened.site.manifest).unwrap();
            let directory = crate::locate("directory", "").unwrap();
            crate::decode(&directory, opened.bytes(&directory)).unwrap();
            opened
        }

        /// The file `name`'s bytes, as fetched.
        fn bytes(&self, name: &str) -> Option<Vec<u8>> {
            let f = self.site.files.iter().find(|(n, _)| n == name);
            f.map(|(_, content)| content.as_bytes().to_vec())
        }

        /// The documents kept (every other one) and their shards.
        fn kept(&self) -> (Vec<u32>, Vec<String>) {
            let kept: Vec<u32> = (0..self.c.documents.len() as u32)
                .filter(|d| keep(*d as usize))
                .collect();
            let mut shards: Vec<String> = kept
                .iter()
                .map(|&d| crate::locate("docs", &d.to_string()).unwrap())
                .collect();
            shards.dedup();
            (kept, shards)
        }

        /// The rows of the export under way once fed the runs `asked` (a JSON list) names.
        fn rows(&self, asked: Result<String, String>) -> String {
            let runs: Vec<String> = serde_json::from_str(&asked.unwrap()).unwrap();
            for run in runs {
                export_names(&run, self.bytes(&run)).unwrap();
            }
            export_rows().unwrap()
        }

        /// The export of `table` in `format` of the documents kept, `only` called after its start.
        fn export(&self, table: &str, format: &str, only: impl FnOnce()) -> String {
            let (kept, shards) = self.kept();
            let mut out = export_start(table, format);
            only();
            for shard in &shards {
                out += &self.rows(export_docs(shard, self.bytes(shard), kept.clone()));
            }
            out + &export_end()
        }
    }

    /// The documents the tests' exports keep.
    fn keep(d: usize) -> bool {
        d.is_multiple_of(2)
    }

    #[test]
    fn the_export_fed_the_files_it_asks_for_writes_the_mentions_or_quotes_of_the_documents_kept() {
        let o = Opened::new();
        let (c, a) = (&o.c, &o.a);
        assert!(o.kept().1.len() > 1);
        assert_eq!(
            o.export("mentions", "csv", || ()),
            mentions(c, a, Format::Csv, |d, _| keep(d))
        );
        let all_quotes = quotes(c, a, Format::Json, |d, _| keep(d));
        assert!(all_quotes.contains("\"speaker_id\": \"person-"), "{all_quotes}");
        assert_eq!(o.export("quotes", "json", || ()), all_quotes);
        assert_eq!(
            o.export("quotes", "csv", || ()),
            quotes(c, a, Format::Csv, |d, _| keep(d))
        );
        // A shard that cannot be fetched is a fault to retry; no export, no rows.
        let (kept, shards) = o.kept();
        export_start("mentions", "json");
        assert!(export_docs(&shards[0], None, kept.clone())
            .unwrap_err()
            .starts_with("missing\t"));
        assert!(export_names(&shards[0], o.bytes(&shards[0]))
            .unwrap_err()
            .starts_with("version\t"));
        assert_eq!(export_end(), "]\n");
        assert!(export_rows().is_err());
    }

    #[test]
    fn an_export_of_quotes_keeps_those_the_quotes_view_shows_one_speakers_holding_a_word() {
        let o = Opened::new();
        let (c, a) = (&o.c, &o.a);
        let (who, word) = a
            .docs
            .iter()
            .enumerate()
            .filter(|&(d, _)| keep(d))
            .flat_map(|(d, da)| da.quotes.iter().map(move |q| (d, da, q)))
            .find_map(|(d, da, q)| {
                let words = &c.documents[d].text[q.range.clone()];
                let word = words.split_whitespace().find(|w| w.len() > 6)?;
                Some((da.mentions[q.speaker?].entity, word.to_uppercase()))
            })
            .unwrap();
        let shown = |d: usize, q: &Quote| {
            let da = &a.docs[d];
            keep(d)
                && q.speaker.map(|m| da.mentions[m].entity) == Some(who)
                && c.documents[d].text[q.range.clone()]
                    .to_lowercase()
                    .contains(&word.to_lowercase())
        };
        let only = o.export("quotes", "json", || {
            export_quotes_only(&word, Some(who as u32), None).unwrap()
        });
        assert!(only.contains("\"speaker_id\""), "{only}");
        assert_eq!(only, quotes(c, a, Format::Json, shown));
        export_start("mentions", "csv");
        assert!(export_quotes_only("", None, None).is_err());
    }

    #[test]
    fn a_comparison_is_exported_a_batch_at_a_time_each_entity_named_from_the_table_runs() {
        let o = Opened::new();
        let entities = &o.a.entities;
        let last = entities.len() - 1;
        let mut csv = export_start("compare", "csv");
        for rows in [[0u32, 3, 2, 0, 0], [last as u32, 1, 1, 3, 1]] {
            csv += &o.rows(export_compared(rows.to_vec(), vec![8, 6], "https://x.org/?v-e="));
        }
        csv += &export_end();
        let lines: Vec<&str> = csv.split("\r\n").collect();
        let (first, other) = (&entities[0], &entities[last]);
        let (id, name, label) = (&first.id, &first.canonical, first.label.code());
        assert_eq!(
            lines[1],
            format!("{id},{name},{label},only_a,3,2,37.50,0,0,0.00,-37.50,https://x.org/?v-e={id}")
        );
        assert!(lines[2].starts_with(&format!("{},", other.id)));
        assert!(
            lines[2].contains(",both,1,1,12.50,3,1,50.00,37.50,"),
            "{}",
            lines[2]
        );
        assert_eq!(lines.len(), 4, "{csv}");
        let beyond = entities.len() as u32;
        assert!(export_compared(vec![beyond, 1, 1, 1, 1], vec![1, 1], "").is_err());
    }
}
