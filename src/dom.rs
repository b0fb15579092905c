//! Rows drawn by hand: the lists that every change of the filters redraws build their
//! rows with plain DOM calls instead of the renderer's views, which spares each row its
//! markers and reactive bindings (interaction costs: docs/performance.md). Text goes in
//! as text nodes, never as HTML.

use dossier_core::order;
use leptos::prelude::document;
use web_sys::Element;

/// A new `tag` element with `class` (none if empty) and `text` as its only child (none
/// if empty).
pub fn el(tag: &str, class: &str, text: &str) -> Element {
    let e = document().create_element(tag).expect("a valid tag name");
    if !class.is_empty() {
        e.set_class_name(class);
    }
    if !text.is_empty() {
        e.set_text_content(Some(text));
    }
    e
}

/// Sets `name` to `value` on `e`, or removes it when `None`.
pub fn set_attr(e: &Element, name: &str, value: Option<&str>) {
    let _ = match value {
        Some(v) => e.set_attribute(name, v),
        None => e.remove_attribute(name),
    };
}

/// Draws `list`'s rows for `keys`, in order, keeping the rows already drawn: each key
/// takes the old row drawn for an equal key (`key` gives a row's), found by its `id`
/// (unique among the rows), else a new one from `draw`; the old rows left over are taken
/// out, and the rows (`li` of each) are put in order with few moves ([`keep_in_order`]).
/// Gives the rows, for the caller to update and to keep for the next call. The old rows
/// are found by a binary search, so a list of thousands ("Show all") costs no more than
/// sorting them.
pub fn keyed<K: PartialEq, R>(
    list: &Element,
    old: Vec<R>,
    keys: impl IntoIterator<Item = K>,
    key: impl Fn(&R) -> &K,
    id: impl Fn(&K) -> usize,
    draw: impl Fn(K) -> R,
    li: impl Fn(&R) -> &Element,
) -> Vec<R> {
    // The old rows' (id, place), sorted: one type for every list, so one sort in the wasm.
    let mut ids: Vec<(usize, usize)> = old.iter().enumerate().map(|(p, r)| (id(key(r)), p)).collect();
    order::sort(&mut ids);
    let mut old: Vec<Option<R>> = old.into_iter().map(Some).collect();
    let rows: Vec<R> = keys
        .into_iter()
        .map(|k| {
            let kept = place(&ids, id(&k)).and_then(|p| old[p].take_if(|r| *key(r) == k));
            kept.unwrap_or_else(|| draw(k))
        })
        .collect();
    for gone in old.iter().flatten() {
        li(gone).remove();
    }
    keep_in_order(list, rows.iter().map(&li));
    rows
}

/// The place that `ids` (sorted `(id, place)` pairs) gives `id`, if any.
fn place(ids: &[(usize, usize)], id: usize) -> Option<usize> {
    ids.binary_search_by_key(&id, |x| x.0).ok().map(|i| ids[i].1)
}

/// Makes `items` the element children of `list`, in order, with few moves: an item
/// already in place stays, and one that a single item passed is left to be moved once
/// its own turn comes. Whatever other elements `list` holds must have been removed
/// before.
pub fn keep_in_order<'a>(list: &Element, items: impl Iterator<Item = &'a Element>) {
    let mut at = list.first_element_child();
    for item in items {
        let after = at.as_ref().and_then(Element::next_element_sibling);
        if at.as_ref() == Some(item) {
            at = after;
        } else if after.as_ref() == Some(item) {
            at = item.next_element_sibling();
        } else {
            let _ = list.insert_before(item, at.as_ref().map(AsRef::as_ref));
        }
    }
}

/// Focuses the element `selector` finds once the next frame is drawn (after the change
/// that redraws it), so that focus stays where the reader acted.
pub fn focus_soon(selector: String) {
    use wasm_bindgen::JsCast;
    leptos::prelude::request_animation_frame(move || {
        if let Some(e) = document().query_selector(&selector).ok().flatten() {
            let _ = e.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    });
}
