//! "Export": what the page shows, as CSV or JSON, made and downloaded in the browser.
//!
//! The menu lists the tables of the view shown first (the mentions listed; the pairs
//! of the connections grid and the sentences of the pair chosen; the timeline's periods
//! and dates), which each view
//! offers itself ([`offer`]), so that a file holds exactly the rows the view draws; then
//! the article list and the entity panel, which every view shows. Each row links back to
//! its view ([`Navigator::address`]); the core's `export` writes the formats.

use crate::app::Navigator;
use crate::components::entity_panel::PanelOrder;
use crate::components::results_list::use_results;
use crate::data::data;
use crate::url::{View, ViewState};
use dossier_core::export::{self, ArticleRow, Format};
use dossier_core::query::{Cooccurrence, Query, SharedSentence, Snippets};
use dossier_core::timeline::{Bucket, DateMention, Timeline};
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

/// The pairs of the connections grid `m` that share a sentence, most shared first; each
/// links to the view of its sentences.
pub fn pairs(nav: Navigator, m: &Cooccurrence, format: Format) -> String {
    let d = data();
    let s = nav.state.get_untracked();
    let rows: Vec<(usize, usize, u32)> = m
        .pairs()
        .into_iter()
        .map(|(i, j, n)| (m.entities[i], m.entities[j], n))
        .collect();
    let id = |e: usize| d.analysis.entities[e].id.clone();
    let link = |a, b| {
        nav.address(&ViewState {
            pair: Some((id(a), id(b))),
            ..s.clone()
        })
    };
    export::pairs(d.analysis, &rows, link, format)
}

/// The sentences a pair shares: `shared` holds the pair (entity indices) and its
/// sentences, if one is chosen; `link` gives the address of one in the reader.
pub fn sentences(
    shared: &Option<(usize, usize, Vec<SharedSentence>)>,
    link: impl Fn(&SharedSentence) -> String,
    format: Format,
) -> String {
    let d = data();
    let (pair, rows) = match shared {
        Some((a, b, rows)) => ((*a, *b), rows.as_slice()),
        None => ((0, 0), &[][..]),
    };
    export::shared_sentences(d.corpus, d.analysis, pair, rows, link, format)
}

/// The timeline's periods, in its order; each links to the view of its articles.
pub fn periods(nav: Navigator, t: &Timeline, format: Format) -> String {
    let s = nav.state.get_untracked();
    let link = |b: &Bucket| {
        nav.address(&ViewState {
            when: crate::url::period(&b.key.to_string()),
            ..s.clone()
        })
    };
    export::periods(&t.buckets, link, format)
}

/// The dates the timeline lists (`listed` indexes the index's DATE mentions), in its
/// order; each links to the reader at the date.
pub fn dates(nav: Navigator, listed: &[usize], format: Format) -> String {
    let d = data();
    let s = nav.state.get_untracked();
    let all = d.index().dates();
    let rows: Vec<&DateMention> = listed.iter().map(|&i| &all[i]).collect();
    let link = |m: &DateMention| {
        nav.address(&ViewState {
            doc: Some(d.corpus.documents[m.doc].file.clone()),
            mention: Some(m.range.start),
            view: View::Articles,
            ..s.clone()
        })
    };
    export::dates(d.corpus, d.analysis, &rows, link, format)
}

/// The export menu.
#[component]
pub fn ExportMenu() -> impl IntoView {
    let nav = crate::app::context::<Navigator>();
    let offers = crate::app::context::<Offers>().0;
    let menu = NodeRef::<leptos::html::Details>::new();
    let summary = NodeRef::<leptos::html::Summary>::new();
    let item = move |name: &'static str, format: Format, write: Write| {
        let (ext, kind, mime) = match format {
            Format::Csv => ("csv", "CSV", "text/csv;charset=utf-8"),
            _ => ("json", "JSON", "application/json"),
        };
        let file = format!("dossier-{}.{ext}", dossier_core::case::lower_str(name));
        let choose = move |_| {
            download(&file, mime, &write(format));
            // The menu closes over the item pressed: the focus goes back to its button.
            if let (Some(details), Some(summary)) = (menu.get_untracked(), summary.get_untracked()) {
                details.set_open(false);
                let _ = summary.focus();
            }
        };
        view! {
            <li>
                <button type="button" on:click=choose>
                    {format!("{name} ({kind})")}
                </button>
            </li>
        }
    };
    let items = move || {
        let mut tables: Vec<(&'static str, Write)> = offers.with(|v| {
            v.iter()
                .filter(|o| (o.shown)())
                .map(|o| (o.name, o.write.clone()))
                .collect()
        });
        tables.push(("Articles", Rc::new(move |f| articles(nav, f))));
        tables.push(("Entities", Rc::new(move |f| entities(nav, f))));
        tables
            .into_iter()
            .flat_map(|(name, write)| [Format::Csv, Format::Json].map(|f| item(name, f, write.clone())))
            .collect_view()
    };
    view! {
        <details class="export" node_ref=menu>
            <summary class="tool" node_ref=summary>"Export"</summary>
            <ul class="menu" aria-label="Export what the page shows">
                {items}
            </ul>
        </details>
    }
}
