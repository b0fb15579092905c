//! The entity panel: entities grouped by label with counts under the current filter,
//! searchable and sortable; click to require, "−" to exclude.

use crate::app::Navigator;
use crate::components::results_list::use_results;
use crate::data::data;
use crate::seen::{when_near, Times};
use crate::url::SortBy;
use dossier_core::case::lower_str;
use dossier_core::{order, Label};
use leptos::prelude::*;
use std::cmp::Reverse;
use wasm_bindgen::{JsCast, JsValue};

/// How many entities a label group shows before "show all" (`style/main.css` lays these
/// out without `content-visibility`).
const FIRST: usize = 12;

/// The entity panel.
#[component]
pub fn EntityPanel() -> impl IntoView {
    let nav = crate::app::context::<Navigator>();
    let results = use_results();
    let d = data();
    let filter = RwSignal::new(String::new());
    let expanded = RwSignal::new(Vec::<Label>::new());

    // Mentions and articles of every entity under the current filter, computed once
    // per change of the results.
    let counts = Memo::new(move |_| {
        results.with(|r| {
            r.entities
                .iter()
                .map(|c| (c.mentions, c.documents))
                .collect::<Vec<_>>()
        })
    });
    // Entity indices per label, filtered by the panel search and sorted, with the
    // group's largest mention count (the bars' scale).
    let panel = Memo::new(move |_| nav.state.with(|s| (s.sort, s.hide.clone())));
    let groups = Memo::new(move |_| {
        let (sort, hide) = panel.get();
        let f = lower_str(&filter.get());
        counts.with(|counts| {
            // One pass over the entities puts each shown one in its label's group.
            let mut by_label: Vec<Vec<usize>> = vec![Vec::new(); Label::ALL.len()];
            for (i, e) in d.analysis.entities.iter().enumerate() {
                if counts[i].0 > 0
                    && !hide.contains(&e.label)
                    && (f.is_empty()
                        || lower_str(&e.canonical).contains(&f)
                        || e.aliases.iter().any(|a| lower_str(&a.text).contains(&f)))
                {
                    by_label[e.label as usize].push(i);
                }
            }
            Label::ALL
                .into_iter()
                .zip(by_label)
                .filter(|(_, ents)| !ents.is_empty())
                .map(|(label, mut ents)| {
                    // One shared sort routine (order.rs): each std sort call costs wasm size.
                    match sort {
                        SortBy::Mentions => order::sort_by_key(&mut ents, |&i| (Reverse(counts[i]), i)),
                        SortBy::Articles => {
                            order::sort_by_key(&mut ents, |&i| (Reverse((counts[i].1, counts[i].0)), i))
                        }
                        SortBy::Name => {
                            let mut named: Vec<(String, usize)> = ents
                                .iter()
                                .map(|&i| (lower_str(&d.analysis.entities[i].canonical), i))
                                .collect();
                            order::sort(&mut named);
                            ents = named.into_iter().map(|(_, i)| i).collect();
                        }
                    }
                    let max = ents.iter().map(|&i| counts[i].0).max().unwrap_or(1).max(1);
                    Group { label, ents, max }
                })
                .collect::<Vec<_>>()
        })
    });
    // Rows are keyed by entity: an update moves rows and changes their counts, classes
    // and bars in place instead of drawing the panel again.
    let group = move |label: Label, f: &dyn Fn(&Group) -> usize| {
        groups.with(|g| g.iter().find(|g| g.label == label).map(f).unwrap_or(0))
    };
    // How many of a group's `len` entities it lists: all once expanded.
    let listed = move |label: Label, len: usize| {
        if expanded.with(|v| v.contains(&label)) {
            len
        } else {
            len.min(FIRST)
        }
    };
    // The rows listed, each with where its entity stands in the filters: a row whose
    // entity is required or excluded, or no longer, is drawn anew, so the rows carry no
    // reactive state of their own but their counts.
    let shown = move |label: Label| {
        groups.with(|g| {
            nav.state.with(|s| {
                let stand = |i: usize| {
                    let id = &d.analysis.entities[i].id;
                    match (s.require.contains(id), s.exclude.contains(id)) {
                        (true, _) => Stand::Required,
                        (_, true) => Stand::Excluded,
                        _ => Stand::Free,
                    }
                };
                g.iter()
                    .find(|g| g.label == label)
                    .map(|g| {
                        g.ents[..listed(label, g.ents.len())]
                            .iter()
                            .map(|&i| (i, stand(i)))
                            .collect()
                    })
                    .unwrap_or_default()
            })
        })
    };
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
        // One section per label, hidden while it has no entity to show.
        {Label::ALL
            .into_iter()
            .map(|label| {
                let total = move || group(label, &|g| g.ents.len());
                let open = move || expanded.with(|v| v.contains(&label));
                let toggle = move |_| {
                    expanded.update(|v| {
                        if let Some(p) = v.iter().position(|l| *l == label) {
                            v.remove(p);
                        } else {
                            v.push(label);
                        }
                    })
                };
                // A group's rows are drawn once it comes within a pane's height of the
                // view; until then its list holds their room, so that the groups below
                // stay out of reach too. Each change of the filters redraws only the
                // groups drawn (interaction costs: docs/performance.md).
                let near = RwSignal::new(false);
                let section = NodeRef::<leptos::html::Section>::new();
                Effect::new(move |_| {
                    if let Some(el) = section.get() {
                        let el: web_sys::Element = el.into();
                        let pane = el.closest(".entity-pane").ok().flatten();
                        when_near(el, pane, "100% 0px", Times::Once, move || near.set(true));
                    }
                });
                let room = move || {
                    (!near.get()).then(|| format!("min-height: {}rem", 4 * listed(label, total())))
                };
                view! {
                    <section class="entity-group" data-label=label.code() hidden=move || total() == 0 node_ref=section>
                        <h3>
                            <span class="swatch" aria-hidden="true"></span>
                            {label.name()}
                            <span class="group-count">{total}</span>
                        </h3>
                        <ul class="entities" style=room>
                            <For each=move || if near.get() { shown(label) } else { Vec::new() } key=|row| *row let:row>
                                {entity_row(nav, row, counts, move || group(label, &|g| g.max))}
                            </For>
                        </ul>
                        <Show when=move || { total() > FIRST }>
                            <button type="button" class="more" on:click=toggle>
                                {move || if open() { "Show fewer".to_string() } else { format!("Show all {}", total()) }}
                            </button>
                        </Show>
                    </section>
                }
            })
            .collect_view()}
    }
}

