//! The list of articles matching the current query.

use crate::app::Navigator;
use crate::data::data;
use crate::url::ViewState;
use leptos::prelude::*;

/// Every article whose title or text contains the query, as links that open it.
#[component]
pub fn ArticleList() -> impl IntoView {
    let nav = expect_context::<Navigator>();
    let corpus = &data().corpus;
    let matching = Memo::new(move |_| {
        let q = nav.state.get().q.to_lowercase();
        corpus
            .documents
            .iter()
            .enumerate()
            .filter(|(_, d)| {
                q.is_empty() || d.title.to_lowercase().contains(&q) || d.text.to_lowercase().contains(&q)
            })
            .map(|(i, _)| i)
            .collect::<Vec<_>>()
    });
    view! {
        <p class="count" aria-live="polite">
            {move || {
                let n = matching.get().len();
                format!("{n} of {} articles", corpus.documents.len())
            }}
        </p>
        <ul class="articles">
            <For each=move || matching.get() key=|i| *i let:i>
                {
                    let doc = &corpus.documents[i];
                    let href = move || {
                        let s = nav.state.get();
                        nav.href(&ViewState { doc: Some(doc.file.clone()), ..s })
                    };
                    let current = move || nav.state.get().doc.as_deref() == Some(doc.file.as_str());
                    let meta = [
                        doc.meta.source.clone(),
                        doc.meta.published.map(|d| d.to_string()),
                        Some(format!("{} words", doc.word_count())),
                    ]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" · ");
                    view! {
                        <li class="article" class:current=current>
                            <a href=href aria-current=move || current().then_some("page")>{doc.title.clone()}</a>
                            <span class="meta">{meta}</span>
                        </li>
                    }
                }
            </For>
        </ul>
    }
}
