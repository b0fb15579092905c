//! "Export": what the page shows, as CSV or JSON, made and downloaded in the browser.
//!
//! The menu lists the tables of the view shown first (the mentions listed here; the
//! pairs, sentences, periods and dates of the views loaded on demand), which each view
//! offers itself ([`offer`]), so that a file holds exactly the rows the view draws; then
//! the article list and the entity panel, which every view shows. Each row links back to
//! its view ([`Navigator::address`]); the core's `export` writes the formats. A view
//! loaded on demand (`crates/dossier-views`) keeps its offers: it names them in its box's
//! `data-offers` ([`OFFERS`]), which the menu reads as it opens, and writes the file when
//! a button naming it in `data-export` is pressed (`web/views.js`).

use crate::app::Navigator;
use crate::components::entity_panel::PanelOrder;
use crate::components::results_list::use_results;
use crate::data::data;
use crate::url::{View, ViewState};
use dossier_core::export::{self, ArticleRow, Format};
use dossier_core::query::{Query, Snippets};
use leptos::prelude::*;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// Writes a table in a format.
type Write = Rc<dyn Fn(Format) -> String>;

/// A table a view shows, offered for download.
#[derive(Clone)]
struct Offer {
    /// What the menu calls it ("Mentions"); the file is named after it.
    name: &'static str,
    /// Whether the view shows the table now (read in a reactive scope).
    shown: Rc<dyn Fn() -> bool>,
    write: Write,
}

/// The tables the views on screen offer, in the order they offered them: context the
/// explorer provides.
#[derive(Clone, Copy)]
pub struct Offers(RwSignal<Vec<Offer>, LocalStorage>);

impl Offers {
    /// The names of the tables offered and shown now, in the order offered (read in a
    /// reactive scope).
    pub fn shown(&self) -> Vec<&'static str> {
        self.0
            .with(|v| v.iter().filter(|o| (o.shown)()).map(|o| o.name).collect())
    }

    /// The table `name` in `format`, if it is offered.
    pub fn write(&self, name: &str, format: Format) -> Option<String> {
        let write = self
            .0
            .with_untracked(|v| v.iter().find(|o| o.name == name).map(|o| o.write.clone()));
        write.map(|w| w(format))
    }
}

/// The attribute of the on-demand views' box (`#views`) that names the tables they
/// offer, separated by spaces.
pub const OFFERS: &str = "data-offers";

/// The tables the view loaded on demand offers now (its box's [`OFFERS`]).
fn on_demand() -> Vec<String> {
    let offers = document()
        .get_element_by_id("views")
        .and_then(|b| b.get_attribute(OFFERS));
    offers
        .unwrap_or_default()
        .split_whitespace()
        .map(String::from)
        .collect()
}

/// The file a table `name` is downloaded as in `format`, and its media type.
pub fn file(name: &str, format: Format) -> (String, &'static str) {
    let (ext, mime) = match format {
        Format::Csv => ("csv", "text/csv;charset=utf-8"),
        _ => ("json", "application/json"),
    };
    (
        format!("dossier-{}.{ext}", dossier_core::case::lower_str(name)),
        mime,
    )
}

impl Default for Offers {
    /// No offer yet.
    fn default() -> Offers {
        Offers(RwSignal::new_local(Vec::new()))
    }
}

/// Offers the table `name` for export while the calling component lives and `shown`
/// holds; `write` writes it (the rows the component draws, in its order).
pub fn offer(
    name: &'static str,
    shown: impl Fn() -> bool + 'static,
    write: impl Fn(Format) -> String + 'static,
) {
    let offers = crate::app::context::<Offers>().0;
    let offer = Offer {
        name,
        shown: Rc::new(shown),
        write: Rc::new(write),
    };
    offers.update(|v| v.push(offer));
    on_cleanup(move || {
        offers.try_update(|v| v.retain(|o| o.name != name));
    });
}

