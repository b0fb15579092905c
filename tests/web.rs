//! In-browser component tests (wasm-bindgen-test in headless Chromium).
#![cfg(target_arch = "wasm32")]

use dossier_app::App;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Puts the corpus's page text in the document, as `scripts/post-build.mjs` puts it in
/// `index.html`, unless it is there: the app takes it out as it reads it, and each test
/// may be the one that builds the corpus.
fn with_page_corpus() {
    if document().get_element_by_id("corpus").is_none() {
        let template = include_str!(concat!(env!("OUT_DIR"), "/page.html"));
        let body = document().body().unwrap();
        body.insert_adjacent_html("afterbegin", template).unwrap();
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
    leptos::mount::mount_to_body(App);
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

/// The analysis in slices, as the app runs it at a large corpus (here a step a slice):
/// the loading bar shows how far it has gone, the app starts once, after the last
/// step, and the loading notice is gone by then.
#[wasm_bindgen_test]
async fn an_analysis_in_slices_fills_the_loading_bar_then_starts_the_app_once() {
    use std::cell::Cell;
    use std::rc::Rc;
    with_page_corpus();
    let doc = document();
    let loading = doc.create_element("div").unwrap();
    loading.set_id("loading");
    let bar = doc.create_element("progress").unwrap();
    bar.set_id("loading-bar");
    bar.set_attribute("max", "100").unwrap();
    loading.append_child(&bar).unwrap();
    doc.body().unwrap().append_child(&loading).unwrap();

    let started = Rc::new(Cell::new(0));
    let count = started.clone();
    dossier_app::data::load_in_slices(0.0, 0.0, move || count.set(count.get() + 1));
    // The first slice has run: a share of the work is shown, the app waits.
    let first: u32 = bar.get_attribute("value").expect("a value").parse().unwrap();
    assert!(0 < first && first < 100, "{first}% after the first step");
    assert_eq!(started.get(), 0);
    assert!(loading.is_connected());

    let mut shown = vec![first];
    for _ in 0..500 {
        if started.get() > 0 {
            break;
        }
        sleep(0).await;
        if let Some(v) = bar.get_attribute("value") {
            shown.push(v.parse().unwrap());
        }
    }
    assert_eq!(started.get(), 1, "the app starts once the analysis is done");
    assert!(!loading.is_connected(), "the loading notice is gone");
    assert!(
        shown.windows(2).all(|w| w[0] <= w[1]),
        "the bar only fills: {shown:?}"
    );
    assert_eq!(shown.last(), Some(&100), "{shown:?}");
    let d = dossier_app::data::data();
    assert_eq!(d.analysis.docs.len(), d.corpus.documents.len());
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
