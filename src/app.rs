//! The root component: the router, the view state read from the URL, and the layout.

use crate::components::{
    entity_panel::EntityPanel,
    filter_bar::{ActiveFilters, FilterBar},
    hover_card::{HoverCard, Pinned},
    reader::Reader,
    results_list::ResultsList,
    topbar::TopBar,
    view_tabs::ViewTabs,
};
use crate::data::data;
use crate::keys;
use crate::url::{parse_query, Parsed, View, ViewState};
use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// The whole app. The explorer is drawn again, on the same router, when the data
/// changes ([`mount`]).
#[component]
pub fn App() -> impl IntoView {
    let changed = ArcTrigger::new();
    DATA_CHANGED.with(|c| *c.borrow_mut() = Some(changed.clone()));
    view! {
        <Router>
            {move || {
                changed.track();
                view! { <Explorer/> }
            }}
        </Router>
    }
}

thread_local! {
    /// Notified when the data changes: the mounted app draws its explorer again.
    static DATA_CHANGED: std::cell::RefCell<Option<ArcTrigger>> = const { std::cell::RefCell::new(None) };
}

/// Mounts the app on the current data ([`crate::data::data`]), or, once mounted, draws
/// its explorer again on it (the reader's own documents changed it: `crate::own`). The
/// URL holds the view, so the explorer shows the same (`web/own.js` puts the focus back).
pub fn mount() {
    match DATA_CHANGED.with(|c| c.borrow().clone()) {
        Some(changed) => changed.notify(),
        None => leptos::mount::mount_to_body(App),
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
///
/// The view changes at once and its history entry follows after the frame that shows
/// it: a history entry costs the browser a few milliseconds (docs/performance.md), which
/// the reader should not wait for. Back, forward and links change the URL first, and the
/// view follows it.
#[derive(Clone, Copy)]
pub struct Navigator {
    /// The view shown: the URL's, or the one whose history entry is on its way.
    pub state: Memo<ViewState>,
    /// The query of the view `go` shows, with its `?`, until its history entry and
    /// those of any views shown after it are recorded; empty when the URL's view is shown.
    ahead: RwSignal<String>,
    pathname: Memo<String>,
    /// The router's navigate function, taken inside the router so that handlers
    /// outside it (window key events) can use it.
    navigate: StoredValue<NavigateFn>,
}

/// How many views `go` and `type_to` have shown whose history entries are not yet
/// recorded (one explorer per page; a held entry counts once).
static UNRECORDED: AtomicUsize = AtomicUsize::new(0);

/// How long typing pauses before the search's held history entry is recorded
/// ([`Navigator::type_to`]).
const TYPING_PAUSE: std::time::Duration = std::time::Duration::from_millis(500);

/// The history entry of a search being typed, held until typing pauses.
struct Held {
    /// The address to record.
    href: String,
    /// The timer that records it.
    timer: leptos::prelude::TimeoutHandle,
}

thread_local! {
    /// The search's held entry, if any ([`Navigator::type_to`]).
    static HELD: std::cell::RefCell<Option<Held>> = const { std::cell::RefCell::new(None) };
    /// The search box's latest text not yet searched ([`Navigator::typed`]).
    static TYPED: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// The held entry's address, its timer stopped; still counted in [`UNRECORDED`].
fn take_held() -> Option<String> {
    HELD.with(|h| h.borrow_mut().take()).map(|held| {
        held.timer.clear();
        held.href
    })
}

impl Navigator {
    /// The address of `state`, under the page's own path (so any base path works).
    pub fn href(&self, state: &ViewState) -> String {
        with_query(self.pathname.get(), &state.to_query())
    }

    /// The whole address of `state`, for "Copy link" and the printed page (the history
    /// entry of the view shown may follow a frame later: `go`).
    pub fn address(&self, state: &ViewState) -> String {
        let origin = window().location().origin().unwrap_or_default();
        format!("{origin}{}", self.href(state))
    }

    /// Shows `state`, then records it in the history once it is on screen; `replace`
    /// edits the current history entry instead of adding one. A search's held entry
    /// ([`Navigator::type_to`]) is recorded first, in order.
    pub fn go(&self, state: &ViewState, replace: bool) {
        if self.state.with_untracked(|s| s == state) {
            return;
        }
        crate::focus::keep();
        let href = self.show(state);
        let held = take_held();
        UNRECORDED.fetch_add(1, Ordering::Relaxed);
        let nav = *self;
        after_paint(Box::new(move || {
            if let Some(held) = held {
                nav.record(&held, true);
            }
            nav.record(&href, replace);
        }));
    }

    /// Shows `state`, a search typed in the box, and has the router record it in the
    /// current history entry once typing pauses (`TYPING_PAUSE`) or the box loses focus
    /// ([`Navigator::flush`]): one entry for a run of keystrokes, the router's navigation
    /// (it updates every view that reads the URL) off their frames. The
    /// address bar follows at once (`set_address`), so a reload meanwhile keeps the
    /// search. Back or forward meanwhile drops the held entry (`Navigator::drop_held`):
    /// the view then follows the URL.
    pub fn type_to(&self, state: &ViewState) {
        if self.state.with_untracked(|s| s == state) {
            return;
        }
        let href = self.show(state);
        if take_held().is_none() {
            UNRECORDED.fetch_add(1, Ordering::Relaxed);
        }
        // Only when no other view's entry is on its way: the current entry is then this
        // search's own, and editing it cannot land before another's push.
        if UNRECORDED.load(Ordering::Relaxed) == 1 {
            set_address(&href);
        }
        let nav = *self;
        let timer = set_timeout_with_handle(move || nav.flush(), TYPING_PAUSE).ok();
        match timer {
            Some(timer) => HELD.with(|h| *h.borrow_mut() = Some(Held { href, timer })),
            None => self.record(&href, true),
        }
    }

    /// The search box holds `q`: searched once the frame that shows the typed character
    /// is on screen, and for the latest text only: the search, the lists drawn again and
    /// their layout cost tens of milliseconds (docs/performance.md, "The reader's own
    /// documents"); keystrokes that come before that frame are searched together.
    pub fn typed(&self, q: String) {
        let queued = TYPED.with(|t| t.borrow_mut().replace(q)).is_some();
        if !queued {
            let nav = *self;
            after_paint(Box::new(move || nav.search_typed()));
        }
    }

    /// Searches the text [`Navigator::typed`] holds, if any: the first keystroke from an
    /// empty box adds a history entry, at once, for Back to return to; the rest edit it
    /// once typing pauses ([`Navigator::type_to`]).
    pub fn search_typed(&self) {
        let Some(q) = TYPED.with(|t| t.borrow_mut().take()) else {
            return;
        };
        let current = self.state.get_untracked();
        let push = current.q.is_empty();
        let state = ViewState { q, ..current };
        if push {
            self.go(&state, false);
        } else {
            self.type_to(&state);
        }
    }

    /// Records the search's held entry now, if any.
    pub fn flush(&self) {
        if let Some(href) = take_held() {
            self.record(&href, true);
        }
    }

    /// Forgets the search's held entry, if any: the history moved (Back, forward), and
    /// recording it would edit the entry moved to.
    fn drop_held(&self) {
        TYPED.with(|t| t.borrow_mut().take());
        if take_held().is_some() {
            self.recorded();
        }
    }

    /// Shows `state` ahead of the URL; returns its address.
    fn show(&self, state: &ViewState) -> String {
        let query = state.to_query();
        let href = with_query(self.pathname.get_untracked(), &query);
        self.ahead.set(format!("?{query}"));
        href
    }

    /// Records `href` in the history (`replace`: edits the current entry).
    fn record(&self, href: &str, replace: bool) {
        let navigate = self.navigate.get_value();
        navigate(
            href,
            NavigateOptions {
                resolve: false,
                replace,
                scroll: false,
                ..Default::default()
            },
        );
        self.recorded();
    }

    /// One shown view's entry recorded or dropped: after the last, the URL's view is the
    /// one shown.
    fn recorded(&self) {
        if UNRECORDED.fetch_sub(1, Ordering::Relaxed) == 1 {
            self.ahead.set(String::new());
        }
    }

    /// Shows the current state changed by `f`, as a new history entry.
    pub fn update(&self, f: impl FnOnce(&mut ViewState)) {
        let mut s = self.state.get_untracked();
        f(&mut s);
        self.go(&s, false);
    }
}

/// Edits the current history entry's address to `href`, keeping its state, without the
/// router: the browser's `replaceState` alone, well under a millisecond, where the
/// router's navigation updates every view that reads the URL.
fn set_address(href: &str) {
    if let Ok(history) = window().history() {
        let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(href));
    }
}

/// `path`, then `?` and `query` unless the query is empty.
fn with_query(path: String, query: &str) -> String {
    if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    }
}

/// Which entity the hover card describes, and where.
#[derive(Clone, Copy)]
pub struct Hover(pub RwSignal<Option<(usize, f64, f64)>>);

/// What the notice above the views says of a link's `notices` (parts ignored, each
/// saying why); while the documents kept in this browser are analysed again after a load,
/// or if they could not be, the parts naming them are unknown for that reason
/// (`crate::own::not_shown_yet`). The explorer is drawn again, and the link read again,
/// once they are shown.
fn link_notice(notices: &[String]) -> String {
    match crate::own::not_shown_yet() {
        Some(why) => why.to_string(),
        None => ["Part of this link was ignored: ", &notices.join("; ")].concat(),
    }
}

#[component]
fn Explorer() -> impl IntoView {
    let (nav, parsed) = navigator();
    let state = nav.state;
    provide_context(nav);
    provide_explorer_state(nav);
    let pane = phone_pane(state);
    let notices = move || parsed.get().notices;
    let view_is = move |v: View| state.get().view == v;
    view! {
        <a class="skip" href="#main" on:click=move |ev| skip(ev, pane, Pane::Main, "#main")>"Skip to content"</a>
        <a class="skip" href="#entity-list" on:click=move |ev| skip(ev, pane, Pane::Entities, "#entity-list")>
            "Skip to entities"
        </a>
        <TopBar/>
        <Show when=move || !notices().is_empty()>
            <div class="notice" role="status">{move || link_notice(&notices())}</div>
        </Show>
        <FilterBar/>
        <PaneTabs pane=pane/>
        <div class="layout" data-pane=move || pane.get().code()>
            <div class="pane results-pane">
                <ActiveFilters/>
                <nav aria-label="Articles">
                    <AfterFirstPaint>
                        <ResultsList/>
                    </AfterFirstPaint>
                </nav>
            </div>
            <main class="pane main-pane" id="main" tabindex="-1">
                <ViewTabs/>
                <Show when=move || view_is(View::Articles)>
                    <Reader/>
                </Show>
                <Show when=move || view_is(View::Mentions)>
                    <crate::components::mentions::MentionsView/>
                </Show>
                <Show when=move || state.with(|s| s.view.on_demand())>
                    <OnDemand/>
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

/// The navigator over the URL's view state, and the state as parsed with what the link
/// had that was ignored. Its cleanup records what is held back before the explorer goes.
fn navigator() -> (Navigator, Memo<Parsed>) {
    let location = use_location();
    let d = data();
    // The URL's view (back, forward, links), unless `go` is ahead of it.
    let ahead = RwSignal::new(String::new());
    let parsed: Memo<Parsed> = Memo::new(move |_| {
        let mut search = ahead.get();
        if search.is_empty() {
            search = location.search.get();
        }
        let pairs = parse_query(&search);
        ViewState::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())), d)
    });
    let state = Memo::new(move |_| parsed.get().state);
    let navigate = use_navigate();
    let navigate: NavigateFn = Arc::new(move |h, o| navigate(h, o));
    let nav = Navigator {
        state,
        ahead,
        pathname: location.pathname,
        navigate: StoredValue::new(navigate),
    };
    // Back or forward moves the URL: a search's entry held back is not recorded over it,
    // nor a keystroke not yet searched. An explorer drawn again (the reader's documents:
    // `mount`) reads the URL: a keystroke waiting is searched and a held entry recorded first.
    let popped = window_event_listener(leptos::ev::popstate, move |_| nav.drop_held());
    on_cleanup(move || {
        popped.remove();
        nav.search_typed();
        nav.flush();
    });
    (nav, parsed)
}

