//! The view state as the views drawn from the URL see it, and how they change it: what
//! the app's `Navigator` is to its own views. A change is a link followed through the
//! app's router ([`crate::go`]), so the URL stays the single source of truth; the focus
//! is kept as the app keeps it (`dossier_app::focus`).

use dossier_app::results::Results;
use dossier_app::url::ViewState;
use leptos::prelude::*;

/// The view shown and the articles its filters match: context the views' root provides.
#[derive(Clone, Copy)]
pub struct Nav {
    /// The view the URL describes.
    pub state: Memo<ViewState>,
    /// The app's filters' results for it.
    pub results: Memo<Results>,
}

impl Nav {
    /// The navigation of `state`, with its results.
    pub fn new(state: Memo<ViewState>) -> Nav {
        let results = Memo::new(move |_| state.with(dossier_app::results::results));
        Nav { state, results }
    }

    /// The address of `state`, under the page's own path.
    pub fn href(&self, state: &ViewState) -> String {
        crate::href(state)
    }

    /// The whole address of `state`, for the exports' links.
    pub fn address(&self, state: &ViewState) -> String {
        let origin = window().location().origin().unwrap_or_default();
        format!("{origin}{}", self.href(state))
    }

    /// Shows the current state changed by `f`, as a new history entry, keeping the
    /// focus on the control that asked for it.
    pub fn update(&self, f: impl FnOnce(&mut ViewState)) {
        let mut s = self.state.get_untracked();
        f(&mut s);
        if self.state.with_untracked(|now| *now == s) {
            return;
        }
        dossier_app::focus::keep();
        crate::go(&s);
    }
}

/// The navigation the views' root provides.
#[track_caller]
pub fn nav() -> Nav {
    use_context().expect("the views' navigation")
}
