//! The timeline view.

use leptos::prelude::*;

/// The timeline view.
#[component]
pub fn TimelineView() -> impl IntoView {
    view! { <section class="view-timeline"><h1>"Timeline"</h1></section> }
}