/// One label's entities as the panel lists them.
#[derive(Clone, PartialEq)]
struct Group {
    label: Label,
    /// Entity indices, in the panel's order.
    ents: Vec<usize>,
    /// The largest mention count among them: the bars' full width.
    max: usize,
}

/// Pressing a row's button draws the row anew (where its entity stands has changed) and
/// may move it, which drops the keyboard focus: if the pressed button had it, the same
/// button (`class`) of the row drawn for `id` takes it back once the panel is drawn,
/// unless the focus went elsewhere meanwhile.
fn keep_focus(ev: &web_sys::MouseEvent, id: &str, class: &str) {
    let doc = document();
    let pressed: Option<JsValue> = ev.current_target().map(Into::into);
    if pressed.is_none() || pressed != doc.active_element().map(Into::into) {
        return;
    }
    let selector = format!("li.entity[data-entity=\"{id}\"] .{class}");
    request_animation_frame(move || {
        let doc = document();
        if doc
            .active_element()
            .is_none_or(|a| Some(a) == doc.body().map(Into::into))
        {
            if let Some(button) = doc.query_selector(&selector).ok().flatten() {
                let _ = button.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        }
    });
}

/// Where an entity stands in the filters.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Stand {
    Free,
    Required,
    Excluded,
}

/// One entity, `(index, where it stands)`: a button that requires it, counts with a bar,
/// its aliases, and an exclude button.
fn entity_row(
    nav: Navigator,
    (i, stand): (usize, Stand),
    counts: Memo<Vec<(usize, usize)>>,
    max: impl Fn() -> usize + Send + Sync + 'static,
) -> impl IntoView {
    let e = &data().analysis.entities[i];
    let (required, excluded) = (stand == Stand::Required, stand == Stand::Excluded);
    let id = e.id.clone();
    let aliases: Vec<String> = e
        .aliases
        .iter()
        .filter(|a| a.text != e.canonical)
        .map(|a| a.text.clone())
        .collect();
    let count = move || counts.with(|c| c[i]);
    // A group that the filters empty has no largest count: its rows may be updated once
    // more before they go.
    let width = move || format!("width: {}%", (count().0 * 100 / max().max(1)).max(2));
    let text = move || {
        let (mentions, docs) = count();
        format!("{mentions} mentions · {docs} articles")
    };
    let (id1, id2) = (id.clone(), id.clone());
    let require = move |ev| {
        keep_focus(&ev, &id1, "entity-name");
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
    let exclude = move |ev| {
        keep_focus(&ev, &id2, "entity-exclude");
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
        <li class=["entity", "entity required", "entity excluded"][stand as usize] data-entity=id>
            <button
                type="button"
                class="entity-name"
                aria-pressed=if required { "true" } else { "false" }
                title=format!("Show only articles that mention {name}")
                on:click=require
            >
                {name.clone()}
            </button>
            <button
                type="button"
                class="entity-exclude"
                aria-pressed=if excluded { "true" } else { "false" }
                aria-label=format!("Exclude {name}")
                title=format!("Hide articles that mention {name}")
                on:click=exclude
            >
                "−"
            </button>
            <span class="entity-counts">
                <span class="bar" style=width aria-hidden="true"></span>
                {text}
            </span>
            {(!aliases.is_empty()).then(|| view! { <span class="aliases">"← " {aliases.join(", ")}</span> })}
        </li>
    }
}
