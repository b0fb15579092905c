//! The connections view: who appears with whom. A grid of how often the top entities of
//! the chosen labels (people by default, never a label hidden in the legend) share a
//! sentence, with any entity pinned as the first row; or the same pairs as a list. The
//! grid is one Tab stop (arrow keys move inside it); choosing a cell or a pair lists
//! the sentences where both occur.

use crate::nav::Nav;
use dossier_app::components::export_menu;
use dossier_app::data::data;
use dossier_app::url::{View, ViewState};
use dossier_core::export::{self, Format};
use dossier_core::query::{
    connects, cooccurrence_among, sentences_with, Among, Cooccurrence, SharedSentence,
};
use dossier_core::Label;
use leptos::prelude::*;

/// How many entities the grid shows.
const TOP: usize = 12;
/// How many entities the list of pairs draws its pairs from.
const LIST_TOP: usize = 40;
/// How many pairs the list shows before "Show all".
const LIST_FIRST: usize = 20;

/// The connections view.
#[component]
pub fn ConnectionsView() -> impl IntoView {
    let nav = crate::nav::nav();
    let results = nav.results;
    let d = data();
    let matrix = Memo::new(move |_| {
        let s = nav.state.get();
        let matched = results.with(|r| r.matched.clone());
        let wanted = |l: Label| s.grid_labels().contains(&l) && !s.hide.contains(&l);
        let among = Among {
            top_n: if s.pair_list { LIST_TOP } else { TOP },
            all_zones: s.all_zones,
            labels: &wanted,
            pinned: s.row.as_deref().and_then(|id| d.entity_index(id)),
        };
        cooccurrence_among(d.analysis, &among, |doc| {
            matched.get(doc).copied().unwrap_or(false)
        })
    });
    // Export: the pairs shown, and the sentences of the pair chosen (export_menu.rs).
    export_menu::offer("Pairs", || true, move |f| pairs(nav, &matrix.get_untracked(), f));
    export_menu::offer(
        "Sentences",
        move || nav.state.with(|s| s.pair.is_some()),
        move |f| {
            let s = nav.state.get_untracked();
            let shared = results.with_untracked(|r| shared_sentences(&s, &r.matched));
            sentences(&shared, |x| nav.address(&at_sentence(&s, x)), f)
        },
    );
    let list = Memo::new(move |_| nav.state.get().pair_list);
    view! {
        <section class="view-connections" aria-labelledby="connections-title">
            <h1 id="connections-title">"Connections"</h1>
            <p class="hint">
                "Who is named in the same sentence as whom, in the matching articles. Choose a pair to read those sentences."
            </p>
            <Controls/>
            {move || {
                let m = matrix.get();
                if m.len() < 2 {
                    return view! {
                        <p class="empty">"Too few entities of these labels in the matching articles to connect. Choose more labels above."</p>
                    }
                    .into_any();
                }
                if list.get() { view! { <PairList m=m/> }.into_any() } else { view! { <Grid m=m/> }.into_any() }
            }}
            <SharedSentences/>
        </section>
    }
}

/// The labels the grid shows, the entity of its first row, and grid or list.
#[component]
fn Controls() -> impl IntoView {
    let nav = crate::nav::nav();
    let d = data();
    let labels = Label::ALL
        .into_iter()
        .filter(|&l| connects(l) && d.analysis.entities.iter().any(|e| e.label == l));
    let boxes = labels
        .map(|l| {
            let on = move || nav.state.get().grid_labels().contains(&l);
            let only = move || nav.state.get().grid_labels() == [l];
            let hidden = move || {
                nav.state
                    .get()
                    .hide
                    .contains(&l)
                    .then_some(" (hidden in the legend)")
            };
            let toggle = move |_| nav.update(|s| s.grid = toggled(s.grid_labels(), l));
            view! {
                <label>
                    <input type="checkbox" prop:checked=on disabled=only on:change=toggle/>
                    {l.name()}
                    {hidden}
                </label>
            }
        })
        .collect_view();
    let every = move |_| {
        nav.update(|s| s.grid = Label::ALL.into_iter().filter(|&l| connects(l)).collect());
    };
    let show = move |list: bool| {
        view! {
            <button
                type="button"
                class="tool"
                aria-pressed=move || (nav.state.get().pair_list == list).to_string()
                on:click=move |_| nav.update(|s| s.pair_list = list)
            >
                {if list { "List of pairs" } else { "Grid" }}
            </button>
        }
    };
    view! {
        <div class="conn-controls">
            <fieldset class="grid-labels">
                <legend>"Labels"</legend>
                {boxes}
                <button type="button" class="tool" on:click=every>"All the legend shows"</button>
            </fieldset>
            <RowPicker/>
            <div role="group" aria-label="Show connections as" class="segmented">
                {show(false)}
                {show(true)}
            </div>
        </div>
    }
}

