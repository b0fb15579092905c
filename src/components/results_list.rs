//! The articles that match the current filters, with counts and snippets.

use crate::app::Navigator;
use crate::data::data;
use crate::results::Results;
use crate::url::{View, ViewState};
use leptos::prelude::*;

/// The current results, shared by every panel that shows counts.
pub fn use_results() -> Memo<Results> {
    expect_context::<Memo<Results>>()
}

/// Text with its highlighted ranges as `<mark>`s (plain text nodes otherwise).
pub fn highlighted(text: &str, ranges: &[std::ops::Range<usize>]) -> impl IntoView {
    let mut parts = Vec::new();
    let mut at = 0;
    for r in ranges {
        if r.start < at
            || r.end > text.len()
            || !text.is_char_boundary(r.start)
            || !text.is_char_boundary(r.end)
        {
            continue;
        }
        parts.push(text[at..r.start].to_string().into_any());
        parts.push(view! { <mark class="hit">{text[r.clone()].to_string()}</mark> }.into_any());
        at = r.end;
    }
    parts.push(text[at..].to_string().into_any());
    parts
}

/// The list of matching articles: links whose accessible name is the title.
#[component]
pub fn ResultsList() -> impl IntoView {
    let nav = expect_context::<Navigator>();
    let results = use_results();
    let corpus = &data().corpus;
    view! {
        <p class="count" aria-live="polite">
            {move || {
                let n = results.get().hits.len();
                if nav.state.get().is_filtered() {
                    format!("{n} of {} articles match", corpus.documents.len())
                } else {
                    format!("{} articles", corpus.documents.len())
                }
            }}
        </p>
        <ol class="articles">
            <For each=move || results.get().hits key=|h| (h.doc, h.count, h.snippets.len()) let:hit>
                {
                    let doc = &corpus.documents[hit.doc];
                    let file = doc.file.clone();
                    let href = {
                        let file = file.clone();
                        move || {
                            let s = nav.state.get();
                            nav.href(&ViewState { doc: Some(file.clone()), mention: None, view: View::Articles, ..s })
                        }
                    };
                    let current = {
                        let file = file.clone();
                        move || nav.state.get().doc.as_deref() == Some(file.as_str())
                    };
                    let current2 = move || nav.state.get().doc.as_deref() == Some(file.as_str());
                    let meta = [
                        doc.meta.source.clone(),
                        doc.meta.published.map(|d| d.to_string()),
                        Some(format!("{} words", doc.word_count())),
                        (hit.count > 0).then(|| format!("{} matches", hit.count)),
                    ]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" · ");
                    let snippets = hit
                        .snippets
                        .iter()
                        .map(|(text, ranges)| view! { <p class="snippet">"…" {highlighted(text, ranges)} "…"</p> })
                        .collect_view();
                    view! {
                        <li class="article" class:current=current2>
                            <a href=href aria-current=move || current().then_some("page")>{doc.title.clone()}</a>
                            <span class="meta">{meta}</span>
                            {snippets}
                        </li>
                    }
                }
            </For>
        </ol>
        <Show when=move || results.get().hits.is_empty()>
            <p class="empty">"No article matches these filters."</p>
        </Show>
    }
}
