//! In-browser component tests (wasm-bindgen-test in headless Chromium).
#![cfg(target_arch = "wasm32")]

use dossier_app::App;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A small corpus of news-like texts, analysed and written as a page carries it
/// (`dossier_core::page`, as `dossier page` writes it at build time).
fn page_html() -> String {
    use dossier_core::corpus::{Corpus, Document, Meta};
    let texts = [
        ("a.txt", "Dock strike ends in Rotterdam\n\nUnion leader Anna de Vries said in Rotterdam on Thursday, May 16, 2024, that work would resume."),
        ("b.txt", "Central bank holds rates\n\nThe European Central Bank kept its rate at 4% on Thursday, Christine Lagarde said in Frankfurt."),
        ("c.txt", "Photo: AP\nA <b>summit</b> in Kazan\n\nLeaders of Brazil, Russia, India and China met in Kazan in October 2024."),
    ];
    let docs = texts
        .iter()
        .map(|(f, t, ..)| Document::new(*f, *t, Meta::default()).unwrap());
    let corpus = Corpus::new(docs.collect());
    dossier_core::page::write(&corpus, &dossier_core::analyse(&corpus)).unwrap()
}

/// Puts the page's corpus in the document, unless it is there: the app takes it out as
/// it reads it, and each test may be the one that reads it.
fn with_page_corpus() {
    if document().get_element_by_id("corpus").is_none() {
        let body = document().body().unwrap();
        body.insert_adjacent_html("afterbegin", &page_html()).unwrap();
    }
}