/// `labels` with `l` added or taken out, in display order; people alone is the default
/// (empty).
fn toggled(labels: &[Label], l: Label) -> Vec<Label> {
    let mut v: Vec<Label> = labels.iter().copied().filter(|&x| x != l).collect();
    if !labels.contains(&l) {
        v.push(l);
        dossier_core::order::sort(&mut v);
    }
    if v == [Label::Person] {
        v.clear();
    }
    v
}

/// A searchable entity picker: the chosen entity comes first in the grid (and the list
/// keeps only its pairs), whatever its label.
#[component]
fn RowPicker() -> impl IntoView {
    let nav = crate::nav::nav();
    let d = data();
    let missing = RwSignal::new(None::<String>);
    let options = d
        .analysis
        .entities
        .iter()
        .filter(|e| connects(e.label))
        .map(|e| view! { <option value=dossier_app::wording::name(e).to_string()>{e.label.name()}</option> })
        .collect_view();
    let current = move || {
        let s = nav.state.get();
        let e = s.row.as_deref().and_then(|id| d.entity_index(id))?;
        Some(dossier_app::wording::name(&d.analysis.entities[e]).to_string())
    };
    let pick = move |ev: web_sys::Event| {
        let typed = event_target_value(&ev);
        let typed = typed.trim();
        let found = d
            .analysis
            .entities
            .iter()
            .find(|e| connects(e.label) && dossier_app::wording::name(e).eq_ignore_ascii_case(typed));
        if typed.is_empty() || found.is_some() {
            missing.set(None);
            let id = found.map(|e| e.id.clone());
            nav.update(|s| s.row = id);
        } else {
            missing.set(Some(format!("No entity is named “{typed}”.")));
        }
    };
    view! {
        <div class="row-picker">
            <label for="conn-row">"First row"</label>
            <input
                id="conn-row"
                type="search"
                list="conn-entities"
                placeholder="Any entity…"
                autocomplete="off"
                prop:value=current
                aria-describedby="conn-row-note"
                on:change=pick
            />
            <datalist id="conn-entities">{options}</datalist>
            <span id="conn-row-note" class="note" role="status">{move || missing.get()}</span>
        </div>
    }
}

/// Sets the pair whose sentences are shown.
fn choose(nav: Nav, a: usize, b: usize) {
    let d = data();
    let (ea, eb) = (&d.analysis.entities[a], &d.analysis.entities[b]);
    nav.update(|s| s.pair = Some((ea.id.clone(), eb.id.clone())));
}

/// Whether the pair shown is entities `a` and `b`, in either order.
fn is_pair(s: &ViewState, a: &str, b: &str) -> bool {
    s.pair
        .as_ref()
        .is_some_and(|(x, y)| (x == a && y == b) || (x == b && y == a))
}

