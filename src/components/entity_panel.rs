//! The entity panel: entities grouped by label with counts under the current filter,
//! searchable and sortable; click to require, "−" to exclude.

use crate::app::Navigator;
use crate::components::results_list::use_results;
use crate::data::data;
use crate::dom;
use crate::seen::{when_near, Times};
use crate::url::SortBy;
use crate::wording::{self, name};
use dossier_core::case::lower_str;
use dossier_core::query::Results;
use dossier_core::{order, Label};
use leptos::prelude::*;
use std::cmp::Reverse;
use wasm_bindgen::JsCast;

/// How many entities a label group shows before "show all" (`style/main.css` lays these
/// out without `content-visibility`).
const FIRST: usize = 12;

/// The panel's entities in its order (label groups, each sorted as chosen, narrowed by
/// the panel's search), for the export: context the explorer provides, which the panel
/// fills once drawn.
#[derive(Clone, Copy)]
pub struct PanelOrder(StoredValue<Option<Memo<Vec<Group>>>, LocalStorage>);

impl Default for PanelOrder {
    /// No panel drawn yet.
    fn default() -> PanelOrder {
        PanelOrder(StoredValue::new_local(None))
    }
}

impl PanelOrder {
    /// Entity indices as the panel lists them (every one of a group, shown or not yet),
    /// or `None` before the panel is drawn.
    pub fn entities(&self) -> Option<Vec<usize>> {
        let groups = self.0.get_value()?;
        Some(groups.with_untracked(|g| g.iter().flat_map(|g| g.ents.iter().copied()).collect()))
    }
}

/// The panel's reactive state that every label's section reads.
#[derive(Clone, Copy)]
struct Panel {
    nav: Navigator,
    /// Each entity's mentions and articles under the current filter.
    counts: Memo<Vec<(usize, usize)>>,
    /// How often each entity is a quote's speaker in the matching articles.
    quoted: Memo<Vec<usize>>,
    /// The label groups as listed (sorted, narrowed by the panel's search).
    groups: Memo<Vec<Group>>,
    /// The labels whose groups show all their entities.
    expanded: RwSignal<Vec<Label>>,
}

impl Panel {
    /// A number of `label`'s group (`f`), 0 when the group is empty.
    fn group(&self, label: Label, f: &dyn Fn(&Group) -> usize) -> usize {
        self.groups
            .with(|g| g.iter().find(|g| g.label == label).map(f).unwrap_or(0))
    }

    /// How many of a group's `len` entities it lists: all once expanded.
    fn listed(&self, label: Label, len: usize) -> usize {
        if self.expanded.with(|v| v.contains(&label)) {
            len
        } else {
            len.min(FIRST)
        }
    }

    /// The rows `label`'s group lists, each with where its entity stands in the filters.
    fn shown(&self, label: Label) -> Vec<(usize, Stand)> {
        let d = data();
        self.groups.with(|g| {
            self.nav.state.with(|s| {
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
                        g.ents[..self.listed(label, g.ents.len())]
                            .iter()
                            .map(|&i| (i, stand(i)))
                            .collect()
                    })
                    .unwrap_or_default()
            })
        })
    }
}

/// The entity panel.
#[component]
pub fn EntityPanel() -> impl IntoView {
    let nav = crate::app::context::<Navigator>();
    let results = use_results();
    let d = data();
    let filter = RwSignal::new(String::new());
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
    let sort_hide = Memo::new(move |_| nav.state.with(|s| (s.sort, s.hide.clone())));
    let groups = Memo::new(move |_| {
        let (sort, hide) = sort_hide.get();
        let f = lower_str(&filter.get());
        counts.with(|counts| grouped(counts, sort, &hide, &f))
    });
    crate::app::context::<PanelOrder>().0.set_value(Some(groups));
    let panel = Panel {
        nav,
        counts,
        quoted: Memo::new(move |_| results.with(|r| crate::quoted::by_speaker(d, &r.matched))),
        groups,
        expanded: RwSignal::new(Vec::new()),
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
        // Nothing to list: say why, and how to get back to something.
        {move || groups.with(Vec::is_empty).then(|| nothing_listed(nav, results, filter))}
        // One section per label, hidden while it has no entity to show; the skip link
        // "Skip to entities" (app.rs) leads here, a Tab before the first entity.
        <div id="entity-list" class="entity-list" tabindex="-1">
            {Label::ALL.into_iter().map(|label| label_section(panel, label)).collect_view()}
        </div>
    }
}

