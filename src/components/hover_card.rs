//! The card shown over a highlighted mention: canonical name, label, aliases, counts. A
//! tap on a touch screen pins it open, with buttons that filter by the entity.
//!
//! It follows the reader's own pointer and keyboard focus, never a focus the app gives
//! (the mention jumped to from the mentions view, or with `n` and `p`): there it would
//! cover the text the reader came to read.

use crate::app::{Hover, Navigator};
use crate::data::data;
use crate::wording::count;
use dossier_core::model::Entity;
use leptos::prelude::*;
use std::cell::Cell;
use wasm_bindgen::JsCast;

thread_local! {
    /// Set while the app itself focuses a mention.
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Focuses `el` without opening the card (focus events are sent while `focus` runs).
pub fn focus_quietly(el: &web_sys::HtmlElement) {
    QUIET.set(true);
    let _ = el.focus();
    QUIET.set(false);
}

/// Whether an event over or into a mention may open the card: not while the app focuses.
pub fn may_open() -> bool {
    !QUIET.get()
}

/// The card a tap pinned open: the entity, and the start of the mark tapped (focus goes
/// back to it when the card closes).
#[derive(Clone, Copy)]
pub struct Pinned(pub RwSignal<Option<(usize, usize)>>);

impl Pinned {
    /// Opens the card of entity `e` for the mark at `start`, its first button focused.
    pub fn open(self, e: usize, start: usize) {
        self.0.set(Some((e, start)));
        request_animation_frame(|| focus(".hover-card.pinned button"));
    }
}

/// Focuses the first element that matches `selector`, if any.
fn focus(selector: &str) {
    if let Some(el) = document().query_selector(selector).ok().flatten() {
        let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

/// One floating card for the whole page: under the hovered or focused mark, or pinned
/// at the foot of the screen after a tap.
#[component]
pub fn HoverCard() -> impl IntoView {
    let hover = crate::app::context::<Hover>();
    let pinned = crate::app::context::<Pinned>();
    let nav = crate::app::context::<Navigator>();
    // Any change of view (another article, a filter) closes a pinned card.
    Effect::new(move |_| {
        nav.state.track();
        pinned.0.set(None);
    });
    let d = data();
    move || {
        if let Some((i, start)) = pinned.0.get() {
            return Some(pinned_card(i, start).into_any());
        }
        let (i, x, y) = hover.0.get()?;
        let e = &d.analysis.entities[i];
        // Whole pixels, formatted as integers (float formatting costs wasm size); kept
        // within the screen's width by the stylesheet (`.hover-card`'s `--x`).
        let style = format!("--x: {}px; top: {}px", x as i32, (y + 6.0) as i32);
        Some(
            view! {
                <div class="hover-card" role="tooltip" style=style data-label=e.label.code()>
                    {facts(e)}
                    {quoted(i).map(|n| view! { <span>{crate::quoted::phrase(n)}</span> })}
                    <span class="card-hint">"Click to filter by it · Alt-click to exclude"</span>
                </div>
            }
            .into_any(),
        )
    }
}

/// The entity's name, label, counts and the ways it is written.
fn facts(e: &'static Entity) -> impl IntoView {
    let aliases = e
        .aliases
        .iter()
        .map(|a| format!("{} ({})", a.text, a.count))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <strong>{crate::wording::name(e).to_string()}</strong>
        <span class="card-label">{e.label.name()}</span>
        <span>{format!("{} in {}", count(e.mentions, "mention"), count(e.documents, "article"))}</span>
        <span class="card-aliases">{format!("Written as: {aliases}")}</span>
    }
}

/// How often entity `e`, a person or an organisation, is a quote's speaker in the
/// matching articles, if it is at all.
fn quoted(e: usize) -> Option<usize> {
    let d = data();
    if !crate::quoted::speaks(d.analysis.entities[e].label) {
        return None;
    }
    let results = crate::components::results_list::use_results();
    let n = results.with(|r| crate::quoted::by_speaker(d, &r.matched)[e]);
    (n > 0).then_some(n)
}

/// The card a tap opened: the facts, how often it is quoted (a link to the quotes),
/// then Require, Exclude and Close. Closing (a
/// button, or Esc) gives the focus back to the mark tapped.
fn pinned_card(entity: usize, start: usize) -> impl IntoView {
    let nav = crate::app::context::<Navigator>();
    let pinned = crate::app::context::<Pinned>();
    let e = &data().analysis.entities[entity];
    let name = crate::wording::name(e);
    let close = move || {
        pinned.0.set(None);
        request_animation_frame(move || focus(&format!("article.reader mark[data-start=\"{start}\"]")));
    };
    let filter = move |exclude: bool| {
        close();
        let id = e.id.clone();
        nav.update(|s| {
            s.put(&id, exclude);
            if !exclude {
                s.selected = Some(id);
                s.mention = Some(start);
            }
        });
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" {
            // Esc closes the card only; it does not also clear the filters (crate::keys).
            ev.stop_propagation();
            close();
        }
    };
    view! {
        <div class="hover-card pinned" role="dialog" aria-label=name.to_string() data-label=e.label.code() on:keydown=on_key>
            {facts(e)}
            {quoted(entity).map(|n| {
                let href = nav.href(&nav.state.with_untracked(|s| crate::quoted::quotes_of(s, &e.id)));
                view! { <a href=href>{crate::quoted::phrase(n)}</a> }
            })}
            <div class="card-actions">
                <button type="button" class="tool" title=format!("Show only articles that mention {name}") on:click=move |_| filter(false)>
                    "Require"
                </button>
                <button type="button" class="tool" title=format!("Hide articles that mention {name}") on:click=move |_| filter(true)>
                    "Exclude"
                </button>
                <button type="button" class="tool card-close" on:click=move |_| close()>"Close"</button>
            </div>
        </div>
    }
}
