//! The timeline view: DATE mentions resolved against each article's publication date,
//! counted by month (or by year when they span decades) on a time axis to scale, gaps
//! and all, with axis labels thinned to the width available. A period — one bar, a
//! stretch dragged across the chart, or two ends chosen in the From and To lists —
//! filters the articles. Dates that cannot be placed are listed, not guessed; lengths
//! of time ("two-day", "months") are not dates and are only counted.

use crate::nav::Nav;
use dossier_app::components::export_menu;
use dossier_app::data::data;
use dossier_app::url::{View, ViewState};
use dossier_core::date::Date;
use dossier_core::export::{self, Format};
use dossier_core::timeline::{timeline, Bucket, DateMention, Granularity, Period, Timeline};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

const HEIGHT: i32 = 150;
/// Room left and right of the bars (the last axis label may run past its slot).
const PAD: i32 = 10;
/// The widest a period's slot grows.
const MAX_SLOT: i32 = 48;

/// A short label for a bucket key: "May 2024" or "2024".
fn key_label(k: Date) -> String {
    dossier_app::wording::month(&k.to_string())
}

/// A bucket key as a number of months (or years) since year 0: its place on the axis.
fn ordinal(k: Date) -> i64 {
    match k.month {
        Some(m) => i64::from(k.year) * 12 + i64::from(m) - 1,
        None => i64::from(k.year),
    }
}

/// The bucket key at place `n` of the axis (see [`ordinal`]).
fn key_at(n: i64, g: Granularity) -> Date {
    let (year, month) = match g {
        Granularity::Month => (n.div_euclid(12) as i32, Some((n.rem_euclid(12) + 1) as u8)),
        Granularity::Year => (n as i32, None),
    };
    Date {
        year,
        month,
        day: None,
    }
}

/// The time axis: the first bucket's place, how many slots, and each slot's width.
#[derive(Clone, Copy, PartialEq)]
struct Axis {
    first: i64,
    slots: i64,
    slot: i32,
    granularity: Granularity,
}

impl Axis {
    /// The axis of `t` fitted to `width` pixels (never narrower than 3 px a slot).
    fn new(t: &Timeline, g: Granularity, width: i32) -> Axis {
        let first = t.buckets.first().map_or(0, |b| ordinal(b.key));
        let last = t.buckets.last().map_or(0, |b| ordinal(b.key));
        let slots = last - first + 1;
        let slot = ((width - 2 * PAD) as i64 / slots).clamp(3, MAX_SLOT as i64) as i32;
        Axis {
            first,
            slots,
            slot,
            granularity: g,
        }
    }

    fn x(&self, key: Date) -> i32 {
        PAD + self.slot * (ordinal(key) - self.first) as i32
    }

    fn width(&self) -> i32 {
        2 * PAD + self.slot * self.slots as i32
    }

    /// The bucket key under `x` pixels, clamped to the axis.
    fn key_under(&self, x: f64) -> Date {
        let n = ((x as i32 - PAD) / self.slot).clamp(0, self.slots as i32 - 1);
        key_at(self.first + i64::from(n), self.granularity)
    }

    /// Every how many slots a label fits, and the labels: a month's ("Mar 2023") or,
    /// once a label covers a year or more, the year's.
    fn ticks(&self) -> Vec<(Date, String)> {
        let (steps, wide): (&[i64], i32) = match self.granularity {
            Granularity::Month => (&[1, 2, 3, 6, 12, 24, 60, 120, 240], 64),
            Granularity::Year => (&[1, 2, 5, 10, 20, 50, 100, 200, 500], 40),
        };
        let fits = |k: i64| {
            let needs = if self.granularity == Granularity::Month && k >= 12 {
                40
            } else {
                wide
            };
            k * i64::from(self.slot) >= i64::from(needs)
        };
        let step = steps.iter().copied().find(|&k| fits(k)).unwrap_or(1000);
        let label = |n: i64| {
            let key = key_at(n, self.granularity);
            let text = if step >= 12 && key.month.is_some() {
                key.year.to_string()
            } else {
                key_label(key)
            };
            (key, text)
        };
        let all = self.first..self.first + self.slots;
        let ticks: Vec<_> = all.filter(|n| n.rem_euclid(step) == 0).map(label).collect();
        if ticks.is_empty() {
            vec![label(self.first)]
        } else {
            ticks
        }
    }

