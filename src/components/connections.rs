//! The connections view: how often the top entities share a sentence, as an SVG
//! matrix; choosing a cell lists the sentences where both occur.

use crate::app::Navigator;
use crate::components::export_menu;
use crate::components::results_list::use_results;
use crate::data::data;
use crate::url::{View, ViewState};
use dossier_core::query::{cooccurrence_in, sentences_with, SharedSentence};
use leptos::prelude::*;

/// How many entities the matrix shows.
const TOP: usize = 12;
const CELL: i32 = 30;
const LABEL_W: i32 = 150;

/// The connections view.
#[component]
pub fn ConnectionsView() -> impl IntoView {
    let nav = crate::app::context::<Navigator>();
    let results = use_results();
    let d = data();
    let matrix = Memo::new(move |_| {
        let s = nav.state.get();
        let matched = results.with(|r| r.matched.clone());
        cooccurrence_in(d.analysis, TOP, s.all_zones, |doc| {
            matched.get(doc).copied().unwrap_or(false)
        })
    });
    // Export: the grid's pairs, and the sentences of the pair chosen (export_menu.rs).
    export_menu::offer(
        "Pairs",
        || true,
        move |f| export_menu::pairs(nav, &matrix.get_untracked(), f),
    );
    export_menu::offer(
        "Sentences",
        move || nav.state.with(|s| s.pair.is_some()),
        move |f| {
            let s = nav.state.get_untracked();
            let shared = results.with_untracked(|r| shared_sentences(&s, &r.matched));
            export_menu::sentences(&shared, |x| nav.address(&at_sentence(&s, x)), f)
        },
    );
    let choose = move |a: usize, b: usize| {
        let (ea, eb) = (&d.analysis.entities[a], &d.analysis.entities[b]);
        nav.update(|s| s.pair = Some((ea.id.clone(), eb.id.clone())));
    };
    view! {
        <section class="view-connections" aria-labelledby="connections-title">
            <h1 id="connections-title">"Connections"</h1>
            <p class="hint">
                "How often the most present entities are named in the same sentence, in the matching articles. Choose a cell to read those sentences."
            </p>
            {move || {
                let m = matrix.get();
                let n = m.len();
                if n < 2 {
                    return view! { <p class="empty">"Too few entities in the matching articles to connect."</p> }.into_any();
                }
                let max = m.pairs().first().map(|p| p.2).unwrap_or(1).max(1);
                let pair = nav.state.get().pair;
                let size = LABEL_W + CELL * n as i32;
                let names: Vec<String> = m.entities.iter().map(|&e| crate::wording::name(&d.analysis.entities[e]).to_string()).collect();
                let rows = (0..n)
                    .map(|i| {
                        let y = LABEL_W + CELL * i as i32;
                        let label = names[i].clone();
                        view! {
                            <text x=LABEL_W - 6 y=y + CELL * 2 / 3 text-anchor="end" class="axis">{clip(&label)}</text>
                        }
                    })
                    .collect_view();
                let cols = (0..n)
                    .map(|j| {
                        let x = LABEL_W + CELL * j as i32 + CELL * 3 / 5;
                        view! {
                            <text x=x y=LABEL_W - 6 transform=format!("rotate(-50 {x} {})", LABEL_W - 6) class="axis">
                                {clip(&names[j])}
                            </text>
                        }
                    })
                    .collect_view();
                let cells = (0..n)
                    .flat_map(|i| (0..n).map(move |j| (i, j)))
                    .filter(|&(i, j)| i != j)
                    .map(|(i, j)| {
                        let c = m.get(i, j);
                        let (a, b) = (m.entities[i], m.entities[j]);
                        let (ia, ib) = (&d.analysis.entities[a].id, &d.analysis.entities[b].id);
                        let selected = pair.as_ref().is_some_and(|(x, y)| (x == ia && y == ib) || (x == ib && y == ia));
                        let name = format!("{} and {}: {}", names[i], names[j], crate::wording::count(c as usize, "shared sentence"));
                        // A percentage in whole numbers: float formatting costs wasm size.
                        let opacity = format!("{}%", if c == 0 { 0 } else { 15 + 85 * c / max });
                        let (x, y) = (LABEL_W + CELL * j as i32, LABEL_W + CELL * i as i32);
                        let tabindex = if c > 0 { "0" } else { "-1" };
                        let title = name.clone();
                        let on_key = move |ev: web_sys::KeyboardEvent| {
                            if c > 0 && (ev.key() == "Enter" || ev.key() == " ") {
                                ev.prevent_default();
                                choose(a, b);
                            }
                        };
                        view! {
                            <g
                                class="cell"
                                data-focus=format!("cell {ia} {ib}")
                                class:selected=selected
                                class:empty=c == 0
                                role="button"
                                tabindex=tabindex
                                aria-label=name
                                on:click=move |_| {
                                    if c > 0 {
                                        choose(a, b)
                                    }
                                }
                                on:keydown=on_key
                            >
                                <title>{title}</title>
                                <rect x=x + 1 y=y + 1 width=CELL - 2 height=CELL - 2 rx="3" class="cell-bg"></rect>
                                <rect x=x + 1 y=y + 1 width=CELL - 2 height=CELL - 2 rx="3" class="cell-fill" fill-opacity=opacity></rect>
                                {(c > 0).then(|| view! { <text x=x + CELL / 2 y=y + CELL * 16 / 25 text-anchor="middle" class="cell-count">{c}</text> })}
                            </g>
                        }
                    })
                    .collect_view();
                view! {
                    <svg
                        class="matrix"
                        viewBox=format!("0 0 {size} {size}")
                        width=size
                        height=size
                        role="group"
                        aria-label="Sentence co-occurrence matrix"
                    >
                        {rows}
                        {cols}
                        {cells}
                    </svg>
                }
                .into_any()
            }}
            <SharedSentences/>
        </section>
    }
}

/// A name short enough for an axis.
fn clip(s: &str) -> String {
    if s.chars().count() <= 22 {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(21).collect::<String>())
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
    let nav = crate::app::context::<Navigator>();
    let results = use_results();
    let d = data();
    move || {
        let s = nav.state.get();
        let (ia, ib, sentences) = results.with(|r| shared_sentences(&s, &r.matched))?;
        let (na, nb) = (
            crate::wording::name(&d.analysis.entities[ia]),
            crate::wording::name(&d.analysis.entities[ib]),
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
                <h2 id="shared-title">{format!("{na} and {nb}: {}", crate::wording::count(sentences.len(), "sentence"))}</h2>
                <a href=clear class="close">"Close"</a>
                <ol class="sentences">{items}</ol>
            </section>
        })
    }
}
