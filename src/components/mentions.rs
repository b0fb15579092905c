//! The mentions view: every mention of the chosen entities in the matching articles,
//! with left and right context (a keyword-in-context concordance), and its export.

use crate::app::Navigator;
use crate::components::results_list::use_results;
use crate::data::{data, Data};
use crate::url::{View, ViewState};
use dossier_core::export;
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
    crate::components::export_menu::offer(
        "Mentions",
        || true,
        move |format| {
            let s = nav.state.get_untracked();
            let link = |k: &Kwic| nav.address(&at_mention(d, &s, k));
            rows.with_untracked(|rows| export::kwic(d.corpus, d.analysis, rows, link, format))
        },
    );
    view! {
        <section class="view-mentions" aria-labelledby="mentions-title">
            <h1 id="mentions-title">"Mentions in context"</h1>
            {move || {
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
                    .filter_map(|id| d.analysis.entity(id).map(|(_, e)| crate::wording::name(e).to_string()))
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
            }}
            <ol class="kwic">
                {move || {
                    let s = nav.state.get();
                    rows.get()
                        .into_iter()
                        .take(shown.get())
                        .map(|k| {
                            let doc = &d.corpus.documents[k.doc];
                            let e = &d.analysis.entities[k.entity];
                            let text = &doc.text;
                            let href = nav.href(&at_mention(d, &s, &k));
                            let dim = !k.zone.is_article();
                            view! {
                                <li class="kwic-row" class:residue=dim>
                                    <span class="kwic-left">{text[k.left.clone()].to_string()}</span>
                                    <a class="kwic-hit" href=href data-label=e.label.code() title=format!("Open “{}” at this mention", doc.title)>
                                        {text[k.range.clone()].to_string()}
                                    </a>
                                    <span class="kwic-right">{text[k.right.clone()].to_string()}</span>
                                    <span class="kwic-doc">{doc.title.clone()}</span>
                                </li>
                            }
                        })
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