/// The explorer's shared state as context: the hover card, the pinned card, export offers,
/// the panel's order, the first paint, the query, its results and the open article's hits;
/// and the keys and the theme.
fn provide_explorer_state(nav: Navigator) {
    let state = nav.state;
    provide_context(Hover(RwSignal::new(None)));
    provide_context(Pinned(RwSignal::new(None)));
    provide_context(crate::components::export_menu::Offers::default());
    provide_context(crate::components::entity_panel::PanelOrder::default());
    let painted = Painted::new();
    provide_context(painted);
    // The filters alone: opening an article or changing the tab searches nothing again.
    let query = Memo::new(move |_| crate::results::query_of(&state.get()));
    provide_context(query);
    let results = Memo::new(move |_| query.with(crate::results::search));
    provide_context(results);
    let hits = crate::components::reader::Hits::new(nav, query, painted);
    provide_context(hits);
    keys::install(nav, results, hits);
    crate::theme::init();
}

/// On a phone one pane shows at a time: the reader once an article opens or a view is
/// chosen. Only those move it: a filter chosen in the entity panel keeps the reader
/// there, to choose another.
fn phone_pane(state: Memo<ViewState>) -> RwSignal<Pane> {
    let pane = RwSignal::new(Pane::Results);
    let opened = Memo::new(move |_| state.with(|s| (s.doc.clone(), s.view)));
    Effect::new(move |_| {
        let main = opened.with(|(doc, view)| doc.is_some() || *view != View::Articles);
        pane.set(if main { Pane::Main } else { Pane::Results });
    });
    pane
}