/// Waits `ms` milliseconds.
async fn sleep(ms: i32) {
    let wait = js_sys::Promise::new(&mut |done, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&done, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(wait).await.unwrap();
}

#[wasm_bindgen_test]
async fn the_app_lists_every_embedded_article() {
    with_page_corpus();
    dossier_app::data::load(|| leptos::mount::mount_to_body(App));
    // The lists beside the reader are drawn after the first frame.
    let mut items = document().query_selector_all(".articles li").unwrap();
    for _ in 0..100 {
        if items.length() > 0 {
            break;
        }
        sleep(20).await;
        items = document().query_selector_all(".articles li").unwrap();
    }
    let corpus = &dossier_app::data::data().corpus;
    assert_eq!(items.length() as usize, corpus.documents.len());
    let text = document().body().unwrap().text_content().unwrap();
    for doc in &corpus.documents {
        assert!(text.contains(&doc.title), "{} is listed", doc.title);
    }
}

#[wasm_bindgen_test]
fn a_fatal_error_shows_its_message_as_text_with_a_reload_button() {
    let message = "panicked at src/x.rs:1:1:\n<img src=x onerror=\"window.__pwned=1\"> &amp;";
    let doc = document();
    let loading = doc.create_element("div").unwrap();
    loading.set_id("loading");
    doc.body().unwrap().append_child(&loading).unwrap();
    dossier_app::fatal::show_fatal(message);
    assert!(!loading.is_connected(), "no loading notice left under the box");
    let boxed = doc.get_element_by_id("fatal").expect("the error box");
    assert!(!boxed.has_attribute("hidden"), "the box is shown");
    assert_eq!(boxed.get_attribute("role").as_deref(), Some("alert"));
    let shown = doc.get_element_by_id("fatal-message").unwrap();
    assert_eq!(
        shown.text_content().as_deref(),
        Some(message),
        "the message, literally"
    );
    assert!(
        boxed.query_selector("img").unwrap().is_none(),
        "no markup from the message"
    );
    let reload = doc.get_element_by_id("fatal-reload").expect("a Reload button");
    assert_eq!(reload.tag_name(), "BUTTON");
    assert_eq!(reload.text_content().as_deref(), Some("Reload"));
    assert_eq!(doc.active_element(), Some(reload), "the focus is on Reload");
}

/// A page whose corpus is damaged (here cut short) shows the error box, saying so, and
/// the app does not start.
#[wasm_bindgen_test]
fn a_damaged_page_corpus_shows_the_error_box_and_the_app_does_not_start() {
    let html = page_html();
    let cut = html.find("id=\"analysis\"").unwrap() + 200;
    let doc = document();
    let holder = doc.create_element("div").unwrap();
    holder.set_inner_html(&format!("{}</script>", &html[..cut]));
    let body = doc.body().unwrap();
    for id in ["corpus", "analysis"] {
        let e = holder.query_selector(&format!("#{id}")).unwrap().unwrap();
        if let Some(old) = doc.get_element_by_id(id) {
            old.remove();
        }
        body.append_child(&e).unwrap();
    }
    let started = std::cell::Cell::new(false);
    dossier_app::data::load(|| started.set(true));
    assert!(!started.get(), "the app does not start on a damaged page");
    let boxed = doc.get_element_by_id("fatal").expect("the error box");
    assert!(!boxed.has_attribute("hidden"), "the box is shown");
    let message = doc
        .get_element_by_id("fatal-message")
        .unwrap()
        .text_content()
        .unwrap();
    assert!(message.contains("cannot be read"), "{message}");
    boxed.set_attribute("hidden", "").unwrap();
}

/// The ids of `list`'s element children, in order.
fn child_ids(list: &web_sys::Element) -> Vec<String> {
    let mut ids = Vec::new();
    let mut at = list.first_element_child();
    while let Some(e) = at {
        ids.push(e.id());
        at = e.next_element_sibling();
    }
    ids
}

#[wasm_bindgen_test]
fn keep_in_order_puts_rows_in_any_new_order_and_moves_only_those_out_of_place() {
    use dossier_app::dom::{el, keep_in_order};
    // Every order of four kept rows, with a new row at each place or none.
    let mut orders: Vec<Vec<&str>> = vec![vec![]];
    for _ in 0..4 {
        orders = orders
            .into_iter()
            .flat_map(|o| {
                ["a", "b", "c", "d"]
                    .into_iter()
                    .filter(|x| !o.contains(x))
                    .map(|x| [o.clone(), vec![x]].concat())
                    .collect::<Vec<_>>()
            })
            .collect();
    }
    assert_eq!(orders.len(), 24);
    for order in &orders {
        for new_at in 0..=5 {
            let list = el("ol", "", "");
            // A marker that is not an element, as the renderer leaves in empty lists.
            list.append_with_node_1(&document().create_comment("")).unwrap();
            let rows: Vec<web_sys::Element> = ["a", "b", "c", "d", "x"]
                .into_iter()
                .map(|id| {
                    let e = el("li", "", id);
                    e.set_id(id);
                    e
                })
                .collect();
            for r in &rows[..4] {
                list.append_with_node_1(r).unwrap();
            }
            let mut wanted: Vec<&str> = order.clone();
            if new_at < 5 {
                wanted.insert(new_at, "x");
            }
            let items: Vec<&web_sys::Element> = wanted
                .iter()
                .map(|id| rows.iter().find(|r| r.id() == *id).unwrap())
                .collect();
            keep_in_order(&list, items.into_iter());
            assert_eq!(child_ids(&list), wanted, "from a b c d");
        }
    }
    // A row that moves down one place moves alone: the rows it passes stay.
    let list = el("ol", "", "");
    let rows: Vec<web_sys::Element> = (0..6)
        .map(|i| {
            let e = el("li", "", "");
            e.set_id(&i.to_string());
            list.append_with_node_1(&e).unwrap();
            e
        })
        .collect();
    let moved = |order: [usize; 6]| {
        let observer = web_sys::MutationObserver::new(&js_sys::Function::new_no_args("")).unwrap();
        let options = web_sys::MutationObserverInit::new();
        options.set_child_list(true);
        observer.observe_with_options(&list, &options).unwrap();
        keep_in_order(&list, order.map(|i| &rows[i]).into_iter());
        let records = observer.take_records();
        observer.disconnect();
        let wanted: Vec<String> = order.iter().map(|i| i.to_string()).collect();
        assert_eq!(child_ids(&list), wanted);
        // A move is a removal and an insertion.
        (0..records.length())
            .map(|k| {
                web_sys::MutationRecord::from(records.get(k))
                    .removed_nodes()
                    .length()
            })
            .sum::<u32>()
    };
    assert_eq!(moved([1, 2, 3, 4, 0, 5]), 1, "the first row moved down");
    assert_eq!(moved([0, 1, 2, 3, 4, 5]), 1, "the row moved back up");
    assert_eq!(moved([0, 1, 2, 3, 4, 5]), 0, "nothing out of place");
    assert_eq!(moved([0, 1, 5, 2, 3, 4]), 1, "the last row moved up");
}

#[wasm_bindgen_test]
fn keyed_keeps_the_rows_of_keys_still_listed_draws_the_new_and_takes_out_the_rest() {
    use dossier_app::dom::{el, keyed};
    use std::cell::Cell;
    let list = el("ul", "", "");
    let drawn = Cell::new(0);
    // A key is (id, version): a row is kept only for the same version of its id.
    let draw = |k: (usize, u8)| {
        drawn.set(drawn.get() + 1);
        let e = el("li", "", "");
        e.set_id(&format!("{}{}", k.0, k.1));
        (k, e)
    };
    fn key(r: &((usize, u8), web_sys::Element)) -> &(usize, u8) {
        &r.0
    }
    let id = |k: &(usize, u8)| k.0;
    let first = keyed(
        &list,
        Vec::new(),
        [(7, 0), (2, 0), (5, 0), (9, 0)],
        key,
        id,
        draw,
        |r| &r.1,
    );
    assert_eq!(child_ids(&list), ["70", "20", "50", "90"]);
    let (seven, two, five, nine) = (
        first[0].1.clone(),
        first[1].1.clone(),
        first[2].1.clone(),
        first[3].1.clone(),
    );
    let then = keyed(
        &list,
        first,
        [(5, 0), (3, 0), (7, 0), (9, 1)],
        key,
        id,
        draw,
        |r| &r.1,
    );
    assert_eq!(child_ids(&list), ["50", "30", "70", "91"]);
    assert_eq!(drawn.get(), 6, "only 3, and 9's new version, were drawn anew");
    assert_eq!(then[0].1, five, "5's row kept");
    assert_eq!(then[2].1, seven, "7's row kept");
    assert!(two.parent_node().is_none(), "2's row taken out");
    assert!(nine.parent_node().is_none(), "9's old version taken out");
}