/// The entities shown (some mention under the filter, a label not hidden, a name or alias
/// containing `f`, lower case) in label groups, each sorted by `sort`, with the group's
/// largest mention count (the bars' scale).
fn grouped(counts: &[(usize, usize)], sort: SortBy, hide: &[Label], f: &str) -> Vec<Group> {
    let d = data();
    // One pass over the entities puts each shown one in its label's group.
    let mut by_label: Vec<Vec<usize>> = vec![Vec::new(); Label::ALL.len()];
    for (i, e) in d.analysis.entities.iter().enumerate() {
        if counts[i].0 > 0
            && !hide.contains(&e.label)
            && (f.is_empty()
                || lower_str(&e.canonical).contains(f)
                || e.aliases.iter().any(|a| lower_str(&a.text).contains(f)))
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
                        .map(|&i| (lower_str(name(&d.analysis.entities[i])), i))
                        .collect();
                    order::sort(&mut named);
                    ents = named.into_iter().map(|(_, i)| i).collect();
                }
            }
            let max = ents.iter().map(|&i| counts[i].0).max().unwrap_or(1).max(1);
            Group { label, ents, max }
        })
        .collect()
}

/// Why the panel lists nothing, and how to get back to something.
fn nothing_listed(nav: Navigator, results: Memo<Results>, filter: RwSignal<String>) -> impl IntoView {
    let s = nav.state.get();
    let no_article = results.with(|r| r.hits.is_empty());
    let why = if no_article {
        "No article matches these filters, so there is no entity to list."
    } else if !filter.with(String::is_empty) {
        "No entity in the matching articles has this name."
    } else if s.hide.len() == Label::ALL.len() {
        "Every label is hidden: show one in the legend above."
    } else {
        "The matching articles name no entity of the labels shown."
    };
    let back = no_article.then(|| {
        let href = nav.href(&s.unfiltered());
        view! { " " <a href=href>"Clear filters"</a> }
    });
    view! { <p class="empty" role="status">{why} {back}</p> }
}

/// One handler for a group's rows: the name requires its entity, "−" excludes it, and
/// pressing either again lifts that filter; "quoted n times" opens the entity's quotes.
fn press_row(ev: &web_sys::MouseEvent, nav: Navigator) {
    let Some(button) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest("button").ok().flatten())
    else {
        return;
    };
    let Some(id) = button
        .closest("li.entity")
        .ok()
        .flatten()
        .and_then(|li| li.get_attribute("data-entity"))
    else {
        return;
    };
    let class = button.class_name();
    if class == "entity-quoted" {
        nav.update(|s| *s = crate::quoted::quotes_of(s, &id));
        return;
    }
    let exclude = class == "entity-exclude";
    keep_focus(&button, &id, &class);
    // Pressed again, a button lifts what it set.
    nav.update(|s| {
        if !s.put(&id, exclude) {
            if exclude { &mut s.exclude } else { &mut s.require }.retain(|x| *x != id);
        } else if !exclude {
            s.selected = Some(id);
        }
    })
}

/// `label`'s section: its heading and count, its rows (drawn once near the view, then
/// kept by entity) and "Show all".
fn label_section(panel: Panel, label: Label) -> impl IntoView {
    let Panel { nav, expanded, .. } = panel;
    let press = move |ev: web_sys::MouseEvent| press_row(&ev, nav);
    let total = move || panel.group(label, &|g| g.ents.len());
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
    let section = NodeRef::<leptos::html::Section>::new();
    let near = near_the_view(section);
    let list = NodeRef::<leptos::html::Ul>::new();
    draw_rows(panel, label, near, list);
    let room = move || (!near.get()).then(|| format!("min-height: {}rem", 4 * panel.listed(label, total())));
    view! {
        <section class="entity-group" data-label=label.code() hidden=move || total() == 0 node_ref=section>
            <h3>
                <span class="swatch" aria-hidden="true"></span>
                {label.name()}
                <span class="group-count">{total}</span>
            </h3>
            <ul class="entities" style=room node_ref=list on:click=press>
            </ul>
            <Show when=move || { total() > FIRST }>
                <button type="button" class="more" on:click=toggle>
                    {move || if open() { "Show fewer".to_string() } else { format!("Show all {}", total()) }}
                </button>
            </Show>
        </section>
    }
}

