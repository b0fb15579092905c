//! The articles that match the current filters, with counts and snippets.

use crate::app::Navigator;
use crate::data::data;
use crate::dom;
use crate::results::Results;
use crate::seen::{when_near, Times};
use crate::url::{View, ViewState};
use crate::wording::count;
use dossier_core::query::{Query, Snippet, Snippets};
use leptos::prelude::*;

/// Articles drawn at once: about a pane's height (eight rows of about 100 px fill the
/// 810 px pane of a 900 px window). The next page is drawn when "Show more" scrolls into
/// view (or is pressed). Small, because every change of the filters redraws the page
/// drawn (interaction costs: docs/performance.md; `style/main.css` lays out this first
/// page without `content-visibility`).
const PAGE: usize = 8;

/// The current results, shared by every panel that shows counts.
pub fn use_results() -> Memo<Results> {
    crate::app::context::<Memo<Results>>()
}

/// The list of matching articles: links whose accessible name is the title.
#[component]
pub fn ResultsList() -> impl IntoView {
    let nav = crate::app::context::<Navigator>();
    let results = use_results();
    let corpus = &data().corpus;
    // Long result lists are drawn a page at a time.
    let shown = RwSignal::new(PAGE);
    Effect::new(move |_| {
        results.track();
        // Only when it changes: setting it would redraw the page a second time.
        if shown.get_untracked() != PAGE {
            shown.set(PAGE);
        }
    });
    let query = crate::app::context::<Memo<Query>>();
    // The rows drawn, with their snippets: made for these rows only.
    let page = move || {
        let n = shown.get();
        query.with(|q| results.with(|r| first_rows(q, r, n)))
    };
    // The rows, drawn by hand (`crate::dom`): a row is kept while its article, match
    // count and snippets stay, and only its link and current mark follow the view.
    let list = NodeRef::<leptos::html::Ol>::new();
    Effect::new(move |drawn: Option<Vec<Drawn>>| {
        let old = drawn.unwrap_or_default();
        let Some(ol) = list.get() else { return old };
        let s = nav.state.get();
        let mut drawn = dom::keyed(
            &ol.into(),
            old,
            page(),
            |d| &d.row,
            |row| row.doc,
            Drawn::new,
            |d| &d.li,
        );
        for d in &mut drawn {
            d.follow(nav, &s);
        }
        drawn
    });
    let more = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = more.get() {
            when_near(button.into(), None, "0px", Times::Each, move || {
                shown.update(|n| *n += PAGE)
            });
        }
    });
    view! {
        <p class="count" aria-live="polite">
            {move || {
                let n = results.with(|r| r.hits.len());
                matching(n, corpus.documents.len(), nav.state.get().is_filtered())
            }}
        </p>
        <ol class="articles" node_ref=list></ol>
        <Show when=move || { results.with(|r| r.hits.len()) > shown.get() }>
            <button type="button" class="more" node_ref=more on:click=move |_| shown.update(|n| *n += PAGE)>
                {move || format!("Show more ({})", count(results.with(|r| r.hits.len()) - shown.get(), "more article"))}
            </button>
        </Show>
        <Show when=move || results.with(|r| r.hits.is_empty())>
            <p class="empty">
                "No article matches these filters. Remove one above, or "
                <a href=move || nav.href(&nav.state.get().unfiltered())>"clear them all"</a>
                "."
            </p>
        </Show>
    }
}

/// The first `n` rows of `results` (at most all), with their snippets for `query`:
/// made for these rows only.
fn first_rows(query: &Query, results: &Results, n: usize) -> Vec<Row> {
    let snippets = Snippets::new(data().index(), query);
    results.hits[..n.min(results.hits.len())]
        .iter()
        .map(|h| Row {
            doc: h.doc,
            count: h.count,
            snippets: snippets.of(h.doc),
        })
        .collect()
}

/// The count line: `n` articles matching of `total`, or just `total` when nothing is
/// filtered.
fn matching(n: usize, total: usize, filtered: bool) -> String {
    if filtered {
        format!("{n} of {} match", count(total, "article"))
    } else {
        count(total, "article")
    }
}

/// One article of the list: its document, match count and snippets.
#[derive(Clone, PartialEq)]
struct Row {
    doc: usize,
    count: usize,
    snippets: Vec<Snippet>,
}

/// A row as drawn: its `li`, its link, and the link's address and current mark as set.
struct Drawn {
    row: Row,
    li: web_sys::Element,
    link: web_sys::Element,
    href: String,
    current: bool,
}

impl Drawn {
    /// Draws `row`: the title as a link, a line of facts, and the snippets with their
    /// matches marked. The link's address and current mark are set by the caller.
    fn new(row: Row) -> Drawn {
        let doc = &data().corpus.documents[row.doc];
        let meta = [
            doc.meta.source.clone(),
            doc.meta.published.map(|d| d.to_string()),
            Some(count(data().word_count(row.doc), "word")),
            (row.count > 0).then(|| count(row.count, "match")),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
        let li = dom::el("li", "article", "");
        let link = dom::el("a", "", &doc.title);
        let _ = li.append_with_node_2(&link, &dom::el("span", "meta", &meta));
        if crate::own::is_own(&doc.file) {
            let _ = li.append_with_node_1(&dom::el("span", "own-badge", "Yours"));
        }
        for sn in &row.snippets {
            let p = dom::el("p", "snippet", "");
            for (t, hit) in sn.shown(&doc.text) {
                let _ = if hit {
                    p.append_with_node_1(&dom::el("mark", "hit", &t))
                } else {
                    p.append_with_str_1(&t)
                };
            }
            let _ = li.append_with_node_1(&p);
        }
        Drawn {
            row,
            li,
            link,
            href: String::new(),
            current: false,
        }
    }

    /// Sets the row's link to its article in the view `s`, and its current mark, where
    /// they changed.
    fn follow(&mut self, nav: Navigator, s: &ViewState) {
        let file = &data().corpus.documents[self.row.doc].file;
        let href = nav.href(&ViewState {
            doc: Some(file.clone()),
            mention: None,
            view: View::Articles,
            ..s.clone()
        });
        if self.href != href {
            dom::set_attr(&self.link, "href", Some(&href));
            self.href = href;
        }
        let current = s.doc.as_deref() == Some(file.as_str());
        if self.current != current {
            let _ = self.li.class_list().toggle_with_force("current", current);
            dom::set_attr(&self.link, "aria-current", current.then_some("page"));
            self.current = current;
        }
    }
}
