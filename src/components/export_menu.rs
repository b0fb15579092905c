//! "Export": what the page shows, as CSV or JSON, made and downloaded in the browser.
//!
//! The menu lists the tables of the view shown first (the mentions listed here; the
//! pairs, sentences, periods and dates of the views loaded on demand), which each view
//! offers itself ([`offer`]), so that a file holds exactly the rows the view draws; then
//! the article list and the entity panel, which every view shows. Each row links back to
//! its view ([`Navigator::address`]); the core's `export` writes the formats, in the
//! on-demand views module (`crates/dossier-views`), never in the main page's wasm, which
//! carries no encoder: the app hands its own tables (articles, entities, mentions) to
//! that module as [`Rows`], numbers and a link a row (`hand`; `web/boot.js` loads the
//! module, which reads them against the same data, [`write_rows`], and offers the file).
//! A view loaded on demand keeps its offers: it names them in its box's `data-offers`
//! ([`OFFERS`]), which the menu reads as it opens, and writes the file when a button
//! naming it in `data-export` is pressed (`web/views.js`).

use crate::app::Navigator;
use crate::components::entity_panel::PanelOrder;
use crate::components::results_list::use_results;
use crate::data::data;
use crate::url::{View, ViewState};
use dossier_core::export::{self, ArticleRow, Format};
use dossier_core::model::Zone;
use dossier_core::query::{Kwic, Query, Snippets};
use leptos::prelude::*;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// Writes a table in a format.
type Write = Rc<dyn Fn(Format) -> String>;

/// Gives a table's rows, for the views module to write.
type GiveRows = Rc<dyn Fn() -> Rows>;

/// How an offered table is written.
#[derive(Clone)]
enum How {
    /// Here, in a format: a view loaded on demand writes its own tables.
    Write(Write),
    /// Its rows handed to the views module, which writes them: the app's own tables.
    Rows(GiveRows),
}

/// A table a view shows, offered for download.
#[derive(Clone)]
struct Offer {
    /// What the menu calls it ("Mentions"); the file is named after it.
    name: &'static str,
    /// Whether the view shows the table now (read in a reactive scope).
    shown: Rc<dyn Fn() -> bool>,
    how: How,
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

