//! The text search box; its value lives in the URL (`q`).

use crate::app::Navigator;
use leptos::prelude::*;

/// A search field that filters the article list as the reader types.
#[component]
pub fn SearchBox() -> impl IntoView {
    let nav = crate::app::context::<Navigator>();
    // The typed character shows in this frame; the search runs after it, for the
    // latest text only (`Navigator::typed`).
    let on_input = move |ev: leptos::ev::Event| nav.typed(event_target_value(&ev));
    // Enter steps to the next hit in the open article, Shift+Enter to the previous, as
    // in a browser's find bar. Esc clears the search, the filter with the text (a new
    // history entry: Back brings it back), and leaves the focus here for the next one;
    // in an empty box it leaves the box (`keys`).
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        // Esc and Enter act on the text typed so far.
        if matches!(ev.key().as_str(), "Escape" | "Enter") {
            nav.search_typed();
        }
        if ev.key() == "Escape" && nav.state.with_untracked(|s| !s.q.is_empty()) {
            ev.prevent_default();
            ev.stop_propagation();
            nav.update(|s| s.q.clear());
        } else if ev.key() == "Enter" {
            let hits = crate::app::context::<crate::components::reader::Hits>();
            if crate::components::reader::step_hit(hits, if ev.shift_key() { -1 } else { 1 }) {
                ev.prevent_default();
            }
        }
    };
    // The box follows the URL's search, which is trimmed: spaces the reader typed at
    // either end are theirs, kept when the view changes under them (an article opening
    // as they type would otherwise take the space just typed).
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        let q = nav.state.with(|s| s.q.clone());
        if let Some(el) = input.get() {
            if el.value().trim() != q {
                el.set_value(&q);
            }
        }
    });
    view! {
        <form class="search" role="search" on:submit=|ev| ev.prevent_default()>
            <label for="search-input" class="visually-hidden">"Search articles"</label>
            <input
                id="search-input"
                type="search"
                placeholder="Search articles"
                autocomplete="off"
                node_ref=input
                on:input=on_input
                on:keydown=on_key
                on:blur=move |_| {
                    nav.search_typed();
                    nav.flush();
                }
            />
        </form>
    }
}
