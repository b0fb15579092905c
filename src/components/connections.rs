//! The connections view.

use leptos::prelude::*;

/// The connections view.
#[component]
pub fn ConnectionsView() -> impl IntoView {
    view! { <section class="view-connections"><h1>"Connections"</h1></section> }
}
