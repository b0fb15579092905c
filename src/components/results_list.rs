//! The articles that match the current filters, with counts and snippets.

use crate::app::Navigator;
use crate::data::data;
use crate::results::Results;
use crate::seen::{when_near, Times};
use crate::url::{View, ViewState};
use dossier_core::query::{Query, Snippet, Snippets};
use leptos::prelude::*;

/// Articles drawn at once: about a pane's height (eight rows of about 100 px fill the
/// 810 px pane of a 900 px window). The next page is drawn when "Show more" scrolls into
/// view (or is pressed). Small, because every change of the filters redraws the page
/// drawn (interaction costs: docs/performance.md; `style/main.css` lays out this first
/// page without `content-visibility`).
const PAGE: usize = 8;

/// The current results, shared by every panel that shows counts.
pub fn use_results() -> Memo<Results> {
    crate::app::context::<Memo<Results>>()
}

/// The list of matching articles: links whose accessible name is the title.
#[component]
pub fn ResultsList() -> impl IntoView {
    let nav = crate::app::context::<Navigator>();
    let results = use_results();
    let corpus = &data().corpus;
    // Long result lists are drawn a page at a time.
    let shown = RwSignal::new(PAGE);
    Effect::new(move |_| {
        results.track();
        // Only when it changes: setting it would redraw the page a second time.
        if shown.get_untracked() != PAGE {
            shown.set(PAGE);
        }
    });
    let query = crate::app::context::<Memo<Query>>();
    // The rows drawn, with their snippets: made for these rows only.
    let page = move || {
        let n = shown.get();
        query.with(|q| {
            let snippets = Snippets::new(data().index(), q);
            results.with(|r| {
                r.hits[..n.min(r.hits.len())]
                    .iter()
                    .map(|h| Row {
                        doc: h.doc,
                        count: h.count,
                        snippets: snippets.of(h.doc),
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let more = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = more.get() {
            when_near(button.into(), None, "0px", Times::Each, move || {
                shown.update(|n| *n += PAGE)
            });
        }
    });
    view! {
        <p class="count" aria-live="polite">
            {move || {
                let n = results.with(|r| r.hits.len());
                if nav.state.get().is_filtered() {
                    format!("{n} of {} articles match", corpus.documents.len())
                } else {
                    format!("{} articles", corpus.documents.len())
                }
            }}
        </p>
        <ol class="articles">
            <For each=page key=|r| (r.doc, r.count, r.snippets.clone()) let:row>
                {
                    let doc = &corpus.documents[row.doc];
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
                        (row.count > 0).then(|| format!("{} matches", row.count)),
                    ]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" · ");
                    let snippets = row
                        .snippets
                        .iter()
                        .map(|sn| {
                            let pieces = sn
                                .shown(&doc.text)
                                .into_iter()
                                .map(|(t, hit)| {
                                    if hit {
                                        view! { <mark class="hit">{t}</mark> }.into_any()
                                    } else {
                                        t.into_any()
                                    }
                                })
                                .collect_view();
                            view! { <p class="snippet">{pieces}</p> }
                        })
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
        <Show when=move || { results.with(|r| r.hits.len()) > shown.get() }>
            <button type="button" class="more" node_ref=more on:click=move |_| shown.update(|n| *n += PAGE)>
                {move || format!("Show more ({} more articles)", results.with(|r| r.hits.len()) - shown.get())}
            </button>
        </Show>
        <Show when=move || results.with(|r| r.hits.is_empty())>
            <p class="empty">"No article matches these filters."</p>
        </Show>
    }
}

/// One article of the list as drawn: its document, match count and snippets.
#[derive(Clone)]
struct Row {
    doc: usize,
    count: usize,
    snippets: Vec<Snippet>,
}
