//! The timeline view: DATE mentions resolved against each article's publication date,
//! counted by month (or by year when they span decades); choosing a bar filters the
//! articles to that period. Dates that cannot be placed are listed, not guessed.

use crate::app::Navigator;
use crate::components::results_list::use_results;
use crate::data::data;
use crate::url::{View, ViewState};
use dossier_core::date::Date;
use dossier_core::timeline::{timeline, Granularity, Period};
use leptos::prelude::*;

const BAR_W: i32 = 48;
const HEIGHT: i32 = 150;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A short label for a bucket key: "May 2024" or "2024".
fn key_label(k: Date) -> String {
    match k.month {
        Some(m) => format!("{} {}", MONTHS[(m - 1) as usize], k.year),
        None => k.year.to_string(),
    }
}

/// The timeline view.
#[component]
pub fn TimelineView() -> impl IntoView {
    let nav = crate::app::context::<Navigator>();
    let d = data();
    // Every filter but the period itself, so that the other periods stay choosable.
    let scope = Memo::new(move |_| {
        let s = nav.state.get();
        crate::results::results(&ViewState { when: None, ..s }).matched
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
            (
                Granularity::Year,
                timeline(d.index().dates(), Granularity::Year, s.all_zones, |doc| keep[doc]),
            )
        } else {
            (Granularity::Month, by_month)
        }
    });
    view! {
        <section class="view-timeline" aria-labelledby="timeline-title">
            <h1 id="timeline-title">"Timeline"</h1>
            <p class="hint">
                "Dates the articles mention, placed on the calendar against each article's publication date. Choose a bar to keep the articles that mention that period."
            </p>
            {move || {
                let (granularity, t) = line.get();
                let when = nav.state.get().when;
                if t.buckets.is_empty() {
                    return view! { <p class="empty">"No date in the matching articles could be placed on a calendar."</p> }
                        .into_any();
                }
                let max = t.buckets.iter().map(|b| b.mentions).max().unwrap_or(1).max(1);
                let width = BAR_W * t.buckets.len() as i32 + 20;
                let bars = t
                    .buckets
                    .iter()
                    .enumerate()
                    .map(|(i, b)| {
                        let key = b.key.to_string();
                        // Whole pixels: float formatting costs wasm size.
                        let h = ((HEIGHT - 20) as usize * b.mentions / max) as i32;
                        let x = 10 + BAR_W * i as i32;
                        let selected = when.as_deref() == Some(key.as_str());
                        // The name starts with the bar's visible text, period then count (WCAG 2.5.3).
                        let label = format!(
                            "{} {} in {}",
                            key_label(b.key),
                            crate::wording::count(b.mentions, "mention"),
                            crate::wording::count(b.documents, "article")
                        );
                        let key2 = key.clone();
                        let choose = move || {
                            let k = key2.clone();
                            nav.update(move |s| s.when = if s.when.as_deref() == Some(k.as_str()) { None } else { Some(k) });
                        };
                        let choose2 = choose.clone();
                        let every = t.buckets.len() <= 24;
                        let tick = (every || i == 0 || b.key.month == Some(1) || b.key.month.is_none()).then(|| {
                            view! { <text x=x + (BAR_W - 4) / 2 y=HEIGHT + 14 text-anchor="middle" class="axis" aria-hidden="true">{key_label(b.key)}</text> }
                        });
                        let count = view! {
                            <text x=x + (BAR_W - 4) / 2 y=HEIGHT - h - 4 text-anchor="middle" class="axis" aria-hidden="true">{b.mentions}</text>
                        };
                        view! {
                            <g
                                class="bar-group"
                                data-focus=format!("bar {key}")
                                class:selected=selected
                                role="button"
                                tabindex="0"
                                aria-pressed=selected.to_string()
                                aria-label=label
                                on:click=move |_| choose()
                                on:keydown=move |ev: web_sys::KeyboardEvent| {
                                    if ev.key() == "Enter" || ev.key() == " " {
                                        ev.prevent_default();
                                        choose2();
                                    }
                                }
                            >
                                <rect x=x y="0" width=BAR_W - 4 height=HEIGHT class="bar-hit"></rect>
                                <rect x=x y=HEIGHT - h width=BAR_W - 4 height=h rx="2" class="bar-fill"></rect>
                            </g>
                            {tick}
                            {count}
                        }
                    })
                    .collect_view();
                let note = format!(
                    "{} · {} dates placed only more coarsely · {} dates that cannot be placed without guessing",
                    if granularity == Granularity::Month { "by month" } else { "by year" },
                    t.coarser,
                    t.unresolved
                );
                view! {
                    <div class="chart">
                        <svg class="timeline" viewBox=format!("0 0 {width} {}", HEIGHT + 24) width=width height=HEIGHT + 24 role="group" aria-label="Dates mentioned, by period">
                            {bars}
                        </svg>
                    </div>
                    <p class="meta">{note}</p>
                }
                .into_any()
            }}
            <DateList/>
        </section>
    }
}

/// The DATE mentions in the chosen period (or the unresolvable ones), each linking to
/// the reader.
#[component]
fn DateList() -> impl IntoView {
    let nav = crate::app::context::<Navigator>();
    let results = use_results();
    let d = data();
    move || {
        let s = nav.state.get();
        let matched = results.with(|r| r.matched.clone());
        let period = s
            .when
            .as_deref()
            .and_then(|w| Date::parse(w).ok())
            .map(Period::of);
        let rows: Vec<_> = d
            .index()
            .dates()
            .iter()
            .filter(|m| (s.all_zones || m.article) && matched.get(m.doc).copied().unwrap_or(false))
            .filter(|m| match (&period, &m.period) {
                (Some(p), Some(mp)) => mp.overlaps(p),
                (Some(_), None) => false,
                (None, p) => p.is_none(),
            })
            .collect();
        let title = match &s.when {
            Some(w) => format!("Dates in {} ({})", w, rows.len()),
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