    /// The first and last slot's x of the buckets that overlap `span`.
    fn band(&self, span: Period) -> Option<(i32, i32)> {
        let over = |n: &i64| Period::of(key_at(*n, self.granularity)).overlaps(&span);
        let mut inside = (self.first..self.first + self.slots).filter(over);
        let a = inside.next()?;
        let z = inside.next_back().unwrap_or(a);
        let x = |n: i64| PAD + self.slot * (n - self.first) as i32;
        Some((x(a), x(z) + self.slot))
    }
}

/// The days from bucket `a` to bucket `b` (in either order, of any kind).
fn span_period(a: Date, b: Date) -> Period {
    let (pa, pb) = (Period::of(a), Period::of(b));
    Period {
        start: pa.start.min(pb.start),
        end: pa.end.max(pb.end),
        ..pa
    }
}

/// The timeline view.
#[component]
pub fn TimelineView() -> impl IntoView {
    let nav = crate::nav::nav();
    let d = data();
    // Every filter but the period itself, so that the other periods stay choosable.
    let scope = Memo::new(move |_| {
        let s = nav.state.get();
        dossier_app::results::results(&ViewState { when: None, ..s }).matched
    });
    let line = Memo::new(move |_| {
        let s = nav.state.get();
        let keep = scope.get();
        let by_month = timeline(d.index().dates(), Granularity::Month, s.all_zones, |doc| {
            keep[doc]
        });
        let span = match (by_month.buckets.first(), by_month.buckets.last()) {
            (Some(a), Some(b)) => b.key.year - a.key.year,
            _ => 0,
        };
        if span > 6 {
            let by_year = timeline(d.index().dates(), Granularity::Year, s.all_zones, |doc| keep[doc]);
            (Granularity::Year, by_year)
        } else {
            (Granularity::Month, by_month)
        }
    });
    // Export: the periods drawn (export_menu.rs); the date list offers its own.
    export_menu::offer(
        "Periods",
        || true,
        move |f| periods(nav, &line.get_untracked().1, f),
    );
    let chart = NodeRef::<leptos::html::Div>::new();
    let avail = RwSignal::new(600);
    // Runs a frame later, when the view may be gone: `try_` reads nothing disposed.
    let measure = move || {
        if let Some(el) = chart.try_get_untracked().flatten() {
            let w = el.client_width();
            if w > 0 {
                avail.try_set(w);
            }
        }
    };
    Effect::new(move |_| {
        chart.track();
        request_animation_frame(measure);
    });
    let handle = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || handle.remove());
    view! {
        <section class="view-timeline" aria-labelledby="timeline-title">
            <h1 id="timeline-title">"Timeline"</h1>
            <p class="hint">
                "Dates the articles mention, placed on the calendar against each article's publication date. Choose a bar, drag across the chart, or choose two ends to keep the articles that mention that period."
            </p>
            <div class="chart" node_ref=chart>
                {move || {
                    let (g, t) = line.get();
                    if t.buckets.is_empty() {
                        return view! { <p class="empty">"No date in the matching articles could be placed on a calendar."</p> }
                            .into_any();
                    }
                    let axis = Axis::new(&t, g, avail.get());
                    view! { <Chart t=t axis=axis/> <Ends t=line/> }.into_any()
                }}
            </div>
            {move || {
                let (g, t) = line.get();
                let note = format!(
                    "{} · {} placed only more coarsely · {} that cannot be placed without guessing · {} (lengths of time, not dates)",
                    if g == Granularity::Month { "by month" } else { "by year" },
                    dossier_app::wording::count(t.coarser, "date"),
                    dossier_app::wording::count(t.unresolved, "date"),
                    dossier_app::wording::count(t.durations, "duration"),
                );
                view! { <p class="meta">{note}</p> }
            }}
            <DateList/>
        </section>
    }
}

/// Sets the period from bucket `a` to bucket `b` (in either order); choosing the one
/// bucket already chosen clears it.
fn choose(nav: Nav, a: Date, b: Date) {
    let w = dossier_app::url::period(&format!("{a}..{b}"));
    nav.update(move |s| s.when = if s.when == w && a == b { None } else { w });
}