/// A skip link's action: shows `to`'s pane (on a phone, one pane shows at a time) and
/// moves the focus to `target` in it, which the router's handling of the link would not.
fn skip(ev: web_sys::MouseEvent, pane: RwSignal<Pane>, to: Pane, target: &'static str) {
    ev.prevent_default();
    pane.set(to);
    request_animation_frame(move || {
        crate::focus::to(target);
    });
}

/// Where a view loaded on demand draws (`crates/dossier-views`): a box holding the view's
/// query and a loading notice, and an event, `dossier-views`, each time the query changes,
/// on which `web/boot.js` loads `web/views.js` once and tells it to draw.
#[component]
fn OnDemand() -> impl IntoView {
    let nav = context::<Navigator>();
    let q = Memo::new(move |_| nav.state.get().to_query());
    Effect::new(move |_| {
        q.track();
        if let Ok(e) = web_sys::Event::new("dossier-views") {
            let _ = window().dispatch_event(&e);
        }
    });
    view! {
        <div id="views" data-q=q>
            <p role="status">"Loading the view…"</p>
        </div>
    }
}

/// Whether the first frame is on screen and the index built after it. What needs the
/// index (the lists, the counts) waits for it, so the article (or the welcome) appears
/// first and the index is built after (start-up: docs/performance.md).
#[derive(Clone, Copy)]
pub struct Painted(pub RwSignal<bool>);