/// A flag set once `section` comes within a pane's height of the view.
fn near_the_view(section: NodeRef<leptos::html::Section>) -> RwSignal<bool> {
    let near = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(el) = section.get() {
            let el: web_sys::Element = el.into();
            let pane = el.closest(".entity-pane").ok().flatten();
            when_near(el, pane, "100% 0px", Times::Once, move || near.set(true));
        }
    });
    near
}

/// Draws `label`'s rows into `list` once `near` is set. The rows are drawn by hand
/// (`crate::dom`) and kept by entity: a change of the filters moves them and sets their
/// counts, bars and pressed state.
fn draw_rows(panel: Panel, label: Label, near: RwSignal<bool>, list: NodeRef<leptos::html::Ul>) {
    let Panel { counts, quoted, .. } = panel;
    Effect::new(move |drawn: Option<Vec<Row>>| {
        let old = drawn.unwrap_or_default();
        let Some(ul) = list.get() else { return old };
        let rows = if near.get() {
            panel.shown(label)
        } else {
            Vec::new()
        };
        let entities = rows.iter().map(|&(i, _)| i);
        let mut drawn = dom::keyed(
            &ul.into(),
            old,
            entities,
            |r| &r.entity,
            |&i| i,
            Row::new,
            |r| &r.li,
        );
        let max = panel.group(label, &|g| g.max).max(1);
        counts.with(|c| {
            quoted.with(|q| {
                for (row, &(i, stand)) in drawn.iter_mut().zip(&rows) {
                    row.show(stand, c[i], max);
                    row.quoted(q[i]);
                }
            })
        });
        drawn
    });
}

/// One label's entities as the panel lists them.
#[derive(Clone, PartialEq)]
pub struct Group {
    label: Label,
    /// Entity indices, in the panel's order.
    ents: Vec<usize>,
    /// The largest mention count among them: the bars' full width.
    max: usize,
}

/// Pressing a row's button may move the row (the panel's order follows the counts), or
/// take it out (an excluded entity is in no matching article), which drops the keyboard
/// focus: if the pressed button had it, once the panel is drawn the same button (`class`)
/// of the row of `id` takes it back, or else that of the row now where it was, the last
/// of its list, or the field that finds entities; unless the focus went elsewhere
/// meanwhile.
fn keep_focus(pressed: &web_sys::Element, id: &str, class: &str) {
    if document().active_element().as_ref() != Some(pressed) {
        return;
    }
    let Some(li) = pressed.closest("li.entity").ok().flatten() else {
        return;
    };
    let list = li.parent_element();
    let at = list.as_ref().map_or(0, |l| {
        let rows = l.children();
        (0..rows.length())
            .position(|k| rows.item(k).as_ref() == Some(&li))
            .unwrap_or(0) as u32
    });
    let (same, class) = (
        format!("li.entity[data-entity=\"{id}\"] .{class}"),
        class.to_string(),
    );
    request_animation_frame(move || {
        if !crate::focus::dropped() || crate::focus::to(&same) {
            return;
        }
        let rows = list.map(|l| l.children());
        let row = rows.and_then(|r| r.item(at).or_else(|| r.item(r.length().wrapping_sub(1))));
        let button = row.and_then(|r| r.query_selector(&format!(".{class}")).ok().flatten());
        match button.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
            Some(b) => drop(b.focus()),
            None => drop(crate::focus::to("#entity-filter")),
        }
    });
}

/// Where an entity stands in the filters.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stand {
    Free,
    Required,
    Excluded,
}

/// One entity's row as drawn: a button that requires it, counts with a bar, its
/// aliases, and an exclude button; with what was last set on them.
struct Row {
    entity: usize,
    li: web_sys::Element,
    name: web_sys::Element,
    exclude: web_sys::Element,
    bar: web_sys::Element,
    counts: web_sys::Node,
    /// What is shown: where it stands, its counts, and its bar's width (percent).
    stand: Stand,
    count: Option<(usize, usize)>,
    width: usize,
    /// "quoted n times", a button to their quotes, once the entity is a speaker in the
    /// matching articles.
    quotes: Option<Quoted>,
}

/// A row's "quoted n times" button, with the count its words give and whether it is
/// hidden (the entity is no speaker in the matching articles).
struct Quoted {
    button: web_sys::Element,
    words: usize,
    hidden: bool,
}