/// The bars on their time axis, with a period chosen by a click or a drag.
#[component]
fn Chart(t: Timeline, axis: Axis) -> impl IntoView {
    let nav = crate::nav::nav();
    let drag = RwSignal::new(None::<(Date, Date)>);
    let max = t.buckets.iter().map(|b| b.mentions).max().unwrap_or(1).max(1);
    let span = move || drag.get().or_else(|| nav.state.get().when_span());
    let band = move || {
        let (a, b) = span()?;
        let (x1, x2) = axis.band(span_period(a, b))?;
        Some(view! { <rect x=x1 y="0" width=x2 - x1 height=HEIGHT class="band"></rect> })
    };
    // One Tab stop for the bars (a toolbar): the arrow keys, Home and End move between
    // them; the chosen bar, else the last, takes the Tab stop.
    let start = nav.state.with_untracked(|s| tab_stop(&t, s.when_span()));
    let current = RwSignal::new(start);
    let bars = t
        .buckets
        .iter()
        .enumerate()
        .map(|(i, b)| {
            bar(
                b,
                Roving {
                    i,
                    current,
                    count: t.buckets.len(),
                },
                axis,
                max,
                drag,
            )
        })
        .collect_view();
    let at = move |ev: &web_sys::PointerEvent| {
        let svg: web_sys::Element = event_target::<web_sys::Element>(ev);
        let svg = svg.closest("svg").ok().flatten()?;
        Some(axis.key_under(f64::from(ev.client_x()) - svg.get_bounding_client_rect().left()))
    };
    let down = move |ev: web_sys::PointerEvent| {
        if let Some(k) = at(&ev) {
            drag.set(Some((k, k)));
        }
    };
    let over = move |ev: web_sys::PointerEvent| {
        if let (Some((a, _)), Some(k)) = (drag.get_untracked(), at(&ev)) {
            drag.set(Some((a, k)));
        }
    };
    let up = move |ev: web_sys::PointerEvent| {
        if let (Some((a, _)), Some(k)) = (drag.get_untracked(), at(&ev)) {
            choose(nav, a, k);
        }
        drag.set(None);
    };
    let width = axis.width() + 30;
    view! {
        <svg
            class="timeline"
            viewBox=format!("0 0 {width} {}", HEIGHT + 24)
            width=width
            height=HEIGHT + 24
            role="toolbar"
            aria-label="Dates mentioned, by period"
            on:pointerdown=down
            on:pointermove=over
            on:pointerup=up
            on:pointerleave=move |_| drag.set(None)
        >
            {band}
            <line x1=PAD x2=axis.width() - PAD y1=HEIGHT y2=HEIGHT class="baseline"></line>
            {bars}
            <g aria-hidden="true">{ticks(axis)}</g>
        </svg>
    }
}

/// The bar that takes the Tab stop: the one holding the chosen period's start, else the last.
fn tab_stop(t: &Timeline, chosen: Option<(Date, Date)>) -> usize {
    chosen
        .and_then(|(a, _)| {
            t.buckets
                .iter()
                .position(|b| Period::of(b.key).overlaps(&Period::of(a)))
        })
        .unwrap_or(t.buckets.len().saturating_sub(1))
}

/// The axis's tick marks and their labels.
fn ticks(axis: Axis) -> impl IntoView {
    axis.ticks()
        .into_iter()
        .map(|(k, text)| {
            let x = axis.x(k);
            view! {
                <line x1=x x2=x y1=HEIGHT y2=HEIGHT + 4 class="tick"></line>
                <text x=x + 2 y=HEIGHT + 16 class="axis">{text}</text>
            }
        })
        .collect_view()
}

/// A bar's place among the chart's bars, and which of them holds the Tab stop.
#[derive(Clone, Copy)]
struct Roving {
    i: usize,
    current: RwSignal<usize>,
    count: usize,
}

impl Roving {
    /// The bar an arrow, Home or End key moves to from this one, if the key moves.
    fn target(&self, key: &str) -> Option<usize> {
        match key {
            "ArrowRight" | "ArrowDown" => Some((self.i + 1).min(self.count - 1)),
            "ArrowLeft" | "ArrowUp" => Some(self.i.saturating_sub(1)),
            "Home" => Some(0),
            "End" => Some(self.count - 1),
            _ => None,
        }
    }

