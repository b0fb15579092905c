//! The query layer over the seed corpus and its real analysis. Every expectation is
//! computed from the analysis or the text, not written down, so the tests stay true
//! as the recogniser improves.

mod query_support;

use dossier_core::index::{normalise_words, Index};
use dossier_core::query::{
    cooccurrence, mentions, search, sentences_with, KwicSort, Query, Snippets, TextQuery,
};
use dossier_core::timeline::{timeline, Granularity};
use dossier_core::Label;
use query_support::{docs_mentioning, replicate, seeds};
use std::collections::{BTreeMap, BTreeSet};

fn docs(q: &Query, ix: &Index) -> Vec<usize> {
    let mut d: Vec<usize> = search(ix, q).hits.iter().map(|h| h.doc).collect();
    d.sort_unstable();
    d
}

fn requiring(id: &str, all_zones: bool) -> Query {
    Query {
        require: vec![id.to_string()],
        all_zones,
        ..Query::default()
    }
}

#[test]
fn requiring_an_entity_lists_exactly_the_documents_that_mention_it() {
    let (c, a) = seeds();
    let ix = Index::new(&c, &a);
    assert!(
        !a.entities.is_empty(),
        "the recogniser finds entities in the seeds"
    );
    for (e, ent) in a.entities.iter().enumerate() {
        for all_zones in [false, true] {
            let q = requiring(&ent.id, all_zones);
            assert_eq!(
                docs(&q, &ix),
                docs_mentioning(&a, e, all_zones),
                "{} {all_zones}",
                ent.id
            );
            let r = search(&ix, &q);
            let mentioned: usize = r.hits.iter().map(|h| h.count).sum();
            assert_eq!(mentioned, r.entities[e].mentions, "{}", ent.id);
            let snippets = Snippets::new(&ix, &q);
            assert!(
                r.hits.iter().all(|h| !snippets.of(h.doc).is_empty()),
                "{}",
                ent.id
            );
        }
    }
}

/// Regression: the search used to make snippets for its first 50 hits only, and the
/// app made the others for text queries alone, so an entity filter's rows past the
/// 50th had none.
#[test]
fn every_hit_has_snippets_however_far_down_the_list() {
    let (sc, sa) = seeds();
    let (c, a) = replicate(&sc, &sa, 120);
    let ix = Index::new(&c, &a);
    let top = a.entities.iter().max_by_key(|e| e.documents).expect("entities");
    for q in [requiring(&top.id, false), Query::text("the")] {
        let r = search(&ix, &q);
        assert!(r.hits.len() > 100, "{q:?} matches {}", r.hits.len());
        let snippets = Snippets::new(&ix, &q);
        for h in &r.hits {
            let s = snippets.of(h.doc);
            assert!(!s.is_empty(), "{q:?}: document {} has no snippet", h.doc);
            let text = &c.documents[h.doc].text;
            assert!(s.iter().all(|sn| !sn.highlights.is_empty()
                && sn.highlights.iter().all(|r| sn.range.start <= r.start
                    && r.end <= sn.range.end
                    && !text[r.clone()].is_empty())));
        }
    }
}

#[test]
fn excluding_an_entity_lists_every_other_document() {
    let (c, a) = seeds();
    let ix = Index::new(&c, &a);
    for (e, ent) in a.entities.iter().enumerate() {
        let q = Query {
            exclude: vec![ent.id.clone()],
            ..Query::default()
        };
        let with = docs_mentioning(&a, e, false);
        let without: Vec<usize> = (0..c.documents.len()).filter(|d| !with.contains(d)).collect();
        assert_eq!(docs(&q, &ix), without, "{}", ent.id);
    }
}

#[test]
fn facets_of_the_whole_corpus_match_the_analysis() {
    let (c, a) = seeds();
    let ix = Index::new(&c, &a);
    let r = search(
        &ix,
        &Query {
            all_zones: true,
            ..Query::default()
        },
    );
    for (e, ent) in a.entities.iter().enumerate() {
        assert_eq!(r.entities[e].mentions, ent.mentions, "{}", ent.id);
        assert_eq!(r.entities[e].documents, ent.documents, "{}", ent.id);
    }
    for l in Label::ALL {
        let m: usize = a
            .docs
            .iter()
            .map(|d| d.mentions.iter().filter(|m| m.label == l).count())
            .sum();
        assert_eq!(r.label(l).mentions, m, "{l}");
    }
}

/// Per normalised word, the documents whose article text contains it (by rescanning).
fn words_by_doc(
    c: &dossier_core::corpus::Corpus,
    a: &dossier_core::Analysis,
) -> BTreeMap<String, BTreeSet<usize>> {
    let mut out: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    let (mut buf, mut spans) = (String::new(), Vec::new());
    for (d, (doc, da)) in c.documents.iter().zip(&a.docs).enumerate() {
        for b in da.blocks.iter().filter(|b| b.zone.is_article()) {
            spans.clear();
            normalise_words(&doc.text[b.range.clone()], &mut buf, &mut spans);
            for (_, k) in &spans {
                out.entry(buf[k.clone()].to_string()).or_default().insert(d);
            }
        }
    }
    out
}

