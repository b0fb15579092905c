//! The current filter's results: the view state as the core's [`Query`], answered by
//! the index.

use crate::data::{data, Data};
use crate::url::{ViewState, Whose};
pub use dossier_core::query::{Counts, Hit, Results};
use dossier_core::query::{LabelSet, Query};

/// The core query a view state describes.
pub fn query_of(state: &ViewState) -> Query {
    let mut hidden = LabelSet::default();
    for &l in &state.hide {
        hidden.insert(l);
    }
    Query {
        text: state.q.clone(),
        require: state.require.clone(),
        exclude: state.exclude.clone(),
        hidden,
        all_zones: state.all_zones,
        when: state.when_span(),
        docs: whose_docs(state.own),
    }
}

/// The documents `whose` keeps, one flag a document; `None` for all.
fn whose_docs(whose: Whose) -> Option<Vec<bool>> {
    let mine = whose == Whose::Mine;
    (whose != Whose::Both).then(|| {
        let docs = &data().corpus.documents;
        docs.iter().map(|d| crate::own::is_own(&d.file) == mine).collect()
    })
}

/// Evaluates `query` over the corpus.
pub fn search(query: &Query) -> Results {
    dossier_core::query::search(data().index(), query)
}

/// Evaluates `state`'s filters over the corpus.
pub fn results(state: &ViewState) -> Results {
    search(&query_of(state))
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