impl Row {
    /// Draws entity `i`'s row; `show` sets where it stands and its counts.
    fn new(i: usize) -> Row {
        let e = &data().analysis.entities[i];
        let name = name(e);
        let li = dom::el("li", "entity", "");
        dom::set_attr(&li, "data-entity", Some(&e.id));
        let button = |class: &str, text: &str, title: String| {
            let b = dom::el("button", class, text);
            dom::set_attr(&b, "type", Some("button"));
            dom::set_attr(&b, "title", Some(&title));
            dom::set_attr(&b, "aria-pressed", Some("false"));
            b
        };
        let name_button = button(
            "entity-name",
            name,
            format!("Show only articles that mention {name}"),
        );
        let exclude = button(
            "entity-exclude",
            "−",
            format!("Hide articles that mention {name}"),
        );
        dom::set_attr(&exclude, "aria-label", Some(&format!("Exclude {name}")));
        let bar = dom::el("span", "bar", "");
        dom::set_attr(&bar, "aria-hidden", Some("true"));
        let counts = dom::el("span", "entity-counts", " ");
        let text = counts.first_child().expect("the counts' text");
        let _ = counts.insert_before(&bar, Some(&text));
        let _ = li.append_with_node_3(&name_button, &exclude, &counts);
        let aliases: Vec<&str> = e
            .aliases
            .iter()
            .filter(|a| a.text != name)
            .map(|a| a.text.as_str())
            .collect();
        if !aliases.is_empty() {
            let _ = li.append_with_node_1(&dom::el("span", "aliases", &format!("← {}", aliases.join(", "))));
        }
        Row {
            entity: i,
            li,
            name: name_button,
            exclude,
            bar,
            counts: text,
            stand: Stand::Free,
            count: None,
            width: 0,
            quotes: None,
        }
    }

    /// Shows where the entity stands in the filters and its `(mentions, articles)`
    /// under them, its bar scaled to `max` mentions; sets only what changed.
    fn show(&mut self, stand: Stand, count: (usize, usize), max: usize) {
        if stand != self.stand {
            self.li
                .set_class_name(["entity", "entity required", "entity excluded"][stand as usize]);
            for (button, on) in [(&self.name, Stand::Required), (&self.exclude, Stand::Excluded)] {
                if (self.stand == on) != (stand == on) {
                    let pressed = if stand == on { "true" } else { "false" };
                    dom::set_attr(button, "aria-pressed", Some(pressed));
                }
            }
            self.stand = stand;
        }
        let (mentions, docs) = count;
        if self.count.replace(count) != Some(count) {
            self.counts.set_node_value(Some(&format!(
                "{} · {}",
                wording::count(mentions, "mention"),
                wording::count(docs, "article")
            )));
        }
        // The bar's length is its share of the group's largest count, to scale
        // (`.bar` in style/main.css); it often stays when the counts change.
        let width = (mentions * 100 / max).max(2);
        if width != self.width {
            self.width = width;
            dom::set_attr(&self.bar, "style", Some(&format!("--share: {width}")));
        }
    }

    /// Shows how often a person or an organisation is a quote's speaker in the matching
    /// articles, `n`, as a button to those quotes; nothing when `n` is zero. Sets only
    /// what changed (hidden at zero, its words kept for when it shows again).
    fn quoted(&mut self, n: usize) {
        let e = &data().analysis.entities[self.entity];
        if !crate::quoted::speaks(e.label) || (n == 0 && self.quotes.is_none()) {
            return;
        }
        let q = self.quotes.get_or_insert_with(|| {
            let b = dom::el("button", "entity-quoted", "");
            dom::set_attr(&b, "type", Some("button"));
            dom::set_attr(&b, "title", Some(&format!("Show the quotes of {}", name(e))));
            if let Some(counts) = self.counts.parent_node() {
                let _ = counts.append_child(&b);
            }
            Quoted {
                button: b,
                words: 0,
                hidden: false,
            }
        });
        if n > 0 && n != q.words {
            let phrase = crate::quoted::phrase(n);
            dom::set_attr(&q.button, "aria-label", Some(&format!("{}, {phrase}", name(e))));
            q.button.set_text_content(Some(&phrase));
            q.words = n;
        }
        if (n == 0) != q.hidden {
            q.hidden = n == 0;
            dom::set_attr(&q.button, "hidden", q.hidden.then_some(""));
        }
    }
}