impl Painted {
    fn new() -> Painted {
        let painted = RwSignal::new(false);
        after_paint(Box::new(move || index_then(painted)));
        Painted(painted)
    }
}

/// How long one task builds the index for, in ms: the browser draws between two (a
/// long task is one over 50 ms).
const INDEX_TASK: f64 = 15.0;

/// Builds the index a task at a time, then counts the words of the reader's documents
/// a task at a time, then sets `painted` in a task of its own: what waited for the index
/// (the lists, the counts) is drawn after the last slice, not with it.
fn index_then(painted: RwSignal<bool>) {
    let d = data();
    let done = if d.indexed() {
        d.count_own_words(INDEX_TASK)
    } else {
        d.build_index(INDEX_TASK);
        false
    };
    set_timeout(
        move || {
            if done {
                painted.set(true)
            } else {
                index_then(painted)
            }
        },
        std::time::Duration::ZERO,
    );
}

/// Runs `f` once the next frame is on screen: an animation frame runs before its paint,
/// and a timeout queued in it runs after.
pub(crate) fn after_paint(f: Box<dyn FnOnce()>) {
    request_animation_frame(move || set_timeout(f, std::time::Duration::ZERO));
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

/// The one navigation on a phone (hidden on wider screens, where the panes sit side by
/// side and the view tabs choose the view): the article list, the reader, each view, and
/// the entity panel.
#[component]
fn PaneTabs(pane: RwSignal<Pane>) -> impl IntoView {
    let nav = context::<Navigator>();
    // A destination is a pane, and for the main pane a view.
    let tab = move |p: Pane, view: Option<View>, name: &'static str| {
        let current = move || pane.get() == p && view.is_none_or(|v| nav.state.with(|s| s.view == v));
        let choose = move |_| {
            if let Some(v) = view {
                nav.update(|s| s.view = v);
            }
            pane.set(p);
        };
        view! {
            <button type="button" class="pane-tab" aria-pressed=move || current().to_string() on:click=choose>
                {name}
            </button>
        }
    };
    let views = View::ALL[1..]
        .iter()
        .map(|&v| tab(Pane::Main, Some(v), v.title()))
        .collect_view();
    view! {
        <nav class="pane-tabs" aria-label="Panels">
            {tab(Pane::Results, None, "Articles")}
            {tab(Pane::Main, Some(View::Articles), "Reader")}
            {tab(Pane::Entities, None, "Entities")}
            {views}
        </nav>
    }
}
