//! When Dossier cannot go on: a panic shows a visible error with a Reload button, and
//! the console gets the message.
//!
//! The box is the static `<div id="fatal">` of `index.html` (created here when the page
//! has none, as in tests), filled with `textContent` only, so a message that quotes
//! hostile text can never become markup. `web/boot.js` shows the same box when the app
//! fails to load at all, and handles its Reload button without the app.

/// Installs the panic hook: the message goes to the console with the JavaScript stack,
/// then to the error box (formatted once for both).
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        imp::log(&message);
        show_fatal(&message);
    }));
}

/// Shows the error box with `message` (as text), in front of everything, in place of
/// the loading notice if it is still there, and moves the focus to its Reload button.
pub fn show_fatal(message: &str) {
    imp::show(message);
}

/// The last message [`show_fatal`] was given, on native targets where there is no page
/// (the hook's tests read it).
#[cfg(not(target_arch = "wasm32"))]
pub fn last_fatal() -> Option<String> {
    imp::LAST
        .lock()
        .map(|m| m.clone())
        .unwrap_or_else(|p| p.into_inner().clone())
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use wasm_bindgen::prelude::wasm_bindgen;
    use wasm_bindgen::JsCast;
    use web_sys::{Document, Element, HtmlElement};

    #[wasm_bindgen]
    extern "C" {
        /// The browser console's `console.error`, with two values.
        #[wasm_bindgen(js_namespace = console, js_name = error)]
        fn console_error(message: &str, stack: &str);
    }

    /// Logs the panic's message and the JavaScript call stack at the panic (the `stack`
    /// of a new `Error`), which names the wasm functions it went through.
    pub fn log(message: &str) {
        let stack = js_sys::Reflect::get(&js_sys::Error::new(""), &"stack".into())
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default();
        console_error(message, &stack);
    }

    /// Shows `message` in the error box (made if the page has none) and focuses Reload.
    pub fn show(message: &str) {
        // Never panic here: this runs inside the panic hook.
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Some(boxed) = doc.get_element_by_id("fatal").or_else(|| create(&doc)) else {
            return;
        };
        if let Some(m) = doc.get_element_by_id("fatal-message") {
            m.set_text_content(Some(message));
        }
        let _ = boxed.remove_attribute("hidden");
        // The loading notice (index.html) would wait under the box for ever.
        if let Some(loading) = doc.get_element_by_id("loading") {
            loading.remove();
        }
        if let Some(b) = doc
            .get_element_by_id("fatal-reload")
            .and_then(|b| b.dyn_into::<HtmlElement>().ok())
        {
            let _ = b.focus();
        }
    }

    /// The same box as `index.html`'s, for pages without it.
    fn create(doc: &Document) -> Option<Element> {
        let el = |tag: &str, id: &str, text: &str| -> Option<Element> {
            let e = doc.create_element(tag).ok()?;
            if !id.is_empty() {
                e.set_id(id);
            }
            e.set_text_content((!text.is_empty()).then_some(text));
            Some(e)
        };
        let boxed = el("div", "fatal", "")?;
        boxed.set_attribute("role", "alert").ok()?;
        boxed.set_attribute("hidden", "").ok()?;
        let title = el("p", "", "Dossier stopped because of an error.")?;
        title.set_class_name("fatal-title");
        boxed.append_child(&title).ok()?;
        let pre = el("pre", "fatal-message", "")?;
        boxed.append_child(&pre).ok()?;
        let reload = el("button", "fatal-reload", "Reload")?;
        reload.set_attribute("type", "button").ok()?;
        boxed.append_child(&reload).ok()?;
        doc.body()?.append_child(&boxed).ok()?;
        Some(boxed)
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use std::sync::Mutex;

    /// The last message shown (what native tests read).
    pub static LAST: Mutex<Option<String>> = Mutex::new(None);

    /// The console: standard error.
    pub fn log(message: &str) {
        eprintln!("{message}");
    }

    /// Keeps `message` as the one shown.
    pub fn show(message: &str) {
        let mut last = LAST.lock().unwrap_or_else(|p| p.into_inner());
        *last = Some(message.to_string());
    }
}
