//! Whose articles the views show, once the reader has added documents of their own:
//! all, the corpus's only, or the reader's only (`own` in the URL).

use crate::app::Navigator;
use crate::data::data;
use crate::url::Whose;
use leptos::prelude::*;

/// The choice, in a menu at the head of the article list; shown when the reader has
/// documents of their own, or a link chose one.
#[component]
pub fn OwnFilter() -> impl IntoView {
    let nav = crate::app::context::<Navigator>();
    let shown = move || data().own > 0 || nav.state.with(|s| s.own != Whose::Both);
    let choose = move |ev: leptos::ev::Event| {
        let code = event_target_value(&ev);
        if let Some(&w) = Whose::ALL.iter().find(|w| w.code() == code) {
            nav.update(|s| s.own = w);
        }
    };
    view! {
        <Show when=shown>
            <p class="own-filter">
                <label for="own-filter">"Show"</label>
                " "
                <select id="own-filter" on:change=choose>
                    {Whose::ALL
                        .into_iter()
                        .map(|w| {
                            view! {
                                <option value=w.code() selected=move || nav.state.with(|s| s.own == w)>
                                    {choice(w)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </p>
        </Show>
    }
}

/// How a choice reads in the menu and in its filter chip.
pub fn choice(w: Whose) -> &'static str {
    match w {
        Whose::Both => "all articles",
        Whose::Corpus => "the corpus only",
        Whose::Mine => "your documents only",
    }
}
