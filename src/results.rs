//! The current filter's results: matching articles and the counts every panel shows.

use crate::data::{data, Data};
use crate::url::ViewState;
use dossier_core::Label;

/// One matching article.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Index of the document in the corpus.
    pub doc: usize,
    /// How many times the text terms and required entities occur in it.
    pub count: usize,
    /// Short passages that show why it matched: text and highlighted byte ranges within it.
    pub snippets: Vec<(String, Vec<std::ops::Range<usize>>)>,
}

/// The articles the filter keeps, and counts over them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Results {
    /// Matching articles, best first.
    pub hits: Vec<Hit>,
    /// Per entity (parallel to the analysis's entities): mentions and articles among the hits.
    pub entity_counts: Vec<(usize, usize)>,
    /// Per label (in [`Label::ALL`] order): mentions among the hits.
    pub label_counts: [usize; 10],
}

/// Evaluates `state`'s filters over the corpus.
pub fn results(state: &ViewState) -> Results {
    let d = data();
    let q = state.q.to_lowercase();
    let words: Vec<&str> = q.split_whitespace().collect();
    let required: Vec<usize> = state.require.iter().filter_map(|id| d.entity_index(id)).collect();
    let excluded: Vec<usize> = state.exclude.iter().filter_map(|id| d.entity_index(id)).collect();
    let mut out = Results {
        entity_counts: vec![(0, 0); d.analysis.entities.len()],
        ..Default::default()
    };
    for (i, doc) in d.corpus.documents.iter().enumerate() {
        let ents = entities_in(d, i, state.all_zones);
        if !required.iter().all(|e| ents.contains(e)) || excluded.iter().any(|e| ents.contains(e)) {
            continue;
        }
        let text = doc.text.to_lowercase();
        if !words.iter().all(|w| text.contains(w)) {
            continue;
        }
        let count = words.iter().map(|w| text.matches(w).count()).sum::<usize>();
        out.hits.push(Hit {
            doc: i,
            count,
            snippets: Vec::new(),
        });
        let mut seen = vec![false; d.analysis.entities.len()];
        for m in counted_mentions(d, i, state.all_zones) {
            out.entity_counts[m.entity].0 += 1;
            if !seen[m.entity] {
                seen[m.entity] = true;
                out.entity_counts[m.entity].1 += 1;
            }
            let l = Label::ALL.iter().position(|&l| l == m.label).unwrap_or(0);
            out.label_counts[l] += 1;
        }
    }
    out
}

/// The mentions of document `doc` that count: the article proper unless `all_zones`.
pub fn counted_mentions(
    d: &Data,
    doc: usize,
    all_zones: bool,
) -> impl Iterator<Item = &dossier_core::Mention> {
    let a = &d.analysis.docs[doc];
    a.mentions
        .iter()
        .filter(move |m| all_zones || a.blocks[m.block].zone.is_article())
}

fn entities_in(d: &Data, doc: usize, all_zones: bool) -> Vec<usize> {
    let mut v: Vec<usize> = counted_mentions(d, doc, all_zones).map(|m| m.entity).collect();
    v.sort_unstable();
    v.dedup();
    v
}
