//! The entity panel: entities grouped by label with counts under the current filter,
//! searchable and sortable; click to require, "−" to exclude.

use crate::app::Navigator;
use crate::components::results_list::use_results;
use crate::data::data;
use crate::url::SortBy;
use dossier_core::{order, Label};
use leptos::prelude::*;
use std::cmp::Reverse;

/// How many entities a label group shows before "show all".
const FIRST: usize = 12;

/// The entity panel.
#[component]
pub fn EntityPanel() -> impl IntoView {
    let nav = expect_context::<Navigator>();
    let results = use_results();
    let d = data();
    let filter = RwSignal::new(String::new());
    let expanded = RwSignal::new(Vec::<Label>::new());

    // Entity indices per label, filtered by the panel search and sorted, with counts.
    let groups = Memo::new(move |_| {
        let s = nav.state.get();
        let counts = results.with(|r| {
            r.entities
                .iter()
                .map(|c| (c.mentions, c.documents))
                .collect::<Vec<_>>()
        });
        let f = filter.get().to_lowercase();
        Label::ALL
            .into_iter()
            .filter(|l| !s.hide.contains(l))
            .map(|label| {
                let mut ents: Vec<usize> = (0..d.analysis.entities.len())
                    .filter(|&i| {
                        let e = &d.analysis.entities[i];
                        e.label == label
                            && counts[i].0 > 0
                            && (f.is_empty()
                                || e.canonical.to_lowercase().contains(&f)
                                || e.aliases.iter().any(|a| a.text.to_lowercase().contains(&f)))
                    })
                    .collect();
                // One shared sort routine (order.rs): each std sort call costs wasm size.
                match s.sort {
                    SortBy::Mentions => order::sort_by_key(&mut ents, |&i| (Reverse(counts[i]), i)),
                    SortBy::Articles => {
                        order::sort_by_key(&mut ents, |&i| (Reverse((counts[i].1, counts[i].0)), i))
                    }
                    SortBy::Name => {
                        let mut named: Vec<(String, usize)> = ents
                            .iter()
                            .map(|&i| (d.analysis.entities[i].canonical.to_lowercase(), i))
                            .collect();
                        order::sort(&mut named);
                        ents = named.into_iter().map(|(_, i)| i).collect();
                    }
                }
                (label, ents)
            })
            .filter(|(_, ents)| !ents.is_empty())
            .collect::<Vec<_>>()
    });

    view! {
        <div class="panel-head">
            <h2>"Entities"</h2>
            <label class="visually-hidden" for="entity-filter">"Find an entity"</label>
            <input
                id="entity-filter"
                type="search"
                placeholder="Find an entity"
                autocomplete="off"
                prop:value=move || filter.get()
                on:input=move |ev| filter.set(event_target_value(&ev))
            />
            <div class="sort" role="group" aria-label="Sort entities by">
                {SortBy::ALL
                    .into_iter()
                    .map(|by| {
                        view! {
                            <button
                                type="button"
                                aria-pressed=move || (nav.state.get().sort == by).to_string()
                                on:click=move |_| nav.update(|s| s.sort = by)
                            >
                                {by.code()}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        </div>
        {move || {
            let counts = results.with(|r| r.entities.iter().map(|c| (c.mentions, c.documents)).collect::<Vec<_>>());
            let s = nav.state.get();
            groups
                .get()
                .into_iter()
                .map(|(label, ents)| {
                    let total = ents.len();
                    let max = ents.iter().map(|&i| counts[i].0).max().unwrap_or(1).max(1);
                    let open = expanded.get().contains(&label);
                    let shown = if open { total } else { total.min(FIRST) };
                    let rows = ents[..shown]
                        .iter()
                        .map(|&i| entity_row(nav, i, counts[i], max, &s))
                        .collect_view();
                    let more = (total > FIRST)
                        .then(|| {
                            view! {
                                <button
                                    type="button"
                                    class="more"
                                    on:click=move |_| {
                                        expanded.update(|v| {
                                            if let Some(p) = v.iter().position(|l| *l == label) {
                                                v.remove(p);
                                            } else {
                                                v.push(label);
                                            }
                                        })
                                    }
                                >
                                    {if open { "Show fewer".to_string() } else { format!("Show all {total}") }}
                                </button>
                            }
                        });
                    view! {
                        <section class="entity-group" data-label=label.code()>
                            <h3>
                                <span class="swatch" aria-hidden="true"></span>
                                {label.name()}
                                <span class="group-count">{total}</span>
                            </h3>
                            <ul class="entities">{rows}</ul>
                            {more}
                        </section>
                    }
                })
                .collect_view()
        }}
    }
}

/// One entity: a button that requires it, counts with a bar, its aliases, and an
/// exclude button.
fn entity_row(
    nav: Navigator,
    i: usize,
    (mentions, docs): (usize, usize),
    max: usize,
    s: &crate::url::ViewState,
) -> impl IntoView {
    let e = &data().analysis.entities[i];
    let id = e.id.clone();
    let required = s.require.contains(&id);
    let excluded = s.exclude.contains(&id);
    let aliases: Vec<String> = e
        .aliases
        .iter()
        .filter(|a| a.text != e.canonical)
        .map(|a| a.text.clone())
        .collect();
    let width = format!("width: {}%", (mentions * 100 / max).max(2));
    let (id1, id2) = (id.clone(), id.clone());
    let require = move |_| {
        nav.update(|s| {
            if s.require.contains(&id1) {
                s.require.retain(|x| *x != id1);
            } else {
                s.exclude.retain(|x| *x != id1);
                s.require.push(id1.clone());
                s.selected = Some(id1.clone());
            }
        })
    };
    let exclude = move |_| {
        nav.update(|s| {
            if s.exclude.contains(&id2) {
                s.exclude.retain(|x| *x != id2);
            } else {
                s.require.retain(|x| *x != id2);
                s.exclude.push(id2.clone());
            }
        })
    };
    let name = e.canonical.clone();
    view! {
        <li class="entity" class:required=required class:excluded=excluded data-entity=id>
            <button
                type="button"
                class="entity-name"
                aria-pressed=required.to_string()
                title=format!("Show only articles that mention {name}")
                on:click=require
            >
                {name.clone()}
            </button>
            <button
                type="button"
                class="entity-exclude"
                aria-pressed=excluded.to_string()
                aria-label=format!("Exclude {name}")
                title=format!("Hide articles that mention {name}")
                on:click=exclude
            >
                "−"
            </button>
            <span class="entity-counts">
                <span class="bar" style=width aria-hidden="true"></span>
                {format!("{mentions} mentions · {docs} articles")}
            </span>
            {(!aliases.is_empty()).then(|| view! { <span class="aliases">"← " {aliases.join(", ")}</span> })}
        </li>
    }
}
