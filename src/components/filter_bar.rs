//! The active filters as removable chips (at the head of the article list), and the
//! label legend that toggles labels (under the top bar).

use crate::app::Navigator;
use crate::components::results_list::use_results;
use crate::data::data;
use crate::url::ViewState;
use dossier_core::index::ZoneCount;
use dossier_core::query::label_mentions;
use dossier_core::Label;
use leptos::prelude::*;

/// A chip that shows one active filter and a link that removes it.
fn chip(kind: &'static str, text: String, remove_href: String) -> impl IntoView {
    let remove_label = format!("Remove filter: {text}");
    view! {
        <li class="chip" data-kind=kind>
            <span class="chip-text">{text}</span>
            <a class="chip-x" href=remove_href aria-label=remove_label title="Remove">"×"</a>
        </li>
    }
}

/// The legend, in a bar of its own under the top bar.
#[component]
pub fn FilterBar() -> impl IntoView {
    view! {
        <section class="filter-bar" aria-label="Filters">
            <Legend/>
        </section>
    }
}

/// The active filters, each removable, and a link that clears them all. They head the
/// article list they filter: there, setting or lifting one moves nothing but the list
/// (in the bar above the panes it would move the whole page).
#[component]
pub fn ActiveFilters() -> impl IntoView {
    let nav = crate::app::context::<Navigator>();
    let d = data();
    let name = move |id: &str| {
        d.analysis
            .entity(id)
            .map(|(_, e)| crate::wording::name(e).to_string())
            .unwrap_or_default()
    };
    let chips = move || {
        let s = nav.state.get();
        active_filters(&s, &name)
            .into_iter()
            .map(|(kind, text, without)| chip(kind, text, nav.href(&without)).into_any())
            .collect::<Vec<_>>()
    };
    let any = move || {
        let s = nav.state.get();
        s.is_filtered() || s.all_zones
    };
    let clear = move || nav.href(&nav.state.get().unfiltered());
    view! {
        <Show when=any>
            <div class="active-filters">
                <ul class="chips" aria-label="Active filters">
                    {chips}
                </ul>
                <a class="clear-all" href=clear>"Clear filters"</a>
            </div>
        </Show>
    }
}

/// Each active filter of `s`, in the order the chips show them: its kind, its text
/// (entities named by `name`) and the view without it.
fn active_filters(s: &ViewState, name: &dyn Fn(&str) -> String) -> Vec<(&'static str, String, ViewState)> {
    let without = |f: &dyn Fn(&mut ViewState)| {
        let mut t = s.clone();
        f(&mut t);
        t
    };
    let mut out = Vec::new();
    // The search as typed: quotes are the query language's, never added.
    if !s.q.is_empty() {
        out.push(("text", format!("search: {}", s.q), without(&|t| t.q.clear())));
    }
    for id in &s.require {
        let text = format!("with {}", name(id));
        out.push(("require", text, without(&|t| t.require.retain(|i| i != id))));
    }
    for id in &s.exclude {
        let text = format!("without {}", name(id));
        out.push(("exclude", text, without(&|t| t.exclude.retain(|i| i != id))));
    }
    if let Some(w) = &s.when {
        let text = format!("dates {}", crate::wording::period(w));
        out.push(("when", text, without(&|t| t.when = None)));
    }
    if s.own != crate::url::Whose::Both {
        let text = crate::wording::whose(s.own).into();
        out.push(("own", text, without(&|t| t.own = crate::url::Whose::Both)));
    }
    if s.all_zones {
        let text = "counting captions and site text".into();
        out.push(("zones", text, without(&|t| t.all_zones = false)));
    }
    out
}

/// The room a count of so many digits takes (`.legend-count` in `style/main.css`).
const ROOM: [&str; 10] = [
    "--w:1", "--w:2", "--w:3", "--w:4", "--w:5", "--w:6", "--w:7", "--w:8", "--w:9", "--w:10",
];

/// The room a label's count takes however it is filtered: that of its largest, the
/// whole corpus's in every zone (`web/boot.js` reserves the same, from the page's
/// `data-all`, for the first look).
fn room(count: ZoneCount) -> &'static str {
    let (mut n, mut digits) = (count.all, 1);
    while n >= 10 {
        n /= 10;
        digits += 1;
    }
    ROOM[digits - 1]
}

/// One toggle per label, with its colour, tag and mention count under the filter.
#[component]
pub fn Legend() -> impl IntoView {
    let nav = crate::app::context::<Navigator>();
    let results = use_results();
    let painted = crate::app::context::<crate::app::Painted>().0;
    // Each count holds the room of the largest it can show (the whole corpus's, every
    // zone counted), so the legend keeps its width, and the page below it its place,
    // whatever the filters, and before the counts come. Before the index (the first
    // frame) the counts of a view that filters nothing come from the analysis, as the
    // page's first look drew them.
    let totals = label_mentions(data().analysis);
    let s = nav.state.get_untracked();
    let first = !s.is_filtered() && !s.all_zones;
    view! {
        <ul class="legend" aria-label="Entity labels">
            {Label::ALL
                .into_iter()
                .enumerate()
                .map(|(i, label)| {
                    let shown = move || !nav.state.get().hide.contains(&label);
                    let toggle = move |_| {
                        nav.update(|s| {
                            if s.hide.contains(&label) {
                                s.hide.retain(|l| *l != label);
                            } else {
                                s.hide.push(label);
                                dossier_core::order::sort(&mut s.hide);
                            }
                        })
                    };
                    // After the first frame the counts follow the filters (from the index).
                    let count = move || {
                        if painted.get() {
                            Some(results.with(|r| r.labels[i].mentions))
                        } else {
                            first.then_some(totals[i].article as usize)
                        }
                    };
                    view! {
                        <li>
                            <button
                                type="button"
                                class="legend-item"
                                data-label=label.code()
                                aria-pressed=move || shown().to_string()
                                title=format!("Show or hide {} highlights", label.name())
                                on:click=toggle
                            >
                                <span class="swatch" aria-hidden="true"></span>
                                <span class="legend-name">{label.name()}</span>
                                <span class="legend-count" style=room(totals[i])>{count}</span>
                            </button>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_holds_the_room_of_the_digits_of_its_all_zones_count() {
        let room = |all| room(ZoneCount { article: 0, all });
        assert_eq!(
            [room(0), room(9), room(10), room(999), room(1000)],
            ["--w:1", "--w:1", "--w:2", "--w:3", "--w:4"]
        );
        assert_eq!(room(u32::MAX), format!("--w:{}", u32::MAX.to_string().len()));
    }
}
