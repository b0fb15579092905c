//! The sharded reader's answers on the seeds' site, cut in small files so that every
//! kind has several: each file found where the manifest says, read back to what the
//! analysis holds, and a missing, cut or changed file a fault of the right kind.

use dossier_core::corpus::load_dir;
use dossier_core::index::Index;
use dossier_core::site::{write, Site, Sizes};
use dossier_site::{
    clauses, decode, doc_at, locate, mention_files, name_files, open, prefix_files, term_files,
};
use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;

/// Small files, so that the seeds make many of each kind.
const SMALL: Sizes = Sizes {
    docs: 2_000,
    list: 150,
    table: 300,
    names: 200,
    terms: 1_000,
    entities: 250,
};

/// The seeds' corpus, analysis and site, opened; the site's files by name.
fn site() -> (
    dossier_core::corpus::Corpus,
    dossier_core::model::Analysis,
    HashMap<String, Vec<u8>>,
) {
    let corpus = load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")).unwrap();
    let analysis = dossier_core::analyse(&corpus);
    let Site { manifest, files, .. } = write(&corpus, &analysis, &SMALL).unwrap();
    open(&manifest).unwrap();
    let files = files.into_iter().map(|(n, c)| (n, c.into_bytes())).collect();
    (corpus, analysis, files)
}

fn read(files: &HashMap<String, Vec<u8>>, name: &str) -> Value {
    serde_json::from_str(&decode(name, files.get(name).cloned()).unwrap()).unwrap()
}

#[test]
fn every_article_reads_back_from_its_shard_with_its_marks() {
    let (corpus, analysis, files) = site();
    assert!(files.keys().filter(|n| n.starts_with("d-")).count() > 1);
    for (di, doc) in corpus.documents.iter().enumerate() {
        let name = locate("file", &doc.file).unwrap();
        let shard = read(&files, &name);
        let i = di - shard["first"].as_u64().unwrap() as usize;
        assert_eq!(shard["files"][i], doc.file.as_str());
        let d: Value = serde_json::from_str(&doc_at(&name, files[&name].clone(), i).unwrap()).unwrap();
        assert_eq!(d["file"], doc.file.as_str());
        let parts: Vec<&Value> = d["blocks"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|b| b["parts"].as_array().unwrap())
            .collect();
        let marks: Vec<&Value> = parts.iter().copied().filter(|p| p.is_array()).collect();
        let mentions = &analysis.docs[di].mentions;
        assert_eq!(marks.len(), mentions.len(), "{}", doc.file);
        for (mark, m) in marks.iter().zip(mentions) {
            assert_eq!(mark[0], &doc.text[m.range.clone()]);
            assert_eq!(mark[1], m.label.code());
            assert_eq!(mark[2], m.entity);
        }
        // The blocks' text is the document's, piece for piece.
        let text: String = parts
            .iter()
            .map(|p| p.as_str().unwrap_or_else(|| p[0].as_str().unwrap()))
            .collect();
        let blocks: String = analysis.docs[di]
            .blocks
            .iter()
            .map(|b| &doc.text[b.range.clone()])
            .collect();
        assert_eq!(text, blocks);
    }
}

