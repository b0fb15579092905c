//! The mentions view: every mention of the chosen entities in the matching articles,
//! with left and right context (a keyword-in-context concordance), and its export.
//!
//! Context is cut between words, with an ellipsis where it is cut inside its paragraph
//! (the core's `Kwic`). On a wide screen each row is one line, and the page hides
//! context that does not fit a word at a time: each word is an inline block, which
//! `text-overflow` hides whole (`.kwic` in style/main.css). On a phone the row wraps.

use crate::app::Navigator;
use crate::components::export_menu::Rows;
use crate::components::results_list::use_results;
use crate::data::{data, Data};
use crate::url::{View, ViewState};
use dossier_core::query::{mentions, Kwic, KwicSort};
use leptos::prelude::*;

/// Most rows drawn at once; the rest are counted and can be drawn on request.
const PAGE: usize = 200;

/// The entities the mentions view lists: the selected one and the required ones.
pub fn chosen(s: &ViewState) -> Vec<String> {
    let mut ids: Vec<String> = s.selected.iter().cloned().collect();
    ids.extend(
        s.require
            .iter()
            .filter(|id| Some(*id) != s.selected.as_ref())
            .cloned(),
    );
    ids
}

/// Where a row's link goes: the reader at its mention.
fn at_mention(d: &Data, s: &ViewState, k: &Kwic) -> ViewState {
    ViewState {
        doc: Some(d.corpus.documents[k.doc].file.clone()),
        mention: Some(k.range.start),
        selected: Some(d.analysis.entities[k.entity].id.clone()),
        view: View::Articles,
        ..s.clone()
    }
}

/// Context as the words of `text`, each an inline block, with an ellipsis before the
/// first (`cut_start`) or after the last (`cut_end`); white space at either end stays
/// (the space between the context and the mention).
fn words(text: &str, cut_start: bool, cut_end: bool) -> Vec<AnyView> {
    let n = text.split_whitespace().count();
    let mut out = Vec::with_capacity(2 * n + 2);
    if text.starts_with(char::is_whitespace) {
        out.push(" ".into_any());
    }
    for (i, w) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(" ".into_any());
        }
        let before = if cut_start && i == 0 { "…" } else { "" };
        let after = if cut_end && i + 1 == n { "…" } else { "" };
        out.push(view! { <span class="w">{format!("{before}{w}{after}")}</span> }.into_any());
    }
    if n > 0 && text.ends_with(char::is_whitespace) {
        out.push(" ".into_any());
    }
    out
}

/// The mentions view.
#[component]
pub fn MentionsView() -> impl IntoView {
    let nav = crate::app::context::<Navigator>();
    let results = use_results();
    let d = data();
    let shown = RwSignal::new(PAGE);
    let rows = Memo::new(move |_| {
        let s = nav.state.get();
        let ents: Vec<usize> = chosen(&s).iter().filter_map(|id| d.entity_index(id)).collect();
        let matched = results.with(|r| r.matched.clone());
        let mut rows = mentions(d.index(), &ents, s.ksort, s.all_zones);
        rows.retain(|k| matched.get(k.doc).copied().unwrap_or(false));
        rows
    });
    crate::components::export_menu::offer_rows(
        "Mentions",
        || true,
        move || {
            let s = nav.state.get_untracked();
            let link = |k: &Kwic| nav.address(&at_mention(d, &s, k));
            rows.with_untracked(|rows| Rows::mentions(rows, link))
        },
    );
    view! {
        <section class="view-mentions" aria-labelledby="mentions-title">
            <h1 id="mentions-title">"Mentions in context"</h1>
            {move || kwic_head(nav, rows)}
            <ol class="kwic">
                {move || {
                    let s = nav.state.get();
                    rows.get()
                        .into_iter()
                        .take(shown.get())
                        .map(|k| kwic_row(nav, &s, &k))
                        .collect_view()
                }}
            </ol>
            <Show when=move || { rows.get().len() > shown.get() }>
                <button type="button" class="more" on:click=move |_| shown.update(|n| *n += PAGE)>
                    {move || format!("Show more ({} left)", crate::wording::count(rows.get().len() - shown.get(), "mention"))}
                </button>
            </Show>
        </section>
    }
}

/// The view's head: the chosen entities' mention count and the order buttons, or how to
/// choose one.
fn kwic_head(nav: Navigator, rows: Memo<Vec<Kwic>>) -> AnyView {
    let d = data();
    let s = nav.state.get();
    let ids = chosen(&s);
    if ids.is_empty() {
        return view! {
            <p class="hint">
                "Choose an entity in the panel (or click a highlighted name) to list every mention of it here."
            </p>
        }
        .into_any();
    }
    let names = ids
        .iter()
        .filter_map(|id| {
            d.analysis
                .entity(id)
                .map(|(_, e)| crate::wording::name(e).to_string())
        })
        .collect::<Vec<_>>()
        .join(", ");
    let n = rows.get().len();
    view! {
        <div class="kwic-head">
            <p>{format!("{} of {names} in the matching articles", crate::wording::count(n, "mention"))}</p>
            <div class="sort" role="group" aria-label="Order mentions by">
                {KwicSort::ALL
                    .into_iter()
                    .map(|by| {
                        view! {
                            <button
                                type="button"
                                data-focus=format!("ksort {}", by.code())
                                aria-pressed=move || (nav.state.get().ksort == by).to_string()
                                on:click=move |_| nav.update(|s| s.ksort = by)
                            >
                                {by.code()}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        </div>
    }
    .into_any()
}

/// One mention in its context, linked to its place in the article.
fn kwic_row(nav: Navigator, s: &ViewState, k: &Kwic) -> impl IntoView {
    let d = data();
    let doc = &d.corpus.documents[k.doc];
    let e = &d.analysis.entities[k.entity];
    let text = &doc.text;
    let href = nav.href(&at_mention(d, s, k));
    let dim = !k.zone.is_article();
    view! {
        <li class="kwic-row" class:residue=dim>
            <span class="kwic-left"><bdi>{words(&text[k.left.clone()], k.cut_start, false)}</bdi></span>
            <a class="kwic-hit" href=href data-label=e.label.code() title=format!("Open “{}” at this mention", doc.title)>
                {text[k.range.clone()].to_string()}
            </a>
            <span class="kwic-right">{words(&text[k.right.clone()], false, k.cut_end)}</span>
            <span class="kwic-doc">{doc.title.clone()}</span>
        </li>
    }
}
