//! The decoded files as the JSON `web/site.js` draws from: only what it shows, texts as
//! strings (it puts them in the page as text nodes, never as HTML).

use dossier_core::corpus::Document;
use dossier_core::model::{DocAnalysis, Entity};
use dossier_core::site::{DocSummary, EntityFiles, Head, NameKey, TermPostings};
use dossier_core::Label;
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// An entity as a row: id, name, label code, documents and mentions.
fn entity(e: &Entity) -> Value {
    json!({ "id": e.id, "name": e.canonical, "label": e.label.code(), "documents": e.documents, "mentions": e.mentions })
}

/// The head: counts, each label's count and name, each label's top entities.
pub fn head(h: &Head) -> Value {
    let labels: Vec<Value> = Label::ALL
        .iter()
        .zip(&h.label_counts)
        .map(|(l, c)| json!({ "code": l.code(), "name": l.name(), "article": c.article, "all": c.all }))
        .collect();
    let top: Vec<Value> = h
        .top
        .iter()
        .map(|(ix, e)| {
            let mut row = entity(e);
            row["ix"] = json!(ix);
            row
        })
        .collect();
    json!({ "documents": h.documents, "entities": h.entities, "labels": labels, "top": top })
}

/// An article-list run: its first document and its rows.
pub fn list(first: usize, rows: &[DocSummary]) -> Value {
    let rows: Vec<Value> = rows
        .iter()
        .map(|d| json!({ "file": d.file, "title": d.title, "date": d.published.map(|p| p.to_string()), "source": d.source }))
        .collect();
    json!({ "first": first, "rows": rows })
}

/// An entity-table run: its first entity and its rows.
pub fn table(first: usize, rows: &[Entity]) -> Value {
    json!({ "first": first, "rows": rows.iter().map(entity).collect::<Vec<_>>() })
}

/// An entity shard: its first entity and, for each, its mentions as (document, mention)
/// pairs and its partners as (entity, shared documents).
pub fn entities(first: usize, rows: &[EntityFiles]) -> Value {
    let rows: Vec<Value> = rows
        .iter()
        .map(|e| json!({ "mentions": e.mentions, "partners": e.partners }))
        .collect();
    json!({ "first": first, "rows": rows })
}

/// A name-index fragment: each key's entities.
pub fn names(keys: &[NameKey]) -> Value {
    let map: BTreeMap<&str, &[u32]> = keys
        .iter()
        .map(|k| (k.key.as_str(), k.entities.as_slice()))
        .collect();
    json!(map)
}

/// A search-index fragment or part: each term's documents, in order, each as
/// `[document, positions...]` (the word positions of the term in it, in order, all
/// zones), so that a phrase is found by consecutive positions.
pub fn terms(terms: &[TermPostings]) -> Value {
    let map: BTreeMap<&str, Vec<Vec<u32>>> = terms
        .iter()
        .map(|t| {
            let mut docs: Vec<Vec<u32>> = Vec::new();
            for (p, _) in &t.postings {
                match docs.last_mut() {
                    Some(d) if d[0] == p.doc => d.push(p.pos),
                    _ => docs.push(vec![p.doc, p.pos]),
                }
            }
            (t.term.as_str(), docs)
        })
        .collect();
    json!(map)
}

/// A document: its blocks, each a zone and parts, a part either text or a mark
/// `[text, label code, entity, mention index]`.
pub fn doc(d: &Document, a: &DocAnalysis) -> Value {
    let text = d.text.as_ref();
    let mut mentions = a.mentions.iter().enumerate().peekable();
    let blocks: Vec<Value> = a
        .blocks
        .iter()
        .enumerate()
        .map(|(bi, b)| {
            let mut parts = Vec::new();
            let mut at = b.range.start;
            while let Some((mi, m)) = mentions.next_if(|(_, m)| m.block == bi) {
                if m.range.start > at {
                    parts.push(json!(text[at..m.range.start]));
                }
                parts.push(json!([text[m.range.clone()], m.label.code(), m.entity, mi]));
                at = m.range.end;
            }
            if b.range.end > at {
                parts.push(json!(text[at..b.range.end]));
            }
            json!({ "zone": b.zone.code(), "parts": parts })
        })
        .collect();
    json!({ "file": d.file, "title": d.title, "byline": d.meta.byline(), "blocks": blocks })
}
