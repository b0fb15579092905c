//! The root component: the router, the view state read from the URL, and the layout.

use crate::components::{
    entity_panel::EntityPanel, filter_bar::FilterBar, hover_card::HoverCard, reader::Reader,
    results_list::ResultsList, topbar::TopBar, view_tabs::ViewTabs,
};
use crate::data::data;
use crate::keys;
use crate::url::{parse_query, Parsed, View, ViewState};
use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use std::sync::Arc;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <Explorer/>
        </Router>
    }
}

/// A value the explorer (`Explorer`) provides as context (the navigator, the hover card's state,
/// [`Painted`], the results). Leptos's `expect_context` would name the type in its panic
/// message, which costs a type name and a formatter per type in the wasm; the panic here
/// names the caller's file and line instead.
#[track_caller]
pub fn context<T: Clone + 'static>() -> T {
    use_context().expect("a context the app provides")
}

/// The router's navigate function, shareable.
type NavigateFn = Arc<dyn Fn(&str, NavigateOptions) + Send + Sync>;

/// Moves the app to a new view state by pushing its URL onto the history.
#[derive(Clone, Copy)]
pub struct Navigator {
    /// The view the URL describes now.
    pub state: Memo<ViewState>,
    pathname: Memo<String>,
    /// The router's navigate function, taken inside the router so that handlers
    /// outside it (window key events) can use it.
    navigate: StoredValue<NavigateFn>,
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
        let query = state.to_query();
        let path = self.pathname.get_untracked();
        let href = if query.is_empty() {
            path
        } else {
            format!("{path}?{query}")
        };
        let navigate = self.navigate.get_value();
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

    /// Shows the current state changed by `f`, as a new history entry.
    pub fn update(&self, f: impl FnOnce(&mut ViewState)) {
        let mut s = self.state.get_untracked();
        f(&mut s);
        self.go(&s, false);
    }
}

/// Which entity the hover card describes, and where.
#[derive(Clone, Copy)]
pub struct Hover(pub RwSignal<Option<(usize, f64, f64)>>);

#[component]
fn Explorer() -> impl IntoView {
    let location = use_location();
    let d = data();
    let parsed: Memo<Parsed> = Memo::new(move |_| {
        let pairs = parse_query(&location.search.get());
        ViewState::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())), d)
    });
    let state = Memo::new(move |_| parsed.get().state);
    let navigate = use_navigate();
    let navigate: NavigateFn = Arc::new(move |h, o| navigate(h, o));
    let nav = Navigator {
        state,
        pathname: location.pathname,
        navigate: StoredValue::new(navigate),
    };
    provide_context(nav);
    provide_context(Hover(RwSignal::new(None)));
    provide_context(Painted::new());
    let results = Memo::new(move |_| crate::results::results(&state.get()));
    provide_context(results);
    keys::install(nav, results);
    crate::theme::init();

    // On a phone one pane shows at a time: the reader once an article is open.
    let pane = RwSignal::new(Pane::Results);
    Effect::new(move |_| {
        let s = state.get();
        pane.set(if s.doc.is_some() || s.view != View::Articles {
            Pane::Main
        } else {
            Pane::Results
        });
    });

    let notices = move || parsed.get().notices;
    let view_is = move |v: View| state.get().view == v;
    view! {
        <a class="skip" href="#main">"Skip to content"</a>
        <TopBar/>
        <Show when=move || !notices().is_empty()>
            <div class="notice" role="status">
                "Part of this link was not understood and was ignored: "
                {move || notices().join("; ")}
            </div>
        </Show>
        <FilterBar/>
        <PaneTabs pane=pane/>
        <div class="layout" data-pane=move || pane.get().code()>
            <nav class="pane results-pane" aria-label="Articles">
                <AfterFirstPaint>
                    <ResultsList/>
                </AfterFirstPaint>
            </nav>
            <main class="pane main-pane" id="main" tabindex="-1">
                <ViewTabs/>
                <Show when=move || view_is(View::Articles)>
                    <Reader/>
                </Show>
                <Show when=move || view_is(View::Mentions)>
                    <crate::components::mentions::MentionsView/>
                </Show>
                <Show when=move || view_is(View::Connections)>
                    <crate::components::connections::ConnectionsView/>
                </Show>
                <Show when=move || view_is(View::Timeline)>
                    <crate::components::timeline::TimelineView/>
                </Show>
            </main>
            <aside class="pane entity-pane" aria-label="Entities">
                <AfterFirstPaint>
                    <EntityPanel/>
                </AfterFirstPaint>
            </aside>
        </div>
        <HoverCard/>
    }
}

/// Whether the first frame is on screen. What needs the index (the lists, the counts)
/// waits for it, so the article (or the welcome) appears first and the index is built
/// after (start-up: docs/performance.md).
#[derive(Clone, Copy)]
pub struct Painted(pub RwSignal<bool>);

impl Painted {
    fn new() -> Painted {
        let painted = RwSignal::new(false);
        // An animation frame runs before its paint; the timeout after it runs after.
        request_animation_frame(move || set_timeout(move || painted.set(true), std::time::Duration::ZERO));
        Painted(painted)
    }
}

/// Draws its children once the first frame is on screen.
#[component]
fn AfterFirstPaint(children: ChildrenFn) -> impl IntoView {
    let painted = context::<Painted>().0;
    view! { <Show when=move || painted.get()>{children()}</Show> }
}

/// The three panes, shown side by side on a wide screen and one at a time on a phone.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// The matching articles.
    Results,
    /// The reader or the chosen view.
    Main,
    /// The entity panel.
    Entities,
}

impl Pane {
    fn code(self) -> &'static str {
        match self {
            Pane::Results => "results",
            Pane::Main => "main",
            Pane::Entities => "entities",
        }
    }
}

/// Tabs that choose the pane on a phone (hidden on wider screens).
#[component]
fn PaneTabs(pane: RwSignal<Pane>) -> impl IntoView {
    let tab = move |p: Pane, name: &'static str| {
        view! {
            <button type="button" class="pane-tab" aria-pressed=move || (pane.get() == p).to_string() on:click=move |_| pane.set(p)>
                {name}
            </button>
        }
    };
    view! {
        <nav class="pane-tabs" aria-label="Panels">
            {tab(Pane::Results, "Articles")}
            {tab(Pane::Main, "Read")}
            {tab(Pane::Entities, "Entities")}
        </nav>
    }
}