    /// The table `name` in `format`, if it is offered and written here.
    pub fn write(&self, name: &str, format: Format) -> Option<String> {
        let write = self.0.with_untracked(|v| {
            v.iter().find(|o| o.name == name).and_then(|o| match &o.how {
                How::Write(w) => Some(w.clone()),
                How::Rows(_) => None,
            })
        });
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
    let mime = match format {
        Format::Csv => "text/csv;charset=utf-8",
        _ => "application/json",
    };
    let name = dossier_core::case::lower_str(name);
    (format!("dossier-{name}.{}", extension(format)), mime)
}

impl Default for Offers {
    /// No offer yet.
    fn default() -> Offers {
        Offers(RwSignal::new_local(Vec::new()))
    }
}

/// Offers the table `name` for export while the calling component lives and `shown`
/// holds; `write` writes it (the rows the component draws, in its order): for a view
/// loaded on demand, which holds the encoders.
pub fn offer(
    name: &'static str,
    shown: impl Fn() -> bool + 'static,
    write: impl Fn(Format) -> String + 'static,
) {
    offer_how(name, Rc::new(shown), How::Write(Rc::new(write)));
}

/// Offers the app's table `name` (one [`write_rows`] knows) for export while the calling
/// component lives and `shown` holds; `rows` gives the rows the component draws, in its
/// order, which the views module writes.
pub fn offer_rows(name: &'static str, shown: impl Fn() -> bool + 'static, rows: impl Fn() -> Rows + 'static) {
    offer_how(name, Rc::new(shown), How::Rows(Rc::new(rows)));
}

/// Offers the table `name`, written as `how` says, while the calling component lives.
fn offer_how(name: &'static str, shown: Rc<dyn Fn() -> bool>, how: How) {
    let offers = crate::app::context::<Offers>().0;
    let offer = Offer { name, shown, how };
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
fn articles(nav: Navigator) -> Rows {
    let d = data();
    let s = nav.state.get_untracked();
    let snippets = crate::app::context::<Memo<Query>>().with_untracked(|q| Snippets::new(d.index(), q));
    let mut rows = Rows::default();
    use_results().with_untracked(|r| {
        for h in &r.hits {
            let first = snippets
                .of(h.doc)
                .first()
                .and_then(|p| p.highlights.first())
                .map(|m| m.start);
            let link = nav.address(&ViewState {
                doc: Some(d.corpus.documents[h.doc].file.clone()),
                mention: None,
                view: View::Articles,
                ..s.clone()
            });
            // The first match's offset, one more (none: 0).
            rows.push(&[h.doc, h.count, first.map_or(0, |at| at + 1)], &link);
        }
    });
    rows
}

/// The entities of the panel, in its order (before it is drawn: those with a mention
/// under the filters, of the labels shown, most mentioned first); each links to the
/// view with the entity required.
fn entities(nav: Navigator) -> Rows {
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
    let mut out = Rows::default();
    for (i, mentions, articles) in rows {
        let mut t = s.clone();
        t.put(&d.analysis.entities[i].id, false);
        out.push(&[i, mentions, articles], &nav.address(&t));
    }
    out
}

/// A table's rows as the app hands them to the views module, which writes them
/// ([`write_rows`]): each row its numbers, a tab, its link and a line break (a link is a
/// URL: it holds neither).
#[derive(Default)]
pub struct Rows(String);

impl Rows {
    /// Adds a row: its `numbers` (the table's, [`write_rows`]), then its `link`.
    pub fn push(&mut self, numbers: &[usize], link: &str) {
        use std::fmt::Write as _;
        for n in numbers {
            let _ = write!(self.0, "{n} ");
        }
        self.0.push('\t');
        self.0.push_str(link);
        self.0.push('\n');
    }

    /// The rows of a mentions table (the Mentions view's): where each is and its link.
    pub fn mentions<'k>(rows: impl IntoIterator<Item = &'k Kwic>, link: impl Fn(&Kwic) -> String) -> Rows {
        let mut out = Rows::default();
        for k in rows {
            let at = [k.doc, k.mention, k.entity, k.range.start, k.range.end];
            out.push(&[&at[..], &[k.zone as usize]].concat(), &link(k));
        }
        out
    }
}

/// The zones by their number in [`Rows`] (`Zone as usize`).
const ZONES: [Zone; 4] = [Zone::Title, Zone::Body, Zone::Caption, Zone::Boilerplate];

/// Each row of `rows` (as [`Rows`] wrote them): its numbers, if it has `n`, and its link.
fn read_rows(rows: &str, n: usize) -> impl Iterator<Item = (Vec<usize>, &str)> {
    rows.lines().filter_map(move |row| {
        let (numbers, link) = row.split_once('\t')?;
        let numbers: Vec<usize> = numbers
            .split_whitespace()
            .map(|x| x.parse().ok())
            .collect::<Option<_>>()?;
        (numbers.len() == n).then_some((numbers, link))
    })
}

/// The app's table `name` (Articles, Entities or Mentions) in `format`, from its `rows`
/// as the app handed them ([`Rows`]), read against the data ([`data`]: the views
/// module's, the same corpus and reader's documents as the app's); none for another
/// name. A row naming what the data does not hold is left out.
pub fn write_rows(name: &str, rows: &str, format: Format) -> Option<String> {
    let d = data();
    let (docs, entities) = (&d.corpus.documents, &d.analysis.entities);
    match name {
        "Articles" => {
            let rows = read_rows(rows, 3).filter(|(n, _)| n[0] < docs.len());
            let row = |n: &[usize]| ArticleRow {
                doc: n[0],
                matches: n[1],
                first: n[2].checked_sub(1),
            };
            let (table, links) = keyed(rows, row, |n| (n[0], 0));
            let link = |doc| links.get(&(doc, 0)).map_or(String::new(), |l| l.to_string());
            Some(export::articles(d.corpus, d.analysis, &table, link, format))
        }
        "Entities" => {
            let rows = read_rows(rows, 3).filter(|(n, _)| n[0] < entities.len());
            let (table, links) = keyed(rows, |n| (n[0], n[1], n[2]), |n| (n[0], 0));
            let link = |i| links.get(&(i, 0)).map_or(String::new(), |l| l.to_string());
            Some(export::entities(d.analysis, &table, link, format))
        }
        "Mentions" => {
            let rows = read_rows(rows, 6).filter(|(n, _)| kwic(d, n).is_some());
            let (table, links) = keyed(rows, |n| kwic(d, n).expect("checked above"), |n| (n[0], n[1]));
            let link = |k: &Kwic| {
                links
                    .get(&(k.doc, k.mention))
                    .map_or(String::new(), |l| l.to_string())
            };
            Some(export::kwic(d.corpus, d.analysis, &table, link, format))
        }
        _ => None,
    }
}

/// The rows made of each row's numbers by `row`, and each row's link by the `key` of its
/// numbers (what the encoder gives its link: a document, an entity, a mention).
fn keyed<'r, T>(
    rows: impl Iterator<Item = (Vec<usize>, &'r str)>,
    row: impl Fn(&[usize]) -> T,
    key: impl Fn(&[usize]) -> (usize, usize),
) -> (Vec<T>, std::collections::HashMap<(usize, usize), &'r str>) {
    let (mut table, mut links) = (Vec::new(), std::collections::HashMap::new());
    for (n, link) in rows {
        table.push(row(&n));
        links.insert(key(&n), link);
    }
    (table, links)
}

/// The mention in context that the numbers `n` of a [`Rows::mentions`] row name, if the
/// data holds it.
fn kwic(d: &crate::data::Data, n: &[usize]) -> Option<Kwic> {
    let (doc, da) = (d.corpus.documents.get(n[0])?, d.analysis.docs.get(n[0])?);
    da.mentions.get(n[1])?;
    d.analysis.entities.get(n[2])?;
    doc.text.get(n[3]..n[4])?;
    Some(Kwic {
        doc: n[0],
        mention: n[1],
        entity: n[2],
        range: n[3]..n[4],
        left: n[3]..n[3],
        right: n[4]..n[4],
        zone: *ZONES.get(n[5])?,
        cut_start: false,
        cut_end: false,
    })
}

/// Hands the app's table `name` in `format`, its `rows`, to the views module, which
/// writes it and offers the file: `web/boot.js` hears `dossier-export` and reads them
/// from `host`'s `data-table` and `data-rows`.
fn hand(host: &web_sys::Element, name: &str, format: Format, rows: Rows) {
    let _ = host.set_attribute("data-table", &format!("{name} {}", extension(format)));
    let _ = host.set_attribute("data-rows", &rows.0);
    if let Ok(e) = web_sys::Event::new("dossier-export") {
        let _ = window().dispatch_event(&e);
    }
}

/// The file name extension of `format`, as the menu's buttons name it.
fn extension(format: Format) -> &'static str {
    match format {
        Format::Csv => "csv",
        _ => "json",
    }
}

