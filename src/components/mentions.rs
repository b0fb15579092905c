//! The mentions view.

use leptos::prelude::*;

/// The mentions view.
#[component]
pub fn MentionsView() -> impl IntoView {
    view! { <section class="view-mentions"><h1>"Mentions"</h1></section> }
}