    /// Moves the Tab stop and the focus to bar `to` of the chart holding `from`.
    fn focus(&self, from: &web_sys::Element, to: usize) {
        self.current.set(to);
        let svg = from.closest("svg").ok().flatten();
        let bars = svg.and_then(|s| s.query_selector_all(".bar-group").ok());
        if let Some(el) = bars.and_then(|b| b.item(to as u32)) {
            // An SVG element focuses as an HTML one does (the same `focus()`).
            let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    }
}

/// One bucket's bar: a button (Enter or Space chooses its period).
fn bar(
    b: &dossier_core::timeline::Bucket,
    roving: Roving,
    axis: Axis,
    max: usize,
    drag: RwSignal<Option<(Date, Date)>>,
) -> impl IntoView {
    let nav = crate::nav::nav();
    let key = b.key;
    // Whole pixels: float formatting costs wasm size.
    let h = ((HEIGHT - 20) as usize * b.mentions / max).max(1) as i32;
    let x = axis.x(key);
    let w = (axis.slot - if axis.slot > 6 { 2 } else { 1 }).max(2);
    let inside = move || {
        let span = drag.get().or_else(|| nav.state.get().when_span());
        span.is_some_and(|(a, z)| span_period(a, z).overlaps(&Period::of(key)))
    };
    // The name starts with the bar's visible text, period then count (WCAG 2.5.3).
    let label = format!(
        "{} {} in {}",
        key_label(key),
        dossier_app::wording::count(b.mentions, "mention"),
        dossier_app::wording::count(b.documents, "article")
    );
    let count = (axis.slot >= 22).then(|| {
        view! { <text x=x + w / 2 y=HEIGHT - h - 4 text-anchor="middle" class="axis" aria-hidden="true">{b.mentions}</text> }
    });
    view! {
        <g
            class="bar-group"
            data-focus=format!("bar {}", key_label(key))
            class:selected=inside
            role="button"
            tabindex=move || if roving.current.get() == roving.i { "0" } else { "-1" }
            aria-pressed=move || inside().to_string()
            aria-label=label
            on:focus=move |_| roving.current.set(roving.i)
            on:keydown=move |ev: web_sys::KeyboardEvent| {
                let k = ev.key();
                if k == "Enter" || k == " " {
                    ev.prevent_default();
                    choose(nav, key, key);
                } else if let Some(to) = roving.target(&k) {
                    ev.prevent_default();
                    roving.focus(&event_target::<web_sys::Element>(&ev), to);
                }
            }
        >
            <rect x=x y="0" width=w height=HEIGHT class="bar-hit"></rect>
            <rect x=x y=HEIGHT - h width=w height=h rx="1" class="bar-fill"></rect>
        </g>
        {count}
    }
}

/// The period's two ends, each chosen from a list of the periods with dates.
#[component]
fn Ends(t: Memo<(Granularity, Timeline)>) -> impl IntoView {
    let nav = crate::nav::nav();
    let keys = move || t.with(|(_, t)| t.buckets.iter().map(|b| b.key).collect::<Vec<_>>());
    // The chosen ends when they are of this timeline's kind, else the whole span.
    let ends = move || {
        let k = keys();
        let (first, last) = (*k.first()?, *k.last()?);
        Some(match nav.state.get().when_span() {
            Some((a, b)) if a.month.is_some() == first.month.is_some() => (a, b),
            _ => (first, last),
        })
    };
    let pick = move |from: bool| {
        move |ev: web_sys::Event| {
            let (Ok(k), Some((a, b))) = (Date::parse(&event_target_value(&ev)), ends()) else {
                return;
            };
            let (a, b) = if from { (k, b) } else { (a, k) };
            let w = dossier_app::url::period(&format!("{a}..{b}"));
            nav.update(move |s| s.when = w);
        }
    };
    let list = move |from: bool| {
        let chosen = move || ends().map(|(a, b)| if from { a } else { b });
        let options = keys()
            .into_iter()
            .map(|k| view! { <option value=k.to_string() selected=move || chosen() == Some(k)>{key_label(k)}</option> })
            .collect_view();
        view! {
            <label>
                {if from { "From " } else { "To " }}
                <select on:change=pick(from)>{options}</select>
            </label>
        }
    };
    let clear = move || {
        nav.state.get().when.map(|_| {
            view! { <button type="button" class="tool" on:click=move |_| {
                nav.update(|s| s.when = None);
                // The button goes with the period: focus the first end instead.
                dossier_app::dom::focus_soon(".ends select".into());
            }>"All dates"</button> }
        })
    };
    view! {
        <div class="ends" role="group" aria-label="Period">
            {list(true)}
            {list(false)}
            {clear}
        </div>
    }
}

/// The DATE mentions in the chosen period (or the unresolvable ones), each linking to
/// the reader.
#[component]
fn DateList() -> impl IntoView {
    let nav = crate::nav::nav();
    let results = nav.results;
    let d = data();
    // The listed dates, as indices into the index's DATE mentions.
    let listed = Memo::new(move |_| {
        let s = nav.state.get();
        let period = s.when_span().map(|(a, b)| Period {
            end: Period::of(b).end,
            ..Period::of(a)
        });
        results.with(|r| {
            let all = d.index().dates().iter().enumerate();
            all.filter(|(_, m)| (s.all_zones || m.article) && r.matched.get(m.doc).copied().unwrap_or(false))
                .filter(|(_, m)| match (&period, &m.period) {
                    (Some(p), Some(mp)) => mp.overlaps(p),
                    (Some(_), None) => false,
                    (None, p) => p.is_none() && !m.duration,
                })
                .map(|(i, _)| i)
                .collect::<Vec<_>>()
        })
    });
    export_menu::offer("Dates", || true, move |f| dates(nav, &listed.get_untracked(), f));
    move || {
        let s = nav.state.get();
        let all = d.index().dates();
        let rows: Vec<_> = listed.with(|l| l.iter().map(|&i| &all[i]).collect());
        let title = match &s.when {
            Some(w) => format!("Dates {} ({})", dossier_app::wording::period(w), rows.len()),
            None => format!("Dates that cannot be placed ({})", rows.len()),
        };
        let items = rows
            .iter()
            .map(|m| {
                let doc = &d.corpus.documents[m.doc];
                let href = nav.href(&ViewState {
                    doc: Some(doc.file.clone()),
                    mention: Some(m.range.start),
                    view: View::Articles,
                    ..s.clone()
                });
                let resolved = m
                    .period
                    .map(|p| if p.start == p.end { p.start.to_string() } else { format!("{} – {}", p.start, p.end) });
                view! {
                    <li>
                        <a href=href><mark data-label="DATE">{doc.text[m.range.clone()].to_string()}</mark></a>
                        {resolved.map(|r| view! { <span class="resolved">{format!(" → {r}")}</span> })}
                        <span class="kwic-doc">{doc.title.clone()}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="dates" aria-labelledby="dates-title">
                <h2 id="dates-title">{title}</h2>
                <ul class="date-list">{items}</ul>
            </section>
        }
    }
}

/// The timeline's periods, in its order; each links to the view of its articles.
fn periods(nav: Nav, t: &Timeline, format: Format) -> String {
    let s = nav.state.get_untracked();
    let link = |b: &Bucket| {
        nav.address(&ViewState {
            when: dossier_app::url::period(&b.key.to_string()),
            ..s.clone()
        })
    };
    export::periods(&t.buckets, link, format)
}

/// The dates the timeline lists (`listed` indexes the index's DATE mentions), in its
/// order; each links to the reader at the date.
fn dates(nav: Nav, listed: &[usize], format: Format) -> String {
    let d = data();
    let s = nav.state.get_untracked();
    let all = d.index().dates();
    let rows: Vec<&DateMention> = listed.iter().map(|&i| &all[i]).collect();
    let link = |m: &DateMention| {
        nav.address(&ViewState {
            doc: Some(d.corpus.documents[m.doc].file.clone()),
            mention: Some(m.range.start),
            view: View::Articles,
            ..s.clone()
        })
    };
    export::dates(d.corpus, d.analysis, &rows, link, format)
}
