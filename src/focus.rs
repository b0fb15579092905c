//! Keeps the keyboard focus where the reader left it when a change draws the view anew.
//!
//! Choosing a Connections cell, a Timeline bar or an order of the mentions draws the
//! control chosen again, and the browser drops the focus of an element taken out of the
//! page to the body: the next Tab starts from the top. A control that carries a
//! `data-focus` key, unique on the page, gets the focus back: [`keep`] (which
//! `Navigator::go` and the on-demand views' `Nav::update` call before each change) finds
//! the focused control's key, and once the change is drawn, if the focus was dropped,
//! focuses the control with that key.
//! A focus given back after a key press shows its ring (`:focus-visible`), as the
//! control pressed did.

use leptos::prelude::{document, request_animation_frame};
use wasm_bindgen::JsCast;

/// Whether the focus is nowhere in particular: on the body, or on nothing.
pub fn dropped() -> bool {
    let doc = document();
    doc.active_element()
        .is_none_or(|a| Some(a) == doc.body().map(Into::into))
}

/// Focuses the element `selector` finds, if any (HTML or SVG); returns whether there
/// was one.
pub fn to(selector: &str) -> bool {
    let el = document().query_selector(selector).ok().flatten();
    // `focus` is the same method on SVG elements as on HTML ones.
    el.map(|e| e.unchecked_into::<web_sys::HtmlElement>().focus())
        .is_some()
}

/// Before a change: if the focused control has a `data-focus` key, gives the focus back
/// to the control with that key once the change is drawn (the next frame), unless the
/// focus went elsewhere meanwhile.
pub fn keep() {
    let Some(key) = document()
        .active_element()
        .and_then(|a| a.get_attribute("data-focus"))
    else {
        return;
    };
    request_animation_frame(move || {
        if dropped() {
            // Keys are made of entity ids, codes and dates: URL-safe, so they quote safely.
            to(&format!("[data-focus=\"{key}\"]"));
        }
    });
}