/// Offers the file `name` with `contents` for download.
pub fn download(name: &str, mime: &str, contents: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = document().create_element("a") {
        let a = a.unchecked_into::<web_sys::HtmlAnchorElement>();
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    // Revoking at once can cancel the download: let the browser take it first.
    set_timeout(
        move || drop(web_sys::Url::revoke_object_url(&url)),
        std::time::Duration::from_secs(10),
    );
}

/// The matching articles, in the list's order, each with the sentence of the first
/// passage the list shows for it.
fn articles(nav: Navigator, format: Format) -> String {
    let d = data();
    let s = nav.state.get_untracked();
    let snippets = crate::app::context::<Memo<Query>>().with_untracked(|q| Snippets::new(d.index(), q));
    let rows: Vec<ArticleRow> = use_results().with_untracked(|r| {
        r.hits
            .iter()
            .map(|h| ArticleRow {
                doc: h.doc,
                matches: h.count,
                first: snippets
                    .of(h.doc)
                    .first()
                    .and_then(|p| p.highlights.first())
                    .map(|m| m.start),
            })
            .collect()
    });
    let link = |doc: usize| {
        nav.address(&ViewState {
            doc: Some(d.corpus.documents[doc].file.clone()),
            mention: None,
            view: View::Articles,
            ..s.clone()
        })
    };
    export::articles(d.corpus, d.analysis, &rows, link, format)
}

/// The entities of the panel, in its order (before it is drawn: those with a mention
/// under the filters, of the labels shown, most mentioned first); each links to the
/// view with the entity required.
fn entities(nav: Navigator, format: Format) -> String {
    let d = data();
    let s = nav.state.get_untracked();
    let panel = crate::app::context::<PanelOrder>().entities();
    let mut rows: Vec<(usize, usize, usize)> = use_results().with_untracked(|r| {
        let row = |i: usize| (i, r.entities[i].mentions, r.entities[i].documents);
        match &panel {
            Some(order) => order.iter().map(|&i| row(i)).collect(),
            None => (0..r.entities.len())
                .filter(|&i| r.entities[i].mentions > 0 && !s.hide.contains(&d.analysis.entities[i].label))
                .map(row)
                .collect(),
        }
    });
    if panel.is_none() {
        dossier_core::order::sort_by_key(&mut rows, |r| (std::cmp::Reverse(r.1), r.0));
    }
    let link = |i: usize| {
        let mut t = s.clone();
        t.put(&d.analysis.entities[i].id, false);
        nav.address(&t)
    };
    export::entities(d.analysis, &rows, link, format)
}

/// The export menu.
#[component]
pub fn ExportMenu() -> impl IntoView {
    let nav = crate::app::context::<Navigator>();
    let offers = crate::app::context::<Offers>().0;
    let menu = NodeRef::<leptos::html::Details>::new();
    let summary = NodeRef::<leptos::html::Summary>::new();
    // A table the view loaded on demand writes itself (no `write` here): its button
    // names it for `web/views.js`.
    let item = move |name: String, format: Format, write: Option<Write>| {
        let (kind, ext) = match format {
            Format::Csv => ("CSV", "csv"),
            _ => ("JSON", "json"),
        };
        let there = write.is_none().then(|| format!("{name} {ext}"));
        let label = format!("{name} ({kind})");
        let choose = move |_| {
            if let Some(write) = &write {
                let (file, mime) = file(&name, format);
                download(&file, mime, &write(format));
            }
            // The menu closes over the item pressed: the focus goes back to its button.
            if let (Some(details), Some(summary)) = (menu.get_untracked(), summary.get_untracked()) {
                details.set_open(false);
                let _ = summary.focus();
            }
        };
        view! {
            <li>
                <button type="button" data-export=there on:click=choose>
                    {label}
                </button>
            </li>
        }
    };
    // Read as the menu opens: the view loaded on demand draws after the app.
    let there = RwSignal::new(Vec::new());
    let items = move || {
        let mut tables: Vec<(String, Option<Write>)> = there.get().into_iter().map(|n| (n, None)).collect();
        let here = offers.with(|v| {
            let shown = v.iter().filter(|o| (o.shown)());
            shown
                .map(|o| (o.name.to_string(), Some(o.write.clone())))
                .collect::<Vec<_>>()
        });
        tables.extend(here);
        tables.push(("Articles".into(), Some(Rc::new(move |f| articles(nav, f)))));
        tables.push(("Entities".into(), Some(Rc::new(move |f| entities(nav, f)))));
        tables
            .into_iter()
            .flat_map(|(name, write)| {
                [Format::Csv, Format::Json].map(|f| item(name.clone(), f, write.clone()))
            })
            .collect_view()
    };
    view! {
        <details class="export" node_ref=menu>
            <summary class="tool" node_ref=summary on:click=move |_| there.set(on_demand())>"Export"</summary>
            <ul class="menu" aria-label="Export what the page shows">
                {items}
            </ul>
        </details>
    }
}
