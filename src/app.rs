//! The root component: the router, the view state read from the URL, and the layout.

use crate::components::{article_list::ArticleList, reader::Reader, search_box::SearchBox};
use crate::data::data;
use crate::url::{parse_query, Parsed, ViewState};
use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <Explorer/>
        </Router>
    }
}

/// Moves the app to a new view state by pushing its URL onto the history.
#[derive(Clone, Copy)]
pub struct Navigator {
    /// The view the URL describes now.
    pub state: Memo<ViewState>,
    pathname: Memo<String>,
}

impl Navigator {
    /// The address of `state`, under the page's own path (so any base path works).
    pub fn href(&self, state: &ViewState) -> String {
        let query = state.to_query();
        let path = self.pathname.get();
        if query.is_empty() {
            path
        } else {
            format!("{path}?{query}")
        }
    }

    /// Shows `state`; `replace` edits the current history entry instead of adding one.
    pub fn go(&self, state: &ViewState, replace: bool) {
        let href = self.href(state);
        let navigate = use_navigate();
        navigate(
            &href,
            NavigateOptions {
                resolve: false,
                replace,
                scroll: false,
                ..Default::default()
            },
        );
    }
}

#[component]
fn Explorer() -> impl IntoView {
    let location = use_location();
    let corpus = &data().corpus;
    let parsed: Memo<Parsed> = Memo::new(move |_| {
        let pairs = parse_query(&location.search.get());
        ViewState::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())), |f| {
            corpus.get(f).is_some()
        })
    });
    let state = Memo::new(move |_| parsed.get().state);
    let nav = Navigator {
        state,
        pathname: location.pathname,
    };
    provide_context(nav);

    let notices = move || parsed.get().notices;
    view! {
        <header class="topbar" role="banner">
            <a class="brand" href=move || nav.href(&ViewState::default())>"Dossier"</a>
            <SearchBox/>
        </header>
        <Show when=move || !notices().is_empty()>
            <div class="notice" role="status">
                "Some of this link was not understood and was ignored: "
                {move || notices().join("; ")}
            </div>
        </Show>
        <div class="layout">
            <nav class="sidebar" aria-label="Articles">
                <ArticleList/>
            </nav>
            <main class="main" id="main">
                <Reader/>
            </main>
        </div>
    }
}