#[test]
fn every_word_finds_exactly_the_documents_that_contain_it() {
    let (c, a) = seeds();
    let ix = Index::new(&c, &a);
    let words = words_by_doc(&c, &a);
    assert!(words.len() > 500);
    for (w, expected) in &words {
        let got = docs(&Query::text(w), &ix);
        assert_eq!(got, expected.iter().copied().collect::<Vec<_>>(), "{w}");
        let not = docs(&Query::text(&format!("-{w}")), &ix);
        assert_eq!(not.len() + got.len(), c.documents.len(), "-{w}");
    }
}

#[test]
fn prefixes_find_the_union_of_their_words() {
    let (c, a) = seeds();
    let ix = Index::new(&c, &a);
    let words = words_by_doc(&c, &a);
    for p in ["put", "chin", "bei", "s", "xi", "2"] {
        let expected: BTreeSet<usize> = words
            .iter()
            .filter(|(w, _)| w.starts_with(p))
            .flat_map(|(_, d)| d.iter().copied())
            .collect();
        assert_eq!(
            docs(&Query::text(&format!("{p}*")), &ix),
            expected.into_iter().collect::<Vec<_>>(),
            "{p}*"
        );
    }
}

#[test]
fn every_sentence_opening_is_found_as_a_phrase_in_its_document() {
    let (c, a) = seeds();
    let ix = Index::new(&c, &a);
    for (d, (doc, da)) in c.documents.iter().zip(&a.docs).enumerate() {
        for s in da.sentences.iter().take(30) {
            let text = &doc.text[s.clone()];
            let opening: String = text.split_whitespace().take(4).collect::<Vec<_>>().join(" ");
            if TextQuery::parse(&format!("\"{opening}\"")).clauses.is_empty() {
                continue;
            }
            let block = da.blocks.iter().find(|b| b.range.contains(&s.start)).unwrap();
            let q = Query {
                text: format!("\"{opening}\""),
                all_zones: true,
                ..Query::default()
            };
            let r = search(&ix, &q);
            assert!(
                r.hits.iter().any(|h| h.doc == d),
                "{opening:?} in {d} ({:?})",
                block.zone
            );
        }
    }
}

#[test]
fn mentions_in_context_are_every_article_mention_of_the_entity() {
    let (c, a) = seeds();
    let ix = Index::new(&c, &a);
    for (e, ent) in a.entities.iter().enumerate().take(40) {
        let k = mentions(&ix, &[e], KwicSort::Date, false);
        let expected: usize = a
            .docs
            .iter()
            .map(|da| {
                da.mentions
                    .iter()
                    .filter(|m| m.entity == e && da.blocks[m.block].zone.is_article())
                    .count()
            })
            .sum();
        assert_eq!(k.len(), expected, "{}", ent.id);
        for m in &k {
            let text = &c.documents[m.doc].text;
            assert_eq!(m.left.end, m.range.start);
            assert_eq!(m.right.start, m.range.end);
            let (l, _, r) = m.texts(text);
            assert!(l.chars().count() <= 80 && r.chars().count() <= 80, "{l:?} {r:?}");
        }
    }
}

#[test]
fn cooccurrence_counts_agree_with_the_shared_sentences() {
    let (c, a) = seeds();
    let co = cooccurrence(&a, 12);
    assert!(co
        .entities
        .iter()
        .all(|&e| !matches!(a.entities[e].label, Label::Date | Label::Money | Label::Percent)));
    for i in 0..co.len() {
        for j in 0..co.len() {
            assert_eq!(co.get(i, j), co.get(j, i));
            if i != j {
                let s = sentences_with(&a, co.entities[i], co.entities[j], false);
                assert_eq!(s.len() as u32, co.get(i, j));
                for s in s {
                    assert!(s
                        .mentions
                        .iter()
                        .all(|(r, _)| s.range.start <= r.start && r.end <= s.range.end));
                    assert!(!c.documents[s.doc].text[s.range].is_empty());
                }
            }
        }
    }
}

#[test]
fn dates_resolve_only_against_a_precise_enough_publication_date() {
    let (c, a) = seeds();
    let ix = Index::new(&c, &a);
    let dates = ix.dates();
    let expected: usize = a
        .docs
        .iter()
        .map(|d| d.mentions.iter().filter(|m| m.label == Label::Date).count())
        .sum();
    assert_eq!(dates.len(), expected);
    for m in dates {
        let doc = &c.documents[m.doc];
        let text = doc.text[m.range.clone()].to_lowercase();
        let needs_day = [
            "today",
            "yesterday",
            "tomorrow",
            "week",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ]
        .iter()
        .any(|w| text.split_whitespace().any(|t| t.trim_matches(',') == *w));
        let has_year = text.chars().filter(char::is_ascii_digit).count() >= 4;
        if needs_day && !has_year && doc.meta.published.is_none_or(|p| p.day.is_none()) {
            assert_eq!(m.period, None, "{text:?} resolved without a publication day");
        }
        if let Some(p) = m.period {
            assert!(p.start <= p.end, "{text:?}");
        }
    }
    // Selecting a bucket keeps exactly the documents it counts.
    let t = timeline(dates, Granularity::Month, false, |_| true);
    for b in &t.buckets {
        let q = Query {
            when: Some((b.key, b.key)),
            ..Query::default()
        };
        assert_eq!(docs(&q, &ix).len(), b.documents, "{}", b.key);
    }
}
