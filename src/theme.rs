//! Light and dark themes: the system's choice unless the reader picked one, which is
//! remembered in local storage.

const KEY: &str = "dossier-theme";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn root() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}

/// Applies the remembered theme, if any (called once at start-up).
pub fn init() {
    if let (Some(t), Some(root)) = (storage().and_then(|s| s.get_item(KEY).ok().flatten()), root()) {
        if t == "dark" || t == "light" {
            let _ = root.set_attribute("data-theme", &t);
        }
    }
}

/// Whether the page shows the dark theme now.
pub fn is_dark() -> bool {
    match root().and_then(|r| r.get_attribute("data-theme")) {
        Some(t) => t == "dark",
        None => web_sys::window()
            .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
            .is_some_and(|m| m.matches()),
    }
}

/// Shows and remembers the dark (`true`) or light theme.
pub fn set_dark(dark: bool) {
    let t = if dark { "dark" } else { "light" };
    if let Some(root) = root() {
        let _ = root.set_attribute("data-theme", t);
    }
    if let Some(s) = storage() {
        let _ = s.set_item(KEY, t);
    }
}
