//! The tabs that switch the main view.

use crate::app::Navigator;
use crate::url::{View, ViewState};
use leptos::prelude::*;

/// Links to the views; the current one is marked.
#[component]
pub fn ViewTabs() -> impl IntoView {
    let nav = crate::app::context::<Navigator>();
    view! {
        <nav class="view-tabs" aria-label="Views">
            {View::ALL
                .into_iter()
                .map(|v| {
                    let href = move || nav.href(&ViewState { view: v, ..nav.state.get() });
                    let current = move || nav.state.get().view == v;
                    view! {
                        <a href=href class="tab" class:current=current aria-current=move || current().then_some("page")>
                            {v.title()}
                        </a>
                    }
                })
                .collect_view()}
        </nav>
    }
}
