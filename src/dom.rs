//! Rows drawn by hand: the lists that every change of the filters redraws build their
//! rows with plain DOM calls instead of the renderer's views, which spares each row its
//! markers and reactive bindings (interaction costs: docs/performance.md). Text goes in
//! as text nodes, never as HTML.

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
