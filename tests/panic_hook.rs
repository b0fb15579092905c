//! The panic hook's wiring, natively (where a panic can be caught): a panic reaches
//! `show_fatal` with its message. In the browser, `tests/web.rs` checks what
//! `show_fatal` shows, and `tests/e2e/network.spec.js` the box of a failed start.
#![cfg(not(target_arch = "wasm32"))]

use dossier_app::fatal::{install_panic_hook, last_fatal};

#[test]
fn a_panic_reaches_the_error_box_with_its_message() {
    install_panic_hook();
    let caught = std::panic::catch_unwind(|| panic!("the corpus is <b>gone</b>"));
    let _ = std::panic::take_hook();
    assert!(caught.is_err());
    let shown = last_fatal().expect("the hook showed the error");
    assert!(shown.contains("the corpus is <b>gone</b>"), "{shown}");
    assert!(
        shown.contains("tests/panic_hook.rs"),
        "the place is shown: {shown}"
    );
}