/// The grid: a table with one Tab stop, the arrow keys, Home and End moving between
/// cells, Enter or Space choosing one.
#[component]
fn Grid(m: Cooccurrence) -> impl IntoView {
    let nav = crate::nav::nav();
    let d = data();
    let n = m.len();
    let active = RwSignal::new((0usize, 1usize));
    let max = m.pairs().first().map(|p| p.2).unwrap_or(1).max(1);
    let names: Vec<String> = m
        .entities
        .iter()
        .map(|&e| dossier_app::wording::name(&d.analysis.entities[e]).to_string())
        .collect();
    let head = names
        .iter()
        .map(|nm| view! { <th scope="col"><span>{nm.clone()}</span></th> })
        .collect_view();
    let m2 = m.clone();
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let (i, j) = active.get_untracked();
        let last = n - 1;
        let to = match ev.key().as_str() {
            "ArrowUp" => (i.saturating_sub(1), j),
            "ArrowDown" => ((i + 1).min(last), j),
            "ArrowLeft" => (i, j.saturating_sub(1)),
            "ArrowRight" => (i, (j + 1).min(last)),
            "Home" => (i, 0),
            "End" => (i, last),
            "Enter" | " " => {
                ev.prevent_default();
                if i != j && m2.get(i, j) > 0 {
                    choose(nav, m2.entities[i], m2.entities[j]);
                }
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        active.set(to);
        dossier_app::dom::focus_soon(format!("#cc-{}-{}", to.0, to.1));
    };
    let rows = (0..n)
        .map(|i| {
            let cells = (0..n).map(|j| cell(&m, &names, i, j, max, active)).collect_view();
            view! { <tr><th scope="row">{names[i].clone()}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <div class="grid-wrap">
            <table class="matrix" role="grid" aria-labelledby="grid-caption" on:keydown=on_key>
                <caption id="grid-caption">"Sentences shared, in the matching articles"</caption>
                <thead>
                    <tr><td></td>{head}</tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// One cell of the grid: sentences shared by the `i`-th and `j`-th entities.
fn cell(
    m: &Cooccurrence,
    names: &[String],
    i: usize,
    j: usize,
    max: u32,
    active: RwSignal<(usize, usize)>,
) -> impl IntoView {
    let nav = crate::nav::nav();
    let d = data();
    let c = if i == j { 0 } else { m.get(i, j) };
    let (a, b) = (m.entities[i], m.entities[j]);
    let (ia, ib) = (
        d.analysis.entities[a].id.clone(),
        d.analysis.entities[b].id.clone(),
    );
    let selected = move || i != j && is_pair(&nav.state.get(), &ia, &ib);
    let name = if i == j {
        names[i].clone()
    } else {
        format!(
            "{} and {}: {}",
            names[i],
            names[j],
            dossier_app::wording::count(c as usize, "shared sentence")
        )
    };
    // A whole percentage: float formatting costs wasm size.
    let style = format!("--w:{}%", if c == 0 { 0 } else { 8 + 42 * c / max });
    let click = move |_| {
        active.set((i, j));
        if c > 0 {
            choose(nav, a, b);
        }
    };
    view! {
        <td
            id=format!("cc-{i}-{j}")
            class="cell"
            class:empty=c == 0
            class:self=i == j
            class:selected=selected
            style=style
            tabindex=move || if active.get() == (i, j) { "0" } else { "-1" }
            aria-label=name.clone()
            title=name
            on:click=click
        >
            {(c > 0).then_some(c)}
        </td>
    }
}

/// The pairs as a table: entity, entity, sentences and articles together, and a link to
/// read them; only the pinned entity's pairs when one is pinned.
#[component]
fn PairList(m: Cooccurrence) -> impl IntoView {
    let nav = crate::nav::nav();
    let d = data();
    let all = RwSignal::new(false);
    let pinned = nav
        .state
        .with_untracked(|s| s.row.as_deref().and_then(|id| d.entity_index(id)));
    let pairs: Vec<(usize, usize, u32)> = m
        .pairs()
        .into_iter()
        .filter(|&(i, j, _)| pinned.is_none_or(|p| m.entities[i] == p || m.entities[j] == p))
        .collect();
    let total = pairs.len();
    let row = move |&(i, j, c): &(usize, usize, u32)| {
        let (a, b) = (
            &d.analysis.entities[m.entities[i]],
            &d.analysis.entities[m.entities[j]],
        );
        let articles = m.documents(i, j) as usize;
        let s = nav.state.get_untracked();
        let href = nav.href(&ViewState {
            pair: Some((a.id.clone(), b.id.clone())),
            ..s
        });
        let (na, nb) = (
            dossier_app::wording::name(a).to_string(),
            dossier_app::wording::name(b).to_string(),
        );
        let read = format!(
            "Read the {} of {na} and {nb}",
            dossier_app::wording::count(c as usize, "sentence")
        );
        view! {
            <tr>
                <td><mark data-label=a.label.code()>{na}</mark></td>
                <td><mark data-label=b.label.code()>{nb}</mark></td>
                <td class="num">{c}</td>
                <td class="num">{articles}</td>
                <td><a href=href aria-label=read>"Read"</a></td>
            </tr>
        }
    };
    let first: Vec<_> = pairs.iter().take(LIST_FIRST).map(&row).collect();
    let rest: Vec<_> = pairs.iter().skip(LIST_FIRST).cloned().collect();
    let more = move || {
        if all.get() {
            rest.iter().map(&row).collect_view().into_any()
        } else {
            ().into_any()
        }
    };
    let show_all = (total > LIST_FIRST).then(|| {
        view! {
            <button type="button" class="tool" hidden=move || all.get() on:click=move |_| all.set(true)>
                {format!("Show all {}", dossier_app::wording::count(total, "pair"))}
            </button>
        }
    });
    view! {
        <table class="pairs">
            <caption>{format!("{}, most sentences first", dossier_app::wording::count(total, "pair"))}</caption>
            <thead>
                <tr>
                    <th scope="col">"Entity"</th>
                    <th scope="col">"With"</th>
                    <th scope="col">"Sentences"</th>
                    <th scope="col">"Articles"</th>
                    <th scope="col"><span class="visually-hidden">"Read"</span></th>
                </tr>
            </thead>
            <tbody>{first}{more}</tbody>
        </table>
        {show_all}
    }
}

/// The chosen pair (entity indices) and the sentences it shares in the `matched`
/// articles, if a pair is chosen.
fn shared_sentences(s: &ViewState, matched: &[bool]) -> Option<(usize, usize, Vec<SharedSentence>)> {
    let d = data();
    let (a, b) = s.pair.as_ref()?;
    let (ia, ib) = (d.entity_index(a)?, d.entity_index(b)?);
    let sentences = sentences_with(d.analysis, ia, ib, s.all_zones)
        .into_iter()
        .filter(|x| matched.get(x.doc).copied().unwrap_or(false))
        .collect();
    Some((ia, ib, sentences))
}

/// Where a shared sentence's link goes: the reader at its first mention of the pair.
fn at_sentence(s: &ViewState, x: &SharedSentence) -> ViewState {
    ViewState {
        doc: Some(data().corpus.documents[x.doc].file.clone()),
        mention: x.mentions.first().map(|(r, _)| r.start),
        selected: s.pair.as_ref().map(|p| p.0.clone()),
        view: View::Articles,
        pair: None,
        ..s.clone()
    }
}

/// The sentences shared by the chosen pair, each linking to the reader.
#[component]
fn SharedSentences() -> impl IntoView {
    let nav = crate::nav::nav();
    let results = nav.results;
    let d = data();
    move || {
        let s = nav.state.get();
        let (ia, ib, sentences) = results.with(|r| shared_sentences(&s, &r.matched))?;
        let (na, nb) = (
            dossier_app::wording::name(&d.analysis.entities[ia]),
            dossier_app::wording::name(&d.analysis.entities[ib]),
        );
        let clear = nav.href(&ViewState {
            pair: None,
            ..s.clone()
        });
        let items = sentences
            .iter()
            .map(|x| {
                let doc = &d.corpus.documents[x.doc];
                let text = &doc.text;
                let mut parts = Vec::new();
                let mut at = x.range.start;
                for (r, e) in &x.mentions {
                    if r.start < at {
                        continue;
                    }
                    parts.push(text[at..r.start].to_string().into_any());
                    let label = d.analysis.entities[*e].label.code();
                    parts.push(
                        view! { <mark data-label=label>{text[r.clone()].to_string()}</mark> }.into_any(),
                    );
                    at = r.end;
                }
                parts.push(text[at..x.range.end].to_string().into_any());
                let href = nav.href(&at_sentence(&s, x));
                view! {
                    <li>
                        <blockquote>{parts}</blockquote>
                        <a href=href class="source">{doc.title.clone()}</a>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <section class="shared" aria-labelledby="shared-title">
                <h2 id="shared-title">{format!("{na} and {nb}: {}", dossier_app::wording::count(sentences.len(), "sentence"))}</h2>
                <a href=clear class="close">"Close"</a>
                <ol class="sentences">{items}</ol>
            </section>
        })
    }
}

/// The pairs of the connections grid `m` that share a sentence, most shared first; each
/// links to the view of its sentences.
fn pairs(nav: Nav, m: &Cooccurrence, format: Format) -> String {
    let d = data();
    let s = nav.state.get_untracked();
    let rows: Vec<(usize, usize, u32)> = m
        .pairs()
        .into_iter()
        .map(|(i, j, n)| (m.entities[i], m.entities[j], n))
        .collect();
    let id = |e: usize| d.analysis.entities[e].id.clone();
    let link = |a, b| {
        nav.address(&ViewState {
            pair: Some((id(a), id(b))),
            ..s.clone()
        })
    };
    export::pairs(d.analysis, &rows, link, format)
}

/// The sentences a pair shares: `shared` holds the pair (entity indices) and its
/// sentences, if one is chosen; `link` gives the address of one in the reader.
fn sentences(
    shared: &Option<(usize, usize, Vec<SharedSentence>)>,
    link: impl Fn(&SharedSentence) -> String,
    format: Format,
) -> String {
    let d = data();
    let (pair, rows) = match shared {
        Some((a, b, rows)) => ((*a, *b), rows.as_slice()),
        None => ((0, 0), &[][..]),
    };
    export::shared_sentences(d.corpus, d.analysis, pair, rows, link, format)
}