#[test]
fn the_head_list_and_an_entitys_mentions_match_the_analysis() {
    let (corpus, analysis, files) = site();
    let head = read(&files, &locate_head(&files));
    assert_eq!(head["documents"], corpus.documents.len());
    let list = read(&files, &locate("list", "1").unwrap());
    let first = list["first"].as_u64().unwrap() as usize;
    assert_eq!(list["rows"][1 - first]["file"], corpus.documents[1].file.as_str());
    read(&files, &locate("directory", "").unwrap());
    let putin = analysis
        .entities
        .iter()
        .position(|e| e.id == "person-vladimir-putin")
        .unwrap();
    let names = serde_json::from_str::<Vec<String>>(&name_files("person-vladimir-putin")).unwrap();
    let found: Vec<u64> = names
        .iter()
        .filter_map(|n| read(&files, n)["person-vladimir-putin"][0].as_u64())
        .collect();
    assert_eq!(found, [putin as u64]);
    let shard = read(&files, &locate("entities", &putin.to_string()).unwrap());
    let mut mentions: Vec<(u64, u64)> = serde_json::from_value::<Vec<(u64, u64)>>(
        shard["rows"][putin - shard["first"].as_u64().unwrap() as usize]["mentions"].clone(),
    )
    .unwrap();
    for part in serde_json::from_str::<Vec<String>>(&mention_files(putin)).unwrap() {
        mentions.extend(
            serde_json::from_value::<Vec<(u64, u64)>>(read(&files, &part)["mentions"].clone()).unwrap(),
        );
    }
    let expected: Vec<(u64, u64)> = analysis
        .docs
        .iter()
        .enumerate()
        .flat_map(|(d, a)| {
            a.mentions
                .iter()
                .enumerate()
                .filter(|(_, m)| m.entity == putin)
                .map(move |(i, _)| (d as u64, i as u64))
        })
        .collect();
    assert_eq!(mentions, expected);
}

/// The head's name, from any file list: the only `h-` file.
fn locate_head(files: &HashMap<String, Vec<u8>>) -> String {
    files.keys().find(|n| n.starts_with("h-")).unwrap().clone()
}

/// The postings of `term` as the reader gets them: `[document, positions...]` from its
/// fragments or parts.
fn postings(files: &HashMap<String, Vec<u8>>, term: &str) -> Vec<Vec<u32>> {
    let where_: Value = serde_json::from_str(&term_files(term)).unwrap();
    let names = where_["fragments"]
        .as_array()
        .or(where_["parts"].as_array())
        .unwrap();
    names
        .iter()
        .flat_map(|n| {
            read(files, n.as_str().unwrap())[term]
                .as_array()
                .cloned()
                .unwrap_or_default()
        })
        .map(|d| serde_json::from_value(d).unwrap())
        .collect()
}

#[test]
fn a_search_word_finds_the_documents_that_hold_it_with_its_positions() {
    let (corpus, analysis, files) = site();
    read(&files, &locate("directory", "").unwrap());
    let docs: Vec<u64> = postings(&files, "pipeline").iter().map(|d| d[0] as u64).collect();
    let expected: Vec<u64> = (0..corpus.documents.len() as u64)
        .filter(|&d| {
            corpus.documents[d as usize]
                .text
                .to_lowercase()
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w == "pipeline")
        })
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(docs, expected);
    // Every term's positions are the index's, the common ones' (cut in parts) too.
    let ix = Index::new(&corpus, &analysis);
    for term in ["pipeline", "the", "said", "putin"] {
        let mut from_index: Vec<Vec<u32>> = Vec::new();
        for p in ix.postings(ix.term(term).unwrap()) {
            match from_index.last_mut() {
                Some(d) if d[0] == p.doc => d.push(p.pos),
                _ => from_index.push(vec![p.doc, p.pos]),
            }
        }
        assert_eq!(postings(&files, term), from_index, "{term}");
    }
}