/// The export menu.
#[component]
pub fn ExportMenu() -> impl IntoView {
    let nav = crate::app::context::<Navigator>();
    let offers = crate::app::context::<Offers>().0;
    let menu = NodeRef::<leptos::html::Details>::new();
    let summary = NodeRef::<leptos::html::Summary>::new();
    // A table the view loaded on demand writes itself (no rows here): its button names it
    // for `web/views.js`. The app's own are handed to that module as rows.
    let item = move |name: String, format: Format, rows: Option<GiveRows>| {
        let kind = match format {
            Format::Csv => "CSV",
            _ => "JSON",
        };
        let there = rows.is_none().then(|| format!("{name} {}", extension(format)));
        let label = format!("{name} ({kind})");
        let choose = move |_| {
            if let (Some(rows), Some(host)) = (&rows, menu.get_untracked()) {
                hand(&host, &name, format, rows());
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
        let mut tables: Vec<(String, Option<GiveRows>)> =
            there.get().into_iter().map(|n| (n, None)).collect();
        let here = offers.with(|v| {
            let shown = v.iter().filter(|o| (o.shown)());
            let rows = |o: &Offer| match &o.how {
                How::Rows(rows) => Some(rows.clone()),
                How::Write(_) => None,
            };
            shown
                .filter_map(|o| Some((o.name.to_string(), Some(rows(o)?))))
                .collect::<Vec<_>>()
        });
        tables.extend(here);
        tables.push(("Articles".into(), Some(Rc::new(move || articles(nav)))));
        tables.push(("Entities".into(), Some(Rc::new(move || entities(nav)))));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_handed_on_read_back_as_written_and_a_malformed_row_is_left_out() {
        let mut rows = Rows::default();
        rows.push(&[3, 0, 17], "https://example.org/dossier/?doc=a.txt&q=x%09y");
        rows.push(
            &[12, 4, 0],
            "https://example.org/dossier/?e=person-velisa-montarro",
        );
        let text = format!("{}7 x 1\tnot numbers\n1 2\ttoo few\n", rows.0);
        let read: Vec<_> = read_rows(&text, 3).collect();
        assert_eq!(
            read,
            [
                (vec![3, 0, 17], "https://example.org/dossier/?doc=a.txt&q=x%09y"),
                (
                    vec![12, 4, 0],
                    "https://example.org/dossier/?e=person-velisa-montarro"
                ),
            ]
        );
    }

    #[test]
    fn each_zone_is_read_back_from_its_number() {
        for zone in ZONES {
            assert_eq!(ZONES[zone as usize], zone);
        }
    }
}
