//! Drawing on demand: a callback when an element comes within reach of the view, so that
//! long lists draw what can be seen and the rest as it scrolls near (interaction costs:
//! docs/performance.md). Where the browser has no `IntersectionObserver` the callback
//! runs once at once: what is drawn on demand is then drawn from the start.

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

/// How often the callback runs.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Times {
    /// The first time `target` is near, then never again.
    Once,
    /// Each time `target` is near, and again after each call while it stays near (the
    /// next page may not push it out of reach).
    Each,
}

/// Calls `f` when `target` comes within `margin` (CSS, e.g. `"100% 0px"`) of the view
/// of `within` (a scroll pane; the window if `None`), as often as `times` says, until the
/// reactive owner that called this is cleaned up.
pub fn when_near(
    target: Element,
    within: Option<Element>,
    margin: &str,
    times: Times,
    f: impl Fn() + 'static,
) {
    let f = std::rc::Rc::new(f);
    let call = f.clone();
    let seen = Closure::<dyn Fn(js_sys::Array, IntersectionObserver)>::new(
        move |entries: js_sys::Array, observer: IntersectionObserver| {
            let Some(entry) = entries.get(0).dyn_into::<IntersectionObserverEntry>().ok() else {
                return;
            };
            if !entry.is_intersecting() {
                return;
            }
            call();
            let target = entry.target();
            observer.unobserve(&target);
            if times == Times::Each {
                observer.observe(&target);
            }
        },
    );
    let options = IntersectionObserverInit::new();
    options.set_root(within.as_ref());
    options.set_root_margin(margin);
    let Ok(observer) = IntersectionObserver::new_with_options(seen.as_ref().unchecked_ref(), &options) else {
        f();
        return;
    };
    observer.observe(&target);
    // Both live as long as the owner; the browser's objects stay on this thread, where
    // the cleanup runs.
    let held = send_wrapper::SendWrapper::new((observer, seen));
    on_cleanup(move || held.0.disconnect());
}
