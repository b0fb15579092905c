//! The decoded files as the JSON `web/site.js` draws from: only what it shows, texts as
//! strings (it puts them in the page as text nodes, never as HTML).

use dossier_core::corpus::Document;
use dossier_core::model::QuoteKind;
use dossier_core::model::{DocAnalysis, Entity};
use dossier_core::site::{
    DocSummary, EntityFiles, Head, NameKey, PeriodDocs, QuoteRow, SaidRow, Speakers, TermPostings,
};
use dossier_core::timeline::Granularity;
use dossier_core::Label;
use serde_json::{json, Value};

/// An entity as a row: id, name, label code, documents and mentions.
fn entity(e: &Entity) -> Value {
    json!({ "id": e.id, "name": e.canonical, "label": e.label.code(), "documents": e.documents, "mentions": e.mentions })
}

/// Entities as rows, each with its number in the corpus's entity table.
fn numbered(rows: &[(usize, Entity)]) -> Vec<Value> {
    rows.iter()
        .map(|(ix, e)| {
            let mut row = entity(e);
            row["ix"] = json!(ix);
            row
        })
        .collect()
}

/// The head: counts, each label's count and name, each label's top entities.
pub fn head(h: &Head) -> Value {
    let labels: Vec<Value> = Label::ALL
        .iter()
        .zip(&h.label_counts)
        .map(|(l, c)| json!({ "code": l.code(), "name": l.name(), "article": c.article, "all": c.all }))
        .collect();
    let top = numbered(&h.top);
    let timelines: Vec<Value> = h
        .timelines
        .iter()
        .map(|(g, all_zones, t)| {
            let buckets: Vec<Value> = t
                .buckets
                .iter()
                .map(|b| json!([b.key.to_string(), b.mentions, b.documents]))
                .collect();
            json!({ "year": *g == Granularity::Year, "all": all_zones, "buckets": buckets,
                "coarser": t.coarser, "unresolved": t.unresolved, "durations": t.durations })
        })
        .collect();
    json!({ "documents": h.documents, "entities": h.entities, "labels": labels, "top": top, "timelines": timelines })
}

/// A quotes run: its first document and, for each document, its quotes (`direct`, the
/// speaker as `[entity, id, name]` or null, the words, the entities named in them).
pub fn quotes(first: usize, docs: &[Vec<QuoteRow>]) -> Value {
    let rows: Vec<Value> = docs
        .iter()
        .map(|d| {
            d.iter()
                .map(|q| {
                    let who = q.speaker.as_ref().map(|(e, id, name)| json!([e, id, name]));
                    json!({ "direct": q.kind == QuoteKind::Direct, "who": who, "words": q.words, "about": q.about })
                })
                .collect()
        })
        .collect();
    json!({ "first": first, "rows": rows })
}

/// A speaker file: its quotes as `[speaker, document, quote]`, each quote as a quotes
/// run's (its `who` left to the reader, who knows the speaker).
pub fn said(rows: &[SaidRow]) -> Value {
    let rows: Vec<Value> = rows
        .iter()
        .map(|q| {
            let quote = json!({ "direct": q.kind == QuoteKind::Direct, "words": q.words, "about": q.about });
            json!([q.speaker, q.doc, quote])
        })
        .collect();
    json!({ "rows": rows })
}

/// A ranked run: its first rank and its entities as rows, each with its number.
pub fn ranked(first: usize, rows: &[(usize, Entity)]) -> Value {
    json!({ "first": first, "rows": numbered(rows) })
}

/// The speakers file: the corpus's quotes, those attributed, the most quoted speakers as
/// `[entity, quotes, id, name]`.
pub fn speakers(s: &Speakers) -> Value {
    let top: Vec<Value> = s
        .top
        .iter()
        .map(|(e, n, id, name)| json!([e, n, id, name]))
        .collect();
    json!({ "quotes": s.quotes, "attributed": s.attributed, "top": top })
}

/// A period file: each bucket's documents (all zones: those with a date in it in the
/// article proper, then those with such dates only outside it).
pub fn periods(periods: &[PeriodDocs]) -> Value {
    let mut map = serde_json::Map::new();
    for p in periods {
        let docs = p.article.iter().chain(&p.other).map(|&d| Value::from(d));
        map.insert(p.key.clone(), Value::Array(docs.collect()));
    }
    Value::Object(map)
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
        .map(|e| json!({ "mentions": pairs(&e.mentions), "partners": pairs(&e.partners) }))
        .collect();
    json!({ "first": first, "rows": rows })
}

/// Pairs of numbers as arrays of two (built as values: serde's tuples cost more code).
pub fn pairs(list: &[(u32, u32)]) -> Value {
    list.iter()
        .map(|&(a, b)| Value::Array(vec![a.into(), b.into()]))
        .collect()
}

/// A name-index fragment: each key's entities.
pub fn names(keys: &[NameKey]) -> Value {
    let mut map = serde_json::Map::new();
    for k in keys {
        let entities = k.entities.iter().map(|&e| Value::from(e));
        map.insert(k.key.clone(), Value::Array(entities.collect()));
    }
    Value::Object(map)
}

/// A search-index fragment or part: each term's documents, in order, each as
/// `[document, positions...]` (the word positions of the term in it, in order, all
/// zones), so that a phrase is found by consecutive positions.
pub fn terms(terms: &[TermPostings]) -> Value {
    let mut map = serde_json::Map::new();
    for t in terms {
        let mut docs: Vec<Vec<Value>> = Vec::new();
        for (p, _) in &t.postings {
            match docs.last_mut() {
                Some(d) if d[0] == p.doc => d.push(p.pos.into()),
                _ => docs.push(vec![p.doc.into(), p.pos.into()]),
            }
        }
        map.insert(t.term.clone(), docs.into_iter().map(Value::Array).collect());
    }
    Value::Object(map)
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
