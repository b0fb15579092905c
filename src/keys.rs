//! Keyboard shortcuts: `/` search, `j`/`k` or arrows through results, `n`/`p` through
//! mentions, `h`/`H` through the search's hits in the open article, Esc clears.
//! (In the search box, Enter and Shift+Enter step through the hits: `SearchBox`.)

use crate::app::Navigator;
use crate::components::reader::{step_hit, step_mention, Hits};
use crate::results::Results;
use crate::url::ViewState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Installs the page's keyboard shortcuts.
pub fn install(nav: Navigator, results: Memo<Results>, hits: Hits) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let typing = target
            .as_ref()
            .is_some_and(|t| matches!(t.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        let key = ev.key();
        if typing {
            if key == "Escape" {
                if let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = el.blur();
                }
            }
            return;
        }
        let handled = match key.as_str() {
            "/" => {
                if let Some(el) = document().get_element_by_id("search-input") {
                    let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
                }
                true
            }
            "n" => step_mention(nav, 1),
            "p" => step_mention(nav, -1),
            "h" => step_hit(hits, 1),
            "H" => step_hit(hits, -1),
            "j" | "ArrowDown" => step_article(nav, results, 1),
            "k" | "ArrowUp" => step_article(nav, results, -1),
            "Escape" => {
                let s = nav.state.get_untracked();
                if s.mention.is_some() || s.selected.is_some() {
                    nav.update(|s| {
                        s.mention = None;
                        s.selected = None;
                    });
                } else if s.is_filtered() {
                    nav.go(
                        &ViewState {
                            doc: s.doc,
                            view: s.view,
                            hide: s.hide,
                            sort: s.sort,
                            ..Default::default()
                        },
                        false,
                    );
                }
                true
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    });
    on_cleanup(move || handle.remove());
}

/// Opens the next (`by` = 1) or previous matching article.
fn step_article(nav: Navigator, results: Memo<Results>, by: isize) -> bool {
    let hits = results.get_untracked().hits;
    if hits.is_empty() {
        return false;
    }
    let s = nav.state.get_untracked();
    let data = crate::data::data();
    let at = s
        .doc
        .as_deref()
        .and_then(|f| hits.iter().position(|h| data.corpus.documents[h.doc].file == f));
    let n = hits.len() as isize;
    let next = match at {
        Some(i) => (i as isize + by).clamp(0, n - 1),
        None if by > 0 => 0,
        None => n - 1,
    };
    let file = data.corpus.documents[hits[next as usize].doc].file.clone();
    nav.update(|s| {
        s.doc = Some(file);
        s.mention = None;
    });
    true
}
