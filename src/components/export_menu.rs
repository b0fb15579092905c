//! "Export": the current filter's mentions and entities as CSV or JSON, made and
//! downloaded in the browser.

use crate::app::Navigator;
use crate::components::results_list::use_results;
use crate::data::data;
use crate::results::counted_mentions;
use dossier_core::export::{self, Format};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Offers the file `name` with `contents` for download.
fn download(name: &str, mime: &str, contents: &str) {
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

/// The export menu.
#[component]
pub fn ExportMenu() -> impl IntoView {
    let nav = crate::app::context::<Navigator>();
    let results = use_results();
    let d = data();
    let export_mentions = move |format: Format| {
        let s = nav.state.get_untracked();
        let hits: Vec<usize> = results.get_untracked().hits.iter().map(|h| h.doc).collect();
        let counted: Vec<Vec<usize>> = (0..d.corpus.documents.len())
            .map(|i| {
                counted_mentions(d, i, s.all_zones)
                    .map(|m| m.range.start)
                    .collect()
            })
            .collect();
        export::mentions(d.corpus, d.analysis, format, |doc, m| {
            hits.contains(&doc)
                && !s.hide.contains(&m.label)
                && counted[doc].binary_search(&m.range.start).is_ok()
        })
    };
    let export_entities = move |format: Format| {
        let s = nav.state.get_untracked();
        let counts = results
            .get_untracked()
            .entities
            .iter()
            .map(|c| (c.mentions, c.documents))
            .collect::<Vec<_>>();
        let mut rows: Vec<(usize, usize, usize)> = counts
            .iter()
            .enumerate()
            .filter(|(i, c)| c.0 > 0 && !s.hide.contains(&d.analysis.entities[*i].label))
            .map(|(i, c)| (i, c.0, c.1))
            .collect();
        dossier_core::order::sort_by_key(&mut rows, |r| (std::cmp::Reverse(r.1), r.0));
        export::entities(d.analysis, &rows, format)
    };
    let menu = NodeRef::<leptos::html::Details>::new();
    let item = move |label: &'static str, name: &'static str, make: Box<dyn Fn() -> String>| {
        let mime = if name.ends_with(".csv") {
            "text/csv;charset=utf-8"
        } else {
            "application/json"
        };
        view! {
            <li>
                <button
                    type="button"
                    on:click=move |_| {
                        download(name, mime, &make());
                        if let Some(details) = menu.get_untracked() {
                            details.set_open(false);
                        }
                    }
                >
                    {label}
                </button>
            </li>
        }
    };
    view! {
        <details class="export" node_ref=menu>
            <summary class="tool">"Export"</summary>
            <ul class="menu" aria-label="Export the current filter">
                {item("Mentions (CSV)", "dossier-mentions.csv", Box::new(move || export_mentions(Format::Csv)))}
                {item("Mentions (JSON)", "dossier-mentions.json", Box::new(move || export_mentions(Format::Json)))}
                {item("Entities (CSV)", "dossier-entities.csv", Box::new(move || export_entities(Format::Csv)))}
                {item("Entities (JSON)", "dossier-entities.json", Box::new(move || export_entities(Format::Json)))}
            </ul>
        </details>
    }
}
