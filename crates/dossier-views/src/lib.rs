//! Dossier's secondary views as a wasm module of their own: `web/views.js` loads it the
//! first time the URL asks for one of them (`view=quotes`, `view=compare`), so the page fetches none of
//! it at load. It reads the page's corpus with the one decoder (`dossier_core::page`),
//! reuses the app's URL state, results and wording (the `dossier-app` library), and
//! draws into the box the app keeps for it (`#views`, `src/app.rs`). Its links change
//! only the query string, and the app's router, which handles every link on the page,
//! follows them: the URL stays the single source of truth.

pub mod compare;
pub mod comparison;
pub mod quotes;
pub mod sides;

use dossier_app::data::{data, replace, with_part, Data};
use dossier_app::url::{parse_query, View, ViewState};
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Reads the page's `#corpus` and `#analysis` texts (the format of `dossier_core::page`)
/// as the views' data. Returns an empty string, or why they cannot be read.
#[wasm_bindgen]
pub fn load(texts: &str, analysis: &str) -> String {
    match dossier_core::page::read(texts, analysis) {
        Ok((corpus, analysis)) => {
            let page: &'static Data = Box::leak(Box::new(Data::new(corpus, analysis)));
            PAGE.set(Some(page));
            replace(page);
            String::new()
        }
        Err(e) => e.to_string(),
    }
}

/// Joins the reader's documents' part (`texts` and `data`, as `web/own.js` hands it to
/// the app; none when `texts` is empty) to the page's corpus, as the app does, so that
/// the views show them too; the view is drawn anew at the next [`show`]. Returns an
/// empty string, or why the part cannot be read (the data is then left as it was).
#[wasm_bindgen]
pub fn own(texts: &str, analysis: &str) -> String {
    let Some(page) = PAGE.get() else {
        return "the page is not read yet".to_string();
    };
    match with_part(page, texts, analysis) {
        Ok(shown) => {
            replace(shown);
            SHOWN.with(|s| s.borrow_mut().take());
            String::new()
        }
        Err(e) => e,
    }
}

/// What is drawn: the box drawn into, what keeps the view there, and its state.
struct Shown {
    host: web_sys::Element,
    _mounted: Box<dyn std::any::Any>,
    state: ArcRwSignal<ViewState>,
}

thread_local! {
    static SHOWN: RefCell<Option<Shown>> = const { RefCell::new(None) };
    /// The page's own data, without the reader's documents.
    static PAGE: std::cell::Cell<Option<&'static Data>> = const { std::cell::Cell::new(None) };
}

/// Shows the view of `query` (a URL query string) in the app's `#views` box: drawn
/// anew in a new box, else brought up to date.
#[wasm_bindgen]
pub fn show(query: &str) {
    let pairs = parse_query(query);
    let state = ViewState::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())), data()).state;
    let Some(host) = document().get_element_by_id("views") else {
        return;
    };
    SHOWN.with(|shown| {
        let mut shown = shown.borrow_mut();
        if let Some(s) = shown.as_ref().filter(|s| s.host == host) {
            s.state.set(state);
            return;
        }
        // A new box: the app drew the view again (its last box is gone with the old one).
        *shown = None;
        host.replace_children_with_node_0();
        let signal = ArcRwSignal::new(state);
        let view_state = signal.clone();
        let Ok(element) = host.clone().dyn_into::<web_sys::HtmlElement>() else {
            return;
        };
        let mounted = leptos::mount::mount_to(element, move || Views(ViewsProps { state: view_state }));
        *shown = Some(Shown {
            host,
            _mounted: Box::new(mounted),
            state: signal,
        });
    });
}

/// The view the state names: compare, else quotes.
#[component]
fn Views(state: ArcRwSignal<ViewState>) -> impl IntoView {
    let st = state.clone();
    let compare = Memo::new(move |_| st.with(|s| s.view == View::Compare));
    move || {
        let state = state.clone();
        if compare.get() {
            compare::CompareView(compare::CompareViewProps { state }).into_any()
        } else {
            quotes::QuotesView(quotes::QuotesViewProps { state }).into_any()
        }
    }
}

/// Follows `state`'s link through the app's router, as a click on a link would: the
/// router handles clicks on every link of the page.
pub fn go(state: &ViewState) {
    let Some(host) = document().get_element_by_id("views") else {
        return;
    };
    let Ok(a) = document().create_element("a") else {
        return;
    };
    let _ = a.set_attribute("href", &href(state));
    let _ = host.append_child(&a);
    if let Some(a) = a.dyn_ref::<web_sys::HtmlElement>() {
        a.click();
    }
    a.remove();
}

/// The address of `state` under the page's own path (any base path works).
pub fn href(state: &ViewState) -> String {
    let path = window().location().pathname().unwrap_or_default();
    match state.to_query() {
        q if q.is_empty() => path,
        q => format!("{path}?{q}"),
    }
}