#[test]
fn a_query_reads_as_the_apps_clauses_words_phrases_and_exclusions() {
    assert_eq!(
        clauses(r#"Putin PIPELINE -gas "power of Siberia" sanction* of"#),
        concat!(
            r#"[{"negated":false,"words":["putin"]},{"negated":false,"words":["pipeline"]},"#,
            r#"{"negated":true,"words":["gas"]},{"negated":false,"words":["power","of","siberia"]},"#,
            r#"{"negated":false,"prefix":true,"words":["sanction"]}]"#
        )
    );
    // A stop word alone is looked for; nothing to look for is no clause.
    assert_eq!(clauses("the"), r#"[{"negated":false,"words":["the"]}]"#);
    assert_eq!(clauses(" - \"\" "), "[]");
}

#[test]
fn a_missing_cut_or_changed_file_is_a_fault_of_its_kind() {
    let (_, _, files) = site();
    let name = locate("docs", "0").unwrap();
    assert!(decode(&name, None).unwrap_err().starts_with("missing\t"));
    let mut cut = files[&name].clone();
    cut.pop();
    assert!(decode(&name, Some(cut)).unwrap_err().starts_with("version\t"));
    let mut changed = files[&name].clone();
    changed[10] ^= 1;
    assert!(decode(&name, Some(changed.clone()))
        .unwrap_err()
        .starts_with("version\t"));
    // A document read alone is checked as its shard is, and must be in it.
    assert!(doc_at(&name, changed, 0).unwrap_err().starts_with("version\t"));
    assert!(doc_at(&name, files[&name].clone(), 0).is_ok());
    assert!(doc_at(&name, files[&name].clone(), 10_000)
        .unwrap_err()
        .starts_with("version\t"));
    assert!(decode("d-0000000000000000.txt", Some(vec![]))
        .unwrap_err()
        .starts_with("version\t"));
}

/// The documents holding a term starting with `prefix`, as the reader gets them: the
/// terms of its files that start with it.
fn prefix_docs(files: &HashMap<String, Vec<u8>>, prefix: &str) -> Vec<u64> {
    let where_: Value = serde_json::from_str(&prefix_files(prefix)).unwrap();
    let mut docs: Vec<u64> = where_["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|n| {
            let file = read(files, n.as_str().unwrap());
            let terms = file.as_object().unwrap().clone();
            terms
                .into_iter()
                .filter(|(t, _)| t.starts_with(prefix))
                .flat_map(|(_, list)| list.as_array().unwrap().clone())
                .map(|d| d[0].as_u64().unwrap())
                .collect::<Vec<_>>()
        })
        .collect();
    docs.sort_unstable();
    docs.dedup();
    docs
}

#[test]
fn a_prefix_finds_the_documents_of_every_word_starting_with_it_common_words_too() {
    let (corpus, analysis, files) = site();
    read(&files, &locate("directory", "").unwrap());
    let ix = Index::new(&corpus, &analysis);
    // "th": "the" and others are cut in parts at these sizes; "sanction", "pipel" are not.
    let cut: Value = serde_json::from_str(&term_files("the")).unwrap();
    assert!(cut["parts"].is_array());
    for prefix in ["sanction", "pipel", "th", "zzzz"] {
        let mut expected: Vec<u64> = ix
            .terms_with_prefix(prefix)
            .flat_map(|t| ix.postings(t).iter().map(|p| p.doc as u64))
            .collect();
        expected.sort_unstable();
        expected.dedup();
        assert_eq!(prefix_docs(&files, prefix), expected, "{prefix}");
    }
    let bytes: Value = serde_json::from_str(&prefix_files("th")).unwrap();
    assert!(bytes["bytes"].as_u64().unwrap() > 1_000);
}

/// Each bucket of the head's all-zones timelines is found by its key, with as many
/// documents as the head says, each with a date that counts in it.
#[test]
fn a_timeline_bucket_locates_its_documents() {
    let (corpus, analysis, files) = site();
    let head = read(&files, &locate_head(&files));
    read(&files, &locate("directory", "").unwrap());
    let mut seen = 0;
    for t in head["timelines"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["all"] == true)
    {
        for b in t["buckets"].as_array().unwrap() {
            let key = b[0].as_str().unwrap();
            let docs = read(&files, &locate("period", key).unwrap())[key].clone();
            let docs: Vec<usize> = serde_json::from_value(docs).unwrap();
            assert_eq!(docs.len() as u64, b[2].as_u64().unwrap(), "{key}");
            let span = dossier_core::date::Date::parse(key).unwrap();
            for d in docs {
                assert!(d < corpus.documents.len());
                assert!(dossier_core::timeline::mentions_period(
                    &analysis.dates,
                    d,
                    (span, span),
                    true
                ));
            }
            seen += 1;
        }
    }
    assert!(seen > 5);
}
