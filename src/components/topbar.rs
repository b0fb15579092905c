//! The top bar: name, search, theme toggle and "copy link".

use crate::app::Navigator;
use crate::components::export_menu::ExportMenu;
use crate::components::search_box::SearchBox;
use crate::theme;
use crate::url::ViewState;
use leptos::prelude::*;

/// The banner at the top of every view.
#[component]
pub fn TopBar() -> impl IntoView {
    let nav = crate::app::context::<Navigator>();
    let dark = RwSignal::new(theme::is_dark());
    let copied = RwSignal::new(false);
    let toggle_theme = move |_| {
        let next = !dark.get_untracked();
        theme::set_dark(next);
        dark.set(next);
    };
    let copy_link = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w
                .navigator()
                .clipboard()
                .write_text(&nav.address(&nav.state.get_untracked()));
            copied.set(true);
            set_timeout(move || copied.set(false), std::time::Duration::from_millis(1600));
        }
    };
    view! {
        <header class="topbar">
            <a class="brand" href=move || nav.href(&ViewState::default())>"Dossier"</a>
            <SearchBox/>
            <div class="tools">
                // Opens the dialog of the reader's own documents: web/boot.js listens.
                <button type="button" class="tool" id="own-open" aria-haspopup="dialog">
                    {crate::wording::own_button(crate::data::data().own)}
                </button>
                <ExportMenu/>
                <button type="button" class="tool" on:click=copy_link title="Copy a link to this view">
                    {move || if copied.get() { "Link copied" } else { "Copy link" }}
                </button>
                <button
                    type="button"
                    class="tool"
                    on:click=toggle_theme
                    aria-pressed=move || dark.get().to_string()
                    title="Dark theme"
                >
                    {move || if dark.get() { "☀ Light" } else { "☾ Dark" }}
                </button>
            </div>
        </header>
    }
}
