//! Dossier's secondary views as a wasm module of their own: `web/views.js` loads it the
//! first time the URL asks for one of them (`view=quotes`, `compare`, `connections`,
//! `timeline`), so the page fetches none of it at load. It reads the page's corpus with the one decoder (`dossier_core::page`),
//! reuses the app's URL state, results and wording (the `dossier-app` library), and
//! draws into the box the app keeps for it (`#views`, `src/app.rs`). Its links change
//! only the query string, and the app's router, which handles every link on the page,
//! follows them: the URL stays the single source of truth.

pub mod compare;
pub mod comparison;
pub mod connections;
pub mod nav;
pub mod quotes;
pub mod sides;
pub mod timeline;

use dossier_app::components::export_menu::{self, Offers, OFFERS};
use dossier_app::data::{data, join_more, join_start, replace, Data};
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

/// Starts joining the reader's documents' part (`texts` and `data`, UTF-8 bytes, as
/// `web/own.js` hands it to the app; none when `texts` is empty) to the page's corpus, as
/// the app does, so that the views show them too: `web/views.js` then calls
/// [`own_more`] a task at a time until it is read. Returns an empty string, or why the
/// part cannot be read (the data is then left as it was).
#[wasm_bindgen]
pub fn own(texts: Vec<u8>, analysis: Vec<u8>) -> String {
    match PAGE.get() {
        Some(page) => join_start(|| page, texts, analysis, shown),
        None => "the page is not read yet".to_string(),
    }
}

/// Reads on what [`own`] started for about `ms` milliseconds: none while there is more
/// to read; then an empty string once the views' data has the part (the view is drawn
/// anew at the next [`show`]), or why it cannot be read.
#[wasm_bindgen]
pub fn own_more(ms: f64) -> Option<String> {
    join_more(ms, shown)
}

/// Makes `data` the views' data, the view to be drawn anew.
fn shown(data: &'static Data) {
    replace(data);
    SHOWN.with(|s| s.borrow_mut().take());
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
    /// The tables the view shown offers for export.
    static OFFERED: std::cell::Cell<Option<Offers>> = const { std::cell::Cell::new(None) };
}

/// Downloads the table `name` the view shown offers, in `format` (`csv` or `json`), as
/// the app's export menu would (`web/views.js` calls it when the menu's button for it,
/// which names it in `data-export`, is pressed). Returns whether the view offers it.
#[wasm_bindgen]
pub fn export_table(name: &str, format: &str) -> bool {
    let format = self::format(format);
    let Some(table) = OFFERED.get().and_then(|o| o.write(name, format)) else {
        return false;
    };
    let (file, mime) = export_menu::file(name, format);
    export_menu::download(&file, mime, &table);
    true
}

/// Downloads the app's table `table` ("Articles csv": its name and format, as the app's
/// export menu names it) from its `rows`, as the app handed them (`export_menu::Rows`):
/// the main page carries no encoder, so this module writes the app's tables too
/// (`web/boot.js` loads it for them). Returns whether it knows the table.
#[wasm_bindgen]
pub fn export_rows(table: &str, rows: &str) -> bool {
    let (name, ext) = table.split_once(' ').unwrap_or((table, ""));
    let format = format(ext);
    let Some(table) = export_menu::write_rows(name, rows, format) else {
        return false;
    };
    let (file, mime) = export_menu::file(name, format);
    export_menu::download(&file, mime, &table);
    true
}

/// The format a file name extension names (`csv`; else JSON).
fn format(ext: &str) -> dossier_core::export::Format {
    match ext {
        "csv" => dossier_core::export::Format::Csv,
        _ => dossier_core::export::Format::Json,
    }
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
        let box_ = host.clone();
        let mounted = leptos::mount::mount_to(element, move || {
            Views(ViewsProps {
                state: view_state,
                host: box_,
            })
        });
        *shown = Some(Shown {
            host,
            _mounted: Box::new(mounted),
            state: signal,
        });
    });
}

/// The view the state names, drawn in `host`: compare, connections, timeline, else quotes.
/// The tables it offers for export are named in `host`'s [`OFFERS`] for the app's menu.
#[component]
fn Views(state: ArcRwSignal<ViewState>, host: web_sys::Element) -> impl IntoView {
    let st = state.clone();
    let memo = Memo::new(move |_| st.get());
    provide_context(nav::Nav::new(memo));
    let offers = Offers::default();
    provide_context(offers);
    OFFERED.set(Some(offers));
    Effect::new(move |_| {
        let _ = host.set_attribute(OFFERS, &offers.shown().join(" "));
    });
    let view = Memo::new(move |_| memo.with(|s| s.view));
    move || {
        let state = state.clone();
        match view.get() {
            View::Compare => compare::CompareView(compare::CompareViewProps { state }).into_any(),
            View::Connections => connections::ConnectionsView().into_any(),
            View::Timeline => timeline::TimelineView().into_any(),
            _ => quotes::QuotesView(quotes::QuotesViewProps { state }).into_any(),
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
    // As the app's own changes of view: the page stays where it is.
    let _ = a.set_attribute("noscroll", "");
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
