//! In-browser component tests (wasm-bindgen-test in headless Chromium).
#![cfg(target_arch = "wasm32")]

use dossier_app::App;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

#[wasm_bindgen_test]
fn the_app_lists_every_embedded_article() {
    leptos::mount::mount_to_body(App);
    let items = document().query_selector_all(".articles li").unwrap();
    let corpus = &dossier_app::data::data().corpus;
    assert_eq!(items.length() as usize, corpus.documents.len());
    let text = document().body().unwrap().text_content().unwrap();
    for doc in &corpus.documents {
        assert!(text.contains(&doc.title), "{} is listed", doc.title);
    }
}
