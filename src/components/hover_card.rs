//! The card shown over a highlighted mention: canonical name, label, aliases, counts.
//!
//! It follows the reader's own pointer and keyboard focus, never a focus the app gives
//! (the mention jumped to from the mentions view, or with `n` and `p`): there it would
//! cover the text the reader came to read.

use crate::app::Hover;
use crate::data::data;
use crate::wording::count;
use leptos::prelude::*;
use std::cell::Cell;

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

/// One floating card for the whole page, placed under the hovered or focused mark.
#[component]
pub fn HoverCard() -> impl IntoView {
    let hover = crate::app::context::<Hover>();
    let d = data();
    move || {
        let (i, x, y) = hover.0.get()?;
        let e = &d.analysis.entities[i];
        let aliases = e
            .aliases
            .iter()
            .map(|a| format!("{} ({})", a.text, a.count))
            .collect::<Vec<_>>()
            .join(", ");
        // Whole pixels, formatted as integers (float formatting costs wasm size).
        let style = format!("left: {}px; top: {}px", x.max(8.0) as i32, (y + 6.0) as i32);
        Some(view! {
            <div class="hover-card" role="tooltip" style=style data-label=e.label.code()>
                <strong>{crate::wording::name(e).to_string()}</strong>
                <span class="card-label">{e.label.name()}</span>
                <span>{format!("{} in {}", count(e.mentions, "mention"), count(e.documents, "article"))}</span>
                <span class="card-aliases">{format!("Written as: {aliases}")}</span>
                <span class="card-hint">"Click to filter by it · Alt-click to exclude"</span>
            </div>
        })
    }
}
